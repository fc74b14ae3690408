// The whole sidebar flow (issue 5 §8) for a Distribution (an outage, priority lowered with the keyboard) fixture ticket: see flow-team-case.ts.
// Needs `npm run build` first (npm test does it).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { control, type Harness } from './harness.ts';
import { CASES, runTeamFlow } from './flow-team-case.ts';
import { startFlowHarness } from './flow-steps.ts';

let h: Harness;

beforeAll(async () => {
  h = await startFlowHarness();
  await control(h, 'POST', '/__reset', {});
});

afterAll(async () => {
  await h?.close();
});

it('suggests Distribution (p0), gates on the checklist, takes an override, files once and links back', async () => {
  await runTeamFlow(h, CASES.distribution);
  expect(h.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
});
