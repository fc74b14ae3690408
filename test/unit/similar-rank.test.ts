// Ranking: open issues first, recently closed marked, old closed dropped, nothing below the threshold.
import { describe, expect, it } from 'vitest';
import { rankSimilar } from '../../src/core/similar/rank.ts';
import type { SimilarTerm } from '../../src/core/similar/terms.ts';
import { issue } from './similar-fixtures.ts';

const TERMS: SimilarTerm[] = [
  { text: 'failed create lock file permission denied', tokens: ['failed', 'create', 'lock', 'file', 'permission', 'denied'], kind: 'error', weight: 6 },
  { text: 'gitserver', tokens: ['gitserver'], kind: 'component', weight: 4 },
  { text: 'helm', tokens: ['helm'], kind: 'word', weight: 2 },
];
const MATCH = 'gitserver: failed to create lock file /data/x: permission denied after helm upgrade';
const NOW = '2026-12-01T00:00:00Z';

describe('rankSimilar', () => {
  it('puts open issues before recently closed ones, marks them, drops old closed ones', () => {
    const out = rankSimilar(
      TERMS,
      [
        issue({ number: 1, title: 'gitserver lock file', body: MATCH, state: 'closed', closedAt: '2026-11-20T00:00:00Z', updatedAt: '2026-11-20T00:00:00Z' }),
        issue({ number: 2, title: 'other', body: MATCH, labels: ['team/distribution', 'customer/acme', 'customer/globex', 'rfh'] }),
        issue({ number: 3, title: 'gitserver lock file', body: MATCH, state: 'closed', closedAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' }),
      ],
      { now: NOW },
    );
    expect(out.map((i) => [i.number, i.state, i.recentlyClosed])).toEqual([
      [2, 'open', false],
      [1, 'closed', true],
    ]);
    expect(out[0]).toMatchObject({ team: 'team/distribution', customers: ['acme', 'globex'] });
    expect(out[0]!.why[0]).toBe('failed create lock file permission denied');
  });

  it('shows nothing rather than an issue sharing only a component and a topic word', () => {
    const out = rankSimilar(TERMS, [issue({ number: 7, title: 'gitserver on helm: how to set nodeSelector', body: 'gitserver helm question' })], { now: NOW });
    expect(out).toEqual([]);
  });

  it('respects the minimum score and the limit of five', () => {
    const many = Array.from({ length: 8 }, (_, i) => issue({ number: 10 + i, title: `t${i}`, body: MATCH }));
    // Eight candidates sharing every term make each term common (low IDF): a lower bar keeps all eight above it.
    expect(rankSimilar(TERMS, many, { now: NOW, minScore: 1 })).toHaveLength(5);
    expect(rankSimilar(TERMS, many, { now: NOW, minScore: 1000 })).toEqual([]);
  });

  it('reads team names and the customer prefix from the options; ignores support replies in Engage bodies', () => {
    const body = `**Support (public reply)** · Dana · 2026-11-01 10:00 UTC\n> ${MATCH}\n\n**Customer** · Jo · 2026-11-01 11:00 UTC\n> unrelated words`;
    expect(rankSimilar(TERMS, [issue({ number: 5, title: 'x', body })], { now: NOW })).toEqual([]);
    const out = rankSimilar(TERMS, [issue({ number: 6, title: 'x', body: MATCH, labels: ['team/distribution', 'cust:acme'] })], {
      now: NOW,
      customerPrefix: 'cust:',
      teamLabels: new Map([['team/distribution', 'Distribution']]),
    });
    expect(out[0]).toMatchObject({ team: 'Distribution', customers: ['acme'] });
  });
});
