// A stateful stand-in for the GitHub REST API, for the preview (offline filing), the adapters' contract tests and
// the fault drills. Every request is checked against GitHub's own OpenAPI description (the committed subset, see
// scripts/extract-openapi.ts): unknown routes get GitHub's 404, bad parameters and bodies GitHub's 400/422, and
// answers are checked against the description's response schemas. Behaviour GitHub documents but the schema
// cannot express is implemented too: body and label length limits, labels created silently, labels/assignees
// dropped without push access, search tokenisation and its 256-character limit, rate-limit headers.
import { randomBytes } from 'node:crypto';
import { loadSpec, type Operation, type ValidationProblem } from './spec.ts';
import * as E from './errors.ts';
import { matches, parseQuery, type SearchDocument } from './search.ts';
import { renderIssuesHtml } from './render.ts';
import {
  DEFAULT_LABELS,
  Urls,
  authenticatedUserJson,
  commentJson,
  issueJson,
  labelJson,
  repoJson,
  timestamp,
  type AuthorAssociation,
  type IssueRecord,
  type LabelRecord,
  type Permission,
  type RepoRecord,
  type UserRecord,
} from './state.ts';

// ---------------------------------------------------------------------------------------------------------------
// Contract (contracts §1) — keep exactly; extensions are additive and optional.
// ---------------------------------------------------------------------------------------------------------------

export interface StandInRequest {
  method: string;
  /** After the API root, e.g. '/repos/o/r/issues'; raw (percent-encoded) as in the URL. A '?query' suffix is merged into `query`. */
  path: string;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON, or undefined. A string is taken as the raw request text and parsed here (bad JSON → GitHub's 400). */
  body: unknown;
}

export interface StandInResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON-able, or undefined for 204. */
  body: unknown;
}

export interface FaultRule {
  method?: string;
  /** A RegExp source matched against StandInRequest.path; absent = any. */
  path?: string;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Wait before answering. Alone: the request is handled on arrival and the answer comes `delayMs` later (a slow
   * response). With status/network: the failure comes after the wait. With commitThenFail: handled on arrival.
   */
  delayMs?: number;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  /**
   * Perform the real operation first, then answer with the fault (status default 504, GitHub's timeout). With a
   * 2xx/3xx status, or when the operation itself failed, the real answer is given (after `delayMs`).
   */
  commitThenFail?: boolean;
  /** Simulate a dropped connection: handle() rejects with NetworkFault. */
  network?: boolean;
}

export class NetworkFault extends Error {
  constructor(message = 'GitHub stand-in: connection dropped (injected network fault)') {
    super(message);
    this.name = 'NetworkFault';
  }
}

/** GitHub issue JSON as the API returns it, plus its comments (`comment_list`, as the comments API lists them). */
export interface StoredIssue extends Record<string, unknown> {
  number: number;
  title: string;
  body: string | null;
  html_url: string;
  state: string;
  comment_list: Record<string, unknown>[];
}

export interface HandleOptions {
  /**
   * A read by the preview itself (e.g. `/github/api/...` for tests that inspect state), not by the app: injected
   * faults neither apply nor count down, and the request is not in requestLog(). Default false.
   */
  internal?: boolean;
}

export interface GitHubStandIn {
  handle(req: StandInRequest, options?: HandleOptions): Promise<StandInResponse>;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  reset(): void;
  /** Default 'admin' for sourcegraph/customer and sourcegraph/sourcegraph. */
  setPermission(owner: string, repo: string, level: 'admin' | 'write' | 'read'): void;
  /** GitHub issue JSON, newest first. */
  listIssues(owner?: string, repo?: string): unknown[];
  /** The /github page body: every filed issue with title, labels, body (escaped), comments. */
  renderHtml(): string;
  /** For counting requests in drills/bench (status 0 = injected network fault). */
  requestLog(): { method: string; path: string; status: number }[];

  // --- additive extensions ---
  /** Issues with their comments, newest first. */
  storedIssues(owner?: string, repo?: string): StoredIssue[];
  /** Search results lag creation on GitHub: issues become searchable `ms` after creation (default 0). */
  setSearchLag(ms: number): void;
}

export interface StandInOptions {
  acceptedTokens: string[];
  /** e.g. http://localhost:4567/github — html_url of issues is `${htmlBaseUrl}/{owner}/{repo}/issues/{n}`. */
  htmlBaseUrl: string;
  /** Base of the `url` fields and Link headers (default https://api.github.com). */
  apiBaseUrl?: string;
  /** Login of the user every accepted token belongs to (default 'engage-preview'). */
  login?: string;
  /** Clock in ms (tests); default Date.now. */
  now?: () => number;
  /**
   * Answer like GitHub when the limits are used up (default false: headers only): primary limits core 5000/h and
   * search 30/min (403, x-ratelimit-remaining 0); the secondary limit on content creation, 80 writes/min
   * (403 with retry-after).
   */
  enforceRateLimits?: boolean;
  /** Check every answer against the description's response schema; a mismatch is a stand-in bug → 500 (default true). */
  checkResponses?: boolean;
  /** Initial search lag in ms (default 0). */
  searchLagMs?: number;
}

// ---------------------------------------------------------------------------------------------------------------

const BODY_LIMIT = 65536;
const TITLE_LIMIT = 256;
const LABEL_NAME_LIMIT = 50;
const LABEL_DESCRIPTION_LIMIT = 100;
const SEARCH_QUERY_LIMIT = 256;
const SEARCH_RESULT_CAP = 1000;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const CONTENT_CREATION_PER_MINUTE = 80;
const RATE_LIMITS = {
  core: { authenticated: 5000, anonymous: 60, windowMs: 3_600_000 },
  search: { authenticated: 30, anonymous: 10, windowMs: 60_000 },
} as const;
type RateResource = keyof typeof RATE_LIMITS;

const DEFAULT_REPOS = [
  { name: 'customer', private: true, description: 'Private issue tracker for customer issues and requests for help' },
  { name: 'sourcegraph', private: false, description: 'Code search and intelligence' },
] as const;

interface Caller {
  user: UserRecord | null;
  /** Rate-limit bucket key. */
  key: string;
}

interface Context {
  op: Operation;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  caller: Caller;
  repo: RepoRecord | null;
  requestId: string;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** Character count as GitHub counts it (Unicode code points, not UTF-16 units). */
function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function resourceName(operationId: string): string {
  if (operationId.startsWith('search/')) return 'Search';
  if (operationId.includes('label')) return 'Label';
  if (operationId.includes('comment')) return 'IssueComment';
  if (operationId.startsWith('repos/')) return 'Repository';
  if (operationId.startsWith('users/')) return 'User';
  return 'Issue';
}

function fieldErrors(resource: string, problems: ValidationProblem[]): E.GitHubFieldError[] {
  return problems.map((p) => {
    const error: E.GitHubFieldError = {
      resource,
      field: p.field,
      code: p.keyword === 'required' ? 'missing_field' : 'invalid',
      message: p.message,
    };
    if (p.index !== undefined) error.index = p.index;
    return error;
  });
}

export function createGitHubStandIn(options: StandInOptions): GitHubStandIn {
  const spec = loadSpec();
  const now = options.now ?? Date.now;
  const urls = new Urls((options.apiBaseUrl ?? 'https://api.github.com').replace(/\/+$/, ''), options.htmlBaseUrl.replace(/\/+$/, ''));
  const accepted = new Set(options.acceptedTokens);
  const checkResponses = options.checkResponses ?? true;
  const tokenUser: UserRecord = {
    login: options.login ?? 'engage-preview',
    id: 5001,
    type: 'User',
    name: 'Engage Preview',
    createdAt: '2020-01-01T00:00:00Z',
  };
  const org: UserRecord = { login: 'sourcegraph', id: 3979584, type: 'Organization', name: 'Sourcegraph', createdAt: '2013-03-20T00:00:00Z' };

  let repos: RepoRecord[] = [];
  let faults: { rule: FaultRule; left: number }[] = [];
  let log: { method: string; path: string; status: number }[] = [];
  let rate = new Map<string, { used: number; resetAt: number }>();
  let searchLagMs = options.searchLagMs ?? 0;
  /** Times of recent writes, for the secondary (content creation) limit. */
  let writes: number[] = [];
  let nextIssueId = 0;
  let nextCommentId = 0;
  let nextLabelId = 0;

  function reset(): void {
    nextIssueId = 2_000_000_001;
    nextCommentId = 3_000_000_001;
    nextLabelId = 4_000_000_001;
    const created = timestamp(Date.UTC(2014, 0, 1));
    repos = DEFAULT_REPOS.map((r, i) => ({
      owner: org,
      name: r.name,
      id: 1001 + i,
      private: r.private,
      description: r.description,
      permission: 'admin' as Permission,
      labels: DEFAULT_LABELS.map((l) => ({ id: nextLabelId++, name: l.name, color: l.color, description: l.description, default: true })),
      issues: [],
      createdAt: created,
      pushedAt: created,
    }));
    faults = [];
    log = [];
    rate = new Map();
    writes = [];
    searchLagMs = options.searchLagMs ?? 0;
  }
  reset();

  function findRepo(owner: string, name: string): RepoRecord | null {
    const o = owner.toLowerCase();
    const n = name.toLowerCase();
    return repos.find((r) => r.owner.login.toLowerCase() === o && r.name.toLowerCase() === n) ?? null;
  }

  // --- rate limits -------------------------------------------------------------------------------------------
  function rateState(caller: Caller, resource: RateResource): { limit: number; used: number; resetAt: number } {
    const window = RATE_LIMITS[resource];
    const limit = caller.user ? window.authenticated : window.anonymous;
    const key = `${caller.key}:${resource}`;
    let state = rate.get(key);
    const t = now();
    if (!state || state.resetAt <= t) {
      state = { used: 0, resetAt: t + window.windowMs };
      rate.set(key, state);
    }
    return { limit, used: state.used, resetAt: state.resetAt };
  }
  function consume(caller: Caller, resource: RateResource): void {
    rateState(caller, resource);
    const state = rate.get(`${caller.key}:${resource}`);
    if (state) state.used++;
  }
  function rateHeaders(caller: Caller, resource: RateResource): Record<string, string> {
    const s = rateState(caller, resource);
    return {
      'x-ratelimit-limit': String(s.limit),
      'x-ratelimit-remaining': String(Math.max(0, s.limit - s.used)),
      'x-ratelimit-reset': String(Math.ceil(s.resetAt / 1000)),
      'x-ratelimit-used': String(s.used),
      'x-ratelimit-resource': resource,
    };
  }

  function baseHeaders(requestId: string): Record<string, string> {
    return {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': requestId,
      'cache-control': 'private, max-age=60, s-maxage=60',
      vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
    };
  }

  // --- identity ----------------------------------------------------------------------------------------------
  function identify(headers: Record<string, string>): Caller | 'bad' {
    const auth = headers.authorization;
    if (auth === undefined || auth.trim() === '') return { user: null, key: 'anonymous' };
    const m = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(auth);
    if (!m || !accepted.has(m[1] as string)) return 'bad';
    return { user: tokenUser, key: `user:${tokenUser.id}` };
  }

  function association(repo: RepoRecord): AuthorAssociation {
    return repo.permission === 'read' ? 'NONE' : 'MEMBER';
  }

  // --- labels ------------------------------------------------------------------------------------------------
  function labelNames(items: unknown[]): string[] {
    const names: string[] = [];
    for (const item of items) {
      const name = typeof item === 'string' ? item : (item as { name?: unknown }).name;
      if (typeof name === 'string') names.push(name);
    }
    return names;
  }
  function checkLabelNames(names: string[], docs: string): Answer | null {
    for (const name of names) {
      if (name.trim() === '') {
        return { status: 422, body: E.validationFailed([{ resource: 'Label', field: 'name', code: 'missing_field' }], docs) };
      }
      if (charLength(name) > LABEL_NAME_LIMIT) {
        return {
          status: 422,
          body: E.validationFailed(
            [{ resource: 'Label', field: 'name', code: 'custom', message: `name is too long (maximum is ${LABEL_NAME_LIMIT} characters)` }],
            docs,
          ),
        };
      }
    }
    return null;
  }
  /** Existing labels by name (case-insensitive, as GitHub matches them); unknown ones are created silently. */
  function resolveLabels(repo: RepoRecord, names: string[]): LabelRecord[] {
    const out: LabelRecord[] = [];
    for (const raw of names) {
      const name = raw.trim();
      let label = repo.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
      if (!label) {
        label = { id: nextLabelId++, name, color: 'ededed', description: null, default: false };
        repo.labels.push(label);
      }
      if (!out.includes(label)) out.push(label);
    }
    return out;
  }

  function checkAssignees(logins: string[], docs: string): Answer | null {
    for (const login of logins) {
      if (!LOGIN.test(login)) {
        return { status: 422, body: E.validationFailed([{ resource: 'Issue', field: 'assignees', code: 'invalid', value: login }], docs) };
      }
    }
    if (logins.length > 10) {
      return {
        status: 422,
        body: E.validationFailed([{ resource: 'Issue', field: 'assignees', code: 'custom', message: 'assignees cannot have more than 10 users' }], docs),
      };
    }
    return null;
  }

  function tooLong(resource: string, field: string, limit: number, docs: string): Answer {
    return {
      status: 422,
      body: E.validationFailed([{ resource, field, code: 'custom', message: `${field} is too long (maximum is ${limit} characters)` }], docs),
    };
  }

  // --- pagination --------------------------------------------------------------------------------------------
  function paginate<T>(items: T[], ctx: Context, apiPath: string): { page: T[]; link: string | null } {
    const perPage = Math.min(100, Math.max(1, Number(ctx.query.per_page ?? 30) || 30));
    const pageNo = Math.max(1, Number(ctx.query.page ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const page = items.slice((pageNo - 1) * perPage, pageNo * perPage);
    const rels: string[] = [];
    const href = (p: number): string => {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(ctx.query)) if (k !== 'page' && v !== undefined) q.set(k, String(v));
      q.set('page', String(p));
      return `<${urls.api}${apiPath}?${q.toString()}>`;
    };
    if (pageNo > 1) rels.push(`${href(pageNo - 1)}; rel="prev"`);
    if (pageNo < last) rels.push(`${href(pageNo + 1)}; rel="next"`, `${href(last)}; rel="last"`);
    if (pageNo > 1) rels.push(`${href(1)}; rel="first"`);
    return { page, link: rels.length ? rels.join(', ') : null };
  }

  function sortIssues(items: IssueRecord[], sort: string, direction: string): IssueRecord[] {
    const key = (i: IssueRecord): string | number =>
      sort === 'updated' ? i.updatedAt : sort === 'comments' ? i.comments.length : i.createdAt;
    const sign = direction === 'asc' ? 1 : -1;
    return [...items].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka !== kb) return ka < kb ? -sign : sign;
      return (a.id - b.id) * sign; // same second: creation order
    });
  }

  function findIssue(ctx: Context): IssueRecord | null {
    return ctx.repo?.issues.find((i) => i.number === ctx.path.issue_number) ?? null;
  }

  // --- operations --------------------------------------------------------------------------------------------
  const handlers: Record<string, (ctx: Context) => Answer> = {
    'users/get-authenticated': (ctx) => ({ status: 200, body: authenticatedUserJson(ctx.caller.user as UserRecord, urls) }),

    'repos/get': (ctx) => {
      const repo = ctx.repo as RepoRecord;
      return { status: 200, body: repoJson(repo, urls, ctx.caller.user ? repo.permission : null) };
    },

    'issues/create': (ctx) => {
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
      const push = repo.permission !== 'read';
      let labels: LabelRecord[] = [];
      let assignees: string[] = [];
      // Without push access GitHub drops labels, assignees, milestone and type silently (documented).
      if (push) {
        const names = Array.isArray(b.labels) ? labelNames(b.labels) : [];
        const labelProblem = checkLabelNames(names, docs);
        if (labelProblem) return labelProblem;
        const logins = [...(Array.isArray(b.assignees) ? (b.assignees as string[]) : [])];
        if (typeof b.assignee === 'string' && !logins.includes(b.assignee)) logins.unshift(b.assignee);
        const assigneeProblem = checkAssignees(logins, docs);
        if (assigneeProblem) return assigneeProblem;
        if (b.milestone !== undefined && b.milestone !== null) {
          const value = b.milestone as string | number;
          return { status: 422, body: E.validationFailed([{ resource: 'Issue', field: 'milestone', code: 'invalid', value }], docs) };
        }
        labels = resolveLabels(repo, names);
        assignees = [...new Set(logins)];
      }
      const t = now();
      const issue: IssueRecord = {
        id: nextIssueId++,
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
        searchableFrom: t + searchLagMs,
      };
      repo.issues.push(issue);
      const json = issueJson(repo, issue, urls);
      return { status: 201, body: json, headers: { location: String(json.url) } };
    },

    'issues/get': (ctx) => {
      const issue = findIssue(ctx);
      if (!issue) return { status: 404, body: E.notFound() };
      return { status: 200, body: issueJson(ctx.repo as RepoRecord, issue, urls) };
    },

    'issues/update': (ctx) => {
      const repo = ctx.repo as RepoRecord;
      const docs = ctx.op.documentationUrl;
      const issue = findIssue(ctx);
      if (!issue) return { status: 404, body: E.notFound() };
      const push = repo.permission !== 'read';
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
        if (b.milestone !== undefined && b.milestone !== null) {
          const value = b.milestone as string | number;
          return { status: 422, body: E.validationFailed([{ resource: 'Issue', field: 'milestone', code: 'invalid', value }], docs) };
        }
      }
      const t = timestamp(now());
      issue.title = title;
      issue.body = body;
      if (labelNamesToSet) issue.labels = resolveLabels(repo, labelNamesToSet);
      if (assignees) issue.assignees = assignees;
      if (b.state === 'closed' && issue.state === 'open') {
        issue.state = 'closed';
        issue.closedAt = t;
        issue.closedBy = ctx.caller.user;
        issue.stateReason = (b.state_reason as IssueRecord['stateReason']) ?? 'completed';
      } else if (b.state === 'open' && issue.state === 'closed') {
        issue.state = 'open';
        issue.closedAt = null;
        issue.closedBy = null;
        issue.stateReason = 'reopened';
      } else if (typeof b.state_reason === 'string' && issue.state === 'closed') {
        issue.stateReason = b.state_reason as IssueRecord['stateReason'];
      }
      issue.updatedAt = t;
      return { status: 200, body: issueJson(repo, issue, urls) };
    },

    'issues/list-for-repo': (ctx) => {
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
      const { page, link } = paginate(items, ctx, `/repos/${repo.owner.login}/${repo.name}/issues`);
      return { status: 200, body: page.map((i) => issueJson(repo, i, urls)), headers: linkHeader(link) };
    },

    'issues/create-comment': (ctx) => {
      const repo = ctx.repo as RepoRecord;
      const docs = ctx.op.documentationUrl;
      const issue = findIssue(ctx);
      if (!issue) return { status: 404, body: E.notFound() };
      if (issue.locked && repo.permission === 'read') return { status: 403, body: E.errorBody(403, 'Unable to create comment because issue is locked.', docs) };
      const body = String(ctx.body.body);
      if (body.trim() === '') {
        return { status: 422, body: E.validationFailed([{ resource: 'IssueComment', field: 'body', code: 'missing_field' }], docs) };
      }
      if (charLength(body) > BODY_LIMIT) return tooLong('IssueComment', 'body', BODY_LIMIT, docs);
      const t = timestamp(now());
      const comment = { id: nextCommentId++, body, user: ctx.caller.user as UserRecord, authorAssociation: association(repo), createdAt: t, updatedAt: t };
      issue.comments.push(comment);
      issue.updatedAt = t;
      const json = commentJson(repo, issue, comment, urls);
      return { status: 201, body: json, headers: { location: String(json.url) } };
    },

    'issues/list-comments': (ctx) => {
      const repo = ctx.repo as RepoRecord;
      const issue = findIssue(ctx);
      if (!issue) return { status: 404, body: E.notFound() };
      let items = issue.comments;
      if (typeof ctx.query.since === 'string') {
        const since = timestamp(Date.parse(ctx.query.since));
        items = items.filter((c) => c.updatedAt >= since);
      }
      const { page, link } = paginate(items, ctx, `/repos/${repo.owner.login}/${repo.name}/issues/${issue.number}/comments`);
      return { status: 200, body: page.map((c) => commentJson(repo, issue, c, urls)), headers: linkHeader(link) };
    },

    'issues/add-labels': (ctx) => {
      const repo = ctx.repo as RepoRecord;
      const docs = ctx.op.documentationUrl;
      const issue = findIssue(ctx);
      if (!issue) return { status: 404, body: E.notFound() };
      if (repo.permission !== 'read' && Array.isArray(ctx.body.labels)) {
        const names = labelNames(ctx.body.labels);
        const problem = checkLabelNames(names, docs);
        if (problem) return problem;
        for (const label of resolveLabels(repo, names)) if (!issue.labels.includes(label)) issue.labels.push(label);
        issue.updatedAt = timestamp(now());
      }
      return { status: 200, body: issue.labels.map((l) => labelJson(repo, l, urls)) };
    },

    'issues/list-labels-for-repo': (ctx) => {
      const repo = ctx.repo as RepoRecord;
      const { page, link } = paginate(repo.labels, ctx, `/repos/${repo.owner.login}/${repo.name}/labels`);
      return { status: 200, body: page.map((l) => labelJson(repo, l, urls)), headers: linkHeader(link) };
    },

    'issues/create-label': (ctx) => {
      const repo = ctx.repo as RepoRecord;
      const docs = ctx.op.documentationUrl;
      if (repo.permission === 'read') return { status: 403, body: E.noPushAccess(docs) };
      const name = String(ctx.body.name);
      const problem = checkLabelNames([name], docs);
      if (problem) return problem;
      if (repo.labels.some((l) => l.name.toLowerCase() === name.trim().toLowerCase())) {
        return { status: 422, body: E.validationFailed([{ resource: 'Label', field: 'name', code: 'already_exists' }], docs) };
      }
      let color = 'ededed';
      if (typeof ctx.body.color === 'string') {
        color = ctx.body.color.replace(/^#/, '');
        if (!/^[0-9a-fA-F]{6}$/.test(color)) {
          return { status: 422, body: E.validationFailed([{ resource: 'Label', field: 'color', code: 'invalid' }], docs) };
        }
        color = color.toLowerCase();
      }
      const description = typeof ctx.body.description === 'string' ? ctx.body.description : null;
      if (description !== null && charLength(description) > LABEL_DESCRIPTION_LIMIT) {
        return tooLong('Label', 'description', LABEL_DESCRIPTION_LIMIT, docs);
      }
      const label: LabelRecord = { id: nextLabelId++, name: name.trim(), color, description, default: false };
      repo.labels.push(label);
      const json = labelJson(repo, label, urls);
      return { status: 201, body: json, headers: { location: String(json.url) } };
    },

    'issues/get-label': (ctx) => {
      const repo = ctx.repo as RepoRecord;
      const name = String(ctx.path.name).toLowerCase();
      const label = repo.labels.find((l) => l.name.toLowerCase() === name);
      if (!label) return { status: 404, body: E.notFound() };
      return { status: 200, body: labelJson(repo, label, urls) };
    },

    'search/issues-and-pull-requests': (ctx) => {
      const docs = ctx.op.documentationUrl;
      const q = String(ctx.query.q);
      if (q.trim() === '') {
        return { status: 422, body: E.validationFailed([{ resource: 'Search', field: 'q', code: 'missing' }], docs) };
      }
      if (q.length > SEARCH_QUERY_LIMIT) {
        return {
          status: 422,
          body: E.validationFailed(
            [{ resource: 'Search', field: 'q', code: 'invalid', message: `The search is longer than ${SEARCH_QUERY_LIMIT} characters.` }],
            docs,
          ),
        };
      }
      const parsed = parseQuery(q);
      if (!parsed.namesTarget) {
        // GitHub's issue search refuses a query that does not say whether it wants issues or pull requests.
        return { status: 422, body: { ...E.errorBody(422, "Query must include 'is:issue' or 'is:pull-request'", docs), errors: [] } };
      }
      const visible = repos.filter((r) => !r.private || ctx.caller.user);
      for (const name of parsed.repos) {
        const [owner, repoName] = name.split('/');
        const repo = owner && repoName ? findRepo(owner, repoName) : null;
        if (!repo || !visible.includes(repo)) {
          return {
            status: 422,
            body: E.validationFailed(
              [
                {
                  resource: 'Search',
                  field: 'q',
                  code: 'invalid',
                  message:
                    'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.',
                },
              ],
              docs,
            ),
          };
        }
      }
      const t = now();
      const found: { repo: RepoRecord; issue: IssueRecord }[] = [];
      for (const repo of visible) {
        for (const issue of repo.issues) {
          if (issue.searchableFrom > t) continue; // not indexed yet
          const doc: SearchDocument = {
            owner: repo.owner.login,
            repo: repo.name,
            title: issue.title,
            body: issue.body ?? '',
            comments: issue.comments.map((c) => c.body),
            labels: issue.labels.map((l) => l.name),
            state: issue.state,
            author: issue.user.login,
            assignees: issue.assignees,
            locked: issue.locked,
            isPrivate: repo.private,
          };
          if (matches(parsed, doc)) found.push({ repo, issue });
        }
      }
      // Without `sort` GitHub ranks by best match; every match scores the same here, newest first.
      const sort = typeof ctx.query.sort === 'string' ? ctx.query.sort : 'created';
      const order = ctx.query.sort === undefined ? 'desc' : String(ctx.query.order);
      const sorted = sortIssues(found.map((f) => f.issue), sort, order);
      const ordered = sorted.map((issue) => found.find((f) => f.issue === issue) as { repo: RepoRecord; issue: IssueRecord });
      const capped = ordered.slice(0, SEARCH_RESULT_CAP);
      const { page, link } = paginate(capped, ctx, '/search/issues');
      return {
        status: 200,
        body: {
          total_count: ordered.length,
          incomplete_results: false,
          search_type: 'lexical',
          items: page.map(({ repo, issue }) => searchItem(issueJson(repo, issue, urls))),
        },
        headers: linkHeader(link),
      };
    },
  };

  // --- the request pipeline -----------------------------------------------------------------------------------
  async function process(req: StandInRequest, requestId: string): Promise<StandInResponse> {
    const method = req.method.toUpperCase();
    const [path, inlineQuery] = splitPath(req.path);
    const query = new URLSearchParams(req.query);
    if (inlineQuery) for (const [k, v] of new URLSearchParams(inlineQuery)) query.append(k, v);

    const caller = identify(req.headers);
    const anonymous: Caller = { user: null, key: 'anonymous' };
    const answer = (a: Answer, who: Caller, resource: RateResource): StandInResponse => ({
      status: a.status,
      headers: { ...baseHeaders(requestId), ...rateHeaders(who, resource), ...(a.headers ?? {}) },
      body: a.body,
    });
    if (caller === 'bad') return answer({ status: 401, body: E.badCredentials() }, anonymous, 'core');

    const routed = spec.route(method, path);
    if (!routed.operation) return answer({ status: 404, body: E.notFound() }, caller, 'core');
    const op = routed.operation;
    const resource: RateResource = op.operationId.startsWith('search/') ? 'search' : 'core';
    const pathCheck = op.checkPath(routed.params);
    if (!pathCheck.ok) return answer({ status: 404, body: E.notFound() }, caller, resource);

    consume(caller, resource);
    const limits = rateState(caller, resource);
    if (options.enforceRateLimits && limits.used > limits.limit) {
      const body = caller.user ? E.primaryRateLimit(caller.user.id, requestId) : E.errorBody(403, 'API rate limit exceeded.', E.DOCS);
      return answer({ status: 403, body }, caller, resource);
    }
    if (options.enforceRateLimits && method !== 'GET') {
      const t = now();
      writes = writes.filter((w) => w > t - 60_000);
      if (writes.length >= CONTENT_CREATION_PER_MINUTE) {
        const retryAfter = Math.max(1, Math.ceil(((writes[0] as number) + 60_000 - t) / 1000));
        return answer({ status: 403, body: E.secondaryRateLimit(requestId), headers: { 'retry-after': String(retryAfter) } }, caller, resource);
      }
      writes.push(t);
    }

    let repo: RepoRecord | null = null;
    if (typeof pathCheck.values.owner === 'string' && typeof pathCheck.values.repo === 'string') {
      repo = findRepo(pathCheck.values.owner, pathCheck.values.repo);
      // A private repository the caller cannot see does not exist, as far as GitHub says.
      if (!repo || (repo.private && !caller.user)) return answer({ status: 404, body: E.notFound() }, caller, resource);
    }
    if (!caller.user && (method !== 'GET' || op.operationId === 'users/get-authenticated')) {
      return answer({ status: 401, body: E.requiresAuthentication(op.documentationUrl) }, caller, resource);
    }

    let body: unknown = req.body;
    if (typeof body === 'string') {
      if (body.trim() === '') body = undefined;
      else {
        try {
          body = JSON.parse(body);
        } catch {
          return answer({ status: 400, body: E.problemsParsingJson(op.documentationUrl) }, caller, resource);
        }
      }
    }

    const queryCheck = op.checkQuery(query);
    if (!queryCheck.ok) {
      return answer(
        { status: 422, body: E.validationFailed(fieldErrors(resourceName(op.operationId), queryCheck.problems), op.documentationUrl) },
        caller,
        resource,
      );
    }
    const takesBody = method !== 'GET' && method !== 'HEAD' && method !== 'DELETE';
    if (takesBody) {
      const candidate = body === undefined ? {} : body;
      const problems = op.checkBody(candidate);
      if (problems.length > 0) {
        const whole = problems.find((p) => p.field === '' && p.keyword === 'type');
        const errorBody = whole
          ? E.errorBody(400, 'Body should be a JSON object', op.documentationUrl)
          : E.validationFailed(fieldErrors(resourceName(op.operationId), problems), op.documentationUrl);
        return answer({ status: whole ? 400 : 422, body: errorBody }, caller, resource);
      }
      body = candidate;
    }

    const handler = handlers[op.operationId];
    if (!handler) return answer({ status: 404, body: E.notFound() }, caller, resource);
    const ctx: Context = {
      op,
      path: pathCheck.values,
      query: queryCheck.values,
      body: (body ?? {}) as Record<string, unknown>,
      caller,
      repo,
      requestId,
    };
    const result = handler(ctx);
    if (checkResponses) {
      const problems = op.checkResponse(result.status, result.body);
      if (problems && problems.length > 0) {
        const detail = problems.slice(0, 5).map((p) => p.message).join('; ');
        console.error(`[github stand-in] ${op.operationId} ${result.status} answer does not match GitHub's schema: ${detail}`);
        return answer({ status: 500, body: E.errorBody(500, `Stand-in answer does not match GitHub's schema: ${detail}`, E.DOCS) }, caller, resource);
      }
    }
    return answer(result, caller, resource);
  }

  function takeFault(method: string, path: string): FaultRule | null {
    for (const f of faults) {
      if (f.left <= 0) continue;
      if (f.rule.method && f.rule.method.toUpperCase() !== method) continue;
      if (f.rule.path !== undefined && !new RegExp(f.rule.path).test(path)) continue;
      f.left--;
      return f.rule;
    }
    return null;
  }

  function faultResponse(rule: FaultRule, req: StandInRequest, requestId: string, status: number): StandInResponse {
    const [path] = splitPath(req.path);
    const routed = spec.route(req.method, path);
    const docs = routed.operation?.documentationUrl ?? E.DOCS;
    const caller = identify(req.headers);
    const who: Caller = caller === 'bad' ? { user: null, key: 'anonymous' } : caller;
    const resource: RateResource = routed.operation?.operationId.startsWith('search/') ? 'search' : 'core';
    const ruleHeaders = Object.fromEntries(Object.entries(rule.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    if ((status === 429 || (status === 403 && 'retry-after' in ruleHeaders)) && ruleHeaders['retry-after'] === undefined) {
      ruleHeaders['retry-after'] = '60';
    }
    if (status === 403 && 'retry-after' in ruleHeaders) ruleHeaders['x-ratelimit-remaining'] ??= rateHeaders(who, resource)['x-ratelimit-remaining'] as string;
    const body = rule.body !== undefined ? rule.body : E.defaultFaultBody(status, ruleHeaders, { userId: tokenUser.id, requestId, docs });
    const headers = { ...baseHeaders(requestId), ...rateHeaders(who, resource), ...ruleHeaders };
    if (ruleHeaders['x-ratelimit-remaining'] === '0' && !('x-ratelimit-reset' in ruleHeaders)) {
      headers['x-ratelimit-reset'] = String(Math.ceil(now() / 1000) + 60);
    }
    return { status, headers, body };
  }

  async function handle(req: StandInRequest, handleOptions: HandleOptions = {}): Promise<StandInResponse> {
    const requestId = randomBytes(8).toString('hex').toUpperCase().replace(/(.{4})(.{4})(.{4})(.{4})/, '$1:$2:$3:$4');
    const method = req.method.toUpperCase();
    const [path] = splitPath(req.path);
    const record = (status: number): void => {
      if (!handleOptions.internal) log.push({ method, path, status });
    };
    const rule = handleOptions.internal ? null : takeFault(method, path);
    if (!rule) {
      const response = await process(req, requestId);
      record(response.status);
      return response;
    }
    const wait = async (): Promise<void> => {
      if (rule.delayMs) await sleep(rule.delayMs);
    };
    if (rule.commitThenFail) {
      // GitHub did the work at once; the answer is lost (network) or replaced (status, default its 504 timeout),
      // after the delay if any — the "it did succeed but the client saw an error or gave up" case.
      const real = await process(req, requestId);
      // A success status (or a failed operation) means no fault to add: the real answer, only late.
      const late = !rule.network && ((rule.status !== undefined && rule.status < 400) || real.status >= 400);
      const status = rule.network ? 0 : late ? real.status : (rule.status ?? 504);
      record(status);
      await wait();
      if (rule.network) throw new NetworkFault('GitHub stand-in: connection dropped after the request was processed (injected fault)');
      return late ? real : faultResponse(rule, req, requestId, status);
    }
    if (rule.network) {
      // The request never reached GitHub.
      record(0);
      await wait();
      throw new NetworkFault();
    }
    if (rule.status !== undefined) {
      const response = faultResponse(rule, req, requestId, rule.status);
      record(response.status);
      await wait();
      return response;
    }
    // A delay alone: GitHub handles the request on arrival and its answer takes `delayMs` to come back, so a
    // client that gives up meanwhile has still changed GitHub's state.
    const response = await process(req, requestId);
    record(response.status);
    await wait();
    return response;
  }

  function issuesOf(owner?: string, repo?: string): { repo: RepoRecord; issue: IssueRecord }[] {
    const selected = repos.filter(
      (r) =>
        (owner === undefined || r.owner.login.toLowerCase() === owner.toLowerCase()) &&
        (repo === undefined || r.name.toLowerCase() === repo.toLowerCase()),
    );
    const all = selected.flatMap((r) => r.issues.map((issue) => ({ repo: r, issue })));
    return all.sort((a, b) => (a.issue.createdAt === b.issue.createdAt ? b.issue.id - a.issue.id : a.issue.createdAt < b.issue.createdAt ? 1 : -1));
  }

  return {
    handle,
    addFault(rule) {
      faults.push({ rule: { ...rule }, left: rule.times ?? 1 });
    },
    clearFaults() {
      faults = [];
    },
    reset,
    setPermission(owner, repo, level) {
      const record = findRepo(owner, repo);
      if (!record) throw new Error(`GitHub stand-in: no repository ${owner}/${repo} (it knows sourcegraph/customer and sourcegraph/sourcegraph)`);
      record.permission = level;
    },
    listIssues(owner, repo) {
      return issuesOf(owner, repo).map(({ repo: r, issue }) => issueJson(r, issue, urls));
    },
    storedIssues(owner, repo) {
      return issuesOf(owner, repo).map(
        ({ repo: r, issue }) =>
          ({
            ...issueJson(r, issue, urls),
            comment_list: issue.comments.map((c) => commentJson(r, issue, c, urls)),
          }) as StoredIssue,
      );
    },
    setSearchLag(ms) {
      searchLagMs = Math.max(0, ms);
    },
    renderHtml() {
      return renderIssuesHtml(
        issuesOf().map(({ repo: r, issue }) => ({
          repo: `${r.owner.login}/${r.name}`,
          number: issue.number,
          title: issue.title,
          state: issue.state,
          htmlUrl: urls.issueHtml(r, issue),
          author: issue.user.login,
          createdAt: issue.createdAt,
          labels: issue.labels.map((l) => ({ name: l.name, color: l.color })),
          assignees: issue.assignees,
          body: issue.body,
          comments: issue.comments.map((c) => ({ author: c.user.login, createdAt: c.createdAt, body: c.body })),
        })),
      );
    },
    requestLog() {
      return log.map((entry) => ({ ...entry }));
    },
  };
}

/**
 * An issue as a search result: `score` added, and an empty body left out rather than null, because the
 * description's issue-search-result-item types `body` as a (non-nullable, optional) string.
 */
function searchItem(issue: Record<string, unknown>): Record<string, unknown> {
  const item: Record<string, unknown> = { ...issue, score: 1 };
  if (item.body === null) delete item.body;
  return item;
}

function linkHeader(link: string | null): Record<string, string> {
  return link ? { link } : {};
}

function splitPath(raw: string): [string, string] {
  const q = raw.indexOf('?');
  return q === -1 ? [raw, ''] : [raw.slice(0, q), raw.slice(q + 1)];
}
