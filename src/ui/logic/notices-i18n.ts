// The notices' strings: the `notices` section of translations/<locale>.json, loaded with the notices instead of with
// the first paint. English `ui` strings are in the initial bundle (i18n.ts); these are rare and would cost every
// opening. `?section=notices` (scripts/vite-translation-section.ts) makes that one section a module of its own, so
// only its strings go into the notices' own small chunks.
import type { Dictionary, Translate } from './i18n.ts';

const loaders = import.meta.glob<Dictionary>('../../../translations/*.json', { import: 'default', query: '?section=notices' });

function load(locale: string): Promise<Dictionary | undefined> {
  const entry = Object.entries(loaders).find(([path]) => path.replace(/\?.*$/, '').endsWith(`/${locale}.json`));
  return entry ? entry[1]().catch(() => undefined) : Promise.resolve(undefined);
}

function lookup(dict: Dictionary | undefined, key: string): string | undefined {
  let node: string | Dictionary | undefined = dict;
  for (const part of key.split('.')) node = node === undefined || typeof node === 'string' ? undefined : node[part];
  return typeof node === 'string' ? node : undefined;
}

/** A translator for `notices.*` keys (written without the prefix), in `locale` with English behind it. */
export async function loadNoticeStrings(locale: string): Promise<Translate> {
  const [own, english] = await Promise.all([load(locale), locale === 'en' ? undefined : load('en')]);
  return (key, params) => {
    const found = lookup(own, key) ?? lookup(english, key);
    if (found === undefined) return `notices.${key}`;
    return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => (params && name in params ? String(params[name]) : ''));
  };
}
