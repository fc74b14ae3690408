// Second half of `npm run build`: Vite has written dist/assets/iframe.html and its bundles; this adds what Zendesk
// reads from an uploaded app besides them: dist/manifest.json, dist/translations/*.json and the static files in
// assets/ (logos). Fails loudly when one is missing or malformed, so a broken package is never produced silently.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

function fail(message: string): never {
  console.error(`copy-app-files: ${message}`);
  process.exit(1);
}

function copy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  console.log(`  ${relative(root, to)}`);
}

function checkJson(path: string): void {
  try {
    JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(`${relative(root, path)} is not valid JSON: ${(e as Error).message}`);
  }
}

if (!existsSync(join(dist, 'assets', 'iframe.html'))) {
  fail('dist/assets/iframe.html is missing; run `vite build` first (npm run build does both).');
}

console.log('copy-app-files: adding the app files to dist/');
checkJson(join(root, 'manifest.json'));
copy(join(root, 'manifest.json'), join(dist, 'manifest.json'));

const translations = join(root, 'translations');
const locales = existsSync(translations) ? readdirSync(translations).filter((f) => f.endsWith('.json')) : [];
if (!locales.includes('en.json')) fail('translations/en.json is missing (the default locale).');
// Vite empties only dist/assets; clear the old translations so a removed locale does not linger in the package.
rmSync(join(dist, 'translations'), { recursive: true, force: true });
for (const file of locales.sort()) {
  checkJson(join(translations, file));
  copy(join(translations, file), join(dist, 'translations', file));
}

// Static assets: everything in assets/ except sources that only exist to produce the shipped files
// (the logo SVG is rendered to PNG by scripts/render-logos.ts; Zendesk needs only the PNGs).
const assets = join(root, 'assets');
const SOURCE_ONLY = new Set(['logo.svg', 'logo-small.svg']);
function copyTree(dir: string): void {
  for (const name of readdirSync(dir).sort()) {
    const from = join(dir, name);
    if (statSync(from).isDirectory()) copyTree(from);
    else if (!SOURCE_ONLY.has(name) && !name.startsWith('.')) {
      const to = join(dist, 'assets', relative(assets, from));
      if (existsSync(to) && relative(dist, to) === join('assets', 'iframe.html')) fail('assets/iframe.html would overwrite the built iframe page; keep the page in src/.');
      copy(from, to);
    }
  }
}
if (existsSync(assets)) copyTree(assets);
