// Browser-test harness: the preview in-process on a free port + Chromium (test/support/browser.ts) through
// playwright-core with a fresh profile, and the helpers every browser test, drill and the benchmark use to open a
// ticket page and reach the app's iframe (`openTicket`, `appFrame`).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page, Request, Response } from 'playwright-core';
import { startPreview, type PreviewOptions, type PreviewServer } from '../../preview/app-server.ts';
import { launchPersistentChromium } from './browser.ts';
import { waitUntil } from './wait.ts';

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
  /** The preview's root URL (`http://127.0.0.1:<port>/`). */
  baseUrl: string;
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
    context = await launchPersistentChromium(profile, { viewport: { width: 1280, height: 900 } });
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
    baseUrl: preview.url,
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

export interface OpenTicketOptions {
  /** The page to load the ticket in; default a new page of `host.context`. */
  page?: Page;
  colorScheme?: 'light' | 'dark';
  locale?: string;
  /** `currentUser.role` the host answers (the preview's `?role=`); default the assignee's role from the bundle. */
  role?: 'admin' | 'agent';
  /** After registration, also wait until the element with this test id is visible (e.g. `team-decision`). */
  until?: string;
  /** For registration and for `until`, each (default 30 s). */
  timeoutMs?: number;
}

/**
 * Open `/tickets/<id>` on a preview (a harness, or a drill environment with `options.page`) and wait for the app
 * iframe to load and the ZAF SDK to register, then for `options.until` if given.
 */
export async function openTicket(
  host: { baseUrl: string; context?: BrowserContext },
  ticketId: number,
  options: OpenTicketOptions = {},
): Promise<OpenedTicket> {
  if (!options.page && !host.context) throw new Error('openTicket: pass options.page (this host has no browser context of its own)');
  const page = options.page ?? (await host.context!.newPage());
  const q = new URLSearchParams();
  if (options.colorScheme) q.set('colorScheme', options.colorScheme);
  if (options.locale) q.set('locale', options.locale);
  if (options.role) q.set('role', options.role);
  const qs = q.toString();
  await page.goto(new URL(`/tickets/${ticketId}${qs ? `?${qs}` : ''}`, host.baseUrl).href);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const frame = await appFrame(page, timeoutMs);
  if (options.until) await frame.getByTestId(options.until).first().waitFor({ state: 'visible', timeout: timeoutMs });
  return { page, frame };
}

/**
 * The app's frame after registration (the host page's protocol log says so). After a reload or a navigation, call
 * it again: a Frame belongs to one document.
 */
export async function appFrame(page: Page, timeoutMs = 30_000): Promise<Frame> {
  await page.waitForFunction(
    () => [...document.querySelectorAll('#protocol-log li')].some((li) => li.textContent?.includes('registered')),
    undefined,
    { timeout: timeoutMs },
  );
  const handle = await page.waitForSelector('#app-frame', { timeout: timeoutMs });
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

/**
 * Open a ticket with the sidebar iframe `width` px wide from the start, as Zendesk lays out a sidebar of that width
 * (the host page's own CSS says 350 px). An init script, so it also holds after reloads.
 */
export async function openTicketAtWidth(host: { baseUrl: string; context: BrowserContext }, ticketId: number, width: number): Promise<OpenedTicket> {
  const page = await host.context.newPage();
  await page.addInitScript((w: number) => {
    if (window !== window.top || !location.pathname.startsWith('/tickets/')) return;
    document.addEventListener('DOMContentLoaded', () => {
      const frame = document.getElementById('app-frame');
      if (frame) frame.style.width = `${w}px`;
    });
  }, width);
  const opened = await openTicket(host, ticketId, { page });
  await waitUntil(async () => (await opened.frame.evaluate(() => window.innerWidth)) === width, {
    timeoutMs: 15_000,
    what: `the app frame to be ${width} px wide`,
  });
  return opened;
}
