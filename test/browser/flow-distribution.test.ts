// The whole sidebar flow (issue 5 §8) for a Distribution (an outage, priority lowered with the keyboard) fixture ticket: see flow-team-case.ts.
// Needs `npm run build` first (npm test does it).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { control, startHarness, type Harness } from './harness.ts';
import { CASES, runTeamFlow } from './flow-team-case.ts';

let h: Harness;

beforeAll(async () => {
  if (!existsSync('dist/assets/iframe.html')) throw new Error('dist/ is not built: run `npm run build` (npm test does) before the browser tests');
  // Explicit settings: a developer's engage.settings.json must not change what the tests see.
  h = await startHarness({ settings: { settings: {}, secure: {} } });
  await control(h, 'POST', '/__reset', {});
});

afterAll(async () => {
  await h?.close();
});

it('suggests Distribution (p0), gates on the checklist, takes an override, files once and links back', async () => {
  await runTeamFlow(h, CASES.distribution);
  expect(h.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
});
