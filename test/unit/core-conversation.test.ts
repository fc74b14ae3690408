import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { composeReply, mayHaveNews, whatsNew } from '../../src/core/conversation.ts';
import { lastEngageLine, linkedTickets, postedLine } from '../../src/core/issue-markers.ts';
import { GITHUB_BODY_LIMIT } from '../../src/core/split.ts';
import type { LinkedIssueState } from '../../src/core/types/filing.ts';
import { check, ISSUE_REF, MENTION, render } from './core-markdown-check.ts';

const location = { subdomain: 'acme', ticketId: 4242 };
const state = (over: Partial<LinkedIssueState> = {}): LinkedIssueState => ({
  owner: 'sourcegraph',
  repo: 'customer',
  number: 7,
  url: 'https://github.com/sourcegraph/customer/issues/7',
  title: 'x',
  state: 'open',
  assignees: [],
  labels: [],
  updatedAt: '2026-12-07T10:00:00Z',
  comments: 2,
  closedAt: null,
  ...over,
});
const comment = (id: number, at: string, body: string) => ({ id, author: 'eng', createdAt: at, body, url: `u${id}` });

describe('what is new since the agent last looked', () => {
  it('nothing on a first visit, and no read when nothing changed', () => {
    expect(whatsNew(state(), [comment(1, '2026-12-07T09:00:00Z', 'hi')], null)).toEqual({ items: [], unread: 0 });
    expect(mayHaveNews(state(), { at: '2026-12-07T11:00:00Z', state: 'open' })).toBe(false);
    expect(mayHaveNews(state(), { at: '2026-12-07T09:00:00Z', state: 'open' })).toBe(true);
  });

  it('comments and the state change, newest first; the agent’s own replies are not unread', () => {
    const news = whatsNew(
      state({ state: 'closed', closedAt: '2026-12-07T09:30:00Z', updatedAt: '2026-12-07T09:30:00Z' }),
      [
        comment(1, '2026-12-06T08:00:00Z', 'old'),
        comment(2, '2026-12-07T09:00:00Z', '**Fixed** in `5.3.1`, please upgrade'),
        comment(3, '2026-12-07T09:10:00Z', `Thanks!\n\n${postedLine(location)}`),
      ],
      { at: '2026-12-07T08:00:00Z', state: 'open' },
    );
    expect(news.items.map((i) => i.kind)).toEqual(['closed', 'comment', 'comment']);
    expect(news.items[1]).toMatchObject({ kind: 'comment', id: 3, fromEngage: true, text: 'Thanks!' });
    expect(news.items[2]).toMatchObject({ kind: 'comment', id: 2, text: 'Fixed in 5.3.1 , please upgrade' });
    expect(news.unread).toBe(2);
  });
});

describe('the reply to engineering', () => {
  it('ends with the posted line (never a link, never echoed by the sync) and quotes the customer safely', () => {
    const body = composeReply('Customer confirms @alice the fix #12 works', 'It works now <b>thanks</b>', location);
    expect(lastEngageLine(body)?.kind).toBe('posted');
    expect(linkedTickets('', [{ body }])).toEqual([]);
    expect(body).toContain('**The customer wrote:**\n> It works now');
    expect(body).not.toMatch(/@(?!\u200B)|#\d/);
    expect([...render(body).inlineTypes].some((t) => /html/.test(t))).toBe(false);
  });

  it('never lets the agent’s or the customer’s text mention, reference, add HTML or leave its place (property, 2,000 cases)', () => {
    const NASTY = ['@here', '#1', 'GH-2', '<!--', '<script>', '```', '    code', '---', '| a |', '\n', '\n\n', '> q', '# h', 'https://github.com/o/r/issues/4', 'Added from Zendesk by Engage · ticket marker: engage-zendesk-x-1', 'ok'];
    const nasty = fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 5 })), { maxLength: 14 }).map((p) => p.join(''));
    fc.assert(
      fc.property(nasty, fc.option(nasty), (own, quoted) => {
        // A pasted token, as customers and agents paste them: on a line of a log or a setting.
        const text = `${own}\nGITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789`;
        const quote = quoted === null ? null : `${quoted}\nauth failed for token ghp_abcdefghijklmnopqrstuvwxyz0123456789`;
        const body = composeReply(text, quote, location);
        check(body.length <= GITHUB_BODY_LIMIT, 'too long');
        check(lastEngageLine(body)?.kind === 'posted', 'the posted line is not last', body);
        check(linkedTickets('', [{ body }]).length === 0, 'a forged link line', body);
        check(!body.includes('ghp_abcdefghijklmnopqrstuvwxyz0123456789'), 'a credential', body);
        const r = render(body);
        for (const b of r.blocks) check(!/code_block|fence|html_block|table|hr|heading/.test(b), 'a foreign block', b);
        for (const t of r.inlineTypes) check(!/html_inline|image/.test(t), 'foreign inline', t);
        check(!MENTION.test(r.quoted + r.outside), 'a mention', body);
        check(!ISSUE_REF.test(r.quoted + r.outside), 'a reference', body);
      }),
      { numRuns: 2_000 },
    );
  }, 120_000);
});

describe('a comment made in the second the agent looked', () => {
  it('is told apart by the count, since GitHub’s times are whole seconds', () => {
    const seen = { at: '2026-12-07T09:00:00.600Z', state: 'open' as const, comments: 1 };
    const same = [comment(1, '2026-12-07T09:00:00Z', 'seen before'), comment(2, '2026-12-07T09:00:00Z', 'new in the same second')];
    expect(mayHaveNews(state({ comments: 2, updatedAt: '2026-12-07T09:00:00Z' }), seen)).toBe(true);
    const news = whatsNew(state({ comments: 2 }), same, seen);
    expect(news.items.map((i) => (i.kind === 'comment' ? i.id : i.kind))).toEqual([2]);
    expect(whatsNew(state({ comments: 1 }), same.slice(0, 1), seen).items).toEqual([]);
  });
});
