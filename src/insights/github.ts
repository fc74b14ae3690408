// One page of a tracker's issues for the insights page, through the sidebar's Octokit client (src/github: the
// request goes through Zendesk's proxy, which adds the secure token; the browser never sees it).
import { createOctokit } from '../github/octokit.ts';
import type { Settings } from '../core/settings.ts';
import type { TrackerIssue } from '../core/report/tracker.ts';
import type { ZafClient } from '../zaf/client.ts';
import type { ListIssues } from './load.ts';

export function issueLister(client: ZafClient, settings: Settings): ListIssues {
  // No retries: a failure is shown at once with its source, and the agent can try again.
  const octokit = createOctokit(client, settings, { retries: 0, throttleId: 'engage-insights' });
  return async (repo, since, page, perPage) => {
    const res = await octokit.rest.issues.listForRepo({ owner: repo.owner, repo: repo.repo, state: 'all', since, sort: 'updated', direction: 'desc', per_page: perPage, page });
    const link = typeof res.headers.link === 'string' ? res.headers.link : '';
    const issues: TrackerIssue[] = res.data.map((i) => ({
      number: i.number,
      title: i.title,
      state: i.state,
      html_url: i.html_url,
      created_at: i.created_at,
      closed_at: i.closed_at ?? null,
      ...(i.pull_request ? { pull_request: i.pull_request } : {}),
    }));
    return { issues, hasNext: /rel="next"/.test(link) };
  };
}
