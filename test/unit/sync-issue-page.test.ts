// The stand-in's issue page (play the engineer): what it shows, that customer and engineer text stays text, the
// page's policy, and what a bad form or a refusal by GitHub does (said on the page, nothing run, nothing lost).
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { SUBDOMAIN, startPreview, type PreviewServer } from '../../preview/app-server.ts';
import { linkLine, unlinkedLine } from '../../src/core/issue-markers.ts';

// Each test drives the preview over HTTP: room for a machine busy with other test runs.
vi.setConfig({ testTimeout: 60_000 });

let preview: PreviewServer;
let origin: string;
beforeAll(async () => {
  preview = await startPreview({ port: 0, settings: {} });
  origin = preview.url.replace(/\/$/, '');
}, 60_000);
afterAll(async () => {
  await preview.close();
});
beforeEach(async () => {
  await fetch(`${origin}/__reset`, { method: 'POST' });
});

async function gh(method: string, path: string, body?: unknown) {
  const res = await preview.standIn.handle({ method, path, query: new URLSearchParams(), headers: { authorization: `Bearer ${preview.githubApi.token}` }, body });
  return res.body as { number: number };
}

const page = (n: number) => fetch(`${origin}/github/sourcegraph/customer/issues/${n}`);
const post = (n: number, action: string, form: Record<string, string>) =>
  fetch(`${origin}/github/sourcegraph/customer/issues/${n}/${action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams(form).toString(),
  });

it('shows the body, comments and the linked tickets (unlinked and other accounts left out), all as text, under a strict policy', async () => {
  const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const { number } = await gh('POST', '/repos/sourcegraph/customer/issues', { title: `Timeouts ${hostile}`, body: `${hostile}\n\n${linkLine('filed', { subdomain: SUBDOMAIN, ticketId: 1001 })}` });
  await gh('POST', `/repos/sourcegraph/customer/issues/${number}/comments`, { body: `More\n\n${linkLine('added', { subdomain: SUBDOMAIN, ticketId: 1002 })}` });
  await gh('POST', `/repos/sourcegraph/customer/issues/${number}/comments`, { body: `Gone\n\n${unlinkedLine({ subdomain: SUBDOMAIN, ticketId: 1003 })}` });
  await gh('POST', `/repos/sourcegraph/customer/issues/${number}/comments`, { body: `Elsewhere\n\n${linkLine('added', { subdomain: 'other-account', ticketId: 1004 })}` });
  const res = await page(number);
  expect(res.status).toBe(200);
  const csp = res.headers.get('content-security-policy')!;
  expect(csp).toContain("script-src 'none'");
  expect(csp).toContain("form-action 'self'");
  const html = await res.text();
  expect(html).not.toContain('<script>alert');
  expect(html).not.toContain('<img src=x');
  expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  const tickets = [...html.matchAll(/data-testid="gh-issue-ticket" data-ticket="(\d+)"/g)].map((m) => Number(m[1]));
  expect(tickets).toEqual([1001, 1002]);
  for (const form of ['gh-comment-form', 'gh-close-form', 'gh-assign-form', 'gh-label-form']) expect(html).toContain(`data-testid="${form}"`);
  expect((await page(999)).status).toBe(404);
});

it('an empty comment and a login GitHub refuses are said on the page; nothing changes, no sync runs', async () => {
  const { number } = await gh('POST', '/repos/sourcegraph/customer/issues', { title: 'T', body: linkLine('filed', { subdomain: SUBDOMAIN, ticketId: 1001 }) });
  const empty = await post(number, 'comment', { body: '   ' });
  expect(empty.status).toBe(303);
  let html = await (await page(number)).text();
  expect(html).toMatch(/data-testid="gh-problem">A comment needs some text\./);
  expect(html).not.toContain('data-testid="gh-sync-run"');
  await post(number, 'assign', { login: 'not a login!' });
  html = await (await page(number)).text();
  expect(html).toMatch(/data-testid="gh-problem">GitHub refused it \(422\)/);
  // Said once: the next visit shows the page as it is.
  expect(await (await page(number)).text()).not.toContain('data-testid="gh-problem"');
  const bundle = (await (await fetch(`${origin}/__state/tickets/1001`)).json()) as { comments: { body: string }[] };
  expect(bundle.comments.some((c) => c.body.includes('Engage sync'))).toBe(false);
});

it('a post from another origin is refused before anything happens', async () => {
  const { number } = await gh('POST', '/repos/sourcegraph/customer/issues', { title: 'T', body: 'B' });
  const res = await fetch(`${origin}/github/sourcegraph/customer/issues/${number}/close`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    body: 'reason=completed',
  });
  expect(res.status).toBe(403);
  expect(((await (await fetch(`${origin}/github/api/repos/sourcegraph/customer/issues/${number}`)).json()) as { state: string }).state).toBe('open');
});
