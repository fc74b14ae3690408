// The engineer's actions on a stand-in issue (comment, close, reopen, assign, label), each made through the stand-in's
// REST operations as GitHub's web UI would make it, and the webhook event GitHub would deliver for it: the event
// name and a payload built from the stand-in's own JSON (issue, comment, repository, sender), in the shape of
// GitHub's published webhook schemas (test/unit/sync-payloads.test.ts validates them against @octokit/webhooks-schemas).
import type { GitHubStandIn, StandInResponse } from './standin/api.ts';

export type EngineerAction =
  | { kind: 'comment'; body: string }
  | { kind: 'close'; reason?: 'completed' | 'not_planned' }
  | { kind: 'reopen' }
  | { kind: 'assign'; login: string }
  | { kind: 'label'; name: string };

export interface WebhookEvent {
  /** GITHUB_EVENT_NAME: `issues` or `issue_comment`. */
  name: 'issues' | 'issue_comment';
  payload: Record<string, unknown>;
}

export interface IssueRef {
  owner: string;
  repo: string;
  number: number;
}

/** A stand-in call failed: the status and GitHub's message, for the page to show. */
export class ActionRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

async function call(standIn: GitHubStandIn, token: string, method: string, path: string, body?: unknown): Promise<Json> {
  const res: StandInResponse = await standIn.handle({
    method,
    path,
    query: new URLSearchParams(),
    headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'content-type': 'application/json' },
    body,
  });
  if (res.status >= 300) {
    const msg = (res.body as { message?: string } | undefined)?.message ?? `HTTP ${res.status}`;
    throw new ActionRefused(res.status, `${method} ${path}: ${msg}`);
  }
  return (res.body ?? {}) as Json;
}

// The webhook `user` (sender, assignee) has the simple-user fields only.
const SIMPLE_USER_FIELDS = [
  'login', 'id', 'node_id', 'avatar_url', 'gravatar_id', 'url', 'html_url', 'followers_url', 'following_url', 'gists_url',
  'starred_url', 'subscriptions_url', 'organizations_url', 'repos_url', 'events_url', 'received_events_url', 'type', 'site_admin',
] as const;

function simpleUser(user: Json): Json {
  return Object.fromEntries(SIMPLE_USER_FIELDS.filter((k) => k in user).map((k) => [k, user[k]]));
}

// Fields of the REST "full repository" that a webhook's repository does not carry (the caller's permissions, counts
// and objects only the single-repository endpoint adds).
const REST_ONLY_REPOSITORY_FIELDS = new Set(['permissions', 'temp_clone_token', 'network_count', 'subscribers_count', 'organization', 'parent', 'source', 'security_and_analysis', 'template_repository']);

function webhookRepository(repo: Json): Json {
  const rest = Object.fromEntries(Object.entries(repo).filter(([k]) => !REST_ONLY_REPOSITORY_FIELDS.has(k)));
  return { custom_properties: {}, ...rest, owner: simpleUser(repo.owner as Json) };
}

// Fields the REST issue has and the published webhook issue schema does not (newer REST additions, and closed_by,
// which only the single-issue endpoint returns).
const REST_ONLY_ISSUE_FIELDS = new Set(['type', 'sub_issues_summary', 'issue_dependencies_summary', 'closed_by']);

/** The issue as a webhook carries it, its users as simple users. */
function webhookIssue(issue: Json): Json {
  const users = (v: unknown) => (Array.isArray(v) ? (v as Json[]).map(simpleUser) : v);
  return {
    ...Object.fromEntries(Object.entries(issue).filter(([k]) => !REST_ONLY_ISSUE_FIELDS.has(k))),
    user: simpleUser(issue.user as Json),
    assignee: issue.assignee ? simpleUser(issue.assignee as Json) : null,
    assignees: users(issue.assignees),
  };
}

function webhookComment(comment: Json): Json {
  return { ...comment, user: simpleUser(comment.user as Json) };
}

/** Make the change on the stand-in and return the event GitHub would send for it. */
export async function performAction(standIn: GitHubStandIn, token: string, ref: IssueRef, action: EngineerAction): Promise<WebhookEvent> {
  const base = `/repos/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.repo)}`;
  const issuePath = `${base}/issues/${ref.number}`;
  const me = simpleUser(await call(standIn, token, 'GET', '/user'));
  const repository = webhookRepository(await call(standIn, token, 'GET', base));
  const envelope = (issue: Json) => ({ issue: webhookIssue(issue), repository, sender: me });

  switch (action.kind) {
    case 'comment': {
      const comment = await call(standIn, token, 'POST', `${issuePath}/comments`, { body: action.body });
      const issue = await call(standIn, token, 'GET', issuePath);
      return { name: 'issue_comment', payload: { action: 'created', ...envelope(issue), comment: webhookComment(comment) } };
    }
    case 'close': {
      const issue = await call(standIn, token, 'PATCH', issuePath, { state: 'closed', state_reason: action.reason ?? 'completed' });
      return { name: 'issues', payload: { action: 'closed', ...envelope(issue) } };
    }
    case 'reopen': {
      const issue = await call(standIn, token, 'PATCH', issuePath, { state: 'open' });
      return { name: 'issues', payload: { action: 'reopened', ...envelope(issue) } };
    }
    case 'assign': {
      const current = await call(standIn, token, 'GET', issuePath);
      const logins = ((current.assignees as Json[] | undefined) ?? []).map((a) => String(a.login));
      const issue = await call(standIn, token, 'PATCH', issuePath, { assignees: [...new Set([...logins, action.login])] });
      const assignee = ((issue.assignees as Json[] | undefined) ?? []).find((a) => String(a.login).toLowerCase() === action.login.toLowerCase());
      if (!assignee) throw new ActionRefused(422, `GitHub did not assign ${action.login}`);
      return { name: 'issues', payload: { action: 'assigned', ...envelope(issue), assignee: simpleUser(assignee) } };
    }
    case 'label': {
      await call(standIn, token, 'POST', `${issuePath}/labels`, { labels: [action.name] });
      const issue = await call(standIn, token, 'GET', issuePath);
      const label = ((issue.labels as Json[] | undefined) ?? []).find((l) => String(l.name).toLowerCase() === action.name.toLowerCase());
      if (!label) throw new ActionRefused(422, `GitHub did not add the label ${action.name}`);
      return { name: 'issues', payload: { action: 'labeled', ...envelope(issue), label } };
    }
  }
}
