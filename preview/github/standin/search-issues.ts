// `GET /search/issues`: the query rules GitHub enforces (length, is:issue or is:pull-request, visible `repo:`),
// the index lag after creation, and results ranked and paged as GitHub pages them. Matching is in ../search.ts.
import * as E from '../errors.ts';
import { matchScore, parseQuery, type SearchDocument } from '../search.ts';
import { issueJson, type IssueRecord, type RepoRecord } from '../state.ts';
import { linkHeader, paginate, sortIssues } from './listing.ts';
import type { Answer, Context } from './operation.ts';
import { findRepo, type StandInStore } from './store.ts';

const SEARCH_QUERY_LIMIT = 256;
const SEARCH_RESULT_CAP = 1000;

const INVISIBLE_REPO =
  'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.';

function searchDocument(repo: RepoRecord, issue: IssueRecord): SearchDocument {
  return {
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

export function searchIssues(store: StandInStore, ctx: Context): Answer {
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
  const visible = store.repos.filter((r) => !r.private || ctx.caller.user);
  for (const name of parsed.repos) {
    const [owner, repoName] = name.split('/');
    const repo = owner && repoName ? findRepo(store, owner, repoName) : null;
    if (!repo || !visible.includes(repo)) {
      return { status: 422, body: E.validationFailed([{ resource: 'Search', field: 'q', code: 'invalid', message: INVISIBLE_REPO }], docs) };
    }
  }
  const t = store.config.now();
  const found: { repo: RepoRecord; issue: IssueRecord; score: number }[] = [];
  for (const repo of visible) {
    for (const issue of repo.issues) {
      if (issue.searchableFrom > t) continue; // not indexed yet
      const score = matchScore(parsed, searchDocument(repo, issue));
      if (score !== null) found.push({ repo, issue, score });
    }
  }
  // Without `sort` GitHub ranks by best match (matchScore: more of the terms, title first), then newest first.
  const sort = typeof ctx.query.sort === 'string' ? ctx.query.sort : 'created';
  const order = ctx.query.sort === undefined ? 'desc' : String(ctx.query.order);
  const sorted = sortIssues(found.map((f) => f.issue), sort, order);
  const byDate = sorted.map((issue) => found.find((f) => f.issue === issue) as (typeof found)[number]);
  // Array.prototype.sort is stable: equal scores keep the date order.
  const ordered = ctx.query.sort === undefined ? byDate.sort((a, b) => b.score - a.score) : byDate;
  const capped = ordered.slice(0, SEARCH_RESULT_CAP);
  const { page, link } = paginate(store, capped, ctx, '/search/issues');
  return {
    status: 200,
    body: {
      total_count: ordered.length,
      incomplete_results: false,
      search_type: 'lexical',
      items: page.map(({ repo, issue }) => searchItem(issueJson(repo, issue, store.config.urls))),
    },
    headers: linkHeader(link),
  };
}
