// The report's figures from ticket bundles, in linear time: one pass reads each ticket's tags and date into a few
// facts (ticket-facts.ts), the period is settled (its end defaults to the newest ticket, known only after that
// pass), and one pass over the facts adds up the tickets in the period. Nothing sorts the tickets; only the
// distinct customers and issues are sorted, for their top lists. Pure: no Node, no DOM (the insights page reuses it).
import { keptSuggestions, recordedSuggestion } from '../report-tags.ts';
import type { PriorityLevel, TeamId } from '../types/classification.ts';
import { teamIdResolver, ticketFacts, type TicketFacts } from './ticket-facts.ts';
import { PRIORITY_KEYS, RFH_GOAL, type ChangedSuggestion, type KeptRow, type PeriodRequest, type PriorityKey, type Report, type ReportWeek } from './types.ts';
import { DAY_MS, dayStart, formatDay, parseTimestamp, WEEK_MS, weekLabel, weekStart } from './weeks.ts';

/** The parts of a ticket bundle the report reads (a `TicketBundle` is one). */
export interface ReportTicket {
  ticket: { id: number; tags: readonly string[]; created_at: string };
  organization?: { name: string } | null;
}

export const DEFAULT_WEEKS = 12;
const TOP = 10;
export const TRACKER_NOTE = 'Open issues by age and median time to close — needs the tracker: see the insights page';

interface Dated {
  id: number;
  at: number;
  tags: readonly string[];
  org: string | null;
  facts: TicketFacts;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10000) / 10000;
}

function keptRow(k: { recorded: number; kept: number }): KeptRow {
  return { recorded: k.recorded, kept: k.kept, rate: ratio(k.kept, k.recorded) ?? 0 };
}

/** "8.2% of tickets needed engineering's help, under the 10% goal" (the goal is "no more than", so 10.0% is at it). */
export function rateWords(rfhs: number, tickets: number, goal = RFH_GOAL): string {
  if (tickets === 0) return 'No tickets in the period';
  const rate = rfhs / tickets;
  const pct = `${(rate * 100).toFixed(1)}%`;
  const goalPct = `${Math.round(goal * 100)}%`;
  const where = Math.abs(rate - goal) < 1e-9 ? 'at' : rate < goal ? 'under' : 'over';
  return `${pct} of tickets needed engineering's help (${rfhs} of ${tickets}), ${where} the ${goalPct} goal`;
}

/** The period: explicit days win; else `weeks` ISO weeks (12 by default) ending with the `to` day or the newest ticket. */
function settlePeriod(request: PeriodRequest, newest: number | null): { from: number; to: number; end: Report['period']['end'] } | null {
  const to = request.to ?? (newest === null ? null : dayStart(newest));
  if (to === null) return null;
  const from = request.from ?? weekStart(to) - ((request.weeks ?? DEFAULT_WEEKS) - 1) * WEEK_MS;
  return { from, to, end: request.to !== null ? 'option' : 'newest-ticket' };
}

function emptyWeek(monday: number, teams: readonly TeamId[]): ReportWeek {
  const by_team: Record<TeamId, number> = {};
  for (const t of teams) by_team[t] = 0;
  const by_priority = Object.fromEntries(PRIORITY_KEYS.map((k) => [k, 0])) as Record<PriorityKey, number>;
  return { week: weekLabel(monday), start: formatDay(monday), tickets: 0, rfhs: 0, defects: 0, handoffs: 0, rate: null, by_team, by_priority };
}

function top<K>(counts: Map<K, number>, name: (k: K) => string): [K, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || name(a[0]).localeCompare(name(b[0]))).slice(0, TOP);
}

function changedSuggestion(d: Dated, suggested: { teamId: TeamId | null; priority: PriorityLevel | null }, teamId: TeamId | null): ChangedSuggestion | null {
  const teamChanged = suggested.teamId !== null && teamId !== null && suggested.teamId !== teamId;
  const p = d.facts.priority;
  const priorityChanged = suggested.priority !== null && p !== null && suggested.priority !== p;
  if (!teamChanged && !priorityChanged) return null;
  return {
    ticket_id: d.id,
    team: teamChanged ? { suggested: suggested.teamId, filed: teamId } : null,
    priority: priorityChanged ? { suggested: `p${suggested.priority}`, filed: `p${p}` } : null,
  };
}

export function computeReport(tickets: Iterable<ReportTicket>, teams: readonly { id: TeamId }[], request: PeriodRequest): Report {
  const teamId = teamIdResolver(teams);
  const dated: Dated[] = [];
  const undated: Report['tickets']['undated'] = [];
  let read = 0;
  let newest: number | null = null;
  for (const b of tickets) {
    read++;
    const at = parseTimestamp(b.ticket.created_at);
    if (at === null) {
      undated.push({ ticket_id: b.ticket.id, created_at: String(b.ticket.created_at) });
      continue;
    }
    if (newest === null || at > newest) newest = at;
    dated.push({ id: b.ticket.id, at, tags: b.ticket.tags, org: b.organization?.name ?? null, facts: ticketFacts(b.ticket.tags) });
  }

  const period = settlePeriod(request, newest);
  const firstMonday = period ? weekStart(period.from) : 0;
  const weekCount = period && period.to >= period.from ? Math.floor((weekStart(period.to) - firstMonday) / WEEK_MS) + 1 : 0;
  const inPeriod = period ? dated.filter((d) => d.at >= period.from && d.at < period.to + DAY_MS) : [];

  // Teams first (their order fixes every week's `by_team` keys): the catalogue's order, then any other team sorted.
  const seen = new Set<TeamId>();
  for (const d of inPeriod) if (d.facts.kind === 'rfh' && d.facts.teamWord !== null) seen.add(teamId(d.facts.teamWord));
  const catalogue = teams.map((t) => t.id).filter((id) => seen.has(id));
  const teamOrder = [...catalogue, ...[...seen].filter((id) => !catalogue.includes(id)).sort()];

  const weeks = Array.from({ length: weekCount }, (_, i) => emptyWeek(firstMonday + i * WEEK_MS, teamOrder));
  const customers = new Map<string | null, number>();
  const issues = new Map<string, number>();
  const handoffs: Record<TeamId, number> = {};
  const decided: { tags: readonly string[]; teamId: TeamId | null; priority: PriorityLevel | null }[] = [];
  const changed: ChangedSuggestion[] = [];
  let rfhs = 0;
  let defects = 0;
  let handoffTotal = 0;
  let withIssue = 0;

  for (const d of inPeriod) {
    const week = weeks[Math.floor((d.at - firstMonday) / WEEK_MS)] as ReportWeek; // in the period, so in range
    const f = d.facts;
    week.tickets++;
    if (f.issues.length) withIssue++;
    for (const issue of f.issues) issues.set(issue, (issues.get(issue) ?? 0) + 1);
    if (f.handoffWords.length) {
      week.handoffs++;
      handoffTotal++;
      for (const w of f.handoffWords) handoffs[teamId(w)] = (handoffs[teamId(w)] ?? 0) + 1;
    }
    if (f.kind === 'other') continue;
    const team = f.teamWord === null ? null : teamId(f.teamWord);
    // Suggestions are about filing, so defects count too: the agent chose a team and priority for them as well.
    if (team !== null || f.priority !== null) {
      decided.push({ tags: d.tags, teamId: team, priority: f.priority });
      const c = changedSuggestion(d, recordedSuggestion(d.tags, teams), team);
      if (c) changed.push(c);
    }
    if (f.kind === 'defect') {
      week.defects++;
      defects++;
      continue;
    }
    week.rfhs++;
    rfhs++;
    if (team !== null) week.by_team[team] = (week.by_team[team] ?? 0) + 1;
    week.by_priority[f.priority === null ? 'none' : (`p${f.priority}` as const)]++;
    customers.set(d.org, (customers.get(d.org) ?? 0) + 1);
  }
  for (const w of weeks) w.rate = ratio(w.rfhs, w.tickets);

  const kept = keptSuggestions(decided, teams);
  const bySuggested: Record<TeamId, KeptRow> = {};
  for (const [id, k] of Object.entries(kept.team.bySuggestedTeam)) bySuggested[id] = keptRow(k);
  const total = inPeriod.length;
  return {
    period: { from: period ? formatDay(period.from) : null, to: period ? formatDay(period.to) : null, weeks: weekCount, end: period?.end ?? 'none' },
    goal: RFH_GOAL,
    tickets: { read, in_period: total, outside_period: dated.length - total, undated },
    rfh_rate: { tickets: total, rfhs, defects, rate: ratio(rfhs, total), words: rateWords(rfhs, total) },
    weeks,
    teams: teamOrder,
    customers: top(customers, (k) => k ?? '').map(([name, n]) => ({ name, rfhs: n })),
    issues: {
      tickets: withIssue,
      distinct: issues.size,
      top: top(issues, (k) => k).map(([issue, n]) => {
        const [tracker, number] = issue.split('#') as ['private' | 'public', string];
        return { issue, tracker, number: Number(number), tickets: n };
      }),
    },
    suggestions: { team: { ...keptRow(kept.team), by_suggested_team: bySuggested }, priority: keptRow(kept.priority), changed },
    handoffs: { total: handoffTotal, by_team: handoffs },
    tracker: { open_issues_by_age: null, median_days_to_close: null, note: TRACKER_NOTE },
  };
}
