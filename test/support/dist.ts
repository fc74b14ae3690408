// A private, checked copy of the built app for one drill file. In a shared working tree another `npm run build`
// may empty and rewrite dist/ while drills run; serving a copy that was verified complete (every chunk that any
// chunk imports is there) keeps a drill's result about the app, not about a half-written folder.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlReferences, missingModules } from '../../bench/sizes.ts';

export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

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
  throw new Error(`dist/ is not a complete build (run npm run build): ${last.slice(0, 5).join('; ')}`);
}
