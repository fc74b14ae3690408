// A private, checked copy of the built app for one drill file. In a shared working tree another `npm run build`
// may empty and rewrite dist/ while drills run; serving a copy that was verified complete (every chunk that any
// chunk imports is there) keeps a drill's result about the app, not about a half-written folder.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlReferences, missingModules } from '../../bench/sizes.ts';

export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/**
 * Fail, never skip, when a test needs the build and there is none: a skipped check reads as a passed one.
 * `npm test` builds first; a single test file run by hand needs `npm run build` before it.
 */
export function requireBuild(dir: string = DIST, label = 'dist/'): void {
  if (!existsSync(join(dir, 'assets', 'iframe.html')) || !existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${label} is missing: run \`npm run build\` first (npm test does)`);
  }
}

async function problemsIn(dir: string): Promise<string[]> {
  const html = join(dir, 'assets', 'iframe.html');
  if (!existsSync(html)) return ['assets/iframe.html is missing'];
  const problems = await missingModules(dir);
  for (const ref of htmlReferences(readFileSync(html, 'utf8'))) {
    if (!existsSync(join(dir, 'assets', ref))) problems.push(`iframe.html → ${ref}`);
  }
  return problems;
}

/** Copy dist/ into a temporary folder, retrying while the copy is incomplete; `remove()` deletes the copy. */
export async function snapshotDist(attempts = 10): Promise<{ dir: string; remove(): void }> {
  // No dist/ at all is not a rebuild in progress (that empties dist/assets only): say so at once.
  if (!existsSync(DIST)) requireBuild();
  let last: string[] = [];
  for (let i = 0; i < attempts; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'engage-dist-'));
    try {
      cpSync(DIST, dir, { recursive: true });
      last = await problemsIn(dir);
    } catch (e) {
      last = [String(e)];
    }
    if (last.length === 0) return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
    rmSync(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 2_000));
  }
  throw new Error(`dist/ is not a complete build (run \`npm run build\` first): ${last.slice(0, 5).join('; ')}`);
}
