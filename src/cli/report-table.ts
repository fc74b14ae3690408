// `engage report --format table`: the report's figures as plain-text sections, the same numbers as the JSON.
import type { Report } from '../core/report/types.ts';
import { PRIORITY_KEYS } from '../core/report/types.ts';
import { SHORT } from './eval-command.ts';
import { table } from './table.ts';

/** Ticket ids listed in full up to this many; the JSON always lists them all. */
const MAX_IDS = 50;

export function percent(rate: number | null): string {
  return rate === null ? '–' : `${(rate * 100).toFixed(1)}%`;
}

function ids(list: number[]): string {
  const shown = list.slice(0, MAX_IDS).join(', ');
  return list.length > MAX_IDS ? `${shown} … and ${list.length - MAX_IDS} more (--format json lists all)` : shown;
}

/** The period in words (without the command's name, so the HTML page can use it too). */
export function reportPeriodLine(r: Report): string {
  if (r.period.from === null) return 'No dated tickets, so no period';
  const end = r.period.end === 'newest-ticket' ? "; the end is the newest ticket's day" : '';
  return `${r.rfh_rate.tickets} tickets created ${r.period.from} to ${r.period.to} (${r.period.weeks} ISO weeks, Monday to Sunday UTC${end})`;
}

export function reportTable(r: Report): string {
  const short = (id: string): string => SHORT[id] ?? id;
  const out: string[] = [`engage report: ${reportPeriodLine(r)}`, `${r.rfh_rate.words}.`, `Defects filed (not counted): ${r.rfh_rate.defects}. Hand-offs to CE & Sales / BizOps (not RFHs): ${r.handoffs.total}.`, ''];
  if (r.weeks.length) {
    out.push('RFH rate per week (RFHs / tickets created that week)');
    out.push(table(['week', 'monday', 'tickets', 'RFHs', 'rate', 'defects', 'hand-offs'], r.weeks.map((w) => [w.week, w.start, String(w.tickets), String(w.rfhs), percent(w.rate), String(w.defects), String(w.handoffs)])));
  }
  if (r.teams.length) {
    out.push('RFHs by team per week');
    out.push(table(['week', ...r.teams.map(short)], r.weeks.map((w) => [w.week, ...r.teams.map((t) => String(w.by_team[t] ?? 0))])));
    out.push('RFHs by priority per week');
    out.push(table(['week', ...PRIORITY_KEYS], r.weeks.map((w) => [w.week, ...PRIORITY_KEYS.map((k) => String(w.by_priority[k]))])));
  }
  if (r.customers.length) {
    out.push('Customers with the most RFHs');
    out.push(table(['customer', 'RFHs'], r.customers.map((c) => [c.name ?? '(no organisation)', String(c.rfhs)])));
  }
  out.push(`Linked issues: ${r.issues.tickets} tickets carry ${r.issues.distinct} issues`);
  if (r.issues.top.length) out.push(table(['issue', 'tickets'], r.issues.top.map((i) => [i.issue, String(i.tickets)])));
  else out.push('');
  const s = r.suggestions;
  if (s.team.recorded || s.priority.recorded) {
    out.push('Suggestions kept (the suggestion recorded at filing against what was filed; older tickets left out)');
    const rows = Object.entries(s.team.by_suggested_team).map(([id, k]) => [`team: ${short(id)}`, String(k.recorded), String(k.kept), percent(k.rate)]);
    rows.push(['team: all', String(s.team.recorded), String(s.team.kept), percent(s.team.rate)]);
    rows.push(['priority', String(s.priority.recorded), String(s.priority.kept), percent(s.priority.rate)]);
    out.push(table(['suggested', 'filed', 'kept', 'rate'], rows));
    const teamChanged = s.changed.filter((c) => c.team).map((c) => c.ticket_id);
    const prioChanged = s.changed.filter((c) => c.priority).map((c) => c.ticket_id);
    if (teamChanged.length) out.push(`Team changed on tickets: ${ids(teamChanged)}`);
    if (prioChanged.length) out.push(`Priority changed on tickets: ${ids(prioChanged)}`);
    out.push('');
  }
  const handed = Object.entries(r.handoffs.by_team);
  if (handed.length) out.push(`Hand-offs by team: ${handed.map(([id, n]) => `${id} ${n}`).join(', ')}`);
  out.push(`${r.tracker.note}.`);
  const left = [`${r.tickets.outside_period} outside the period`];
  if (r.tickets.undated.length) left.push(`${r.tickets.undated.length} without a valid created_at`);
  out.push(`Left out: ${left.join(', ')} (of ${r.tickets.read} read).`);
  return `${out.join('\n')}\n`;
}
