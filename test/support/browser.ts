// Which Chromium the browser tests, drills, screenshots and benchmark drive, and how it is launched. In order:
// env CHROMIUM_PATH; an installed Chrome or Chromium; else the headless Chromium shipped in the npm package
// @sparticuz/chromium (a devDependency), so that `npm install && npm test` needs nothing but Node.
// `ENGAGE_BROWSER=bundled` forces the npm one (to test that path on a machine that has a browser);
// `ENGAGE_BROWSER=installed` refuses to fall back to it.
import { existsSync } from 'node:fs';
import { win32 } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { bundledChromium } from './bundled-chromium.ts';
import { errorMessage } from '../../src/core/guards.ts';

/**
 * The harness's own flags, for every browser it launches (installed or bundled): never @sparticuz/chromium's
 * default `args`, which are meant for serverless functions (web security and site isolation off, one process) and
 * would let the tests pass where Chrome would not.
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  // Zendesk's app iframe is cross-site and runs in a process of its own in Chrome; so it does here, whatever the
  // build's default.
  '--site-per-process',
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

const INSTALL_HINT = 'install Google Chrome or Chromium, set CHROMIUM_PATH';

/** The one line a test run fails with when there is no browser to drive; `why` says why the npm one is missing. */
export function noChromiumMessage(why = 'run `npm install` to get @sparticuz/chromium'): string {
  return `No Chromium found: ${INSTALL_HINT}, or ${why}`;
}

/** Where Chrome or Chromium lives when installed the usual way on this platform, most specific first. */
export function installedBrowserPaths(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string[] {
  switch (platform) {
    case 'linux':
      return [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/snap/bin/chromium',
      ];
    case 'darwin':
      return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
    case 'win32': {
      // Windows' environment names are case-insensitive (`ProgramFiles` is the usual spelling).
      const lookup = (name: string) => Object.entries(env).find(([k]) => k.toUpperCase() === name)?.[1];
      return ['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA']
        .map(lookup)
        .filter((dir): dir is string => !!dir)
        .map((dir) => win32.join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    }
    default:
      return [];
  }
}

export type BrowserChoice =
  | { kind: 'path'; path: string; source: 'CHROMIUM_PATH' | 'installed' }
  | { kind: 'bundled'; forced: boolean };

export interface ChooseInput {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
}

/**
 * The resolution order, without touching the disk or launching anything (hence `exists`): CHROMIUM_PATH, then the
 * installed browsers, then the npm package. Throws a one-line error for a setting that cannot be honoured.
 */
export function chooseChromium({ env, platform, exists }: ChooseInput): BrowserChoice {
  const mode = env.ENGAGE_BROWSER?.trim() || 'auto';
  if (mode !== 'auto' && mode !== 'bundled' && mode !== 'installed') {
    throw new Error(`ENGAGE_BROWSER=${mode} is not understood: use "bundled", "installed", or leave it unset`);
  }
  if (mode === 'bundled') return { kind: 'bundled', forced: true };
  const pinned = env.CHROMIUM_PATH?.trim();
  if (pinned) {
    // A path someone set on purpose: a typo must not quietly test another browser.
    if (!exists(pinned)) throw new Error(`CHROMIUM_PATH=${pinned} does not exist: point it at a Chrome or Chromium executable, or unset it`);
    return { kind: 'path', path: pinned, source: 'CHROMIUM_PATH' };
  }
  const installed = installedBrowserPaths(platform, env).find((p) => exists(p));
  if (installed) return { kind: 'path', path: installed, source: 'installed' };
  if (mode === 'installed') throw new Error(`No Chromium found: ${INSTALL_HINT} (ENGAGE_BROWSER=installed does not use @sparticuz/chromium)`);
  return { kind: 'bundled', forced: false };
}

/** A browser ready to launch: its executable, where it came from, and the environment it needs. */
export interface FoundChromium {
  executablePath: string;
  /** For messages: `CHROMIUM_PATH`, `installed` or `@sparticuz/chromium <version>`. */
  source: string;
  /** Variables added to the browser process's environment (the bundled browser's libraries and fonts). */
  env: Record<string, string>;
}

let found: Promise<FoundChromium> | undefined;

/** The browser this process uses (resolved once; the bundled one is unpacked on first use). */
export function findChromium(): Promise<FoundChromium> {
  found ??= (async () => {
    const choice = chooseChromium({ env: process.env, platform: process.platform, exists: existsSync });
    if (choice.kind === 'path') return { executablePath: choice.path, source: choice.source, env: {} };
    const bundled = await bundledChromium();
    if (typeof bundled === 'string') throw new Error(noChromiumMessage(bundled));
    return bundled;
  })();
  return found;
}

/** Playwright's error carries a call log over many lines; the first says what went wrong. */
function launchFailure(c: FoundChromium, e: unknown): Error {
  const first = errorMessage(e).split('\n').find((l) => l.trim()) ?? 'unknown error';
  return new Error(
    `Chromium did not start (${c.source}, ${c.executablePath}): ${first.trim()} — ${INSTALL_HINT}`,
    { cause: e },
  );
}

function launchEnv(c: FoundChromium): Record<string, string> | undefined {
  if (Object.keys(c.env).length === 0) return undefined;
  const base = Object.fromEntries(Object.entries(process.env).filter((kv): kv is [string, string] => kv[1] !== undefined));
  return { ...base, ...c.env };
}

/** A headless browser with the harness's flags (each `newContext()` a fresh profile). */
export async function launchChromium(options: { extraArgs?: string[] } = {}): Promise<Browser> {
  const c = await findChromium();
  const env = launchEnv(c);
  try {
    return await chromium.launch({
      executablePath: c.executablePath,
      args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
      headless: true,
      ...(env ? { env } : {}),
    });
  } catch (e) {
    throw launchFailure(c, e);
  }
}

/** A headless browser on a profile folder of the caller's, as one persistent context. */
export async function launchPersistentChromium(profileDir: string, options: { viewport: { width: number; height: number } }): Promise<BrowserContext> {
  const c = await findChromium();
  const env = launchEnv(c);
  try {
    return await chromium.launchPersistentContext(profileDir, {
      executablePath: c.executablePath,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: options.viewport,
      ...(env ? { env } : {}),
    });
  } catch (e) {
    throw launchFailure(c, e);
  }
}
