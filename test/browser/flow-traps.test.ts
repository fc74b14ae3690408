// Ticks you can trust (issue 18, item 3), on the preview's two trap tickets in Chromium on the real ZAF SDK: a
// customer fact written only in our own internal note ticks nothing (1014), while that note's "Asked in
// #customer-support-chat" ticks Step 2; a pasted JSON error, stack frames and a firing alert are not a recent change
// (1015), while the customer's own sentences still tick the environment and impact. The rule itself is measured on
// the labelled set (`engage eval --checklist test/fixtures/checklist`, core-checklist-labelled.test.ts).
// Needs `npm run build` first (npm test does it).
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { openTicket, type Harness } from '../support/harness.ts';
import { flowHarnessForFile, readItems, saveShot, waitForForm, type ItemKey } from '../support/flow-steps.ts';

let h: Harness;
flowHarnessForFile('once', (started) => (h = started));

async function statuses(frame: Frame): Promise<Partial<Record<ItemKey, string | null>>> {
  const out: Partial<Record<ItemKey, string | null>> = {};
  for (const key of ['environment', 'repro', 'recent_changes', 'impact', 'urgency', 'teammates'] as const) {
    const tag = frame.getByTestId(`checklist-hint-${key}`);
    out[key] = (await tag.count()) > 0 ? await tag.getAttribute('data-status') : null;
  }
  return out;
}

describe('ticks you can trust', () => {
  it("an agent's internal note ticks no customer fact, only Step 2 (ticket 1014)", async () => {
    const { page, frame } = await openTicket(h, 1014);
    await waitForForm(frame);
    const items = await readItems(frame);
    // "Impact: nobody else reported this. Customer is on 4.3 docker-compose ..., upgraded in May." is ours, not theirs.
    for (const k of ['environment', 'recent_changes', 'impact'] as const) expect(items[k]?.done, k).toBe(false);
    expect(await statuses(frame)).toMatchObject({ environment: 'missing', recent_changes: 'missing', impact: 'missing', teammates: 'found' });
    expect(items.teammates?.done).toBe(true);
    // The customer's own steps are seen as steps (no screenshot or log yet, so not ticked).
    expect((await statuses(frame)).repro).toBe('partial');
    await saveShot(page, 'traps-1014-agent-note');
    await page.close();
  });

  it('a pasted JSON error, stack frames and a firing alert are no recent change; the prose still counts (ticket 1015)', async () => {
    const { page, frame } = await openTicket(h, 1015);
    await waitForForm(frame);
    const items = await readItems(frame);
    expect(items.recent_changes?.done).toBe(false);
    expect(items.environment?.done).toBe(true);
    expect(items.impact?.done).toBe(true);
    expect(await statuses(frame)).toMatchObject({ environment: 'found', recent_changes: 'missing', impact: 'found' });
    // The impact's words are the customer's sentence, with the unimpacted side read as such.
    await frame.getByTestId('checklist-toggle-impact').click();
    const region = frame.locator('#engage-checklist-more-impact');
    await region.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await region.innerText()).toContain('everyone else is fine');
    expect(await region.innerText()).not.toMatch(/Impact: everyone(?! else)/);
    await saveShot(page, 'traps-1015-pasted-log');
    await page.close();
  });
});
