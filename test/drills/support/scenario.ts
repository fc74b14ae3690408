// One fault drill, start to end, through the real panel: open a ticket, complete the draft, break something, file,
// and check what the agent sees (the alert, its code and next step, the draft untouched), then let the world
// recover, retry, and check what exists afterwards (exactly one issue for the ticket, the write-back on the ticket).
import { expect } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import type { DrillEnv, DrillPage } from './env.ts';
import type { GitHubIssueJson } from './control.ts';
import { clickFile, openTicket, prepareToFile, readDraft, waitForFilingError, waitForIssueLink } from './panel.ts';

export interface OpenedDrill {
  drill: DrillPage;
  page: Page;
  app: FrameLocator;
  draft: Awaited<ReturnType<typeof readDraft>>;
}

/** Reset the preview, open the ticket in a fresh context (optionally with a controllable clock), complete the draft. */
export async function openPrepared(env: DrillEnv, ticketId: number, options: { clock?: boolean; init?: string[] } = {}): Promise<OpenedDrill> {
  const drill = await env.newPage(options.init ? { init: options.init } : {});
  const { page } = drill;
  // The clock still runs in real time after install(); the drill jumps it forward only to skip the app's own long
  // waits (the 20 s client timeout, the settle window after a lost answer, a rate-limit countdown).
  if (options.clock) await page.clock.install();
  const app = await openTicket(env, page, ticketId);
  await prepareToFile(app);
  const draft = await readDraft(app);
  return { drill, page, app, draft };
}

/** The alert's code (`data-error-code`) and whole text. */
export async function filingError(app: FrameLocator, timeoutMs = 30_000): Promise<{ code: string | null; text: string }> {
  const text = await waitForFilingError(app, timeoutMs);
  const code = await app.getByTestId('filing-error').getAttribute('data-error-code');
  return { code, text };
}

/** What the agent must always get with an error: a title, an explanation, a next step and a Retry. */
export async function expectClearAlert(app: FrameLocator, text: string, mention: RegExp): Promise<void> {
  expect(text).toMatch(mention);
  // Title + message + next step: three non-empty paragraphs of plain words, no raw JSON or stack.
  expect(text.split('\n').filter((l) => l.trim()).length).toBeGreaterThanOrEqual(3);
  expect(text).not.toMatch(/\{\{|undefined|\[object Object\]|TypeError|at \w+ \(/);
  await expect.poll(() => app.getByTestId('retry-button').count()).toBe(1);
}

/** Click Retry once it is enabled (a rate-limit countdown keeps it disabled for the advised wait). */
export async function clickRetry(app: FrameLocator, testId = 'retry-button', timeoutMs = 30_000): Promise<void> {
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
