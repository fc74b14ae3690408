// The app's settings as the panel uses them: the manifest parameters validated one by one (a bad value falls back
// to its default and becomes a problem naming the setting) and the team catalogue with the routing overrides.
import { useMemo } from 'react';
import { parseSettings, type Settings, type SettingProblem } from '../../core/settings.ts';
import { buildCatalogue } from '../../core/teams.ts';
import type { Team } from '../../core/types.ts';
import { useApp } from './useApp.ts';

export interface PanelSettings {
  settings: Settings;
  teams: Team[];
  problems: SettingProblem[];
}

export function panelSettings(raw: Record<string, unknown> | null | undefined): PanelSettings {
  const { settings, problems } = parseSettings(raw);
  const catalogue = buildCatalogue(settings.routingOverrides);
  return { settings, teams: catalogue.teams, problems: [...problems, ...catalogue.problems] };
}

export function useSettings(): PanelSettings {
  const { metadata } = useApp();
  return useMemo(() => panelSettings(metadata.settings), [metadata.settings]);
}
