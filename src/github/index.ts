// GitHub behind one module that the UI loads lazily (through src/flows/): everything Octokit lives behind it, so
// the sidebar's first paint never loads it.
//
// Each method makes the fewest calls that give a CONSISTENT answer, since "never file twice" rests on them:
// - checkAccess: `GET /repos/{o}/{r}` (permissions.push); a positive answer is remembered for a few minutes so the
//   filing click does not pay for it again (the form checks when it opens), a check in flight is shared, and any
//   refusal (401/403/404) or labels dropped on a create forget the answer so the next filing asks again.
// - findByMarker: the repository's issues carrying the customer label, newest first (the issues list is consistent
//   the moment a create returns, unlike search, which lags by up to a minute), matched on the ticket's visible
//   marker in the body; search (`in:body`) only when labels may have been dropped (no push access) or no label is
//   known.
// - createIssue: one POST, never retried automatically (not idempotent), then the overflow comments in order.
import type { RepoRef, Settings } from '../core/settings.ts';
import type { IssueRequest, LinkedIssue, LinkedIssueState } from '../core/types/filing.ts';
import type { ZafClient } from '../zaf/client.ts';
import { type AgentError, toPlain } from '../errors/agent-error.ts';
import { type GitHubErrorContext, classifyGitHubError } from './errors.ts';
import { type EngageOctokit, type OctokitOptions, createOctokit } from './octokit.ts';

export { createOctokit } from './octokit.ts';

export interface FindOptions {
  /** The customer label the issue was filed with (`customer/<slug>`), for the consistent label listing. */
  customerLabel?: string;
  /** false when the token has no push access: labels were dropped, so only search can find the issue. */
  labelsApplied?: boolean;
  /** Only the label listing, never search (the lookup when a ticket opens: one request, no search quota). */
  listOnly?: boolean;
  /** Issues that carry the marker but are not the one sought (the ticket's earlier issues it files beside). */
  exclude?: readonly number[];
}

/** An issue found by its ticket marker, with its labels (the team and priority it was filed with). */
export interface FoundIssue extends LinkedIssue {
  labels: string[];
}

export interface CreatedIssue extends LinkedIssue {
  /** How many of `request.comments` were posted (all of them unless `commentsError` is set). */
  commentsPosted: number;
  /** Why posting the overflow comments stopped; the issue itself exists. */
  commentsError?: AgentError;
  /**
   * Requested labels GitHub did not apply: it drops them silently when the token has no push access (revoked since
   * the remembered access check). The issue exists; the agent must be told.
   */
  labelsDropped?: string[];
}

export interface GitHubService {
  readonly settings: Settings;
  checkAccess(repo: RepoRef): Promise<{ push: boolean }>;
  findByMarker(repo: RepoRef, marker: string, options?: FindOptions): Promise<FoundIssue | null>;
  createIssue(request: IssueRequest): Promise<CreatedIssue>;
  /** Post `comments` to an existing issue, in order (used to finish overflow comments after a failure). */
  addComments(issue: LinkedIssue, comments: string[]): Promise<{ posted: number; error?: AgentError }>;
  getIssueState(link: LinkedIssue): Promise<LinkedIssueState>;
  /** One search request (never waits out a rate limit: the caller says so instead); the raw items, as GitHub gives them. */
  searchIssues(q: string, perPage: number): Promise<unknown[]>;
  /** Every comment of an issue, oldest first (one request per 100 comments). */
  listComments(issue: LinkedIssue): Promise<IssueComment[]>;
  /** The comments updated since `since` (ISO time), oldest first: one request, at most the newest 100. */
  commentsSince(issue: LinkedIssue, since: string): Promise<IssueComment[]>;
  /** Post one comment, never retried automatically (not idempotent): the caller looks before posting again. */
  addComment(issue: LinkedIssue, body: string): Promise<IssueComment>;
  updateComment(issue: LinkedIssue, commentId: number, body: string): Promise<void>;
  /** Add labels (idempotent: a label already there stays once). */
  addLabels(issue: LinkedIssue, labels: string[]): Promise<void>;
  /** The issue's body, for the rare edit of the filing ticket's own link line. */
  getIssueBody(issue: LinkedIssue): Promise<string>;
  updateIssueBody(issue: LinkedIssue, body: string): Promise<void>;
}

export interface IssueComment {
  id: number;
  body: string;
  author: string;
  createdAt: string;
  url: string;
}

export interface CreateGitHubOptions extends OctokitOptions {
  /** The access answers to share with other services over the same client; a fresh memo when absent. */
  access?: AccessMemo;
}

/** How long a positive access check is trusted. A negative one is never cached: the admin may fix it any moment. */
const ACCESS_TTL_MS = 5 * 60_000;

/**
 * Access answers, shared by every service made with the same memo (one per ZAF client: one app installation, one
 * token) and keyed by API URL and repository, so the check the form makes when it opens spares the filing click its
 * request, whichever service instance each one uses.
 */
export interface AccessMemo {
  /** Until when a positive answer holds, per API URL + repository. */
  until: Map<string, number>;
  /** Checks on their way: the click made while the form's own check is still running joins it. */
  pending: Map<string, Promise<{ push: boolean }>>;
}

export function createAccessMemo(): AccessMemo {
  return { until: new Map(), pending: new Map() };
}
/** Answers that may mean the token or its access changed since the last check. */
const REFUSALS = new Set<string>(['github_unauthorized', 'github_no_push', 'github_repo_not_found']);
/** Issues listed per lookup page; a customer with more recent issues than this falls back to search. */
const LIST_PAGE = 100;

export function createGitHub(client: ZafClient, settings: Settings, options: CreateGitHubOptions = {}): GitHubService {
  const { access = createAccessMemo(), ...octokitOptions } = options;
  return new OctokitGitHub(createOctokit(client, settings, octokitOptions), settings, access);
}

function key(repo: RepoRef): string {
  return `${repo.owner}/${repo.repo}`.toLowerCase();
}

class OctokitGitHub implements GitHubService {
  constructor(
    private readonly octokit: EngageOctokit,
    readonly settings: Settings,
    private readonly access: AccessMemo,
  ) {}

  private accessKey(repo: RepoRef): string {
    return `${this.settings.githubApiUrl} ${key(repo)}`;
  }

  private context(repo: RepoRef): GitHubErrorContext {
    const ctx: GitHubErrorContext = { repo, apiUrl: this.settings.githubApiUrl };
    if (key(repo) === key(this.settings.privateRepo)) ctx.repoSetting = 'private_repository';
    else if (key(repo) === key(this.settings.publicRepo)) ctx.repoSetting = 'public_repository';
    return ctx;
  }

  private async call<T>(repo: RepoRef, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      const error = classifyGitHubError(e, this.context(repo));
      if (REFUSALS.has(error.code)) this.access.until.delete(this.accessKey(repo));
      throw error;
    }
  }

  async checkAccess(repo: RepoRef): Promise<{ push: boolean }> {
    const cacheKey = this.accessKey(repo);
    const until = this.access.until.get(cacheKey);
    if (until !== undefined && until > Date.now()) return { push: true };
    const pending = this.access.pending.get(cacheKey);
    if (pending) return pending;
    const check = (async () => {
      const { data } = await this.call(repo, () => this.octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo }));
      // `permissions` is present for any authenticated call; without it we cannot know, and assume the worst.
      const push = data.permissions?.push === true;
      if (push) this.access.until.set(cacheKey, Date.now() + ACCESS_TTL_MS);
      else this.access.until.delete(cacheKey);
      return { push };
    })();
    this.access.pending.set(cacheKey, check);
    try {
      return await check;
    } finally {
      this.access.pending.delete(cacheKey);
    }
  }

  async findByMarker(repo: RepoRef, marker: string, options: FindOptions = {}): Promise<FoundIssue | null> {
    if (marker.trim() === '') throw new Error('findByMarker needs the ticket marker');
    if (options.customerLabel && options.labelsApplied !== false) {
      const listed = await this.call(repo, () =>
        this.octokit.rest.issues.listForRepo({
          owner: repo.owner,
          repo: repo.repo,
          labels: options.customerLabel,
          state: 'all',
          sort: 'created',
          direction: 'desc',
          per_page: LIST_PAGE,
        }),
      );
      const found = oldestMatch(listed.data, marker, options.exclude);
      if (found) return toFound(repo, found);
      // Fewer than a full page: we saw every issue with that label, so it does not exist.
      if (listed.data.length < LIST_PAGE) return null;
    }
    return options.listOnly ? null : this.searchByMarker(repo, marker, options.exclude);
  }

  private async searchByMarker(repo: RepoRef, marker: string, exclude?: readonly number[]): Promise<FoundIssue | null> {
    // Quotes make it a phrase; inner quotes would end it, so they go (GitHub's search ignores punctuation anyway).
    const phrase = marker.replace(/["\\]/g, ' ').replace(/\s+/g, ' ').trim();
    const q = `"${phrase}" repo:${repo.owner}/${repo.repo} is:issue in:body`;
    const result = await this.call(repo, () =>
      this.octokit.rest.search.issuesAndPullRequests({ q, sort: 'created', order: 'asc', per_page: 30 }),
    );
    // Search matches words, not exact text: confirm the marker is really in the body.
    const found = oldestMatch(result.data.items, marker, exclude);
    return found ? toFound(repo, found) : null;
  }

  async createIssue(request: IssueRequest): Promise<CreatedIssue> {
    const repo: RepoRef = { owner: request.owner, repo: request.repo };
    const { data } = await this.call(repo, () =>
      this.octokit.rest.issues.create({
        owner: request.owner,
        repo: request.repo,
        title: request.title,
        body: request.body,
        labels: request.labels,
        // Creating is not idempotent: a retry after a lost answer could file twice. The filing orchestrator looks
        // the issue up instead of retrying blindly.
        request: { retries: 0 },
      }),
    );
    // GitHub drops the labels silently when the token lost push access after the last check: forget that answer, so
    // the next filing checks again (and refuses) instead of trusting it for the rest of its few minutes.
    const applied = new Set(labelNames(data.labels).map((l) => l.toLowerCase()));
    const dropped = request.labels.filter((l) => !applied.has(l.toLowerCase()));
    if (dropped.length > 0) this.access.until.delete(this.accessKey(repo));
    const link = toLink(repo, data);
    const followUps = await this.addComments(link, request.comments);
    const created: CreatedIssue = { ...link, commentsPosted: followUps.posted };
    if (followUps.error) created.commentsError = followUps.error;
    if (dropped.length > 0) created.labelsDropped = dropped;
    return created;
  }

  async addComments(issue: LinkedIssue, comments: string[]): Promise<{ posted: number; error?: AgentError }> {
    const repo: RepoRef = { owner: issue.owner, repo: issue.repo };
    let posted = 0;
    for (const body of comments) {
      try {
        await this.call(repo, () =>
          this.octokit.rest.issues.createComment({
            owner: issue.owner,
            repo: issue.repo,
            issue_number: issue.number,
            body,
            request: { retries: 0 },
          }),
        );
      } catch (e) {
        return { posted, error: toPlain(classifyGitHubError(e, this.context(repo))) };
      }
      posted++;
    }
    return { posted };
  }

  async getIssueState(link: LinkedIssue): Promise<LinkedIssueState> {
    const repo: RepoRef = { owner: link.owner, repo: link.repo };
    const { data } = await this.call(repo, () =>
      this.octokit.rest.issues.get({ owner: link.owner, repo: link.repo, issue_number: link.number }),
    );
    return {
      ...toLink(repo, data),
      title: data.title,
      state: data.state === 'closed' ? 'closed' : 'open',
      assignees: (data.assignees ?? []).map((a) => a.login),
      labels: labelNames(data.labels),
      updatedAt: data.updated_at,
      comments: data.comments,
      closedAt: data.closed_at,
    };
  }

  async searchIssues(q: string, perPage: number): Promise<unknown[]> {
    const repo = this.settings.privateRepo;
    const { data } = await this.call(repo, () =>
      this.octokit.rest.search.issuesAndPullRequests({ q, per_page: perPage, request: { retries: 0, noWait: true } }),
    );
    return data.items;
  }

  async listComments(issue: LinkedIssue): Promise<IssueComment[]> {
    const repo: RepoRef = { owner: issue.owner, repo: issue.repo };
    const out: IssueComment[] = [];
    for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
      const { data } = await this.call(repo, () =>
        this.octokit.rest.issues.listComments({ owner: issue.owner, repo: issue.repo, issue_number: issue.number, per_page: 100, page }),
      );
      for (const c of data) out.push({ id: c.id, body: c.body ?? '', author: c.user?.login ?? '', createdAt: c.created_at, url: c.html_url });
      if (data.length < 100) break;
    }
    return out;
  }

  async commentsSince(issue: LinkedIssue, since: string): Promise<IssueComment[]> {
    const repo: RepoRef = { owner: issue.owner, repo: issue.repo };
    const { data } = await this.call(repo, () =>
      this.octokit.rest.issues.listComments({ owner: issue.owner, repo: issue.repo, issue_number: issue.number, since, per_page: 100 }),
    );
    return data.map((c) => ({ id: c.id, body: c.body ?? '', author: c.user?.login ?? '', createdAt: c.created_at, url: c.html_url }));
  }

  async addComment(issue: LinkedIssue, body: string): Promise<IssueComment> {
    const repo: RepoRef = { owner: issue.owner, repo: issue.repo };
    const { data } = await this.call(repo, () =>
      this.octokit.rest.issues.createComment({ owner: issue.owner, repo: issue.repo, issue_number: issue.number, body, request: { retries: 0 } }),
    );
    return { id: data.id, body: data.body ?? body, author: data.user?.login ?? '', createdAt: data.created_at, url: data.html_url };
  }

  async updateComment(issue: LinkedIssue, commentId: number, body: string): Promise<void> {
    const repo: RepoRef = { owner: issue.owner, repo: issue.repo };
    await this.call(repo, () => this.octokit.rest.issues.updateComment({ owner: issue.owner, repo: issue.repo, comment_id: commentId, body }));
  }

  async addLabels(issue: LinkedIssue, labels: string[]): Promise<void> {
    if (labels.length === 0) return;
    const repo: RepoRef = { owner: issue.owner, repo: issue.repo };
    await this.call(repo, () => this.octokit.rest.issues.addLabels({ owner: issue.owner, repo: issue.repo, issue_number: issue.number, labels }));
  }

  async getIssueBody(issue: LinkedIssue): Promise<string> {
    const repo: RepoRef = { owner: issue.owner, repo: issue.repo };
    const { data } = await this.call(repo, () => this.octokit.rest.issues.get({ owner: issue.owner, repo: issue.repo, issue_number: issue.number }));
    return data.body ?? '';
  }

  async updateIssueBody(issue: LinkedIssue, body: string): Promise<void> {
    const repo: RepoRef = { owner: issue.owner, repo: issue.repo };
    await this.call(repo, () => this.octokit.rest.issues.update({ owner: issue.owner, repo: issue.repo, issue_number: issue.number, body }));
  }
}

/** Pages of comments read at most (100 each): an issue with more is beyond what a sidebar should walk. */
const MAX_COMMENT_PAGES = 10;

interface IssueLike {
  number: number;
  html_url: string;
  body?: string | null;
  labels?: (string | { name?: string | null })[];
  pull_request?: unknown;
  created_at?: string;
}

// Markers are tokens like `engage-zendesk-acme-4242`: a hyphen continues one as much as a letter or digit does.
const WORD = /[\p{L}\p{N}_-]/u;

/**
 * Whether `body` carries `marker` as a whole: the marker of ticket 1234 must not match inside the marker of ticket
 * 12345 (or of `acme-1234-…`), so the characters around an occurrence may not continue the token.
 */
export function containsMarker(body: string, marker: string): boolean {
  if (marker === '') return false;
  for (let at = body.indexOf(marker); at !== -1; at = body.indexOf(marker, at + 1)) {
    const before = at > 0 ? body.charAt(at - 1) : '';
    const after = body.charAt(at + marker.length);
    const openLeft = before === '' || !WORD.test(before) || !WORD.test(marker.charAt(0));
    const openRight = after === '' || !WORD.test(after) || !WORD.test(marker.charAt(marker.length - 1));
    if (openLeft && openRight) return true;
  }
  return false;
}

/** Among issues (never pull requests) whose body carries the marker, the first filed one. */
function oldestMatch(items: IssueLike[], marker: string, exclude: readonly number[] = []): IssueLike | null {
  let best: IssueLike | null = null;
  for (const item of items) {
    if (item.pull_request || exclude.includes(item.number)) continue;
    if (!item.body || !containsMarker(item.body, marker)) continue;
    if (best === null || item.number < best.number) best = item;
  }
  return best;
}

function labelNames(labels: (string | { name?: string | null })[] | undefined): string[] {
  return (labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((name) => name !== '');
}

function toLink(repo: RepoRef, issue: { number: number; html_url: string }): LinkedIssue {
  return { owner: repo.owner, repo: repo.repo, number: issue.number, url: issue.html_url };
}

function toFound(repo: RepoRef, issue: IssueLike): FoundIssue {
  return { ...toLink(repo, issue), labels: labelNames(issue.labels) };
}
