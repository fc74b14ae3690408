// The shell around every location: waits for Zendesk's registration, loads the agent's translations, follows the
// colour scheme live, and keeps the iframe as tall as its content. Children render only once all that is known.
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { LoadingLines } from './LoadingLines.tsx';
import type { ZafClient } from '../zendesk/zaf.ts';
import { AppContext, type AppState } from './context.ts';
import { readStart, whenRegistered } from './boot.ts';
import { loadI18n, type I18n } from './i18n.ts';
import { colorSchemeFromUrl, parseColorScheme, themeFor, type ColorScheme } from './theme.ts';
import { observeHeight } from './resize.ts';
import { GlobalStyle } from './GlobalStyle.ts';
import { mark } from './marks.ts';

const StartupError = lazy(() => import('./StartupError.tsx'));

type Phase =
  | { kind: 'starting' }
  | { kind: 'ready'; app: Omit<AppState, 'colorScheme'> }
  | { kind: 'failed'; i18n: I18n; error: unknown };

export function ZafProvider(props: { client: ZafClient; children: ReactNode }): JSX.Element {
  const { client } = props;
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [scheme, setScheme] = useState<ColorScheme>(() => colorSchemeFromUrl(window.location.href) ?? 'light');
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    const onScheme = (data: unknown): void => {
      const next = parseColorScheme(data);
      if (next) setScheme(next);
    };
    client.on('colorScheme.changed', onScheme);
    (async () => {
      try {
        await whenRegistered(client);
        mark('registered');
        const start = await readStart(client);
        mark('started');
        const i18n = await loadI18n(start.locale);
        mark('translations');
        if (!live) return;
        // The page's language is the agent's (iframe.html says "en"): screen readers pronounce the text by it.
        document.documentElement.lang = i18n.locale;
        if (start.colorScheme) setScheme(start.colorScheme);
        setPhase({ kind: 'ready', app: { client, context: start.context, metadata: start.metadata, i18n } });
      } catch (error) {
        const i18n = await loadI18n(null);
        if (live) setPhase({ kind: 'failed', i18n, error });
      }
    })();
    return () => {
      live = false;
      client.off('colorScheme.changed', onScheme);
    };
  }, [client]);

  useEffect(() => {
    const el = rootRef.current;
    return el ? observeHeight(el, client) : undefined;
  }, [client]);

  let body: ReactNode;
  if (phase.kind === 'ready') {
    body = <AppContext.Provider value={{ ...phase.app, colorScheme: scheme }}>{props.children}</AppContext.Provider>;
  } else if (phase.kind === 'failed') {
    body = (
      <Suspense fallback={null}>
        <StartupError t={phase.i18n.t} error={phase.error} />
      </Suspense>
    );
  } else {
    body = (
      <LoadingLines widths={[50, 80]} padded />
    );
  }

  return (
    <ThemeProvider theme={themeFor(scheme)}>
      <GlobalStyle />
      <div ref={rootRef} data-color-scheme={scheme}>
        {body}
      </div>
    </ThemeProvider>
  );
}
