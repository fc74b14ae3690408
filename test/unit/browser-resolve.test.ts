// Which Chromium the browser tests drive (test/support/browser.ts), decided over a made-up disk and environment:
// nothing is launched or unpacked here.
import { describe, expect, it } from 'vitest';
import { chooseChromium, installedBrowserPaths, noChromiumMessage } from '../support/browser.ts';

const on = (...paths: string[]) => (p: string) => paths.includes(p);

describe('chooseChromium', () => {
  it('takes CHROMIUM_PATH first, over an installed browser', () => {
    const choice = chooseChromium({
      env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
      platform: 'linux',
      exists: on('/opt/chrome/chrome', '/usr/bin/chromium'),
    });
    expect(choice).toEqual({ kind: 'path', path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
  });

  it('fails on a CHROMIUM_PATH that does not exist instead of testing another browser', () => {
    expect(() => chooseChromium({ env: { CHROMIUM_PATH: '/typo/chromium' }, platform: 'linux', exists: on('/usr/bin/chromium') })).toThrow(
      /^CHROMIUM_PATH=\/typo\/chromium does not exist/,
    );
  });

  it("then an installed browser, Debian's Chromium before Chrome", () => {
    expect(chooseChromium({ env: {}, platform: 'linux', exists: on('/usr/bin/google-chrome', '/usr/bin/chromium') })).toEqual({
      kind: 'path',
      path: '/usr/bin/chromium',
      source: 'installed',
    });
    expect(chooseChromium({ env: {}, platform: 'linux', exists: on('/snap/bin/chromium') })).toEqual({
      kind: 'path',
      path: '/snap/bin/chromium',
      source: 'installed',
    });
  });

  it('then the Chromium of the npm package', () => {
    expect(chooseChromium({ env: {}, platform: 'linux', exists: on() })).toEqual({ kind: 'bundled', forced: false });
  });

  it('ENGAGE_BROWSER=bundled takes the npm package even with CHROMIUM_PATH and an installed browser', () => {
    const choice = chooseChromium({
      env: { ENGAGE_BROWSER: 'bundled', CHROMIUM_PATH: '/usr/bin/chromium' },
      platform: 'linux',
      exists: on('/usr/bin/chromium'),
    });
    expect(choice).toEqual({ kind: 'bundled', forced: true });
  });

  it('ENGAGE_BROWSER=installed never falls back to the npm package', () => {
    expect(() => chooseChromium({ env: { ENGAGE_BROWSER: 'installed' }, platform: 'linux', exists: on() })).toThrow(/^No Chromium found: /);
    expect(chooseChromium({ env: { ENGAGE_BROWSER: 'installed' }, platform: 'linux', exists: on('/usr/bin/chromium') })).toMatchObject({
      kind: 'path',
    });
  });

  it('refuses an ENGAGE_BROWSER it does not know', () => {
    expect(() => chooseChromium({ env: { ENGAGE_BROWSER: 'firefox' }, platform: 'linux', exists: on() })).toThrow(/ENGAGE_BROWSER=firefox/);
  });

  it('finds Chrome on macOS and Windows', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(chooseChromium({ env: {}, platform: 'darwin', exists: on(mac) })).toEqual({ kind: 'path', path: mac, source: 'installed' });
    const win = 'C:\\Users\\sam\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(
      chooseChromium({
        env: { ProgramFiles: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\sam\\AppData\\Local' },
        platform: 'win32',
        exists: on(win),
      }),
    ).toEqual({ kind: 'path', path: win, source: 'installed' });
  });
});

describe('installedBrowserPaths', () => {
  it('lists the usual places in order, per platform', () => {
    expect(installedBrowserPaths('linux', {})).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium',
    ]);
    expect(installedBrowserPaths('darwin', {})).toEqual([
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ]);
    expect(
      installedBrowserPaths('win32', {
        PROGRAMFILES: 'C:\\Program Files',
        'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
        LOCALAPPDATA: 'C:\\Users\\sam\\AppData\\Local',
      }),
    ).toEqual([
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\sam\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    ]);
  });
});

describe('noChromiumMessage', () => {
  it('is one line naming what to install', () => {
    const message = noChromiumMessage();
    expect(message).not.toContain('\n');
    expect(message).toBe(
      'No Chromium found: install Google Chrome or Chromium, set CHROMIUM_PATH, or run `npm install` to get @sparticuz/chromium',
    );
  });
});
