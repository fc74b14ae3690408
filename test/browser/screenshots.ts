// The README's pictures of the panel: `npm run screenshots` (after `npm run build`) opens a fixture
// ticket in the preview, in Chromium on the real ZAF SDK, once in light and once in dark mode, and writes the sidebar
// (cropped to the app's iframe, its first screenful) to docs/screenshots/panel-light.png and panel-dark.png; then,
// for the walk-through, the same ticket with the priority changed (panel-changed.png) and right after filing
// (panel-filed.png), then a second customer's ticket offering that issue as similar (panel-similar.png); last the
// insights page on a generated history (insights.png, insights-dark.png).
// The browser tests' review screenshots of every state go to test/output/screenshots/ instead (not committed).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openTicket } from '../support/harness.ts';
import { ITEM_KEYS, overrideWithMouse, setItem, startFlowHarness, waitForForm } from '../support/flow-steps.ts';
import { waitUntil } from '../support/wait.ts';
import type { Frame } from 'playwright-core';
import { errorMessage } from '../../src/core/guards.ts';
import { insightsScreenshots } from './screenshots-insights.ts';

const OUT_DIR = join('docs', 'screenshots');
/** Acme Robotics: a Distribution outage, with every kind of evidence the first view shows. */
const TICKET_ID = 1001;
/** Sample ticket 1017: Blue Sun tells 1001's problem in other words. */
const SECOND_CUSTOMER = 1017;
/** How much of the panel the README shows: the first view and the start of the checklist. */
const MAX_HEIGHT = 960;

/** The sidebar app's iframe, cropped to its first MAX_HEIGHT pixels. */
async function shootPanel(page: Page, path: string): Promise<void> {
  const iframe = page.getByTestId('app-frame');
  // Let the app's last resize land, then make the window tall enough that the sidebar column does not cut it.
  await page.waitForTimeout(300);
  await page.setViewportSize({ width: 1280, height: MAX_HEIGHT + 200 });
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    const aside = document.querySelector('aside.sidebar');
    if (aside) aside.scrollTop = 0;
  });
  const box = await iframe.boundingBox();
  if (!box) throw new Error('the app iframe is not on screen');
  await page.screenshot({
    path,
    animations: 'disabled',
    clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, MAX_HEIGHT) },
  });
}

/** The app's iframe from its File button down to the end of the similar issues: what a second customer's agent sees. */
async function shootSimilar(page: Page, frame: Frame, path: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: MAX_HEIGHT + 200 });
  const iframe = await page.getByTestId('app-frame').boundingBox();
  const file = await frame.getByTestId('file-button').boundingBox();
  const similar = await frame.getByTestId('similar-issues').boundingBox();
  if (!iframe || !file || !similar) throw new Error('the similar issues are not on screen');
  const top = Math.max(iframe.y, file.y - 16);
  await page.screenshot({ path, animations: 'disabled', clip: { x: iframe.x, y: top, width: iframe.width, height: similar.y + similar.height + 8 - top } });
}

/** Fonts in, nothing loading: a picture must not catch a skeleton. */
async function settle(frame: Frame): Promise<void> {
  await frame.evaluate(() => document.fonts.ready.then(() => undefined));
  if ((await frame.locator('[aria-busy="true"]').count()) > 0) {
    await frame.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 15_000 });
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const h = await startFlowHarness();
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, frame } = await openTicket(h, TICKET_ID, { colorScheme: scheme });
      await waitForForm(frame);
      const shown = await frame.locator('[data-color-scheme]').first().getAttribute('data-color-scheme');
      if (shown !== scheme) throw new Error(`the panel shows ${shown}, not ${scheme}`);
      // Fonts and the lazily loaded work area are in.
      await settle(frame);
      const path = join(OUT_DIR, `panel-${scheme}.png`);
      await shootPanel(page, path);
      console.log(`wrote ${path}`);
      await page.close();
    }
    // Last, as it files the ticket (the passes above need it unfiled).
    {
      const { page, frame } = await openTicket(h, TICKET_ID, { colorScheme: 'light' });
      await waitForForm(frame);
      await settle(frame);
      // The walk-through: the agent lowers the outage to ce/p1 (the headline follows, the suggestion stays below,
      // the reason field opens beside it), then files; the form makes way for the card.
      await overrideWithMouse(frame, 'priority', '1');
      await frame.getByTestId('override-reason').fill('Only the frontend pods restart; search still works');
      await frame.getByTestId('details-toggle').click(); // the evidence closed again: the picture shows the change
      await settle(frame);
      await shootPanel(page, join(OUT_DIR, 'panel-changed.png'));
      // Outside vitest: the flow steps that assert (tickAllAndFile) are not usable here, so plainly.
      for (const key of ITEM_KEYS) await setItem(frame, key, true);
      await frame.getByTestId('file-button').click();
      await frame.getByTestId('filed-issue-link').waitFor({ state: 'visible', timeout: 30_000 });
      await waitUntil(async () => (await frame.getByTestId('writeback-status').getAttribute('data-state')) === 'ok', {
        what: 'the write-back',
        timeoutMs: 30_000,
      });
      await settle(frame);
      await shootPanel(page, join(OUT_DIR, 'panel-filed.png'));
      console.log(`wrote ${join(OUT_DIR, 'panel-changed.png')}, ${join(OUT_DIR, 'panel-filed.png')}`);
      await page.close();
    }
    // A second customer's ticket about the same problem (sample ticket 1017): the issue just filed is offered as
    // similar below File, with why it was picked.
    {
      const { page, frame } = await openTicket(h, SECOND_CUSTOMER, { colorScheme: 'light' });
      await waitForForm(frame);
      await frame.getByTestId('similar-issue').first().waitFor({ state: 'visible', timeout: 30_000 });
      await settle(frame);
      await frame.getByTestId('similar-issues').scrollIntoViewIfNeeded();
      await shootSimilar(page, frame, join(OUT_DIR, 'panel-similar.png'));
      console.log(`wrote ${join(OUT_DIR, 'panel-similar.png')}`);
      await page.close();
    }
  } finally {
    await h.close();
  }
  // The insights page, on the preview with its generated history (screenshots-insights.ts).
  console.log(`wrote ${(await insightsScreenshots(OUT_DIR)).join(', ')}`);
}

main().catch((e: unknown) => {
  console.error(`screenshots: ${errorMessage(e)}`);
  process.exitCode = 1;
});
