// Routing speed: typical tickets per second, the time for a 1 MB ticket, and how that time grows from 100 KB to
// 1 MB (one pass over the text means about ×10; the budget allows ×12). Measured on the routing corpus, models
// built beforehand so only the engine is timed, in CPU time of this process (see cpuMs). `npm run bench` imports `runRouteBench`; run alone with
// `node --import tsx bench/route.ts` (one JSON line per figure).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseBundleFile } from '../src/cli/read-bundles.ts';
import { classify } from '../src/core/classify.ts';
import { route } from '../src/core/router.ts';
import { DEFAULT_SETTINGS } from '../src/core/settings.ts';
import { buildTicketModel } from '../src/core/ticket-model.ts';
import { DEFAULT_TEAMS } from '../src/core/teams/default-teams.ts';
import type { TicketMessage, TicketModel } from '../src/core/types/ticket.ts';
import type { TicketBundle } from '../src/core/types/zendesk.ts';
import { figure, jsonLine, median, type BenchResult } from './result.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = join(root, 'test', 'fixtures', 'corpus');

/**
 * Budgets: a typical ticket well under a millisecond and a 1 MB ticket in tens of milliseconds, so that routing never
 * shows in the sidebar's start-up; near-linear scaling, so that a long ticket cannot stall it.
 */
export const ROUTE_BUDGETS = { ticketsPerSecond: 10_000, oneMegabyteMs: 100, scaling: 12 } as const;

function loadCorpus(): TicketBundle[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => parseBundleFile(readFileSync(join(corpusDir, f), 'utf8'), f).bundles);
}

/**
 * A big ticket made of real ticket text: the corpus's cleaned messages (prose, pasted logs, tables) repeated until
 * the messages hold `chars` characters of the text the engine reads, split into messages of about 20 KB like a long
 * thread. Built as a model directly, so the size is what the router scans (cleaning a raw body would shrink it).
 */
export function bigTicket(bundles: TicketBundle[], chars: number): TicketModel {
  const models = bundles.map(buildTicketModel);
  const pieces = models.flatMap((m) => [m.subject, ...m.messages.map((x) => x.text)]).filter((t) => t.length > 0);
  const first = models[0];
  if (!first) throw new Error('bench: the routing corpus is empty');
  const texts: string[] = [];
  let current = '';
  let total = 0;
  for (let i = 0; total < chars; i++) {
    const piece = `${pieces[i % pieces.length] as string}\n\n`;
    current += piece;
    total += piece.length;
    if (current.length >= 20_000) {
      texts.push(current);
      current = '';
    }
  }
  if (current) texts.push(current);
  const messages: TicketMessage[] = texts.map((text, index) => ({
    index,
    commentId: index + 1,
    authorRole: 'customer',
    authorName: first.requester.name,
    public: true,
    createdAt: first.createdAt,
    text,
    raw: text,
    attachments: [],
  }));
  return { ...first, messages, attachments: [] };
}

/**
 * CPU milliseconds of this process spent in `fn` (user + system, GC threads included). CPU time rather than wall
 * time because the engine is single-threaded and CPU-bound, and benchmark machines are often shared: wall time
 * then measures the neighbours. The wall time is reported in the notes.
 */
function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function textLength(model: TicketModel): number {
  return model.messages.reduce((n, m) => n + m.text.length, model.subject.length);
}

export async function runRouteBench(): Promise<BenchResult[]> {
  const bundles = loadCorpus();
  const models = bundles.map(buildTicketModel);
  if (models.length === 0) throw new Error('bench: the routing corpus is empty');

  // Warm up (JIT, the phrase index built once per catalogue).
  for (let i = 0; i < 3; i++) for (const m of models) route(m, DEFAULT_TEAMS);

  // Typical tickets: at least 10,000 routings per round, the best of three rounds.
  const rounds: number[] = [];
  let wallPerSecond = 0;
  for (let round = 0; round < 3; round++) {
    let routed = 0;
    const wallStart = performance.now();
    const ms = cpuMs(() => {
      while (routed < 10_000) {
        for (const m of models) route(m, DEFAULT_TEAMS);
        routed += models.length;
      }
    });
    rounds.push(routed / (ms / 1000));
    wallPerSecond = Math.max(wallPerSecond, routed / ((performance.now() - wallStart) / 1000));
  }
  const perSecond = Math.max(...rounds);
  const avgChars = Math.round(models.reduce((n, m) => n + textLength(m), 0) / models.length);

  // Big tickets: a 1 MB run and a batch of ten 100 KB runs (so both samples last about as long), measured as
  // adjacent pairs, 15 pairs. The 1 MB figure is the fastest run (the least disturbed); the scaling is the median of
  // the pairs' ratios, so a burst of load from elsewhere on the machine hits both sides of a pair alike.
  const big = bigTicket(bundles, 1_000_000);
  const small = bigTicket(bundles, 100_000);
  route(big, DEFAULT_TEAMS);
  route(small, DEFAULT_TEAMS);
  const bigRuns: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < 15; i++) {
    const bigRun = cpuMs(() => route(big, DEFAULT_TEAMS));
    const smallRun =
      cpuMs(() => {
        for (let k = 0; k < 10; k++) route(small, DEFAULT_TEAMS);
      }) / 10;
    bigRuns.push(bigRun);
    ratios.push(bigRun / smallRun);
  }
  const bigMs = Math.min(...bigRuns);
  const scaling = median(ratios);
  classify(big, DEFAULT_TEAMS, DEFAULT_SETTINGS);
  const classifyBigMs = Math.min(...Array.from({ length: 5 }, () => cpuMs(() => classify(big, DEFAULT_TEAMS, DEFAULT_SETTINGS))));

  return [
    figure('route_tickets_per_s', perSecond, 'tickets/s', ROUTE_BUDGETS.ticketsPerSecond, {
      higherIsBetter: true,
      note: `route() over the ${models.length} corpus tickets (about ${avgChars} characters of cleaned text each), 10,000+ routings per round, best of 3 rounds, CPU time (wall: ${Math.round(wallPerSecond)}/s)`,
    }),
    figure('route_1mb_ms', bigMs, 'ms', ROUTE_BUDGETS.oneMegabyteMs, {
      note: `route() on one ticket of ${Math.round(textLength(big) / 1000)} KB of cleaned corpus text in ${big.messages.length} messages, fastest of 15, CPU time (median ${median(bigRuns).toFixed(1)} ms)`,
    }),
    figure('route_scaling', scaling, 'ratio', ROUTE_BUDGETS.scaling, {
      note: `t(1 MB) / t(100 KB), median of 15 adjacent pairs (range ${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}); one pass over the text means about 10`,
    }),
    figure('classify_1mb_ms', classifyBigMs, 'ms', null, {
      note: 'classify() (route + priority + checklist) on the same 1 MB ticket, fastest of 5, CPU time; informational',
    }),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await runRouteBench()) process.stdout.write(`${jsonLine(r)}\n`);
}
