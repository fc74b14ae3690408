// The Zendesk REST API through the agent's own session (no token): an answer's body, or a ZendeskCallError with the
// HTTP status (0 = no answer) and Zendesk's own words for what went wrong.
import type { ZafClient, ZafRequestOptions } from '../zaf/client.ts';
import { ZafNoAnswer, zafRequest, type ZafAnswer } from '../zaf/request.ts';

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
  const request: ZafRequestOptions = { url: options.url, type: options.type, timeout: options.timeoutMs ?? ZENDESK_TIMEOUT_MS };
  if (options.body !== undefined) {
    request.data = JSON.stringify(options.body);
    request.contentType = 'application/json';
  }
  let answer: ZafAnswer;
  try {
    answer = await zafRequest(client, request);
  } catch (e) {
    if (e instanceof ZafNoAnswer) throw new ZendeskCallError(0, e.timedOut ? 'timed out' : 'no answer from Zendesk', undefined, e.timedOut);
    throw e;
  }
  const body = readBody(answer.json, answer.text);
  if (answer.status >= 200 && answer.status < 300) return { status: answer.status, body };
  // Some hosts resolve non-2xx answers instead of rejecting them: either way they are failures.
  throw new ZendeskCallError(answer.status, zendeskMessage(body, answer.statusText || `HTTP ${answer.status}`), body, false);
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
