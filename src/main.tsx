// Entry of the sidebar iframe: start the bundled ZAF SDK and the panel's session, and render the location Zendesk
// opened us in. Outside Zendesk (no `origin` / `app_guid` in the URL) the SDK returns false and we say so instead of
// a blank page.
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import ZAFClient from 'zendesk_app_framework_sdk';
import { ZafProvider } from './ui/shell/ZafProvider.tsx';
import { Location } from './ui/panel/Location.tsx';
import { mark } from './ui/start/marks.ts';
import { startSession } from './ui/start/session.ts';
import { applyColorScheme, colorSchemeFromUrl } from './ui/logic/theme.ts';
// The page and the first view are drawn by this static stylesheet, not by Garden's runtime styles (see its header).
import './ui/style/garden-tokens.css';
import './ui/style/first-view.css';

// How long the first render may wait for the first view to be decided before a loading state is painted instead.
const FIRST_RENDER_WAIT_MS = 1000;

// Only ever shown when the page is opened outside Zendesk: not worth a byte of the normal first load.
const OutsideZendesk = lazy(() => import('./ui/shell/OutsideZendesk.tsx'));

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  mark('boot');
  // The colours of the first paint: Zendesk puts its scheme in the URL (the live value follows in ZafProvider).
  applyColorScheme(colorSchemeFromUrl(window.location.href) ?? 'light');
  const client = ZAFClient.init();
  if (client) {
    const session = startSession(client);
    // One render, of the first view itself, once it is decided: every render and paint before it is main-thread
    // time the suggestions wait for on a slow machine. A host slower than FIRST_RENDER_WAIT_MS gets the loading
    // state painted meanwhile.
    const render = (): void =>
      root.render(
        <ZafProvider session={session}>
          <Location />
        </ZafProvider>,
      );
    const waited = new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));
    void Promise.race([Promise.allSettled([session.shell.promise, session.ticket.promise]), waited]).then(render);
  } else {
    root.render(
      <Suspense fallback={null}>
        <OutsideZendesk />
      </Suspense>,
    );
  }
}
