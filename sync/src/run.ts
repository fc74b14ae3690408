// One workflow run: read the event, find the tickets on the issue, add one note to each. Every ticket is tried even
// when another fails; the run fails (red in Actions) when any ticket is left without its note for a reason a re-run
// can fix, and a re-run adds only the notes still missing.
import { linkedTickets } from '../../src/core/issue-markers.ts';
import type { SyncEvent } from './event.ts';
import type { SyncInputs } from './inputs.ts';
import { composeNote, isNoteFor } from './note.ts';
import { ZendeskAuthError, ZendeskClient, ZendeskSkip, type TicketUpdate } from './zendesk.ts';

export interface Logger {
  info(line: string): void;
  warning(line: string): void;
  error(line: string): void;
}

export type TicketOutcome = 'noted' | 'already-noted' | 'skipped' | 'failed';

export interface RunResult {
  tickets: { ticketId: number; outcome: TicketOutcome; message?: string }[];
  /** Zendesk requests made, retries included. */
  zendeskRequests: number;
  /** Set when the credentials were refused: the run stopped there. */
  fatal?: string;
}

export interface IssueReader {
  /** Every comment's body on the issue (all pages). */
  commentBodies(owner: string, repo: string, issue: number): Promise<string[]>;
}

export const STATE_TAGS = { open: 'rfh_state_open', closed: 'rfh_state_closed' } as const;

export function ticketUpdate(event: SyncEvent, inputs: Pick<SyncInputs, 'reopenOnClose'>): TicketUpdate {
  const state = event.kind === 'closed' ? 'closed' : event.kind === 'reopened' ? 'open' : event.issue.state;
  const reopening = event.kind === 'closed' && inputs.reopenOnClose;
  return {
    comment: { body: composeNote(event, { reopening }), public: false },
    additional_tags: [STATE_TAGS[state]],
    remove_tags: [STATE_TAGS[state === 'open' ? 'closed' : 'open']],
    // "open" is a no-op on an open ticket, so no read of the status is needed first.
    ...(reopening ? { status: 'open' as const } : {}),
  };
}

export async function syncEvent(
  event: SyncEvent,
  inputs: SyncInputs,
  github: IssueReader,
  log: Logger,
  options: { backoffMs?: number } = {},
): Promise<RunResult> {
  const comments = await github.commentBodies(event.repo.owner, event.repo.name, event.issue.number);
  const tickets = linkedTickets(event.issue.body, comments.map((body) => ({ body })), inputs.subdomain);
  const result: RunResult = { tickets: [], zendeskRequests: 0 };
  if (tickets.length === 0) {
    log.info(`${event.repo.fullName}#${event.issue.number} carries no ticket of ${inputs.subdomain}.zendesk.com: nothing to do.`);
    return result;
  }
  log.info(`${event.repo.fullName}#${event.issue.number}: ${event.kind} by ${event.actor}; ${tickets.length} linked ticket(s): ${tickets.map((t) => `#${t.ticketId}`).join(', ')}`);
  const zendesk = new ZendeskClient({
    apiUrl: inputs.apiUrl,
    email: inputs.email,
    apiToken: inputs.apiToken,
    backoffMs: options.backoffMs,
    log: (line) => log.info(line),
  });
  const update = ticketUpdate(event, inputs);

  // One ticket after the other: Zendesk's rate limit is per account and shared with the agents' own work.
  for (const { ticketId } of tickets) {
    try {
      const outcome = await zendesk.retrying(`ticket #${ticketId}`, async () => {
        const recent = await zendesk.newestComments(ticketId);
        if (recent.some((c) => isNoteFor(c.body ?? c.plain_body, event.key))) return 'already-noted' as const;
        await zendesk.updateTicket(ticketId, update);
        return 'noted' as const;
      });
      result.tickets.push({ ticketId, outcome });
      log.info(outcome === 'noted' ? `ticket #${ticketId}: note added` : `ticket #${ticketId}: the note for this event is already there; nothing written`);
    } catch (e) {
      if (e instanceof ZendeskAuthError) {
        result.fatal = e.message;
        result.tickets.push({ ticketId, outcome: 'failed', message: e.message });
        break;
      }
      if (e instanceof ZendeskSkip) {
        result.tickets.push({ ticketId, outcome: 'skipped', message: e.message });
        log.warning(`ticket #${ticketId} skipped: ${e.message}`);
        continue;
      }
      const message = (e as Error).message;
      result.tickets.push({ ticketId, outcome: 'failed', message });
      log.error(`ticket #${ticketId}: no note added: ${message}`);
    }
  }
  result.zendeskRequests = zendesk.requests;
  return result;
}
