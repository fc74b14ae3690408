// `engage classify FILE|DIR|- [--settings FILE] [--format json|table]`: what the sidebar would suggest for each
// ticket — team with evidence and runners-up, priority with reasons, Step-1 checklist hints.
import { english } from '../core/english.ts';
import { classify } from '../core/classify.ts';
import { buildTicketModel } from '../core/ticket-model.ts';
import type { ChecklistHint, Classification, TeamScore } from '../core/types/classification.ts';
import { formatOption, parseArgs, UsageError } from './args.ts';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io.ts';
import { loadBundles, settingsOrComplain } from './input.ts';
import { table } from './table.ts';

export const CLASSIFY_USAGE = `Usage: engage classify FILE|DIR|- [--settings FILE] [--format json|table]

Prints, per ticket bundle, the suggested team (with evidence and runners-up), priority (with reasons) and the
Step-1 checklist hints. FILE holds one bundle, an array of bundles or JSON lines; DIR means its *.json files;
- reads standard input. --settings takes the app settings as JSON (manifest parameter names).
JSON output is one object per line. Exit code 2 when an input is malformed (the file, ticket and field are named).`;

// The CLI speaks English (engineering reads it): every message of the core is rendered from the English catalogue.
function teamJson(s: TeamScore): Record<string, unknown> {
  return { id: s.teamId, score: s.score, why: english(s.why), evidence: s.evidence };
}

function hintJson(h: ChecklistHint<string>): Record<string, unknown> {
  return { key: h.key, status: h.status, summary: english(h.summary), evidence: h.evidence };
}

/** The CLI's JSON for one ticket: ticket_id, team, alternatives, priority, checklist (the README documents it). */
export function classificationJson(c: Classification): Record<string, unknown> {
  return {
    ticket_id: c.ticketId,
    team: teamJson(c.route.team),
    alternatives: c.route.alternatives.map(teamJson),
    priority: {
      label: c.priority.label,
      level: c.priority.level,
      base_level: c.priority.baseLevel,
      sales_process: c.priority.salesProcess,
      feature_request: c.priority.featureRequest,
      reasons: c.priority.reasons.map((r) => ({ text: english(r.message), ...(r.evidence ? { evidence: r.evidence } : {}) })),
    },
    checklist: Object.fromEntries(Object.entries(c.checklist).map(([key, h]) => [key, hintJson(h)])),
  };
}

const STATUS_MARK = { found: '✓', partial: '~', missing: '✗' } as const;

export async function runClassify(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { options: ['settings', 'format'], flags: ['help'] });
  if (args.flags.has('help')) {
    io.out(`${CLASSIFY_USAGE}\n`);
    return EXIT_OK;
  }
  const format = formatOption(args, 'json');
  if (args.positionals.length === 0) throw new UsageError('classify needs a FILE, a DIR or - for standard input');
  const loaded = await settingsOrComplain(args.options.settings, io);
  if (!loaded) return EXIT_BAD_INPUT;
  const { bundles, problems } = await loadBundles(args.positionals, io);
  const results = bundles.map(({ bundle }) => classify(buildTicketModel(bundle), loaded.teams, loaded.settings));
  if (format === 'json') {
    for (const c of results) io.out(`${JSON.stringify(classificationJson(c))}\n`);
  } else {
    const rows = results.map((c) => [
      String(c.ticketId),
      `${c.route.team.teamId} (${c.route.team.score})`,
      c.route.alternatives[0] ? `${c.route.alternatives[0].teamId} (${c.route.alternatives[0].score})` : '-',
      c.priority.label,
      (['environment', 'repro', 'recent_changes', 'impact', 'urgency'] as const).map((k) => STATUS_MARK[c.checklist[k].status]).join(''),
      english(c.route.team.why),
    ]);
    if (rows.length) io.out(table(['ticket', 'team', 'runner-up', 'priority', 'checklist', 'why'], rows));
    if (rows.length) io.out('checklist: environment, repro, recent changes, impact, urgency (✓ found, ~ partial, ✗ missing)\n');
  }
  for (const p of problems) io.err(`engage: ${p}\n`);
  return problems.length ? EXIT_BAD_INPUT : EXIT_OK;
}
