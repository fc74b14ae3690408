// The linking strings (translations' `links` section), loaded with the parts that show them; null until they came.
import { useEffect, useState } from 'react';
import type { Translate } from '../logic/i18n.ts';
import { loadLinkStrings } from '../logic/links-i18n.ts';

export function useLinkStrings(locale: string): Translate | null {
  const [strings, setStrings] = useState<Translate | null>(null);
  useEffect(() => {
    let live = true;
    void loadLinkStrings(locale).then((s) => live && setStrings(() => s));
    return () => {
      live = false;
    };
  }, [locale]);
  return strings;
}
