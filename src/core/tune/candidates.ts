// Candidate keyword changes from a set of past tickets (the training tickets of one fold, or all of them).
//
// Additions: a gram of the customers' words (a word or two adjacent words) frequent on one team's tickets and rare on
// others' — at least `minSupport` of that team's tickets, pointing to it at least `minPrecision` of the time — and
// present on tickets of that team the current routing gets wrong (a keyword that fixes nothing is not worth adding).
// Removals: a team keyword that appears on at least `minSupport` tickets, is right at most `maxRemovePrecision` of
// the time, and drew tickets of other teams to its team. Both are ranked by the misses they aim at, then precision;
// the selection (select.ts) decides which to keep by measuring them with the router.
import type { Team, TeamId } from '../types/classification.ts';
import type { Change, TuneOptions } from './types.ts';
import { gramKey } from './words.ts';

/** A ticket as the learner sees it: its recorded team, its customer grams, and where the current catalogue routes it. */
export interface Prepared {
  team: TeamId;
  grams: ReadonlySet<string>;
  routed: TeamId;
}

/** A change must aim at this many misrouted tickets: each one measured costs a router build (some 15 ms). */
export const MIN_MISSES = 3;

type Counts = Map<string, Map<TeamId, number>>;

function bump(counts: Counts, gram: string, team: TeamId): void {
  let row = counts.get(gram);
  if (!row) counts.set(gram, (row = new Map()));
  row.set(team, (row.get(team) ?? 0) + 1);
}

function total(row: ReadonlyMap<TeamId, number> | undefined): number {
  let n = 0;
  if (row) for (const v of row.values()) n += v;
  return n;
}

/** `eligible`: the teams that may change (known to the catalogue, with enough history). */
export function candidates(pool: readonly Prepared[], teams: readonly Team[], eligible: ReadonlySet<TeamId>, options: TuneOptions): Change[] {
  const all: Counts = new Map();
  // Grams of the tickets routed wrong, by recorded team (what an addition could fix) and by routed team (what a
  // removal could fix).
  const missedFor: Counts = new Map();
  const missedTo: Counts = new Map();
  for (const p of pool) {
    const miss = p.routed !== p.team;
    for (const g of p.grams) {
      bump(all, g, p.team);
      if (miss) {
        bump(missedFor, g, p.team);
        bump(missedTo, g, p.routed);
      }
    }
  }
  const out: Change[] = [];
  const rank = (a: Change, b: Change): number => b.misses - a.misses || b.right / b.tickets - a.right / a.tickets || (a.keyword < b.keyword ? -1 : 1);
  for (const team of teams) {
    if (!eligible.has(team.id)) continue;
    const known = new Set(team.keywords.map(gramKey));
    const adds: Change[] = [];
    for (const [gram, row] of missedFor) {
      const misses = row.get(team.id) ?? 0;
      if (misses < MIN_MISSES || known.has(gram)) continue;
      const counts = all.get(gram);
      const right = counts?.get(team.id) ?? 0;
      const tickets = total(counts);
      if (right < options.minSupport || right / tickets < options.minPrecision) continue;
      adds.push({ kind: 'add', team: team.id, keyword: gram, tickets, right, misses });
    }
    out.push(...adds.sort(rank).slice(0, options.perTeam));
    const removes: Change[] = [];
    const seen = new Set<string>();
    for (const keyword of team.keywords) {
      const key = gramKey(keyword);
      // Grams are words and pairs: longer keywords are left alone (they are specific enough not to mislead).
      if (!key || key.split(' ').length > 2 || seen.has(key)) continue;
      seen.add(key);
      const misses = missedTo.get(key)?.get(team.id) ?? 0;
      if (misses < MIN_MISSES) continue;
      const counts = all.get(key);
      const tickets = total(counts);
      const right = counts?.get(team.id) ?? 0;
      if (tickets < options.minSupport || right / tickets > options.maxRemovePrecision) continue;
      removes.push({ kind: 'remove', team: team.id, keyword, tickets, right, misses });
    }
    out.push(...removes.sort(rank).slice(0, options.perTeam));
  }
  return out.sort(rank);
}
