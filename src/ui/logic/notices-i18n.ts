// The notices' strings: the `notices` section of translations/<locale>.json, loaded with the notices instead of with
// the first paint (section-i18n.ts). English `ui` strings are in the initial bundle (i18n.ts); these are rare and
// would cost every opening.
import type { Dictionary, Translate } from './i18n.ts';
import { loadSectionStrings } from './section-i18n.ts';

const loaders = import.meta.glob<Dictionary>('../../../translations/*.json', { import: 'default', query: '?section=notices' });

/** A translator for `notices.*` keys (written without the prefix), in `locale` with English behind it. */
export function loadNoticeStrings(locale: string): Promise<Translate> {
  return loadSectionStrings('notices', loaders, locale);
}
