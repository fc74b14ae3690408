// Display helpers that must not pull the settings schema (and its validation library) into the first paint.
import type { Settings } from '../../core/settings.ts';
import type { PriorityLevel } from '../../core/types/classification.ts';

/** The priority label as filed, e.g. `ce/p1` (same rule as core/settings.ts `priorityLabel`). */
export function priorityLabelOf(settings: Pick<Settings, 'labels'>, level: PriorityLevel): string {
  return `${settings.labels.priorityPrefix}p${level}`;
}
