// The whole sidebar flow for a Distribution (an outage, priority lowered with the keyboard) fixture ticket: see flow-team-case.ts.
// Needs `npm run build` first (npm test does it).
import { CASES, teamFlowTest } from './flow-team-case.ts';

teamFlowTest('suggests Distribution (p0), gates on the checklist, takes an override, files once and links back', CASES.distribution);
