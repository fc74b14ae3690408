// Fault drills, GitHub or the network failing: 500/502/503, a dropped connection, an answer that comes after the
// client gave up (the create did land), and a 502 whose create did land. The panel must say so, keep the draft, and
// the retry must find the issue that already exists instead of filing a second one.
import { describe, expect, it } from 'vitest';
import type { DrillEnv } from '../support/drill-env.ts';
import { TICKET_IDS, typicalTicket } from '../support/bundles.ts';
import { createFault, drillEnvForFile, faultDrill } from '../support/drill-scenario.ts';
import { createRequestSent, pumpClockUntil } from '../support/panel.ts';

const ID = TICKET_IDS.typical;
let env: DrillEnv;
drillEnvForFile([typicalTicket(ID)], {}, (started) => (env = started));

describe('GitHub unavailable', () => {
  for (const status of [500, 502, 503]) {
    it(`${status} on create → "GitHub is not answering", retry files once`, async () => {
      await faultDrill(env, ID, {
        breakIt: createFault(env, { status }),
        code: 'github_unavailable',
        mention: new RegExp(String(status)),
      });
    });
  }

  it('503 on every call, past the automatic retries of the lookup → alert; retry once GitHub is back', async () => {
    await faultDrill(env, ID, {
      breakIt: () => env.control.addGitHubFault({ status: 503, times: 100 }).then(() => undefined),
      code: 'github_unavailable',
      mention: /503/,
      clock: true,
      // The retry plugin backs off (1 s, 4 s) on idempotent calls before giving up: skip the waiting.
      afterClick: async ({ page, app }) => {
        await pumpClockUntil(page, async () => (await app.getByTestId('filing-error').count()) > 0, { stepMs: 2_000 });
      },
    });
  });

  it('502 after the create landed → alert; the retry finds the issue instead of filing again', async () => {
    await faultDrill(env, ID, {
      breakIt: createFault(env, { status: 502, commitThenFail: true }),
      code: 'github_unavailable',
      mention: /502/,
      issuesAtAlert: 1,
    });
  });
});

describe('network', () => {
  it('connection dropped on create → "No connection", retry (after the settle window) files once', async () => {
    await faultDrill(env, ID, {
      breakIt: createFault(env, { network: true }),
      code: 'network_down',
      mention: /GitHub/,
      clock: true,
      // No answer means the create may still land: the app waits out its settle window before looking up.
      afterRetry: async ({ page, app }) => {
        await pumpClockUntil(page, async () => (await app.getByTestId('filed-issue-link').count()) > 0, { stepMs: 3_000 });
      },
    });
  });

  it('network down for every call → alert at the first call; retry once it is back', async () => {
    await faultDrill(env, ID, {
      breakIt: () => env.control.addGitHubFault({ network: true, times: 100 }).then(() => undefined),
      code: 'network_down',
      mention: /GitHub/,
      clock: true,
      afterClick: async ({ page, app }) => {
        await pumpClockUntil(page, async () => (await app.getByTestId('filing-error').count()) > 0, { stepMs: 2_000 });
      },
      afterRetry: async ({ page, app }) => {
        await pumpClockUntil(page, async () => (await app.getByTestId('filed-issue-link').count()) > 0, { stepMs: 3_000 });
      },
    });
  });

  it('the answer arrives after the client gave up (the create did land) → timeout alert; retry finds it', async () => {
    let sent: Promise<unknown> = Promise.resolve();
    await faultDrill(env, ID, {
      breakIt: createFault(env, { delayMs: 1_500 }),
      code: 'network_down',
      mention: /GitHub/,
      clock: true,
      beforeClick: (opened) => {
        sent = createRequestSent(opened.page);
      },
      afterClick: async (opened) => {
        await sent;
        // The host page enforces the app's 20 s client timeout: jump past it while the server still holds the answer.
        await opened.page.clock.fastForward(21_000);
        await opened.app.getByTestId('filing-error').waitFor();
        // The server finishes the create 1.5 s after it got it (real time): the issue exists, the client gave up.
        await expect.poll(async () => (await env.control.issuesForTicket(ID)).length, { timeout: 10_000 }).toBe(1);
      },
      issuesAtAlert: 1,
      afterRetry: async ({ page, app }) => {
        await pumpClockUntil(page, async () => (await app.getByTestId('filed-issue-link').count()) > 0, { stepMs: 3_000 });
      },
    });
  });
});
