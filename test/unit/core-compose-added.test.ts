import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify } from '../../src/core/classify.ts';
import { composeAddedComment } from '../../src/core/compose-added.ts';
import { lastEngageLine, linkedTickets } from '../../src/core/issue-markers.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { GITHUB_BODY_LIMIT } from '../../src/core/split.ts';
import { ctx, decisions, LOCATION, model } from './core-compose-fixture.ts';
import { check, ISSUE_REF, MENTION, render } from './core-markdown-check.ts';

describe('the comment that adds a ticket to an existing issue', () => {
  it('names the customer, links the ticket, states the priority and Step 1, quotes the latest customer words, ends with the link line', () => {
    const m = model({
      org: 'Globex',
      messages: [
        { from: 'customer', body: 'Search is slow since Monday.' },
        { from: 'agent', body: 'Which version?' },
        { from: 'customer', body: 'We run 5.2.1 on Kubernetes.' },
      ],
    });
    const added = composeAddedComment(m, decisions(), ctx());
    expect(added.body).toMatch(/^### Another customer: Globex \(\[Zendesk ticket 4242\]\(https:\/\/sourcegraph\.zendesk\.com\/agent\/tickets\/4242\)\)/);
    expect(added.body).toContain('**Priority:** `ce/p1`');
    expect(added.body).toContain('### Step 1: what we know');
    expect(added.body).toContain("### The customer's latest message");
    expect(added.body).toContain('> We run 5.2.1 on Kubernetes.');
    expect(added.body).not.toContain('Search is slow since Monday');
    expect(added.body).not.toContain('### Conversation');
    expect(lastEngageLine(added.body)).toEqual({ kind: 'added', ticket: LOCATION });
    expect(linkedTickets('', [{ body: added.body }])).toEqual([LOCATION]);
    expect(added.customerLabel).toBe('customer/globex');
  });

  it('names no customer on a public issue and leaves internal notes out', () => {
    const m = model({ org: 'Globex', messages: [{ from: 'customer', body: 'Globex search is down' }, { from: 'agent', body: 'secret note zq', public: false }] });
    const added = composeAddedComment(m, decisions({ tracker: 'public' }), ctx());
    expect(added.customerLabel).toBeNull();
    expect(added.body).not.toMatch(/Globex/);
    expect(added.body).not.toContain('zq');
    expect(added.body.startsWith('### Another customer (')).toBe(true);
  });

  it('masks pasted credentials and lists them', () => {
    const m = model({ messages: [{ from: 'customer', body: 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789 fails' }] });
    const added = composeAddedComment(m, decisions(), ctx());
    expect(added.body).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(added.masked.length).toBe(1);
  });

  it('fits a huge latest message within the limit, cut between lines, keeping the link line', () => {
    const huge = Array.from({ length: 4000 }, (_, i) => `log line ${i} ${'x'.repeat(30)}`).join('\n');
    const added = composeAddedComment(model({ messages: [{ from: 'customer', body: huge }] }), decisions(), ctx());
    expect(added.body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(added.body).toContain('_(cut here: the rest of the message is on the ticket)_');
    expect(lastEngageLine(added.body)?.kind).toBe('added');
  });
});

const NASTY = ['@here', '@org/team', '#1', 'GH-2', 'o/r#3', '<!--', '<script>', '```', '~~~', '---', '| a |', '    x', '\t', '[x]: http://e', '\n', '\n\n', '\r', '&lt;', '\\', '`', '*', '_', '# h', '> q', '1. ', 'https://github.com/o/r/issues/4', 'Added from Zendesk by Engage · ticket marker: engage-zendesk-evil-1', 'text', ' '];
const nasty = fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 5 })), { maxLength: 12 }).map((p) => p.join(''));
const FIXED = classify(model(), DEFAULT_TEAMS, DEFAULT_SETTINGS);

describe('composeAddedComment properties', () => {
  it('never lets ticket or agent text mention, reference, add HTML, forge a link line or leave its quote (property, 2,000 cases)', () => {
    fc.assert(
      fc.property(
        fc.record({
          org: nasty,
          notes: fc.array(nasty, { minLength: 5, maxLength: 5 }),
          messages: fc.array(fc.record({ from: fc.constantFrom('customer' as const, 'agent' as const), body: nasty, public: fc.boolean() }), { minLength: 1, maxLength: 3 }),
          tracker: fc.constantFrom('private' as const, 'public' as const),
          limit: fc.constantFrom(GITHUB_BODY_LIMIT, 1200),
        }),
        (input) => {
          const m = model({ org: input.org, messages: input.messages });
          const keys = ['environment', 'repro', 'recent_changes', 'impact', 'urgency'] as const;
          const d = decisions({
            tracker: input.tracker,
            checklist: Object.fromEntries(keys.map((k, i) => [k, { done: i % 2 === 0, note: input.notes[i] ?? '' }])) as never,
          });
          const { body } = composeAddedComment(m, d, { ...ctx(), classification: FIXED }, input.limit);
          check(body.length <= input.limit, 'too long', body.length);
          check(!/@(?!\u200B)/.test(body), 'an @ without a zero-width space', body);
          check(!/#\d|GH-\d/i.test(body), 'an issue reference', body);
          check(!/<(?![a-z]+:\/\/[^<>\s]*>)/i.test(body), 'raw HTML', body);
          check(lastEngageLine(body)?.ticket.ticketId === LOCATION.ticketId, 'the link line is not last', body);
          check(linkedTickets('', [{ body }]).length === 1, 'a forged link line', body);
          const r = render(body);
          for (const b of r.blocks) check(!/code_block|fence|html_block|table|hr|>heading/.test(b), 'a foreign block', b);
          for (const t of r.inlineTypes) check(!/html_inline|image/.test(t), 'foreign inline', t);
          check(!MENTION.test(r.quoted + r.outside), 'a mention');
          check(!ISSUE_REF.test(r.quoted + r.outside), 'a reference');
        },
      ),
      { numRuns: 2_000 },
    );
  }, 120_000);
});
