// Load-time figures in headless Chromium: the preview's ticket page with the app in its sidebar iframe, against a
// bare React + Garden page put in the very same iframe, under the same CPU throttling, interleaved in one run.
//
// Each kind is served by a preview server of its own (the app's dist/, or the baseline built like one), so the only
// difference between the two loads is the code inside the iframe. Nothing intercepts requests: Playwright's request
// routing would hold every request of the page (the app's Zendesk API calls through the host page too) for a round
// trip to the Node process. The time is read inside the iframe itself:
// `performance.now()` there counts from the iframe's own navigation start, and it is taken in the
// requestAnimationFrame callback in which the marker elements are first visible, i.e. the frame they are painted in.
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { median } from './result.ts';

export const APP_IFRAME_PATH = '/app/assets/iframe.html';

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
    const app = visible('[data-testid="team-decision"]') && visible('[data-testid="priority-decision"]');
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
      // Tell the bench (a binding, see measureLoad): it must not poll the frame while the load is measured. The
      // first contentful paint reaches the observer after its frame: wait for it (a second at most) first.
      let frames = 0;
      const report = () => {
        if (bench.fcp === null && frames++ < 60) return requestAnimationFrame(report);
        if (typeof window.__engageBenchVisible === 'function') window.__engageBenchVisible();
      };
      report();
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
  /** The app's User Timing marks (`engage:<step>`, src/ui/start/marks.ts) set before the marker was visible. */
  marks: { name: string; at: number }[];
  /** The iframe document's URL. */
  documentUrl: string;
}

export interface LoadTarget {
  /** A preview's ticket page, e.g. http://127.0.0.1:4567/tickets/990001 */
  pageUrl: string;
  /** `app`: the preview serves the built app; `baseline`: it serves the baseline page in the app iframe's place. */
  kind: 'app' | 'baseline';
}

/** The same ticket page on the app's preview and on the baseline's. */
export interface PageUrls {
  app: string;
  baseline: string;
}

/**
 * The app iframe's frame, found by its URL without touching the page. Not the tests' `appFrame`
 * (test/support/harness.ts): that one waits for the registration with a function Playwright injects and polls in the
 * page, which would run inside the very load being timed.
 */
export async function waitForAppFrame(page: Page, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => new URL(f.url() || 'about:blank', 'http://x').pathname === APP_IFRAME_PATH);
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`no iframe at ${APP_IFRAME_PATH} on ${page.url()} after ${timeoutMs} ms`);
    await page.waitForTimeout(20);
  }
}

/** CPU throttling of a page and of its out-of-process iframes; `set` changes the rate of all of them. */
export interface Throttling {
  set(rate: number): Promise<void>;
}

/**
 * Throttle the page's renderer and, from its first instruction, every out-of-process iframe it opens, each through
 * its own DevTools session: as in Zendesk, the app's iframe (served cross-site) runs in a process of its own, beside
 * the host page rather than on its main thread. New iframes are held at their start (`waitForDebuggerOnStart`) until
 * their rate is set. The sessions are reached through `Target.sendMessageToTarget`, because Playwright's CDPSession
 * cannot address a child session of the flat protocol.
 */
export async function throttleAll(context: BrowserContext, page: Page, rate: number): Promise<Throttling> {
  const cdp = await context.newCDPSession(page);
  const children = new Set<string>();
  const pending = new Map<number, () => void>();
  let current = rate;
  let nextId = 1;
  const call = (sessionId: string, method: string, params: object): Promise<void> => {
    const id = nextId++;
    const answered = new Promise<void>((resolve) => pending.set(id, resolve));
    const message = JSON.stringify({ id, method, params });
    return cdp.send('Target.sendMessageToTarget', { sessionId, message }).then(() => answered);
  };
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const { id } = JSON.parse(event.message) as { id?: number };
    if (id === undefined) return; // an event of the child session, not an answer
    pending.get(id)?.();
    pending.delete(id);
  });
  cdp.on('Target.attachedToTarget', (event) => {
    const { sessionId } = event;
    // Any other target (a worker) is only let go; an iframe first gets the current rate.
    const isFrame = event.targetInfo.type === 'iframe';
    if (isFrame) children.add(sessionId);
    const ready = isFrame ? call(sessionId, 'Emulation.setCPUThrottlingRate', { rate: current }) : Promise.resolve();
    void ready.then(() => call(sessionId, 'Runtime.runIfWaitingForDebugger', {})).catch(() => undefined);
  });
  cdp.on('Target.detachedFromTarget', (event) => {
    if (event.sessionId) children.delete(event.sessionId);
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return {
    async set(next) {
      current = next;
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: next });
      await Promise.all([...children].map((id) => call(id, 'Emulation.setCPUThrottlingRate', { rate: next })));
    },
  };
}

/** One cold load (fresh context: empty cache and storage) of the ticket page; the time read inside the iframe. */
export async function measureLoad(
  browser: Browser,
  target: LoadTarget,
  cpuRate: number,
  timeoutMs = 60_000,
): Promise<FrameMark> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript({ content: MARKER_SCRIPT });
    // The marker script reports through a binding. Waiting with `frame.waitForFunction` instead would inject
    // Playwright's helper script into the iframe during the very start being measured (some 80 ms of main thread
    // at 4x), and would poll it.
    let reported: () => void = () => undefined;
    const visible = new Promise<void>((resolve) => (reported = resolve));
    await context.exposeBinding('__engageBenchVisible', () => reported());
    const page = await context.newPage();
    if (cpuRate !== 1) await throttleAll(context, page, cpuRate);
    await page.goto(target.pageUrl, { waitUntil: 'commit' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the ${target.kind} marker was not visible within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([visible, timeout]).finally(() => clearTimeout(timer));
    const frame = await waitForAppFrame(page, timeoutMs);
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
export async function throttleCheck(browser: Browser, target: LoadTarget, rate: number): Promise<number> {
  const context = await browser.newContext();
  try {
    await context.addInitScript({ content: MARKER_SCRIPT });
    const page = await context.newPage();
    const throttling = await throttleAll(context, page, 1);
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
    await throttling.set(1);
    await best(); // warm the JIT so every measured run executes the same optimised code
    // Alternate the two rates and keep the median ratio: on a busy machine a single pair is mostly noise.
    const ratios: number[] = [];
    for (let i = 0; i < 5; i++) {
      await throttling.set(1);
      const normal = await best();
      await throttling.set(rate);
      const throttled = await best();
      ratios.push(throttled / normal);
    }
    await throttling.set(1);
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
  pages: PageUrls,
  options: { loads: number; cpuRate: number; warmup?: number; onProgress?: (done: number, total: number) => void },
): Promise<LoadSeries> {
  const series: LoadSeries = { app: [], baseline: [] };
  // Warm-up loads (not counted) get Chromium's own caches (code cache aside, which a fresh context drops) going.
  for (let i = 0; i < (options.warmup ?? 1); i++) {
    await measureLoad(browser, { pageUrl: pages.app, kind: 'app' }, options.cpuRate);
    await measureLoad(browser, { pageUrl: pages.baseline, kind: 'baseline' }, options.cpuRate);
  }
  for (let i = 0; i < options.loads; i++) {
    series.app.push(await measureLoad(browser, { pageUrl: pages.app, kind: 'app' }, options.cpuRate));
    series.baseline.push(await measureLoad(browser, { pageUrl: pages.baseline, kind: 'baseline' }, options.cpuRate));
    options.onProgress?.(i + 1, options.loads);
  }
  return series;
}
