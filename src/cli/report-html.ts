// `engage report --format html --out FILE`: one self-contained page — inline CSS, inline SVG charts, no script and
// no network reference — so it can be mailed or opened from disk anywhere. Each chart is followed by a table with
// the same numbers for keyboard and screen-reader users; light and dark follow `prefers-color-scheme`.
import type { Report } from '../core/report/types.ts';
import { PRIORITY_KEYS } from '../core/report/types.ts';
import { percent, reportPeriodLine } from './report-table.ts';
import { barChart, escapeHtml, legend, type Series } from './report-svg.ts';

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--goal:#cf222e;
--s0:#0072b2;--s1:#e69f00;--s2:#009e73;--s3:#cc79a7;--s4:#56b4e9;--s5:#d55e00;--s6:#8a7a00;--s7:#6e5aa8;--s8:#7f7f7f}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--goal:#ff7b72;
--s0:#58a6ff;--s1:#f0b72f;--s2:#3fb950;--s3:#e78bc5;--s4:#8ddcff;--s5:#ff8c4a;--s6:#d4c24a;--s7:#b39dfa;--s8:#b0b0b0}}
body{margin:2rem auto;max-width:760px;padding:0 1rem;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,sans-serif}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}.muted{color:var(--muted)}.headline{font-size:1.2rem;font-weight:600}
svg{width:100%;height:auto;display:block}svg text{font-size:11px}.axis{fill:var(--muted)}.grid{stroke:var(--line)}
.goal{stroke:var(--goal);stroke-width:2;stroke-dasharray:6 4}.goal-label{fill:var(--goal);font-weight:600}
${Array.from({ length: 9 }, (_, k) => `.s${k}{fill:var(--s${k});background:var(--s${k})}`).join('')}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.35em;border-radius:2px}
table{border-collapse:collapse;margin:.75rem 0 1rem;font-variant-numeric:tabular-nums}caption{text-align:left;color:var(--muted);padding-bottom:.25rem}
th{white-space:nowrap}.scroll{overflow-x:auto}th,td{border-bottom:1px solid var(--line);padding:.2rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}
`;

function htmlTable(caption: string, header: string[], rows: (string | number)[][]): string {
  const head = `<tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(String(c))}</th>` : `<td>${escapeHtml(String(c))}</td>`)).join('')}</tr>`).join('');
  // A wide table scrolls on its own; the region is focusable so the keyboard can scroll it too.
  return `<div class="scroll" role="region" tabindex="0" aria-label="${escapeHtml(caption)}"><table><caption>${escapeHtml(caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

function chartSection(heading: string, chart: string, series: Series[], table: string): string {
  return `<section><h2>${escapeHtml(heading)}</h2><figure>${chart}${legend(series)}</figure>${table}</section>`;
}

function weeklyCharts(r: Report): string {
  const labels = r.weeks.map((w) => w.week.slice(5));
  const rate = chartSection(
    'RFH rate per week',
    barChart({ title: 'RFH rate per week against the 10% goal', labels, series: [{ name: 'RFH rate', values: r.weeks.map((w) => w.rate ?? 0) }], goal: { value: r.goal, label: `${Math.round(r.goal * 100)}% goal` }, tick: (v) => `${Math.round(v * 100)}%` }),
    [],
    htmlTable('RFHs / tickets created per week', ['week', 'tickets', 'RFHs', 'rate', 'defects', 'hand-offs'], r.weeks.map((w) => [w.week, w.tickets, w.rfhs, percent(w.rate), w.defects, w.handoffs])),
  );
  if (!r.teams.length) return rate;
  const teamSeries = r.teams.map((t) => ({ name: t, values: r.weeks.map((w) => w.by_team[t] ?? 0) }));
  const teams = chartSection(
    'RFHs by team per week',
    barChart({ title: 'RFHs per team, stacked per week', labels, series: teamSeries }),
    teamSeries,
    htmlTable('RFHs by team per week', ['week', ...r.teams], r.weeks.map((w) => [w.week, ...r.teams.map((t) => w.by_team[t] ?? 0)])),
  );
  const prioSeries = PRIORITY_KEYS.map((k) => ({ name: k, values: r.weeks.map((w) => w.by_priority[k]) }));
  const priorities = chartSection(
    'RFHs by priority per week',
    barChart({ title: 'RFHs per priority, stacked per week', labels, series: prioSeries }),
    prioSeries,
    htmlTable('RFHs by priority per week', ['week', ...PRIORITY_KEYS], r.weeks.map((w) => [w.week, ...PRIORITY_KEYS.map((k) => w.by_priority[k])])),
  );
  return rate + teams + priorities;
}

function otherSections(r: Report): string {
  const parts: string[] = [];
  if (r.customers.length) parts.push(`<section><h2>Customers with the most RFHs</h2>${htmlTable('RFHs per organisation', ['customer', 'RFHs'], r.customers.map((c) => [c.name ?? '(no organisation)', c.rfhs]))}</section>`);
  const issues = r.issues.top.length ? htmlTable('Tickets per linked issue', ['issue', 'tickets'], r.issues.top.map((i) => [i.issue, i.tickets])) : '';
  parts.push(`<section><h2>Linked issues</h2><p>${r.issues.tickets} tickets carry ${r.issues.distinct} issues.</p>${issues}</section>`);
  const s = r.suggestions;
  if (s.team.recorded || s.priority.recorded) {
    const rows: (string | number)[][] = Object.entries(s.team.by_suggested_team).map(([id, k]) => [`team: ${id}`, k.recorded, k.kept, percent(k.rate)]);
    rows.push(['team: all', s.team.recorded, s.team.kept, percent(s.team.rate)], ['priority', s.priority.recorded, s.priority.kept, percent(s.priority.rate)]);
    const changed = s.changed.map((c) => `${c.ticket_id}${c.team ? ` (team ${c.team.suggested} → ${c.team.filed})` : ''}${c.priority ? ` (priority ${c.priority.suggested} → ${c.priority.filed})` : ''}`);
    const list = changed.length ? `<p>Changed on tickets: ${escapeHtml(changed.join(', '))}</p>` : '';
    parts.push(`<section><h2>Suggestions kept</h2>${htmlTable('The suggestion recorded at filing against what was filed', ['suggested', 'filed', 'kept', 'rate'], rows)}${list}</section>`);
  }
  const handed = Object.entries(r.handoffs.by_team);
  const handoffs = handed.length ? htmlTable('Hand-offs per team', ['team', 'hand-offs'], handed) : '';
  parts.push(`<section><h2>Hand-offs (not RFHs)</h2><p>${r.handoffs.total} tickets handed off to CE &amp; Sales / BizOps.</p>${handoffs}</section>`);
  parts.push(`<section><h2>From the tracker</h2><p>${escapeHtml(r.tracker.note)}.</p></section>`);
  return parts.join('');
}

export function reportHtml(r: Report): string {
  const left = `${r.tickets.outside_period} tickets outside the period${r.tickets.undated.length ? `, ${r.tickets.undated.length} without a valid created_at` : ''} left out, of ${r.tickets.read} read.`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Engage report ${escapeHtml(r.period.from ?? '')} – ${escapeHtml(r.period.to ?? '')}</title><style>${STYLE}</style></head>
<body><main><h1>Engage report</h1><p class="muted">${escapeHtml(reportPeriodLine(r))}</p>
<p class="headline">${escapeHtml(r.rfh_rate.words)}.</p>
<p>Defects filed (not counted): ${r.rfh_rate.defects}. Hand-offs to CE &amp; Sales / BizOps (not RFHs): ${r.handoffs.total}.</p>
${weeklyCharts(r)}${otherSections(r)}<p class="muted">${escapeHtml(left)}</p></main></body></html>
`;
}
