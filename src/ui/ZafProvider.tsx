// The shell around every location: waits for Zendesk's registration, loads the agent's translations, follows the
// colour scheme live (shown on the page, where the static stylesheet and GardenTheme.tsx read it), and keeps the
// iframe as tall as its content. Children render only once all that is known.
// main.tsx usually hands it the start-up already under way (`starting`), or already done (`initial`).
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { LoadingLines } from './LoadingLines.tsx';
import type { ZafClient } from '../zendesk/zaf.ts';
import { AppContext, type AppState } from './context.ts';
import { startShell, type Shell } from './boot.ts';
import { loadI18n, type I18n } from './i18n.ts';
import { applyColorScheme, colorSchemeFromUrl, parseColorScheme, type ColorScheme } from './theme.ts';
import { observeHeight } from './resize.ts';

const StartupError = lazy(() => import('./StartupError.tsx'));

type Phase =
  | { kind: 'starting' }
  | { kind: 'ready'; app: Omit<AppState, 'colorScheme'> }
  | { kind: 'failed'; i18n: I18n; error: unknown };

function readyPhase(client: ZafClient, shell: Shell): Phase {
  return { kind: 'ready', app: { client, context: shell.start.context, metadata: shell.start.metadata, i18n: shell.i18n } };
}

export function ZafProvider(props: {
  client: ZafClient;
  /** The start-up under way (startShell); started here when absent. */
  starting?: Promise<Shell>;
  /** The start-up already done: the first render is the app itself. */
  initial?: Shell;
  children: ReactNode;
}): JSX.Element {
  const { client, initial } = props;
  const [phase, setPhase] = useState<Phase>(() => (initial ? readyPhase(client, initial) : { kind: 'starting' }));
  const [scheme, setScheme] = useState<ColorScheme>(
    () => initial?.start.colorScheme ?? colorSchemeFromUrl(window.location.href) ?? 'light',
  );
  const startingRef = useRef(props.starting);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    const onScheme = (data: unknown): void => {
      const next = parseColorScheme(data);
      if (next) setScheme(next);
    };
    client.on('colorScheme.changed', onScheme);
    if (!initial) {
      (async () => {
        try {
          const shell = await (startingRef.current ?? startShell(client));
          if (!live) return;
          if (shell.start.colorScheme) setScheme(shell.start.colorScheme);
          setPhase(readyPhase(client, shell));
        } catch (error) {
          const i18n = await loadI18n(null);
          if (live) setPhase({ kind: 'failed', i18n, error });
        }
      })();
    }
    return () => {
      live = false;
      client.off('colorScheme.changed', onScheme);
    };
    // `initial` is only read on the first render; the start-up runs once per client.
  }, [client]);

  // The page's language is the agent's (iframe.html says "en"): screen readers pronounce the text by it.
  const locale = phase.kind === 'ready' ? phase.app.i18n.locale : null;
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
  if (phase.kind === 'ready') {
    body = <AppContext.Provider value={{ ...phase.app, colorScheme: scheme }}>{props.children}</AppContext.Provider>;
  } else if (phase.kind === 'failed') {
    body = (
      <Suspense fallback={null}>
        <StartupError t={phase.i18n.t} error={phase.error} />
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
