// The one GitHub search a ticket open sends: both trackers and the ticket's strongest terms joined by OR, within
// GitHub's limits (a query of at most 256 characters and at most five AND/OR/NOT operators; see "Troubleshooting
// search queries" in GitHub's docs). Ranking happens here afterwards (rank.ts), so the query favours recall: any
// issue sharing one strong term comes back, and GitHub's best-match order brings those sharing several first.
import type { RepoRef } from '../settings.ts';
import { GENERIC } from './stopwords.ts';
import type { SimilarTerm } from './terms.ts';

export const MAX_QUERY_LENGTH = 256;
export const MAX_OPERATORS = 5;

/**
 * A term as GitHub search reads it: only letters, digits, `-` and `_` survive (a customer's quote, colon or
 * parenthesis would change the query's meaning), operators' names in lower case, several words as one quoted phrase.
 */
export function searchToken(term: SimilarTerm): string | null {
  const words = term.tokens
    .map((t) => t.replace(/[^\p{L}\p{N}_-]+/gu, '').replace(/^-+/, ''))
    .filter((t) => t.length > 0 && !(term.tokens.length > 1 && GENERIC.has(t)))
    .slice(0, 3);
  if (words.length === 0) return null;
  const text = words.join(' ').toLowerCase();
  return words.length > 1 ? `"${text}"` : text;
}

/** `repo:a/b repo:c/d is:issue t1 OR t2 ...`: as many terms as fit, strongest first; null without any term. */
export function similarQuery(terms: readonly SimilarTerm[], repos: readonly RepoRef[]): string | null {
  const seen = new Set<string>();
  const scope = [...repos.map((r) => `repo:${r.owner}/${r.repo}`).filter((r) => !seen.has(r) && seen.add(r)), 'is:issue'].join(' ');
  const parts: string[] = [];
  const used = new Set<string>();
  for (const t of terms) {
    const tok = searchToken(t);
    if (!tok || used.has(tok)) continue;
    if (parts.length > MAX_OPERATORS) break;
    const candidate = `${scope} ${[...parts, tok].join(' OR ')}`;
    if (candidate.length > MAX_QUERY_LENGTH) continue;
    parts.push(tok);
    used.add(tok);
  }
  return parts.length ? `${scope} ${parts.join(' OR ')}` : null;
}

/** The operators a query uses (AND, OR, NOT as GitHub counts them: upper-case words outside quotes). */
export function countOperators(query: string): number {
  const outside = query.replace(/"[^"]*"/g, ' ');
  return (outside.match(/(?:^|\s)(?:AND|OR|NOT)(?=\s|$)/g) ?? []).length;
}
