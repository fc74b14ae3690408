// Unlink an issue linked by mistake: the issue's comment for this ticket is edited to say so (not deleted: the
// engineers may have read it, and GitHub keeps the edit history), its link line replaced by the "unlinked" line,
// which no longer holds the searchable marker; then the ticket's note, tag and field (composeUnlink). For the ticket
// that filed the issue, the body's link line is edited the same way. Safe to repeat: a second run finds no link
// line to edit and the ticket's write-back is checked against its tags first.
import { lastEngageLine, linkLine, readEngageLine, unlinkedLine } from '../../core/issue-markers.ts';
import type { TicketLink } from '../../core/links.ts';
import type { LinkedIssue, WriteBack } from '../../core/types/filing.ts';
import type { TicketLocation } from '../../core/types/ticket.ts';
import { agentError, isAgentError, toPlain } from '../../errors/agent-error.ts';
import type { GitHubService } from '../../github/index.ts';
import type { ZafClient } from '../../zaf/client.ts';
import { applyWriteBack, fetchTicketTags } from '../../zendesk/write-back.ts';
import type { WriteBackResult } from '../filing/types.ts';
import { addedCommentOf } from './add-to-issue.ts';

export interface UnlinkArgs {
  client: ZafClient;
  github: GitHubService;
  location: TicketLocation;
  link: TicketLink;
  /** Who unlinked it and when, for the edited comment. */
  by: string;
  at: Date;
  writeBack: WriteBack;
  /** A retry after a failure: the ticket's tags are read first, so an earlier write that landed is not repeated. */
  retry?: boolean;
}

export interface UnlinkOutcome {
  /** What was edited on GitHub: the added comment, the body's filed line, or nothing (already unlinked there). */
  edited: 'comment' | 'body' | 'none';
  writeBack: WriteBackResult;
}

/** The edited comment: a first line saying what happened, the original context kept, the link line replaced. */
export function unlinkedComment(body: string, location: TicketLocation, by: string, at: Date): string {
  const lines = body.replace(/\r\n?/g, '\n').trimEnd().split('\n');
  lines.pop(); // the "added" line (lastEngageLine said so)
  const when = at.toISOString().slice(0, 10);
  const lead = `**Unlinked** on ${when} by ${by.replace(/[^\p{L}\p{N} .'-]/gu, '').slice(0, 80) || 'an agent'}: this ticket was added here by mistake. Its context is kept below for the record.`;
  return [lead, '', ...lines, '', unlinkedLine(location)].join('\n');
}

export async function unlinkSteps(args: UnlinkArgs): Promise<UnlinkOutcome> {
  const { github, location, link } = args;
  const issue: LinkedIssue = { owner: link.owner, repo: link.repo, number: link.number, url: link.url };
  let edited: UnlinkOutcome['edited'] = 'none';
  const comment = addedCommentOf(await github.listComments(issue), location);
  if (comment && lastEngageLine(comment.body)) {
    await github.updateComment(issue, comment.id, unlinkedComment(comment.body, location, args.by, args.at));
    edited = 'comment';
  } else {
    // The ticket that filed the issue: its link line is in the body.
    const body = await github.getIssueBody(issue);
    const filed = linkLine('filed', location);
    const lines = body.split('\n');
    const at = lines.findIndex((l) => l.trim() === filed && readEngageLine(l)?.kind === 'filed');
    if (at >= 0) {
      lines[at] = unlinkedLine(location);
      await github.updateIssueBody(issue, lines.join('\n'));
      edited = 'body';
    }
  }
  return { edited, writeBack: await unlinkWriteBack(args.client, location.ticketId, args.writeBack, args.retry === true) };
}

async function unlinkWriteBack(client: ZafClient, ticketId: number, wb: WriteBack, checkFirst: boolean): Promise<WriteBackResult> {
  try {
    // Already gone from the ticket (an earlier attempt whose answer was lost): no second note.
    const tags = checkFirst ? await fetchTicketTags(client, ticketId).catch(() => null) : null;
    const tag = (wb.ticket.remove_tags ?? [])[0];
    if (tags && tag !== undefined && !tags.includes(tag)) return { ok: true };
    await applyWriteBack(client, ticketId, wb);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: isAgentError(e) ? toPlain(e) : toPlain(agentError('unknown', { status: 0, message: String(e) }, true)) };
  }
}
