// The last step of filing: the link, tags and fields written to the ticket in one request, never twice.
import { errorMessage } from '../../core/guards.ts';
import type { RepoRef } from '../../core/settings.ts';
import type { LinkedIssue, WriteBack } from '../../core/types/filing.ts';
import type { TicketLocation } from '../../core/types/ticket.ts';
import { agentError, isAgentError, toPlain } from '../../errors/agent-error.ts';
import type { ZafClient } from '../../zaf/client.ts';
import { removeTags } from '../../zendesk/safe-update.ts';
import { applyWriteBack, fetchTicketTags } from '../../zendesk/write-back.ts';
import type { RecordStore } from './record.ts';
import type { ComposeWriteBack, WriteBackResult } from './types.ts';

/** The ticket's tags when it already carries every tag of the write-back (an earlier PUT did land), else null. */
async function alreadyWrittenBack(client: ZafClient, ticketId: number, wb: WriteBack): Promise<string[] | null> {
  try {
    const tags = await fetchTicketTags(client, ticketId);
    return wb.ticket.additional_tags.length > 0 && wb.ticket.additional_tags.every((t) => tags.includes(t)) ? tags : null;
  } catch {
    // Could not tell: write back (a duplicated internal note is better than a missing link).
    return null;
  }
}

/**
 * Write `issue` back to the ticket and record it as done. `checkFirst` when the issue was found rather than created
 * here: someone (another agent, an earlier attempt whose answer was lost) may have written back already, and one
 * GET spares the ticket a second note.
 */
export async function writeBackStep(
  records: RecordStore,
  args: {
    client: ZafClient;
    location: TicketLocation;
    repo: RepoRef;
    issue: LinkedIssue;
    compose: ComposeWriteBack;
    checkFirst?: boolean;
    /** This browser's claim on the ticket (claim.ts), taken off in the same request. */
    removeTags?: string[];
  },
): Promise<WriteBackResult> {
  const { client, location, repo, issue } = args;
  let wb: WriteBack;
  try {
    wb = args.compose(issue);
    if (args.removeTags?.length) wb = { ...wb, ticket: { ...wb.ticket, remove_tags: args.removeTags } };
  } catch (e) {
    // A bug in composing the note must not lose the link: report it as a failed write-back, retryable.
    return { ok: false, error: toPlain(agentError('unknown', { status: 0, message: errorMessage(e) }, true)) };
  }
  const linkedTags = args.checkFirst ? await alreadyWrittenBack(client, location.ticketId, wb) : null;
  if (linkedTags) {
    // Someone else linked it: a claim of ours still on the ticket has to come off (a rare path: one more request).
    await removeTags(client, location.ticketId, (args.removeTags ?? []).filter((t) => linkedTags.includes(t)));
    records.write(location, repo, { phase: 'done', issue });
    return { ok: true };
  }
  try {
    await applyWriteBack(client, location.ticketId, wb);
  } catch (e) {
    const error = isAgentError(e) ? toPlain(e) : toPlain(agentError('unknown', { status: 0, message: String(e) }, true));
    return { ok: false, error };
  }
  records.write(location, repo, { phase: 'done', issue });
  return { ok: true };
}
