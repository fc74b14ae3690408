// Entry of the sidebar iframe: start the bundled ZAF SDK and render the location Zendesk opened us in.
// Outside Zendesk (no `origin` / `app_guid` in the URL) the SDK returns false and we say so instead of a blank page.
import { createRoot } from 'react-dom/client';
import ZAFClient from 'zendesk_app_framework_sdk';
import { ZafProvider } from './ui/ZafProvider.tsx';
import { Location } from './ui/Location.tsx';
import { OutsideZendesk } from './ui/OutsideZendesk.tsx';

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  const client = ZAFClient.init();
  if (client) {
    root.render(
      <ZafProvider client={client}>
        <Location />
      </ZafProvider>,
    );
  } else {
    root.render(<OutsideZendesk />);
  }
}
