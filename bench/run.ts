// `npm run bench`: builds and packages the app, then measures it. Prints one JSON line per figure
// `{"name","value","unit","budget","ok"}` on stdout as soon as it is known, then a human summary. Progress and
// problems go to stderr. Exit code 1 when a figure is over budget or a measurement could not be made.
//
// Options: --no-build (measure dist/ as it is), --loads N (cold loads per kind, default 41), --cpu N (CPU
// throttling rate, default 4), --skip-browser, --skip-route, --skip-report, --skip-sync.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { figure, isBenchResult, jsonLine, type BenchResult } from './result.ts';
import { htmlReferences, initialAssets, kB, KiB, missingModules, packageAssets } from './sizes.ts';
import { errorMessage } from '../src/core/guards.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const builtDist = join(root, 'dist');
// Everything is measured on a private copy of dist/: in a shared working tree another `npm run build` may rewrite
// dist/ while the benchmark runs (which once made the app's chunks 404 halfway through the load series).
const dist = join(root, 'bench', 'output', 'app-dist');

interface Options {
  build: boolean;
  loads: number;
  cpu: number;
  browser: boolean;
  route: boolean;
  report: boolean;
  sync: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { build: true, loads: 41, cpu: 4, browser: true, route: true, report: true, sync: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number`);
      return v;
    };
    if (a === '--no-build') o.build = false;
    else if (a === '--loads') o.loads = Math.round(num());
    else if (a === '--cpu') o.cpu = num();
    else if (a === '--skip-browser') o.browser = false;
    else if (a === '--skip-route') o.route = false;
    else if (a === '--skip-report') o.report = false;
    else if (a === '--skip-sync') o.sync = false;
    else throw new Error(`unknown option ${a} (known: --no-build --loads N --cpu N --skip-browser --skip-route --skip-report --skip-sync)`);
  }
  return o;
}

const results: BenchResult[] = [];
const failures: string[] = [];

function emit(r: BenchResult): void {
  results.push(r);
  process.stdout.write(jsonLine(r) + '\n');
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function section(name: string, run: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await run();
    progress(`${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
    failures.push(`${name}: ${message.split('\n')[0]}`);
    progress(`${name} FAILED: ${message}`);
  }
}

/** `npm run package` = build + zip; returns the zip's path from its output (`package: engage-<v>.zip — ...`). */
function buildAndPackage(): string {
  progress('npm run package (build + zip)...');
  const run = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${run.stdout}\n${run.stderr}`;
  const zipName = /package: (\S+\.zip)/.exec(output)?.[1];
  if (run.status !== 0 && !zipName) throw new Error(`npm run package failed (exit ${run.status}):\n${output.slice(-2000)}`);
  if (!zipName) throw new Error(`npm run package did not say which zip it wrote:\n${output.slice(-1000)}`);
  return join(root, zipName);
}

/** Copy dist/ to the benchmark's own folder and check the copy is one complete build. */
async function snapshotDist(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  cpSync(builtDist, dist, { recursive: true });
  const html = join(dist, 'assets', 'iframe.html');
  if (!existsSync(html)) throw new Error('dist/assets/iframe.html is missing: run npm run build');
  const problems = await missingModules(dist);
  for (const ref of htmlReferences(readFileSync(html, 'utf8'))) {
    if (!existsSync(join(dist, 'assets', ref))) problems.push(`iframe.html → ${ref}`);
  }
  if (problems.length) throw new Error(`dist/ is not one complete build (another build running?): ${problems.slice(0, 5).join('; ')}`);
}

function newestZip(): string | null {
  const manifest = join(builtDist, 'manifest.json');
  if (!existsSync(manifest)) return null;
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
  const zip = join(root, `engage-${version}.zip`);
  return existsSync(zip) ? zip : null;
}

async function sizeFigures(zipPath: string | null): Promise<void> {
  const initial = await initialAssets(dist);
  const initialGzip = initial.reduce((s, a) => s + a.gzipBytes, 0);
  emit(
    figure('initial_static_gzip_kb', kB(initialGzip), 'kB', 100, {
      note: `iframe.html + its static import graph (${initial.map((a) => a.path).join(', ')}), gzip -9`,
    }),
  );
  // Source maps are not shipped (the package script leaves them out), so they do not count.
  const all = packageAssets(dist).filter((a) => !a.path.endsWith('.map'));
  emit(
    figure('total_gzip_kb', kB(all.reduce((s, a) => s + a.gzipBytes, 0)), 'kB', null, {
      note: `all ${all.length} files of dist/, each gzip -9 on its own (raw ${kB(all.reduce((s, a) => s + a.bytes, 0)).toFixed(1)} kB)`,
    }),
  );
  if (zipPath && existsSync(zipPath)) {
    emit(figure('zip_kb', KiB(statSync(zipPath).size), 'KiB', 2048, { note: `${zipPath.slice(root.length + 1)}, Zendesk's limit is 2 MiB` }));
  } else {
    failures.push('zip_kb: no package zip found (run without --no-build, or npm run package)');
  }
}

async function routeFigures(): Promise<void> {
  const file = join(root, 'bench', 'route.ts');
  if (!existsSync(file)) throw new Error('bench/route.ts (routing benchmark) does not exist yet');
  const mod = (await import(pathToFileURL(file).href)) as { runRouteBench?: () => Promise<unknown> };
  if (typeof mod.runRouteBench !== 'function') throw new Error('bench/route.ts does not export runRouteBench()');
  const list = await mod.runRouteBench();
  if (!Array.isArray(list)) throw new Error('runRouteBench() did not return an array');
  for (const r of list) {
    if (!isBenchResult(r)) throw new Error(`runRouteBench() returned a malformed figure: ${JSON.stringify(r)}`);
    emit(r);
  }
}

function summary(options: Options, startedAt: number): void {
  const lines: string[] = [];
  const width = Math.max(...results.map((r) => r.name.length), 10);
  lines.push('');
  lines.push(`Engage benchmark — ${new Date().toISOString()}, node ${process.version}, CPU throttling ${options.cpu}x, ${options.loads} loads per kind`);
  lines.push('');
  for (const r of results) {
    const budget = r.budget === null ? '(no budget)' : `${r.higherIsBetter ? '≥' : '≤'} ${r.budget}`;
    lines.push(`  ${r.ok ? 'ok  ' : 'OVER'}  ${r.name.padEnd(width)}  ${String(r.value).padStart(10)} ${r.unit.padEnd(10)} ${budget}`);
    if (r.note) lines.push(`        ${' '.repeat(width)}  ${r.note}`);
  }
  const over = results.filter((r) => !r.ok);
  lines.push('');
  for (const f of failures) lines.push(`  NOT MEASURED  ${f}`);
  lines.push(
    `${results.length} figures, ${over.length} over budget${over.length ? ` (${over.map((r) => r.name).join(', ')})` : ''}, ` +
      `${failures.length} not measured; ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const options = parseArgs(process.argv.slice(2));
  let zipPath: string | null = null;
  if (options.build) {
    try {
      zipPath = buildAndPackage();
    } catch (e) {
      progress(errorMessage(e));
      failures.push('build: npm run package failed, figures below measure the existing dist/');
    }
  } else zipPath = newestZip();
  try {
    await snapshotDist();
  } catch (e) {
    // Once more after a fresh build: a concurrent build has most likely finished by now.
    progress(`${errorMessage(e)}; building again`);
    if (options.build) zipPath = buildAndPackage();
    await snapshotDist();
  }

  await section('sizes', () => sizeFigures(zipPath));
  if (options.route) await section('routing', routeFigures);
  if (options.report) {
    const { runReportBench } = await import('./report.ts');
    await section('report', async () => {
      for (const r of await runReportBench()) emit(r);
    });
  }
  if (options.sync) {
    // The GitHub Actions sync (sync/dist/index.js, committed): one event on an issue carrying 20 tickets.
    const { runSyncBench } = await import('./sync.ts');
    await section('sync', async () => {
      for (const r of await runSyncBench()) emit(r);
    });
  }
  if (options.browser) {
    // Loaded only when needed: it pulls in the preview and Playwright.
    const { browserFigures } = await import('./app-bench.ts');
    await section('browser', () => browserFigures({ root, dist, loads: options.loads, cpuRate: options.cpu, emit, progress }));
    const { measureFirstViewFit, firstViewFigures } = await import('./first-view-fit.ts');
    await section('first view fit', async () => {
      progress('opening every sample ticket at the sidebar\'s width...');
      for (const r of firstViewFigures(await measureFirstViewFit(root, dist))) emit(r);
    });
  }
  summary(options, startedAt);
  process.exitCode = failures.length > 0 || results.some((r) => !r.ok) ? 1 : 0;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
