// The reference page for `time_to_first_paint_ms`: the least a Garden sidebar can be (React 18, Garden's
// ThemeProvider, one Paragraph and one Button), built by the same Vite as the app. Not shipped.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ThemeProvider, DEFAULT_THEME } from '@zendeskgarden/react-theming';
import { Button } from '@zendeskgarden/react-buttons';
import { Paragraph } from '@zendeskgarden/react-typography';

function Baseline() {
  return (
    <div data-bench="baseline-ready" style={{ padding: 16 }}>
      <Paragraph>Suggested team: Distribution</Paragraph>
      <Button isPrimary>File request for help</Button>
    </div>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ThemeProvider theme={DEFAULT_THEME}>
        <Baseline />
      </ThemeProvider>
    </StrictMode>,
  );
}
