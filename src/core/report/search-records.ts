// The insights page reads Zendesk through its Search API, not through exported bundles: the filed tickets come from
// the export endpoint (every field the report reads) and the other tickets only as a count per week (fetching
// 100,000 tickets to count them would take hundreds of requests). This adapter turns both into the records
// `computeReport` reads, so the page's figures come from the same code as `engage report`: each week's count
// beyond its filed tickets becomes that many untagged records dated at the start of the week's window. An untagged
// record is exactly what a ticket without a filing is to the report (it counts in "tickets created", nowhere else).
import type { ReportTicket } from './compute.ts';
import { DAY_MS, formatDay, WEEK_MS, weekStart } from './weeks.ts';

/** A ticket as the Search API returns it (only the fields the report reads). */
export interface SearchTicket {
  id: number;
  created_at: string;
  tags: readonly string[];
  organization_id?: number | null;
}

/** One count query's window: `[from, to)` in ms (UTC midnights). */
export interface CountWindow {
  from: number;
  to: number;
}

export interface WindowCount extends CountWindow {
  /** What `search/count.json` answered for every ticket created in the window. */
  count: number;
}

/** The ISO weeks of `[from, to]` (both UTC days, `to` included), each clipped to the period: one count query each. */
export function periodWindows(from: number, to: number): CountWindow[] {
  const end = to + DAY_MS;
  const windows: CountWindow[] = [];
  for (let monday = weekStart(from); monday < end; monday += WEEK_MS) {
    windows.push({ from: Math.max(monday, from), to: Math.min(monday + WEEK_MS, end) });
  }
  return windows;
}

/** `created>=2026-09-14 created<2026-09-21`: Zendesk's search condition for a window (dates are whole UTC days). */
export function createdCondition(window: CountWindow): string {
  return `created>=${formatDay(window.from)} created<${formatDay(window.to)}`;
}

/**
 * The tags that find every ticket the report reads more than a date of: `rfh` (requests for help),
 * `engage_defect` (defects), `rfh_team_*` / `rfh_priority_*` (also the defects filed before `engage_defect`
 * existed, see ticket-facts.ts), the issue links and the hand-offs. Zendesk ORs repeated `tags:` keywords and
 * takes a trailing `*` as a prefix.
 */
export const FILING_TAGS_QUERY = 'tags:rfh tags:engage_defect tags:rfh_team_* tags:rfh_priority_* tags:rfh_issue_* tags:rfh_public_issue_* tags:engage_handoff_*';

export interface SearchRecords {
  tickets: ReportTicket[];
  /** Windows where the count was below the filed tickets found (the search index lags new tickets by minutes). */
  countBelowFilings: { window: CountWindow; count: number; filings: number }[];
}

/**
 * The report's records from the search results: the filed tickets as they are (organisation names from the
 * sideloaded organisations), then, per window, `count - filings` untagged records at the window's start.
 */
export function recordsFromSearch(
  filings: readonly SearchTicket[],
  organizations: ReadonlyMap<number, string>,
  counts: readonly WindowCount[],
): SearchRecords {
  const tickets: ReportTicket[] = [];
  const perWindow = new Array<number>(counts.length).fill(0);
  for (const t of filings) {
    const name = t.organization_id == null ? undefined : organizations.get(t.organization_id);
    tickets.push({ ticket: { id: t.id, tags: t.tags, created_at: t.created_at }, organization: name === undefined ? null : { name } });
    const at = Date.parse(t.created_at);
    const i = counts.findIndex((w) => at >= w.from && at < w.to);
    if (i >= 0) perWindow[i] = (perWindow[i] ?? 0) + 1;
  }
  const none: readonly string[] = Object.freeze([]);
  const countBelowFilings: SearchRecords['countBelowFilings'] = [];
  counts.forEach((w, i) => {
    const filed = perWindow[i] ?? 0;
    if (w.count < filed) countBelowFilings.push({ window: { from: w.from, to: w.to }, count: w.count, filings: filed });
    const createdAt = new Date(w.from).toISOString().replace('.000Z', 'Z');
    // id 0: these records stand for tickets the page never fetched; the report names tickets only when undated.
    for (let k = filed; k < w.count; k++) tickets.push({ ticket: { id: 0, tags: none, created_at: createdAt }, organization: null });
  });
  return { tickets, countBelowFilings };
}
