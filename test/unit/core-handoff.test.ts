import { describe, expect, it } from 'vitest';
import { composeHandoff, defaultTimeline } from '../../src/core/handoff.ts';
import { ctx, decisions, model } from './core-compose-fixture.ts';

const ISSUE = 'https://github.com/sourcegraph/customer/issues/42';
const m = model({ subject: 'Frontend pods crash-loop after upgrade' });

function handoff(teamId: string, over: Parameters<typeof decisions>[0] = {}, issueUrl: string | null = ISSUE) {
  return composeHandoff(m, decisions({ teamId, ...over }), { ...ctx(), ...(issueUrl ? { issueUrl } : {}) });
}

describe('composeHandoff', () => {
  it('uses each team’s channel and support handle from the handbook', () => {
    const cases: [string, string, string][] = [
      ['distribution', '#distribution', '@distribution-support'],
      ['core-application', '#core-application-support', '@core-app-support'],
      ['batch-changes', '#batch-changes', '@batchers-support'],
      ['search-core', '#search', '@search-core-support'],
      ['search-product', '#search', '@search-product-support'],
    ];
    for (const [team, channel, handle] of cases) {
      const h = handoff(team);
      expect([h.teamId, h.channel, h.handle]).toEqual([team, channel, handle]);
      expect(h.message.startsWith(`${handle} `)).toBe(true);
    }
  });

  it('has a one-line description, the issue link and the timeline', () => {
    const h = handoff('distribution', { timeline: "It's okay to look at this tomorrow" });
    expect(h.message).toBe(
      [
        '@distribution-support Request for help for Acme Corp: Frontend pods crash-loop after upgrade',
        `Issue: ${ISSUE} (ce/p1)`,
        "Timeline: It's okay to look at this tomorrow",
      ].join('\n'),
    );
  });

  it('derives the timeline from the priority when the agent gave none', () => {
    expect(handoff('distribution', { priority: 0 }).message).toContain(`Timeline: ${defaultTimeline(0)}`);
    expect(handoff('distribution', { priority: 2 }).message).toContain("Timeline: It's okay to look at this tomorrow or later in the week.");
    expect(defaultTimeline(3)).toMatch(/No rush/);
  });

  it('says a defect is a defect and names the CE to include, without notifying anyone', () => {
    const h = handoff('web', { kind: 'defect', ceToInclude: '@here and @bob' });
    expect(h.message).toContain('Defect report for Acme Corp');
    expect(h.message).toContain('CE / sales to include: @\u200Bhere and @\u200Bbob');
    expect(h.message.split('\n').slice(1).join('\n')).not.toMatch(/@(?!\u200B)/);
  });

  it('links the ticket when the issue is not filed yet', () => {
    expect(handoff('distribution', {}, null).message).toContain('Issue: not filed yet (ce/p1). Zendesk: https://sourcegraph.zendesk.com/agent/tickets/4242');
  });

  it('gives CE & Sales and BizOps the hand-off without any GitHub issue', () => {
    const ce = handoff('ce-sales', { ceToInclude: 'Ana (AE) and Raj (CE)' }, null);
    expect(ce.channel).toBe('#ce');
    expect(ce.message).toBe(
      [
        'Ana (AE) and Raj (CE): Acme Corp needs help from CE & Sales: Frontend pods crash-loop after upgrade',
        'Zendesk: https://sourcegraph.zendesk.com/agent/tickets/4242',
        'Timeline: Urgent: please look at it today.',
      ].join('\n'),
    );
    const biz = handoff('bizops', {}, ISSUE);
    expect(biz.channel).toBe('#bizops');
    expect(biz.message).not.toContain('github.com');
    expect(biz.message).toContain('Zendesk: https://sourcegraph.zendesk.com/agent/tickets/4242');
  });

  it('keeps ticket text from notifying a Slack channel', () => {
    const loud = model({ subject: '@channel <!here> urgent' });
    const h = composeHandoff(loud, decisions(), { ...ctx(), issueUrl: ISSUE });
    expect(h.message).toContain('@\u200Bchannel <\u200B!here> urgent');
  });

  it('refuses an unknown team', () => {
    expect(() => handoff('nope')).toThrow(/Unknown team "nope"/);
  });
});
