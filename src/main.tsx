// Entry of the sidebar iframe: start the bundled ZAF SDK and render the location Zendesk opened us in.
// Outside Zendesk (no `origin` / `app_guid` in the URL) the SDK returns false and we say so instead of a blank page.
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import ZAFClient from 'zendesk_app_framework_sdk';
import { ZafProvider } from './ui/ZafProvider.tsx';
import { Location } from './ui/Location.tsx';
import { prefetchTicket } from './ui/load-brain.ts';
import { mark } from './ui/marks.ts';
import { whenRegistered } from './ui/boot.ts';

const FIRST_RENDER_WAIT_MS = 150;

// Only ever shown when the page is opened outside Zendesk: not worth a byte of the normal first load.
const OutsideZendesk = lazy(() => import('./ui/OutsideZendesk.tsx'));

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  mark('boot');
  const client = ZAFClient.init();
  if (client) {
    // The ticket's REST calls leave as soon as Zendesk has registered the app (see load-brain.ts for the order).
    prefetchTicket(client);
    // React's first render (theme, global styles) is the longest task of the start: run it once Zendesk's answer to
    // the handshake is in, so that answer, and the REST calls it starts, do not queue behind it. A host slower than
    // FIRST_RENDER_WAIT_MS to answer gets the loading state painted meanwhile.
    const render = (): void =>
      root.render(
        <ZafProvider client={client}>
          <Location />
        </ZafProvider>,
      );
    Promise.race([whenRegistered(client), new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]).then(render, render);
  } else {
    root.render(
      <Suspense fallback={null}>
        <OutsideZendesk />
      </Suspense>,
    );
  }
}
