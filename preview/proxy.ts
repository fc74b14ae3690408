// The preview's stand-in for Zendesk's request proxy: what happens to a `client.request` with an absolute URL.
// - the URL's host must be in the manifest's domainWhitelist (the preview refuses every other host, so an app bug
//   cannot reach the internet from a test);
// - with `secure: true` (and only then) `{{setting.NAME}}` of a secure parameter is replaced here, in the places its
//   manifest `scopes` allow; the value never leaves this process except towards the target;
// - GitHub's API root (api.github.com or the configured github_api_url) goes to real GitHub only when the preview
//   runs with env GITHUB_TOKEN, otherwise to the GitHub stand-in.
import type { SecureScope } from './manifest.ts';

export interface ProxyRequestOptions {
  url: string;
  type?: string;
  method?: string;
  headers?: Record<string, unknown>;
  data?: unknown;
  contentType?: string | false;
  secure?: boolean;
  cors?: boolean;
}

/** What the preview server answers to the host page for every `client.request`. */
export type ProxyAnswer =
  | { status: number; statusText: string; headers: Record<string, string>; body: string }
  | { network: true; message: string };

export interface StandInLike {
  handle(req: {
    method: string;
    path: string;
    query: URLSearchParams;
    headers: Record<string, string>;
    body: unknown;
  }): Promise<{ status: number; headers: Record<string, string>; body: unknown }>;
}

export interface ProxyConfig {
  domainWhitelist: string[];
  secureValues: Record<string, string | null>;
  secureScopes: Record<string, SecureScope[] | null>;
  /** GitHub API roots without a trailing slash, e.g. `https://api.github.com`. */
  githubApiRoots: string[];
  /** Forward GitHub requests to the real API (env GITHUB_TOKEN set) instead of the stand-in. */
  realGitHub: boolean;
  standIn: StandInLike;
  fetch: typeof fetch;
  statusText: (status: number) => string;
  /** Called for every request that reaches GitHub (real or stand-in), for `GET /__log`. */
  logGitHub?: (entry: { method: string; path: string; status: number }) => void;
}

const PLACEHOLDER = /\{\{\s*setting\.([A-Za-z0-9_.-]+)\s*\}\}/g;

function normaliseDomain(entry: string): string {
  return entry
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/.*$/, '');
}

/** Zendesk matches the request's host against each whitelist entry; `*.example.com` allows its subdomains. */
export function isWhitelisted(url: URL, whitelist: string[]): boolean {
  const host = url.hostname.toLowerCase();
  const hostPort = url.host.toLowerCase();
  return whitelist.map(normaliseDomain).some((entry) => {
    if (entry.startsWith('*.')) return host.endsWith(entry.slice(1));
    return entry === host || entry === hostPort;
  });
}

export class ProxyRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function substituteIn(text: string, scope: SecureScope, cfg: Pick<ProxyConfig, 'secureValues' | 'secureScopes'>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in cfg.secureScopes)) return whole; // not a secure parameter: Zendesk leaves it alone
    const scopes = cfg.secureScopes[name];
    if (scopes && !scopes.includes(scope)) {
      throw new ProxyRefusal(
        400,
        'SecureSettingScope',
        `secure setting "${name}" may only be used in: ${scopes.join(', ')} (manifest scopes), not in the ${scope}`,
      );
    }
    return cfg.secureValues[name] ?? '';
  });
}

export interface PreparedRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Validate and substitute; throws ProxyRefusal with a clear message when Zendesk's proxy would refuse. */
export function prepareProxyRequest(options: ProxyRequestOptions, cfg: Pick<ProxyConfig, 'domainWhitelist' | 'secureValues' | 'secureScopes'>): PreparedRequest {
  const secure = options.secure === true && options.cors !== true;
  const sub = (text: string, scope: SecureScope) => (secure ? substituteIn(text, scope, cfg) : text);

  let url: URL;
  try {
    url = new URL(sub(options.url, 'url'));
  } catch {
    throw new ProxyRefusal(400, 'InvalidUrl', `not a valid URL: ${options.url}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ProxyRefusal(400, 'InvalidUrl', `only http(s) URLs can be requested, not ${url.protocol}`);
  }
  if (!isWhitelisted(url, cfg.domainWhitelist)) {
    throw new ProxyRefusal(
      403,
      'DomainNotAllowed',
      `${url.host} is not in the app's domainWhitelist (manifest.json: ${JSON.stringify(cfg.domainWhitelist)})`,
    );
  }
  const method = String(options.type ?? options.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    // Zendesk's proxy refuses header names with underscores (they are dropped by the web servers in between).
    if (name.includes('_')) throw new ProxyRefusal(400, 'InvalidHeader', `header names must not contain "_": ${name}`);
    if (value === undefined || value === null) continue;
    headers[name.toLowerCase()] = sub(String(value), 'header');
  }
  let body: string | undefined;
  if (options.data !== undefined && options.data !== null) {
    if (typeof options.data !== 'string') {
      // jQuery would form-encode an object; Engage always sends JSON text, so anything else is an app bug.
      throw new ProxyRefusal(400, 'InvalidBody', 'request data must be a string (JSON.stringify it and set contentType)');
    }
    body = sub(options.data, 'body');
  }
  if (body !== undefined && (method === 'GET' || method === 'HEAD')) {
    // jQuery appends GET data to the query string.
    url.search = url.search ? `${url.search}&${body}` : `?${body}`;
    body = undefined;
  }
  if (body !== undefined && options.contentType !== false && !headers['content-type']) {
    headers['content-type'] = options.contentType || 'application/x-www-form-urlencoded; charset=UTF-8';
  }
  return { url, method, headers, body };
}

/** The path after a GitHub API root, or null when the URL is not under one. */
export function githubPath(url: URL, roots: string[]): string | null {
  for (const rootText of roots) {
    let root: URL;
    try {
      root = new URL(rootText);
    } catch {
      continue;
    }
    if (root.origin !== url.origin) continue;
    const base = root.pathname.replace(/\/+$/, '');
    if (base === '') return url.pathname;
    if (url.pathname === base) return '/';
    if (url.pathname.startsWith(`${base}/`)) return url.pathname.slice(base.length);
  }
  return null;
}

export async function proxyAbsolute(options: ProxyRequestOptions, cfg: ProxyConfig): Promise<ProxyAnswer> {
  let prepared: PreparedRequest;
  try {
    prepared = prepareProxyRequest(options, cfg);
  } catch (e) {
    if (!(e instanceof ProxyRefusal)) throw e;
    return {
      status: e.status,
      statusText: cfg.statusText(e.status),
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ error: e.code, description: e.message }),
    };
  }
  const ghPath = githubPath(prepared.url, cfg.githubApiRoots);
  if (ghPath !== null && !cfg.realGitHub) {
    try {
      const res = await cfg.standIn.handle({
        method: prepared.method,
        path: ghPath,
        query: new URLSearchParams(prepared.url.search),
        headers: prepared.headers,
        // The raw text: the stand-in parses it and answers GitHub's 400 for bad JSON, as GitHub does.
        body: prepared.body,
      });
      cfg.logGitHub?.({ method: prepared.method, path: ghPath, status: res.status });
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) headers[k.toLowerCase()] = v;
      if (res.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json; charset=utf-8';
      return {
        status: res.status,
        statusText: cfg.statusText(res.status),
        headers,
        body: res.body === undefined ? '' : JSON.stringify(res.body),
      };
    } catch (e) {
      cfg.logGitHub?.({ method: prepared.method, path: ghPath, status: 0 });
      // The stand-in's NetworkFault (a simulated dropped connection); anything else is a stand-in bug, reported
      // the same way so the app's handling shows, with the message kept for the server log.
      return { network: true, message: (e as Error).message };
    }
  }
  try {
    const res = await cfg.fetch(prepared.url, {
      method: prepared.method,
      headers: { 'user-agent': 'engage-preview', ...prepared.headers },
      body: prepared.body,
      signal: AbortSignal.timeout(60_000),
    });
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) headers[k] = v;
    });
    const body = await res.text();
    if (ghPath !== null) cfg.logGitHub?.({ method: prepared.method, path: ghPath, status: res.status });
    return { status: res.status, statusText: res.statusText || cfg.statusText(res.status), headers, body };
  } catch (e) {
    if (ghPath !== null) cfg.logGitHub?.({ method: prepared.method, path: ghPath, status: 0 });
    return { network: true, message: (e as Error).message };
  }
}
