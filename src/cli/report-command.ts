// `engage report FILE|DIR|- [--from DAY --to DAY | --weeks N] [--format table|json|html --out FILE]`: the insights
// figures from exported ticket bundles. The figures come from core/report (shared with the insights page); this
// file reads the options and the bundles, and prints or writes the chosen format.
import { computeReport, DEFAULT_WEEKS } from '../core/report/compute.ts';
import type { PeriodRequest } from '../core/report/types.ts';
import { parseDay } from '../core/report/weeks.ts';
import { parseArgs, UsageError, type ParsedArgs } from './args.ts';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, type CliIo } from './io.ts';
import { bundlesOrComplain, settingsOrComplain } from './input.ts';
import { reportHtml } from './report-html.ts';
import { reportTable } from './report-table.ts';

export const REPORT_USAGE = `Usage: engage report FILE|DIR|- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--weeks N]
                     [--format table|json|html] [--out FILE] [--settings FILE]

The insights figures from exported ticket bundles, per ISO week (Monday to Sunday, UTC) by ticket creation:
  - RFH rate: tickets with a request for help / tickets created, and the period's rate against the 10% goal;
  - RFHs by team (rfh_team_<id>) and by priority (rfh_priority_p<n>) per week; customers with the most RFHs;
  - linked issues: tickets per issue (rfh_issue_<n> private, rfh_public_issue_<n> public), the top ones;
  - suggestions kept: the suggestion recorded at filing (rfh_suggested_team_<id>, rfh_suggested_priority_p<n>)
    against what was filed, per suggested team, with the tickets where the agent changed it;
  - hand-offs to CE & Sales / BizOps (engage_handoff_<id>): not RFHs, counted apart.
What counts: a filing is a ticket tagged rfh, engage_defect, rfh_team_* or rfh_priority_p*. A defect is a filing
tagged engage_defect or without rfh (filings from before engage_defect existed); defects are not RFHs but stay
in the tickets created. Open issues by age and time to close need the tracker (see the insights page).

Period: the last 12 ISO weeks by default (--weeks N for N), ending with the newest ticket's day so that the same
bundles always give the same report; --to ends it on that day instead; --from and --to (both days included)
choose the days exactly. --weeks and --from cannot go together.

--format table (default) prints sections; json prints one object (fields: period, goal, tickets, rfh_rate,
weeks[], teams, customers, issues, suggestions, handoffs, tracker; see the README); html needs --out FILE and
writes one self-contained page (charts as inline SVG, each with a table of its numbers, no network references).
Exit codes: 0 ok, 2 bad input (a missing file, malformed JSON, a bad date; the figures are still printed when
some bundles loaded, and a ticket without a valid created_at is named and left out).`;

function day(args: ParsedArgs, name: 'from' | 'to'): number | null {
  const value = args.options[name];
  if (value === undefined) return null;
  const ms = parseDay(value);
  if (ms === null) throw new UsageError(`--${name} must be a day as YYYY-MM-DD, got "${value}"`);
  return ms;
}

function periodRequest(args: ParsedArgs): PeriodRequest {
  const from = day(args, 'from');
  const to = day(args, 'to');
  if (from !== null && to !== null && from > to) throw new UsageError(`--from ${args.options.from} is after --to ${args.options.to}`);
  const raw = args.options.weeks;
  if (raw === undefined) return { from, to, weeks: null };
  if (from !== null) throw new UsageError('--weeks and --from both choose the start: give one of them');
  const weeks = Number(raw);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 1000) throw new UsageError(`--weeks must be a whole number from 1 to 1000, got "${raw}" (default ${DEFAULT_WEEKS})`);
  return { from, to, weeks };
}

function format(args: ParsedArgs): 'table' | 'json' | 'html' {
  const f = args.options.format ?? 'table';
  if (f !== 'table' && f !== 'json' && f !== 'html') throw new UsageError(`--format must be table, json or html, got "${f}"`);
  if (f === 'html' && args.options.out === undefined) throw new UsageError('--format html needs --out FILE (one self-contained page)');
  return f;
}

export async function runReport(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { options: ['from', 'to', 'weeks', 'format', 'out', 'settings'], flags: ['help'] });
  if (args.flags.has('help')) {
    io.out(`${REPORT_USAGE}\n`);
    return EXIT_OK;
  }
  const fmt = format(args);
  const request = periodRequest(args);
  if (args.positionals.length === 0) throw new UsageError('report needs a FILE, a DIR or - for standard input');
  const loaded = await settingsOrComplain(args.options.settings, io);
  if (!loaded) return EXIT_BAD_INPUT;
  const input = await bundlesOrComplain(args.positionals, io);
  if (!input) return EXIT_BAD_INPUT;
  const { bundles, problems } = input;
  const report = computeReport(
    bundles.map((b) => b.bundle),
    loaded.teams,
    request,
  );
  // An undated ticket is named with its file (the map is built only when there is one to name).
  const sources = report.tickets.undated.length ? new Map(bundles.map((b) => [b.bundle.ticket.id, b.source])) : new Map<number, string>();
  for (const u of report.tickets.undated) {
    const source = sources.get(u.ticket_id) ?? '?';
    problems.push(`${source}: ticket ${u.ticket_id}: ticket.created_at "${u.created_at}" is not a date (e.g. 2026-11-23T14:02:11Z); left out of the report`);
  }
  const text = fmt === 'json' ? `${JSON.stringify(report)}\n` : fmt === 'html' ? reportHtml(report) : reportTable(report);
  const out = args.options.out;
  if (out === undefined) io.out(text);
  else {
    if (!io.writeText) throw new Error('this io cannot write files');
    try {
      await io.writeText(out, text);
    } catch (e) {
      io.err(`engage: ${out}: cannot be written (${e instanceof Error ? e.message : String(e)})\n`);
      return EXIT_FAILED;
    }
    io.out(`engage report: wrote ${out} (${report.rfh_rate.words})\n`);
  }
  for (const p of problems) io.err(`engage: ${p}\n`);
  return problems.length ? EXIT_BAD_INPUT : EXIT_OK;
}
