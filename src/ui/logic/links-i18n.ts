// The strings of linking (similar issues, add to an existing issue, several links, unlink, promote to public): the
// `links` section of translations/<locale>.json, loaded with the parts that show them (section-i18n.ts).
import type { Dictionary, Translate } from './i18n.ts';
import { loadSectionStrings } from './section-i18n.ts';

const loaders = import.meta.glob<Dictionary>('../../../translations/*.json', { import: 'default', query: '?section=links' });

/** A translator for `links.*` keys (written without the prefix), in `locale` with English behind it. */
export function loadLinkStrings(locale: string): Promise<Translate> {
  return loadSectionStrings('links', loaders, locale);
}
