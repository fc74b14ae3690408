// Hand-offs leave a trace: whom the CE & Sales message names (organisation fields, an internal note, else a visible
// blank), the one note + tag written when the agent marks it posted, reading it back, and `engage eval` counting it.
import { describe, expect, it } from 'vitest';
import { composeHandoff, HANDOFF_BLANK } from '../../src/core/handoff.ts';
import {
  composeHandoffWriteBack,
  findHandoffNote,
  handedOffTeams,
  handoffTag,
  hasHandoffTag,
  recordedHandoffs,
} from '../../src/core/handoff-record.ts';
import { cleanRepName, findSalesReps } from '../../src/core/sales-rep.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { countHandoffs, recordedTeam } from '../../src/cli/eval-command.ts';
import { main, type CliIo } from '../../src/cli/main.ts';
import { bundle, ctx, decisions } from './core-compose-fixture.ts';
import { bundleOf } from './core-route-fixtures.ts';

const PLACEHOLDER = '@ the assigned sales rep and CE';

function withOrgFields(b: TicketBundle, fields: Record<string, unknown>): TicketBundle {
  return { ...b, organization: { ...b.organization!, organization_fields: fields } };
}

function ceHandoff(b: TicketBundle, over: Parameters<typeof decisions>[0] = {}) {
  return composeHandoff(buildTicketModel(b), decisions({ teamId: 'ce-sales', ...over }), ctx());
}

describe('the CE / sales rep in the CE & Sales message', () => {
  it('names the CE and AE from the organisation fields', () => {
    const b = withOrgFields(bundle({}), { account_executive: 'Riley Chen', CE: '@raj', lifecycle_stage: 'poc' });
    const reps = findSalesReps(buildTicketModel(b));
    expect(reps).toEqual([
      { role: 'CE', name: 'raj', source: 'organization' },
      { role: 'AE', name: 'Riley Chen', source: 'organization' },
    ]);
    const h = ceHandoff(b);
    expect(h.message.split('\n')[0]).toBe('@raj (CE), @Riley Chen (AE): Acme Corp needs help from CE & Sales: Frontend pods crash-loop after upgrade');
    expect(h.handle).toBe('@raj (CE), @Riley Chen (AE)');
  });

  it('reads "CE: @name" / "AE: name" lines of internal notes, newest first, when the organisation names nobody', () => {
    const b = bundle({
      messages: [
        { from: 'customer', body: 'Our licence expires Friday.' },
        { from: 'agent', body: 'AE: Old Name', public: false },
        { from: 'agent', body: 'Checked the account.\nAE: Ana Lopez\nCE: @raj.k', public: false },
        { from: 'agent', body: 'CSM: Public Reply', public: true },
      ],
    });
    expect(findSalesReps(buildTicketModel(b))).toEqual([
      { role: 'CE', name: 'raj.k', source: 'note' },
      { role: 'AE', name: 'Ana Lopez', source: 'note' },
    ]);
  });

  it('prefers the organisation field over a note, role by role', () => {
    const b = withOrgFields(bundle({ messages: [{ from: 'customer', body: 'x' }, { from: 'agent', body: 'AE: Note Person\nCE: Note CE', public: false }] }), { sales_rep: 'Org Person' });
    expect(findSalesReps(buildTicketModel(b)).map((r) => `${r.role}=${r.name}/${r.source}`)).toEqual(['CE=Note CE/note', 'AE=Org Person/organization']);
  });

  it('leaves a visible blank, never the catalogue placeholder, when the ticket names nobody', () => {
    const h = ceHandoff(bundle({}));
    expect(h.message).not.toContain(PLACEHOLDER);
    expect(h.message.startsWith(`${HANDOFF_BLANK}: Acme Corp needs help`)).toBe(true);
    expect(h.handle).toBe(HANDOFF_BLANK);
  });

  it('keeps what the agent typed first', () => {
    const b = withOrgFields(bundle({}), { ce: 'raj' });
    expect(ceHandoff(b, { ceToInclude: 'Ana (AE)' }).message.startsWith('Ana (AE): ')).toBe(true);
  });

  it('uses a configured handle that is a real one when the ticket names nobody', () => {
    const teams = DEFAULT_TEAMS.map((t) => (t.id === 'ce-sales' ? { ...t, slackHandle: '@ce-team' } : t));
    const h = composeHandoff(buildTicketModel(bundle({})), decisions({ teamId: 'ce-sales' }), { ...ctx(), teams });
    expect(h.message.startsWith('@ce-team: ')).toBe(true);
  });

  it('refuses what is not a person: broadcasts, markup, sentences, non-text', () => {
    for (const bad of ['here', '@channel', '<!everyone>', 'a <b>x</b>', 'Riley Chen is out this week', 42, null, '']) expect(cleanRepName(bad)).toBeNull();
    expect(cleanRepName('  @Zoë O’Neil ')).toBe('Zoë O’Neil');
  });
});

describe('the hand-off write-back', () => {
  const m = buildTicketModel(bundle({}));

  it('derives the tag from the team id', () => {
    expect(handoffTag('ce-sales')).toBe('engage_handoff_ce_sales');
    expect(handoffTag('bizops')).toBe('engage_handoff_bizops');
  });

  it('is one internal note (team, channel, who, the message) and the tag, in one body', () => {
    const h = composeHandoff(m, decisions({ teamId: 'bizops' }), ctx());
    const wb = composeHandoffWriteBack(h, 'BizOps', 'Dana Whitfield');
    expect(wb.ticket.additional_tags).toEqual(['engage_handoff_bizops']);
    expect(wb.ticket.comment.public).toBe(false);
    expect(wb.ticket.comment.body).toBe(
      ['Engage: handed off to BizOps in Slack #bizops (no GitHub issue)', 'Posted by: Dana Whitfield', 'Message posted:', h.message].join('\n'),
    );
    expect(Object.keys(wb.ticket)).toEqual(['comment', 'additional_tags']);
  });

  it('leaves out who posted when nobody is known', () => {
    const h = composeHandoff(m, decisions({ teamId: 'ce-sales' }), ctx());
    expect(composeHandoffWriteBack(h, 'CE & Sales', null).ticket.comment.body).not.toContain('Posted by');
  });

  it('is read back: the tags name the team, the note says who and when', () => {
    const h = composeHandoff(m, decisions({ teamId: 'ce-sales' }), ctx());
    const body = composeHandoffWriteBack(h, 'CE & Sales', 'Dana Whitfield').ticket.comment.body;
    const after = buildTicketModel(
      bundle({ tags: ['engage_handoff_ce_sales', 'vip'], messages: [{ from: 'customer', body: 'x' }, { from: 'agent', body, public: false, at: '2026-12-07T06:00:00Z' }] }),
    );
    expect(hasHandoffTag(after.tags)).toBe(true);
    expect(hasHandoffTag(['engage_handoff_', 'rfh'])).toBe(false);
    expect(recordedHandoffs(after, DEFAULT_TEAMS)).toEqual([
      { teamId: 'ce-sales', note: { postedBy: 'Dana Whitfield', at: '2026-12-07T06:00:00Z', channel: '#ce' } },
    ]);
    expect(findHandoffNote(after, 'BizOps')).toBeUndefined();
    expect(handedOffTeams(['engage_handoff_old_team'], DEFAULT_TEAMS)).toEqual(['old-team']);
  });
});

describe('engage eval and hand-offs', () => {
  const handed = bundleOf({ id: 21, subject: 'Licence renewal', customer: ['How do we renew our subscription? The license key expires.'], tags: ['engage_handoff_ce_sales'] });
  const usage = bundleOf({ id: 22, subject: 'Monthly active users', customer: ['Where are our usage statistics?'], tags: ['engage_handoff_bizops'] });
  const both = bundleOf({ id: 23, subject: 'GitLab sync', customer: ['GitLab repos not syncing.'], tags: ['rfh_team_core_application', 'engage_handoff_ce_sales'] });

  it('reads the hand-off tag as the recorded team when no rfh_team_ tag is present', () => {
    expect(recordedTeam(handed, DEFAULT_TEAMS, DEFAULT_SETTINGS)).toBe('ce-sales');
    expect(recordedTeam(both, DEFAULT_TEAMS, DEFAULT_SETTINGS)).toBe('core-application');
  });

  it('counts hand-offs per team', () => {
    expect(countHandoffs([handed, usage, both], DEFAULT_TEAMS)).toEqual({ 'ce-sales': 2, bizops: 1 });
  });

  async function run(argv: string[], files: Record<string, string>): Promise<{ code: number; out: string }> {
    let out = '';
    const io: CliIo = {
      out: (t) => void (out += t),
      err: () => undefined,
      readText: async (p) => files[p] ?? '',
      listBundleFiles: async () => null,
    };
    return { code: await main(argv, io), out };
  }

  it('prints them and scores a handed-off ticket as routed to that team', async () => {
    const files = { 'h.json': JSON.stringify([handed, usage, both]) };
    const table = await run(['eval', 'h.json'], files);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/Hand-offs:\s+ce-sales 2, bizops 1/);
    const json = JSON.parse((await run(['eval', '--format', 'json', 'h.json'], files)).out);
    expect(json.handoffs).toEqual({ 'ce-sales': 2, bizops: 1 });
    expect(json.team.total).toBe(3);
    expect(json.team.confusion['ce-sales']).toBeDefined();
    expect(json.team.confusion.bizops).toBeDefined();
  });
  it('reports how often agents kept the suggestion they saw when filing, from the suggestion tags; older tickets are left out', async () => {
    const keptBoth = bundleOf({ id: 31, subject: 'Pods crash', customer: ['Pods crash.'], tags: ['rfh', 'rfh_team_distribution', 'rfh_priority_p1', 'rfh_suggested_team_distribution', 'rfh_suggested_priority_p1'] });
    const changedTeam = bundleOf({ id: 32, subject: 'Sync', customer: ['Sync broke.'], tags: ['rfh', 'rfh_team_core_application', 'rfh_priority_p2', 'rfh_suggested_team_distribution', 'rfh_suggested_priority_p2'] });
    const before = bundleOf({ id: 33, subject: 'Old', customer: ['Old filing.'], tags: ['rfh', 'rfh_team_search_core', 'rfh_priority_p2'] });
    const files = { 'k.json': JSON.stringify([keptBoth, changedTeam, before]) };
    const json = JSON.parse((await run(['eval', '--format', 'json', 'k.json'], files)).out);
    expect(json.kept.team).toEqual({ recorded: 2, kept: 1, bySuggestedTeam: { distribution: { recorded: 2, kept: 1 } } });
    expect(json.kept.priority).toEqual({ recorded: 2, kept: 2 });
    const table = await run(['eval', 'k.json'], files);
    expect(table.out).toMatch(/Suggestion kept:\s+team 1\/2 \(50\.0%\), priority 2\/2 \(100\.0%\)/);
  });
});
