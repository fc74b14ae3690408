// The first view's static colours (src/ui/style/garden-tokens.css) are Garden's: the committed file is exactly what
// scripts/garden-tokens.ts computes from the installed @zendeskgarden/react-theming. A Garden upgrade that changes
// a colour fails here until `npm run tokens` is run and the change reviewed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME, getColor } from '@zendeskgarden/react-theming';
import { gardenTokensCss, TOKENS_FILE } from '../../scripts/garden-tokens.ts';

function block(css: string, selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {\n  color-scheme:`); // the scheme blocks, not the type one
  const body = css.slice(start, css.indexOf('}', start));
  return new Map([...body.matchAll(/--e-([\w-]+): ([^;]+);/g)].map((m) => [m[1] as string, m[2] as string]));
}

describe('Garden tokens for the static first view', () => {
  it('the committed file is what Garden gives today (run `npm run tokens` after a Garden upgrade)', () => {
    expect(readFileSync(TOKENS_FILE, 'utf8')).toBe(gardenTokensCss());
  });

  it('has both schemes, each with the page colours Garden draws them with', () => {
    const css = gardenTokensCss();
    const light = block(css, ':root');
    const dark = block(css, ':root[data-color-scheme="dark"]');
    for (const [scheme, tokens] of [['light', light], ['dark', dark]] as const) {
      const theme = { ...DEFAULT_THEME, colors: { ...DEFAULT_THEME.colors, base: scheme } };
      expect(tokens.get('bg')).toBe(getColor({ theme, variable: 'background.default' }));
      expect(tokens.get('fg')).toBe(getColor({ theme, variable: 'foreground.default' }));
      expect(tokens.get('tag-blue-bg')).toBe(getColor({ theme, variable: 'background.primaryEmphasis' }));
    }
    expect([...light.keys()].sort()).toEqual([...dark.keys()].sort());
    expect(light.get('bg')).not.toBe(dark.get('bg'));
  });

  it('every colour the static stylesheet uses is defined', () => {
    const rules = readFileSync(new URL('../../src/ui/style/first-view.css', import.meta.url), 'utf8');
    const css = gardenTokensCss();
    const defined = new Set([...css.matchAll(/--e-([\w-]+):/g)].map((m) => m[1]));
    const used = new Set([...rules.matchAll(/var\(--e-([\w-]+)\)/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(10);
    for (const name of used) expect(defined, `--e-${name}`).toContain(name);
  });
});
