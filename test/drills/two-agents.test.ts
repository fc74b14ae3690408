// Two agents, one issue (issue 15, item 1): two browser contexts (two agents' browsers: separate storage, no shared
// lock) on the same ticket click File together, 20 times on 20 fresh tickets → 20 issues, 0 duplicates, both
// panels showing the link. Zendesk's safe update serialises them (the preview answers 409 UpdateConflict exactly as
// Zendesk does). Then a claim left by an agent whose browser closed mid-filing is taken over by the next agent.
import { expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { DrillEnv } from '../support/drill-env.ts';
import { spareTickets } from '../support/bundles.ts';
import { CREATE_ISSUE, drillEnvForFile, expectExactlyOneIssue, expectNoDuplicates, iterate } from '../support/drill-scenario.ts';
import { openTicket } from '../support/harness.ts';
import { createRequestSent, pumpClockUntil, readyToFile } from '../support/panel.ts';

const TRIALS = 20;
let env: DrillEnv;
// A fresh ticket per trial, and one more for the abandoned claim; File enabled at once (the checklist is tested elsewhere).
const tickets = spareTickets(TRIALS + 1, 990400);
drillEnvForFile(tickets, { settings: { require_checklist: 'false' }, hookTimeoutMs: 600_000 }, (started) => (env = started));
const ids = tickets.map((t) => t.ticket.id);
const trials = ids.slice(0, TRIALS);
const abandonedId = ids[TRIALS]!;

/** The issue link the panel shows: the card after filing, or the linked issue's card. */
async function shownLink(app: Frame): Promise<string | null> {
  for (const id of ['filed-issue-link', 'linked-issue']) {
    const el = app.getByTestId(id);
    if ((await el.count()) > 0) return (await el.first().getAttribute('href')) ?? (await el.first().locator('a').first().getAttribute('href'));
  }
  return null;
}

async function waitForShownLink(app: Frame, timeoutMs = 30_000): Promise<string> {
  await expect.poll(() => shownLink(app), { timeout: timeoutMs }).toBeTruthy();
  return (await shownLink(app))!;
}

const claimTags = async (id: number) => (await env.control.ticketState(id)).ticket.tags.filter((t) => t.startsWith('engage_filing_'));

it(`${trials.length} trials of two agents clicking File together → ${trials.length} issues, none twice, both panels linked`, async () => {
  await env.control.reset();
  // Every create takes 200 ms, so the agent that lost the claim really waits for the winner's link.
  await env.control.addGitHubFault({ ...CREATE_ISSUE, delayMs: 200, times: 1000 });
  // Two pairs of agents (four browser contexts) work through the tickets side by side.
  const pairs = [[await env.newPage(), await env.newPage()], [await env.newPage(), await env.newPage()]];
  const free = [...pairs];
  const started = Date.now();
  try {
    await iterate(trials.length, pairs.length, async (i) => {
      const id = trials[i]!;
      const agents = free.pop()!;
      const apps = await Promise.all(agents.map(async ({ page }) => (await openTicket(env, id, { page, until: 'file-button', timeoutMs: 60_000 })).frame));
      await Promise.all(apps.map((app) => readyToFile(app)));
      await Promise.all(apps.map((app) => app.getByTestId('file-button').click()));
      const links = await Promise.all(apps.map((app) => waitForShownLink(app)));
      const issue = await expectExactlyOneIssue(env, id);
      for (const link of links) expect(link).toMatch(new RegExp(`/issues/${issue.number}$`));
      expect(await claimTags(id), 'claims left on the ticket').toEqual([]);
      free.push(agents);
    });
  } finally {
    await Promise.all(pairs.flat().map((a) => a.close()));
  }
  expect(await expectNoDuplicates(env, trials)).toBe(trials.length);
  // Every trial was a real race: one agent's claim was refused by Zendesk (409) and only one create was sent.
  const log = await env.control.log();
  for (const id of trials) {
    const path = `/api/v2/tickets/${id}.json`;
    expect(log.zendesk.filter((e) => e.method === 'PUT' && e.path === path && e.status === 409).length, `409s on ticket ${id}`).toBeGreaterThanOrEqual(1);
  }
  expect(log.github.filter((e) => e.method === 'POST' && /\/issues$/.test(e.path))).toHaveLength(trials.length);
  console.info(`two-agents drill: ${trials.length} trials, ${trials.length} issues, 0 duplicates, ${Date.now() - started} ms`);
}, 600_000);

it('a claim left by an agent whose browser closed mid-filing: the next agent takes over after the bound, files once', async () => {
  const id = abandonedId;
  await env.control.clearFaults();
  // The first agent's create never gets through (held, then refused): its browser closes while it waits.
  await env.control.addGitHubFault({ ...CREATE_ISSUE, status: 503, delayMs: 60_000 });
  const first = await env.newPage();
  const { frame: appA } = await openTicket(env, id, { page: first.page, until: 'file-button', timeoutMs: 60_000 });
  await readyToFile(appA);
  const sent = createRequestSent(first.page);
  await appA.getByTestId('file-button').click();
  await sent;
  await first.close();
  expect(await claimTags(id)).toHaveLength(1);
  expect(await env.control.issuesForTicket(id)).toHaveLength(0);
  await env.control.clearFaults();

  // The next agent, on a clock the drill can move: the panel waits out the claim (its bound is 85 s of its own
  // time), then takes over, looks the tracker up and files.
  const second = await env.newPage();
  try {
    const page: Page = second.page;
    await page.clock.install();
    const { frame: appB } = await openTicket(env, id, { page, until: 'file-button', timeoutMs: 60_000 });
    await readyToFile(appB);
    await appB.getByTestId('file-button').click();
    await expect.poll(() => appB.getByTestId('file-button').innerText(), { timeout: 10_000 }).toMatch(/another agent/i);
    await pumpClockUntil(page, async () => (await shownLink(appB)) !== null, { stepMs: 10_000, timeoutMs: 60_000 });
    const link = (await shownLink(appB))!;
    await expectExactlyOneIssue(env, id, link);
    expect(await claimTags(id)).toEqual([]);
  } finally {
    await second.close();
  }
}, 180_000);
