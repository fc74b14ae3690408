// The `deferred` section of translations/<locale>.json: strings the panel shows only after its first paint (the
// checklist hints' summaries, what is wrong with a setting). They would cost every opening in the entry, so each
// locale's section is a small module of its own (`?section=deferred`, scripts/vite-translation-section.ts); English,
// every locale's fallback, comes with the parts of the panel that read it.
import englishDeferred from '../../../translations/en.json?section=deferred';
import { createTranslator, FALLBACK_LOCALE, type Dictionary, type Translate } from '../../core/translate.ts';

const loaders = import.meta.glob<Dictionary>(['../../../translations/*.json', '!../../../translations/en.json'], {
  import: 'default',
  query: '?section=deferred',
});

/** A locale's `deferred` strings; undefined for English (already here) or a locale without a file. */
export function loadDeferred(locale: string): Promise<Dictionary | undefined> {
  if (locale === FALLBACK_LOCALE) return Promise.resolve(undefined);
  const entry = Object.entries(loaders).find(([path]) => path.replace(/\?.*$/, '').endsWith(`/${locale}.json`));
  return entry ? entry[1]().catch(() => undefined) : Promise.resolve(undefined);
}

/** `t` for every key, with `deferred.*` keys read from the locale's section (`own`) and English behind it. */
export function withDeferred(t: Translate, locale: string, own: Dictionary | undefined): Translate {
  const deferred = createTranslator(locale, own ? { deferred: own } : undefined, { deferred: englishDeferred as Dictionary });
  return (key, params) => (key.startsWith('deferred.') ? deferred(key, params) : t(key, params));
}
