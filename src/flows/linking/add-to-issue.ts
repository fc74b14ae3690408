// Add a ticket to an existing issue (issue 12): a comment with the new customer's context that ends in the
// ticket's link line, the `customer/<name>` label, and the write-back to the ticket. On the normal path that is 3
// requests from the click to the link (the access answer is the one the form already asked for):
//   (a) the ticket already links the issue (its tags, note or field): nothing to do, no request;
//   (b) this browser's record says a comment was sent but its answer never came (a reload, a timeout): the issue's
//       comments are read first (1 request) and an "added" line for this ticket means it is there;
//   (c) the comment (1), (d) the label (1, idempotent on GitHub), (e) the write-back (1; after a recovery the
//       ticket's tags are read first so it never gets a second note).
import { lastEngageLine } from '../../core/issue-markers.ts';
import { findLinks, trackerOf } from '../../core/links.ts';
import type { AddedComment } from '../../core/compose-added.ts';
import type { Settings } from '../../core/settings.ts';
import type { LinkedIssue, WriteBack } from '../../core/types/filing.ts';
import type { TicketLocation, TicketModel } from '../../core/types/ticket.ts';
import { agentError, isAgentError, toPlain } from '../../errors/agent-error.ts';
import type { GitHubService, IssueComment } from '../../github/index.ts';
import type { ZafClient } from '../../zaf/client.ts';
import { applyWriteBack, fetchTicketTags } from '../../zendesk/write-back.ts';
import type { WriteBackResult } from '../filing/types.ts';
import type { LinkRecords } from './link-record.ts';

export type LinkStep = 'checking' | 'commenting' | 'labelling' | 'writing-back';

export interface AddToIssueArgs {
  client: ZafClient;
  github: GitHubService;
  settings: Settings;
  location: TicketLocation;
  model: TicketModel;
  issue: LinkedIssue;
  /** The comment, composed for the issue's tracker (compose-added.ts). */
  comment: () => AddedComment;
  /** The ticket's write-back for this issue (composeWriteBack with 'added'). */
  writeBack: (issue: LinkedIssue) => WriteBack;
  onProgress?: (step: LinkStep) => void;
}

export interface AddOutcome {
  issue: LinkedIssue;
  /** false when the ticket was on the issue already (its link, or an earlier attempt's comment). */
  commented: boolean;
  writeBack: WriteBackResult;
}

/** The comment that carries this ticket's "added" line, if the issue has one. */
export function addedCommentOf(comments: readonly IssueComment[], location: TicketLocation): IssueComment | null {
  for (const c of comments) {
    const line = lastEngageLine(c.body);
    if (line?.kind === 'added' && line.ticket.ticketId === location.ticketId && sameSubdomain(line.ticket.subdomain, location.subdomain)) return c;
  }
  return null;
}

function sameSubdomain(folded: string, subdomain: string): boolean {
  return folded === subdomain.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
}

export async function addToIssueSteps(records: LinkRecords, args: AddToIssueArgs): Promise<AddOutcome> {
  const { client, github, settings, location, model, issue } = args;
  const progress = args.onProgress ?? (() => {});
  const key = (l: LinkedIssue) => `${l.owner}/${l.repo}#${l.number}`.toLowerCase();

  // (a) Already linked on the ticket.
  if (findLinks(model, settings).some((l) => key(l) === key(issue))) return { issue, commented: false, writeBack: { ok: true } };
  const record = records.read(location, issue);
  if (record?.phase === 'done') return { issue, commented: false, writeBack: { ok: true } };

  // The label is the handbook's rule (every customer on the issue): without push access GitHub refuses it.
  const repo = { owner: issue.owner, repo: issue.repo };
  const { push } = await github.checkAccess(repo);
  const tracker = trackerOf(issue, settings);
  if (!push) throw agentError('github_no_push', { repo: `${repo.owner}/${repo.repo}`, setting: tracker === 'public' ? 'public_repository' : 'private_repository' }, false);

  // The access check found the repository, so a 404 from here on is the issue the agent named.
  const onIssue = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      if (isAgentError(e) && e.code === 'github_repo_not_found') {
        throw agentError('github_issue_not_found', { repo: `${issue.owner}/${issue.repo}`, number: issue.number }, false, undefined, e);
      }
      throw e;
    }
  };
  const comment = args.comment();
  let commentId = record?.phase === 'commented' ? record.commentId : undefined;
  let commented = false;
  if (commentId === undefined) {
    // (b) A comment whose answer never came may be there: look first.
    if (record?.phase === 'commenting') {
      progress('checking');
      commentId = addedCommentOf(await onIssue(() => github.listComments(issue)), location)?.id;
    }
    // (c) The comment.
    if (commentId === undefined) {
      progress('commenting');
      records.write(location, issue, { phase: 'commenting' });
      commentId = (await onIssue(() => github.addComment(issue, comment.body))).id;
      commented = true;
    }
    records.write(location, issue, { phase: 'commented', commentId });
  }

  // (d) The customer's label (none on a public issue: it would name the customer).
  const label = comment.customerLabel;
  if (label) {
    progress('labelling');
    await onIssue(() => github.addLabels(issue, [label]));
  }

  // (e) The write-back.
  progress('writing-back');
  const writeBack = await writeBackOnce(client, location.ticketId, args.writeBack(issue), !commented);
  if (writeBack.ok) records.write(location, issue, { phase: 'done' });
  return { issue, commented, writeBack };
}

/** One PUT; when an earlier attempt may have written it (`checkFirst`), the ticket's tags are read first. */
async function writeBackOnce(client: ZafClient, ticketId: number, wb: WriteBack, checkFirst: boolean): Promise<WriteBackResult> {
  try {
    if (checkFirst) {
      const tags = await fetchTicketTags(client, ticketId).catch(() => null);
      if (tags && wb.ticket.additional_tags.length > 0 && wb.ticket.additional_tags.every((t) => tags.includes(t))) return { ok: true };
    }
    await applyWriteBack(client, ticketId, wb);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: isAgentError(e) ? toPlain(e) : toPlain(agentError('unknown', { status: 0, message: String(e) }, true)) };
  }
}
