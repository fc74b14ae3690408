// "Mark as posted" for a hand-off to a team outside engineering: the note and tag (core/handoff-record.ts) written
// to the ticket in one request, never twice. A double click joins the write in flight; before writing, the ticket's
// tags are read (as the filing write-back does after a lost answer), so a reload, a second tab or a retry after a
// PUT whose answer was lost finds the tag and writes nothing.
import { errorMessage } from '../core/guards.ts';
import type { WriteBack } from '../core/types/filing.ts';
import type { TicketLocation } from '../core/types/ticket.ts';
import { agentError, isAgentError } from '../errors/agent-error.ts';
import type { ZafClient } from '../zaf/client.ts';
import { ZendeskCallError, zendeskCall } from '../zendesk/request.ts';
import { applyWriteBack } from '../zendesk/write-back.ts';

export interface MarkHandoffArgs {
  client: ZafClient;
  location: TicketLocation;
  /** The tag that records this hand-off (`engage_handoff_<team>`): the "already written" test. */
  tag: string;
  /** The write-back for the agent who posted it (null when Zendesk did not say who that is). */
  compose: (postedBy: string | null) => WriteBack;
}

/** `written: false` when the ticket already carried the tag: nothing was sent. */
export interface MarkHandoffOutcome {
  written: boolean;
}

/** The ticket's tags now; a failure is the agent's to retry (writing blind could add a second note). */
async function ticketTags(client: ZafClient, ticketId: number): Promise<string[]> {
  try {
    const { body } = await zendeskCall(client, { url: `/api/v2/tickets/${ticketId}/tags.json`, type: 'GET' });
    const tags = typeof body === 'object' && body !== null ? (body as { tags?: unknown }).tags : undefined;
    if (!Array.isArray(tags)) throw new Error('Zendesk answered without the ticket\u2019s tags');
    return tags.filter((t): t is string => typeof t === 'string');
  } catch (e) {
    if (e instanceof ZendeskCallError && e.status === 0) {
      throw agentError('network_down', { service: 'Zendesk', timeout: e.timedOut ? 1 : 0 }, true, undefined, e);
    }
    const status = e instanceof ZendeskCallError ? e.status : 0;
    const retryable = status === 0 || status === 409 || status === 429 || status >= 500;
    throw agentError('zendesk_writeback_refused', { status, ticketId, message: errorMessage(e) }, retryable, undefined, e);
  }
}

/** The signed-in agent's name, for the note; optional (some hosts do not answer `currentUser`). */
async function agentName(client: ZafClient): Promise<string | null> {
  try {
    const answer = await client.get('currentUser.name');
    const name = answer['currentUser.name'];
    return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
  } catch {
    return null;
  }
}

export async function markHandoffPosted(args: MarkHandoffArgs): Promise<MarkHandoffOutcome> {
  const { client, location } = args;
  const tags = await ticketTags(client, location.ticketId);
  if (tags.includes(args.tag)) return { written: false };
  let wb: WriteBack;
  try {
    wb = args.compose(await agentName(client));
  } catch (e) {
    throw agentError('unknown', { status: 0, message: errorMessage(e) }, true, undefined, e);
  }
  try {
    await applyWriteBack(client, location.ticketId, wb);
  } catch (e) {
    throw isAgentError(e) ? e : agentError('zendesk_writeback_refused', { status: 0, ticketId: location.ticketId, message: errorMessage(e) }, true, undefined, e);
  }
  return { written: true };
}

/** One per panel session (flows.ts): a second call for the same ticket and tag while one runs joins it. */
export interface HandoffRecorder {
  markPosted(args: MarkHandoffArgs): Promise<MarkHandoffOutcome>;
}

export function createHandoffRecorder(): HandoffRecorder {
  const inFlight = new Map<string, Promise<MarkHandoffOutcome>>();
  return {
    markPosted(args) {
      const key = `${args.location.subdomain} ${args.location.ticketId} ${args.tag}`;
      const running = inFlight.get(key);
      if (running) return running;
      const promise = markHandoffPosted(args).finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
  };
}
