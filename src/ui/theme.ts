// Garden theme following Zendesk's colour scheme. Zendesk tells the iframe its scheme three ways: the `colorScheme`
// query parameter at load (so the first paint is already right), `client.get('colorScheme')`, and the
// `colorScheme.changed` event. All three go through `parseColorScheme`, which tolerates the shapes seen in the wild.
import { DEFAULT_THEME, type IGardenTheme } from '@zendeskgarden/react-theming';

export type ColorScheme = 'light' | 'dark';

/** 'dark' | 'light' from a string or an object carrying one (`{colorScheme}`, `{value}`, `{mode}`); else null. */
export function parseColorScheme(value: unknown): ColorScheme | null {
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    return v === 'dark' || v === 'light' ? v : null;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return parseColorScheme(o['colorScheme']) ?? parseColorScheme(o['value']) ?? parseColorScheme(o['mode']);
  }
  return null;
}

/** The scheme in the iframe URL (`?colorScheme=dark` or in the hash, as ZAF may put parameters in either). */
export function colorSchemeFromUrl(href: string): ColorScheme | null {
  try {
    const url = new URL(href);
    const hash = new URLSearchParams(url.hash.replace(/^#/, ''));
    return parseColorScheme(url.searchParams.get('colorScheme') ?? hash.get('colorScheme'));
  } catch {
    return null;
  }
}

export function themeFor(scheme: ColorScheme): IGardenTheme {
  return { ...DEFAULT_THEME, colors: { ...DEFAULT_THEME.colors, base: scheme } };
}
