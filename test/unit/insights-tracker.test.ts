// The tracker figures of the insights page: the issues linked by the period's tickets, open ones by age, the median
// time to close, tickets per issue; pull requests and issues of other periods are left out.
import { describe, expect, it } from 'vitest';
import { median, trackerFigures, type TrackerIssue } from '../../src/core/report/tracker.ts';
import { DAY_MS, parseDay } from '../../src/core/report/weeks.ts';
import { ticket } from './report-fixtures.ts';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const ago = (days: number) => new Date(NOW - days * DAY_MS).toISOString();
const issue = (number: number, openedDaysAgo: number, closedDaysAgo: number | null, extra: Partial<TrackerIssue> = {}): TrackerIssue => ({
  number,
  title: `Issue ${number}`,
  state: closedDaysAgo === null ? 'open' : 'closed',
  html_url: `https://github.com/o/r/issues/${number}`,
  created_at: ago(openedDaysAgo),
  closed_at: closedDaysAgo === null ? null : ago(closedDaysAgo),
  ...extra,
});

describe('trackerFigures', () => {
  const period = { from: parseDay('2026-09-14')!, to: parseDay('2026-12-07')! };
  const tickets = [
    ticket(1, '2026-11-02T09:00:00Z', ['rfh', 'rfh_issue_1']),
    ticket(2, '2026-11-03T09:00:00Z', ['rfh', 'rfh_issue_1', 'rfh_public_issue_9']),
    ticket(3, '2026-11-20T09:00:00Z', ['rfh', 'rfh_issue_2']),
    ticket(4, '2026-12-01T09:00:00Z', ['engage_defect', 'rfh_issue_3']),
    ticket(5, '2026-12-05T09:00:00Z', ['rfh', 'rfh_issue_4']),
    ticket(6, '2026-12-06T09:00:00Z', ['rfh', 'rfh_issue_5']),
    // Before the period: its issue is not one of this period's.
    ticket(7, '2026-08-01T09:00:00Z', ['rfh', 'rfh_issue_6']),
  ];
  const listed = {
    private: [issue(1, 40, 30), issue(2, 17, 3), issue(3, 100, null), issue(4, 2, null), issue(6, 120, null), issue(5, 1, null, { pull_request: {} })],
    public: [issue(9, 35, null)],
  };

  it('counts the linked issues by state and the open ones by age', () => {
    const f = trackerFigures(tickets, period, listed, NOW);
    expect(f.linked).toBe(6);
    expect(f.open).toBe(3); // private 3 and 4, public 9
    expect(f.closed).toBe(2);
    // private#5 was listed as a pull request only: not an issue the listing knows.
    expect(f.unknown).toBe(1);
    expect(f.open_by_age).toEqual({ under_1_week: 1, '1_to_4_weeks': 0, '4_to_12_weeks': 1, over_12_weeks: 1 });
    // Closed after 10 and 14 days.
    expect(f.median_days_to_close).toBe(12);
    expect(f.issues[0]).toEqual({ issue: 'private#1', tracker: 'private', number: 1, title: 'Issue 1', state: 'closed', url: 'https://github.com/o/r/issues/1', tickets: 2 });
    expect(f.issues.find((i) => i.issue === 'private#5')).toMatchObject({ state: null, title: null, tickets: 1 });
  });

  it('has no median without a closed issue', () => {
    const f = trackerFigures(tickets.slice(4, 5), period, listed, NOW);
    expect(f).toMatchObject({ linked: 1, open: 1, closed: 0, median_days_to_close: null });
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});
