// "Mark as posted" for a hand-off to a team outside engineering: the note and tag (core/handoff-record.ts) written
// to the ticket in one request, never twice. A double click joins the write in flight; before writing, the ticket's
// tags are read (as the filing write-back does after a lost answer), so a reload, a second tab or a retry after a
// PUT whose answer was lost finds the tag and writes nothing.
import { errorMessage } from '../core/guards.ts';
import type { WriteBack } from '../core/types/filing.ts';
import type { TicketLocation } from '../core/types/ticket.ts';
import { agentError } from '../errors/agent-error.ts';
import type { ZafClient } from '../zaf/client.ts';
import { applyWriteBack, fetchTicketTags, writeBackError } from '../zendesk/write-back.ts';
import { createInFlight } from './in-flight.ts';

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
  // A failed read is the agent's to retry: writing blind could add a second note.
  const tags = await fetchTicketTags(client, location.ticketId).catch((e: unknown) => {
    throw writeBackError(e, location.ticketId);
  });
  if (tags.includes(args.tag)) return { written: false };
  let wb: WriteBack;
  try {
    wb = args.compose(await agentName(client));
  } catch (e) {
    throw agentError('unknown', { status: 0, message: errorMessage(e) }, true, undefined, e);
  }
  await applyWriteBack(client, location.ticketId, wb);
  return { written: true };
}

/** One per panel session (flows.ts): a second call for the same ticket and tag while one runs joins it. */
export interface HandoffRecorder {
  markPosted(args: MarkHandoffArgs): Promise<MarkHandoffOutcome>;
}

export function createHandoffRecorder(): HandoffRecorder {
  const inFlight = createInFlight<MarkHandoffOutcome>();
  return {
    markPosted: (args) => inFlight.run(`${args.location.subdomain} ${args.location.ticketId} ${args.tag}`, () => markHandoffPosted(args)),
  };
}
