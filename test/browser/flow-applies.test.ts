// Ask only what applies (core/requirements.ts), in Chromium on the real ZAF SDK: a feature request (ce/p3) is not
// asked for reproduction, recent changes or impact, and File opens once the remaining items are ticked; an outage
// (ce/p0) with nothing else known files at once, and its issue lists what support is still gathering.
// Needs `npm run build` first (npm test does it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openTicket, type Harness } from '../support/harness.ts';
import {
  checkbox,
  eventually,
  flowHarnessForFile,
  labelNames,
  listIssues,
  saveShot,
  setItem,
  waitForFiled,
  waitForForm,
  type ItemKey,
} from '../support/flow-steps.ts';

const en = JSON.parse(readFileSync('translations/en.json', 'utf8')) as {
  ui: { checklist: { items: Record<ItemKey, string>; items_short: Record<ItemKey, string> } };
};
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let h: Harness;
flowHarnessForFile('once', (started) => (h = started));

describe('ask only what applies', () => {
  it('a feature request (ce/p3): no repro, recent changes or impact to tick; File opens with the rest', async () => {
    const { page, frame } = await openTicket(h, 1011);
    await waitForForm(frame);
    expect(await frame.getByTestId('priority-decision').getAttribute('data-level')).toBe('3');

    const skipped: ItemKey[] = ['repro', 'recent_changes', 'impact'];
    const asked: ItemKey[] = ['environment', 'urgency', 'teammates'];
    for (const k of skipped) expect(await frame.getByTestId(`checklist-item-${k}`).count(), k).toBe(0);
    const notNeeded = frame.getByTestId('checklist-not-needed');
    await notNeeded.waitFor({ state: 'visible', timeout: 15_000 });
    for (const k of skipped) expect(await notNeeded.textContent()).toContain(en.ui.checklist.items_short[k]);
    // The remaining checkboxes are named by their item, first.
    for (const k of asked) {
      const named = frame.getByRole('checkbox', { name: new RegExp(`^${escape(en.ui.checklist.items[k])}`) });
      expect(await named.getAttribute('data-testid'), k).toBe(`checklist-check-${k}`);
    }

    const file = frame.getByTestId('file-button');
    for (const k of asked) await setItem(frame, k, false);
    await expect.poll(() => file.isDisabled(), eventually).toBe(true);
    const reason = (await frame.getByTestId('file-disabled-reason').textContent()) ?? '';
    for (const k of asked) expect(reason).toContain(en.ui.checklist.items_short[k]);
    for (const k of skipped) expect(reason).not.toContain(en.ui.checklist.items_short[k]);
    for (const k of asked) await setItem(frame, k, true);
    await expect.poll(() => file.isEnabled(), eventually).toBe(true);
    expect(await frame.getByTestId('file-disabled-reason').count()).toBe(0);
    await saveShot(page, 'applies-feature-request');
    await page.close();
  });

  it('an outage (ce/p0) with nothing else known: File at once, and the issue lists what is still being gathered', async () => {
    const { page, frame } = await openTicket(h, 1013);
    await waitForForm(frame);
    expect(await frame.getByTestId('priority-decision').getAttribute('data-level')).toBe('0');
    const file = frame.getByTestId('file-button');
    await expect.poll(() => file.isEnabled(), eventually).toBe(true);
    expect(await checkbox(frame, 'environment').isChecked()).toBe(false);
    await frame.getByTestId('checklist-outage-notice').waitFor({ state: 'visible', timeout: 15_000 });
    const gathering = frame.getByTestId('file-gathering');
    expect(await gathering.textContent()).toContain(en.ui.checklist.items_short.environment);
    expect(await file.getAttribute('aria-describedby')).toContain(await gathering.getAttribute('id'));
    expect(await frame.getByTestId('escalate-anyway').count()).toBe(0);
    await saveShot(page, 'applies-outage');

    await file.click();
    await waitForFiled(frame);
    const issues = await listIssues(h);
    expect(issues).toHaveLength(1);
    const issue = issues[0]!;
    expect(labelNames(issue)).toContain('ce/p0');
    const body = issue.body ?? '';
    expect(body).toContain('### Still gathering');
    const section = body.slice(body.indexOf('### Still gathering'), body.indexOf('### Step 1'));
    expect(section).toContain('- Environment and versions');
    expect(section).toContain('- Asked in #customer-support-chat first (Step 2)');
    expect(body.indexOf('### Still gathering')).toBeLessThan(body.indexOf('### Step 1'));
    await page.close();
  });

  it('escalating past the checklist is an action of its own: a button apart from the items, by keyboard, announced, asking the reason', async () => {
    const { page, frame } = await openTicket(h, 1014);
    await waitForForm(frame);
    const file = frame.getByTestId('file-button');
    await expect.poll(() => file.isDisabled(), eventually).toBe(true);
    const escalate = frame.getByTestId('escalate-anyway');
    // A button, not a checkbox, outside the checklist: ticking down the list never reaches it.
    expect(await escalate.evaluate((el) => el.tagName)).toBe('BUTTON');
    expect(await escalate.getAttribute('aria-expanded')).toBe('false');
    expect(await frame.getByTestId('checklist').locator('[data-testid="escalate-anyway"]').count()).toBe(0);
    expect(await frame.getByRole('checkbox', { name: /escalate/i }).count()).toBe(0);
    // Keyboard: focus it and press Enter; the reason field opens and takes the focus.
    await escalate.focus();
    await page.keyboard.press('Enter');
    const reason = frame.getByTestId('escalate-reason');
    await reason.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await escalate.getAttribute('aria-expanded')).toBe('true');
    expect(await reason.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await file.isDisabled()).toBe(true); // no reason yet
    await page.keyboard.type('Customer demo in an hour; the rest follows on the call');
    await expect.poll(() => file.isEnabled(), eventually).toBe(true);
    // And back: the way out closes it and File waits for the checklist again.
    await escalate.click();
    await expect.poll(() => file.isDisabled(), eventually).toBe(true);
    expect(await reason.count()).toBe(0);
    await page.close();
  });
});
