// Duplicates drill 3/3: 20 retries after a timed-out create. The create's answer comes after the client's 20 s
// timeout (the page clock is moved past it; the server still creates the issue), the agent sees "no connection" and
// clicks Retry. The retry must find the issue instead of creating another → 20 issues, 0 duplicates.
import { expect, it } from 'vitest';
import type { DrillEnv } from '../support/drill-env.ts';
import { clickRetry, duplicateDrillTickets, duplicatesDrill, fileWithClock } from '../support/drill-scenario.ts';
import { pumpClockUntil } from '../support/panel.ts';

let env: DrillEnv;
const ids = duplicateDrillTickets(990400, (started) => (env = started));

it(`${ids.length} retries after a timed-out create → ${ids.length} issues, none twice`, async () => {
  const issueCount = async (id: number) => (await env.control.issuesForTicket(id)).length;
  await duplicatesDrill(env, ids, { label: 'timeout', createDelayMs: 1_500 }, async (page, id) => {
    const app = await fileWithClock(env, page, id);
    // Past the client timeout while the server still holds the answer.
    await page.clock.fastForward(21_000);
    const alert = app.getByTestId('filing-error');
    await alert.waitFor();
    expect(await alert.getAttribute('data-error-code')).toBe('network_down');
    await expect.poll(() => issueCount(id), { timeout: 10_000 }).toBe(1);
    await clickRetry(app);
    await pumpClockUntil(page, async () => (await app.getByTestId('filed-issue-link').count()) > 0, { stepMs: 3_000 });
    expect(await issueCount(id)).toBe(1);
  });
}, 600_000);
