// The insights page's strings: the "insights" section of translations/<locale>.json, each locale a chunk of its
// own (scripts/vite-translation-section.ts), English the fallback. Keys are full paths (`insights.rate.title`);
// `{{name}}` placeholders and `_one`/`_other` plural forms as in the sidebar's translations (src/ui/logic/i18n.ts).
type Dictionary = { [key: string]: string | Dictionary };
export type Translate = (key: string, params?: Record<string, string | number>) => string;

const sections = import.meta.glob<Dictionary>('../../translations/*.json', { query: '?section=insights', import: 'default' });

export function localesOf(paths: readonly string[]): string[] {
  return paths.map((p) => /([^/]+)\.json/.exec(p)?.[1]).filter((l): l is string => !!l).sort();
}

/** The best of `available` for Zendesk's `en-US`, `de`, `pt_BR`...: exact, else the language, else English. */
export function matchLocale(requested: string | null | undefined, available: readonly string[]): string {
  const want = (requested ?? '').trim().toLowerCase().replace(/_/g, '-');
  const exact = available.find((l) => l.toLowerCase() === want);
  if (exact) return exact;
  const language = want.split('-')[0];
  return available.find((l) => l.toLowerCase().split('-')[0] === language) ?? 'en';
}

function lookup(dict: Dictionary | undefined, key: string): string | undefined {
  let node: string | Dictionary | undefined = dict;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function translator(locale: string, dict: Dictionary | undefined, fallback: Dictionary | undefined): Translate {
  const plural = new Intl.PluralRules(locale);
  const find = (key: string) => lookup(dict, key) ?? lookup(fallback, key);
  return (key, params) => {
    const count = params?.count;
    const form = typeof count === 'number' ? (find(`${key}_${plural.select(count)}`) ?? find(`${key}_other`)) : undefined;
    const text = form ?? find(key);
    if (text === undefined) return key;
    return params ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_w, name: string) => (name in params ? String(params[name]) : '')) : text;
  };
}

async function section(locale: string): Promise<Dictionary | undefined> {
  const load = sections[`../../translations/${locale}.json`];
  return load ? { insights: await load() } : undefined;
}

export async function loadTranslations(requested: string | null | undefined): Promise<{ locale: string; t: Translate }> {
  const locale = matchLocale(requested, localesOf(Object.keys(sections)));
  const [dict, fallback] = await Promise.all([section(locale), locale === 'en' ? Promise.resolve(undefined) : section('en')]);
  return { locale, t: translator(locale, dict, fallback ?? dict) };
}
