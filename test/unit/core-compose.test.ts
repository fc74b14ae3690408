import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ComposeError, composeIssue, composeTitle, defaultDecisions, formatTime } from '../../src/core/compose.ts';
import { classify } from '../../src/core/classify.ts';
import { quote as quoteOf, ZWSP } from '../../src/core/markdown.ts';
import { maskCredentials } from '../../src/core/mask.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { continuationNotice, GITHUB_BODY_LIMIT } from '../../src/core/split.ts';
import { CHECKLIST_KEYS } from '../../src/core/types/classification.ts';
import { ctx, decisions, model } from './core-compose-fixture.ts';
import { check, ISSUE_REF, MENTION, render, visible } from './core-markdown-check.ts';

const ATTACHMENT = {
  id: 9,
  file_name: 'frontend.log',
  content_url: 'https://acmesupport.zendesk.com/attachments/token/SECRETTOKEN/?name=frontend.log',
  content_type: 'text/plain',
  size: 20480,
};

const conversation = model({
  messages: [
    { from: 'customer', body: 'Hi @sam, our pods crash (see #12).\n\n```\n<!-- x -->\n```\nThanks', attachments: [ATTACHMENT] },
    { from: 'agent', body: 'Looking into it.', public: true },
    { from: 'agent', body: 'Internal: customer is on 3.30.2, CE is Bob.', public: false },
  ],
  tags: ['poc'],
});

describe('composeIssue: private tracker', () => {
  const d = decisions({
    checklist: {
      environment: { done: true, note: 'Kubernetes 1.21 on EKS, Sourcegraph 3.30.2' },
      repro: { done: true, note: 'Upgrade via helm, pods go into CrashLoopBackOff' },
      recent_changes: { done: true, note: 'Upgraded from 3.29' },
      impact: { done: false, note: '' },
      urgency: { done: true, note: 'Blocking their POC review' },
    },
    ceToInclude: '@bob (CE)',
    escalateAnywayReason: 'Customer is down, impact unclear yet',
    override: { suggestedTeamId: 'core-application', suggestedPriority: 2, reason: 'Crash is in the frontend deployment' },
    timeline: 'Before Thursday',
  });
  const req = composeIssue(conversation, d, ctx());

  it('targets the private repository with a specific title naming the customer', () => {
    expect([req.owner, req.repo]).toEqual(['sourcegraph', 'customer']);
    expect(req.title).toBe('Acme Corp: Frontend pods crash-loop after upgrade');
  });

  it('labels: customer, rfh, priority, team', () => {
    expect(req.labels).toEqual(['customer/acme-corp', 'rfh', 'ce/p1', 'team/distribution']);
  });

  it('has the summary, the ticket link, customer, Step-1 answers, context and the marker', () => {
    const b = req.body;
    expect(b).toContain('## Request for help: Frontend pods crash-loop after upgrade');
    expect(b).toContain('(https://sourcegraph.zendesk.com/agent/tickets/4242)');
    expect(b).toContain('- **Customer:** Acme Corp');
    expect(b).toContain('- **Priority:** `ce/p1`');
    expect(b).toContain('- Agent: Kubernetes 1.21 on EKS, Sourcegraph 3.30.2');
    expect(b).toContain('- Agent: Upgrade via helm, pods go into CrashLoopBackOff');
    expect(b).toContain('**Impact: who is and is not affected** (not confirmed)');
    expect(b).toContain('- Timeline: Before Thursday');
    expect(b).toContain('- Sales context: In a sales process (tags: poc).');
    expect(b).toContain(`- **Include:** @${ZWSP}bob (CE)`);
    expect(b).toContain('Escalated before the checklist was complete, because:** Customer is down, impact unclear yet');
    expect(b).toContain('team suggested: Core Application, priority suggested: `ce/p2`');
    expect(b).toContain('reason: Crash is in the frontend deployment');
    expect(b.endsWith('ticket marker: engage-zendesk-sourcegraph-4242')).toBe(true);
    expect(req.marker).toBe('engage-zendesk-sourcegraph-4242');
    expect(req.comments).toEqual([]);
    expect(req.redactions).toBeUndefined();
  });

  it('quotes every message with its role and time, marks internal notes, and links attachments to the ticket', () => {
    const b = req.body;
    expect(b).toContain('**Customer** · Jane Doe · 2024-05-01 10:00 UTC\n> Hi @\u200Bsam, our pods crash (see #\u200B12).');
    expect(b).toContain('**Support (public reply)** · Sam Support · 2024-05-01 10:01 UTC\n> Looking into it.');
    expect(b).toContain('**Support, internal note** · Sam Support · 2024-05-01 10:02 UTC\n> Internal: customer is on 3.30.2');
    expect(b).toContain('📎 Attachments on the ticket: [frontend.log](https://sourcegraph.zendesk.com/agent/tickets/4242) (log, 20.0 KB)');
    expect(b).not.toContain('SECRETTOKEN');
    expect(b).not.toContain('<!--');
  });

  it('renders as our structure with the customer text inert', () => {
    const r = render(req.body);
    expect(r.blocks.filter((x) => x === 'heading')).toHaveLength(4); // ## summary, ### Step 1, ### Context, ### Conversation
    expect(r.blocks.some((x) => /code_block|fence|html_block|table|hr/.test(x))).toBe(false);
    expect([...r.inlineTypes].some((t) => /html_inline|image/.test(t))).toBe(false);
    // Code spans are ours only: the label names.
    expect(r.code).toEqual(['ce/p1', 'team/distribution', 'rfh', 'ce/p2']);
    expect(MENTION.test(r.quoted + r.outside)).toBe(false);
    expect(ISSUE_REF.test(r.quoted + r.outside)).toBe(false);
  });
});

describe('composeIssue: what the kind and priority ask', () => {
  const partly = (over: Parameters<typeof decisions>[0] = {}) =>
    decisions({
      checklist: {
        environment: { done: true, note: 'Kubernetes' },
        repro: { done: false, note: '' },
        recent_changes: { done: false, note: 'asking' },
        impact: { done: true, note: '' },
        urgency: { done: false, note: '' },
      },
      teammatesAsked: { done: false, note: '' },
      ...over,
    });

  it('an outage (p0) lists what is unconfirmed under "Still gathering", before Step 1', () => {
    const b = composeIssue(conversation, partly({ priority: 0 }), ctx()).body;
    const section = b.slice(b.indexOf('### Still gathering'), b.indexOf('### Step 1'));
    expect(b.indexOf('### Still gathering')).toBeGreaterThan(b.indexOf('- **Priority:** `ce/p0`'));
    expect(section).toContain('Filed at once for an outage (`ce/p0`)');
    expect(section.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- Steps to reproduce (screenshots, logs)',
      '- Recent changes',
      '- Urgency and timeline',
      '- Asked in #customer-support-chat first (Step 2)',
    ]);
    expect(b).toContain('**Recent changes** (still gathering)');
    expect(b).toContain('**Environment and versions** ✓');
    expect(b).toContain('- **Asked in #customer-support-chat first:** not yet (still gathering)');
    expect(b).not.toContain('(not confirmed)');
    // a defect is not asked about teammates, so they are not being gathered
    const defect = composeIssue(conversation, partly({ priority: 0, kind: 'defect' }), ctx()).body;
    expect(defect).toContain('### Still gathering');
    expect(defect).not.toContain('customer-support-chat');
  });

  it('an outage with everything confirmed, and any other priority, has no "Still gathering"', () => {
    expect(composeIssue(conversation, decisions({ priority: 0 }), ctx()).body).not.toContain('Still gathering');
    for (const priority of [1, 2, 3] as const) {
      const b = composeIssue(conversation, partly({ priority }), ctx()).body;
      expect(b).not.toContain('Still gathering');
      expect(b).toContain('**Urgency and timeline** (not confirmed)');
    }
  });

  it('a feature request (p3) does not list repro, recent changes or impact as missing', () => {
    const b = composeIssue(conversation, partly({ priority: 3 }), ctx()).body;
    expect(b).toContain('**Steps to reproduce (screenshots, logs)** (not needed for a feature request)');
    expect(b).toContain('**Recent changes** (not needed for a feature request)');
    expect(b).toContain('- Agent: asking');
    expect(b).toContain('**Impact: who is and is not affected** ✓');
    expect(b).toContain('**Urgency and timeline** (not confirmed)');
    // a defect at p3 still needs its reproduction
    expect(composeIssue(conversation, partly({ priority: 3, kind: 'defect' }), ctx()).body).toContain(
      '**Steps to reproduce (screenshots, logs)** (not confirmed)',
    );
  });
});

describe('composeIssue: kinds, settings, teams', () => {
  it('files a defect without the rfh label and without the Step-2 line', () => {
    const req = composeIssue(conversation, decisions({ kind: 'defect' }), ctx());
    expect(req.labels).toEqual(['customer/acme-corp', 'ce/p1', 'team/distribution']);
    expect(req.body).toContain('## Defect: ');
    expect(req.body).not.toContain('customer-support-chat');
  });

  it('uses the configured label names and repositories', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      privateRepo: { owner: 'acme-eng', repo: 'support' },
      labels: { rfh: 'help-wanted', priorityPrefix: 'prio/', customerPrefix: 'cust:' },
    };
    const req = composeIssue(conversation, decisions({ priority: 0 }), ctx(settings));
    expect([req.owner, req.repo]).toEqual(['acme-eng', 'support']);
    expect(req.labels).toEqual(['cust:acme-corp', 'help-wanted', 'prio/p0', 'team/distribution']);
  });

  it('refuses teams that take no GitHub issue, and unknown teams, with a clear error', () => {
    expect(() => composeIssue(conversation, decisions({ teamId: 'ce-sales' }), ctx())).toThrow(ComposeError);
    try {
      composeIssue(conversation, decisions({ teamId: 'bizops' }), ctx());
    } catch (e) {
      expect((e as ComposeError).code).toBe('team-takes-no-issue');
      expect((e as Error).message).toMatch(/BizOps takes no GitHub issue: post the hand-off in #bizops/);
    }
    expect(() => composeIssue(conversation, decisions({ teamId: 'nope' }), ctx())).toThrow(/Unknown team "nope"/);
  });

  it('refuses decisions outside their ranges', () => {
    expect(() => composeIssue(conversation, decisions({ priority: 7 as never }), ctx())).toThrow(/priority must be 0 to 3, not 7/);
    expect(() => composeIssue(conversation, decisions({ tracker: 'secret' as never }), ctx())).toThrow(/tracker must be/);
  });

  it('refuses a team label longer than GitHub allows', () => {
    const teams = DEFAULT_TEAMS.map((t) => (t.id === 'distribution' ? { ...t, githubLabel: `team/${'x'.repeat(60)}` } : t));
    expect(() => composeIssue(conversation, decisions(), { ...ctx(), teams })).toThrow(/longer than GitHub's 50/);
  });

  it('makes a generic subject specific from the first customer message', () => {
    const m = model({ subject: 'Help!!', messages: [{ from: 'customer', body: 'Search returns nothing since Monday. Please help.' }] });
    expect(composeTitle(m, false)).toBe('Acme Corp: Help!!: Search returns nothing since Monday.');
    expect(composeTitle(model({ subject: `${'very long subject '.repeat(20)}` }), false).length).toBeLessThanOrEqual(120);
    expect(composeTitle(model({ subject: 'Fix @bob #12 now' }), false)).toBe(`Acme Corp: Fix @${ZWSP}bob #${ZWSP}12 now`);
  });

  it('formats times in UTC and leaves odd values as they are', () => {
    expect(formatTime('2024-05-01T10:22:33+02:00')).toBe('2024-05-01 08:22 UTC');
    expect(formatTime('yesterday')).toBe('yesterday');
  });
});

describe('composeIssue: public tracker', () => {
  const m = model({
    subject: 'Acme Corp search at 10.0.0.5 is slow',
    messages: [
      {
        from: 'customer',
        body: 'Hi, Jane Doe from Acme Corp here (jane.doe@acme.com). Our instance https://sourcegraph.acme.com is slow.\nToken ghp_abcdefghijklmnopqrstuvwxyz0123456789 in the logs.\n\nBest,\nJane',
      },
      { from: 'agent', body: 'Internal: Acme is our biggest customer.', public: false },
    ],
  });
  const req = composeIssue(
    m,
    decisions({ tracker: 'public', kind: 'defect', privateIssueUrl: 'https://github.com/sourcegraph/customer/issues/77' }),
    { ...ctx(), redaction: { domains: ['acme.com'] } },
  );
  const all = [req.title, req.body, ...req.comments].join('\n');

  it('targets the public repository without the customer label', () => {
    expect([req.owner, req.repo]).toEqual(['sourcegraph', 'sourcegraph']);
    expect(req.labels).toEqual(['ce/p1', 'team/distribution']);
  });

  it('contains no customer name, e-mail, host, IP, token or internal note', () => {
    for (const secret of ['Acme', 'acme', 'Jane', 'jane.doe@acme.com', 'sourcegraph.acme.com', '10.0.0.5', 'ghp_', 'biggest customer']) {
      expect(all).not.toContain(secret);
    }
    expect(req.title).toBe('REDACTED search at REDACTED is slow');
  });

  it('lists what it removed for the preview and links the private issue', () => {
    const kinds = new Set(req.redactions?.map((r) => r.kind));
    for (const k of ['customer-name', 'email', 'url', 'ip', 'secret', 'internal-note']) expect(kinds.has(k as never)).toBe(true);
    // A link through GitHub's redirect host: no cross-reference on the private issue.
    expect(req.body).toContain('- **Private issue:** [sourcegraph/customer issue 77](https://redirect.github.com/sourcegraph/customer/issues/77)');
  });
});

describe('composeIssue: size', () => {
  it('splits a huge ticket into a body and follow-up comments within GitHub limits, messages in order', () => {
    const messages = Array.from({ length: 400 }, (_, i) => ({
      from: (i % 2 ? 'agent' : 'customer') as 'agent' | 'customer',
      body: `Message ${i}: ${'lorem ipsum <dolor> @sit #1 '.repeat(120)}`,
    }));
    const req = composeIssue(model({ messages }), decisions(), ctx());
    expect(req.comments.length).toBeGreaterThan(0);
    expect(req.body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    for (const c of req.comments) expect(c.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(req.body).toContain(continuationNotice(req.comments.length));
    expect(req.body.endsWith(req.marker)).toBe(true);
    const joined = [req.body, ...req.comments].join('\n');
    let last = -1;
    for (let i = 0; i < 400; i++) {
      const at = joined.indexOf(`> Message ${i}: `);
      expect(at).toBeGreaterThan(last);
      last = at;
    }
  });
});

describe('defaultDecisions', () => {
  it('takes the suggested team and priority, marks found checklist items done', () => {
    const m = model();
    const c = classify(m, DEFAULT_TEAMS, DEFAULT_SETTINGS);
    const d = defaultDecisions(c, { kind: 'defect', tracker: 'public', privateIssueUrl: 'https://github.com/o/r/issues/1' });
    expect(d.teamId).toBe(c.route.team.teamId);
    expect(d.priority).toBe(c.priority.level);
    expect(d.kind).toBe('defect');
    expect(d.tracker).toBe('public');
    expect(d.privateIssueUrl).toBe('https://github.com/o/r/issues/1');
    // The Step-1 items (the checklist also carries Step 2's `teammates` hint, which is not a Step-1 answer).
    for (const k of CHECKLIST_KEYS) expect(d.checklist[k].done).toBe(c.checklist[k].status === 'found');
  });
});

// ---- properties -----------------------------------------------------------------------------------------------

const NASTY = ['@here', '@org/team', '#1', 'GH-2', 'o/r#3', '<!--', '<script>', '```', '~~~', '---', '===', '| a |', '|-|', '    x', '\t', '[x]: http://e', '\n', '\n\n', '\r', '\u2028', '&lt;', '\\', '`', '*', '_', '# h', '> q', '1. ', '- ', 'https://github.com/o/r/issues/4', '$x$', 'text', ' '];
const nasty = fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 5 })), { maxLength: 12 }).map((p) => p.join(''));

const ticketInput = fc.record({
  subject: nasty,
  org: nasty,
  requester: nasty,
  notes: fc.array(nasty, { minLength: 5, maxLength: 5 }),
  ce: nasty,
  reason: nasty,
  fileName: nasty,
  messages: fc.array(fc.record({ from: fc.constantFrom('customer' as const, 'agent' as const), body: nasty, public: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  tracker: fc.constantFrom('private' as const, 'public' as const),
  // p0 adds the "Still gathering" section (repro and impact are never ticked below), p3 the "not needed" items.
  priority: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
  kind: fc.constantFrom('rfh' as const, 'defect' as const),
});

type TicketInput = typeof ticketInput extends fc.Arbitrary<infer T> ? T : never;

function composeFrom(input: TicketInput) {
  const m = model({
    subject: input.subject,
    org: input.org,
    requester: input.requester,
    messages: input.messages.map((x, i) => ({
      ...x,
      // A token that must never reach the public tracker when the message is an internal note.
      body: x.public ? x.body : `${x.body} zqxinternalzqx`,
      attachments: i === 0 ? [{ ...ATTACHMENT, file_name: input.fileName }] : [],
    })),
  });
  const keys = ['environment', 'repro', 'recent_changes', 'impact', 'urgency'] as const;
  const d = decisions({
    tracker: input.tracker,
    priority: input.priority,
    kind: input.kind,
    checklist: Object.fromEntries(keys.map((k, i) => [k, { done: i % 2 === 0, note: input.notes[i] ?? '' }])) as never,
    ceToInclude: input.ce,
    escalateAnywayReason: input.reason,
    override: { suggestedPriority: 3, reason: input.reason },
    timeline: input.notes[0],
  });
  // The classification of a fixed ticket: its hints and reasons are only text here, and computing them for every
  // generated ticket would make this test measure the router instead of the composer.
  return { m, req: composeIssue(m, d, { ...ctx(), classification: FIXED_CLASSIFICATION }) };
}

const FIXED_CLASSIFICATION = classify(model(), DEFAULT_TEAMS, DEFAULT_SETTINGS);

describe('composeIssue properties', () => {
  it('never lets ticket or agent text mention, reference, hide or leave its place (property, 2,000 whole tickets; the escaping itself is proven on 10,000 cases per function in core-markdown.test.ts)', () => {
    fc.assert(
      fc.property(ticketInput, (input) => {
        const { req } = composeFrom(input);
        const all = [req.body, ...req.comments];
        for (const part of all) check(part.length <= GITHUB_BODY_LIMIT, 'too long');
        const text = all.join('\n');
        check(!/@(?!\u200B)/.test(text), 'an @ without a zero-width space');
        check(!/#\d|GH-\d/i.test(text), 'an issue reference', text);
        check(!text.includes('<!--'), 'a comment opener');
        check(!/<(?![a-z]+:\/\/[^<>\s]*>)/i.test(text), 'raw HTML');
        check(!/@(?!\u200B)|#\d/.test(req.title), 'the title mentions or references');
        check(req.body.endsWith(req.marker), 'the marker left the body');
        // Every line of the conversation section is ours or quoted.
        const conv = req.body.slice(req.body.indexOf('### Conversation'));
        for (const line of conv.split('\n')) {
          check(
            line === '' || line.startsWith('>') || line.startsWith('**') || line.startsWith('📎') || line.startsWith('Every message') || line.startsWith('### Conversation') || line.startsWith('Filed from Zendesk') || line.startsWith('_The ticket'),
            'a stray line in the conversation',
            line,
          );
        }
        if (input.tracker === 'public') {
          check(!req.labels.some((l) => l.startsWith('customer/')), 'a customer label in public');
          check(!text.includes('zqxinternalzqx'), 'an internal note in public');
        }
      }),
      { numRuns: 2_000 },
    );
  }, 120_000);

  it('renders with only our headings and lists outside quotes, and all message text inside (property, 500 cases)', () => {
    fc.assert(
      fc.property(ticketInput, (input) => {
        const { m, req } = composeFrom(input);
        const r = render(req.body);
        for (const b of r.blocks) check(!/code_block|fence|html_block|table|hr|>heading/.test(b), 'a foreign block', b);
        const headings = input.priority === 0 ? 5 : 4; // "Still gathering" for an outage
        check(r.blocks.filter((b) => b === 'heading').length === headings, 'headings changed', r.blocks);
        for (const t of r.inlineTypes) check(!/html_inline|image/.test(t), 'foreign inline', t);
        for (const c of r.code) check(/^[a-z/0-9-]+$/.test(c), 'a code span that is not ours', c);
        check(!MENTION.test(r.quoted + r.outside), 'a mention');
        check(!ISSUE_REF.test(r.quoted + r.outside), 'a reference');
        if (input.tracker === 'private') {
          // What a message says after its credentials were masked (a generated "http://e:@@here" is a password in a URL).
          const expected = m.messages
            .map((x) => maskCredentials(x.raw))
            .map((raw) => (quoteOf(raw) === '' ? '(notext)' : visible(render(quoteOf(raw)).quoted)))
            .join('');
          check(visible(r.quoted) === expected, 'message text lost', [r.quoted, expected]);
        }
      }),
      { numRuns: 500 },
    );
  }, 120_000);
});
