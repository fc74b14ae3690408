// The report's figures, as `engage report --format json` prints them (snake_case, stable names; README "engage
// report"). The insights page will read the same object.
import type { TeamId } from '../types/classification.ts';

/** The RFH-rate goal from the handbook: engineering's help on no more than 10% of tickets, defects not counted. */
export const RFH_GOAL = 0.1;

export type PriorityKey = 'p0' | 'p1' | 'p2' | 'p3' | 'none';
export const PRIORITY_KEYS: readonly PriorityKey[] = ['p0', 'p1', 'p2', 'p3', 'none'];

/** The period asked for, as UTC midnights; null parts take the defaults (12 weeks up to the newest ticket). */
export interface PeriodRequest {
  from: number | null;
  to: number | null;
  weeks: number | null;
}

export interface ReportWeek {
  /** ISO week, e.g. `2026-W48`. */
  week: string;
  /** Its Monday, `YYYY-MM-DD`. */
  start: string;
  tickets: number;
  rfhs: number;
  defects: number;
  handoffs: number;
  /** rfhs / tickets, rounded to 4 decimals; null for a week without tickets. */
  rate: number | null;
  by_team: Record<TeamId, number>;
  by_priority: Record<PriorityKey, number>;
}

export interface ChangedSuggestion {
  ticket_id: number;
  team: { suggested: TeamId | null; filed: TeamId | null } | null;
  priority: { suggested: string | null; filed: string | null } | null;
}

export interface KeptRow {
  recorded: number;
  kept: number;
  rate: number;
}

export interface Report {
  period: { from: string | null; to: string | null; weeks: number; end: 'option' | 'newest-ticket' | 'none' };
  goal: number;
  tickets: { read: number; in_period: number; outside_period: number; undated: { ticket_id: number; created_at: string }[] };
  rfh_rate: { tickets: number; rfhs: number; defects: number; rate: number | null; words: string };
  weeks: ReportWeek[];
  /** Teams with an RFH in the period, catalogue order first: the keys of every week's `by_team`. */
  teams: TeamId[];
  customers: { name: string | null; rfhs: number }[];
  issues: { tickets: number; distinct: number; top: { issue: string; tracker: 'private' | 'public'; number: number; tickets: number }[] };
  suggestions: {
    team: KeptRow & { by_suggested_team: Record<TeamId, KeptRow> };
    priority: KeptRow;
    changed: ChangedSuggestion[];
  };
  handoffs: { total: number; by_team: Record<TeamId, number> };
  tracker: { open_issues_by_age: null; median_days_to_close: null; note: string };
}
