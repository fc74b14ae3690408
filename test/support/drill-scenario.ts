// One fault drill, start to end, through the real panel: open a ticket, complete the draft, break something, file,
// and check what the agent sees (the alert, its code and next step, the draft untouched), then let the world
// recover, retry, and check what exists afterwards (exactly one issue for the ticket, the write-back on the ticket).
// Also what every drill file shares: its environment's life (`drillEnvForFile`) and the duplicate drills' frame
// (`duplicateDrillTickets`, `duplicatesDrill`).
import { afterAll, beforeAll, expect } from 'vitest';
import { rmSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { startDrillEnv, type DrillEnv, type DrillPage } from './drill-env.ts';
import type { FaultRule, GitHubIssueJson } from './control.ts';
import { spareTickets, writeTicketsDir } from './bundles.ts';
import { openTicket } from './harness.ts';
import {
  clickFile,
  createRequestSent,
  prepareToFile,
  readDraft,
  readyToFile,
  waitForFilingError,
  waitForIssueLink,
} from './panel.ts';

/** The issue create in the private tracker, as a fault rule's method and path. */
export const CREATE_ISSUE = { method: 'POST', path: '^/repos/sourcegraph/customer/issues$' };

/** A fault drill's `breakIt`: the next issue create (or as many as `rule.times` says) answers with this fault. */
export function createFault(env: DrillEnv, rule: FaultRule): () => Promise<void> {
  return async () => {
    await env.control.addGitHubFault({ ...CREATE_ISSUE, ...rule });
  };
}

/**
 * A drill file's environment: before its tests, write `bundles` into a temporary tickets folder and start the
 * preview and Chromium on it with `settings`; after them, close both and remove the folder. The started
 * environment is handed to `onStarted` (the file keeps it in its own variable for its tests).
 */
export function drillEnvForFile(
  bundles: TicketBundle[],
  options: { settings?: Record<string, unknown>; hookTimeoutMs?: number },
  onStarted: (env: DrillEnv) => void,
): void {
  let env: DrillEnv | undefined;
  let ticketsDir: string | undefined;
  beforeAll(async () => {
    ticketsDir = writeTicketsDir(bundles);
    env = await startDrillEnv({ ticketsDir, ...(options.settings ? { settings: options.settings } : {}) });
    onStarted(env);
  }, options.hookTimeoutMs);
  afterAll(async () => {
    await env?.close();
    if (ticketsDir) rmSync(ticketsDir, { recursive: true, force: true });
  }, options.hookTimeoutMs);
}

export interface OpenedDrill {
  drill: DrillPage;
  page: Page;
  app: Frame;
  draft: Awaited<ReturnType<typeof readDraft>>;
}

/** Reset the preview, open the ticket in a fresh context (optionally with a controllable clock), complete the draft. */
export async function openPrepared(env: DrillEnv, ticketId: number, options: { clock?: boolean; init?: string[] } = {}): Promise<OpenedDrill> {
  const drill = await env.newPage(options.init ? { init: options.init } : {});
  const { page } = drill;
  // The clock still runs in real time after install(); the drill jumps it forward only to skip the app's own long
  // waits (the 20 s client timeout, the settle window after a lost answer, a rate-limit countdown).
  if (options.clock) await page.clock.install();
  const { frame: app } = await openTicket(env, ticketId, { page, until: 'team-decision' });
  await prepareToFile(app);
  const draft = await readDraft(app);
  return { drill, page, app, draft };
}

/** The alert's code (`data-error-code`) and whole text. */
export async function filingError(app: Frame, timeoutMs = 30_000): Promise<{ code: string | null; text: string }> {
  const text = await waitForFilingError(app, timeoutMs);
  const code = await app.getByTestId('filing-error').getAttribute('data-error-code');
  return { code, text };
}

/** What the agent must always get with an error: a title, an explanation, a next step and one Retry (File itself,
 * saying "Try again": the alert has no button doing the same). */
export async function expectClearAlert(app: Frame, text: string, mention: RegExp): Promise<void> {
  expect(text).toMatch(mention);
  // Title + message + next step: three non-empty paragraphs of plain words, no raw JSON or stack.
  expect(text.split('\n').filter((l) => l.trim()).length).toBeGreaterThanOrEqual(3);
  expect(text).not.toMatch(/\{\{|undefined|\[object Object\]|TypeError|at \w+ \(/);
  await expect.poll(() => app.getByTestId('file-button').getAttribute('data-state')).toBe('failed');
  expect(await app.getByTestId('retry-button').count()).toBe(0);
}

/** Click Retry once it is enabled (a rate-limit countdown keeps it disabled for the advised wait); after a failed
 * filing that is File. */
export async function clickRetry(app: Frame, testId = 'file-button', timeoutMs = 30_000): Promise<void> {
  const button = app.getByTestId(testId);
  await expect.poll(() => button.isEnabled(), { timeout: timeoutMs }).toBe(true);
  await button.click();
}

/** Exactly one issue for the ticket in the tracker, and the ticket carries its link (tags, one internal note). */
export async function expectExactlyOneIssue(env: DrillEnv, ticketId: number, link?: string): Promise<GitHubIssueJson> {
  const issues = await env.control.issuesForTicket(ticketId);
  expect(issues.map((i) => i.number), `issues filed for ticket ${ticketId}`).toHaveLength(1);
  const issue = issues[0] as GitHubIssueJson;
  const issuePath = new RegExp(`/issues/${issue.number}(?!\\d)`);
  if (link) expect(link).toMatch(issuePath);
  await expect
    .poll(async () => (await env.control.ticketState(ticketId)).ticket.tags, { timeout: 10_000 })
    .toContain(`rfh_issue_${issue.number}`);
  const notes = (await env.control.ticketState(ticketId)).comments.filter(
    (c) => !c.public && issuePath.test(c.body),
  );
  expect(notes, 'internal notes with the issue link').toHaveLength(1);
  return issue;
}

/** File, expect the error, check the draft, recover, retry, expect one issue. */
export async function faultDrill(
  env: DrillEnv,
  ticketId: number,
  s: {
    /** Break things after the draft is complete, before the click. */
    breakIt: () => Promise<void>;
    code: string;
    mention: RegExp;
    /** Undo the fault before retrying (default: clear every fault). */
    recover?: () => Promise<void>;
    /** Issues that exist when the alert shows (1 when the create landed but the answer did not). */
    issuesAtAlert?: number;
    clock?: boolean;
    /** Called just before the click (e.g. to start waiting for a request the click causes). */
    beforeClick?: (opened: OpenedDrill) => void;
    /** While the panel waits (for the client timeout), jump the clock: called right after the click. */
    afterClick?: (opened: OpenedDrill) => Promise<void>;
    afterRetry?: (opened: OpenedDrill) => Promise<void>;
  },
): Promise<void> {
  await env.control.reset();
  const opened = await openPrepared(env, ticketId, { clock: s.clock ?? false });
  const { app, draft } = opened;
  try {
    await s.breakIt();
    s.beforeClick?.(opened);
    await clickFile(app);
    await s.afterClick?.(opened);
    const alert = await filingError(app);
    expect(alert.code).toBe(s.code);
    await expectClearAlert(app, alert.text, s.mention);
    expect(await readDraft(app), 'the draft after the error').toEqual(draft);
    expect(await env.control.issuesForTicket(ticketId)).toHaveLength(s.issuesAtAlert ?? 0);
    await (s.recover ?? (() => env.control.clearFaults().then(() => undefined)))();
    await clickRetry(app);
    await s.afterRetry?.(opened);
    const link = await waitForIssueLink(app);
    await expectExactlyOneIssue(env, ticketId, link);
  } finally {
    await opened.drill.close();
  }
}

/**
 * Run `count` iterations, `concurrency` at a time (each in its own browser context), and collect their durations.
 * The duplicate drills run 20 iterations each, two at a time.
 */
export async function iterate(
  count: number,
  concurrency: number,
  run: (i: number) => Promise<void>,
): Promise<{ durationsMs: number[] }> {
  const durationsMs: number[] = new Array<number>(count).fill(0);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= count) return;
      const started = Date.now();
      await run(i);
      durationsMs[i] = Date.now() - started;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { durationsMs };
}

/** Every ticket has at most one issue; returns the number of tickets with one. */
export async function expectNoDuplicates(env: DrillEnv, ticketIds: number[]): Promise<number> {
  const issues = await env.control.issues();
  const perTicket = new Map<number, number[]>();
  for (const id of ticketIds) {
    const needle = new RegExp(`tickets/${id}(?!\\d)`);
    perTicket.set(id, issues.filter((i) => needle.test(i.body ?? '')).map((i) => i.number));
  }
  const duplicated = [...perTicket].filter(([, numbers]) => numbers.length > 1);
  expect(duplicated, 'tickets with more than one issue').toEqual([]);
  return [...perTicket.values()].filter((n) => n.length === 1).length;
}

/** How many fresh tickets a duplicate drill files, one per iteration. */
const DUPLICATE_DRILL_ITERATIONS = 20;
// Two tickets at a time, each in its own browser context (more only adds CPU contention on a small CI machine).
const DUPLICATE_DRILL_CONCURRENCY = 2;

/**
 * A duplicate drill file's tickets and environment: `DUPLICATE_DRILL_ITERATIONS` typical tickets with ids from
 * `firstId`, served with the checklist gate off (it is tested elsewhere; here File is enabled at once so each
 * iteration stays short). Returns the ticket ids; the environment goes to `onStarted` as with `drillEnvForFile`.
 */
export function duplicateDrillTickets(firstId: number, onStarted: (env: DrillEnv) => void): number[] {
  const tickets = spareTickets(DUPLICATE_DRILL_ITERATIONS, firstId);
  drillEnvForFile(tickets, { settings: { require_checklist: 'false' }, hookTimeoutMs: 600_000 }, onStarted);
  return tickets.map((t) => t.ticket.id);
}

/**
 * One duplicate drill: every issue create is answered `createDelayMs` late (so a second attempt lands while the
 * first is still in flight); `attempt` runs once per ticket, each in a fresh page closed after it, two at a time.
 * Then no ticket may have two issues and every ticket must have one. Prints the median duration of an attempt.
 */
export async function duplicatesDrill(
  env: DrillEnv,
  ids: number[],
  options: { label: string; createDelayMs: number },
  attempt: (page: Page, ticketId: number) => Promise<void>,
): Promise<void> {
  await env.control.reset();
  await env.control.addGitHubFault({ ...CREATE_ISSUE, delayMs: options.createDelayMs, times: 1000 });
  const { durationsMs } = await iterate(ids.length, DUPLICATE_DRILL_CONCURRENCY, async (i) => {
    const { page, close } = await env.newPage();
    try {
      await attempt(page, ids[i]!);
    } finally {
      await close();
    }
  });
  expect(await expectNoDuplicates(env, ids)).toBe(ids.length);
  const median = durationsMs.sort((a, b) => a - b)[ids.length >> 1];
  console.info(`${options.label} drill: ${ids.length} iterations, median ${median} ms each`);
}

/**
 * Open the ticket on a controllable clock (installed first, so the drill can skip the app's own long waits), click
 * File once the draft is ready, and return once the create request has left the page.
 */
export async function fileWithClock(env: DrillEnv, page: Page, ticketId: number): Promise<Frame> {
  await page.clock.install();
  const { frame: app } = await openTicket(env, ticketId, { page, until: 'file-button', timeoutMs: 60_000 });
  await readyToFile(app);
  const sent = createRequestSent(page);
  await app.getByTestId('file-button').click();
  await sent;
  return app;
}
