// Browser-test harness: the preview in-process on a free port + Debian Chromium through playwright-core with a
// fresh profile, and helpers to open a ticket page and reach the app's iframe. Used by the browser tests and drills.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Request, type Response } from 'playwright-core';
import { startPreview, type PreviewOptions, type PreviewServer } from '../../preview/app-server.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Debian's Chromium 156 blocks third-party cookies, and with them third-party localStorage, by default. The preview
  // serves the app on another site than the page (as Zendesk does: *.apps.zdusercontent.com inside *.zendesk.com),
  // so without this the app's storage would be denied, unlike in the Chrome most agents run (third-party storage
  // allowed by default). Apps must still cope with denied storage; that case is a deliberate drill, not the default.
  '--disable-features=TrackingProtection3pcd',
];

/** One request the browser made, with its response, for "what did the browser ever see" checks. */
export interface TrafficEntry {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  postData: string | null;
  status: number | null;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
}

export interface Harness {
  preview: PreviewServer;
  context: BrowserContext;
  /** Every request any page or frame made since the harness started (responses filled in as they arrive). */
  traffic: TrafficEntry[];
  /** Wait until every response body seen so far has been read into `traffic`. */
  settleTraffic(): Promise<void>;
  /** Console errors and page errors, per page, for diagnosis. */
  errors: string[];
  close(): Promise<void>;
}

export interface HarnessOptions extends PreviewOptions {
  /** Record request/response bodies (default true). */
  recordTraffic?: boolean;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { recordTraffic = true, ...previewOptions } = options;
  const preview = await startPreview({ port: 0, githubToken: null, ...previewOptions });
  const profile = await mkdtemp(join(tmpdir(), 'engage-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
    });
  } catch (e) {
    await preview.close();
    await rm(profile, { recursive: true, force: true });
    throw e;
  }
  const traffic: TrafficEntry[] = [];
  const pending: Promise<void>[] = [];
  const errors: string[] = [];
  const entries = new Map<Request, TrafficEntry>();
  if (recordTraffic) {
    context.on('request', (req: Request) => {
      const entry: TrafficEntry = {
        method: req.method(),
        url: req.url(),
        requestHeaders: req.headers(),
        postData: req.postData(),
        status: null,
        responseHeaders: {},
        responseBody: null,
      };
      entries.set(req, entry);
      traffic.push(entry);
    });
    context.on('response', (res: Response) => {
      const entry = entries.get(res.request());
      if (!entry) return;
      entry.status = res.status();
      entry.responseHeaders = res.headers();
      pending.push(
        res
          .body()
          .then((b) => {
            entry.responseBody = b.toString('utf8');
          })
          .catch(() => undefined), // redirects and aborted loads have no body
      );
    });
  }
  context.on('page', (page) => {
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
  });
  return {
    preview,
    context,
    traffic,
    errors,
    async settleTraffic() {
      while (pending.length) await Promise.all(pending.splice(0));
    },
    async close() {
      await context.close().catch(() => undefined);
      await preview.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface OpenedTicket {
  page: Page;
  /** The app's iframe, once the SDK inside has registered (the host logged the handshake). */
  frame: Frame;
}

/** Open `/tickets/<id>` and wait for the app iframe to load and the ZAF SDK to register. */
export async function openTicket(
  h: Harness,
  ticketId: number,
  opts: { colorScheme?: 'light' | 'dark'; locale?: string; page?: Page } = {},
): Promise<OpenedTicket> {
  const page = opts.page ?? (await h.context.newPage());
  const q = new URLSearchParams();
  if (opts.colorScheme) q.set('colorScheme', opts.colorScheme);
  if (opts.locale) q.set('locale', opts.locale);
  const qs = q.toString();
  await page.goto(`${h.preview.url}tickets/${ticketId}${qs ? `?${qs}` : ''}`);
  const frame = await appFrame(page);
  return { page, frame };
}

/** The app's frame after registration (the host page's protocol log says so). */
export async function appFrame(page: Page, timeoutMs = 30_000): Promise<Frame> {
  await page.waitForFunction(
    () => [...document.querySelectorAll('#protocol-log li')].some((li) => li.textContent?.includes('registered')),
    undefined,
    { timeout: timeoutMs },
  );
  const handle = await page.waitForSelector('#app-frame');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the app iframe has no frame');
  return frame;
}

/** POST/PUT/DELETE a preview test control (`/__reset`, `/__faults/github`, `/__settings`...). */
export async function control(h: Harness, method: 'POST' | 'PUT' | 'DELETE' | 'GET', path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(new URL(path, h.preview.url), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → HTTP ${res.status}: ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/**
 * Speak the ZAF wire protocol from inside the app's iframe, exactly as the SDK does (a JSON string posted to the
 * parent at the `origin` of the iframe URL), and resolve with the host's first answer carrying `waitFor.id` or
 * `waitFor.key`. Lets tests drive `request`/`get` paths the app itself may not use yet, through the real host.
 */
export async function postFromApp(
  frame: Frame,
  message: Record<string, unknown>,
  waitFor: { id?: number; key?: string },
  timeoutMs = 15_000,
): Promise<Record<string, unknown>> {
  return frame.evaluate(
    ({ message, waitFor, timeoutMs }) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const params = new URL(location.href).searchParams;
        const origin = params.get('origin') ?? '';
        const appGuid = params.get('app_guid') ?? '';
        const timer = setTimeout(() => reject(new Error(`no host answer for ${JSON.stringify(waitFor)}`)), timeoutMs);
        const onMessage = (e: MessageEvent) => {
          if (e.origin !== origin || e.source !== window.parent) return;
          let data: unknown = e.data;
          if (typeof data === 'string') {
            try {
              data = JSON.parse(data);
            } catch {
              return;
            }
          }
          const d = data as Record<string, unknown>;
          if ((waitFor.id !== undefined && d.id === waitFor.id) || (waitFor.key !== undefined && d.key === waitFor.key)) {
            clearTimeout(timer);
            window.removeEventListener('message', onMessage);
            resolve(d);
          }
        };
        window.addEventListener('message', onMessage);
        window.parent.postMessage(JSON.stringify({ ...message, appGuid, instanceGuid: appGuid }), origin);
      }),
    { message, waitFor, timeoutMs },
  );
}

/**
 * Start recording the ZAF events (`zaf.<event>` messages from the host) the app's iframe receives; call before the
 * action, then `waitForAppEvent`. Recording lives in the iframe's window (a test-only global).
 */
export async function recordAppEvents(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const w = window as unknown as { __zafEvents?: { key: string; message: unknown }[] };
    if (w.__zafEvents) return;
    const events: { key: string; message: unknown }[] = [];
    w.__zafEvents = events;
    window.addEventListener('message', (e: MessageEvent) => {
      if (e.source !== window.parent || typeof e.data !== 'string') return;
      try {
        const d = JSON.parse(e.data) as { key?: unknown; message?: unknown };
        if (typeof d.key === 'string' && d.key.startsWith('zaf.')) events.push({ key: d.key, message: d.message });
      } catch {
        /* not a ZAF message */
      }
    });
  });
}

/** Wait until the iframe has received `zaf.<event>` (after `recordAppEvents`) and return its data. */
export async function waitForAppEvent(frame: Frame, event: string, timeoutMs = 15_000): Promise<unknown> {
  const handle = await frame.waitForFunction(
    (key) => {
      const w = window as unknown as { __zafEvents?: { key: string; message: unknown }[] };
      const hit = w.__zafEvents?.find((e) => e.key === key);
      return hit ? { message: hit.message } : null;
    },
    `zaf.${event}`,
    { timeout: timeoutMs },
  );
  return ((await handle.jsonValue()) as { message: unknown }).message;
}
