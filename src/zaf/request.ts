// One way to send a request through the ZAF client and read the answer, whichever form the SDK hands it in. Both
// adapters use it: the Zendesk REST calls (the agent's own session) and GitHub's (through Zendesk's proxy).
// We always ask for `httpCompleteResponse: true` and text: success then resolves with `{status, headers,
// responseText}`, an HTTP error rejects with `{status, statusText, responseText, responseJSON, headers}`, and no
// answer at all (the connection dropped, the timeout fired) rejects with status 0.
import type { ZafClient, ZafCompleteResponse, ZafRequestError, ZafRequestOptions } from './client.ts';

/** An HTTP answer, whatever its status. */
export interface ZafAnswer {
  status: number;
  statusText: string;
  /** As the SDK gives them: an object, or (jqXHR style) a raw header block. */
  headers: unknown;
  json: unknown;
  text: string | undefined;
}

/** No HTTP answer came back: the request may or may not have reached the server. */
export class ZafNoAnswer extends Error {
  readonly timedOut: boolean;
  constructor(message: string, timedOut: boolean) {
    super(message);
    this.name = 'ZafNoAnswer';
    this.timedOut = timedOut;
  }
}

const isHttpStatus = (status: unknown): status is number => typeof status === 'number' && status >= 200 && status <= 599;

/** Send `options` (as a complete response, read as text); resolves with any HTTP answer, rejects with ZafNoAnswer. */
export async function zafRequest(client: ZafClient, options: ZafRequestOptions): Promise<ZafAnswer> {
  // Text, parsed by the caller: jQuery's own JSON parsing turns an empty or odd body into a failure with status 200.
  const request: ZafRequestOptions = { ...options, httpCompleteResponse: true, dataType: 'text' };
  let result: unknown;
  try {
    result = await client.request<unknown>(request);
  } catch (failure) {
    const f = (typeof failure === 'object' && failure !== null ? failure : {}) as Partial<ZafRequestError>;
    if (!isHttpStatus(f.status)) {
      const timedOut = f.statusText === 'timeout';
      throw new ZafNoAnswer(timedOut ? 'timed out' : typeof failure === 'string' ? failure : 'no answer', timedOut);
    }
    return { status: f.status, statusText: f.statusText ?? '', headers: f.headers, json: f.responseJSON, text: f.responseText };
  }
  const complete = (typeof result === 'object' && result !== null ? result : {}) as Partial<ZafCompleteResponse>;
  if (typeof complete.status !== 'number') {
    // A host that ignored httpCompleteResponse resolved with the parsed body itself: it was a success.
    return { status: 200, statusText: '', headers: { 'content-type': 'application/json; charset=utf-8' }, json: result, text: undefined };
  }
  if (!isHttpStatus(complete.status)) throw new ZafNoAnswer(`unexpected status ${complete.status}`, false);
  return { status: complete.status, statusText: '', headers: complete.headers, json: complete.responseJSON, text: complete.responseText };
}
