// What happened on GitHub, read from the workflow's event payload: only the events the sync reports, each with the
// key that makes its note idempotent. Pure (the payload is handed in), so the unit tests feed it webhook examples.
import { isEngageComment } from '../../src/core/issue-markers.ts';

export type SyncEventKind = 'commented' | 'closed' | 'reopened' | 'assigned' | 'labeled';

export interface SyncEvent {
  kind: SyncEventKind;
  /**
   * Names this event for good: the same delivery, a redelivery and a re-run of its workflow give the same key, two
   * different events never do. A comment by its id; an issue event by the issue's id, what changed and when.
   */
  key: string;
  /** The GitHub login that caused it. */
  actor: string;
  repo: { owner: string; name: string; fullName: string };
  issue: { number: number; title: string; url: string; state: 'open' | 'closed'; body: string | null; stateReason: string | null };
  comment?: { id: number; body: string; url: string };
  /** assigned: who; labeled: which label. */
  assignee?: string;
  label?: string;
}

/** Why an event is left alone (said in the log), or the event to report. */
export type ReadEvent = { event: SyncEvent } | { skip: string };

type Json = Record<string, unknown>;
const rec = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const ISSUE_ACTIONS: Record<string, SyncEventKind> = { closed: 'closed', reopened: 'reopened', assigned: 'assigned', labeled: 'labeled' };

export function readEvent(eventName: string, payload: unknown): ReadEvent {
  const p = rec(payload);
  if (!p) return { skip: 'the event payload is not a JSON object' };
  const action = str(p.action) ?? '';
  if (eventName !== 'issues' && eventName !== 'issue_comment') return { skip: `the sync reports issues and issue_comment events, not ${eventName}` };
  const issue = rec(p.issue);
  const repository = rec(p.repository);
  const sender = rec(p.sender);
  const owner = str(rec(repository?.owner)?.login);
  const repoName = str(repository?.name);
  const number = num(issue?.number);
  const issueId = num(issue?.id);
  const htmlUrl = str(issue?.html_url);
  if (!issue || !repository || !owner || !repoName || number === null || issueId === null || !htmlUrl) {
    return { skip: 'the payload has no issue or repository' };
  }
  // An issue_comment on a pull request looks the same; pull requests carry no tickets.
  if (issue.pull_request !== undefined && issue.pull_request !== null) return { skip: 'the comment is on a pull request' };
  const base = {
    actor: str(sender?.login) ?? 'someone',
    repo: { owner, name: repoName, fullName: str(repository.full_name) ?? `${owner}/${repoName}` },
    issue: {
      number,
      title: str(issue.title) ?? '',
      url: htmlUrl,
      state: issue.state === 'closed' ? ('closed' as const) : ('open' as const),
      body: str(issue.body),
      stateReason: str(issue.state_reason),
    },
  };

  if (eventName === 'issue_comment') {
    if (action !== 'created') return { skip: `issue_comment ${action} is not reported (only created)` };
    const c = rec(p.comment);
    const id = num(c?.id);
    const body = str(c?.body) ?? '';
    if (!c || id === null) return { skip: 'the payload has no comment' };
    if (isEngageComment(body)) return { skip: "the comment is Engage's own (a ticket link or a reply from Zendesk)" };
    return {
      event: {
        ...base,
        kind: 'commented',
        key: `comment-${id}`,
        actor: str(rec(c.user)?.login) ?? base.actor,
        comment: { id, body, url: str(c.html_url) ?? htmlUrl },
      },
    };
  }

  const kind = ISSUE_ACTIONS[action];
  if (!kind) return { skip: `issues ${action} is not reported (only closed, reopened, assigned, labeled)` };
  // GitHub stamps the change on the issue: updated_at (and closed_at) are the moment of this event, the same in
  // every delivery of it, and a later close/reopen of the same issue has a later stamp.
  const when = str(issue.closed_at) && kind === 'closed' ? str(issue.closed_at)! : (str(issue.updated_at) ?? '');
  if (kind === 'assigned') {
    const who = str(rec(p.assignee)?.login);
    if (!who) return { skip: 'the assigned event names no assignee' };
    return { event: { ...base, kind, key: `assigned-${issueId}-${encodeURIComponent(who)}-${when}`, assignee: who } };
  }
  if (kind === 'labeled') {
    const label = str(rec(p.label)?.name);
    if (!label) return { skip: 'the labeled event names no label' };
    return { event: { ...base, kind, key: `labeled-${issueId}-${encodeURIComponent(label)}-${when}`, label } };
  }
  return { event: { ...base, kind, key: `${kind}-${issueId}-${when}` } };
}
