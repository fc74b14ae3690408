// Duplicates drill 2/3: 20 reloads in the middle of filing. The create is slowed down; the agent reloads the ticket
// while it is in flight (the server still creates the issue), then clicks File again on the restored draft.
// The app must wait for the earlier attempt and find its issue → 20 issues, 0 duplicates.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { startDrillEnv, type DrillEnv } from './support/env.ts';
import { spareTickets, writeTicketsDir } from './support/bundles.ts';
import { expectNoDuplicates, iterate } from './support/scenario.ts';
import { createRequestSent, openTicket, pumpClockUntil, readyToFile } from './support/panel.ts';

const ITERATIONS = 20;
// Two tickets at a time, each in its own browser context (more only adds CPU contention on a small CI machine).
const CONCURRENCY = 2;
const tickets = spareTickets(ITERATIONS, 990300);
const ids = tickets.map((t) => t.ticket.id);
let env: DrillEnv;
let ticketsDir: string;

beforeAll(async () => {
  ticketsDir = writeTicketsDir(tickets);
  env = await startDrillEnv({ ticketsDir, settings: { require_checklist: 'false' } });
}, 600_000);

afterAll(async () => {
  await env?.close();
  if (ticketsDir) rmSync(ticketsDir, { recursive: true, force: true });
}, 600_000);

it(`${ITERATIONS} reloads mid-filing → ${ITERATIONS} issues, none twice`, async () => {
  await env.control.reset();
  // Every create is answered 1.5 s late, so the reload always happens while it is in flight.
  await env.control.addGitHubFault({ method: 'POST', path: '^/repos/sourcegraph/customer/issues$', delayMs: 1_500, times: 1000 });
  const issueCount = async (id: number) => (await env.control.issuesForTicket(id)).length;
  const { durationsMs } = await iterate(ITERATIONS, CONCURRENCY, async (i) => {
    const id = ids[i]!;
    const { page, close } = await env.newPage();
    try {
      await page.clock.install();
      let app = await openTicket(env, page, id, { until: 'file-button', timeoutMs: 60_000 });
      await readyToFile(app);
      const sent = createRequestSent(page);
      await app.getByTestId('file-button').click();
      await sent;
      await page.reload();
      app = await openTicket(env, page, id, { until: 'engage-panel', timeoutMs: 60_000 });
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
    } finally {
      await close();
    }
  });
  expect(await expectNoDuplicates(env, ids)).toBe(ITERATIONS);
  console.info(`reload drill: ${ITERATIONS} iterations, median ${durationsMs.sort((a, b) => a - b)[ITERATIONS >> 1]} ms each`);
}, 600_000);
