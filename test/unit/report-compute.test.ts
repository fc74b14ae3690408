// The report's figures on hand-made ticket sets, each figure computed by hand in the test's comment.
import { describe, expect, it } from 'vitest';
import { computeReport, rateWords } from '../../src/core/report/compute.ts';
import { parseDay, parseTimestamp, weekLabel, weekStart } from '../../src/core/report/weeks.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { plain, RFH, ticket } from './report-fixtures.ts';

const defaults = { from: null, to: null, weeks: null };

describe('ISO weeks', () => {
  it('start on Monday, UTC, and take the year of their Thursday', () => {
    expect(weekLabel(weekStart(Date.parse('2026-01-01T12:00:00Z')))).toBe('2026-W01');
    expect(weekLabel(weekStart(Date.parse('2024-12-30T00:00:00Z')))).toBe('2025-W01');
    expect(weekLabel(weekStart(Date.parse('2021-01-03T23:59:59Z')))).toBe('2020-W53');
    expect(new Date(weekStart(Date.parse('2026-11-29T23:00:00Z'))).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });
  it('read only real dates', () => {
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('2026-2-3')).toBeNull();
    expect(parseTimestamp('March 3')).toBeNull();
    expect(parseTimestamp('2026-11-23T14:02:11Z')).toBe(Date.UTC(2026, 10, 23, 14, 2, 11));
  });
});

describe('computeReport', () => {
  // Week 2026-W48 (Mon 23 Nov): 20 tickets, 2 RFHs → 10.0%, at the goal.
  const week48 = [...plain(1, 18, '2026-11-24'), ticket(19, '2026-11-25T10:00:00Z', RFH('search_core', 1), 'Acme'), ticket(20, '2026-11-26T10:00:00Z', RFH('distribution', 2), 'Acme')];

  it('a week with 2 RFHs of 20 tickets is 10.0%, at the 10% goal', () => {
    const r = computeReport(week48, DEFAULT_TEAMS, defaults);
    expect(r.period).toEqual({ from: '2026-09-07', to: '2026-11-26', weeks: 12, end: 'newest-ticket' });
    const w = r.weeks.at(-1);
    expect(w).toMatchObject({ week: '2026-W48', start: '2026-11-23', tickets: 20, rfhs: 2, rate: 0.1 });
    expect(r.weeks[0]).toMatchObject({ week: '2026-W37', tickets: 0, rate: null });
    expect(r.rfh_rate).toEqual({ tickets: 20, rfhs: 2, defects: 0, rate: 0.1, words: "10.0% of tickets needed engineering's help (2 of 20), at the 10% goal" });
    expect(r.teams).toEqual(['distribution', 'search-core']);
    expect(w?.by_team).toEqual({ distribution: 1, 'search-core': 1 });
    expect(w?.by_priority).toEqual({ p0: 0, p1: 1, p2: 1, p3: 0, none: 0 });
    expect(r.customers).toEqual([{ name: 'Acme', rfhs: 2 }]);
  });

  it('does not count defects: engage_defect, or a filing without the rfh tag', () => {
    const tickets = [
      ...week48,
      ticket(21, '2026-11-24T10:00:00Z', [...RFH('web', 2), 'engage_defect']),
      ticket(22, '2026-11-24T10:00:00Z', ['rfh_team_web', 'rfh_priority_p1', 'rfh_issue_7']), // before engage_defect existed
    ];
    const r = computeReport(tickets, DEFAULT_TEAMS, defaults);
    // 2 RFHs of 22 tickets = 9.1%.
    expect(r.rfh_rate).toMatchObject({ tickets: 22, rfhs: 2, defects: 2, rate: 0.0909 });
    expect(r.rfh_rate.words).toBe("9.1% of tickets needed engineering's help (2 of 22), under the 10% goal");
    expect(r.teams).not.toContain('web');
  });

  it('counts hand-offs apart from RFHs', () => {
    const tickets = [...plain(1, 9, '2026-11-24'), ticket(10, '2026-11-24T10:00:00Z', ['engage_handoff_ce_sales']), ticket(11, '2026-11-24T11:00:00Z', ['engage_handoff_bizops'])];
    const r = computeReport(tickets, DEFAULT_TEAMS, defaults);
    expect(r.rfh_rate).toMatchObject({ tickets: 11, rfhs: 0, rate: 0 });
    expect(r.handoffs).toEqual({ total: 2, by_team: { 'ce-sales': 1, bizops: 1 } });
    expect(r.weeks.at(-1)?.handoffs).toBe(2);
  });

  it('ignores tickets outside the period and reports undated ones without failing', () => {
    const tickets = [
      ticket(1, '2026-11-24T10:00:00Z', RFH('web', 1)),
      ticket(2, '2026-11-16T10:00:00Z', RFH('web', 1)), // the week before: outside a 1-week period
      ticket(3, 'yesterday', RFH('web', 1)),
      ticket(4, '', []),
    ];
    const r = computeReport(tickets, DEFAULT_TEAMS, { from: null, to: null, weeks: 1 });
    expect(r.period).toMatchObject({ from: '2026-11-23', to: '2026-11-24', weeks: 1 });
    expect(r.tickets).toEqual({ read: 4, in_period: 1, outside_period: 1, undated: [{ ticket_id: 3, created_at: 'yesterday' }, { ticket_id: 4, created_at: '' }] });
    expect(r.rfh_rate).toMatchObject({ tickets: 1, rfhs: 1, rate: 1 });
    expect(r.rfh_rate.words).toContain('over the 10% goal');
  });

  it('takes explicit days, both ends included', () => {
    const tickets = [ticket(1, '2026-11-01T00:00:00Z'), ticket(2, '2026-11-10T23:59:59Z'), ticket(3, '2026-11-11T00:00:00Z')];
    const r = computeReport(tickets, DEFAULT_TEAMS, { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 10), weeks: null });
    expect(r.period).toEqual({ from: '2026-11-01', to: '2026-11-10', weeks: 3, end: 'option' });
    expect(r.weeks.map((w) => [w.week, w.tickets])).toEqual([['2026-W44', 1], ['2026-W45', 0], ['2026-W46', 1]]);
  });

  it('counts the tickets on each linked issue and lists the top ones', () => {
    const tickets = [
      ticket(1, '2026-11-24T10:00:00Z', [...RFH('web', 1), 'rfh_issue_7', 'rfh_public_issue_99']),
      ticket(2, '2026-11-24T10:00:00Z', [...RFH('web', 1), 'rfh_issue_7']),
      ticket(3, '2026-11-24T10:00:00Z', ['engage_defect', 'rfh_team_web', 'rfh_issue_8']),
      ticket(4, '2026-11-24T10:00:00Z'),
    ];
    const r = computeReport(tickets, DEFAULT_TEAMS, defaults);
    expect(r.issues).toEqual({
      tickets: 3,
      distinct: 3,
      top: [
        { issue: 'private#7', tracker: 'private', number: 7, tickets: 2 },
        { issue: 'private#8', tracker: 'private', number: 8, tickets: 1 },
        { issue: 'public#99', tracker: 'public', number: 99, tickets: 1 },
      ],
    });
  });

  it('says how often agents kept the suggestion, per suggested team, and lists the tickets where they changed it', () => {
    const sug = (team: string, p: number) => [`rfh_suggested_team_${team}`, `rfh_suggested_priority_p${p}`];
    const tickets = [
      ticket(1, '2026-11-24T10:00:00Z', [...RFH('web', 1), ...sug('web', 1)]), // kept both
      ticket(2, '2026-11-24T10:00:00Z', [...RFH('search_core', 2), ...sug('web', 2)]), // team changed
      ticket(3, '2026-11-24T10:00:00Z', [...RFH('search_core', 1), ...sug('search_core', 3)]), // priority changed
      ticket(4, '2026-11-24T10:00:00Z', RFH('web', 2)), // filed before the suggestion tags: left out
    ];
    const r = computeReport(tickets, DEFAULT_TEAMS, defaults);
    expect(r.suggestions.team).toEqual({
      recorded: 3,
      kept: 2,
      rate: 0.6667,
      by_suggested_team: { web: { recorded: 2, kept: 1, rate: 0.5 }, 'search-core': { recorded: 1, kept: 1, rate: 1 } },
    });
    expect(r.suggestions.priority).toEqual({ recorded: 3, kept: 2, rate: 0.6667 });
    expect(r.suggestions.changed).toEqual([
      { ticket_id: 2, team: { suggested: 'web', filed: 'search-core' }, priority: null },
      { ticket_id: 3, team: null, priority: { suggested: 'p3', filed: 'p1' } },
    ]);
  });

  it('ranks customers by RFHs and names the tracker figures it cannot give', () => {
    const tickets = [
      ticket(1, '2026-11-24T10:00:00Z', RFH('web', 1), 'Globex'),
      ticket(2, '2026-11-24T10:00:00Z', RFH('web', 1), 'Acme'),
      ticket(3, '2026-11-24T10:00:00Z', RFH('web', 1), 'Acme'),
      ticket(4, '2026-11-24T10:00:00Z', RFH('web', 1)),
    ];
    const r = computeReport(tickets, DEFAULT_TEAMS, defaults);
    expect(r.customers).toEqual([{ name: 'Acme', rfhs: 2 }, { name: null, rfhs: 1 }, { name: 'Globex', rfhs: 1 }]);
    expect(r.tracker).toMatchObject({ open_issues_by_age: null, median_days_to_close: null });
    expect(r.tracker.note).toContain('needs the tracker: see the insights page');
  });

  it('handles no tickets at all', () => {
    const r = computeReport([], DEFAULT_TEAMS, defaults);
    expect(r.period).toEqual({ from: null, to: null, weeks: 0, end: 'none' });
    expect(r.rfh_rate).toEqual({ tickets: 0, rfhs: 0, defects: 0, rate: null, words: 'No tickets in the period' });
    expect(rateWords(82, 1000)).toBe("8.2% of tickets needed engineering's help (82 of 1000), under the 10% goal");
  });
});
