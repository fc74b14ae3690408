// What the sidebar-flow, accessibility and screenshot tests do to the panel, as an agent would: tick the checklist,
// pick an override, open the preview, file; and what they read back from the preview server (the GitHub stand-in's
// issues, the ticket as written back). Builds on the harness (./harness.ts), which starts the preview and Chromium;
// this module adds the panel's steps, the servers' answers, and a test file's harness life (started before its
// tests, the preview reset between them, closed after).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { Control, type GitHubIssueJson } from './control.ts';
import { appFrame, control, startHarness, type Harness } from './harness.ts';
import { waitUntil } from './wait.ts';
import { requireBuild } from './dist.ts';

/** Step-1 items and Step 2 (teammates asked, for requests for help), in the panel's order (the panel's test ids). */
export const ITEM_KEYS = ['environment', 'repro', 'recent_changes', 'impact', 'urgency', 'teammates'] as const;
export type ItemKey = (typeof ITEM_KEYS)[number];

/** Review screenshots of every state, for a person to look at (git-ignored). */
export const SHOTS_DIR = join('test', 'output', 'screenshots');

/**
 * Poll budgets. Generous because other test files and builds may load the machine; nothing here measures speed
 * (the benchmark does).
 */
export const eventually = { timeout: 15_000 };
export const slowly = { timeout: 30_000 };

/**
 * The harness for these tests: the built app from dist/ (or from env ENGAGE_TEST_DIST, a private copy of a build,
 * for a shared working tree where someone may be rebuilding dist/ meanwhile) and explicit settings, so that a
 * developer's engage.settings.json cannot change what the tests see (manifest defaults, the preview's own token).
 */
export async function startFlowHarness(): Promise<Harness> {
  const distDir = process.env.ENGAGE_TEST_DIST;
  const dist = distDir ?? 'dist';
  requireBuild(dist, `${dist}/`);
  return startHarness({ settings: { settings: {}, secure: {} }, ...(distDir ? { distDir } : {}) });
}

/**
 * A browser test file's harness (startFlowHarness): started before its tests and closed after them. The preview is
 * reset (`POST /__reset`) before each test with `'each'`, or once before the first with `'once'`. The started
 * harness goes to `onStarted` (the file keeps it in its own variable for its tests).
 */
export function flowHarnessForFile(reset: 'each' | 'once', onStarted: (h: Harness) => void): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startFlowHarness();
    onStarted(h);
    if (reset === 'once') await control(h, 'POST', '/__reset', {});
  });
  afterAll(async () => {
    await h?.close();
  });
  if (reset === 'each') {
    beforeEach(async () => {
      await control(h!, 'POST', '/__reset', {});
    });
  }
}

/** The panel has painted its suggestion (a ticket without a linked issue) and the work area (lazy chunk) is in. */
export async function waitForForm(frame: Frame): Promise<void> {
  await frame.getByTestId('team-decision').waitFor({ state: 'visible', timeout: 30_000 });
  await frame.getByTestId('file-button').waitFor({ state: 'visible', timeout: 30_000 });
}

/** Open (or reload) a ticket page and wait for the registered app frame. */
export async function reloadTicket(page: Page): Promise<Frame> {
  await page.reload();
  return appFrame(page);
}

/** Checkbox of a checklist item (Garden draws its own box over the visually hidden input). */
export function checkbox(frame: Frame, key: ItemKey): Locator {
  return frame.getByTestId(`checklist-check-${key}`);
}

/** Tick or untick an item by clicking its label, as an agent does; returns when the input has the wanted state. */
export async function setItem(frame: Frame, key: ItemKey, done: boolean): Promise<void> {
  const box = checkbox(frame, key);
  if ((await box.isChecked()) === done) return;
  const id = await box.getAttribute('id');
  if (!id) throw new Error(`checklist-check-${key} has no id for its label`);
  await frame.locator(`label[for="${id}"]`).click();
  await waitUntil(async () => (await box.isChecked()) === done, { what: `checklist item ${key} to be ${done ? 'ticked' : 'unticked'}`, timeoutMs: 10_000 });
}

/** Tick every checklist item, as an agent does, and wait until File is enabled. */
export async function tickAllItems(frame: Frame): Promise<void> {
  for (const key of ITEM_KEYS) await setItem(frame, key, true);
  await expect.poll(() => frame.getByTestId('file-button').isEnabled(), eventually).toBe(true);
}

/** After a click on File (or Retry): wait for the filed issue's link and for the write-back to the ticket to succeed. */
export async function waitForFiled(frame: Frame): Promise<void> {
  await frame.getByTestId('filed-issue-link').waitFor({ state: 'visible', timeout: 30_000 });
  await expect.poll(() => frame.getByTestId('writeback-status').getAttribute('data-state'), slowly).toBe('ok');
}

/** Tick every checklist item, click File, and wait until the issue is filed and written back. */
export async function tickAllAndFile(frame: Frame): Promise<void> {
  await tickAllItems(frame);
  await frame.getByTestId('file-button').click();
  await waitForFiled(frame);
}

/** Reload the ticket page (after filing) and wait until the panel shows the linked issue's live state: open. */
export async function reloadOntoLinkedIssue(page: Page): Promise<Frame> {
  const again = await reloadTicket(page);
  await expect.poll(() => again.getByTestId('linked-issue-state').getAttribute('data-state'), slowly).toBe('open');
  return again;
}

/** Which items are ticked, and the note of each. */
export async function readItems(frame: Frame): Promise<Record<string, { done: boolean; note: string }>> {
  const out: Record<string, { done: boolean; note: string }> = {};
  for (const key of ITEM_KEYS) {
    const box = checkbox(frame, key);
    if ((await box.count()) === 0) continue;
    // A collapsed item shows no note field: its note is empty (an item with a note opens by itself).
    const note = frame.getByTestId(`checklist-note-${key}`);
    out[key] = { done: await box.isChecked(), note: (await note.count()) > 0 ? await note.inputValue() : '' };
  }
  return out;
}

/** Open a checklist item (its evidence and note field) if it is collapsed; returns its note field. */
export async function openItem(frame: Frame, key: string): Promise<Locator> {
  const note = frame.getByTestId(`checklist-note-${key}`);
  if ((await note.count()) === 0) await frame.getByTestId(`checklist-toggle-${key}`).click();
  await note.waitFor({ state: 'visible', timeout: 15_000 });
  return note;
}

/** Open the hand-off's optional fields (timeline, CE or sales rep) if they are collapsed. */
export async function openHandoffFields(frame: Frame): Promise<void> {
  const toggle = frame.getByTestId('handoff-fields-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await frame.getByTestId('timeline').waitFor({ state: 'visible', timeout: 15_000 });
}

/** Open the details (evidence, runners-up, overrides) if they are closed. */
export async function openDetails(frame: Frame): Promise<void> {
  const toggle = frame.getByTestId('details-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await frame.getByTestId('details').waitFor({ state: 'visible', timeout: 15_000 });
}

/** The Garden Combobox trigger (role=combobox) inside the override picker with this test id. */
export function comboboxTrigger(frame: Frame, pickerTestId: 'team-override-select' | 'priority-override-select'): Locator {
  return frame.getByTestId(pickerTestId).locator('[role="combobox"]');
}

/** Open the override picker (lazy chunk) with the mouse and choose the option whose value is `value`. */
export async function overrideWithMouse(frame: Frame, which: 'team' | 'priority', value: string): Promise<void> {
  await openDetails(frame);
  const picker = frame.getByTestId(`${which}-override-select`);
  if ((await picker.count()) === 0) await frame.getByTestId(`${which}-override`).click();
  const trigger = comboboxTrigger(frame, `${which}-override-select`);
  await trigger.click();
  await frame.locator(`[role="option"][data-value="${value}"]`).click();
  await waitUntil(async () => (await trigger.getAttribute('aria-expanded')) === 'false', { what: 'the listbox to close', timeoutMs: 10_000 });
}

/**
 * Open the override picker and choose `value` with the keyboard only: Enter on the "Change" button, Enter on the
 * combobox to open it, arrow keys to the option, Enter to choose it. Returns how many arrow presses it took.
 */
export async function overrideWithKeyboard(page: Page, frame: Frame, which: 'team' | 'priority', value: string): Promise<number> {
  await openDetails(frame);
  const button = frame.getByTestId(`${which}-override`);
  await button.focus();
  await page.keyboard.press('Enter');
  const trigger = comboboxTrigger(frame, `${which}-override-select`);
  await trigger.waitFor({ state: 'visible', timeout: 15_000 });
  // The picker replaces the button; focus goes where the agent's next Tab would go: onto the combobox.
  await trigger.focus();
  await page.keyboard.press('Enter');
  await waitUntil(async () => (await trigger.getAttribute('aria-expanded')) === 'true', { what: 'the listbox to open', timeoutMs: 10_000 });
  const options = frame.locator('[role="option"]');
  const values = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
  if (!values.includes(value)) throw new Error(`no option ${value} in ${JSON.stringify(values)}`);
  let presses = 0;
  for (;;) {
    const active = await trigger.getAttribute('aria-activedescendant');
    const activeValue = active ? await frame.locator(`[id="${active}"]`).getAttribute('data-value') : null;
    if (activeValue === value) break;
    if (presses > values.length * 2) throw new Error(`could not reach option ${value} with the arrow keys (active: ${activeValue})`);
    await page.keyboard.press('ArrowDown');
    presses++;
  }
  await page.keyboard.press('Enter');
  await waitUntil(async () => (await trigger.getAttribute('aria-expanded')) === 'false', { what: 'the listbox to close', timeoutMs: 10_000 });
  return presses;
}

/** Unfold all of the form an agent can: the details with the team override picker open, and the issue preview. */
export async function openWholeForm(frame: Frame): Promise<void> {
  await openDetails(frame);
  await frame.getByTestId('team-override').click();
  await frame.getByTestId('team-override-select').waitFor({ state: 'visible', timeout: 15_000 });
  await openPreview(frame);
}

/** Open the collapsible issue preview, and wait for its body rendered as GitHub will (a chunk loaded on opening). */
export async function openPreview(frame: Frame): Promise<void> {
  const preview = frame.getByTestId('issue-preview');
  if ((await preview.getAttribute('data-expanded')) !== 'true') await preview.getByRole('button').first().click();
  await frame.getByTestId('preview-title').waitFor({ state: 'visible', timeout: 15_000 });
  await frame.locator('[data-testid="preview-body"][data-view="rendered"]').waitFor({ state: 'visible', timeout: 15_000 });
}

/** Label names of a GitHub issue JSON. */
export function labelNames(issue: { labels: ({ name: string } | string)[] }): string[] {
  return issue.labels.map((l) => (typeof l === 'string' ? l : l.name)).sort();
}

/** Every issue in a stand-in repository, as GitHub's REST API lists it (open and closed). */
export async function listIssues(h: Harness, repo = 'customer'): Promise<GitHubIssueJson[]> {
  return new Control(h.baseUrl).issues('sourcegraph', repo);
}

/** The ticket as it is now in the preview, write-backs applied (`GET /__state/tickets/<id>`). */
export async function ticketState(h: Harness, id: number): Promise<TicketBundle> {
  return new Control(h.baseUrl).ticketState(id);
}

/**
 * Save a review screenshot under test/output/screenshots/ (git-ignored): the sidebar iframe when `sidebarOnly`
 * (how an agent sees the panel), else the whole ticket page.
 */
export async function saveShot(page: Page, name: string, options: { sidebarOnly?: boolean } = { sidebarOnly: true }): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}.png`);
  if (options.sidebarOnly) {
    await shootSidebar(page, path);
  } else {
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  }
  return path;
}

/**
 * A picture of the whole sidebar app: the host page's sidebar is a sticky column as tall as the window that scrolls
 * on its own, so a panel taller than the window would be cut; the window is made tall enough for the iframe (which
 * the app resizes to its content) for the picture, then put back.
 */
export async function shootSidebar(page: Page, path: string): Promise<void> {
  const iframe = page.getByTestId('app-frame');
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  // Let a resize the app just asked for land first.
  await page.waitForTimeout(250);
  const height = await iframe.evaluate((el) => el.getBoundingClientRect().height);
  try {
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height) + 120) });
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      const aside = document.querySelector('aside.sidebar');
      if (aside) aside.scrollTop = 0;
    });
    await iframe.screenshot({ path, animations: 'disabled' });
  } finally {
    await page.setViewportSize(viewport);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Accessibility: axe-core inside the app's frame.
// ---------------------------------------------------------------------------------------------------------------

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

let axeSource: string | null = null;

/**
 * Run axe-core (the installed package, injected into the app's frame through the DevTools protocol, so the app's
 * own policies are not involved) on the whole panel document and return the problems of at least `minImpact`: the
 * violations, and the "needs review" results of those rules that axe could not settle by itself (e.g. an aria-label
 * on an element without a role, which screen readers ignore). Colour contrast "needs review" results are left out:
 * axe reports them whenever text sits over something it cannot measure; real contrast failures are violations.
 */
export async function axeViolations(frame: Frame, minImpact: 'serious' | 'critical' = 'serious'): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(join('node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const loaded = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await frame.evaluate(`${axeSource}\n;void 0`);
  const { problems, passes } = await frame.evaluate(async () => {
    type Result = { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string; failureSummary?: string }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Result[]; incomplete: Result[]; passes: Result[] }> } }).axe;
    const result = await axe.run(document);
    const review = result.incomplete.filter((r) => r.id !== 'color-contrast' && r.id !== 'color-contrast-enhanced');
    return {
      passes: result.passes.length,
      problems: [...result.violations, ...review.map((r) => ({ ...r, id: `${r.id} (needs review)` }))].map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 300), failureSummary: n.failureSummary })),
      })),
    };
  });
  // A panel that axe found nothing to check in (an empty or blanked document) must not pass as accessible.
  if (passes < 10) throw new Error(`axe-core checked almost nothing (${passes} passing rules): is the panel rendered?`);
  const rank = { minor: 0, moderate: 1, serious: 2, critical: 3 } as Record<string, number>;
  return problems.filter((v) => (rank[v.impact ?? 'minor'] ?? 0) >= rank[minImpact]!);
}

/** A readable list of violations for a failing assertion's message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} ${n.html}\n    ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}

/**
 * Wait until the panel's height has stopped changing (lazy parts such as a picker have finished mounting), so that a
 * click lands on the control it aims at rather than where that control was a frame earlier.
 */
export async function settledLayout(frame: Frame, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let same = 0;
  while (Date.now() < deadline && same < 3) {
    const height = await frame.evaluate(() => document.documentElement.scrollHeight);
    same = height === last ? same + 1 : 0;
    last = height;
    await new Promise((r) => setTimeout(r, 100));
  }
}
