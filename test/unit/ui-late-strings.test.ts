// The English `ui` strings are split (scripts/vite-translation-section.ts): the first paint's part is in the entry,
// the late subtrees come with the lazy parts that import src/ui/logic/late-i18n.ts. A module that reads a late key
// without importing it would show the raw key in English the first time; this test finds such a module.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATE_UI_SUBTREES, sectionOf } from '../../scripts/vite-translation-section.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the late ui strings', () => {
  it('are read only by modules that load them', () => {
    const late = new RegExp(`['\`"]ui\\.(?:${LATE_UI_SUBTREES.join('|')})\\.`);
    const offenders = files('src/ui')
      .filter((f) => !f.endsWith('late-i18n.ts'))
      .filter((f) => {
        const code = readFileSync(f, 'utf8');
        return late.test(code) && !/import ['"](?:\.\.\/logic\/|\.\/)late-i18n\.ts['"]/.test(code);
      });
    expect(offenders).toEqual([]);
  });

  it('and the first part together are the whole ui section, in every locale', () => {
    for (const name of readdirSync('translations').filter((n) => n.endsWith('.json'))) {
      const json = JSON.parse(readFileSync(join('translations', name), 'utf8')) as Record<string, Record<string, unknown>>;
      const first = sectionOf(json, 'ui', 'first') as Record<string, unknown>;
      const lateOnes = sectionOf(json, 'ui', 'late') as Record<string, unknown>;
      expect({ ...first, ...lateOnes }, name).toEqual(json.ui);
      expect(Object.keys(lateOnes).sort(), name).toEqual([...LATE_UI_SUBTREES].sort());
    }
  });
});
