// No serious or critical axe-core problems in the panel in dark mode (Zendesk's dark theme is a user setting): see a11y-axe-suite.ts.
// Needs `npm run build` first (npm test does it).
import { axeSuite } from './a11y-axe-suite.ts';

axeSuite('dark');
