// Overriding the suggested team or priority: a small "Change" button beside each suggestion opens a Garden
// Combobox (a lazy chunk: @zendeskgarden/react-dropdowns is too heavy for the first paint). The choice goes into the
// draft and from there into the decisions (`override.suggestedTeamId/suggestedPriority/reason`), so the issue and
// `engage eval` record it.
//
// Once a filing starts, the team and priority are in the issue: changing them could no longer affect it (and
// changing the team to one that takes no GitHub issues would swap the filing for a hand-off). The panel passes
// that as `locked`, and the buttons and pickers disable themselves with a short reason. Once filed, the form makes
// way for the issue's card (RfhPanel), so no control is left showing a value the issue did not take.
//
// The Change buttons are part of the first view, so they are drawn by the static stylesheet (style/first-view.css,
// Garden's Button isBasic size small); the pickers are Garden.
import { lazy, Suspense } from 'react';
import { LoadingLines } from '../shell/LoadingLines.tsx';
import type { Settings } from '../../core/settings.ts';
import type { PriorityLevel, Team, TeamAndPriority } from '../../core/types/classification.ts';
import type { Draft, DraftAction } from '../logic/draft.ts';
import type { Translate } from '../logic/i18n.ts';
import { priorityLabelOf } from '../logic/labels.ts';

const OverridePicker = lazy(() => import('./OverridePicker.tsx'));

const LEVELS: PriorityLevel[] = [0, 1, 2, 3];

/** Why the overrides cannot change now (a filing is running), in the agent's words; null = free. */
export type OverrideLock = { state: 'filing'; reason: string } | null;

/** The lock for a filing at this stage: none before it starts or after it failed (the card replaces it once filed). */
export function overrideLock(t: Translate, filing: 'idle' | 'filing' | 'failed' | 'filed'): OverrideLock {
  return filing === 'filing' ? { state: 'filing', reason: t('ui.override.locked_filing') } : null;
}

export function ChangeButton(props: {
  label: string;
  ariaLabel: string;
  expanded: boolean;
  onClick: () => void;
  locked: OverrideLock;
  'data-testid': string;
}): JSX.Element {
  const { locked } = props;
  const reasonId = `${props['data-testid']}-locked`;
  const reason = locked ? locked.reason : null;
  return (
    <>
      <button
        type="button"
        className="e-button"
        aria-label={props.ariaLabel}
        aria-expanded={props.expanded}
        aria-describedby={reason ? reasonId : undefined}
        disabled={locked !== null}
        data-locked={locked ? locked.state : undefined}
        onClick={props.onClick}
        data-testid={props['data-testid']}
      >
        {props.label}
      </button>
      {reason ? (
        <span className="e-sm" id={reasonId} data-testid={reasonId}>
          {reason}
        </span>
      ) : null}
    </>
  );
}

export function TeamPicker(props: {
  t: Translate;
  teams: Team[];
  classification: TeamAndPriority;
  draft: Draft;
  dispatch: (a: DraftAction) => void;
  locked: OverrideLock;
}): JSX.Element {
  const { t, teams, draft, dispatch, locked } = props;
  const suggested = props.classification.route.team.teamId;
  return (
    <Suspense fallback={<LoadingLines widths={[100]} />}>
      <OverridePicker
        label={t('ui.team.override_label')}
        options={teams.map((x) => ({ value: x.id, label: x.id === suggested ? t('ui.override.suggested', { name: x.name }) : x.name }))}
        value={draft.teamOverride ?? suggested}
        onChange={(v) => dispatch({ type: 'team', teamId: v === suggested ? null : v })}
        disabled={locked !== null}
        {...(locked ? { hint: locked.reason } : {})}
        data-testid="team-override-select"
      />
    </Suspense>
  );
}

export function PriorityPicker(props: {
  t: Translate;
  settings: Settings;
  classification: TeamAndPriority;
  draft: Draft;
  dispatch: (a: DraftAction) => void;
  locked: OverrideLock;
}): JSX.Element {
  const { t, settings, draft, dispatch, locked } = props;
  const suggested = props.classification.priority.level;
  return (
    <Suspense fallback={<LoadingLines widths={[100]} />}>
      <OverridePicker
        label={t('ui.priority.override_label')}
        options={LEVELS.map((l) => {
          const name = `${priorityLabelOf(settings, l)} · ${t(`ui.priority.level.${l}`)}`;
          return { value: `p${l}`, dataValue: String(l), label: l === suggested ? t('ui.override.suggested', { name }) : name };
        })}
        value={`p${draft.priorityOverride ?? suggested}`}
        // Option values are `p0`..`p3`: Garden's Combobox does not show a selection whose value is "0".
        onChange={(v) => {
          const level = Number(v.slice(1)) as PriorityLevel;
          dispatch({ type: 'priority', level: level === suggested ? null : level });
        }}
        disabled={locked !== null}
        {...(locked ? { hint: locked.reason } : {})}
        data-testid="priority-override-select"
      />
    </Suspense>
  );
}
