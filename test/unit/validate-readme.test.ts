// The README is the project's interface for people: keep it true. Every `npm run X` it mentions exists, the settings
// table lists every manifest parameter with the manifest's default, and the set-up commands come first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAMETER_NAMES } from '../../src/core/settings.ts';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
  parameters: { name: string; default?: unknown }[];
};

describe('README', () => {
  it('starts with the two set-up commands', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const lines = firstBlock.split('\n').filter(Boolean).map((l) => l.replace(/\s+#.*$/, '').trim());
    expect(lines).toEqual(['npm install && npm start', 'npm test']);
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('\n## '));
  });

  it('mentions only npm scripts that exist', () => {
    const mentioned = new Set([...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect(mentioned.size).toBeGreaterThan(0);
    for (const name of mentioned) expect(pkg.scripts, `npm run ${name}`).toHaveProperty(name);
  });

  it('lists every setting with the manifest default', () => {
    const rows = new Map<string, string>();
    for (const m of readme.matchAll(/^\| `([a-z_]+)` \| ([^|]*) \| ([^|]*) \|/gm)) rows.set(m[1]!, m[3]!.trim());
    for (const name of PARAMETER_NAMES) {
      expect(rows.has(name), `settings table row for ${name}`).toBe(true);
      const param = manifest.parameters.find((p) => p.name === name);
      const cell = rows.get(name)!;
      if (param?.default === undefined) expect(cell, name).toMatch(/^(—|empty)$/);
      else if (typeof param.default === 'boolean') expect(cell, name).toBe(param.default ? 'on' : 'off');
      else expect(cell, name).toBe(`\`${String(param.default)}\``);
    }
  });

  it('has the sections other work fills in', () => {
    expect(readme).toMatch(/^## Screenshots$/m);
    expect(readme).toMatch(/^## Performance and reliability$/m);
  });
});
