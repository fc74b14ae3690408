// The figures only the trackers know, for the issues the period's tickets link (`rfh_issue_<n>`,
// `rfh_public_issue_<n>`): how old the open ones are, how long the closed ones took, and each issue's title and
// state beside the number of tickets it carries. The issues come from one GitHub listing per tracker; the tickets
// per issue from the same tag reading as the report (ticket-facts.ts). Pure: the insights page calls it.
import type { ReportTicket } from './compute.ts';
import { ticketFacts } from './ticket-facts.ts';
import { DAY_MS, parseTimestamp } from './weeks.ts';

export type Tracker = 'private' | 'public';

/** An issue as GitHub's issue listing returns it (only what is read here). */
export interface TrackerIssue {
  number: number;
  title: string;
  state: string;
  html_url: string;
  created_at: string;
  closed_at: string | null;
  /** Set on pull requests; the issue listing returns them too. */
  pull_request?: unknown;
}

export const AGE_BUCKETS = ['under_1_week', '1_to_4_weeks', '4_to_12_weeks', 'over_12_weeks'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export interface LinkedIssueRow {
  issue: string;
  tracker: Tracker;
  number: number;
  /** Null when the listing did not return the issue (deleted, transferred, or beyond what was listed). */
  title: string | null;
  state: 'open' | 'closed' | null;
  url: string | null;
  tickets: number;
}

export interface TrackerFigures {
  linked: number;
  open: number;
  closed: number;
  /** Linked issues the listings did not return. */
  unknown: number;
  open_by_age: Record<AgeBucket, number>;
  /** Median days from opening to closing of the closed linked issues, one decimal; null when none closed. */
  median_days_to_close: number | null;
  /** Every linked issue, most tickets first. */
  issues: LinkedIssueRow[];
}

function ageBucket(days: number): AgeBucket {
  if (days < 7) return 'under_1_week';
  if (days < 28) return '1_to_4_weeks';
  if (days < 84) return '4_to_12_weeks';
  return 'over_12_weeks';
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The tracker figures for the issues linked by `tickets` created in `[from, to]` (UTC days, `to` included), as of
 * `now`. `listed` holds each tracker's listing.
 */
export function trackerFigures(
  tickets: Iterable<ReportTicket>,
  period: { from: number; to: number },
  listed: Readonly<Record<Tracker, readonly TrackerIssue[]>>,
  now: number,
): TrackerFigures {
  const counts = new Map<string, number>();
  for (const b of tickets) {
    const at = parseTimestamp(b.ticket.created_at);
    if (at === null || at < period.from || at >= period.to + DAY_MS) continue;
    for (const key of ticketFacts(b.ticket.tags).issues) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const byKey = new Map<string, TrackerIssue>();
  for (const tracker of ['private', 'public'] as const) {
    for (const issue of listed[tracker]) if (issue.pull_request === undefined) byKey.set(`${tracker}#${issue.number}`, issue);
  }
  const open_by_age = Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0])) as Record<AgeBucket, number>;
  const closeDays: number[] = [];
  const issues: LinkedIssueRow[] = [];
  let open = 0;
  let closed = 0;
  let unknown = 0;
  for (const [key, n] of counts) {
    const [tracker, number] = key.split('#') as [Tracker, string];
    const found = byKey.get(key);
    const created = found ? parseTimestamp(found.created_at) : null;
    const closedAt = found?.closed_at ? parseTimestamp(found.closed_at) : null;
    const state = !found ? null : found.state === 'closed' ? 'closed' : 'open';
    if (state === 'open') {
      open++;
      if (created !== null) open_by_age[ageBucket((now - created) / DAY_MS)]++;
    } else if (state === 'closed') {
      closed++;
      if (created !== null && closedAt !== null) closeDays.push((closedAt - created) / DAY_MS);
    } else unknown++;
    issues.push({ issue: key, tracker, number: Number(number), title: found?.title ?? null, state, url: found?.html_url ?? null, tickets: n });
  }
  issues.sort((a, b) => b.tickets - a.tickets || a.issue.localeCompare(b.issue));
  const m = median(closeDays);
  return {
    linked: counts.size,
    open,
    closed,
    unknown,
    open_by_age,
    median_days_to_close: m === null ? null : Math.round(m * 10) / 10,
    issues,
  };
}
