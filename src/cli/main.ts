// The `engage` command line: dispatches `classify`, `compose`, `eval`, `report`, `similar` and `tune` to their modules.
// `bin/engage.js` runs `runCli` with the real process; tests call `main` with an in-memory io.
import { readFile, writeFile } from 'node:fs/promises';
import { UsageError } from './args.ts';
import { runClassify } from './classify-command.ts';
import { runCompose } from './compose.ts';
import { runEval } from './eval-command.ts';
import { runReport } from './report-command.ts';
import { runSimilar } from './similar-command.ts';
import { runTune } from './tune-command.ts';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, type CliIo } from './io.ts';
import { listBundleFiles, readStream } from './node-io.ts';

export type { CliIo } from './io.ts';

export const USAGE = `Usage: engage <command> [options]

Commands:
  classify FILE|DIR|-   suggested team, priority and Step-1 checklist for each ticket bundle
  compose FILE|DIR|-    the GitHub issue request (or the hand-off for non-engineering teams) the app would send
  eval FILE|DIR|-       compare suggestions with the team/priority recorded on past tickets
                        (--checklist DIR: score the checklist's automatic ticks against DIR/labels.json)
  report FILE|DIR|-     RFH rate per week against the 10% goal, by team, priority, customer and issue, kept
                        suggestions, hand-offs (--format table|json|html --out FILE; --from/--to or --weeks N)
  similar FILE|DIR|- --issues ISSUES.json
                        the GitHub search a ticket open sends and the similar issues it would show, with why
                        (--labels FILE: recall@3 and how often noise is shown)
  tune FILE|DIR|-       propose routing_overrides keywords learned from the teams recorded on past tickets, with
                        team accuracy before/after on held-out tickets (--apply FILE writes the settings JSON)

Options:
  --settings FILE       app settings as JSON (manifest parameter names, e.g. {"sales_process_tags": "trial, poc"})
  --format json|table   output format (classify: json, eval, report and tune: table by default; report also html)
  --help                help for a command

A ticket bundle is {"ticket": {...}, "comments": [...], "users": [...], "organization": {...} | null} as the
Zendesk API returns them; a file may hold one bundle, an array of bundles or JSON lines.
Exit codes: 0 ok, 1 failure, 2 bad input (the file, ticket and field are named).`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'classify':
        return await runClassify(rest, io);
      case 'eval':
        return await runEval(rest, io);
      case 'compose':
        return await runCompose(rest, io);
      case 'report':
        return await runReport(rest, io);
      case 'similar':
        return await runSimilar(rest, io);
      case 'tune':
        return await runTune(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(`${USAGE}\n`);
        return command === undefined ? EXIT_BAD_INPUT : EXIT_OK;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`engage: ${e.message}\n\n${USAGE}\n`);
      return EXIT_BAD_INPUT;
    }
    throw e;
  }
}

/** The real io over Node: stdout/stderr, files, stdin. */
export function nodeIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    readText: (path) => (path === '-' ? readStream(process.stdin) : readFile(path, 'utf8')),
    listBundleFiles,
    writeText: (path, text) => writeFile(path, text, 'utf8'),
  };
}

/** Entry point for bin/engage.js. Unexpected errors print their stack and exit 1. */
export async function runCli(argv: string[]): Promise<number> {
  // `engage classify dir | head`: a closed pipe is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT_OK);
    throw e;
  });
  try {
    return await main(argv, nodeIo());
  } catch (e) {
    process.stderr.write(`engage: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_FAILED;
  }
}

export { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK };
