// `npm run validate [-- PATH]`: checks the built app offline against the rules Zendesk's validator applies
// (scripts/validate-rules.ts). PATH is dist/ (default) or an app zip. When validating dist/ and
// engage-<version>.zip exists, the zip is checked too (size and layout). Prints each problem with its fix;
// exits 1 on any error, 0 when only warnings remain.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { formatProblems, packageFromFiles, validateAppPackage, type AppPackage, type Problem } from './validate-rules.ts';
import { moduleSyntaxProblems } from './check-modules.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function readDir(dir: string): AppPackage {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path).split(sep).join('/')] = readFileSync(path);
    }
  };
  walk(dir);
  return packageFromFiles(files);
}

function readZip(path: string): AppPackage {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(readFileSync(path));
  } catch (e) {
    console.error(`validate: ${relative(process.cwd(), path)} is not a readable zip (${(e as Error).message}); run npm run package again.`);
    process.exit(1);
  }
  const files: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(entries)) if (!name.endsWith('/')) files[name] = bytes;
  return packageFromFiles(files);
}

function report(title: string, problems: Problem[]): number {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  console.log(`${title}: ${errors} error(s), ${warnings} warning(s)`);
  if (problems.length > 0) console.log(formatProblems(problems));
  return errors;
}

/** Checks engage-<version>.zip in the project root, if `npm run package` has made it. */
function checkProjectZip(dist: AppPackage): number {
  const manifestBytes = dist.read('manifest.json');
  let version: unknown;
  try {
    version = manifestBytes ? (JSON.parse(new TextDecoder().decode(manifestBytes)) as { version?: unknown }).version : undefined;
  } catch {
    return 0; // already reported as a manifest error
  }
  if (typeof version !== 'string') return 0;
  const zipPath = join(root, `engage-${version}.zip`);
  if (!existsSync(zipPath)) {
    console.log(`(no ${relative(root, zipPath)} yet: npm run package builds it and checks the 2 MB limit)`);
    return 0;
  }
  const bytes = statSync(zipPath).size;
  return report(`validate ${relative(root, zipPath)} (${bytes} bytes)`, validateAppPackage(readZip(zipPath), { zipBytes: bytes, zipName: relative(root, zipPath) }));
}

const arg = process.argv[2];
const target = resolve(arg ?? join(root, 'dist'));
if (!existsSync(target)) {
  console.error(`validate: ${relative(process.cwd(), target) || target} does not exist; run npm run build (or npm run package) first.`);
  process.exit(1);
}

let errors = 0;
if (target.endsWith('.zip')) {
  const zip = readZip(target);
  errors += report(`validate ${relative(process.cwd(), target)}`, [
    ...validateAppPackage(zip, { zipBytes: statSync(target).size, zipName: relative(root, target) }),
    ...moduleSyntaxProblems(zip),
  ]);
} else {
  const pkg = readDir(target);
  errors += report(`validate ${relative(process.cwd(), target) || '.'}/`, [...validateAppPackage(pkg), ...moduleSyntaxProblems(pkg)]);
  // The zip is what gets uploaded: check it too, but only alongside this project's own dist/ (a folder given on
  // the command line is checked on its own).
  if (target === join(root, 'dist')) errors += checkProjectZip(pkg);
}

process.exit(errors > 0 ? 1 : 0);
