// The preview's stand-in for Zendesk's request proxy (preview/proxy.ts), its settings and manifest handling:
// whitelist, `{{setting.*}}` substitution only with `secure: true` and only within the manifest scopes, routing to
// the GitHub stand-in or (with GITHUB_TOKEN) the real API, and secure values never reaching metadata.settings.
import { describe, expect, it } from 'vitest';
import { FALLBACK_MANIFEST, manifestInfoFrom, readManifestInfo } from '../../preview/manifest.ts';
import { githubPath, isWhitelisted, prepareProxyRequest, proxyAbsolute, ProxyRefusal, type ProxyConfig, type StandInLike } from '../../preview/proxy.ts';
import { metadataSettings, normaliseSettings } from '../../preview/settings.ts';
import { FaultList, parseFaultRule } from '../../preview/faults.ts';

const TOKEN = 'ghp_secretsecretsecret';

/** A tiny in-test GitHub double: records what reached it and answers like GitHub's auth check. */
function standInDouble() {
  const seen: { method: string; path: string; query: string; headers: Record<string, string>; body: unknown }[] = [];
  const standIn: StandInLike = {
    async handle(req): Promise<{ status: number; headers: Record<string, string>; body: unknown }> {
      seen.push({ method: req.method, path: req.path, query: req.query.toString(), headers: req.headers, body: req.body });
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        return { status: 401, headers: {}, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } };
      }
      return { status: 200, headers: { 'x-ratelimit-remaining': '4999' }, body: { full_name: 'sourcegraph/customer' } };
    },
  };
  return { standIn, seen };
}

function config(overrides: Partial<ProxyConfig> = {}): ProxyConfig & { seen: ReturnType<typeof standInDouble>['seen'] } {
  const { standIn, seen } = standInDouble();
  return {
    domainWhitelist: ['api.github.com'],
    secureValues: { github_token: TOKEN },
    secureScopes: { github_token: ['header'] },
    githubApiRoots: ['https://api.github.com'],
    realGitHub: false,
    standIn,
    fetch: (() => {
      throw new Error('no network in unit tests');
    }) as unknown as typeof fetch,
    statusText: (s) => (s === 200 ? 'OK' : s === 401 ? 'Unauthorized' : s === 403 ? 'Forbidden' : s === 400 ? 'Bad Request' : ''),
    seen,
    ...overrides,
  };
}

const auth = { Authorization: 'Bearer {{setting.github_token}}' };

describe('secure placeholders', () => {
  it('are replaced server-side when secure: true, and the stand-in gets the token', async () => {
    const cfg = config();
    const answer = await proxyAbsolute({ url: 'https://api.github.com/repos/sourcegraph/customer', headers: auth, secure: true }, cfg);
    expect(answer).toMatchObject({ status: 200, statusText: 'OK' });
    expect(cfg.seen[0]).toMatchObject({ method: 'GET', path: '/repos/sourcegraph/customer', headers: { authorization: `Bearer ${TOKEN}` } });
    // The answer the browser gets does not carry the token.
    expect(JSON.stringify(answer)).not.toContain(TOKEN);
  });

  it('are NOT replaced without secure: true (GitHub then refuses the literal placeholder)', async () => {
    const cfg = config();
    const answer = await proxyAbsolute({ url: 'https://api.github.com/repos/sourcegraph/customer', headers: auth }, cfg);
    expect(answer).toMatchObject({ status: 401 });
    expect(cfg.seen[0]!.headers.authorization).toBe('Bearer {{setting.github_token}}');
  });

  it('are not replaced for cors: true requests (they bypass the proxy in Zendesk)', () => {
    const p = prepareProxyRequest({ url: 'https://api.github.com/x', headers: auth, secure: true, cors: true }, config());
    expect(p.headers.authorization).toBe('Bearer {{setting.github_token}}');
  });

  it('are refused outside the manifest scopes (header only for the token)', () => {
    expect(() => prepareProxyRequest({ url: 'https://api.github.com/x?t={{setting.github_token}}', secure: true }, config())).toThrow(ProxyRefusal);
    expect(() =>
      prepareProxyRequest({ url: 'https://api.github.com/x', type: 'POST', data: '{"t":"{{setting.github_token}}"}', secure: true }, config()),
    ).toThrow(/only be used in: header/);
    // Without scopes in the manifest, anywhere goes.
    const p = prepareProxyRequest(
      { url: 'https://api.github.com/x', type: 'POST', data: '{"t":"{{setting.github_token}}"}', secure: true },
      config({ secureScopes: { github_token: null } }),
    );
    expect(p.body).toBe(`{"t":"${TOKEN}"}`);
  });

  it('leave non-secure names alone and put an empty string for an unset secure setting', () => {
    const p = prepareProxyRequest(
      { url: 'https://api.github.com/x', headers: { 'X-Repo': '{{setting.private_repository}}', Authorization: 'Bearer {{setting.github_token}}' }, secure: true },
      config({ secureValues: { github_token: null } }),
    );
    expect(p.headers['x-repo']).toBe('{{setting.private_repository}}');
    expect(p.headers.authorization).toBe('Bearer ');
  });
});

describe('whitelist and request shape', () => {
  it('refuses hosts outside domainWhitelist with a clear 403 and never calls them', async () => {
    const cfg = config();
    const answer = await proxyAbsolute({ url: 'https://evil.example/steal', headers: auth, secure: true }, cfg);
    expect(answer).toMatchObject({ status: 403 });
    expect('body' in answer && JSON.parse(answer.body)).toMatchObject({ error: 'DomainNotAllowed' });
    expect(cfg.seen).toEqual([]);
  });

  it('matches exact hosts and *.wildcards', () => {
    expect(isWhitelisted(new URL('https://api.github.com/x'), ['api.github.com'])).toBe(true);
    expect(isWhitelisted(new URL('https://api.github.com.evil.example/x'), ['api.github.com'])).toBe(false);
    expect(isWhitelisted(new URL('https://ghe.corp.example/api/v3'), ['*.corp.example'])).toBe(true);
    expect(isWhitelisted(new URL('https://corp.example/'), ['*.corp.example'])).toBe(false);
    expect(isWhitelisted(new URL('https://api.github.com/x'), ['https://api.github.com/'])).toBe(true);
  });

  it('refuses header names with underscores and non-http URLs, like Zendesk', () => {
    expect(() => prepareProxyRequest({ url: 'https://api.github.com/x', headers: { X_Thing: '1' } }, config())).toThrow(/must not contain "_"/);
    expect(() => prepareProxyRequest({ url: 'file:///etc/passwd' }, config())).toThrow(/only http/);
    expect(() => prepareProxyRequest({ url: 'not a url' }, config())).toThrow(/not a valid URL/);
  });

  it('passes JSON bodies through as text and appends GET data to the query (jQuery)', async () => {
    const cfg = config();
    await proxyAbsolute(
      { url: 'https://api.github.com/repos/sourcegraph/customer/issues', type: 'POST', headers: auth, secure: true, data: '{"title":"x"}', contentType: 'application/json' },
      cfg,
    );
    expect(cfg.seen[0]).toMatchObject({ method: 'POST', body: '{"title":"x"}', headers: { 'content-type': 'application/json' } });
    await proxyAbsolute({ url: 'https://api.github.com/search/issues?q=a', headers: auth, secure: true, data: 'per_page=5' }, cfg);
    expect(cfg.seen[1]!.query).toBe('q=a&per_page=5');
  });

  it('maps paths under a GitHub Enterprise API root', () => {
    expect(githubPath(new URL('https://ghe.corp.example/api/v3/repos/a/b'), ['https://api.github.com', 'https://ghe.corp.example/api/v3'])).toBe('/repos/a/b');
    expect(githubPath(new URL('https://ghe.corp.example/other'), ['https://ghe.corp.example/api/v3'])).toBeNull();
    expect(githubPath(new URL('https://api.github.com/user'), ['https://api.github.com'])).toBe('/user');
  });

  it('turns a stand-in network fault into a network answer', async () => {
    const cfg = config({
      standIn: {
        handle: () => Promise.reject(new Error('socket hang up')),
      },
    });
    expect(await proxyAbsolute({ url: 'https://api.github.com/x' }, cfg)).toEqual({ network: true, message: 'socket hang up' });
  });

  it('forwards to the real API only in real-GitHub mode, with the substituted token', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: URL | string, init: RequestInit) => {
      calls.push({ url: String(url), init });
      return new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    const cfg = config({ realGitHub: true, fetch: fakeFetch });
    const answer = await proxyAbsolute({ url: 'https://api.github.com/user', headers: auth, secure: true }, cfg);
    expect(answer).toMatchObject({ status: 200, body: '{"ok":true}' });
    expect(cfg.seen).toEqual([]);
    expect(calls[0]!.url).toBe('https://api.github.com/user');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe('settings and manifest', () => {
  const manifest = manifestInfoFrom(
    {
      name: 'Engage',
      version: '1.2.3',
      domainWhitelist: ['api.github.com'],
      parameters: [
        { name: 'github_token', type: 'text', secure: true, scopes: ['header'] },
        { name: 'label_rfh', type: 'text', default: 'rfh' },
        { name: 'routing_overrides', type: 'multiline' },
      ],
    },
    'test',
  );

  it('reads whitelist, secure parameters with scopes and defaults from the manifest', () => {
    expect(manifest.domainWhitelist).toEqual(['api.github.com']);
    expect(manifest.secureParameters).toEqual({ github_token: ['header'] });
    expect(manifest.parameterDefaults).toEqual({ label_rfh: 'rfh', routing_overrides: '' });
    expect(readManifestInfo('/nonexistent/manifest.json')).toBe(FALLBACK_MANIFEST);
    expect(readManifestInfo('manifest.json').domainWhitelist).toContain('api.github.com');
  });

  it('keeps secure values out of metadata.settings, even when the file lists them under "settings"', () => {
    const { value, problems } = normaliseSettings({ settings: { label_rfh: 'help', github_token: TOKEN } }, manifest, 'default-token');
    expect(problems.join('\n')).toMatch(/github_token.*secure/);
    expect(value.secure.github_token).toBe(TOKEN);
    const meta = metadataSettings(manifest, value);
    expect(meta).toEqual({ label_rfh: 'help', routing_overrides: '' });
    expect(JSON.stringify(meta)).not.toContain(TOKEN);
  });

  it('uses the default token unless the settings name one or null', () => {
    expect(normaliseSettings({}, manifest, 'dflt').value.secure.github_token).toBe('dflt');
    expect(normaliseSettings({ secure: { github_token: null } }, manifest, 'dflt').value.secure.github_token).toBeNull();
    expect(normaliseSettings({ secure: { github_token: 5 } }, manifest, 'dflt').problems).toHaveLength(1);
    expect(normaliseSettings([], manifest, 'dflt').problems).toHaveLength(1);
    expect(normaliseSettings({ settings: { x: { nested: 1 } } }, manifest, 'dflt').problems[0]).toMatch(/flat/);
  });
});

describe('fault rules', () => {
  it('parses, matches by method and path RegExp, and is used up after `times`', () => {
    const list = new FaultList();
    list.add(parseFaultRule({ method: 'put', path: '^/api/v2/tickets/\\d+\\.json$', status: 500, times: 2 }));
    expect(list.take('GET', '/api/v2/tickets/1.json')).toBeNull();
    expect(list.take('PUT', '/api/v2/tickets/1.json')).toMatchObject({ status: 500 });
    expect(list.take('PUT', '/api/v2/tickets/1.json')).toMatchObject({ status: 500 });
    expect(list.take('PUT', '/api/v2/tickets/1.json')).toBeNull();
  });

  it('rejects malformed rules with a message naming the field', () => {
    expect(() => parseFaultRule({ status: 'boom' })).toThrow(/status/);
    expect(() => parseFaultRule({ path: '(' })).toThrow(/RegExp/);
    expect(() => parseFaultRule({ method: 'GET' })).toThrow(/needs/);
    expect(() => parseFaultRule({ status: 700 })).toThrow(/HTTP status/);
    expect(parseFaultRule({ network: true, commitThenFail: true })).toEqual({ network: true, commitThenFail: true });
  });
});
