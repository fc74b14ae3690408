// `npm run validate [-- PATH]`: checks the built app offline against the rules Zendesk's validator applies
// (scripts/validate-rules.ts). PATH is dist/ (default) or an app zip. When validating dist/ and
// engage-<version>.zip exists, the zip is checked too (size and layout). Prints each problem with its fix;
// exits 1 on any error, 0 when only warnings remain.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { formatProblems, packageFromFiles, validateAppPackage, type AppPackage, type Problem } from './validate-rules.ts';

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
  const entries = unzipSync(readFileSync(path));
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

const arg = process.argv[2];
const target = resolve(arg ?? join(root, 'dist'));
if (!existsSync(target)) {
  console.error(`validate: ${relative(process.cwd(), target) || target} does not exist; run npm run build (or npm run package) first.`);
  process.exit(1);
}

let errors = 0;
if (target.endsWith('.zip')) {
  errors += report(`validate ${relative(process.cwd(), target)}`, validateAppPackage(readZip(target), { zipBytes: statSync(target).size, zipName: relative(root, target) }));
} else {
  const pkg = readDir(target);
  errors += report(`validate ${relative(process.cwd(), target) || '.'}/`, validateAppPackage(pkg));
  // The zip is what gets uploaded: check it is current enough to hold a manifest at its root and fits 2 MB.
  const manifestBytes = pkg.read('manifest.json');
  let version: unknown;
  try {
    version = manifestBytes ? (JSON.parse(new TextDecoder().decode(manifestBytes)) as { version?: unknown }).version : undefined;
  } catch {
    version = undefined; // already reported as a manifest error above
  }
  const zipPath = typeof version === 'string' ? join(root, `engage-${version}.zip`) : null;
  if (zipPath && existsSync(zipPath)) {
    const zipProblems = validateAppPackage(readZip(zipPath), { zipBytes: statSync(zipPath).size, zipName: relative(root, zipPath) });
    errors += report(`validate ${relative(root, zipPath)} (${statSync(zipPath).size} bytes)`, zipProblems);
  } else if (zipPath) {
    console.log(`(no ${relative(root, zipPath)} yet: npm run package builds it and checks the 2 MB limit)`);
  }
}
process.exit(errors > 0 ? 1 : 0);
