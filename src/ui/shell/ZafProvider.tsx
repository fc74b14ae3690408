// The shell around every location: renders nothing but a loading state until Zendesk has registered the app and
// the agent's translations are in (the session's `shell` slice), then hands the session down. It follows the
// colour scheme live (on the page, where the static stylesheet and GardenTheme.tsx read it) and keeps the iframe as
// tall as its content.
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { LoadingLines } from './LoadingLines.tsx';
import { AppContext } from '../hooks/context.ts';
import { useSlice } from '../hooks/useApp.ts';
import type { Session } from '../start/session.ts';
import { loadI18n, type I18n } from '../logic/i18n.ts';
import { applyColorScheme, colorSchemeFromUrl, parseColorScheme, type ColorScheme } from '../logic/theme.ts';
import { observeHeight } from './resize.ts';

const StartupError = lazy(() => import('./StartupError.tsx'));

export function ZafProvider(props: { session: Session; children: ReactNode }): JSX.Element {
  const { session } = props;
  const { client } = session;
  const shell = useSlice(session.shell);
  const started = shell.state === 'ready' ? shell.value.start : null;
  const [liveScheme, setLiveScheme] = useState<ColorScheme | null>(null);
  const scheme = liveScheme ?? started?.colorScheme ?? colorSchemeFromUrl(window.location.href) ?? 'light';
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onScheme = (data: unknown): void => {
      const next = parseColorScheme(data);
      if (next) setLiveScheme(next);
    };
    client.on('colorScheme.changed', onScheme);
    return () => client.off('colorScheme.changed', onScheme);
  }, [client]);

  // A failed start-up is explained in the default language: the agent's own could not be read.
  const [fallbackI18n, setFallbackI18n] = useState<I18n | null>(null);
  const failed = shell.state === 'failed';
  useEffect(() => {
    if (!failed) return undefined;
    let live = true;
    void loadI18n(null).then((i18n) => live && setFallbackI18n(i18n));
    return () => {
      live = false;
    };
  }, [failed]);

  // The page's language is the agent's (iframe.html says "en"): screen readers pronounce the text by it.
  const locale = shell.state === 'ready' ? shell.value.i18n.locale : null;
  useEffect(() => {
    if (locale) document.documentElement.lang = locale;
  }, [locale]);

  // The static stylesheet's colours follow the page's attribute; set before the browser paints this scheme.
  useLayoutEffect(() => applyColorScheme(scheme), [scheme]);

  useEffect(() => {
    const el = rootRef.current;
    return el ? observeHeight(el, client) : undefined;
  }, [client]);

  let body: ReactNode;
  if (shell.state === 'ready') {
    const { start, i18n } = shell.value;
    const app = { session, context: start.context, i18n, colorScheme: scheme };
    body = <AppContext.Provider value={app}>{props.children}</AppContext.Provider>;
  } else if (shell.state === 'failed' && fallbackI18n) {
    body = (
      <Suspense fallback={null}>
        <StartupError t={fallbackI18n.t} error={shell.error} />
      </Suspense>
    );
  } else {
    body = <LoadingLines widths={[50, 80]} padded />;
  }

  return (
    <div ref={rootRef} data-color-scheme={scheme}>
      {body}
    </div>
  );
}
