// The insights page's figures are engage report's: the report computed from what Zendesk's Search API gives (the
// filings from the export, every other ticket only as a count per week) equals the report computed from every
// ticket bundle, for any set of tickets (fast-check), with the preview's own search deciding what the query finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/core/report/compute.ts';
import { createdCondition, FILING_TAGS_QUERY, periodWindows, recordsFromSearch } from '../../src/core/report/search-records.ts';
import { parseDay } from '../../src/core/report/weeks.ts';
import { buildCatalogue } from '../../src/core/teams.ts';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { matches, parseTicketQuery } from '../../preview/zendesk-search.ts';
import { ticket } from './report-fixtures.ts';

const teams = buildCatalogue('').teams;
const day = (s: string) => parseDay(s)!;

describe('periodWindows', () => {
  it('cuts a period into its ISO weeks, clipped to the period', () => {
    // Wednesday 2026-11-04 to Tuesday 2026-11-17: a part week, a whole week, a part week.
    const w = periodWindows(day('2026-11-04'), day('2026-11-17'));
    expect(w.map(createdCondition)).toEqual([
      'created>=2026-11-04 created<2026-11-09',
      'created>=2026-11-09 created<2026-11-16',
      'created>=2026-11-16 created<2026-11-18',
    ]);
    expect(periodWindows(day('2026-09-14'), day('2026-12-06'))).toHaveLength(12);
  });
});

describe('recordsFromSearch', () => {
  it('adds the tickets only counted, and says where a count lags the filings', () => {
    const windows = periodWindows(day('2026-11-02'), day('2026-11-15'));
    const rfh = { id: 1, created_at: '2026-11-03T10:00:00Z', tags: ['rfh', 'rfh_team_web'], organization_id: 5 };
    const { tickets, countBelowFilings } = recordsFromSearch([rfh], new Map([[5, 'Acme']]), [
      { ...windows[0]!, count: 4 },
      { ...windows[1]!, count: 0 },
    ]);
    expect(tickets).toHaveLength(4);
    expect(tickets[0]).toEqual({ ticket: { id: 1, tags: ['rfh', 'rfh_team_web'], created_at: rfh.created_at }, organization: { name: 'Acme' } });
    expect(tickets.slice(1).every((t) => t.ticket.tags.length === 0 && t.ticket.created_at === '2026-11-02T00:00:00Z')).toBe(true);
    expect(countBelowFilings).toEqual([]);
    const lagging = recordsFromSearch([rfh], new Map(), [{ ...windows[0]!, count: 0 }]);
    expect(lagging.countBelowFilings).toEqual([{ window: windows[0], count: 0, filings: 1 }]);
  });

  const TAGS = ['rfh', 'engage_defect', 'rfh_team_web', 'rfh_team_distribution', 'rfh_priority_p1', 'rfh_priority_p3', 'rfh_issue_7', 'rfh_public_issue_2', 'rfh_suggested_team_web', 'rfh_suggested_priority_p1', 'engage_handoff_ce_sales', 'vip'];
  const oneTicket = fc.record({
    offsetMs: fc.integer({ min: 0, max: 13 * 7 * 86_400_000 }),
    tags: fc.subarray(TAGS),
    org: fc.constantFrom(null, 'Acme', 'Globex'),
  });

  it('gives the report of all tickets, for any tickets', () => {
    fc.assert(
      fc.property(fc.array(oneTicket, { maxLength: 80 }), (generated) => {
        const start = day('2026-09-07');
        const period = { from: day('2026-09-14'), to: day('2026-12-06') };
        const bundles: TicketBundle[] = generated.map((g, i) => {
          const b = ticket(i + 1, new Date(start + g.offsetMs).toISOString().replace('.000Z', 'Z'), g.tags, g.org);
          if (b.organization) b.ticket.organization_id = b.organization.name === 'Acme' ? 1 : 2;
          if (b.organization) b.organization.id = b.ticket.organization_id!;
          return b;
        });
        const full = computeReport(bundles, teams, { from: period.from, to: period.to, weeks: null });

        // What the page asks: a count per week, and the export of the filings over the whole period.
        const windows = periodWindows(period.from, period.to);
        const counts = windows.map((w) => ({ ...w, count: bundles.filter((b) => matches(b.ticket, parseTicketQuery(`type:ticket ${createdCondition(w)}`))).length }));
        const query = parseTicketQuery(`type:ticket ${createdCondition({ from: period.from, to: period.to + 86_400_000 })} ${FILING_TAGS_QUERY}`);
        const found = bundles.filter((b) => matches(b.ticket, query));
        const orgs = new Map(found.flatMap((b) => (b.organization ? [[b.organization.id, b.organization.name] as const] : [])));
        const records = recordsFromSearch(
          found.map((b) => ({ id: b.ticket.id, created_at: b.ticket.created_at, tags: b.ticket.tags, organization_id: b.ticket.organization_id })),
          orgs,
          counts,
        );
        const page = computeReport(records.tickets, teams, { from: period.from, to: period.to, weeks: null });

        expect(records.countBelowFilings).toEqual([]);
        // Everything but how many records were read (the counted tickets are records without tags).
        const { tickets: pageTickets, ...pageFigures } = page;
        const { tickets: fullTickets, ...fullFigures } = full;
        expect(pageFigures).toEqual(fullFigures);
        expect(pageTickets.in_period).toBe(fullTickets.in_period);
        expect(page.weeks).toHaveLength(12);
      }),
      { numRuns: 200 },
    );
  });
});
