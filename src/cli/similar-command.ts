// `engage similar FILE|DIR|- --issues ISSUES.json [--labels LABELS.json] [--now TIME] [--settings FILE]
// [--format table|json]`: per ticket, the one GitHub search the sidebar would send when the form opens and the
// ranked similar issues among the given candidates (as GitHub returns them), each with why; with --labels, recall@3
// and the false-show rate, so relevance can be checked offline.
import { isRecord } from '../core/guards.ts';
import { evaluateSimilar, parseSimilarLabels, type SimilarEvalSummary } from '../core/similar/evaluate.ts';
import { parseIssues, type CandidateIssue } from '../core/similar/issues.ts';
import { findSimilar, type SimilarResult } from '../core/similar/similar.ts';
import { suggest } from '../core/suggest.ts';
import { buildTicketModel } from '../core/ticket-model.ts';
import { formatOption, parseArgs, UsageError } from './args.ts';
import { loadBundles, loadSettings } from './input.ts';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io.ts';
import { table } from './table.ts';

export const SIMILAR_USAGE = `Usage: engage similar FILE|DIR|- --issues ISSUES.json [--labels LABELS.json] [--now TIME]
                      [--settings FILE] [--format table|json]

Prints, per ticket bundle, the GitHub search query a ticket open would send (both trackers, at most 256
characters and five operators) and the issues among ISSUES.json that the sidebar would show: at most five, open
first, then closed within 90 days (marked); none rather than noise. Each with its team label, customers
(customer/* labels), last activity and why (the ticket's terms it shares).
ISSUES.json is a JSON array of GitHub issue objects as the REST API returns them (or a search response).
--now      when "recently closed" is measured from (ISO time; default: the newest activity among the issues,
           so the same files always give the same answer)
--labels   ticket id → expected issue number or null (the problem is in no issue): prints recall@3 over the
           matched tickets and how often anything is shown for the unmatched ones
Exit codes: 0 ok, 1 failure, 2 bad input (the file, issue and field are named).`;

async function readJson(path: string, io: CliIo, what: string): Promise<{ value: unknown } | { problem: string }> {
  let text: string;
  try {
    text = await io.readText(path);
  } catch (e) {
    const code = isRecord(e) && typeof e.code === 'string' ? e.code : '';
    return { problem: `${path}: cannot read the ${what} (${code === 'ENOENT' ? 'no such file' : code || String(e)})` };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { problem: `${path}: the ${what} are not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}

function newestActivity(issues: readonly CandidateIssue[]): number {
  let t = 0;
  for (const i of issues) t = Math.max(t, Date.parse(i.updatedAt), i.closedAt ? Date.parse(i.closedAt) : 0);
  return t;
}

function resultJson(r: SimilarResult): Record<string, unknown> {
  return {
    ticket_id: r.ticketId,
    query: r.query,
    terms: r.terms.map((t) => ({ text: t.text, kind: t.kind, weight: t.weight })),
    issues: r.issues.map((i) => ({
      number: i.number,
      repo: i.repo,
      title: i.title,
      state: i.state,
      recently_closed: i.recentlyClosed,
      team: i.team,
      customers: i.customers,
      last_activity: i.lastActivity,
      score: i.score,
      why: i.why,
      url: i.url,
    })),
  };
}

function printTable(results: readonly SimilarResult[], io: CliIo): void {
  for (const r of results) {
    io.out(`ticket ${r.ticketId}\n  query: ${r.query ?? '(none: no usable terms)'}\n`);
    if (r.issues.length === 0) {
      io.out('  no similar issue\n\n');
      continue;
    }
    const rows = r.issues.map((i) => [
      `#${i.number}`,
      i.recentlyClosed ? 'closed (recently)' : i.state,
      i.title.length > 60 ? `${i.title.slice(0, 59)}…` : i.title,
      i.team ?? '-',
      String(i.customers.length),
      i.lastActivity.slice(0, 10),
      String(i.score),
      i.why.join(', '),
    ]);
    io.out(table(['issue', 'state', 'title', 'team', 'customers', 'last activity', 'score', 'why'], rows).replace(/^/gm, '  '));
    io.out('\n');
  }
}

function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`;
}

function printEval(s: SimilarEvalSummary, io: CliIo): void {
  io.out(`recall@3: ${pct(s.recallAt3)} (${s.foundAt3} of ${s.matched} tickets whose problem is in an issue)\n`);
  io.out(`false shows: ${pct(s.falseShowRate)} (${s.falseShows} of ${s.unmatched} tickets whose problem is in no issue showed one)\n`);
  for (const r of s.rows.filter((x) => !x.ok)) {
    io.out(`  ${r.expected === null ? 'noise' : 'miss '} ticket ${r.ticketId}: expected ${r.expected === null ? 'nothing' : `#${r.expected}`}, shown ${r.shown.length ? r.shown.map((n) => `#${n}`).join(' ') : 'nothing'}\n`);
  }
  if (s.unlabelled.length) io.out(`not labelled (left out): ${s.unlabelled.join(', ')}\n`);
}

export async function runSimilar(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { options: ['settings', 'format', 'issues', 'labels', 'now'], flags: ['help'] });
  if (args.flags.has('help')) {
    io.out(`${SIMILAR_USAGE}\n`);
    return EXIT_OK;
  }
  const format = formatOption(args, 'table');
  if (args.positionals.length === 0) throw new UsageError('similar needs a FILE, a DIR or - for standard input');
  if (args.options.issues === undefined) throw new UsageError('similar needs --issues ISSUES.json (the candidate issues as GitHub returns them)');
  if (args.options.now !== undefined && Number.isNaN(Date.parse(args.options.now))) throw new UsageError(`--now must be an ISO time, got "${args.options.now}"`);

  const problems: string[] = [];
  const loaded = await loadSettings(args.options.settings, io);
  problems.push(...loaded.problems);
  const issuesPath = args.options.issues;
  const rawIssues = await readJson(issuesPath, io, 'issues');
  let issues: CandidateIssue[] = [];
  if ('problem' in rawIssues) problems.push(rawIssues.problem);
  else {
    const parsed = parseIssues(rawIssues.value);
    issues = parsed.issues;
    for (const p of parsed.problems) problems.push(`${issuesPath}: ${p}`);
  }
  let labels = null;
  if (args.options.labels !== undefined) {
    const raw = await readJson(args.options.labels, io, 'labels');
    if ('problem' in raw) problems.push(raw.problem);
    else {
      const parsed = parseSimilarLabels(raw.value);
      labels = parsed.labels;
      for (const p of parsed.problems) problems.push(`${args.options.labels}: ${p}`);
    }
  }
  // Bad settings, issues or labels would make every answer wrong: stop before printing any.
  if (problems.length) {
    for (const p of problems) io.err(`engage: ${p}\n`);
    return EXIT_BAD_INPUT;
  }
  const { bundles, problems: bundleProblems } = await loadBundles(args.positionals, io);
  const now = args.options.now ?? newestActivity(issues);
  const results = bundles.map(({ bundle }) => {
    const model = buildTicketModel(bundle);
    const route = suggest(model, loaded.teams, loaded.settings).route;
    return findSimilar(model, route, issues, { settings: loaded.settings, teams: loaded.teams, now });
  });
  const summary = labels ? evaluateSimilar(results, labels) : null;
  if (format === 'json') {
    for (const r of results) io.out(`${JSON.stringify(resultJson(r))}\n`);
    if (summary) {
      const { rows, ...figures } = summary;
      io.out(`${JSON.stringify({ eval: { ...figures, misses: rows.filter((r) => !r.ok) } })}\n`);
    }
  } else {
    printTable(results, io);
    if (summary) printEval(summary, io);
  }
  for (const p of bundleProblems) io.err(`engage: ${p}\n`);
  return bundleProblems.length ? EXIT_BAD_INPUT : EXIT_OK;
}
