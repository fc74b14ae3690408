// "Similar issues before filing" for one ticket: its terms, the one search query a ticket open sends, and the
// ranked issues among the candidates that search returned. Pure, so the sidebar and `engage similar` agree.
import type { Settings } from '../settings.ts';
import type { RouteResult, Team } from '../types/classification.ts';
import type { TicketModel } from '../types/ticket.ts';
import type { CandidateIssue } from './issues.ts';
import { similarQuery } from './query.ts';
import { rankSimilar, type SimilarIssue } from './rank.ts';
import { similarTerms, type SimilarTerm } from './terms.ts';

export interface SimilarResult {
  ticketId: number;
  terms: SimilarTerm[];
  /** The GitHub search query (null when the ticket has no usable words: nothing is searched, nothing shown). */
  query: string | null;
  issues: SimilarIssue[];
}

export function findSimilar(
  model: TicketModel,
  route: RouteResult | null,
  candidates: readonly CandidateIssue[],
  ctx: { settings: Settings; teams: readonly Team[]; now: string | number },
): SimilarResult {
  const terms = similarTerms(model, route);
  const query = similarQuery(terms, [ctx.settings.privateRepo, ctx.settings.publicRepo]);
  const teamLabels = new Map<string, string>();
  for (const t of ctx.teams) if (t.githubLabel) teamLabels.set(t.githubLabel, t.name);
  const issues = query === null ? [] : rankSimilar(terms, candidates, { now: ctx.now, customerPrefix: ctx.settings.labels.customerPrefix, teamLabels });
  return { ticketId: model.id, terms, query, issues };
}
