// Load-time figures in headless Chromium: the preview's ticket page with the app in its sidebar iframe, against a
// bare React + Garden page put in the very same iframe, under the same CPU throttling, interleaved in one run.
//
// Both iframe documents and their assets are served from disk by the same Playwright route handler, so the only
// difference between the two loads is the code inside the iframe. The time is read inside the iframe itself:
// `performance.now()` there counts from the iframe's own navigation start, and it is taken in the
// requestAnimationFrame callback in which the marker elements are first visible, i.e. the frame they are painted in.
import { readFileSync, existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Browser, BrowserContext, Frame, Page, Route } from 'playwright-core';
import { median } from './result.ts';

export const APP_IFRAME_PATH = '/app/assets/iframe.html';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

/**
 * Runs in every frame before its own scripts. In the app iframe it watches, once per animation frame, for the
 * suggested team and priority (the app) or the baseline's marker, and records the time and the resources fetched
 * until then. Kept as a string so it is exactly what the browser runs.
 */
export const MARKER_SCRIPT = `(() => {
  if (!location.pathname.endsWith(${JSON.stringify(APP_IFRAME_PATH)})) return;
  const bench = { visibleAt: null, kind: null, fcp: null, resources: [], marks: [] };
  Object.defineProperty(window, '__engageBench', { value: bench, configurable: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') bench.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch (e) {}
  const visible = (selector) => {
    const el = document.querySelector(selector);
    if (!el) return false;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && (el.textContent || '').trim().length > 0;
  };
  const tick = () => {
    const app = visible('[data-testid="suggested-team"]') && visible('[data-testid="suggested-priority"]');
    const baseline = !app && visible('[data-bench="baseline-ready"]');
    if (app || baseline) {
      bench.visibleAt = performance.now();
      bench.kind = app ? 'app' : 'baseline';
      bench.resources = performance.getEntriesByType('resource')
        .filter((e) => e.startTime <= bench.visibleAt)
        .map((e) => ({ url: e.name, start: e.startTime }));
      bench.marks = performance.getEntriesByType('mark')
        .filter((e) => e.name.startsWith('engage:'))
        .map((e) => ({ name: e.name.slice(7), at: e.startTime }));
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

export interface FrameMark {
  visibleAt: number;
  kind: 'app' | 'baseline';
  fcp: number | null;
  /** What the iframe requested before the marker was visible (the iframe document itself not included), with the
   * request's start time in the iframe's clock. */
  resources: { url: string; start: number }[];
  /** The app's User Timing marks (`engage:<step>`, src/ui/marks.ts) set before the marker was visible. */
  marks: { name: string; at: number }[];
  /** The iframe document's URL. */
  documentUrl: string;
}

export interface LoadTarget {
  /** The preview's ticket page, e.g. http://127.0.0.1:4567/tickets/990001 */
  pageUrl: string;
  /** `app`: the built app from `distDir`; `baseline`: the baseline page in the app iframe's place. */
  kind: 'app' | 'baseline';
}

export interface ServeDirs {
  /** dist/ of the app: `/app/<path>` is served from `<distDir>/<path>`. */
  distDir: string;
  /** Output of the baseline build (bench/output/baseline), served at `baselineBase`. */
  baselineDir: string;
  baselineBase: string;
}

function fulfilFile(route: Route, file: string): Promise<void> {
  if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
  return route.fulfill({
    status: 200,
    headers: { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' },
    body: readFileSync(file),
  });
}

/** Serve the iframe (app or baseline) and its assets from disk, identically for both kinds. */
export async function routeIframe(context: BrowserContext, kind: LoadTarget['kind'], dirs: ServeDirs): Promise<void> {
  await context.route(
    (url) => url.pathname.startsWith('/app/') || url.pathname.startsWith(dirs.baselineBase),
    (route) => {
      const url = new URL(route.request().url());
      if (url.pathname.startsWith(dirs.baselineBase)) {
        return fulfilFile(route, resolve(dirs.baselineDir, url.pathname.slice(dirs.baselineBase.length)));
      }
      if (kind === 'baseline' && url.pathname === APP_IFRAME_PATH) {
        return fulfilFile(route, resolve(dirs.baselineDir, 'index.html'));
      }
      return fulfilFile(route, resolve(dirs.distDir, decodeURIComponent(url.pathname.slice('/app/'.length))));
    },
  );
}

export async function waitForAppFrame(page: Page, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => new URL(f.url() || 'about:blank', 'http://x').pathname === APP_IFRAME_PATH);
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`no iframe at ${APP_IFRAME_PATH} on ${page.url()} after ${timeoutMs} ms`);
    await page.waitForTimeout(20);
  }
}

/**
 * Apply CPU throttling to the page's renderer. A same-origin (same-site) iframe shares the page's renderer process,
 * so the page's session throttles it too; an out-of-process iframe would need its own session, which
 * `throttleCheck` below would reveal (its ratio would stay near 1).
 */
export async function throttle(context: BrowserContext, page: Page, rate: number): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** Try to throttle an out-of-process iframe through its own session; false when the frame shares the page's process. */
export async function throttleFrameIfSeparate(context: BrowserContext, frame: Frame, rate: number): Promise<boolean> {
  try {
    const cdp = await context.newCDPSession(frame);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    return true;
  } catch {
    return false;
  }
}

/** One cold load (fresh context: empty cache and storage) of the ticket page; the time read inside the iframe. */
export async function measureLoad(
  browser: Browser,
  target: LoadTarget,
  dirs: ServeDirs,
  cpuRate: number,
  timeoutMs = 60_000,
): Promise<FrameMark> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript({ content: MARKER_SCRIPT });
    await routeIframe(context, target.kind, dirs);
    const page = await context.newPage();
    if (cpuRate !== 1) await throttle(context, page, cpuRate);
    await page.goto(target.pageUrl, { waitUntil: 'commit' });
    const frame = await waitForAppFrame(page, timeoutMs);
    await frame.waitForFunction(
      () => (window as unknown as { __engageBench?: { visibleAt: number | null } }).__engageBench?.visibleAt != null,
      undefined,
      { timeout: timeoutMs, polling: 100 },
    );
    const mark = await frame.evaluate(() => {
      const b = (window as unknown as { __engageBench: Omit<FrameMark, 'documentUrl'> }).__engageBench;
      return { ...b, documentUrl: location.href };
    });
    if (mark.kind !== target.kind) throw new Error(`expected the ${target.kind} page in the iframe, found the ${mark.kind}`);
    return mark;
  } finally {
    await context.close();
  }
}

/**
 * How much slower the iframe's JavaScript really runs under the requested throttling: the same busy loop timed in
 * the iframe at rate 1 and at `rate`. Near `rate` means the throttling reaches the iframe.
 */
export async function throttleCheck(browser: Browser, target: LoadTarget, dirs: ServeDirs, rate: number): Promise<number> {
  const context = await browser.newContext();
  try {
    await context.addInitScript({ content: MARKER_SCRIPT });
    await routeIframe(context, target.kind, dirs);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(target.pageUrl);
    const frame = await waitForAppFrame(page);
    // Only once the app has painted and settled: its own start-up work would otherwise inflate the unthrottled run.
    await frame.waitForFunction(
      () => (window as unknown as { __engageBench?: { visibleAt: number | null } }).__engageBench?.visibleAt != null,
      undefined,
      { timeout: 60_000, polling: 100 },
    );
    await page.waitForTimeout(1_000);
    const spin = () =>
      frame.evaluate(() => {
        const start = performance.now();
        let x = 0;
        for (let i = 0; i < 5_000_000; i++) x = (x * 31 + i) % 1_000_003;
        return performance.now() - start + (x < 0 ? 1 : 0);
      });
    const best = async () => Math.min(await spin(), await spin(), await spin());
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await best(); // warm the JIT so every measured run executes the same optimised code
    // Alternate the two rates and keep the median ratio: on a busy machine a single pair is mostly noise.
    const ratios: number[] = [];
    for (let i = 0; i < 5; i++) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      const normal = await best();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const throttled = await best();
      ratios.push(throttled / normal);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return median(ratios);
  } finally {
    await context.close();
  }
}

export interface LoadSeries {
  app: FrameMark[];
  baseline: FrameMark[];
}

/** `loads` cold loads of each kind, interleaved (app, baseline, app, ...) so machine noise hits both alike. */
export async function measureLoadSeries(
  browser: Browser,
  pageUrl: string,
  dirs: ServeDirs,
  options: { loads: number; cpuRate: number; warmup?: number; onProgress?: (done: number, total: number) => void },
): Promise<LoadSeries> {
  const series: LoadSeries = { app: [], baseline: [] };
  // Warm-up loads (not counted) get Chromium's own caches (code cache aside, which a fresh context drops) going.
  for (let i = 0; i < (options.warmup ?? 1); i++) {
    await measureLoad(browser, { pageUrl, kind: 'app' }, dirs, options.cpuRate);
    await measureLoad(browser, { pageUrl, kind: 'baseline' }, dirs, options.cpuRate);
  }
  for (let i = 0; i < options.loads; i++) {
    series.app.push(await measureLoad(browser, { pageUrl, kind: 'app' }, dirs, options.cpuRate));
    series.baseline.push(await measureLoad(browser, { pageUrl, kind: 'baseline' }, dirs, options.cpuRate));
    options.onProgress?.(i + 1, options.loads);
  }
  return series;
}
