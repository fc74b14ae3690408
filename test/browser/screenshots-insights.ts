// The README's picture of the insights page: docs/screenshots/insights.png (and insights-dark.png), made by
// `npm run screenshots` (screenshots.ts calls this) on the preview with its generated history, in Chromium on the
// real ZAF SDK. The whole app pane is pictured once every figure is in and the charts are drawn.
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { appFrame, startHarness } from '../support/harness.ts';
import { requireBuild } from '../support/dist.ts';
import { waitUntil } from '../support/wait.ts';

const WIDTH = 1280;

async function shoot(page: Page, frame: Frame, path: string): Promise<void> {
  await waitUntil(async () => (await frame.getByTestId('issues-summary').count()) === 1, { what: 'the tracker figures', timeoutMs: 60_000 });
  await waitUntil(async () => (await frame.getByTestId('insights-progress').textContent()) === '', { what: 'the end of loading', timeoutMs: 30_000 });
  // Chart.js draws once its chunk has loaded; every canvas then has pixels.
  await waitUntil(
    () =>
      frame.evaluate(() =>
        [...document.querySelectorAll('canvas')].every((c) => {
          const ctx = c.getContext('2d');
          return !!ctx && c.width > 0 && ctx.getImageData(0, 0, c.width, c.height).data.some((v) => v !== 0);
        }),
      ),
    { what: 'the charts', timeoutMs: 30_000 },
  );
  await frame.evaluate(() => document.fonts.ready.then(() => undefined));
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: WIDTH, height: height + 140 });
  await page.evaluate((h) => {
    const f = document.getElementById('app-frame');
    if (f) f.style.height = `${h}px`;
  }, height);
  const box = await page.getByTestId('app-frame').boundingBox();
  if (!box) throw new Error('the insights iframe is not on screen');
  await page.screenshot({ path, animations: 'disabled', clip: { x: box.x, y: box.y, width: box.width, height } });
}

export async function insightsScreenshots(outDir: string): Promise<string[]> {
  requireBuild();
  const h = await startHarness({ builtinTickets: false, history: true, settings: { settings: {}, secure: {} }, recordTraffic: false });
  const written: string[] = [];
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await h.context.newPage();
      await page.setViewportSize({ width: WIDTH, height: 900 });
      await page.goto(new URL(`/insights?colorScheme=${scheme}`, h.baseUrl).toString());
      const frame = await appFrame(page);
      const path = join(outDir, scheme === 'light' ? 'insights.png' : 'insights-dark.png');
      await shoot(page, frame, path);
      written.push(path);
      await page.close();
    }
  } finally {
    await h.close();
  }
  return written;
}
