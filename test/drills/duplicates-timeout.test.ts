// Duplicates drill 3/3: 20 retries after a timed-out create. The create's answer comes after the client's 20 s
// timeout (the page clock is moved past it; the server still creates the issue), the agent sees "no connection" and
// clicks Retry. The retry must find the issue instead of creating another → 20 issues, 0 duplicates.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { startDrillEnv, type DrillEnv } from './support/env.ts';
import { spareTickets, writeTicketsDir } from './support/bundles.ts';
import { clickRetry, expectNoDuplicates, iterate } from './support/scenario.ts';
import { createRequestSent, openTicket, pumpClockUntil, readyToFile } from './support/panel.ts';

const ITERATIONS = 20;
// Two tickets at a time, each in its own browser context (more only adds CPU contention on a small CI machine).
const CONCURRENCY = 2;
const tickets = spareTickets(ITERATIONS, 990400);
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

it(`${ITERATIONS} retries after a timed-out create → ${ITERATIONS} issues, none twice`, async () => {
  await env.control.reset();
  await env.control.addGitHubFault({ method: 'POST', path: '^/repos/sourcegraph/customer/issues$', delayMs: 1_500, times: 1000 });
  const issueCount = async (id: number) => (await env.control.issuesForTicket(id)).length;
  const { durationsMs } = await iterate(ITERATIONS, CONCURRENCY, async (i) => {
    const id = ids[i]!;
    const { page, close } = await env.newPage();
    try {
      await page.clock.install();
      const app = await openTicket(env, page, id, { until: 'file-button', timeoutMs: 60_000 });
      await readyToFile(app);
      const sent = createRequestSent(page);
      await app.getByTestId('file-button').click();
      await sent;
      // Past the client timeout while the server still holds the answer.
      await page.clock.fastForward(21_000);
      const alert = app.getByTestId('filing-error');
      await alert.waitFor();
      expect(await alert.getAttribute('data-error-code')).toBe('network_down');
      await expect.poll(() => issueCount(id), { timeout: 10_000 }).toBe(1);
      await clickRetry(app);
      await pumpClockUntil(page, async () => (await app.getByTestId('filed-issue-link').count()) > 0, { stepMs: 3_000 });
      expect(await issueCount(id)).toBe(1);
    } finally {
      await close();
    }
  });
  expect(await expectNoDuplicates(env, ids)).toBe(ITERATIONS);
  console.info(`timeout drill: ${ITERATIONS} iterations, median ${durationsMs.sort((a, b) => a - b)[ITERATIONS >> 1]} ms each`);
}, 600_000);
