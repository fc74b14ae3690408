// What tune reads and what it proposes.
import type { Team, TeamId } from '../types/classification.ts';
import type { TicketModel } from '../types/ticket.ts';

/** A past ticket and the team it was recorded for (the `rfh_team_*` tag, the team field or a hand-off). */
export interface Example {
  model: TicketModel;
  team: TeamId;
}

/**
 * One proposed keyword change with its support: `tickets` in whose customer words the keyword appears, `right` of
 * them recorded for `team` (for an addition, how often the keyword pointed to the right team; for a removal, how
 * rarely), and `misses`, the tickets the current routing gets wrong that the change is aimed at.
 */
export interface Change {
  kind: 'add' | 'remove';
  team: TeamId;
  keyword: string;
  tickets: number;
  right: number;
  misses: number;
}

export interface TuneOptions {
  folds: number;
  /** Fewer tickets with a recorded team than this: too little history, nothing is proposed. */
  minTickets: number;
  /** A team with fewer recorded tickets than this gets no change. */
  minTeamTickets: number;
  /** A keyword must appear in at least this many tickets to be proposed (added or removed). */
  minSupport: number;
  /** An added keyword must point to its team at least this often. */
  minPrecision: number;
  /** A removed keyword points to its own team at most this often. */
  maxRemovePrecision: number;
  /** At most this many additions and removals considered per team. */
  perTeam: number;
}

export const DEFAULT_TUNE_OPTIONS: TuneOptions = {
  folds: 5,
  minTickets: 30,
  minTeamTickets: 5,
  minSupport: 3,
  minPrecision: 0.6,
  maxRemovePrecision: 0.25,
  perTeam: 5,
};

export interface TeamAccuracy {
  team: TeamId;
  tickets: number;
  before: number;
  after: number;
}

export interface FoldResult {
  tickets: number;
  before: number;
  after: number;
  changes: number;
}

export interface TuneResult {
  tickets: number;
  /** False when there is too little history: nothing is proposed and `notes` says why. */
  enough: boolean;
  /** Mean over folds of the held-out team accuracy with the current catalogue and with the learned changes. */
  before: number;
  after: number;
  folds: FoldResult[];
  /** Held-out accuracy per recorded team, pooled over the folds. */
  byTeam: TeamAccuracy[];
  /** The changes learned on all tickets (empty when none helps or held-out accuracy would drop). */
  changes: Change[];
  /** For each change, in how many folds the same change was learned too. */
  stability: number[];
  /** The catalogue with `changes` applied. */
  teams: Team[];
  notes: string[];
}
