// Entry of the sidebar iframe: start the bundled ZAF SDK and render the location Zendesk opened us in.
// Outside Zendesk (no `origin` / `app_guid` in the URL) the SDK returns false and we say so instead of a blank page.
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import ZAFClient from 'zendesk_app_framework_sdk';
import { ZafProvider } from './ui/ZafProvider.tsx';
import { Location } from './ui/Location.tsx';
import { preloadFirstView } from './ui/load-brain.ts';

// Only ever shown when the page is opened outside Zendesk: not worth a byte of the normal first load.
const OutsideZendesk = lazy(() => import('./ui/OutsideZendesk.tsx'));

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  const client = ZAFClient.init();
  if (client) {
    // The suggestions' code downloads while Zendesk registers the app, not after.
    preloadFirstView();
    root.render(
      <ZafProvider client={client}>
        <Location />
      </ZafProvider>,
    );
  } else {
    root.render(
      <Suspense fallback={null}>
        <OutsideZendesk />
      </Suspense>,
    );
  }
}
