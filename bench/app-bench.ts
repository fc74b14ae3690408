// The figures that need the preview and Chromium: load times against the baseline, what the iframe fetches before
// its first paint, and the HTTP requests one filing costs.
import { readFileSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildBaseline } from './baseline/build.ts';
import { measureLoadSeries, throttleCheck, type FrameMark } from './browser.ts';
import { figure, median, type BenchResult } from './result.ts';
import { gzipBytes, kB } from './sizes.ts';
import { measureFilingRequests, measureLinkRequests } from './filing.ts';
import { findChromium } from '../test/support/browser.ts';
import { startDrillEnv } from '../test/support/drill-env.ts';
import { startPreview } from '../preview/app-server.ts';
import { TICKET_IDS, typicalTicket, writeTicketsDir } from '../test/support/bundles.ts';

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
  distDir: string,
  baseUrl: string,
): Promise<{ path: string; gzip: number; start: number }[]> {
  const requests = [{ url: mark.documentUrl, start: 0 }, ...mark.resources];
  const out: { path: string; gzip: number; start: number }[] = [];
  for (const { url: u, start } of requests) {
    const url = new URL(u);
    let body: Uint8Array;
    if (url.pathname.startsWith('/app/')) {
      const file = resolve(distDir, decodeURIComponent(url.pathname.slice('/app/'.length)));
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
  // The typical ticket, and a second customer's ticket about the same problem (added to the first one's issue).
  const ticketsDir = writeTicketsDir(
    [typicalTicket(TICKET_IDS.typical), typicalTicket(TICKET_IDS.firstSpare, 'gitserver keeps getting OOMKilled since the 5.2.3 upgrade')],
    'engage-bench-tickets-',
  );
  // The preview serves the app iframe from another site (127.0.0.1 vs localhost), so Chromium runs it in a process
  // of its own, as Zendesk's cross-site iframe is: the host page's work is not on the app's main thread. Both are
  // throttled, the iframe from its first instruction (throttleAll in browser.ts).
  const env = await startDrillEnv({ ticketsDir, distDir: ctx.dist, settings: {} });
  // Figures from different browsers do not compare: say which one this run drove.
  ctx.progress(`browser: Chromium ${env.browser.version()} (${(await findChromium()).source})`);
  // The baseline's own preview: the same ticket page, with the baseline built like dist/ in the app's place.
  const baselinePreview = await startPreview({
    port: 0,
    githubToken: null,
    ticketDirs: [ticketsDir],
    distDir: baselineDir,
    settings: { settings: {}, secure: { github_token: null } },
  }).catch(async (e: unknown) => {
    await env.close();
    throw e;
  });
  try {
    const pageUrl = new URL(`/tickets/${TICKET_IDS.typical}`, env.baseUrl).href;
    const baselinePageUrl = new URL(`/tickets/${TICKET_IDS.typical}`, baselinePreview.url).href;

    ctx.progress(`checking that ${ctx.cpuRate}x CPU throttling reaches the iframe...`);
    const effective = await throttleCheck(env.browser, { pageUrl, kind: 'app' }, ctx.cpuRate);
    ctx.emit(
      figure('cpu_throttle_effective', effective, 'x', null, {
        note: `same busy loop timed inside the app iframe at rate 1 and ${ctx.cpuRate} (throttling set on the iframe's own CDP session, the iframe in its own process)`,
      }),
    );

    ctx.progress(`${ctx.loads} cold loads each of the app and the baseline, ${ctx.cpuRate}x CPU throttling...`);
    const series = await measureLoadSeries(env.browser, { app: pageUrl, baseline: baselinePageUrl }, {
      loads: ctx.loads,
      cpuRate: ctx.cpuRate,
      warmup: 1,
      onProgress: (done, total) => {
        if (done % 5 === 0 || done === total) ctx.progress(`  ${done}/${total}`);
      },
    });
    const app = median(series.app.map((m) => m.visibleAt));
    // Where the time goes: the median time of each of the app's steps (src/ui/start/marks.ts), in the order they happen.
    const steps = new Map<string, number[]>();
    for (const m of series.app) for (const s of m.marks) steps.set(s.name, [...(steps.get(s.name) ?? []), s.at]);
    const stepNote = [...steps]
      .map(([name, at]) => ({ name, at: median(at) }))
      .sort((a, b) => a.at - b.at)
      .map((s) => `${s.name} ${s.at.toFixed(0)}`)
      .join(', ');
    const base = median(series.baseline.map((m) => m.visibleAt));
    const spread = (xs: number[]) => `min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}`;
    ctx.emit(
      figure('time_to_suggestions_ms', app, 'ms', null, {
        note:
          `median of ${series.app.length} cold loads of /tickets/${TICKET_IDS.typical}, iframe navigation → suggested team and priority painted (${spread(series.app.map((m) => m.visibleAt))}); ` +
          `first contentful paint ${median(series.app.map((m) => m.fcp ?? NaN)).toFixed(0)}; median ms of each step: ${stepNote}`,
      }),
    );
    ctx.emit(
      figure('time_to_first_paint_ms', base, 'ms', null, {
        note: `median of ${series.baseline.length} cold loads of a bare React 18 + Garden page in the same iframe (${spread(series.baseline.map((m) => m.visibleAt))})`,
      }),
    );
    ctx.emit(figure('suggestions_ratio', app / base, 'ratio', 1.5, { note: 'time_to_suggestions_ms / time_to_first_paint_ms, same run' }));

    // What the iframe had fetched by its first paint and by the suggestions (taken from the first measured load).
    const first = series.app[0];
    if (first) {
      const fetched = await initialFetchedBytes(first, ctx.dist, env.baseUrl);
      const sum = (list: typeof fetched) => list.reduce((s, f) => s + f.gzip, 0);
      const name = (f: { path: string; gzip: number }) => `${f.path.replace(/^.*\//, '')} ${(f.gzip / 1000).toFixed(1)}`;
      // The issue's definition: everything fetched before the panel first paints, i.e. requested no later than the
      // iframe's first contentful paint (usually the first view itself; the ticket's headline or a loading state on
      // a slow host). Without a paint entry, up to the suggestions.
      const fcp = first.fcp ?? first.visibleAt;
      const beforePaint = fetched.filter((f) => f.start <= fcp);
      const later = fetched.filter((f) => f.start > fcp);
      ctx.emit(
        figure('initial_gzip_kb', kB(sum(beforePaint)), 'kB', 100, {
          note: `what the app iframe requested before its first contentful paint at ${fcp.toFixed(0)} ms: ${beforePaint.map(name).join(', ')}`,
        }),
      );
      ctx.emit(
        figure('suggestions_gzip_kb', kB(sum(fetched)), 'kB', null, {
          note: `everything requested before the suggestions were painted: the above plus ${later.map(name).join(', ') || 'nothing'}`,
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

    ctx.progress('adding a second ticket to that issue, counting HTTP requests...');
    const issueNumber = Number(/\/issues\/(\d+)/.exec(filing.issueUrl)?.[1]);
    const linking = await measureLinkRequests(env, TICKET_IDS.firstSpare, issueNumber);
    ctx.emit(
      figure('link_requests', linking.requests.length, 'requests', 3, {
        note: `from the Add click to the link written back to the ticket: ${linking.requests.map((r) => `${r.side} ${r.method} ${r.path} ${r.status}`).join('; ')}; then the issue card's live-state read, as on every visit (${linking.cardReads})`,
      }),
    );
  } finally {
    await baselinePreview.close();
    await env.close();
    if (existsSync(ticketsDir)) rmSync(ticketsDir, { recursive: true, force: true });
  }
}

