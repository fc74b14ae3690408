// A small argument parser for the engage commands: positionals plus `--name value` / `--name=value` options and
// boolean flags. Unknown options are errors (a typo must not silently change what a command does).
export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string>;
  flags: Set<string>;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], spec: { options?: string[]; flags?: string[] }): ParsedArgs {
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  const positionals: string[] = [];
  const known = new Set(spec.options ?? []);
  const knownFlags = new Set(spec.flags ?? []);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (knownFlags.has(name) && eq < 0) {
        flags.add(name);
        continue;
      }
      if (!known.has(name)) throw new UsageError(`unknown option --${name}`);
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options[name] = value;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      if (arg === '-h' && knownFlags.has('help')) {
        flags.add('help');
        continue;
      }
      throw new UsageError(`unknown option ${arg}`);
    }
    positionals.push(arg);
  }
  return { positionals, options, flags };
}

export function formatOption(args: ParsedArgs, fallback: 'json' | 'table'): 'json' | 'table' {
  const f = args.options.format ?? fallback;
  if (f !== 'json' && f !== 'table') throw new UsageError(`--format must be json or table, got "${f}"`);
  return f;
}
