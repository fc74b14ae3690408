// The whole sidebar flow for a Search core (an owned alert, team changed with the keyboard) fixture ticket: see flow-team-case.ts.
// Needs `npm run build` first (npm test does it).
import { CASES, teamFlowTest } from './flow-team-case.ts';

teamFlowTest('suggests Search core (p2), gates on the checklist, takes an override, files once and links back', CASES.search);
