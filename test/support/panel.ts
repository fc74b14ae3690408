// Driving the Engage panel in the preview through its test ids, as an agent would: complete the checklist, file,
// read the outcome. Shared by the drills and the benchmark (so no vitest here); a ticket is opened with
// `openTicket` from ./harness.ts.
import type { Frame, Locator, Page } from 'playwright-core';
import type { Control } from './control.ts';
import { waitUntil } from './wait.ts';

/** Step-1 items plus Step 2 ("teammates asked"), in the panel's order. */
export const CHECK_KEYS = ['environment', 'repro', 'recent_changes', 'impact', 'urgency', 'teammates'] as const;

async function setChecked(box: Locator): Promise<void> {
  // Garden draws its own box over a visually hidden input; `check({force})` reaches the input when the label
  // intercepts the pointer.
  try {
    await box.check({ timeout: 2_000 });
  } catch {
    await box.check({ force: true, timeout: 2_000 });
  }
}

export type DraftView = Record<string, { checked: boolean; note: string | null }>;

/** The draft as the agent sees it: which items are ticked and what the notes say (read in one round trip). */
export async function readDraft(app: Frame): Promise<DraftView> {
  const entries = await app.locator('[data-testid^="checklist-check-"], [data-testid^="checklist-note-"]').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-testid') ?? '',
      checked: (el as HTMLInputElement).checked,
      value: (el as HTMLInputElement | HTMLTextAreaElement).value ?? '',
    })),
  );
  const draft: DraftView = {};
  for (const key of CHECK_KEYS) {
    const box = entries.find((e) => e.id === `checklist-check-${key}`);
    if (!box) continue;
    const note = entries.find((e) => e.id === `checklist-note-${key}`);
    draft[key] = { checked: box.checked, note: note ? note.value : null };
  }
  return draft;
}

/** Tick every checklist item (with a short note where the item has a note field) until File is enabled. */
export async function prepareToFile(app: Frame, notePrefix = 'drill'): Promise<void> {
  await app.getByTestId('file-button').waitFor({ state: 'visible', timeout: 30_000 });
  const draft = await readDraft(app);
  for (const [key, item] of Object.entries(draft)) {
    if (item.note === '') await app.getByTestId(`checklist-note-${key}`).fill(`${notePrefix}: ${key} confirmed with the customer`);
    if (!item.checked) await setChecked(app.getByTestId(`checklist-check-${key}`));
  }
  await waitUntil(() => app.getByTestId('file-button').isEnabled(), {
    timeoutMs: 10_000,
    what: 'the File button to be enabled after the checklist',
  });
}

/** File is enabled already (settings without the required checklist), else complete the checklist. */
export async function readyToFile(app: Frame): Promise<void> {
  const button = app.getByTestId('file-button');
  await button.waitFor({ state: 'visible', timeout: 30_000 });
  if (await button.isEnabled()) return;
  await prepareToFile(app);
}

export async function clickFile(app: Frame): Promise<void> {
  await app.getByTestId('file-button').click();
}

/** Wait for the filed issue's link and return its URL. */
export async function waitForIssueLink(app: Frame, timeoutMs = 30_000): Promise<string> {
  const link = app.getByTestId('filed-issue-link');
  await link.waitFor({ state: 'visible', timeout: timeoutMs });
  const href = await link.getAttribute('href');
  if (!href) throw new Error('filed-issue-link has no href');
  return href;
}

/** The filing error alert: its whole text (title, message, next step). */
export async function waitForFilingError(app: Frame, timeoutMs = 30_000): Promise<string> {
  const alert = app.getByTestId('filing-error');
  await alert.waitFor({ state: 'visible', timeout: timeoutMs });
  return (await alert.innerText()).trim();
}

/** Wait until the preview's request log has not grown for `quietMs` (the panel is done talking to the servers). */
export async function waitForLogQuiet(control: Control, quietMs = 600, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const log = await control.log();
    const n = log.zendesk.length + log.github.length;
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const inflightByPage = new WeakMap<Page, Set<unknown>>();

/** Requests of the page (host and iframe) that have not finished yet, tracked from the first call on. */
function inflight(page: Page): Set<unknown> {
  let set = inflightByPage.get(page);
  if (!set) {
    const open = new Set<unknown>();
    page.on('request', (r) => open.add(r));
    page.on('requestfinished', (r) => open.delete(r));
    page.on('requestfailed', (r) => open.delete(r));
    inflightByPage.set(page, open);
    set = open;
  }
  return set;
}

/**
 * Move the page's (installed) clock forward in steps until `done()` holds: skips the app's own long waits (the
 * settle window after a lost answer, GitHub's pacing between creates, back-offs, a rate-limit countdown) without
 * faking anything else. It only jumps while no request of the page is in flight, so no client timeout is ever
 * triggered by the jump itself; each jump fires just the timers that were due, and real time flows in between.
 */
export async function pumpClockUntil(page: Page, done: () => Promise<boolean>, options: { stepMs?: number; timeoutMs?: number } = {}): Promise<void> {
  const open = inflight(page);
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('pumpClockUntil: the condition did not hold in time');
    if (open.size === 0) await page.clock.fastForward(options.stepMs ?? 2_000);
    await page.waitForTimeout(100);
  }
}

/** Start tracking the page's in-flight requests now (call before the requests you want the pump to respect). */
export function trackRequests(page: Page): void {
  inflight(page);
}

/** Resolves when the host page forwards the app's GitHub create (POST .../issues) to the preview's proxy. */
export function createRequestSent(page: Page, owner = 'sourcegraph', repo = 'customer'): Promise<unknown> {
  const target = new RegExp(`/repos/${owner}/${repo}/issues"`);
  return page.waitForRequest(
    (r) => r.url().endsWith('/__zaf/request') && /"(type|method)":"POST"/.test(r.postData() ?? '') && target.test(r.postData() ?? ''),
    { timeout: 30_000 },
  );
}
