// Translations: `translations/<locale>.json` (Zendesk's format: nested objects of strings). The UI reads only the
// `ui` section (keys are full paths such as `ui.panel.label`); the bundler drops the marketplace `app` section.
// English, the default and every other locale's fallback, is in the initial bundle: fetching it after Zendesk has
// named the agent's locale would put a round trip in front of the first paint. Every other locale is a small lazy
// chunk (import.meta.glob), fetched only by the agents who need it.
// The part of the English `ui` strings the first paint and the shell read; the rest (the work area's, the issue
// card's, the alerts') comes with the lazy parts that read it (late-i18n.ts, scripts/vite-translation-section.ts).
import englishFirst from '../../../translations/en.json?section=ui&part=first';
import { createTranslator, FALLBACK_LOCALE, type Dictionary, type Translate } from '../../core/translate.ts';

// The pure part (lookup, placeholders, plurals) lives in core/translate.ts, where the core renders its own messages
// in English from the same catalogue; re-exported so the UI keeps one import.
export { createTranslator, FALLBACK_LOCALE, interpolate, type Dictionary, type Translate, type TranslateParams } from '../../core/translate.ts';

export interface I18n {
  /** The locale actually loaded, e.g. `de` (the agent's `currentUser.locale` when we have it, else `en`). */
  locale: string;
  t: Translate;
}

const ENGLISH_PATH = `../../../translations/${FALLBACK_LOCALE}.json`;
/** The English `ui` dictionary every translator falls back to: the late strings are added to this very object. */
const englishUi: Dictionary = { ...englishFirst };

/** Add English `ui` subtrees loaded with a lazy part (late-i18n.ts): every translator made so far sees them. */
export function addEnglishUiStrings(part: Dictionary): void {
  Object.assign(englishUi, part);
}
const lazyLoaders = import.meta.glob<Dictionary>(['../../../translations/*.json', '!../../../translations/en.json'], { import: 'ui' });
const loaders: Record<string, () => Promise<Dictionary>> = {
  ...lazyLoaders,
  [ENGLISH_PATH]: () => Promise.resolve(englishUi),
};

/** Locales with a translation file, from the file names (e.g. `['de', 'en']`). */
export function availableLocales(): string[] {
  return Object.keys(loaders)
    .map((path) => /([^/]+)\.json$/.exec(path)?.[1])
    .filter((l): l is string => Boolean(l))
    .sort();
}

/**
 * The best available locale for what Zendesk reports (`en-US`, `pt-BR`, `de`...): the exact locale, else its
 * language, else the fallback. Case-insensitive, `_` treated as `-`.
 */
export function matchLocale(requested: string | null | undefined, available: readonly string[]): string {
  if (!requested) return FALLBACK_LOCALE;
  const want = requested.trim().toLowerCase().replace(/_/g, '-');
  const byLower = new Map(available.map((l) => [l.toLowerCase(), l]));
  const exact = byLower.get(want);
  if (exact) return exact;
  const language = want.split('-')[0] ?? '';
  const lang = byLower.get(language);
  if (lang) return lang;
  const sameLanguage = available.find((l) => l.toLowerCase().split('-')[0] === language);
  return sameLanguage ?? FALLBACK_LOCALE;
}

async function loadDictionary(locale: string): Promise<Dictionary | undefined> {
  const load = loaders[`../../../translations/${locale}.json`];
  if (!load) return undefined;
  const ui = await load();
  return typeof ui === 'object' && ui !== null ? { ui } : undefined;
}

/** Load the UI strings for the agent's locale (and English for missing keys). Never rejects for a missing locale. */
export async function loadI18n(requested: string | null | undefined): Promise<I18n> {
  const locale = matchLocale(requested, availableLocales());
  const [dict, fallback] = await Promise.all([
    loadDictionary(locale),
    locale === FALLBACK_LOCALE ? Promise.resolve(undefined) : loadDictionary(FALLBACK_LOCALE),
  ]);
  return { locale, t: createTranslator(locale, dict, fallback ?? dict) };
}
