// Duplicates drill 2/3: 20 reloads in the middle of filing. The create is slowed down; the agent reloads the ticket
// while it is in flight (the server still creates the issue), then clicks File again on the restored draft.
// The app must wait for the earlier attempt and find its issue → 20 issues, 0 duplicates.
import { expect, it } from 'vitest';
import type { DrillEnv } from '../support/drill-env.ts';
import { duplicateDrillTickets, duplicatesDrill, fileWithClock } from '../support/drill-scenario.ts';
import { openTicket } from '../support/harness.ts';
import { pumpClockUntil, readyToFile } from '../support/panel.ts';

let env: DrillEnv;
const ids = duplicateDrillTickets(990300, (started) => (env = started));

it(`${ids.length} reloads mid-filing → ${ids.length} issues, none twice`, async () => {
  const issueCount = async (id: number) => (await env.control.issuesForTicket(id)).length;
  // Every create is answered 1.5 s late, so the reload always happens while it is in flight.
  await duplicatesDrill(env, ids, { label: 'reload', createDelayMs: 1_500 }, async (page, id) => {
    await fileWithClock(env, page, id);
    await page.reload();
    const { frame: app } = await openTicket(env, id, { page, until: 'engage-panel', timeoutMs: 60_000 });
    // The earlier create lands on the server (real time) whatever the page does.
    await expect.poll(() => issueCount(id), { timeout: 10_000 }).toBe(1);
    // Back on the ticket: either the panel already knows the issue, or the agent clicks File again.
    const file = app.getByTestId('file-button');
    await Promise.race([file.waitFor({ state: 'visible' }), app.getByTestId('filed-issue-link').waitFor(), app.getByTestId('linked-issue').waitFor()]);
    if ((await file.count()) > 0 && (await app.getByTestId('linked-issue').count()) === 0) {
      await readyToFile(app);
      await file.click();
    }
    // The app waits out the window in which the lost create could still land (client time): skip it.
    await pumpClockUntil(
      page,
      async () => (await app.getByTestId('filed-issue-link').count()) + (await app.getByTestId('linked-issue').count()) > 0,
      { stepMs: 3_000 },
    );
    expect(await issueCount(id)).toBe(1);
  });
}, 600_000);
