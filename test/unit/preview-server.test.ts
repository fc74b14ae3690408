// The preview server over HTTP, in-process on a free port (no browser): ticket list with malformed bundles,
// `POST /__zaf/request` to the Zendesk API and through the proxy to the real GitHub stand-in, test controls,
// and the loopback-only guards.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../preview/app-server.ts';

const TOKEN = 'ghp_unitTestToken0123456789';
let preview: PreviewServer;

beforeAll(async () => {
  preview = await startPreview({
    port: 0,
    ticketDirs: ['test/fixtures/preview-tickets'],
    settings: { settings: { label_rfh: 'rfh' }, secure: { github_token: TOKEN } },
    githubToken: null,
  });
});
afterAll(async () => {
  await preview.close();
});
beforeEach(async () => {
  await post('/__reset', {});
});

async function post(path: string, body: unknown, method = 'POST'): Promise<{ status: number; json: unknown }> {
  const res = await fetch(new URL(path, preview.url), {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

async function zaf(options: Record<string, unknown>, ticketId = 1001) {
  const { json } = await post('/__zaf/request', { ticketId, options });
  return json as { status: number; statusText?: string; headers: Record<string, string>; body: string; network?: true };
}

const githubAuth = { Authorization: 'Bearer {{setting.github_token}}', Accept: 'application/vnd.github+json' };

describe('pages', () => {
  it('lists fixture tickets and --tickets bundles, and malformed bundles with file and field', async () => {
    const html = await (await fetch(preview.url)).text();
    expect(html).toContain('/tickets/1001');
    expect(html).toContain('/tickets/2001');
    expect(html).toContain('Frontend container OOMKilled every few hours after adding Perforce depots');
    expect(html).toContain('data-testid="bundle-problems"');
    expect(html).toMatch(/2002-malformed-comment\.json<\/code> — field <code>comments\[1\]\.author_id<\/code>/);
    expect(html).toContain('2003-truncated.json');
    expect(html).not.toContain('/tickets/2002');
  });

  it('serves the ticket shell with a strict CSP and 404s unknown tickets', async () => {
    const res = await fetch(new URL('/tickets/1010', preview.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('data-ticket-id="1010"');
    // Ticket text is never in the server HTML: the host script renders it with textContent.
    expect(html).not.toContain('502 Bad Gateway');
    expect((await fetch(new URL('/tickets/4242', preview.url))).status).toBe(404);
  });

  it('serves the bundled host script', async () => {
    const res = await fetch(new URL('/__host/host.js', preview.url));
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(await res.text()).toContain('zaf.app.registered');
  });

  it('gives the host page metadata with non-secure settings only', async () => {
    const data = (await (await fetch(new URL('/__host/tickets/1001', preview.url))).json()) as {
      metadata: { settings: Record<string, unknown> };
      currentUser: { name: string };
    };
    expect(data.metadata.settings.label_rfh).toBe('rfh');
    expect(data.metadata.settings.private_repository).toBe('sourcegraph/customer');
    expect(data.metadata.settings).not.toHaveProperty('github_token');
    expect(JSON.stringify(data)).not.toContain(TOKEN);
    expect(data.currentUser.name).toBe('Dana Whitfield');
  });
});

describe('POST /__zaf/request', () => {
  it('answers relative Zendesk API calls and records write-backs', async () => {
    const got = await zaf({ url: '/api/v2/tickets/1001/comments.json?page[size]=2', type: 'GET' });
    expect(got.status).toBe(200);
    expect(JSON.parse(got.body).meta.has_more).toBe(true);
    const put = await zaf({
      url: '/api/v2/tickets/1001.json',
      type: 'PUT',
      contentType: 'application/json',
      data: JSON.stringify({ ticket: { comment: { body: 'note', public: false }, additional_tags: ['rfh'] } }),
    });
    expect(put.status).toBe(200);
    const state = (await (await fetch(new URL('/__state/tickets/1001', preview.url))).json()) as { ticket: { tags: string[] } };
    expect(state.ticket.tags).toContain('rfh');
    const log = (await (await fetch(new URL('/__log', preview.url))).json()) as { zendesk: { method: string; status: number }[] };
    expect(log.zendesk.map((e) => `${e.method} ${e.status}`)).toEqual(['GET 200', 'PUT 200']);
  });

  it('sends the data of a GET as query parameters, like jQuery', async () => {
    const got = await zaf({ url: '/api/v2/tickets/1001/comments.json', type: 'GET', data: 'page[size]=1' });
    expect(got.status).toBe(200);
    expect(JSON.parse(got.body).comments).toHaveLength(1);
  });

  it('treats absolute URLs on the preview account like relative ones', async () => {
    const got = await zaf({ url: 'https://engage-preview.zendesk.com/api/v2/tickets/1002.json' });
    expect(got.status).toBe(200);
  });

  it('answers bad JSON bodies and unknown endpoints with Zendesk errors', async () => {
    expect(await zaf({ url: '/api/v2/tickets/1001.json', type: 'PUT', data: '{nope' })).toMatchObject({ status: 400 });
    expect(await zaf({ url: '/not-api' })).toMatchObject({ status: 404 });
    expect((await post('/__zaf/request', { options: {} })).status).toBe(400);
  });

  it('reaches the real GitHub stand-in with the secure token substituted server-side', async () => {
    const ok = await zaf({ url: 'https://api.github.com/repos/sourcegraph/customer', headers: githubAuth, secure: true, httpCompleteResponse: true });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ full_name: 'sourcegraph/customer' });
    expect(JSON.stringify(ok)).not.toContain(TOKEN);
    const noSecure = await zaf({ url: 'https://api.github.com/repos/sourcegraph/customer', headers: githubAuth });
    expect(noSecure.status).toBe(401);
    const log = (await (await fetch(new URL('/__log', preview.url))).json()) as { github: { path: string; status: number }[] };
    expect(log.github).toEqual([
      { method: 'GET', path: '/repos/sourcegraph/customer', status: 200 },
      { method: 'GET', path: '/repos/sourcegraph/customer', status: 401 },
    ]);
  });

  it('files an issue in the stand-in, listed at /github and /github/api', async () => {
    const created = await zaf({
      url: 'https://api.github.com/repos/sourcegraph/customer/issues',
      type: 'POST',
      headers: githubAuth,
      secure: true,
      contentType: 'application/json',
      data: JSON.stringify({ title: 'RFH: <b>gitserver</b> crash', body: 'details', labels: ['rfh'] }),
    });
    expect(created.status).toBe(201);
    const number = JSON.parse(created.body).number as number;
    const list = (await (await fetch(new URL('/github/api/repos/sourcegraph/customer/issues', preview.url))).json()) as { number: number }[];
    expect(list.map((i) => i.number)).toContain(number);
    const one = await fetch(new URL(`/github/api/repos/sourcegraph/customer/issues/${number}`, preview.url));
    expect(one.status).toBe(200);
    const html = await (await fetch(new URL('/github', preview.url))).text();
    expect(html).toMatch(/RFH: &(lt|#60);b&(gt|#62);gitserver/);
    expect(html).not.toContain('<b>gitserver');
  });

  it('refuses hosts outside the manifest whitelist', async () => {
    const res = await zaf({ url: 'https://example.com/', headers: githubAuth, secure: true });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error).toBe('DomainNotAllowed');
  });
});

describe('test controls', () => {
  it('injects Zendesk faults (status, commitThenFail, network) and clears them', async () => {
    await post('/__faults/zendesk', { method: 'PUT', path: '^/api/v2/tickets/1003\\.json$', status: 503 });
    const put = () =>
      zaf({ url: '/api/v2/tickets/1003.json', type: 'PUT', data: JSON.stringify({ ticket: { additional_tags: ['x1'] } }) }, 1003);
    expect(await put()).toMatchObject({ status: 503 });
    expect(await put()).toMatchObject({ status: 200 });

    await post('/__faults/zendesk', { path: '1003', status: 500, commitThenFail: true });
    const committed = await zaf({ url: '/api/v2/tickets/1003.json', type: 'PUT', data: JSON.stringify({ ticket: { additional_tags: ['x2'] } }) }, 1003);
    expect(committed.status).toBe(500);
    const state = (await (await fetch(new URL('/__state/tickets/1003', preview.url))).json()) as { ticket: { tags: string[] } };
    expect(state.ticket.tags).toContain('x2');

    await post('/__faults/zendesk', { network: true, times: 5 });
    expect(await zaf({ url: '/api/v2/tickets/1003.json' })).toMatchObject({ network: true });
    await post('/__faults', {}, 'DELETE');
    expect(await zaf({ url: '/api/v2/tickets/1003.json' })).toMatchObject({ status: 200 });
    expect((await post('/__faults/zendesk', { status: 'x' })).status).toBe(400);
  });

  it('injects GitHub faults into the stand-in', async () => {
    await post('/__faults/github', { method: 'GET', path: '^/repos/', status: 502 });
    expect(await zaf({ url: 'https://api.github.com/repos/sourcegraph/customer', headers: githubAuth, secure: true })).toMatchObject({ status: 502 });
    await post('/__faults/github', { network: true });
    expect(await zaf({ url: 'https://api.github.com/repos/sourcegraph/customer', headers: githubAuth, secure: true })).toMatchObject({ network: true });
  });

  it('PUT /__settings replaces settings for the next load (a wrong token gets 401); /__reset restores them', async () => {
    expect((await post('/__settings', { settings: { label_rfh: 'help' }, secure: { github_token: 'ghp_wrong' } }, 'PUT')).status).toBe(200);
    const meta = (await (await fetch(new URL('/__host/tickets/1001', preview.url))).json()) as { metadata: { settings: Record<string, unknown> } };
    expect(meta.metadata.settings.label_rfh).toBe('help');
    expect(await zaf({ url: 'https://api.github.com/repos/sourcegraph/customer', headers: githubAuth, secure: true })).toMatchObject({ status: 401 });
    expect((await post('/__settings', { settings: [] }, 'PUT')).status).toBe(400);
    await post('/__reset', {});
    expect(await zaf({ url: 'https://api.github.com/repos/sourcegraph/customer', headers: githubAuth, secure: true })).toMatchObject({ status: 200 });
  });
});

describe('guards', () => {
  function raw(path: string, headers: Record<string, string>, method = 'GET'): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: preview.port, path, method, headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(method === 'GET' ? undefined : '{}');
    });
  }

  it('answers only to loopback host names (DNS rebinding) and refuses cross-origin writes', async () => {
    expect(await raw('/', { host: `127.0.0.1:${preview.port}` })).toBe(200);
    expect(await raw('/', { host: `evil.example:${preview.port}` })).toBe(403);
    expect(await raw('/__reset', { host: `localhost:${preview.port}`, origin: 'https://evil.example', 'content-type': 'application/json' }, 'POST')).toBe(403);
    expect(await raw('/__reset', { host: `localhost:${preview.port}`, origin: `http://localhost:${preview.port}`, 'content-type': 'application/json' }, 'POST')).toBe(200);
  });

  it('never serves files outside dist/ under /app/', async () => {
    expect(await raw('/app/../package.json', { host: `localhost:${preview.port}` })).not.toBe(200);
    expect(await raw('/app/%2e%2e/package.json', { host: `localhost:${preview.port}` })).not.toBe(200);
    expect(await raw('/app/..%2Fpackage.json', { host: `localhost:${preview.port}` })).toBe(403);
  });
});
