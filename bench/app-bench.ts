// The figures that need the preview and Chromium: load times against the baseline, what the iframe fetches before
// its first paint, and the HTTP requests one filing costs.
import { readFileSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildBaseline, BASELINE_BASE } from './baseline/build.ts';
import { measureLoadSeries, throttleCheck, type FrameMark, type ServeDirs } from './browser.ts';
import { figure, median, type BenchResult } from './result.ts';
import { gzipBytes, kB } from './sizes.ts';
import { measureFilingRequests } from './filing.ts';
import { startDrillEnv } from '../test/drills/support/env.ts';
import { TICKET_IDS, typicalTicket, writeTicketsDir } from '../test/drills/support/bundles.ts';

export interface BrowserBenchContext {
  root: string;
  dist: string;
  loads: number;
  cpuRate: number;
  emit: (r: BenchResult) => void;
  progress: (message: string) => void;
}

/** Gzip size of what one load fetched before the marker: the iframe document plus every resource it requested. */
async function initialFetchedBytes(
  mark: FrameMark,
  dirs: ServeDirs,
  baseUrl: string,
): Promise<{ path: string; gzip: number; start: number }[]> {
  const requests = [{ url: mark.documentUrl, start: 0 }, ...mark.resources];
  const out: { path: string; gzip: number; start: number }[] = [];
  for (const { url: u, start } of requests) {
    const url = new URL(u);
    let body: Uint8Array;
    if (url.pathname.startsWith('/app/')) {
      const file = resolve(dirs.distDir, decodeURIComponent(url.pathname.slice('/app/'.length)));
      body = readFileSync(file);
    } else {
      // Anything else the iframe fetched itself (not through the host page) is fetched again for its size.
      const res = await fetch(new URL(url.pathname + url.search, baseUrl));
      body = new Uint8Array(await res.arrayBuffer());
    }
    out.push({ path: url.pathname, gzip: gzipBytes(body), start });
  }
  return out;
}

export async function browserFigures(ctx: BrowserBenchContext): Promise<void> {
  ctx.progress('building the React + Garden baseline page...');
  const baselineDir = await buildBaseline();
  const dirs: ServeDirs = { distDir: ctx.dist, baselineDir, baselineBase: BASELINE_BASE };
  const ticketsDir = writeTicketsDir([typicalTicket(TICKET_IDS.typical)], 'engage-bench-tickets-');
  // The preview serves the app iframe from another site (127.0.0.1 vs localhost), which Chromium's site isolation
  // puts in a process of its own, out of reach of the page's CPU throttling. Zendesk's real iframe is cross-site
  // too, but the measure needs the throttling to apply from the iframe's navigation on: keep it in the page's process.
  const env = await startDrillEnv({
    ticketsDir,
    distDir: ctx.dist,
    settings: {},
    extraBrowserArgs: ['--disable-site-isolation-trials'],
  });
  try {
    const pageUrl = new URL(`/tickets/${TICKET_IDS.typical}`, env.baseUrl).href;

    ctx.progress(`checking that ${ctx.cpuRate}x CPU throttling reaches the iframe...`);
    const effective = await throttleCheck(env.browser, { pageUrl, kind: 'app' }, dirs, ctx.cpuRate);
    ctx.emit(
      figure('cpu_throttle_effective', effective, 'x', null, {
        note: `same busy loop timed inside the app iframe at rate 1 and ${ctx.cpuRate} (throttling set on the page's CDP session)`,
      }),
    );

    ctx.progress(`${ctx.loads} cold loads each of the app and the baseline, ${ctx.cpuRate}x CPU throttling...`);
    const series = await measureLoadSeries(env.browser, pageUrl, dirs, {
      loads: ctx.loads,
      cpuRate: ctx.cpuRate,
      warmup: 1,
      onProgress: (done, total) => {
        if (done % 5 === 0 || done === total) ctx.progress(`  ${done}/${total}`);
      },
    });
    const app = median(series.app.map((m) => m.visibleAt));
    const base = median(series.baseline.map((m) => m.visibleAt));
    const spread = (xs: number[]) => `min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}`;
    ctx.emit(
      figure('time_to_suggestions_ms', app, 'ms', null, {
        note: `median of ${series.app.length} cold loads of /tickets/${TICKET_IDS.typical}, iframe navigation → suggested team and priority painted (${spread(series.app.map((m) => m.visibleAt))}); app FCP median ${median(series.app.map((m) => m.fcp ?? NaN)).toFixed(0)} ms`,
      }),
    );
    ctx.emit(
      figure('time_to_first_paint_ms', base, 'ms', null, {
        note: `median of ${series.baseline.length} cold loads of a bare React 18 + Garden page in the same iframe (${spread(series.baseline.map((m) => m.visibleAt))})`,
      }),
    );
    ctx.emit(figure('suggestions_ratio', app / base, 'ratio', 1.5, { note: 'time_to_suggestions_ms / time_to_first_paint_ms, same run' }));

    // What the iframe had fetched when the suggestions were painted (taken from the first measured app load).
    const first = series.app[0];
    if (first) {
      const fetched = await initialFetchedBytes(first, dirs, env.baseUrl);
      const total = fetched.reduce((s, f) => s + f.gzip, 0);
      const fcp = first.fcp ?? Infinity;
      const beforeFcp = fetched.filter((f) => f.start <= fcp).reduce((s, f) => s + f.gzip, 0);
      const name = (f: { path: string; gzip: number }) => `${f.path.replace(/^.*\//, '')} ${(f.gzip / 1000).toFixed(1)}`;
      ctx.emit(
        figure('initial_gzip_kb', kB(total), 'kB', 100, {
          note:
            `everything the app iframe requested before the suggestions were painted (${kB(beforeFcp).toFixed(1)} kB of it before its first contentful paint): ` +
            fetched.map(name).join(', '),
        }),
      );
      const unexpected = fetched.filter((f) => !f.path.startsWith('/app/'));
      if (unexpected.length) ctx.progress(`note: the iframe fetched outside /app/ before paint: ${unexpected.map((f) => f.path).join(', ')}`);
    }

    ctx.progress('filing once through the panel, counting HTTP requests...');
    const filing = await measureFilingRequests(env, TICKET_IDS.typical);
    ctx.emit(
      figure('filing_requests', filing.requests.length, 'requests', 3, {
        note: `from the File click to the issue link shown and the write-back done: ${filing.requests.map((r) => `${r.side} ${r.method} ${r.path} ${r.status}`).join('; ')}`,
      }),
    );
  } finally {
    await env.close();
    if (existsSync(ticketsDir)) rmSync(ticketsDir, { recursive: true, force: true });
  }
}

