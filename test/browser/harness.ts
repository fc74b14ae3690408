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
export async function appFrame(page: Page, timeoutMs = 20_000): Promise<Frame> {
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
