// A translation section loaded lazily: one top-level section of translations/<locale>.json (`?section=<name>`,
// scripts/vite-translation-section.ts) as a module of its own, so that strings only a lazy part of the panel reads
// go into that part's chunk instead of into every first load. The English `ui` section is in the entry (i18n.ts).
import type { Dictionary, Translate } from './i18n.ts';

/** `import.meta.glob` over translations/*.json with the section's query (a static string, so each section has one). */
export type SectionLoaders = Record<string, () => Promise<Dictionary>>;

function lookup(dict: Dictionary | undefined, key: string): string | undefined {
  let node: string | Dictionary | undefined = dict;
  for (const part of key.split('.')) node = node === undefined || typeof node === 'string' ? undefined : node[part];
  return typeof node === 'string' ? node : undefined;
}

/**
 * A translator for `<section>.*` keys (written without the prefix), in `locale` with English behind it. Plurals as
 * i18n.ts does them: a `count` parameter picks `<key>_one` or `<key>_other` when the plain key is absent.
 */
export async function loadSectionStrings(section: string, loaders: SectionLoaders, locale: string): Promise<Translate> {
  const load = (loc: string): Promise<Dictionary | undefined> => {
    const entry = Object.entries(loaders).find(([path]) => path.replace(/\?.*$/, '').endsWith(`/${loc}.json`));
    return entry ? entry[1]().catch(() => undefined) : Promise.resolve(undefined);
  };
  const [own, english] = await Promise.all([load(locale), locale === 'en' ? undefined : load('en')]);
  const plural = (locale === 'en' ? new Intl.PluralRules('en') : safePluralRules(locale));
  return (key, params) => {
    const count = params?.count;
    const forms = typeof count === 'number' ? [key, `${key}_${plural.select(count)}`, `${key}_other`] : [key];
    let found: string | undefined;
    for (const k of forms) {
      found = lookup(own, k) ?? lookup(english, k);
      if (found !== undefined) break;
    }
    if (found === undefined) return `${section}.${key}`;
    return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => (params && name in params ? String(params[name]) : ''));
  };
}

function safePluralRules(locale: string): Intl.PluralRules {
  try {
    return new Intl.PluralRules(locale);
  } catch {
    return new Intl.PluralRules('en');
  }
}
