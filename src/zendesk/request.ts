// One way to call the Zendesk REST API through `client.request` (the agent's own session, no token) and read the
// answer whatever form the SDK hands it in. We always ask for `httpCompleteResponse: true`, so success resolves with
// `{status, headers, responseText, responseJSON}`; failure rejects with `{status, statusText, responseText,
// responseJSON}` (zaf-protocol.md). Status 0 means no HTTP answer at all (network down or the timeout fired).
import type { ZafClient, ZafCompleteResponse, ZafRequestError, ZafRequestOptions } from './zaf.ts';

export interface ZendeskCallOk {
  status: number;
  body: unknown;
}

/** A Zendesk call that did not succeed: the HTTP status (0 = no answer) and Zendesk's own error words. */
export class ZendeskCallError extends Error {
  readonly status: number;
  readonly timedOut: boolean;
  readonly body: unknown;
  constructor(status: number, message: string, body: unknown, timedOut: boolean) {
    super(message);
    this.name = 'ZendeskCallError';
    this.status = status;
    this.body = body;
    this.timedOut = timedOut;
  }
}

export const ZENDESK_TIMEOUT_MS = 30_000;

export async function zendeskCall(
  client: ZafClient,
  options: { url: string; type: 'GET' | 'PUT' | 'POST'; body?: unknown; timeoutMs?: number },
): Promise<ZendeskCallOk> {
  const request: ZafRequestOptions = {
    url: options.url,
    type: options.type,
    // Text, parsed here: jQuery's own JSON parsing turns an empty or odd body into a failure with status 200.
    dataType: 'text',
    httpCompleteResponse: true,
    timeout: options.timeoutMs ?? ZENDESK_TIMEOUT_MS,
  };
  if (options.body !== undefined) {
    request.data = JSON.stringify(options.body);
    request.contentType = 'application/json';
  }
  let result: unknown;
  try {
    result = await client.request<unknown>(request);
  } catch (failure) {
    throw toCallError(failure);
  }
  const complete = result as Partial<ZafCompleteResponse> | null;
  if (complete && typeof complete === 'object' && typeof complete.status === 'number') {
    const body = readBody(complete.responseJSON, complete.responseText);
    if (complete.status >= 200 && complete.status < 300) return { status: complete.status, body };
    // Some hosts resolve non-2xx answers instead of rejecting them; treat them as the failures they are.
    throw new ZendeskCallError(complete.status, zendeskMessage(body, `HTTP ${complete.status}`), body, false);
  }
  // A host that ignored httpCompleteResponse resolved with the parsed body itself.
  return { status: 200, body: result };
}

function readBody(json: unknown, text: string | undefined): unknown {
  if (json !== undefined && json !== null) return json;
  if (typeof text === 'string' && text.trim() !== '') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return undefined;
}

function toCallError(failure: unknown): ZendeskCallError {
  if (failure instanceof ZendeskCallError) return failure;
  if (typeof failure === 'object' && failure !== null) {
    const f = failure as Partial<ZafRequestError>;
    const status = typeof f.status === 'number' ? f.status : 0;
    const body = readBody(f.responseJSON, f.responseText);
    const timedOut = f.statusText === 'timeout';
    const message = status === 0 ? (timedOut ? 'timed out' : 'no answer from Zendesk') : zendeskMessage(body, f.statusText || `HTTP ${status}`);
    return new ZendeskCallError(status, message, body, timedOut);
  }
  return new ZendeskCallError(0, String(failure), undefined, false);
}

/** Zendesk errors come as `{error, description}`, `{error: {title, message}}` or `{details: {...}}`. */
export function zendeskMessage(body: unknown, fallback: string): string {
  if (typeof body !== 'object' || body === null) {
    return typeof body === 'string' && body.trim() ? body.trim().slice(0, 300) : fallback;
  }
  const o = body as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof o.description === 'string') parts.push(o.description);
  if (typeof o.error === 'string' && parts.length === 0) parts.push(o.error);
  if (typeof o.error === 'object' && o.error !== null) {
    const e = o.error as Record<string, unknown>;
    if (typeof e.message === 'string') parts.push(e.message);
    else if (typeof e.title === 'string') parts.push(e.title);
  }
  if (typeof o.details === 'object' && o.details !== null) {
    for (const [field, list] of Object.entries(o.details as Record<string, unknown>)) {
      if (Array.isArray(list)) {
        for (const d of list) {
          if (typeof d === 'object' && d !== null && typeof (d as { description?: unknown }).description === 'string') {
            parts.push(`${field}: ${(d as { description: string }).description}`);
          }
        }
      }
    }
  }
  return parts.length ? parts.join('; ').slice(0, 500) : fallback;
}
