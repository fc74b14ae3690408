// `engage tune`'s learner: keyword changes learned from the teams recorded on past tickets, measured by k-fold
// cross-validation. Folds are deterministic (tickets sorted by recorded team then id, dealt round-robin, so each
// fold holds every team's share). In each fold the candidates are learned and selected (select.ts) on the other
// folds only, then the held-out fold is routed with the current catalogue and with the selected changes: the
// accuracy before and after is the mean over folds, on tickets the changes were not learned from. The proposal is
// the same procedure run on all tickets; it is dropped whole when the held-out accuracy after is below before, so
// tune never proposes what cross-validation says makes routing worse.
import type { Team, TeamId } from '../types/classification.ts';
import { applyChanges } from './apply.ts';
import { candidates, type Prepared } from './candidates.ts';
import { affectedBy, Corpus, selectGreedy } from './select.ts';
import { DEFAULT_TUNE_OPTIONS, type Change, type Example, type FoldResult, type TeamAccuracy, type TuneOptions, type TuneResult } from './types.ts';
import { allWords, customerGrams } from './words.ts';

function foldsOf(examples: readonly Example[], k: number): number[] {
  const order = examples.map((e, i) => i).sort((a, b) => {
    const ea = examples[a] as Example;
    const eb = examples[b] as Example;
    return ea.team < eb.team ? -1 : ea.team > eb.team ? 1 : ea.model.id - eb.model.id || a - b;
  });
  const fold = new Array<number>(examples.length).fill(0);
  order.forEach((i, pos) => (fold[i] = pos % k));
  return fold;
}

const same = (a: Change, b: Change): boolean => a.kind === b.kind && a.team === b.team && a.keyword === b.keyword;

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export function tune(examples: readonly Example[], teams: readonly Team[], partial: Partial<TuneOptions> = {}): TuneResult {
  const options = { ...DEFAULT_TUNE_OPTIONS, ...partial };
  const notes: string[] = [];
  const n = examples.length;
  const perTeam = new Map<TeamId, number>();
  for (const e of examples) perTeam.set(e.team, (perTeam.get(e.team) ?? 0) + 1);
  const empty = (enough: boolean, before: number): TuneResult => ({
    tickets: n, enough, before, after: before, folds: [], byTeam: [], changes: [], stability: [], teams: [...teams], notes,
  });

  const corpus = new Corpus(examples.map((e) => e.model), examples.map((e) => e.team), examples.map((e) => allWords(e.model)));
  const base: TeamId[] = examples.map((_, i) => corpus.routed(i, teams));
  const baseRight = base.filter((t, i) => t === examples[i]?.team).length;
  if (n < options.minTickets) {
    notes.push(`Too little history: ${n} ticket${n === 1 ? '' : 's'} with a recorded team, tune needs at least ${options.minTickets}. Nothing is proposed.`);
    return empty(false, n ? round(baseRight / n) : 0);
  }
  const known = new Set(teams.map((t) => t.id));
  const eligible = new Set<TeamId>();
  for (const [team, count] of [...perTeam].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!known.has(team)) notes.push(`Team "${team}" is recorded on ${count} ticket${count === 1 ? '' : 's'} but is not in the catalogue: add it with routing_overrides (name and keywords) first.`);
    else if (count < options.minTeamTickets) notes.push(`Too little history for ${team}: ${count} ticket${count === 1 ? '' : 's'}, at least ${options.minTeamTickets} needed; no change proposed for it.`);
    else eligible.add(team);
  }

  const prepared: Prepared[] = examples.map((e, i) => ({ team: e.team, grams: customerGrams(e.model), routed: base[i] as TeamId }));
  const k = Math.max(2, Math.min(options.folds, n));
  const fold = foldsOf(examples, k);
  const folds: FoldResult[] = [];
  const learned: Change[][] = [];
  const afterRouted = [...base];
  for (let f = 0; f < k; f++) {
    const train = (i: number): boolean => fold[i] !== f;
    const held = (i: number): boolean => fold[i] === f;
    const ranked = candidates(prepared.filter((_, i) => train(i)), teams, eligible, options);
    const { kept, teams: tuned } = selectGreedy(corpus, teams, ranked, train, [...base]);
    learned.push(kept);
    for (const i of affectedBy(corpus, kept, held)) afterRouted[i] = corpus.routed(i, tuned);
    let size = 0;
    let before = 0;
    let after = 0;
    for (let i = 0; i < n; i++) {
      if (!held(i)) continue;
      size++;
      if (base[i] === examples[i]?.team) before++;
      if (afterRouted[i] === examples[i]?.team) after++;
    }
    folds.push({ tickets: size, before: round(before / size), after: round(after / size), changes: kept.length });
  }
  const mean = (pick: (r: FoldResult) => number): number => round(folds.reduce((s, r) => s + pick(r), 0) / folds.length);
  const before = mean((r) => r.before);
  const after = mean((r) => r.after);

  const byTeam: TeamAccuracy[] = [...perTeam.keys()].sort().map((team) => {
    let size = 0;
    let b = 0;
    let a = 0;
    examples.forEach((e, i) => {
      if (e.team !== team) return;
      size++;
      if (base[i] === team) b++;
      if (afterRouted[i] === team) a++;
    });
    return { team, tickets: size, before: round(b / size), after: round(a / size) };
  });

  const final = selectGreedy(corpus, teams, candidates(prepared, teams, eligible, options), () => true, [...base]);
  let changes = final.kept;
  if (after < before) {
    notes.push(`No change proposed: the changes learned make held-out accuracy worse (${pct(before)} → ${pct(after)}).`);
    changes = [];
  } else if (changes.length === 0) {
    notes.push('No change proposed: no keyword change improves routing on this history.');
  }
  return {
    tickets: n,
    enough: true,
    before,
    after,
    folds,
    byTeam,
    changes,
    stability: changes.map((c) => learned.filter((l) => l.some((x) => same(x, c))).length),
    teams: changes.length ? applyChanges(teams, changes) : [...teams],
    notes,
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
