import { describe, expect, it } from 'vitest';
import { evidenceSnippets, highlight } from '../../src/ui/logic/evidence.ts';
import { secondsLeft, errorStrings } from '../../src/ui/panel/ErrorAlert.tsx';
import { createTranslator } from '../../src/ui/logic/i18n.ts';
import type { Evidence } from '../../src/core/types/classification.ts';
import type { TicketModel } from '../../src/core/types/ticket.ts';

const text = 'Since the upgrade our Kubernetes cluster restarts zoekt pods and indexed search is slow for all users.';
const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });

const model = {
  subject: 'Slow <script>alert(1)</script> search',
  organization: { id: 1, name: 'Acme', tags: [] },
  messages: [
    { index: 0, authorName: 'Dana', text, attachments: [{ fileName: 'zoekt-crash.log' }] },
  ],
} as unknown as TicketModel;

const ev = (over: Partial<Evidence>): Evidence => ({ term: 't', matched: '', field: 'customer', start: 0, end: 0, weight: 1, ...over });

describe('highlight', () => {
  it('marks the matches with some context, clipped at word boundaries with an ellipsis', () => {
    const segs = highlight(text, [at('indexed search')], 20);
    expect(segs.filter((s) => s.match).map((s) => s.text)).toEqual(['indexed search']);
    expect(segs[0]?.text.startsWith('…')).toBe(true);
    expect(segs.map((s) => s.text).join('')).toContain('pods and indexed search is slow for');
  });
  it('merges overlapping matches and keeps the text whole when it is short', () => {
    const segs = highlight('k8s cluster', [{ start: 0, end: 3 }, { start: 1, end: 11 }], 40);
    expect(segs).toEqual([{ text: 'k8s cluster', match: true }]);
  });
  it('returns the plain text when there is nothing to mark', () => {
    expect(highlight('abc', [], 5)).toEqual([{ text: 'abc', match: false }]);
  });
});

describe('evidenceSnippets', () => {
  it('groups nearby matches in the same message, strongest first', () => {
    const snippets = evidenceSnippets(model, [
      ev({ term: 'kubernetes', matched: 'Kubernetes', messageIndex: 0, ...at('Kubernetes'), weight: 1 }),
      ev({ term: 'cluster', matched: 'cluster', messageIndex: 0, ...at('cluster'), weight: 1 }),
      ev({ term: 'indexed search', matched: 'indexed search', messageIndex: 0, ...at('indexed search'), weight: 3 }),
      ev({ term: 'search', matched: 'search', field: 'subject', start: 31, end: 37, weight: 2 }),
    ]);
    expect(snippets[0]?.terms).toContain('indexed search');
    expect(snippets.some((s) => s.field === 'subject' && s.segments.some((x) => x.match && x.text === 'search'))).toBe(true);
    const inMessage = snippets.filter((s) => s.field === 'customer');
    expect(inMessage.flatMap((s) => s.segments.filter((x) => x.match).map((x) => x.text)).sort()).toEqual(
      ['Kubernetes', 'cluster', 'indexed search'].sort(),
    );
  });
  it('shows just the word when offsets do not fit the text (or there is no text, like tags)', () => {
    const snippets = evidenceSnippets(model, [
      ev({ matched: 'helm', messageIndex: 0, start: 0, end: 4 }),
      ev({ matched: 'trial', field: 'tags', start: 0, end: 5 }),
      ev({ matched: 'log', field: 'attachment', messageIndex: 0, start: 12, end: 15 }),
    ]);
    expect(snippets.map((s) => s.segments)).toEqual([
      [{ text: 'helm', match: true }],
      [{ text: 'trial', match: true }],
      [
        { text: 'zoekt-crash.', match: false },
        { text: 'log', match: true },
      ],
    ]);
  });
  it('limits the number of snippets', () => {
    const many = Array.from({ length: 10 }, (_, i) => ev({ matched: `w${i}`, field: 'tags', weight: i }));
    expect(evidenceSnippets(model, many, 40, 3)).toHaveLength(3);
  });
});

describe('error helpers', () => {
  it('counts down the retry wait GitHub asked for', () => {
    const e = { code: 'github_rate_limited' as const, params: { seconds: 30 }, retryable: true, retryAfterSeconds: 30 };
    expect(secondsLeft(e, 1_000, 1_000)).toBe(30);
    expect(secondsLeft(e, 1_000, 11_500)).toBe(20);
    expect(secondsLeft(e, 1_000, 60_000)).toBe(0);
    expect(secondsLeft({ ...e, retryAfterSeconds: undefined }, 0, 0)).toBe(0);
  });
  it('translates title, message and next step with the params', () => {
    const t = createTranslator('en', {
      ui: { errors: { github_no_push: { title: 'No push to {{repo}}', message: 'm', next: 'fix {{setting}}' } } },
    }, undefined);
    expect(errorStrings(t, { code: 'github_no_push', params: { repo: 'o/r', setting: 'private_repository' }, retryable: false })).toEqual({
      title: 'No push to o/r',
      message: 'm',
      next: 'fix private_repository',
    });
  });
});
