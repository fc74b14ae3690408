// The team catalogue in force: the built-in teams (teams/default-teams.ts) with the `routing_overrides` setting
// applied (teams/overrides.ts), so admins can change routing without a new release.
import type { SettingProblem } from './settings.ts';
import { DEFAULT_TEAMS } from './teams/default-teams.ts';
import { applyRoutingOverrides } from './teams/overrides.ts';
import type { Team, TeamId } from './types/classification.ts';

export function findTeam(teams: readonly Team[], id: TeamId): Team | undefined {
  return teams.find((t) => t.id === id);
}

/**
 * The defaults with the `routing_overrides` setting applied. Never throws; anything wrong is returned as problems
 * naming the setting and the path (`teams[2].githubLabel must be a string`), and the rest still applies.
 */
export function buildCatalogue(overridesJson: string): { teams: Team[]; problems: SettingProblem[] } {
  const teams: Team[] = DEFAULT_TEAMS.map((t) => ({ ...t, keywords: [...t.keywords] }));
  const problems = applyRoutingOverrides(teams, overridesJson);
  return { teams, problems };
}
