// The one search a ticket open sends stays within GitHub's limits (256 characters, five AND/OR/NOT operators), and no
// customer text can break its syntax.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOperators, MAX_OPERATORS, MAX_QUERY_LENGTH, similarQuery } from '../../src/core/similar/query.ts';
import { similarTerms, type SimilarTerm } from '../../src/core/similar/terms.ts';
import { ticketWith } from './similar-fixtures.ts';

const REPOS = [
  { owner: 'sourcegraph', repo: 'customer' },
  { owner: 'sourcegraph', repo: 'sourcegraph' },
];

/** Outside the phrases we quote ourselves, a query holds only qualifiers, words and our operators. */
function wellFormed(q: string): boolean {
  const quotes = (q.match(/"/g) ?? []).length;
  if (quotes % 2 !== 0) return false;
  const outside = q.replace(/"[^"]*"/g, 'PHRASE');
  return /^repo:[\w.-]+\/[\w.-]+(?: repo:[\w.-]+\/[\w.-]+)* is:issue [\p{L}\p{N}_\- ]+$/u.test(outside) && !/[()\\:]/.test(q.replace(/^(?:repo:\S+ )+is:issue /, ''));
}

describe('similarQuery', () => {
  it('searches both trackers with the strongest terms joined by OR', () => {
    const q = similarQuery(similarTerms(ticketWith('gitserver CrashLoopBackOff', 'Logs: failed to create lock file: permission denied')), REPOS)!;
    expect(q.startsWith('repo:sourcegraph/customer repo:sourcegraph/sourcegraph is:issue ')).toBe(true);
    expect(q).toContain('crashloopbackoff');
    expect(q).toContain(' OR ');
  });

  it('is null without usable words', () => {
    expect(similarQuery([], REPOS)).toBeNull();
  });

  it('stays within the limits for a long ticket', () => {
    const long = Array.from({ length: 400 }, (_, i) => `component-${i}-name-that-is-long failed: "quoted error number ${i}" NOT AND OR`).join('\n');
    const q = similarQuery(similarTerms(ticketWith('x'.repeat(300), long)), REPOS)!;
    expect(q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(countOperators(q)).toBeLessThanOrEqual(MAX_OPERATORS);
    expect(wellFormed(q)).toBe(true);
  });

  it('property: any customer text gives a query within 256 characters and 5 operators, quotes balanced', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 600 }), (subject, body) => {
        const q = similarQuery(similarTerms(ticketWith(subject, body)), REPOS);
        if (q === null) return true;
        return q.length <= MAX_QUERY_LENGTH && countOperators(q) <= MAX_OPERATORS && wellFormed(q);
      }),
      { numRuns: 300 },
    );
  });

  it('property: hostile terms (quotes, colons, operators, parentheses) never break the syntax', () => {
    const term = fc.record({
      tokens: fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 8 }),
      weight: fc.double({ min: 0, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(term, { maxLength: 20 }), (raw) => {
        const terms: SimilarTerm[] = raw.map((t) => ({ text: t.tokens.join(' '), tokens: t.tokens, kind: 'word', weight: t.weight }));
        const q = similarQuery(terms, REPOS);
        if (q === null) return true;
        return q.length <= MAX_QUERY_LENGTH && countOperators(q) <= MAX_OPERATORS && wellFormed(q);
      }),
      { numRuns: 300 },
    );
  });
});
