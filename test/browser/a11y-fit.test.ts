// The panel fits Zendesk, checked in Chromium on the real SDK: the page's dark-mode switch recolours the
// panel live (no reload), and the keyboard alone reaches and operates the details, the overrides, the checklist and
// the File button, each with a visible focus indicator. (The sidebar widths: a11y-width.test.ts.)
// Needs `npm run build` first (npm test does it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { openTicket, type Harness } from '../support/harness.ts';
import { eventually, flowHarnessForFile, ITEM_KEYS, openDetails, saveShot, waitForForm, openItem } from '../support/flow-steps.ts';

let h: Harness;
flowHarnessForFile('each', (started) => (h = started));

/** Colours an agent sees: the page behind the panel, the panel's text, and a Garden text field. */
async function colours(frame: Frame): Promise<{ body: string; panel: string; field: string }> {
  return frame.evaluate(() => {
    const panel = document.querySelector('[data-testid="engage-panel"]')!;
    const field = document.querySelector('[data-testid="checklist-note-environment"]')!;
    return {
      body: getComputedStyle(document.body).backgroundColor,
      panel: getComputedStyle(panel).color,
      field: getComputedStyle(field).backgroundColor,
    };
  });
}

describe('dark mode', () => {
  it("follows the page's dark-mode switch live: the panel's background and colours change without a reload", async () => {
    const { page, frame } = await openTicket(h, 1001);
    await waitForForm(frame);
    await openItem(frame, 'environment');
    const light = await colours(frame);
    // A mark in the frame's window: it would vanish if the app were reloaded instead of recoloured.
    await frame.evaluate(() => ((window as unknown as { __h9mark: number }).__h9mark = 42));

    await page.getByTestId('color-scheme-toggle').check();
    await expect.poll(() => colours(frame).then((c) => c.body), eventually).not.toBe(light.body);
    // Garden fades colours (CSS transitions): read them once they have settled.
    await frame.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    const dark = await colours(frame);
    expect(dark.panel).not.toBe(light.panel);
    expect(dark.field).not.toBe(light.field);
    // Dark means a dark background under light text (not merely "different").
    const lum = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).map(Number);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    expect(lum(dark.body)).toBeLessThan(lum(light.body));
    expect(lum(dark.panel)).toBeGreaterThan(lum(dark.body));
    expect(await frame.evaluate(() => (window as unknown as { __h9mark?: number }).__h9mark)).toBe(42);
    await openDetails(frame);
    await saveShot(page, 'dark-mode-form');

    await page.getByTestId('color-scheme-toggle').uncheck();
    await expect.poll(() => colours(frame), eventually).toEqual(light);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Keyboard
// ---------------------------------------------------------------------------------------------------------------

interface Focused {
  /** A number the test writes on the element (data-h9-focus) to find it again after focus has moved on. */
  mark: string;
  testId: string | null;
  tag: string;
  role: string | null;
  checked: boolean | null;
  disabled: boolean;
  /** The focus indicator: outline and box-shadow of the element, and of the box Garden draws for a checkbox. */
  ring: string;
}

/** What has focus in the app's frame, and how its focus indicator looks. */
async function focused(frame: Frame): Promise<Focused | null> {
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const ringOf = (e: HTMLElement): string => {
      const s = getComputedStyle(e);
      let ring = `outline:${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}; shadow:${s.boxShadow}`;
      // Garden hides the checkbox input and draws the box (and its focus ring) on the label's ::before.
      if (e instanceof HTMLInputElement && (e.type === 'checkbox' || e.type === 'radio') && e.id) {
        const label = document.querySelector(`label[for="${CSS.escape(e.id)}"]`);
        if (label) ring += `; box:${getComputedStyle(label, '::before').boxShadow}`;
      }
      return ring;
    };
    if (!el.dataset.h9Focus) el.dataset.h9Focus = String(document.querySelectorAll('[data-h9-focus]').length + 1);
    return {
      mark: el.dataset.h9Focus,
      testId: el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role'),
      checked: el instanceof HTMLInputElement ? el.checked : null,
      disabled: (el as HTMLButtonElement).disabled === true,
      ring: ringOf(el),
    };
  });
}

/**
 * The screen area where a focus indicator of the focused element can show (its box, the label box Garden draws a
 * checkbox in, the accordion header around a header button, plus a margin for rings drawn outside), in the page's
 * viewport coordinates, after scrolling it into view.
 */
async function focusArea(page: Page, frame: Frame): Promise<{ x: number; y: number; width: number; height: number }> {
  const inFrame = await frame.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const boxes = [el.getBoundingClientRect()];
    if (el instanceof HTMLInputElement && el.id) {
      const label = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      if (label) boxes.push(label.getBoundingClientRect());
    }
    const header = el.closest('[data-garden-id="accordions.header"]');
    if (header) boxes.push(header.getBoundingClientRect());
    const left = Math.min(...boxes.map((b) => b.left));
    const top = Math.min(...boxes.map((b) => b.top));
    return { left, top, right: Math.max(...boxes.map((b) => b.right)), bottom: Math.max(...boxes.map((b) => b.bottom)) };
  });
  const iframe = (await page.getByTestId('app-frame').boundingBox())!;
  const viewport = page.viewportSize()!;
  const pad = 5;
  const x = Math.max(0, iframe.x + inFrame.left - pad);
  const y = Math.max(0, iframe.y + inFrame.top - pad);
  const right = Math.min(viewport.width, iframe.x + inFrame.right + pad);
  const bottom = Math.min(viewport.height, iframe.y + inFrame.bottom + pad);
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}

/**
 * Whether focus shows: the area around the focused element, pictured with focus and again with focus taken away,
 * must differ. Focus is then given back, so Tab continues from the same place.
 */
async function focusShows(page: Page, frame: Frame, mark: string): Promise<boolean> {
  // Garden fades its focus rings in and out (CSS transitions of 0.1-0.25 s): picture the settled state.
  const settled = () => frame.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  // The panel may still be moving (a lazy part mounting above, the iframe's height catching up): picture the area
  // only once it stays put between two looks, or the two pictures show the same pixels beside the element.
  let clip = await focusArea(page, frame);
  for (let i = 0; i < 20; i++) {
    // Two frames first, so a transition the focus just started is running (and awaited) rather than not yet begun.
    await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await settled();
    const again = await focusArea(page, frame);
    if (again.x === clip.x && again.y === clip.y && again.width === clip.width && again.height === clip.height) break;
    clip = again;
  }
  const withFocus = await page.screenshot({ clip, caret: 'initial' });
  await frame.evaluate(() => (document.activeElement as HTMLElement).blur());
  await settled();
  const without = await page.screenshot({ clip, caret: 'initial' });
  await frame.locator(`[data-h9-focus="${mark}"]`).focus();
  return !withFocus.equals(without);
}

describe('keyboard', () => {
  it('Tab reaches the details, both overrides, every checklist box and File; Space ticks; focus is always visible', async () => {
    const { page, frame } = await openTicket(h, 1002);
    await waitForForm(frame);
    // Start where an agent's pointer would leave focus: a click on the panel's (non-interactive) header.
    await frame.getByTestId('customer-name').click();

    const seen: string[] = [];
    const checked = new Set<string>();
    const invisible: string[] = [];
    let filed = false;
    for (let presses = 0; presses < 150 && !filed; presses++) {
      await page.keyboard.press('Tab');
      const f = await focused(frame);
      if (!f) continue;
      const id = f.testId ?? `${f.tag}${f.role ? `[role=${f.role}]` : ''}`;
      seen.push(id);
      if (!checked.has(f.mark)) {
        checked.add(f.mark);
        if (!(await focusShows(page, frame, f.mark))) invisible.push(`${id} (${f.ring})`);
      }
      if (f.testId === 'details-toggle' && (await frame.getByTestId('details').count()) === 0) {
        await page.keyboard.press('Enter');
        await frame.getByTestId('details').waitFor({ state: 'visible', timeout: 15_000 });
      }
      if (f.testId?.startsWith('checklist-check-') && !f.checked) {
        await page.keyboard.press('Space');
        await expect.poll(() => frame.getByTestId(f.testId!).isChecked(), eventually).toBe(true);
      }
      if (f.testId === 'file-button') filed = !f.disabled;
    }
    for (const want of ['details-toggle', 'team-override', 'priority-override', 'file-button', ...ITEM_KEYS.map((k) => `checklist-check-${k}`)]) {
      expect(seen, `Tab never reached ${want}; reached: ${seen.join(', ')}`).toContain(want);
    }
    expect(filed, 'File was reached but never enabled after ticking every box with Space').toBe(true);
    for (const k of ITEM_KEYS) expect(await frame.getByTestId(`checklist-check-${k}`).isChecked()).toBe(true);
    // Every control met on the way showed a visible focus indicator.
    expect(checked.size).toBeGreaterThanOrEqual(10);
    expect(invisible, `focus not visible on:\n${invisible.join('\n')}`).toEqual([]);
    await page.close();
  });
});

describe('language', () => {
  it("declares the agent's language on the document, so screen readers pronounce the German panel as German", async () => {
    const { page, frame } = await openTicket(h, 1001, { locale: 'de' });
    await waitForForm(frame);
    const de = JSON.parse(readFileSync('translations/de.json', 'utf8')) as { ui: { details: { show: string } } };
    expect(await frame.getByTestId('details-toggle').textContent()).toBe(de.ui.details.show);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.close();
  });
});
