// Duplicates drill 1/3: 20 double-clicks on File (each on a fresh ticket, the create slowed to widen the race)
// → 20 issues, 0 duplicates. Two tickets at a time, each in its own browser context.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { startDrillEnv, type DrillEnv } from './support/env.ts';
import { spareTickets, writeTicketsDir } from './support/bundles.ts';
import { expectNoDuplicates, iterate } from './support/scenario.ts';
import { openTicket, readyToFile, waitForIssueLink } from './support/panel.ts';

const ITERATIONS = 20;
// Two tickets at a time, each in its own browser context (more only adds CPU contention on a small CI machine).
const CONCURRENCY = 2;
const tickets = spareTickets(ITERATIONS, 990200);
const ids = tickets.map((t) => t.ticket.id);
let env: DrillEnv;
let ticketsDir: string;

beforeAll(async () => {
  ticketsDir = writeTicketsDir(tickets);
  // The checklist gate is tested elsewhere; here File is enabled at once so each iteration stays short.
  env = await startDrillEnv({ ticketsDir, settings: { require_checklist: 'false' } });
}, 600_000);

afterAll(async () => {
  await env?.close();
  if (ticketsDir) rmSync(ticketsDir, { recursive: true, force: true });
}, 600_000);

it(`${ITERATIONS} double-clicks on File → ${ITERATIONS} issues, none twice`, async () => {
  await env.control.reset();
  // Every create takes 400 ms: a second click lands while the first create is still in flight.
  await env.control.addGitHubFault({ method: 'POST', path: '^/repos/sourcegraph/customer/issues$', delayMs: 400, times: 1000 });
  const { durationsMs } = await iterate(ITERATIONS, CONCURRENCY, async (i) => {
    const { page, close } = await env.newPage();
    try {
      const app = await openTicket(env, page, ids[i]!, { until: 'file-button', timeoutMs: 60_000 });
      await readyToFile(app);
      await app.getByTestId('file-button').dblclick();
      await waitForIssueLink(app);
    } finally {
      await close();
    }
  });
  expect(await expectNoDuplicates(env, ids)).toBe(ITERATIONS);
  console.info(`double-click drill: ${ITERATIONS} iterations, median ${durationsMs.sort((a, b) => a - b)[ITERATIONS >> 1]} ms each`);
}, 600_000);
