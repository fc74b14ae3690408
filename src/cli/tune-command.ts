// `engage tune FILE|DIR|- [--settings FILE] [--format table|json] [--apply FILE]`: learn keyword changes from the
// teams recorded on past tickets (as `engage eval` reads them) and show the held-out accuracy before and after;
// `--apply` writes the settings JSON an admin pastes into Zendesk. The learning is core/tune (no Node).
import { english } from '../core/english.ts';
import { errorMessage, isRecord } from '../core/guards.ts';
import { parseSettings } from '../core/settings.ts';
import { buildCatalogue } from '../core/teams.ts';
import { buildTicketModel } from '../core/ticket-model.ts';
import { overridesWithChanges } from '../core/tune/overrides-json.ts';
import { tune } from '../core/tune/tune.ts';
import type { Example, TuneResult } from '../core/tune/types.ts';
import { formatOption, parseArgs, UsageError } from './args.ts';
import { recordedTeam, SHORT } from './eval-command.ts';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, type CliIo } from './io.ts';
import { bundlesOrComplain, settingsOrComplain } from './input.ts';
import { table } from './table.ts';

export const TUNE_USAGE = `Usage: engage tune FILE|DIR|- [--settings FILE] [--format table|json] [--apply FILE] [--folds N]

Learns routing keywords from the teams recorded on past tickets (the tags rfh_team_<team id with _>, the
engineering team field named in --settings, or a hand-off, as engage eval reads them) and proposes a
routing_overrides value: keywords to add per team (words and pairs of words the customers wrote, frequent on that
team's tickets and rare on others') and to remove (team keywords that mostly fire on other teams' tickets), each with
its support: the tickets it appears in and how many of them were recorded for the team.

Team accuracy before and after is measured by cross-validation (--folds N, default 5): the tickets are dealt into N
folds, the changes are learned on N-1 of them and the held-out fold is routed with and without them; the figures
are the mean over the folds, on tickets the changes were not learned from. A change is kept only when it routes more
of the tickets it was learned from right; the proposal is learned on all tickets and dropped when the held-out
accuracy after would be below before. With fewer than 30 tickets with a recorded team, or 5 for a team, nothing is
proposed (for that team) and tune says so.

--settings FILE starts from those settings (their routing_overrides is the catalogue tuned, and kept).
--apply FILE writes the settings as JSON with the new routing_overrides (a JSON text, as the Zendesk setting holds
it), merged with the --settings given; paste the routing_overrides value into the app's settings in Zendesk.
Exit codes: 0 ok (also when nothing is proposed), 1 the file cannot be written, 2 bad input.`;

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** The --settings file's raw parameters (the values an admin typed), to write back beside the new overrides. */
async function rawSettings(path: string | undefined, io: CliIo): Promise<Record<string, unknown>> {
  if (path === undefined) return {};
  let raw: unknown = JSON.parse(await io.readText(path)); // loadSettings read it without fault already
  if (isRecord(raw) && isRecord(raw.settings)) raw = raw.settings;
  return isRecord(raw) ? { ...raw } : {};
}

function changeRows(result: TuneResult, folds: number): string[][] {
  return result.changes.map((c, i) => [c.kind, SHORT[c.team] ?? c.team, c.keyword, String(c.tickets), String(c.right), percent(c.right / c.tickets), `${result.stability[i] ?? 0}/${folds}`]);
}

function printTable(result: TuneResult, read: number, overrides: string | null, folds: number, io: CliIo): void {
  io.out(`engage tune: ${read} ticket${read === 1 ? '' : 's'} read, ${result.tickets} with a recorded team\n\n`);
  if (result.enough) {
    io.out(`Team accuracy on held-out tickets (mean over ${folds} folds): before ${percent(result.before)}, after ${percent(result.after)}\n`);
    io.out(table(['fold', 'tickets', 'before', 'after', 'changes learned'], result.folds.map((f, i) => [String(i + 1), String(f.tickets), percent(f.before), percent(f.after), String(f.changes)])));
    io.out('\nBy recorded team (held-out, all folds)\n');
    io.out(table(['team', 'tickets', 'before', 'after'], result.byTeam.map((t) => [SHORT[t.team] ?? t.team, String(t.tickets), percent(t.before), percent(t.after)])));
    io.out('\n');
  }
  if (result.changes.length) {
    io.out('Proposed changes (learned on all tickets; right: tickets recorded for the team; folds: learned in)\n');
    io.out(table(['change', 'team', 'keyword', 'tickets', 'right', 'rate', 'folds'], changeRows(result, folds)));
    io.out(`\nrouting_overrides:\n${overrides}\n`);
  }
  for (const note of result.notes) io.out(`${note}\n`);
}

export async function runTune(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { options: ['settings', 'format', 'apply', 'folds'], flags: ['help'] });
  if (args.flags.has('help')) {
    io.out(`${TUNE_USAGE}\n`);
    return EXIT_OK;
  }
  const format = formatOption(args, 'table');
  const folds = args.options.folds === undefined ? 5 : Number(args.options.folds);
  if (!Number.isInteger(folds) || folds < 2 || folds > 20) throw new UsageError(`--folds must be a whole number from 2 to 20, got "${args.options.folds}"`);
  if (args.positionals.length === 0) throw new UsageError('tune needs a FILE, a DIR or - for standard input');
  const loaded = await settingsOrComplain(args.options.settings, io);
  if (!loaded) return EXIT_BAD_INPUT;
  const input = await bundlesOrComplain(args.positionals, io);
  if (!input) return EXIT_BAD_INPUT;
  const { bundles, problems } = input;
  const examples: Example[] = [];
  for (const { bundle } of bundles) {
    const team = recordedTeam(bundle, loaded.teams, loaded.settings);
    if (team !== null) examples.push({ model: buildTicketModel(bundle), team });
  }
  const result = tune(examples, loaded.teams, { folds });
  const overrides = result.changes.length ? overridesWithChanges(loaded.settings.routingOverrides, result.changes) : null;

  let applied: string | null = null;
  const applyTo = args.options.apply;
  if (applyTo !== undefined && overrides !== null) {
    const settings = { ...(await rawSettings(args.options.settings, io)), routing_overrides: overrides };
    // What is written must load in Zendesk as it loads here: checked the same way before it is written.
    const check = parseSettings(settings);
    const catalogue = buildCatalogue(check.settings.routingOverrides);
    const wrong = [...check.problems, ...catalogue.problems];
    if (wrong.length) throw new Error(`tune produced settings that do not load: ${wrong.map((p) => `${p.setting} ${english(p.message)}`).join('; ')}`);
    if (!io.writeText) throw new Error('this io cannot write files');
    try {
      await io.writeText(applyTo, `${JSON.stringify(settings, null, 2)}\n`);
    } catch (e) {
      io.err(`engage: ${applyTo}: cannot be written (${errorMessage(e)})\n`);
      return EXIT_FAILED;
    }
    applied = applyTo;
  }

  if (format === 'json') {
    io.out(
      `${JSON.stringify({
        tickets: { read: bundles.length, recorded: result.tickets, skipped: bundles.length - result.tickets },
        enough: result.enough,
        folds,
        accuracy: { before: result.before, after: result.after, folds: result.folds },
        by_team: result.byTeam,
        changes: result.changes.map((c, i) => ({ ...c, rate: Math.round((c.right / c.tickets) * 10000) / 10000, folds: result.stability[i] ?? 0 })),
        routing_overrides: overrides,
        applied,
        notes: result.notes,
        errors: problems,
      })}\n`,
    );
  } else {
    printTable(result, bundles.length, overrides, folds, io);
    if (applyTo !== undefined) io.out(applied ? `Wrote ${applied}: paste its routing_overrides value into the app's settings in Zendesk.\n` : `Nothing to apply: ${applyTo} was not written.\n`);
  }
  for (const p of problems) io.err(`engage: ${p}\n`);
  return problems.length ? EXIT_BAD_INPUT : EXIT_OK;
}
