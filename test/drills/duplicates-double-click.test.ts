// Duplicates drill 1/3: 20 double-clicks on File (each on a fresh ticket, the create slowed to widen the race)
// → 20 issues, 0 duplicates. Two tickets at a time, each in its own browser context.
import { it } from 'vitest';
import type { DrillEnv } from '../support/drill-env.ts';
import { duplicateDrillTickets, duplicatesDrill } from '../support/drill-scenario.ts';
import { openTicket } from '../support/harness.ts';
import { readyToFile, waitForIssueLink } from '../support/panel.ts';

let env: DrillEnv;
const ids = duplicateDrillTickets(990200, (started) => (env = started));

it(`${ids.length} double-clicks on File → ${ids.length} issues, none twice`, async () => {
  // Every create takes 400 ms: a second click lands while the first create is still in flight.
  await duplicatesDrill(env, ids, { label: 'double-click', createDelayMs: 400 }, async (page, id) => {
    const { frame: app } = await openTicket(env, id, { page, until: 'file-button', timeoutMs: 60_000 });
    await readyToFile(app);
    await app.getByTestId('file-button').dblclick();
    await waitForIssueLink(app);
  });
}, 600_000);
