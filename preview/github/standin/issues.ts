// Issues: create, read, update and list. Without push access GitHub drops labels, assignees and milestone silently
// (documented), and only the author may edit their own issue.
import * as E from '../errors.ts';
import { issueJson, timestamp, type IssueRecord, type LabelRecord, type RepoRecord, type UserRecord } from '../state.ts';
import { checkLabelNames, labelNames, resolveLabels } from './labels.ts';
import { BODY_LIMIT, charLength, TITLE_LIMIT, tooLong } from './limits.ts';
import { linkHeader, paginate, sortIssues } from './listing.ts';
import { created, findIssue, type Answer, type Context } from './operation.ts';
import { association, canPush } from './repository.ts';
import type { StandInStore } from './store.ts';

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const MAX_ASSIGNEES = 10;

function checkAssignees(logins: string[], docs: string): Answer | null {
  for (const login of logins) {
    if (!LOGIN.test(login)) {
      return { status: 422, body: E.validationFailed([{ resource: 'Issue', field: 'assignees', code: 'invalid', value: login }], docs) };
    }
  }
  if (logins.length > MAX_ASSIGNEES) {
    return {
      status: 422,
      body: E.validationFailed(
        [{ resource: 'Issue', field: 'assignees', code: 'custom', message: `assignees cannot have more than ${MAX_ASSIGNEES} users` }],
        docs,
      ),
    };
  }
  return null;
}

/** The stand-in's repositories have no milestones, so any milestone is GitHub's 422 for an unknown one. */
function checkMilestone(b: Record<string, unknown>, docs: string): Answer | null {
  if (b.milestone === undefined || b.milestone === null) return null;
  const value = b.milestone as string | number;
  return { status: 422, body: E.validationFailed([{ resource: 'Issue', field: 'milestone', code: 'invalid', value }], docs) };
}

export function createIssue(store: StandInStore, ctx: Context): Answer {
  const repo = ctx.repo as RepoRecord;
  const docs = ctx.op.documentationUrl;
  const b = ctx.body;
  const title = String(b.title);
  if (title.trim() === '') {
    return { status: 422, body: E.validationFailed([{ resource: 'Issue', field: 'title', code: 'missing_field' }], docs) };
  }
  if (charLength(title) > TITLE_LIMIT) return tooLong('Issue', 'title', TITLE_LIMIT, docs);
  const body = typeof b.body === 'string' && b.body !== '' ? b.body : null;
  if (body !== null && charLength(body) > BODY_LIMIT) return tooLong('Issue', 'body', BODY_LIMIT, docs);
  let labels: LabelRecord[] = [];
  let assignees: string[] = [];
  if (canPush(repo)) {
    const names = Array.isArray(b.labels) ? labelNames(b.labels) : [];
    const labelProblem = checkLabelNames(names, docs);
    if (labelProblem) return labelProblem;
    const logins = [...(Array.isArray(b.assignees) ? (b.assignees as string[]) : [])];
    if (typeof b.assignee === 'string' && !logins.includes(b.assignee)) logins.unshift(b.assignee);
    const assigneeProblem = checkAssignees(logins, docs);
    if (assigneeProblem) return assigneeProblem;
    const milestoneProblem = checkMilestone(b, docs);
    if (milestoneProblem) return milestoneProblem;
    labels = resolveLabels(store, repo, names);
    assignees = [...new Set(logins)];
  }
  const t = store.config.now();
  const issue: IssueRecord = {
    id: store.nextId.issue++,
    number: repo.issues.length + 1,
    title,
    body,
    user: ctx.caller.user as UserRecord,
    authorAssociation: association(repo),
    labels,
    assignees,
    state: 'open',
    stateReason: null,
    locked: false,
    createdAt: timestamp(t),
    updatedAt: timestamp(t),
    closedAt: null,
    closedBy: null,
    comments: [],
    searchableFrom: t + store.searchLagMs,
  };
  repo.issues.push(issue);
  return created(issueJson(repo, issue, store.config.urls));
}

export function getIssue(store: StandInStore, ctx: Context): Answer {
  const issue = findIssue(ctx);
  if (!issue) return { status: 404, body: E.notFound() };
  return { status: 200, body: issueJson(ctx.repo as RepoRecord, issue, store.config.urls) };
}

export function updateIssue(store: StandInStore, ctx: Context): Answer {
  const repo = ctx.repo as RepoRecord;
  const docs = ctx.op.documentationUrl;
  const issue = findIssue(ctx);
  if (!issue) return { status: 404, body: E.notFound() };
  const push = canPush(repo);
  const own = issue.user.id === ctx.caller.user?.id;
  if (!push && !own) return { status: 403, body: E.noPushAccess(docs) };
  const b = ctx.body;
  // Validate everything before changing anything: a 422 leaves the issue as it was.
  let title = issue.title;
  if ('title' in b) {
    if (b.title === null || String(b.title).trim() === '') {
      return { status: 422, body: E.validationFailed([{ resource: 'Issue', field: 'title', code: 'missing_field' }], docs) };
    }
    title = String(b.title);
    if (charLength(title) > TITLE_LIMIT) return tooLong('Issue', 'title', TITLE_LIMIT, docs);
  }
  let body = issue.body;
  if ('body' in b) {
    body = typeof b.body === 'string' && b.body !== '' ? b.body : null;
    if (body !== null && charLength(body) > BODY_LIMIT) return tooLong('Issue', 'body', BODY_LIMIT, docs);
  }
  let labelNamesToSet: string[] | null = null;
  let assignees: string[] | null = null;
  if (push) {
    if (Array.isArray(b.labels)) {
      labelNamesToSet = labelNames(b.labels);
      const problem = checkLabelNames(labelNamesToSet, docs);
      if (problem) return problem;
    }
    if (Array.isArray(b.assignees) || 'assignee' in b) {
      const list = Array.isArray(b.assignees)
        ? (b.assignees as unknown[]).map((a) => (typeof a === 'string' ? a : String((a as { login?: unknown }).login ?? '')))
        : typeof b.assignee === 'string'
          ? [b.assignee]
          : [];
      const problem = checkAssignees(list, docs);
      if (problem) return problem;
      assignees = [...new Set(list)];
    }
    const milestoneProblem = checkMilestone(b, docs);
    if (milestoneProblem) return milestoneProblem;
  }
  const t = timestamp(store.config.now());
  issue.title = title;
  issue.body = body;
  if (labelNamesToSet) issue.labels = resolveLabels(store, repo, labelNamesToSet);
  if (assignees) issue.assignees = assignees;
  applyStateChange(issue, b, t, ctx.caller.user);
  issue.updatedAt = t;
  return { status: 200, body: issueJson(repo, issue, store.config.urls) };
}

/** Closing records who and when; reopening clears both and says `reopened`, as GitHub does. */
function applyStateChange(issue: IssueRecord, b: Record<string, unknown>, t: string, user: UserRecord | null): void {
  if (b.state === 'closed' && issue.state === 'open') {
    issue.state = 'closed';
    issue.closedAt = t;
    issue.closedBy = user;
    issue.stateReason = (b.state_reason as IssueRecord['stateReason']) ?? 'completed';
  } else if (b.state === 'open' && issue.state === 'closed') {
    issue.state = 'open';
    issue.closedAt = null;
    issue.closedBy = null;
    issue.stateReason = 'reopened';
  } else if (typeof b.state_reason === 'string' && issue.state === 'closed') {
    issue.stateReason = b.state_reason as IssueRecord['stateReason'];
  }
}

export function listIssuesForRepo(store: StandInStore, ctx: Context): Answer {
  const repo = ctx.repo as RepoRecord;
  const q = ctx.query;
  let items = repo.issues.filter((i) => q.state === 'all' || i.state === q.state);
  if (typeof q.labels === 'string' && q.labels !== '') {
    const wanted = q.labels.split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
    items = items.filter((i) => wanted.every((w) => i.labels.some((l) => l.name.toLowerCase() === w)));
  }
  if (typeof q.creator === 'string') items = items.filter((i) => i.user.login.toLowerCase() === (q.creator as string).toLowerCase());
  if (typeof q.assignee === 'string') {
    const a = q.assignee.toLowerCase();
    items = items.filter((i) =>
      a === 'none' ? i.assignees.length === 0 : a === '*' ? i.assignees.length > 0 : i.assignees.some((x) => x.toLowerCase() === a),
    );
  }
  if (typeof q.milestone === 'string' && q.milestone !== '*' && q.milestone !== 'none') items = [];
  if (typeof q.since === 'string') items = items.filter((i) => i.updatedAt >= timestamp(Date.parse(q.since as string)));
  items = sortIssues(items, String(q.sort), String(q.direction));
  const { page, link } = paginate(store, items, ctx, `/repos/${repo.owner.login}/${repo.name}/issues`);
  return { status: 200, body: page.map((i) => issueJson(repo, i, store.config.urls)), headers: linkHeader(link) };
}
