// Looking up and filling in translated strings: pure, so that the core can render its own messages in English (the
// GitHub issue, the CLI) from the same catalogue the sidebar translates with (ui/logic/i18n.ts loads the files).
// Catalogues are Zendesk's format: nested objects of strings, keys are full paths such as `ui.file.button`.

export type Dictionary = { [key: string]: string | Dictionary };
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: string, params?: TranslateParams) => string;

export const FALLBACK_LOCALE = 'en';

export function lookup(dict: Dictionary | undefined, key: string): string | undefined {
  let node: string | Dictionary | undefined = dict;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * `{{name}}` placeholders, as Zendesk's own translation files write them. A placeholder without a value becomes
 * empty (an error may not know every detail its message can mention); without params the text is returned as is.
 */
export function interpolate(template: string, params: TranslateParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : '',
  );
}

/**
 * A translate function over a locale's catalogue (keys are full paths, `ui.…`) with English as the fallback. With a
 * numeric `count` parameter, `<key>_one` / `<key>_other` (CLDR plural categories of the locale) are tried before `<key>`.
 * A key missing everywhere returns the key itself, so a gap is visible but never crashes the panel.
 */
export function createTranslator(locale: string, dict: Dictionary | undefined, fallback: Dictionary | undefined): Translate {
  let plural: Intl.PluralRules | null = null;
  try {
    plural = new Intl.PluralRules(locale);
  } catch {
    plural = new Intl.PluralRules(FALLBACK_LOCALE);
  }
  const find = (key: string): string | undefined => lookup(dict, key) ?? lookup(fallback, key);
  return (key, params) => {
    const count = params?.count;
    if (typeof count === 'number' && plural) {
      const form = find(`${key}_${plural.select(count)}`) ?? find(`${key}_other`);
      if (form !== undefined) return interpolate(form, params);
    }
    const found = find(key);
    return found === undefined ? key : interpolate(found, params);
  };
}
