// Ranking the candidate issues against the ticket's terms: a weighted overlap with an IDF over the candidates, on
// the words the issue's customers wrote (title and the customer's quoted messages of an Engage body, not its
// checklist boilerplate or support's replies). Below a minimum score nothing is shown: an agent who sees noise
// twice stops looking. Open issues come first, then the recently closed (marked); older closed ones are dropped.
import { STOP } from './stopwords.ts';
import { normalizeTokens, type SimilarTerm } from './terms.ts';
import type { CandidateIssue } from './issues.ts';

export interface RankOptions {
  /** The time "recently" is measured from (the ticket's open); ISO string or epoch milliseconds. */
  now: string | number;
  /** A closed issue older than this is not shown (default 90 days). */
  closedWithinDays?: number;
  /** At most this many issues (default 5). */
  limit?: number;
  /** The customer label prefix (default `customer/`). */
  customerPrefix?: string;
  /** Team label → team name, to say whose issue it is (default: any `team/*` label as written). */
  teamLabels?: ReadonlyMap<string, string>;
  minScore?: number;
}

export interface SimilarIssue {
  number: number;
  title: string;
  url: string;
  repo: string | null;
  state: 'open' | 'closed';
  /** Closed within `closedWithinDays`: shown after the open ones and marked as such. */
  recentlyClosed: boolean;
  team: string | null;
  customers: string[];
  lastActivity: string;
  comments: number;
  score: number;
  /** Why it was picked: the ticket's terms the issue shares, strongest first. */
  why: string[];
}

/** Below this nothing is shown (tuned on test/fixtures/similar; see its README). */
export const MIN_SCORE = 12;
/** One shared word is chance; the same problem shares at least two of the ticket's terms. */
export const MIN_SHARED = 2;
/** Pretend this many more candidates share none of the terms: a handful of candidates must not make every word rare. */
const IDF_PRIOR = 10;
const TITLE_BONUS = 1.5;
const DAY_MS = 86_400_000;

interface IssueDoc {
  title: Set<string>;
  all: Set<string>;
}

const SUPPORT_HEADER = /^\*\*Support[ ,(]/;
const CUSTOMER_HEADER = /^\*\*Customer\*\*/;
const BOILERPLATE = /^(?:#{1,6}\s|- \*\*|\*\*[^*]+\*\*(?: ✓| \(still gathering\))?$|- From the ticket:|Filed from Zendesk by Engage|Every message of the ticket|Support needs help from|A customer reported a defect)/;

/** The words of an issue that describe the problem: title, customer quotes; for a hand-written issue its prose. */
export function issueWords(issue: Pick<CandidateIssue, 'title' | 'body'>): IssueDoc {
  const title = new Set(normalizeTokens(issue.title).filter((t) => !STOP.has(t)));
  const all = new Set(title);
  let inSupport = false;
  for (const line of issue.body.split('\n')) {
    const t = line.trim();
    if (CUSTOMER_HEADER.test(t)) inSupport = false;
    else if (SUPPORT_HEADER.test(t)) inSupport = true;
    if (inSupport || BOILERPLATE.test(t) || /engage-zendesk-/.test(t)) continue;
    for (const w of normalizeTokens(t.replace(/^>\s?/, ''))) if (!STOP.has(w)) all.add(w);
  }
  return { title, all };
}

/** How much of a term an issue has: 1 for a word present, the share of a phrase's words when at least 60%. */
function matchOf(term: SimilarTerm, doc: IssueDoc): { frac: number; inTitle: boolean } {
  const toks = term.tokens.filter((t) => !STOP.has(t));
  if (toks.length === 0) return { frac: 0, inTitle: false };
  const hits = toks.filter((t) => doc.all.has(t));
  const frac = hits.length / toks.length;
  if (toks.length > 1 && frac < 0.6) return { frac: 0, inTitle: false };
  return { frac, inTitle: hits.length > 0 && hits.every((t) => doc.title.has(t)) };
}

function time(iso: string | number): number {
  return typeof iso === 'number' ? iso : Date.parse(iso);
}

/** The issues to show for a ticket, best first, open before recently closed; [] rather than noise. */
export function rankSimilar(terms: readonly SimilarTerm[], candidates: readonly CandidateIssue[], options: RankOptions): SimilarIssue[] {
  const now = time(options.now);
  const within = (options.closedWithinDays ?? 90) * DAY_MS;
  const prefix = options.customerPrefix ?? 'customer/';
  const minScore = options.minScore ?? MIN_SCORE;
  // Old closed issues are out before anything else, so they do not make the IDF either.
  const live = candidates.filter((c) => c.state === 'open' || now - time(c.closedAt ?? c.updatedAt) <= within);
  const docs = live.map((c) => issueWords(c));
  const df = terms.map((t) => docs.filter((d) => matchOf(t, d).frac > 0).length);
  const n = live.length + IDF_PRIOR;
  const idf = df.map((k) => Math.log(1 + (n - k + 0.5) / (k + 0.5)));

  const scored: SimilarIssue[] = [];
  live.forEach((issue, i) => {
    let score = 0;
    const shared: { text: string; part: number }[] = [];
    let errorTokens = 0;
    terms.forEach((term, j) => {
      const m = matchOf(term, docs[i] as IssueDoc);
      if (m.frac === 0) return;
      const part = term.weight * m.frac * (idf[j] as number) * (m.inTitle ? TITLE_BONUS : 1);
      score += part;
      if (term.kind === 'error' && m.frac >= 0.6) errorTokens = Math.max(errorTokens, Math.round(term.tokens.length * m.frac));
      shared.push({ text: term.text, part });
    });
    // The same problem shares an error: components and topic words alone are what look-alikes share too. A long
    // error message matched word for word is enough by itself.
    if (errorTokens === 0 || (shared.length < MIN_SHARED && errorTokens < 3) || score < minScore) return;
    const team = issue.labels.find((l) => options.teamLabels?.has(l) ?? l.startsWith('team/'));
    scored.push({
      number: issue.number,
      title: issue.title,
      url: issue.url,
      repo: issue.repo,
      state: issue.state,
      recentlyClosed: issue.state === 'closed',
      team: team === undefined ? null : (options.teamLabels?.get(team) ?? team),
      customers: issue.labels.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length)).sort(),
      lastActivity: issue.closedAt && time(issue.closedAt) > time(issue.updatedAt) ? issue.closedAt : issue.updatedAt,
      comments: issue.comments,
      score: Math.round(score * 100) / 100,
      why: shared.sort((a, b) => b.part - a.part || a.text.localeCompare(b.text)).map((s) => s.text),
    });
  });
  scored.sort((a, b) => Number(a.state === 'closed') - Number(b.state === 'closed') || b.score - a.score || b.number - a.number);
  return scored.slice(0, options.limit ?? 5);
}
