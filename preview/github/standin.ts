// A stateful stand-in for the GitHub REST API, for the preview (offline filing), the adapters' contract tests and
// the fault drills. Requests are checked against GitHub's own OpenAPI description (the committed subset) so the
// app cannot rely on anything real GitHub would refuse; what the description cannot say (length limits, silent
// label creation, dropped labels without push access, search rules, rate limits) is implemented in standin/.
import { renderIssuesHtml } from './render.ts';
import { commentJson, issueJson } from './state.ts';
import type { GitHubStandIn, StandInOptions, StoredIssue } from './standin/api.ts';
import { addFault, handle } from './standin/faults.ts';
import { createStore, findRepo, issuesOf, resetStore } from './standin/store.ts';

export { NetworkFault } from './standin/api.ts';
export type {
  FaultRule,
  GitHubStandIn,
  HandleOptions,
  StandInOptions,
  StandInRequest,
  StandInResponse,
  StoredIssue,
} from './standin/api.ts';

export function createGitHubStandIn(options: StandInOptions): GitHubStandIn {
  const store = createStore(options);
  const { urls } = store.config;
  return {
    handle: (req, handleOptions) => handle(store, req, handleOptions),
    addFault: (rule) => addFault(store, rule),
    clearFaults() {
      store.faults = [];
    },
    reset: () => resetStore(store),
    setPermission(owner, repo, level) {
      const record = findRepo(store, owner, repo);
      if (!record) throw new Error(`GitHub stand-in: no repository ${owner}/${repo} (it knows sourcegraph/customer and sourcegraph/sourcegraph)`);
      record.permission = level;
    },
    listIssues(owner, repo) {
      return issuesOf(store, owner, repo).map(({ repo: r, issue }) => issueJson(r, issue, urls));
    },
    storedIssues(owner, repo) {
      return issuesOf(store, owner, repo).map(
        ({ repo: r, issue }) =>
          ({
            ...issueJson(r, issue, urls),
            comment_list: issue.comments.map((c) => commentJson(r, issue, c, urls)),
          }) as StoredIssue,
      );
    },
    setSearchLag(ms) {
      store.searchLagMs = Math.max(0, ms);
    },
    renderHtml() {
      return renderIssuesHtml(
        issuesOf(store).map(({ repo: r, issue }) => ({
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
      return store.log.map((entry) => ({ ...entry }));
    },
  };
}
