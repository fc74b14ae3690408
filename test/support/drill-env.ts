// The drills' and the benchmark's environment: the preview in-process on a free port (preview/app-server.ts) and
// Chromium launched with the harness's flags (./browser.ts). Unlike the harness's single persistent context, every
// `newPage()` here is a fresh browser context — empty cache, cookies and localStorage — so each drill scenario and
// each benchmark load starts cold and cannot see another one's draft.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startPreview, type PreviewServer } from '../../preview/app-server.ts';
import { launchChromium } from './browser.ts';
import { Control, type StandInReader } from './control.ts';
import { trackRequests } from './panel.ts';
import { snapshotDist } from './dist.ts';

export interface DrillPage {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

export interface DrillEnv {
  baseUrl: string;
  /** The secure GitHub token the preview substitutes server-side (never sent to the browser). */
  token: string;
  preview: PreviewServer;
  browser: Browser;
  control: Control;
  /** A page in a fresh context; `init` scripts run in every frame before the page's own scripts. */
  newPage(options?: { init?: string[] }): Promise<DrillPage>;
  /** Set a stand-in repository's permission for the app's token (the stand-in's own API, in-process). */
  setPermission(owner: string, repo: string, level: 'admin' | 'write' | 'read'): void;
  close(): Promise<void>;
}

export interface DrillEnvOptions {
  /** A folder of extra ticket bundles (`--tickets`). */
  ticketsDir?: string;
  /** The built app to serve at /app/ (default dist/). */
  distDir?: string;
  /** Non-secure settings to start with (and to return to on `POST /__reset`). */
  settings?: Record<string, unknown>;
  /** Chromium flags on top of the harness's (the benchmark keeps the cross-site iframe in the page's process). */
  extraBrowserArgs?: string[];
}

/** A token the drills know (so they can check it never leaks, and put it back after revoking it). */
export function drillToken(): string {
  return `ghp_drill${randomBytes(16).toString('hex')}`;
}

export async function startDrillEnv(options: DrillEnvOptions = {}): Promise<DrillEnv> {
  const token = drillToken();
  const snapshot = options.distDir ? null : await snapshotDist();
  const preview = await startPreview({
    port: 0,
    githubToken: null,
    ticketDirs: options.ticketsDir ? [options.ticketsDir] : [],
    distDir: options.distDir ?? snapshot!.dir,
    // Explicit settings: a developer's engage.settings.json must not change what the drills see.
    settings: { settings: options.settings ?? {}, secure: { github_token: token } },
  });
  // launch() gives Chromium a fresh temporary profile of its own and removes it on close.
  let browser: Browser;
  try {
    browser = await launchChromium({ extraArgs: options.extraBrowserArgs ?? [] });
  } catch (e) {
    await preview.close();
    snapshot?.remove();
    throw e;
  }
  const contexts = new Set<BrowserContext>();
  return {
    baseUrl: preview.url,
    token,
    preview,
    browser,
    control: new Control(preview.url, preview.standIn as unknown as StandInReader, token),
    async newPage(pageOptions = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.add(context);
      for (const script of pageOptions.init ?? []) await context.addInitScript({ content: script });
      const page = await context.newPage();
      trackRequests(page);
      return {
        page,
        context,
        async close() {
          contexts.delete(context);
          await context.close().catch(() => undefined);
        },
      };
    },
    setPermission(owner, repo, level) {
      const standIn = preview.standIn as unknown as { setPermission?: (o: string, r: string, l: string) => void };
      if (typeof standIn.setPermission !== 'function') throw new Error('the GitHub stand-in has no setPermission()');
      standIn.setPermission(owner, repo, level);
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await preview.close();
      snapshot?.remove();
    },
  };
}
