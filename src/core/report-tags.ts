// The tags a filing writes for reports (issue 14: the RFH rate and how often agents keep a suggestion), so that
// `engage eval`, `engage report` and the insights page need nothing but Zendesk:
//   `engage_defect`                   a filed defect (defects do not count toward the RFH rate);
//   `rfh_suggested_team_<id with _>`  the team Engage suggested when the agent filed;
//   `rfh_suggested_priority_p<n>`     the priority Engage suggested then.
// Tickets filed before these tags existed carry none: readers treat the suggestion as unknown, never as kept.
import { tagPart } from './tags.ts';
import type { PriorityLevel, Team, TeamId } from './types/classification.ts';

export const DEFECT_TAG = 'engage_defect';
const SUGGESTED_TEAM = 'rfh_suggested_team_';
const SUGGESTED_PRIORITY = /^rfh_suggested_priority_p([0-3])$/;

export function suggestedTeamTag(teamId: TeamId): string {
  return `${SUGGESTED_TEAM}${tagPart(teamId)}`;
}

export function suggestedPriorityTag(level: PriorityLevel): string {
  return `rfh_suggested_priority_p${level}`;
}

/** The suggestion recorded on a ticket at filing, as far as its tags say (a team no longer in the catalogue: null). */
export function recordedSuggestion(
  tags: readonly string[],
  teams: readonly Pick<Team, 'id'>[],
): { teamId: TeamId | null; priority: PriorityLevel | null } {
  let teamId: TeamId | null = null;
  let priority: PriorityLevel | null = null;
  for (const tag of tags) {
    if (teamId === null && tag.startsWith(SUGGESTED_TEAM)) {
      const part = tag.slice(SUGGESTED_TEAM.length);
      teamId = teams.find((t) => tagPart(t.id) === part)?.id ?? null;
    }
    const m = SUGGESTED_PRIORITY.exec(tag);
    if (priority === null && m) priority = Number(m[1]) as PriorityLevel;
  }
  return { teamId, priority };
}

export interface KeptCount {
  /** Tickets whose suggestion and final choice are both recorded. */
  recorded: number;
  /** Of those, the ones filed with the suggestion unchanged. */
  kept: number;
}

export interface KeptSummary {
  team: KeptCount & { bySuggestedTeam: Record<TeamId, KeptCount> };
  priority: KeptCount;
}

/**
 * How often agents kept what Engage suggested, from what each ticket recorded at filing: the suggestion tags and
 * the final team and priority. Tickets without a recorded suggestion (filed before the tags, or linked later) are
 * left out rather than guessed.
 */
export function keptSuggestions(
  tickets: readonly { tags: readonly string[]; teamId: TeamId | null; priority: PriorityLevel | null }[],
  teams: readonly Pick<Team, 'id'>[],
): KeptSummary {
  const out: KeptSummary = { team: { recorded: 0, kept: 0, bySuggestedTeam: {} }, priority: { recorded: 0, kept: 0 } };
  for (const t of tickets) {
    const suggested = recordedSuggestion(t.tags, teams);
    if (suggested.teamId !== null && t.teamId !== null) {
      const kept = suggested.teamId === t.teamId ? 1 : 0;
      const row = (out.team.bySuggestedTeam[suggested.teamId] ??= { recorded: 0, kept: 0 });
      row.recorded++;
      row.kept += kept;
      out.team.recorded++;
      out.team.kept += kept;
    }
    if (suggested.priority !== null && t.priority !== null) {
      out.priority.recorded++;
      if (suggested.priority === t.priority) out.priority.kept++;
    }
  }
  return out;
}
