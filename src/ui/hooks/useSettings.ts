// The app's settings as the panel uses them: the manifest parameters (ZAF metadata) validated one by one, a bad
// value replaced by its default and reported as a problem naming the setting, plus the team catalogue with the
// routing overrides. Null until the brain chunk is there.
import { useMemo } from 'react';
import type { Brain, PanelSettings } from '../brain.ts';
import { useApp } from './useApp.ts';

export function useSettings(brain: Brain | null): PanelSettings | null {
  const { metadata } = useApp();
  return useMemo(() => (brain ? brain.panelSettings(metadata.settings) : null), [brain, metadata.settings]);
}
