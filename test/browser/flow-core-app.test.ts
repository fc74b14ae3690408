// The whole sidebar flow for a Core Application (code-host sync, priority raised with the mouse) fixture ticket: see flow-team-case.ts.
// Needs `npm run build` first (npm test does it).
import { CASES, teamFlowTest } from './flow-team-case.ts';

teamFlowTest('suggests Core Application (p2), gates on the checklist, takes an override, files once and links back', CASES.coreApp);
