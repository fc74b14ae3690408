// For in-process contract tests of the app's GitHub adapters: turn the `client.request` options the app sends
// (through Zendesk's proxy) into a stand-in request, and the stand-in's answer into what `client.request` resolves
// or rejects with — the same mapping the preview server and host page perform over HTTP, without a browser.
import type { ZafCompleteResponse, ZafRequestError, ZafRequestOptions } from '../../src/zaf/client.ts';
import { NetworkFault, type GitHubStandIn, type StandInRequest, type StandInResponse } from './standin.ts';

const PLACEHOLDER = /\{\{\s*setting\.([A-Za-z0-9_.-]+)\s*\}\}/g;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * The stand-in request for a ZAF request to GitHub. `apiRoot` is the configured API URL (e.g.
 * `https://api.github.com` or `https://ghe.example.com/api/v3`); the URL must be under it. `data` is passed as
 * the raw text (the stand-in parses it and answers 400 for bad JSON, as GitHub does). Header names are
 * lower-cased; placeholders are NOT substituted here (see `standInRequester` for the proxy's substitution).
 */
export function zafRequestToStandIn(options: ZafRequestOptions, apiRoot: string): StandInRequest {
  const url = new URL(options.url);
  const root = new URL(apiRoot);
  const base = root.pathname.replace(/\/+$/, '');
  if (url.origin !== root.origin || !(url.pathname === base || url.pathname.startsWith(`${base}/`) || base === '')) {
    throw new Error(`${options.url} is not under the GitHub API root ${apiRoot}`);
  }
  const path = url.pathname.slice(base.length) || '/';
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  const method = (options.type ?? 'GET').toUpperCase();
  const query = new URLSearchParams(url.search);
  let body: unknown = options.data;
  // jQuery-style: `data` of a GET is a query string.
  if ((method === 'GET' || method === 'HEAD') && typeof options.data === 'string' && options.data !== '') {
    for (const [k, v] of new URLSearchParams(options.data)) query.append(k, v);
    body = undefined;
  }
  return { method, path, query, headers, body };
}

export type ZafResult = { ok: true; value: ZafCompleteResponse | unknown } | { ok: false; error: ZafRequestError };

/**
 * What `client.request(options)` does with the stand-in's answer: resolves (2xx/3xx) with the complete response
 * when `httpCompleteResponse: true`, else with the parsed body; rejects (4xx/5xx, jQuery semantics) with
 * `{status, statusText, responseText, responseJSON, headers}`.
 */
export function standInToZafResult(response: StandInResponse, options: Pick<ZafRequestOptions, 'httpCompleteResponse'>): ZafResult {
  const responseText = response.body === undefined ? '' : JSON.stringify(response.body);
  const statusText = STATUS_TEXT[response.status] ?? 'error';
  if (response.status >= 400) {
    const error: ZafRequestError = { status: response.status, statusText, responseText, headers: response.headers };
    if (response.body !== undefined) error.responseJSON = response.body;
    return { ok: false, error };
  }
  if (options.httpCompleteResponse) {
    const complete: ZafCompleteResponse = { status: response.status, headers: response.headers, responseText };
    if (response.body !== undefined) complete.responseJSON = response.body;
    return { ok: true, value: complete };
  }
  return { ok: true, value: response.body };
}

/**
 * A `client.request` implementation over a stand-in, as Zendesk's proxy behaves: `{{setting.NAME}}` is replaced
 * from `secureSettings` only when `secure: true` (otherwise it reaches GitHub verbatim and fails as bad
 * credentials); a NetworkFault rejects like a dropped connection (`status: 0`).
 */
export function standInRequester(
  standIn: GitHubStandIn,
  apiRoot: string,
  secureSettings: Record<string, string>,
): <T = unknown>(options: ZafRequestOptions) => Promise<T> {
  return async <T = unknown>(options: ZafRequestOptions): Promise<T> => {
    let effective = options;
    if (options.secure) {
      const sub = (text: string): string => text.replace(PLACEHOLDER, (whole, name: string) => secureSettings[name] ?? whole);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(options.headers ?? {})) headers[k] = sub(v);
      effective = { ...options, url: sub(options.url), headers };
      if (typeof options.data === 'string') effective.data = sub(options.data);
    }
    let response: StandInResponse;
    try {
      response = await standIn.handle(zafRequestToStandIn(effective, apiRoot));
    } catch (e) {
      if (e instanceof NetworkFault) {
        const error: ZafRequestError = { status: 0, statusText: 'error', responseText: '' };
        throw error;
      }
      throw e;
    }
    const result = standInToZafResult(response, options);
    if (!result.ok) throw result.error;
    return result.value as T;
  };
}
