// A `fetch` for Octokit that goes through Zendesk's proxy (`client.request` with `secure: true`) instead of the
// network. The proxy puts the GitHub token in place of `{{setting.github_token}}`, server-side: the token never
// exists in the browser, and this code never sees or sends one.
import type { ZafClient, ZafRequestOptions } from '../zaf/client.ts';
import { zafRequest } from '../zaf/request.ts';

/** What Zendesk's proxy swaps for the secure setting. Never a token. */
export const GITHUB_AUTHORIZATION = 'Bearer {{setting.github_token}}';

export const DEFAULT_GITHUB_TIMEOUT_MS = 20_000;

type ZafMethod = NonNullable<ZafRequestOptions['type']>;
const METHODS: readonly ZafMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

// Headers the adapter forwards. Everything else Octokit adds is dropped: `user-agent` (browsers refuse to set it),
// `authorization` (only the placeholder may go out) and anything with an underscore (Zendesk's proxy refuses those).
const FORWARDED = new Map<string, string>([
  ['accept', 'Accept'],
  ['content-type', 'Content-Type'],
  ['x-github-api-version', 'X-GitHub-Api-Version'],
]);

export interface ZafFetchOptions {
  /** Client-side timeout per request (ms). When it fires the call fails with "network down (timeout)". */
  timeoutMs?: number;
}

function headersToRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) {
    headers.forEach((v, k) => (out[k.toLowerCase()] = v));
  } else if (Array.isArray(headers)) {
    for (const [k, v] of headers) if (k !== undefined && v !== undefined) out[k.toLowerCase()] = v;
  } else {
    for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = String(v);
  }
  return out;
}

/** ZAF gives headers as an object, or (jqXHR style) as a raw header block; make them a Headers either way. */
function toHeaders(raw: unknown): Headers {
  const headers = new Headers();
  const add = (k: string, v: unknown) => {
    if (v === undefined || v === null) return;
    try {
      headers.append(k.trim(), String(v).trim());
    } catch {
      // A header name or value the Headers class rejects (control characters): skip it rather than fail the call.
    }
  };
  if (typeof raw === 'string') {
    for (const line of raw.split(/\r?\n/)) {
      const i = line.indexOf(':');
      if (i > 0) add(line.slice(0, i), line.slice(i + 1));
    }
  } else if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) add(k, v);
  }
  return headers;
}

function bodyText(json: unknown, text: unknown): string | null {
  if (typeof text === 'string') return text;
  if (json !== undefined && json !== null) return JSON.stringify(json);
  return null;
}

function toResponse(status: number, rawHeaders: unknown, json: unknown, text: unknown): Response {
  const headers = toHeaders(rawHeaders);
  // A body-less status may not carry a body in a Response.
  const noBody = status === 204 || status === 205 || status === 304;
  const body = noBody ? null : bodyText(json, text);
  if (body !== null && !headers.has('content-type')) {
    // Octokit parses JSON only when told it is JSON; the proxy may not pass content-type through.
    headers.set('content-type', looksLikeJson(body) ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8');
  }
  return new Response(body, { status, headers });
}

function looksLikeJson(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('{') || t.startsWith('[');
}

function inputUrl(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

/** A `fetch` over `client.request`. Only string bodies are supported (Octokit sends JSON; the proxy refuses binary). */
export function createZafFetch(client: ZafClient, options: ZafFetchOptions = {}): typeof fetch {
  const timeout = options.timeoutMs ?? DEFAULT_GITHUB_TIMEOUT_MS;
  const zafFetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const method = (init.method ?? 'GET').toUpperCase() as ZafMethod;
    if (!METHODS.includes(method)) throw new TypeError(`Engage does not send ${method} requests to GitHub`);
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') {
      throw new TypeError('Zendesk\u2019s proxy takes text bodies only');
    }
    const given = headersToRecord(init.headers);
    const headers: Record<string, string> = { Authorization: GITHUB_AUTHORIZATION };
    for (const [name, value] of Object.entries(given)) {
      const canonical = FORWARDED.get(name);
      if (canonical && !name.includes('_')) headers[canonical] = value;
    }
    const request: ZafRequestOptions = {
      url: inputUrl(input),
      type: method,
      headers,
      secure: true,
      cors: false,
      contentType: 'application/json',
      timeout,
    };
    if (typeof init.body === 'string') request.data = init.body;
    if (init.signal?.aborted) throw new DOMException('The request was aborted', 'AbortError');

    // No HTTP answer rejects with ZafNoAnswer: the request may still have reached GitHub (that is why filing looks
    // up before it creates again), and the error classifier finds it behind Octokit's wrapping.
    const answer = await zafRequest(client, request);
    return toResponse(answer.status, answer.headers, answer.json, answer.text);
  };
  return zafFetch as typeof fetch;
}
