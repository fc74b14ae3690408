// Entry of the insights page (manifest `support.nav_bar`, assets/insights.html): its own bundle, so the ticket
// sidebar loads none of this. Starts the bundled ZAF SDK, reads the agent's language, the colour scheme and the
// app's settings, then renders the page; it follows the colour scheme live.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import ZAFClient from 'zendesk_app_framework_sdk';
import { parseSettings } from '../core/settings.ts';
import { buildCatalogue } from '../core/teams.ts';
import type { ZafClient } from '../zaf/client.ts';
import { applyColorScheme, colorSchemeFromUrl, parseColorScheme, type ColorScheme } from '../ui/logic/theme.ts';
import { loadTranslations } from './i18n.ts';
import { InsightsApp, type InsightsStart } from './InsightsApp.tsx';

async function begin(client: ZafClient): Promise<{ start: InsightsStart; scheme: ColorScheme }> {
  const [metadata, context, got] = await Promise.all([client.metadata(), client.context(), client.get(['currentUser.locale', 'colorScheme'])]);
  const { locale, t } = await loadTranslations(typeof got['currentUser.locale'] === 'string' ? got['currentUser.locale'] : null);
  const { settings } = parseSettings(metadata.settings);
  const { teams } = buildCatalogue(settings.routingOverrides);
  document.documentElement.lang = locale;
  const scheme = parseColorScheme(got.colorScheme) ?? colorSchemeFromUrl(window.location.href) ?? 'light';
  return { start: { client, settings, teams, subdomain: context.account.subdomain, locale, t }, scheme };
}

function Root(props: { client: ZafClient }): JSX.Element | null {
  const { client } = props;
  const [started, setStarted] = useState<{ start: InsightsStart; scheme: ColorScheme } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [scheme, setScheme] = useState<ColorScheme | null>(null);
  useEffect(() => {
    begin(client).then(setStarted, (e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
    const onScheme = (data: unknown): void => {
      const next = parseColorScheme(data);
      if (next) setScheme(next);
    };
    client.on('colorScheme.changed', onScheme);
    return () => client.off('colorScheme.changed', onScheme);
  }, [client]);
  const current = scheme ?? started?.scheme ?? null;
  useEffect(() => {
    if (current) applyColorScheme(current);
  }, [current]);
  // Before the agent's language is known there is nothing translated to say; Zendesk shows its own loading bar.
  if (failed) return <p role="alert">Engage insights could not start: {failed}</p>;
  if (!started || !current) return null;
  return <InsightsApp start={started.start} scheme={current} />;
}

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  applyColorScheme(colorSchemeFromUrl(window.location.href) ?? 'light');
  const client = ZAFClient.init();
  root.render(
    client ? (
      <StrictMode>
        <Root client={client} />
      </StrictMode>
    ) : (
      <p>Engage insights runs inside Zendesk Support (its nav bar). Open it there, or run the preview: npm start -- --history, then /insights.</p>
    ),
  );
}
