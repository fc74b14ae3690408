// Measuring keyword changes with the router itself, routing again only the tickets a change can affect: a keyword
// change alters a ticket's routing only if the ticket contains the keyword's words somewhere (router.ts scans every
// text), so an inverted index from words to tickets finds them. That keeps tune roughly linear in the tickets.
import { route } from '../router.ts';
import type { Team, TeamId } from '../types/classification.ts';
import type { TicketModel } from '../types/ticket.ts';
import { applyChanges } from './apply.ts';
import { MIN_MISSES } from './candidates.ts';
import type { Change } from './types.ts';
import { words } from './words.ts';

export class Corpus {
  private readonly postings = new Map<string, number[]>();

  constructor(
    readonly models: readonly TicketModel[],
    readonly recorded: readonly TeamId[],
    wordSets: readonly ReadonlySet<string>[],
  ) {
    wordSets.forEach((set, i) => {
      for (const w of set) {
        let list = this.postings.get(w);
        if (!list) this.postings.set(w, (list = []));
        list.push(i);
      }
    });
  }

  /** Tickets (indices, ascending) holding every word of `keyword`, among those `inPool` accepts. */
  affected(keyword: string, inPool: (i: number) => boolean): number[] {
    const parts = [...new Set(words(keyword))];
    if (parts.length === 0) return [];
    const lists = parts.map((w) => this.postings.get(w) ?? []).sort((a, b) => a.length - b.length);
    const [shortest, ...rest] = lists as [number[], ...number[][]];
    const others = rest.map((l) => new Set(l));
    return shortest.filter((i) => inPool(i) && others.every((s) => s.has(i)));
  }

  /** The team the router suggests for ticket `i` with catalogue `teams`. */
  routed(i: number, teams: readonly Team[]): TeamId {
    return route(this.models[i] as TicketModel, teams).team.teamId;
  }
}

/** Tickets any of `changes` can affect, in `inPool`. */
export function affectedBy(corpus: Corpus, changes: readonly Change[], inPool: (i: number) => boolean): number[] {
  const set = new Set<number>();
  for (const c of changes) for (const i of corpus.affected(c.keyword, inPool)) set.add(i);
  return [...set].sort((a, b) => a - b);
}

/**
 * Greedy selection on the pool (the tickets the changes were learned from): in rank order, a change is kept when
 * routing the tickets it affects, with the changes kept so far plus this one, gets strictly more of them right. A
 * change that fixes nothing is left out, so a proposal only lists keywords that earn their place. `routed` holds the
 * suggestion per ticket under `teams` and is updated as changes are kept.
 */
export function selectGreedy(corpus: Corpus, teams: readonly Team[], ranked: readonly Change[], inPool: (i: number) => boolean, routed: TeamId[]): { kept: Change[]; teams: Team[] } {
  let current = teams.map((t) => ({ ...t, keywords: [...t.keywords] }));
  const kept: Change[] = [];
  for (const change of ranked) {
    const hit = corpus.affected(change.keyword, inPool);
    // Once an earlier change fixed the tickets this one aimed at, routing them again would only cost time: an
    // addition can only win tickets recorded for its team, a removal only those wrongly sent to its team.
    const fixable = hit.filter((i) => (change.kind === 'add' ? corpus.recorded[i] === change.team && routed[i] !== change.team : routed[i] === change.team && corpus.recorded[i] !== change.team));
    if (fixable.length < MIN_MISSES) continue;
    const trial = applyChanges(current, [change]);
    let gain = 0;
    const next: TeamId[] = [];
    for (const i of hit) {
      const got = corpus.routed(i, trial);
      next.push(got);
      const truth = corpus.recorded[i];
      gain += (got === truth ? 1 : 0) - (routed[i] === truth ? 1 : 0);
    }
    if (gain <= 0) continue;
    kept.push(change);
    current = trial;
    hit.forEach((i, k) => (routed[i] = next[k] as TeamId));
  }
  return { kept, teams: current };
}
