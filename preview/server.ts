// `npm start` entry: the local Zendesk preview. Usage:
//   node --import tsx preview/server.ts [--tickets DIR]... [--port N] [--settings FILE] [--history]
// --history adds a generated past (preview/history/) so that /insights shows real figures.
// Env: PORT (default 4567), ENGAGE_TICKETS (a folder of extra bundles; several separated by the path delimiter),
// GITHUB_TOKEN (file on real GitHub with this token instead of the local stand-in).
import { delimiter } from 'node:path';
import { startPreview } from './app-server.ts';

interface Args {
  tickets: string[];
  port: number | undefined;
  settings: string | undefined;
  history: boolean;
}

function usage(problem: string): never {
  process.stderr.write(`${problem}\nUsage: npm start -- [--tickets DIR]... [--port N] [--settings FILE] [--history]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { tickets: [], port: undefined, settings: undefined, history: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === '--tickets') args.tickets.push(value());
    else if (flag === '--history') args.history = true;
    else if (flag === '--settings') args.settings = value();
    else if (flag === '--port') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) > 65535) usage(`--port must be a port number, got "${v}"`);
      args.port = Number(v);
    } else if (flag === '--help' || flag === '-h') usage('Engage preview: a local Zendesk ticket page around the built app.');
    else usage(`unknown argument "${arg}"`);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const envPort = process.env.PORT;
if (envPort !== undefined && envPort !== '' && (!/^\d+$/.test(envPort) || Number(envPort) > 65535)) {
  usage(`PORT must be a port number, got "${envPort}"`);
}
const envTickets = (process.env.ENGAGE_TICKETS ?? '').split(delimiter).filter(Boolean);

try {
  const preview = await startPreview({
    port: args.port ?? (envPort ? Number(envPort) : 4567),
    ticketDirs: [...envTickets, ...args.tickets],
    settingsFile: args.settings,
    githubToken: process.env.GITHUB_TOKEN || null,
    log: (line) => process.stderr.write(`${line}\n`),
    history: args.history,
  });
  process.stdout.write(`Engage preview running at ${preview.url}${args.history ? ` (with a generated history: ${preview.url}insights)` : ''}\n`);
  // For trying the GitHub sync action (sync/) by hand against this preview: see the README's "Sync from GitHub".
  process.stdout.write(
    `Zendesk API (${preview.url}api/v2/): e-mail ${preview.zendeskApi.email}, API token ${preview.zendeskApi.token}\n` +
      `GitHub stand-in API: ${preview.githubApi.url} (token ${preview.githubApi.token})\n`,
  );
  const stop = () => {
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') usage(`port ${args.port ?? envPort ?? 4567} is in use: set PORT or --port to another one`);
  throw e;
}
