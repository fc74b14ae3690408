// Every JavaScript chunk of the package parses as an ES module, as the browser will parse it. A bundler bug once
// shipped a chunk re-exporting a name it never declared ("Export 'RfhPanel_exports' is not defined in module"): the
// build succeeded and the panel stayed blank. `node --check` runs V8's own module parser, early errors included,
// without resolving imports or running anything.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppPackage, Problem } from './validate-rules.ts';

/** The first line of V8's complaint, e.g. `SyntaxError: Export 'x' is not defined in module`. */
function syntaxError(output: string): string {
  return output.split('\n').find((l) => /\w*Error:/.test(l))?.trim() ?? output.trim().split('\n')[0] ?? 'does not parse';
}

export function moduleSyntaxProblems(pkg: AppPackage): Problem[] {
  const problems: Problem[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'engage-check-'));
  try {
    for (const path of pkg.paths().filter((p) => /\.m?js$/.test(p)).sort()) {
      const bytes = pkg.read(path);
      if (!bytes) continue;
      const file = join(dir, 'chunk.mjs'); // .mjs: parsed as a module, as <script type="module"> and import() do
      writeFileSync(file, bytes);
      try {
        execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' });
      } catch (e) {
        const stderr = String((e as { stderr?: unknown }).stderr ?? e);
        problems.push({
          severity: 'error',
          rule: 'bundle.module-syntax',
          message: `${path} is not a valid ES module: ${syntaxError(stderr)}.`,
          fix: 'A bundler bug or a broken build: rebuild with npm run build; if it persists, simplify the manual chunks in vite.config.ts.',
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}
