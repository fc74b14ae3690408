// Token drill: the GitHub token set in the preview (a secure setting, substituted server-side like Zendesk's proxy
// does) never reaches the browser. After a whole filing and a reload onto the linked issue, it is in:
//   - no request or response the browser saw (URLs, headers, bodies — the harness records every one),
//   - no value the iframe's JavaScript can reach: a walk over every object reachable from `window` (including
//     React's state hanging off DOM nodes), localStorage, sessionStorage, cookies, the document — and the same for
//     the preview page around it, which the same-origin iframe could read too,
//   - no file of the built app (dist/), where no token-shaped string may appear at all.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { appFrame, openTicket, startHarness, type Harness } from '../support/harness.ts';
import { drillToken } from '../support/drill-env.ts';
import { snapshotDist } from '../support/dist.ts';
import { TICKET_IDS, typicalTicket, writeTicketsDir } from '../support/bundles.ts';
import { clickFile, readyToFile, waitForIssueLink } from '../support/panel.ts';
import { listFiles } from '../../bench/sizes.ts';

const ID = TICKET_IDS.typical;
const TOKEN = drillToken();
let h: Harness;
let ticketsDir: string;
let dist: Awaited<ReturnType<typeof snapshotDist>>;

beforeAll(async () => {
  ticketsDir = writeTicketsDir([typicalTicket(ID)]);
  dist = await snapshotDist();
  h = await startHarness({
    distDir: dist.dir,
    ticketDirs: [ticketsDir],
    settings: { settings: { require_checklist: 'false' }, secure: { github_token: TOKEN } },
  });
});

afterAll(async () => {
  await h?.close();
  dist?.remove();
  if (ticketsDir) rmSync(ticketsDir, { recursive: true, force: true });
});

/**
 * Runs in a frame: every string reachable from the roots (own properties, enumerable or not, getters included,
 * array items, Map/Set entries, DOM nodes' expando properties) that contains `needle`, with its path.
 */
function findInReachable(needle: string): { found: string[]; visited: number } {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const queue: [unknown, string][] = [
    [window, 'window'],
    [document, 'document'],
    [document.documentElement.outerHTML, 'document.outerHTML'],
    [document.cookie, 'document.cookie'],
  ];
  for (const store of ['localStorage', 'sessionStorage'] as const) {
    const s = window[store];
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i) ?? '';
      queue.push([`${key}=${s.getItem(key) ?? ''}`, `${store}[${key}]`]);
    }
  }
  for (const el of document.querySelectorAll('*')) queue.push([el, `<${el.tagName.toLowerCase()}>`]);
  const LIMIT = 400_000;
  let visited = 0;
  while (queue.length && visited < LIMIT) {
    const [value, path] = queue.shift()!;
    visited++;
    if (typeof value === 'string') {
      if (value.includes(needle)) found.push(path);
      continue;
    }
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    seen.add(value);
    if (ArrayBuffer.isView(value)) continue;
    if (value instanceof Map) {
      for (const [k, v] of value) queue.push([k, `${path}.key`], [v, `${path}.get`]);
    } else if (value instanceof Set) {
      for (const v of value) queue.push([v, `${path}.item`]);
    }
    let names: (string | symbol)[] = [];
    try {
      names = Reflect.ownKeys(value as object);
    } catch {
      continue;
    }
    for (const name of names) {
      if (typeof name === 'symbol') continue;
      let v: unknown;
      try {
        v = (value as Record<string, unknown>)[name];
      } catch {
        continue;
      }
      if (typeof name === 'string' && name.includes(needle)) found.push(`${path}[key]`);
      queue.push([v, `${path}.${name}`]);
    }
  }
  return { found, visited };
}

it('the GitHub token never reaches the browser: traffic, reachable JavaScript values, storage, bundle', async () => {
  const page = await h.context.newPage();
  try {
    const { frame: app } = await openTicket(h, ID, { page, until: 'team-decision' });
    await readyToFile(app);
    await clickFile(app);
    await waitForIssueLink(app);
    // A later visit reads the linked issue from GitHub through the proxy as well.
    await page.reload();
    await (await appFrame(page)).getByTestId('linked-issue').waitFor({ timeout: 30_000 });
    await h.settleTraffic();

    // 1. The proxy was used with the placeholder, and GitHub was reached (the issue exists).
    const zafRequests = h.traffic.filter((t) => t.url.endsWith('/__zaf/request'));
    expect(zafRequests.some((t) => (t.postData ?? '').includes('{{setting.github_token}}'))).toBe(true);
    // 2. Nothing the browser sent or received carries the token.
    const leaks = h.traffic.filter((t) =>
      [t.url, JSON.stringify(t.requestHeaders), t.postData ?? '', JSON.stringify(t.responseHeaders), t.responseBody ?? ''].some((s) =>
        s.includes(TOKEN),
      ),
    );
    expect(leaks.map((t) => `${t.method} ${t.url}`), 'requests/responses carrying the token').toEqual([]);
    expect(h.traffic.length).toBeGreaterThan(10);

    // 3. Nothing the iframe's JavaScript can reach holds it — nor the preview page's (same origin).
    const frame = await appFrame(page);
    const inFrame = await frame.evaluate(findInReachable, TOKEN);
    expect(inFrame.found, 'places in the iframe holding the token').toEqual([]);
    expect(inFrame.visited).toBeGreaterThan(10_000); // the walk really went through the app's objects
    const inPage = await page.evaluate(findInReachable, TOKEN);
    expect(inPage.found, 'places in the preview page holding the token').toEqual([]);
  } finally {
    await page.close();
  }
});

it('the built app (dist/) contains no token and no token-shaped string', () => {
  const tokenShaped = /\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})\b/;
  const files = listFiles(dist.dir);
  expect(files.length).toBeGreaterThan(3);
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    expect(text.includes(TOKEN), file).toBe(false);
    expect(tokenShaped.exec(text)?.[0] ?? null, file).toBeNull();
  }
});
