// `engage eval FILE|DIR|- [--settings FILE] [--format table|json]`: compare the suggestions with the team and
// priority recorded on past tickets — the write-back tags `rfh_team_<id with _>` and `rfh_priority_p<n>`, or the
// configured engineering-team / official-priority ticket fields, or a recorded hand-off (`engage_handoff_<id with _>`)
// for CE & Sales and BizOps — and print accuracy, hand-offs per team, confusion tables and misses, so a support team
// can tune its routing overrides on its own history. `--checklist` scores the checklist's automatic ticks instead.
import { english } from '../core/english.ts';
import { checklistHints } from '../core/checklist.ts';
import { evaluateChecklist, parseChecklistLabels, type ChecklistEvalRow, type ChecklistEvalSummary, type ItemScore } from '../core/checklist/evaluate.ts';
import { classify } from '../core/classify.ts';
import { handedOffTeams } from '../core/handoff-record.ts';
import { keptSuggestions } from '../core/report-tags.ts';
import type { Settings } from '../core/settings.ts';
import { buildTicketModel } from '../core/ticket-model.ts';
import type { Classification, PriorityLevel, Team } from '../core/types/classification.ts';
import type { TicketBundle } from '../core/types/zendesk.ts';
import { formatOption, parseArgs, UsageError } from './args.ts';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io.ts';
import { loadBundles, settingsOrComplain } from './input.ts';
import { table } from './table.ts';

export const EVAL_USAGE = `Usage: engage eval FILE|DIR|- [--settings FILE] [--format table|json]
       engage eval --checklist DIR [--labels FILE] [--settings FILE] [--format table|json]

Classifies every ticket and compares the suggestion with what was recorded on the ticket: the tags Engage writes
back (rfh_team_<team id with _>, rfh_priority_p<n>) or, when configured in --settings, the engineering team and
official priority ticket fields; a ticket handed off to CE & Sales or BizOps (engage_handoff_<team id with _>)
counts as routed to that team. Prints accuracy, hand-offs per team, confusion tables and the misses with their
reasons.
Tickets with nothing recorded are skipped. Exit code 2 when an input is malformed.

--checklist measures the checklist's automatic ticks instead: a hint with status "found" pre-ticks its item in the
sidebar. The labels (DIR/labels.json unless --labels names another file) map each ticket id to items and
"found" | "not_found"; items: environment, repro, recent_changes, impact, urgency, teammates (Step 2). Prints
precision (ticks that were right) and recall (labelled "found" that were ticked) per item and overall, then every
false tick and miss with the hint's summary and the words it rested on (test/fixtures/checklist is a labelled set).`;

/** Short team names for table columns (also `engage report`). */
export const SHORT: Record<string, string> = {
  distribution: 'dist',
  'core-application': 'core',
  'code-intelligence': 'codeintel',
  'search-core': 's-core',
  'search-product': 's-prod',
  web: 'web',
  'batch-changes': 'batch',
  'ce-sales': 'ce',
  bizops: 'bizops',
};

function teamFromValue(value: string, teams: Team[]): string | null {
  const v = value.trim().toLowerCase();
  if (!v) return null;
  for (const t of teams) {
    const candidates = [t.id, t.id.replace(/-/g, '_'), t.name.toLowerCase(), (t.githubLabel ?? '').toLowerCase(), `rfh_team_${t.id.replace(/-/g, '_')}`];
    if (candidates.includes(v)) return t.id;
  }
  return v.replace(/_/g, '-');
}

/**
 * The team recorded on a ticket: the `rfh_team_*` tag, else the configured engineering-team field, else the team a
 * hand-off was recorded for (`engage_handoff_*`: CE & Sales and BizOps get no issue, so no `rfh_team_` tag).
 */
export function recordedTeam(bundle: TicketBundle, teams: Team[], settings: Settings): string | null {
  const tag = bundle.ticket.tags.find((t) => t.startsWith('rfh_team_'));
  if (tag) return teamFromValue(tag.slice('rfh_team_'.length), teams);
  const fieldId = settings.fields.engineeringTeam;
  if (fieldId !== null) {
    const f = bundle.ticket.custom_fields?.find((x) => x.id === fieldId);
    if (f && typeof f.value === 'string') return teamFromValue(f.value, teams);
  }
  return handedOffTeams(bundle.ticket.tags, teams)[0] ?? null;
}

/** Hand-offs recorded per team over all tickets read (a ticket handed off to two teams counts for each). */
export function countHandoffs(bundles: readonly TicketBundle[], teams: Team[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const b of bundles) for (const id of handedOffTeams(b.ticket.tags, teams)) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

function priorityFromValue(value: string): PriorityLevel | null {
  const m = /(?:^|[^a-z0-9])p?([0-3])$/i.exec(value.trim());
  return m ? (Number(m[1]) as PriorityLevel) : null; // the pattern allows 0-3 only
}

/** The priority recorded on a ticket: the `rfh_priority_p<n>` tag, else the configured official-priority field. */
export function recordedPriority(bundle: TicketBundle, settings: Settings): PriorityLevel | null {
  const tag = bundle.ticket.tags.find((t) => /^rfh_priority_p[0-3]$/.test(t));
  if (tag) return Number(tag.slice(-1)) as PriorityLevel; // the pattern allows 0-3 only
  const fieldId = settings.fields.officialPriority;
  if (fieldId !== null) {
    const f = bundle.ticket.custom_fields?.find((x) => x.id === fieldId);
    if (f && (typeof f.value === 'string' || typeof f.value === 'number')) return priorityFromValue(String(f.value));
  }
  return null;
}

interface Row {
  ticketId: number;
  source: string;
  classification: Classification;
  team: string | null;
  priority: number | null;
}

export interface EvalSummary {
  tickets: number;
  team: { total: number; correct: number; accuracy: number; top3: number; confusion: Record<string, Record<string, number>> };
  priority: { total: number; correct: number; accuracy: number; confusion: Record<string, Record<string, number>> };
  misses: { ticket_id: number; source: string; kind: 'team' | 'priority'; recorded: string; suggested: string; why: string }[];
}

function ratio(correct: number, total: number): number {
  return total === 0 ? 0 : Math.round((correct / total) * 10000) / 10000;
}

export function summarize(rows: Row[]): EvalSummary {
  const teamConf: Record<string, Record<string, number>> = {};
  const prioConf: Record<string, Record<string, number>> = {};
  const misses: EvalSummary['misses'] = [];
  let teamTotal = 0;
  let teamCorrect = 0;
  let top3 = 0;
  let prioTotal = 0;
  let prioCorrect = 0;
  for (const r of rows) {
    const route = r.classification.route;
    if (r.team !== null) {
      teamTotal++;
      const got = route.team.teamId;
      const row = (teamConf[r.team] ??= {});
      row[got] = (row[got] ?? 0) + 1;
      if (got === r.team) teamCorrect++;
      else misses.push({ ticket_id: r.ticketId, source: r.source, kind: 'team', recorded: r.team, suggested: got, why: english(route.team.why) });
      if (got === r.team || route.alternatives.slice(0, 2).some((a) => a.teamId === r.team)) top3++;
    }
    if (r.priority !== null) {
      prioTotal++;
      const got = r.classification.priority.level;
      const row = (prioConf[`p${r.priority}`] ??= {});
      row[`p${got}`] = (row[`p${got}`] ?? 0) + 1;
      if (got === r.priority) prioCorrect++;
      else
        misses.push({
          ticket_id: r.ticketId,
          source: r.source,
          kind: 'priority',
          recorded: `p${r.priority}`,
          suggested: `p${got}`,
          why: r.classification.priority.reasons.map((x) => english(x.message)).join(' / '),
        });
    }
  }
  return {
    tickets: rows.length,
    team: { total: teamTotal, correct: teamCorrect, accuracy: ratio(teamCorrect, teamTotal), top3: ratio(top3, teamTotal), confusion: teamConf },
    priority: { total: prioTotal, correct: prioCorrect, accuracy: ratio(prioCorrect, prioTotal), confusion: prioConf },
    misses,
  };
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function confusionTable(conf: Record<string, Record<string, number>>, order: string[], short: (id: string) => string): string {
  const present = new Set<string>(Object.keys(conf));
  for (const row of Object.values(conf)) for (const k of Object.keys(row)) present.add(k);
  const keys = [...order.filter((k) => present.has(k)), ...[...present].filter((k) => !order.includes(k)).sort()];
  const rows = keys.filter((k) => conf[k]).map((k) => [short(k), ...keys.map((c) => String(conf[k]?.[c] ?? '·'))]);
  return table(['recorded \\ suggested', ...keys.map(short)], rows);
}

const LABELS_FILE = 'labels.json';

function scoreRow(name: string, s: ItemScore): string[] {
  return [name, String(s.judged), String(s.labelledFound), String(s.ticked), String(s.correct), percent(s.precision), percent(s.recall)];
}

/** The checklist evaluation: bundles from the paths (minus the labels file), labels from DIR/labels.json or --labels. */
async function runChecklistEval(args: ReturnType<typeof parseArgs>, format: 'json' | 'table', io: CliIo): Promise<number> {
  const only = args.positionals.length === 1 ? (args.positionals[0] as string) : undefined;
  const isDir = only !== undefined && only !== '-' && (await io.listBundleFiles(only).catch(() => null)) !== null;
  const labelsPath = args.options.labels ?? (isDir ? `${(only as string).replace(/[\\/]+$/, '')}/${LABELS_FILE}` : undefined);
  if (labelsPath === undefined) throw new UsageError('eval --checklist needs a DIR holding labels.json, or --labels FILE');
  let rawLabels: unknown;
  try {
    rawLabels = JSON.parse(await io.readText(labelsPath));
  } catch (e) {
    io.err(`engage: ${labelsPath}: ${e instanceof SyntaxError ? `is not valid JSON (${e.message})` : 'cannot be read'}\n`);
    return EXIT_BAD_INPUT;
  }
  const { labels, problems: labelProblems } = parseChecklistLabels(rawLabels);
  if (labelProblems.length) {
    for (const p of labelProblems) io.err(`engage: ${labelsPath}: ${p}\n`);
    return EXIT_BAD_INPUT;
  }
  const loaded = await settingsOrComplain(args.options.settings, io);
  if (!loaded) return EXIT_BAD_INPUT;
  // The labels file sits next to the bundles; it is not a bundle.
  const isLabels = (f: string): boolean => f === labelsPath || f.endsWith(`/${LABELS_FILE}`) || f.endsWith(`\\${LABELS_FILE}`);
  const bundleIo: CliIo = { ...io, listBundleFiles: async (p) => (await io.listBundleFiles(p))?.filter((f) => !isLabels(f)) ?? null };
  const { bundles, problems } = await loadBundles(args.positionals, bundleIo);
  const rows: ChecklistEvalRow[] = bundles.map(({ bundle, source }) => ({
    ticketId: bundle.ticket.id,
    source,
    hints: checklistHints(buildTicketModel(bundle), loaded.settings),
  }));
  const summary = evaluateChecklist(rows, labels);
  if (format === 'json') io.out(`${JSON.stringify({ ...summary, errors: problems })}\n`);
  else printChecklistSummary(summary, io);
  for (const p of problems) io.err(`engage: ${p}\n`);
  return problems.length ? EXIT_BAD_INPUT : EXIT_OK;
}

function printChecklistSummary(summary: ChecklistEvalSummary, io: CliIo): void {
  io.out(`engage eval --checklist: ${summary.tickets} ticket${summary.tickets === 1 ? '' : 's'}, ${summary.judgements} labelled item judgements\n\n`);
  const rows = Object.entries(summary.items).map(([k, s]) => scoreRow(k, s));
  rows.push(scoreRow('overall', summary.overall));
  io.out(table(['item', 'judged', 'labelled found', 'ticked', 'right ticks', 'precision', 'recall'], rows));
  io.out('precision: ticks that were right; recall: labelled "found" that were ticked\n\n');
  if (summary.unlabelled.length) io.out(`Tickets without labels (not judged): ${summary.unlabelled.join(', ')}\n`);
  if (summary.missingBundles.length) io.out(`Labelled tickets without a bundle: ${summary.missingBundles.join(', ')}\n`);
  const falseTicks = summary.misses.filter((m) => m.kind === 'false-tick');
  const missed = summary.misses.filter((m) => m.kind === 'missed');
  if (falseTicks.length) {
    io.out('False ticks (found, labelled not_found)\n');
    for (const m of falseTicks) io.out(`  ticket ${m.ticketId} ${m.item}: ${m.reason}\n`);
  }
  if (missed.length) {
    io.out('Misses (labelled found, not ticked)\n');
    for (const m of missed) io.out(`  ticket ${m.ticketId} ${m.item} (${m.status}): ${m.reason}\n`);
  }
  if (!summary.misses.length && summary.judgements) io.out('No false ticks, no misses.\n');
}

export async function runEval(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { options: ['settings', 'format', 'labels'], flags: ['help', 'checklist'] });
  if (args.flags.has('help')) {
    io.out(`${EVAL_USAGE}\n`);
    return EXIT_OK;
  }
  const format = formatOption(args, 'table');
  if (args.flags.has('checklist')) {
    if (args.positionals.length === 0) throw new UsageError('eval --checklist needs a DIR (or FILEs with --labels)');
    return runChecklistEval(args, format, io);
  }
  if (args.options.labels !== undefined) throw new UsageError('--labels goes with --checklist');
  if (args.positionals.length === 0) throw new UsageError('eval needs a FILE, a DIR or - for standard input');
  const loaded = await settingsOrComplain(args.options.settings, io);
  if (!loaded) return EXIT_BAD_INPUT;
  const { bundles, problems } = await loadBundles(args.positionals, io);
  const rows: Row[] = [];
  const decided: Parameters<typeof keptSuggestions>[0][number][] = [];
  for (const { bundle, source } of bundles) {
    const team = recordedTeam(bundle, loaded.teams, loaded.settings);
    const priority = recordedPriority(bundle, loaded.settings);
    if (team === null && priority === null) continue;
    decided.push({ tags: bundle.ticket.tags, teamId: team, priority });
    rows.push({ ticketId: bundle.ticket.id, source, classification: classify(buildTicketModel(bundle), loaded.teams, loaded.settings), team, priority });
  }
  const summary = summarize(rows);
  const handoffs = countHandoffs(
    bundles.map((b) => b.bundle),
    loaded.teams,
  );
  // The suggestion each ticket recorded at filing against what it was filed with (not today's suggestion).
  const kept = keptSuggestions(decided, loaded.teams);
  if (format === 'json') io.out(`${JSON.stringify({ ...summary, handoffs, kept, skipped: bundles.length - rows.length, errors: problems })}\n`);
  else {
    const short = (id: string): string => SHORT[id] ?? id;
    const order = loaded.teams.map((t) => t.id);
    io.out(`engage eval: ${bundles.length} ticket${bundles.length === 1 ? '' : 's'} read, ${rows.length} with a recorded team or priority\n\n`);
    io.out(`Team accuracy:     ${summary.team.correct}/${summary.team.total} (${percent(summary.team.accuracy)}); recorded team in the top 3: ${percent(summary.team.top3)}\n`);
    io.out(`Priority accuracy: ${summary.priority.correct}/${summary.priority.total} (${percent(summary.priority.accuracy)})\n`);
    const handed = Object.entries(handoffs).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
    if (handed.length) io.out(`Hand-offs:         ${handed.map(([id, n]) => `${id} ${n}`).join(', ')}\n`);
    if (kept.team.recorded || kept.priority.recorded) {
      const share = (k: { recorded: number; kept: number }) => `${k.kept}/${k.recorded} (${percent(ratio(k.kept, k.recorded))})`;
      io.out(`Suggestion kept:   team ${share(kept.team)}, priority ${share(kept.priority)} (as suggested when filed)\n`);
      const byTeam = Object.entries(kept.team.bySuggestedTeam).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
      io.out(`                   by suggested team: ${byTeam.map(([id, k]) => `${short(id)} ${share(k)}`).join(', ')}\n`);
    }
    io.out('\n');
    if (summary.team.total) io.out(`Teams (rows: recorded, columns: suggested)\n${confusionTable(summary.team.confusion, order, short)}\n`);
    if (summary.priority.total) io.out(`Priorities (rows: recorded, columns: suggested)\n${confusionTable(summary.priority.confusion, ['p0', 'p1', 'p2', 'p3'], (x) => x)}\n`);
    if (summary.misses.length) {
      io.out('Misses\n');
      for (const m of summary.misses) io.out(`  ticket ${m.ticket_id} (${m.source}): ${m.kind} recorded ${m.recorded}, suggested ${m.suggested} — ${m.why}\n`);
    } else if (rows.length) io.out('No misses.\n');
  }
  for (const p of problems) io.err(`engage: ${p}\n`);
  return problems.length ? EXIT_BAD_INPUT : EXIT_OK;
}
