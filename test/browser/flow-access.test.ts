// Access to the tracker, checked before the click (GitHub silently drops the labels of a token that cannot push, so
// the agent is warned before filing; the filing itself stays at three requests): once the
// first view is up, the panel asks GitHub in the background whether the token can push. A read-only token shows the
// notice at the top of the panel and its short reason beside File before anything is filed; a failed check likewise
// (its error's title beside File) and leaves File enabled; a positive answer is reused by the click, which then costs exactly the lookup, the create and the
// write-back. And once filing starts, the team and priority overrides stop taking changes, saying why.
// Needs `npm run build` first (npm test does it).
import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { control, openTicket, type Harness } from '../support/harness.ts';
import { eventually, ITEM_KEYS, listIssues, setItem, settledLayout, slowly, startFlowHarness, waitForForm } from '../support/flow-steps.ts';

interface Strings {
  ui: {
    access: Record<string, string>;
    override: Record<string, string>;
    filed: Record<string, string>;
    errors: Record<string, { title: string; message: string; next: string }>;
  };
}
const en = JSON.parse(readFileSync('translations/en.json', 'utf8')) as Strings;
const TICKET = 1005;
const REPO_GET = 'GET /repos/sourcegraph/customer';

type LogEntry = { method: string; path: string; status: number };
type Log = { zendesk: LogEntry[]; github: LogEntry[] };

let h: Harness;

beforeAll(async () => {
  h = await startFlowHarness();
});

afterAll(async () => {
  await h?.close();
});

beforeEach(async () => {
  await control(h, 'POST', '/__reset', {});
});

async function log(): Promise<Log> {
  return (await control(h, 'GET', '/__log')) as Log;
}

/** The log once nothing new has arrived for a moment (the panel's own loading and background check are over). */
async function quietLog(): Promise<Log> {
  let last = await log();
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await log();
    if (now.zendesk.length === last.zendesk.length && now.github.length === last.github.length) return now;
    last = now;
  }
  throw new Error('the request log never went quiet');
}

function since(before: Log, after: Log): string[] {
  return [
    ...after.zendesk.slice(before.zendesk.length).map((e) => `zendesk ${e.method} ${e.path}`),
    ...after.github.slice(before.github.length).map((e) => `github ${e.method} ${e.path}`),
  ];
}

async function tickAll(frame: Frame): Promise<void> {
  for (const key of ITEM_KEYS) await setItem(frame, key, true);
  await expect.poll(() => frame.getByTestId('file-button').isEnabled(), eventually).toBe(true);
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? '');
}

describe('access checked before filing', () => {
  it('a read-only token: the warning shows beside File before anything is filed; the click refuses', async () => {
    h.preview.standIn.setPermission('sourcegraph', 'customer', 'read');
    const { page, frame } = await openTicket(h, TICKET);
    await waitForForm(frame);
    await tickAll(frame);

    const warning = frame.getByTestId('access-warning');
    await warning.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await warning.getAttribute('data-state')).toBe('no-push');
    // Beside File only the short reason: the notice at the top of the panel says why and what to do.
    const text = (await warning.innerText()).replace(/\s+/g, ' ');
    expect(text).toBe(fill(en.ui.access.no_push_title!, { repo: 'sourcegraph/customer' }));
    const notice = frame.getByTestId('blocker');
    expect(await notice.getAttribute('data-kind')).toBe('no-push');
    expect(await notice.getAttribute('data-garden-id')).toMatch(/^notifications\./);
    // Beside File, and named by it for screen readers; File itself stays usable (the click checks again).
    const button = frame.getByTestId('file-button');
    expect(await button.getAttribute('aria-describedby')).toContain('engage-access-warning');
    expect(await button.isEnabled()).toBe(true);
    // Before filing: the check happened, nothing was created.
    const before = await quietLog();
    expect(before.github.map((e) => `${e.method} ${e.path}`)).toContain(REPO_GET);
    expect(before.github.some((e) => e.method === 'POST')).toBe(false);

    await button.click();
    const alert = frame.getByTestId('filing-error');
    await alert.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await alert.getAttribute('data-error-code')).toBe('github_no_push');
    // The click's outcome replaces the early warning (one message, not two).
    expect(await frame.getByTestId('access-warning').count()).toBe(0);
    expect(await listIssues(h)).toHaveLength(0);
    await page.close();
  });

  it('a check that fails (bad token) shows its error as a warning and keeps File enabled', async () => {
    await control(h, 'PUT', '/__settings', { settings: {}, secure: { github_token: 'ghp_wrong00000000000000000000000000000000' } });
    const { page, frame } = await openTicket(h, TICKET);
    await waitForForm(frame);
    const warning = frame.getByTestId('access-warning');
    await warning.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await warning.getAttribute('data-state')).toBe('failed');
    expect(await warning.getAttribute('data-error-code')).toBe('github_unauthorized');
    const text = (await warning.innerText()).replace(/\s+/g, ' ');
    expect(text).toBe(en.ui.errors.github_unauthorized!.title);
    // The rest is the notice at the top of the panel (the token blocks every filing).
    expect(await frame.getByTestId('blocker').getAttribute('data-kind')).toBe('token');
    expect(await frame.getByTestId('blocker').innerText()).not.toMatch(/\{\{|undefined|\[object Object\]/);
    await tickAll(frame);
    expect(await frame.getByTestId('file-button').isEnabled()).toBe(true);
    await page.close();
  });

  it('with a fresh access answer the click costs exactly claim + create + write-back; no warning', async () => {
    const { page, frame } = await openTicket(h, TICKET);
    await waitForForm(frame);
    await tickAll(frame);
    // The background check has landed (push: yes), and says nothing.
    await expect.poll(async () => (await log()).github.map((e) => `${e.method} ${e.path} ${e.status}`), slowly).toContain(`${REPO_GET} 200`);
    const before = await quietLog();
    expect(await frame.getByTestId('access-warning').count()).toBe(0);

    await frame.getByTestId('file-button').click();
    await frame.getByTestId('filed-issue-link').waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => frame.getByTestId('writeback-status').getAttribute('data-state'), slowly).toBe('ok');
    const added = since(before, await quietLog());
    expect(added.sort()).toEqual(
      [
        // The claim (a safe update of the ticket) stands in for the tracker lookup; then the write-back.
        `zendesk PUT /api/v2/tickets/${TICKET}.json`,
        'github POST /repos/sourcegraph/customer/issues',
        `zendesk PUT /api/v2/tickets/${TICKET}.json`,
      ].sort(),
    );
    expect(await listIssues(h)).toHaveLength(1);
    await page.close();
  });
});

describe('push revoked after the form checked', () => {
  it('within the remembered few minutes the click trusts the answer: filed, and the agent is told which labels GitHub dropped', async () => {
    const { page, frame } = await openTicket(h, 1012);
    await waitForForm(frame);
    await tickAll(frame);
    await expect.poll(async () => (await log()).github.map((e) => `${e.method} ${e.path} ${e.status}`), slowly).toContain(`${REPO_GET} 200`);
    await quietLog();
    h.preview.standIn.setPermission('sourcegraph', 'customer', 'read');

    await frame.getByTestId('file-button').click();
    await frame.getByTestId('filed-issue-link').waitFor({ state: 'visible', timeout: 30_000 });
    const warning = frame.getByTestId('labels-dropped');
    await warning.waitFor({ state: 'visible', timeout: 15_000 });
    const [issue] = await listIssues(h);
    expect(issue?.labels).toEqual([]);
    const text = (await warning.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(en.ui.filed.labels_dropped_title);
    expect(text).toContain('sourcegraph/customer');
    expect(text).toMatch(/customer\/[a-z0-9-]+/);
    expect(text).toContain('rfh');
    await page.close();
  });
});

describe('the overrides once filing starts', () => {
  it('Change buttons and an open picker are disabled while filing, with the reason, and make way for the card once filed', async () => {
    // Another ticket: the browser remembers the filing of the one above (its panel now shows the linked issue).
    const { page, frame } = await openTicket(h, 1003);
    await waitForForm(frame);
    await tickAll(frame);
    const team = frame.getByTestId('team-override');
    const priority = frame.getByTestId('priority-override');
    expect(await team.isEnabled()).toBe(true);
    expect(await priority.isEnabled()).toBe(true);
    expect(await frame.getByTestId('team-override-locked').count()).toBe(0);
    // The agent opened the team picker earlier and left it open.
    await team.click();
    const picker = frame.getByTestId('team-override-select');
    await picker.waitFor({ state: 'visible', timeout: 15_000 });
    const pickerInput = picker.locator('input').first();
    expect(await pickerInput.isDisabled()).toBe(false);

    // Hold the create a moment, to see the panel while filing.
    await control(h, 'POST', '/__faults/github', { method: 'POST', path: '^/repos/sourcegraph/customer/issues$', delayMs: 2500, times: 1 });
    // File sits right below the checklist: let the picker finish mounting above it before aiming at it.
    await settledLayout(frame);
    await frame.getByTestId('file-button').click();
    await expect.poll(() => team.isDisabled(), eventually).toBe(true);
    expect(await frame.getByTestId('file-button').getAttribute('data-state')).toBe('filing');
    expect(await priority.isDisabled()).toBe(true);
    expect(await frame.getByTestId('team-override-locked').innerText()).toBe(en.ui.override.locked_filing);
    expect(await team.getAttribute('aria-describedby')).toBe('team-override-locked');

    await frame.getByTestId('filed-issue-link').waitFor({ state: 'visible', timeout: 30_000 });
    // Filed: the form (its overrides, open picker and all) is gone; the card says what the issue carries.
    await expect.poll(() => team.count(), eventually).toBe(0);
    expect(await priority.count()).toBe(0);
    expect(await picker.count()).toBe(0);
    expect(await frame.getByTestId('issue-filed-with').isVisible()).toBe(true);
    // Keyboard and screen-reader users land on the result.
    expect(await frame.getByTestId('filed-issue-link').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await listIssues(h)).toHaveLength(1);
    await page.close();
  });
});
