// The panel's translator completed with the `deferred` strings (logic/deferred-i18n.ts) in the agent's language:
// at once in English, after the locale's small section has arrived otherwise (null until then, so that a German
// agent never reads English for a moment).
import { useContext, useEffect, useMemo, useState } from 'react';
import { FALLBACK_LOCALE, type Dictionary, type Translate } from '../../core/translate.ts';
import { loadDeferred, withDeferred } from '../logic/deferred-i18n.ts';
// The context itself rather than useApp (as Notices does): the entry's hook module imported from a lazy chunk moved
// React out of the entry.
import { AppContext } from './context.ts';

export function useDeferredStrings(t: Translate): Translate | null {
  // Outside the app (a component rendered on its own) the panel speaks English.
  const locale = useContext(AppContext)?.i18n.locale ?? FALLBACK_LOCALE;
  const [loaded, setLoaded] = useState<{ locale: string; strings: Dictionary | undefined } | null>(null);
  useEffect(() => {
    if (locale === FALLBACK_LOCALE) return;
    let live = true;
    void loadDeferred(locale).then((strings) => live && setLoaded({ locale, strings }));
    return () => {
      live = false;
    };
  }, [locale]);
  return useMemo(() => {
    if (locale === FALLBACK_LOCALE) return withDeferred(t, locale, undefined);
    return loaded?.locale === locale ? withDeferred(t, locale, loaded.strings) : null;
  }, [t, locale, loaded]);
}
