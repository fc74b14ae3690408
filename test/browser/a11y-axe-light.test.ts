// No serious or critical axe-core problems in the panel in light mode (agents read it in both schemes): see a11y-axe-suite.ts.
// Needs `npm run build` first (npm test does it).
import { axeSuite } from './a11y-axe-suite.ts';

axeSuite('light');
