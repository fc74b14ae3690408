// The `engage` command line: `classify`, `eval` (here) and `compose` (src/cli/compose.ts, loaded when asked for).
// `bin/engage.js` runs `runCli` with the real process; tests call `main` with an in-memory io.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from './args.ts';
import { runClassify } from './classify-command.ts';
import { runEval } from './eval-command.ts';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, type CliIo } from './io.ts';

export type { CliIo } from './io.ts';

export const USAGE = `Usage: engage <command> [options]

Commands:
  classify FILE|DIR|-   suggested team, priority and Step-1 checklist for each ticket bundle
  compose FILE|DIR|-    the GitHub issue request (or the hand-off for non-engineering teams) the app would send
  eval FILE|DIR|-       compare suggestions with the team/priority recorded on past tickets

Options:
  --settings FILE       app settings as JSON (manifest parameter names, e.g. {"sales_process_tags": "trial, poc"})
  --format json|table   output format (classify: json, eval: table by default)
  --help                help for a command

A ticket bundle is {"ticket": {...}, "comments": [...], "users": [...], "organization": {...} | null} as the
Zendesk API returns them; a file may hold one bundle, an array of bundles or JSON lines.
Exit codes: 0 ok, 1 failure, 2 bad input (the file, ticket and field are named).`;

type Command = (args: string[], io: CliIo) => Promise<number>;

interface ComposeModule {
  runCompose: Command;
}

/** `compose` lives in its own module (owned with the issue composer); loaded only when asked for. */
async function loadCompose(): Promise<Command | null> {
  // A variable specifier: the module is optional at type-check time and only resolved when `compose` runs.
  const specifier = './compose.ts';
  try {
    const mod = (await import(/* @vite-ignore */ specifier)) as Partial<ComposeModule>;
    return typeof mod.runCompose === 'function' ? mod.runCompose : null;
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e && (e as { code: unknown }).code === 'ERR_MODULE_NOT_FOUND' && String(e).includes('compose.ts')) return null;
    throw e;
  }
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'classify':
        return await runClassify(rest, io);
      case 'eval':
        return await runEval(rest, io);
      case 'compose': {
        const runCompose = await loadCompose();
        if (!runCompose) {
          io.err('engage: compose is not available in this build (src/cli/compose.ts is missing)\n');
          return EXIT_FAILED;
        }
        return await runCompose(rest, io);
      }
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

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The real io over Node: stdout/stderr, files, stdin. */
export function nodeIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    readText: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
    listBundleFiles: async (path) => {
      const s = await stat(path);
      if (!s.isDirectory()) return null;
      const names = (await readdir(path)).filter((n) => /\.(?:json|jsonl|ndjson)$/i.test(n) && !n.startsWith('.')).sort();
      return names.map((n) => join(path, n));
    },
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
