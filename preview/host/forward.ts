// One ZAF `client.request` forwarded to the preview server (`POST /__zaf/request`), which answers it as Zendesk's
// proxy would, within the request's own timeout: the reply message for the app, done or failed. Shared by the
// ticket page's host (host.ts) and the nav bar's (nav-bar.ts).
import { forwardableOptions, requestReply, serverAnswerFrom } from './protocol.ts';

/** `extra` goes into the server's body beside the options (the ticket page names its ticket). */
export async function forwardZafRequest(key: string, options: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const timeout = typeof options.timeout === 'number' && options.timeout > 0 ? options.timeout : 0;
  const controller = new AbortController();
  let timedOut = false;
  const timer = timeout
    ? setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeout)
    : null;
  try {
    const res = await fetch('/__zaf/request', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...extra, options: forwardableOptions(options) }),
      signal: controller.signal,
    });
    return requestReply(key, options, serverAnswerFrom(res.status, res.headers.get('content-type') ?? '', await res.text()));
  } catch {
    return requestReply(key, options, timedOut ? { timedOut: true } : { network: true });
  } finally {
    if (timer) clearTimeout(timer);
  }
}
