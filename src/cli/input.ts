// Reading what the commands take: ticket bundles (a file, a directory of files, or stdin) and the app settings.
// Shared by `classify`, `eval` and `compose`. Every problem is reported with the file, the ticket and the field.
import { english } from '../core/english.ts';
import { BundleError } from '../core/bundle.ts';
import { errorMessage, isRecord } from '../core/guards.ts';
import { parseBundleFile } from './read-bundles.ts';
import { PARAMETER_NAMES, parseSettings, type Settings } from '../core/settings.ts';
import { buildCatalogue } from '../core/teams.ts';
import type { Team } from '../core/types/classification.ts';
import type { TicketBundle } from '../core/types/zendesk.ts';
import type { CliIo } from './io.ts';

export interface LoadedBundle {
  bundle: TicketBundle;
  source: string;
}

export interface LoadResult {
  bundles: LoadedBundle[];
  /** One line per problem, already prefixed with the file (and ticket, field when known). */
  problems: string[];
}

function systemError(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e) {
    const code = String((e as { code: unknown }).code);
    if (code === 'ENOENT') return 'no such file or directory';
    if (code === 'EACCES') return 'permission denied';
    if (code === 'EISDIR') return 'is a directory';
  }
  return errorMessage(e);
}

/** Load every bundle from the given paths (`-` = stdin; a directory = its bundle files). Bad ones become problems. */
export async function loadBundles(paths: string[], io: CliIo): Promise<LoadResult> {
  const bundles: LoadedBundle[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    let files: string[];
    if (path === '-') files = ['-'];
    else {
      let listed: string[] | null;
      try {
        listed = await io.listBundleFiles(path);
      } catch (e) {
        problems.push(`${path}: ${systemError(e)}`);
        continue;
      }
      if (listed && listed.length === 0) {
        problems.push(`${path}: no *.json, *.jsonl or *.ndjson ticket bundles in this directory`);
        continue;
      }
      files = listed ?? [path];
    }
    for (const file of files) {
      const label = file === '-' ? '<stdin>' : file;
      let text: string;
      try {
        text = await io.readText(file);
      } catch (e) {
        problems.push(`${label}: ${systemError(e)}`);
        continue;
      }
      const { bundles: found, errors } = parseBundleFile(text, label);
      for (const b of found) bundles.push({ bundle: b, source: label });
      for (const e of errors) problems.push(e instanceof BundleError ? e.message : String(e));
    }
  }
  return { bundles, problems };
}

export interface LoadedSettings {
  settings: Settings;
  teams: Team[];
  problems: string[];
}

/**
 * The app settings from a JSON file: an object of manifest parameters as Zendesk hands them over
 * (`{"routing_overrides": "...", "sales_process_tags": "trial, poc"}`), or `{"settings": {...}}`.
 * Without a file: the defaults. Any bad value is a problem (the CLI refuses to guess).
 */
export async function loadSettings(path: string | undefined, io: CliIo): Promise<LoadedSettings> {
  if (path === undefined) {
    const { settings } = parseSettings({});
    return { settings, teams: buildCatalogue(settings.routingOverrides).teams, problems: [] };
  }
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(await io.readText(path));
  } catch (e) {
    const detail = e instanceof SyntaxError ? `is not valid JSON (${e.message})` : systemError(e);
    problems.push(`${path}: ${detail}`);
    const { settings } = parseSettings({});
    return { settings, teams: buildCatalogue('').teams, problems };
  }
  if (isRecord(raw) && 'settings' in raw && typeof raw.settings === 'object') raw = raw.settings;
  if (!isRecord(raw)) {
    problems.push(`${path}: must be a JSON object of app settings, e.g. {"sales_process_tags": "trial, poc"}`);
    const { settings } = parseSettings({});
    return { settings, teams: buildCatalogue('').teams, problems };
  }
  const record = raw;
  for (const key of Object.keys(record)) {
    if (!(PARAMETER_NAMES as readonly string[]).includes(key)) problems.push(`${path}: unknown setting "${key}" (known: ${PARAMETER_NAMES.join(', ')})`);
  }
  // routing_overrides may be given as JSON itself rather than a JSON string; both mean the same.
  if (record.routing_overrides && typeof record.routing_overrides === 'object') record.routing_overrides = JSON.stringify(record.routing_overrides);
  const parsed = parseSettings(record);
  for (const p of parsed.problems) problems.push(`${path}: ${p.setting} ${english(p.message)}`);
  const catalogue = buildCatalogue(parsed.settings.routingOverrides);
  for (const p of catalogue.problems) problems.push(`${path}: ${p.setting}: ${english(p.message)}`);
  return { settings: parsed.settings, teams: catalogue.teams, problems };
}

/**
 * The bundles a command works on, or null once the problems are printed when not one could be read (the command
 * then exits with EXIT_BAD_INPUT); with some read, the problems are the caller's to report after its output.
 */
export async function bundlesOrComplain(paths: string[], io: CliIo): Promise<LoadResult | null> {
  const loaded = await loadBundles(paths, io);
  if (loaded.bundles.length || !loaded.problems.length) return loaded;
  for (const problem of loaded.problems) io.err(`engage: ${problem}\n`);
  return null;
}

/**
 * The settings a command runs with, or null once their problems are printed (the command then exits with
 * EXIT_BAD_INPUT): the CLI refuses to guess a setting.
 */
export async function settingsOrComplain(path: string | undefined, io: CliIo): Promise<LoadedSettings | null> {
  const loaded = await loadSettings(path, io);
  if (!loaded.problems.length) return loaded;
  for (const problem of loaded.problems) io.err(`engage: ${problem}\n`);
  return null;
}
