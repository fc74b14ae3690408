// `npm run package` (after `npm run build`): zips dist/ into engage-<version>.zip with the app at the zip's root
// (manifest.json, translations/, assets/), which is what Zendesk's "Upload private app" and `zcli apps:create`
// expect. Prints the size and fails over Zendesk's 2 MB limit.
// Options (for tests and odd layouts): `--dist DIR` (default dist/), `--out DIR` (default the project root).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { zipSync, type Zippable } from 'fflate';
import { ZIP_LIMIT_BYTES } from './validate-rules.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string' } } });
const dist = resolve(values.dist ?? join(root, 'dist'));
const outDir = resolve(values.out ?? root);

function fail(message: string): never {
  console.error(`package: ${message}`);
  process.exit(1);
}

if (!existsSync(join(dist, 'manifest.json'))) fail(`${relative(process.cwd(), dist) || dist}/manifest.json is missing; run npm run build first.`);
let version: unknown;
try {
  version = (JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { version?: unknown }).version;
} catch (e) {
  fail(`manifest.json is not valid JSON: ${(e as Error).message}`);
}
if (typeof version !== 'string' || !/^[\w.+-]+$/.test(version)) fail('manifest.json has no usable "version" to name the zip after.');

// Files in a stable order with a fixed timestamp, so the same build gives the same zip byte for byte.
// Source maps are left out: they are not needed in Zendesk and count against the 2 MB.
const files: Zippable = {};
const fixedTime = new Date('2020-01-01T00:00:00Z');
function add(dir: string): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) add(path);
    else if (!name.endsWith('.map') && !name.startsWith('.')) {
      files[relative(dist, path).split(sep).join('/')] = [readFileSync(path), { mtime: fixedTime }];
    }
  }
}
add(dist);

const zip = zipSync(files, { level: 9 });
const name = `engage-${version}.zip`;
writeFileSync(join(outDir, name), zip);
const kb = (zip.length / 1024).toFixed(1);
console.log(`package: ${name} — ${Object.keys(files).length} files, ${zip.length} bytes (${kb} KB), limit ${ZIP_LIMIT_BYTES / 1024 / 1024} MB`);
if (zip.length > ZIP_LIMIT_BYTES) fail(`${name} is ${(zip.length / 1024 / 1024).toFixed(2)} MB, over Zendesk's 2 MB limit for private apps.`);
