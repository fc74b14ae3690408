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

// How long the first render may wait for the first view to be decided before a loading state is painted instead.
const FIRST_RENDER_WAIT_MS = 1000;

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
    // The ticket's REST calls leave as soon as Zendesk has registered the app, and the ticket is classified as soon
    // as they, the decision code and the settings are in (see load-brain.ts).
    const ticket = prefetchTicket(client);
    // The shell's start-up reads leave after those calls: the host answers messages in turn, and the REST answers are
    // the ones the suggestions wait for.
    const starting = startShell(client, ticket.requested);
    // The decision code (preloaded by iframe.html) runs while Zendesk answers the handshake.
    loadFirstView().catch(() => undefined); // reported, and retried, by the sidebar
    let shell: Shell | undefined;
    starting.then((s) => (shell = s), () => undefined);
    // One render, of the first view itself, once it is decided: every React render and paint before it (a loading
    // state, the headline alone, the panel without its ticket) is main-thread time the suggestions wait for on a
    // slow machine. A host slower than FIRST_RENDER_WAIT_MS gets the loading state painted meanwhile.
    const render = (): void =>
      root.render(
        <ZafProvider client={client} starting={starting} initial={shell}>
          <Location />
        </ZafProvider>,
      );
    const waited = new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));
    void Promise.race([Promise.allSettled([starting, ticket.decided]), waited]).then(render);
  } else {
    root.render(
      <Suspense fallback={null}>
        <OutsideZendesk />
      </Suspense>,
    );
  }
}
