// Entry of the sidebar iframe: start the bundled ZAF SDK and render the location Zendesk opened us in.
// Outside Zendesk (no `origin` / `app_guid` in the URL) the SDK returns false and we say so instead of a blank page.
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import ZAFClient from 'zendesk_app_framework_sdk';
import { ZafProvider } from './ui/ZafProvider.tsx';
import { Location } from './ui/Location.tsx';
import { loadFirstView, prefetchTicket } from './ui/load-brain.ts';
import { mark } from './ui/marks.ts';
import { startShell, type Shell } from './ui/boot.ts';
import { applyColorScheme, colorSchemeFromUrl } from './ui/theme.ts';
// The page and the first view are drawn by this static stylesheet, not by Garden's runtime styles (see its header).
import './ui/style/garden-tokens.css';
import './ui/style/first-view.css';

const FIRST_RENDER_WAIT_MS = 300;

// Only ever shown when the page is opened outside Zendesk: not worth a byte of the normal first load.
const OutsideZendesk = lazy(() => import('./ui/OutsideZendesk.tsx'));

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  mark('boot');
  // The colours of the first paint: Zendesk puts its scheme in the URL (the live value follows in ZafProvider).
  applyColorScheme(colorSchemeFromUrl(window.location.href) ?? 'light');
  const client = ZAFClient.init();
  if (client) {
    // The decision code downloads and compiles while Zendesk answers the handshake (see load-brain.ts).
    loadFirstView().catch(() => undefined); // reported, and retried, by the sidebar
    // The ticket's REST calls leave as soon as Zendesk has registered the app (see load-brain.ts for the order).
    prefetchTicket(client);
    const starting = startShell(client);
    // React's first render (theme, global styles) is the longest task of the start. On a host that answers the
    // handshake and the start-up reads within FIRST_RENDER_WAIT_MS it is the panel itself, and those answers (and
    // the REST calls they start) never queue behind a render of a loading state; a slower host gets the loading
    // state painted meanwhile.
    const render = (initial?: Shell): void =>
      root.render(
        <ZafProvider client={client} starting={starting} initial={initial}>
          <Location />
        </ZafProvider>,
      );
    const waited = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), FIRST_RENDER_WAIT_MS));
    Promise.race([starting, waited]).then(render, () => render());
  } else {
    root.render(
      <Suspense fallback={null}>
        <OutsideZendesk />
      </Suspense>,
    );
  }
}
