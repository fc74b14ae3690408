// The English `ui` strings only the lazily loaded parts read (the work area, the issue card, the alerts: the subtrees
// LATE_UI_SUBTREES in scripts/vite-translation-section.ts), added to the English dictionary when the first of those
// parts loads. Importing this module is enough: each such part imports it before it renders anything. Other locales
// load their whole `ui` section at start (i18n.ts), so only English, which is in the entry, is split.
import late from '../../../translations/en.json?section=ui&part=late';
import { addEnglishUiStrings } from './i18n.ts';

addEnglishUiStrings(late);
