// Zendesk's colour scheme. Zendesk tells the iframe its scheme three ways: the `colorScheme` query parameter at load
// (so the first paint is already right), `client.get('colorScheme')`, and the `colorScheme.changed` event. All three
// go through `parseColorScheme`, which tolerates the shapes seen in the wild. The page shows it as
// `<html data-color-scheme>` (style/garden-tokens.css switches the static colours on it), and GardenTheme.tsx turns
// it into Garden's theme. No Garden here: this is part of the first chunk.

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

/** Show the scheme on the page: the static stylesheet's colours follow `<html data-color-scheme>`. */
export function applyColorScheme(scheme: ColorScheme): void {
  document.documentElement.dataset['colorScheme'] = scheme;
}
