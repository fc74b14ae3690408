// The built iframe.html and its start chunks (vite.config.ts): the entry and the preloaded `first-view` chunk carry
// V8's compile hint on their first line (scripts/vite-compile-hints.ts), and the lazy chunks do not (compiling code
// that may never run would cost for nothing). Reads dist/: `npm run build` first (npm test does it).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT } from '../../scripts/vite-compile-hints.ts';
import { requireBuild } from '../support/dist.ts';

const ASSETS = 'dist/assets';

function startScripts(): string[] {
  requireBuild();
  const html = readFileSync(join(ASSETS, 'iframe.html'), 'utf8');
  const entry = [...html.matchAll(/<script type="module"[^>]*src="\.\/([^"]+)"/g)].map((m) => m[1]!);
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)].map((m) => m[1]!);
  return [...entry, ...preloaded];
}

const firstLine = (file: string): string => readFileSync(join(ASSETS, file), 'utf8').split('\n', 1)[0]!;

describe('the start chunks', () => {
  it('are the entry and the preloaded first-view chunk, each starting with the compile hint', () => {
    const scripts = startScripts();
    expect(scripts).toHaveLength(2);
    expect(scripts.some((f) => f.startsWith('first-view-'))).toBe(true);
    for (const file of scripts) expect(firstLine(file), file).toBe(COMPILE_HINT);
  });

  it('import nothing else statically: a chunk the start chunks import would be fetched only once they have run (a request waterfall before the suggestions)', () => {
    const start = startScripts();
    for (const file of start) {
      const code = readFileSync(join(ASSETS, file), 'utf8');
      // Static imports only (`import … from"./x.js"` / `import"./x.js"`); dynamic `import("./x.js")` is lazy by design.
      const imported = [...code.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
      expect(imported.filter((f) => !start.includes(f)), `${file} imports`).toEqual([]);
    }
  });

  it('leave the lazy chunks without it', () => {
    const start = new Set(startScripts());
    const lazy = readdirSync(ASSETS).filter((f) => f.endsWith('.js') && !start.has(f));
    expect(lazy.length).toBeGreaterThan(5);
    for (const file of lazy) expect(firstLine(file), file).not.toBe(COMPILE_HINT);
  });

  it('leave out the Markdown renderer: it is a lazy chunk of its own, imported only by the work area', () => {
    const start = startScripts();
    const renderer = readdirSync(ASSETS).filter((f) => /^IssueMarkdown-.*\.js$/.test(f));
    expect(renderer).toHaveLength(1);
    // `micromark` (the parser) and `user-content-` (GFM's id prefix) appear in the parser's code and nowhere else.
    expect(readFileSync(join(ASSETS, renderer[0]!), 'utf8')).toMatch(/micromark[\s\S]*user-content-|user-content-[\s\S]*micromark/);
    for (const file of start) {
      const code = readFileSync(join(ASSETS, file), 'utf8');
      expect(code, file).not.toMatch(/micromark|user-content-/);
      expect(code, file).not.toContain(renderer[0]);
    }
  });
});
