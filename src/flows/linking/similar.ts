// "Similar issues before filing": one GitHub search per ticket open, ranked here by the pure core
// (core/similar/: the ticket's own terms, both trackers), remembered for the panel's session so that reopening the
// form, switching tracker or re-rendering never searches again. It runs after the first paint and never waits out
// a rate limit: GitHub allows 30 searches a minute per token, and when that (or its index lag) gets in the way the
// panel says so in one line and the agent can still type an issue number.
import { parseIssues } from '../../core/similar/issues.ts';
import { findSimilar } from '../../core/similar/similar.ts';
import type { SimilarIssue } from '../../core/similar/rank.ts';
import { findLinks } from '../../core/links.ts';
import type { Settings } from '../../core/settings.ts';
import type { RouteResult, Team } from '../../core/types/classification.ts';
import type { TicketLocation, TicketModel } from '../../core/types/ticket.ts';
import type { AgentError } from '../../errors/agent-error.ts';
import { classifyGitHubError } from '../../github/errors.ts';
import type { GitHubService } from '../../github/index.ts';

/** At most this many shown: enough for the usual duplicate, few enough to read on the fiftieth ticket. */
export const SIMILAR_SHOWN = 5;
/** Candidates asked of GitHub: its best-match order brings the ones sharing several terms first. */
const SEARCH_PAGE = 30;

export type SimilarAnswer =
  | { state: 'ready'; issues: SimilarIssue[]; query: string | null }
  | { state: 'limited'; seconds: number }
  | { state: 'failed'; error: AgentError };

export interface SimilarArgs {
  github: GitHubService;
  settings: Settings;
  teams: readonly Team[];
  location: TicketLocation;
  model: TicketModel;
  route: RouteResult | null;
}

export interface SimilarSearch {
  /** The answer for this ticket: searched once per session, then remembered (a failure is not, so it can be retried). */
  find(args: SimilarArgs): Promise<SimilarAnswer>;
}

export function createSimilarSearch(now: () => number = Date.now): SimilarSearch {
  const answers = new Map<string, Promise<SimilarAnswer>>();
  return {
    find(args) {
      const { settings, location } = args;
      const key = `${settings.githubApiUrl} ${settings.privateRepo.owner}/${settings.privateRepo.repo} ${settings.publicRepo.owner}/${settings.publicRepo.repo} ${location.subdomain}/${location.ticketId}`;
      const known = answers.get(key);
      if (known) return known;
      const answer = search(args, now).then((a) => {
        if (a.state !== 'ready') answers.delete(key);
        return a;
      });
      answers.set(key, answer);
      return answer;
    },
  };
}

async function search(args: SimilarArgs, now: () => number): Promise<SimilarAnswer> {
  const { github, settings, teams, model, route } = args;
  const ctx = { settings, teams, now: now() };
  const planned = findSimilar(model, route, [], ctx);
  if (planned.query === null) return { state: 'ready', issues: [], query: null };
  let items: unknown[];
  try {
    items = await github.searchIssues(planned.query, SEARCH_PAGE);
  } catch (e) {
    const error = classifyGitHubError(e, { repo: settings.privateRepo });
    if (error.code === 'github_rate_limited') return { state: 'limited', seconds: error.retryAfterSeconds ?? 60 };
    return { state: 'failed', error };
  }
  const { issues: candidates } = parseIssues(items);
  // The ticket's own issues are not "similar": they are its links.
  const own = new Set(findLinks(model, settings).map((l) => `${l.owner}/${l.repo}#${l.number}`.toLowerCase()));
  const fresh = candidates.filter((c) => !c.repo || !own.has(`${c.repo}#${c.number}`.toLowerCase()));
  const ranked = findSimilar(model, route, fresh, ctx);
  return { state: 'ready', issues: ranked.issues.slice(0, SIMILAR_SHOWN), query: ranked.query };
}
