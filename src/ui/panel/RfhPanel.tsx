// A ticket without a linked issue: the first view (drawn with the static stylesheet, so it paints as soon as the
// ticket is classified), then the details and the work area as lazy Garden chunks. The draft lives here so that both
// share it. Once filed, the form makes way for the card (the workbench's FiledView): what was filed is
// stated there once, and no control is left showing a value the issue did not take.
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LoadingLines } from '../shell/LoadingLines.tsx';
import { priorityLabelOf } from '../logic/labels.ts';
import { toDecisions } from '../logic/draft.ts';
import { useDraft } from '../hooks/useDraft.ts';
import { useAfterPaint } from '../hooks/useAfterPaint.ts';
import { FirstView } from './FirstView.tsx';
import { ChangeButton, overrideLock, PriorityPicker, TeamPicker } from './Overrides.tsx';
import type { FilingState } from '../hooks/useFiling.ts';
import type { ChangedPart } from './OverrideReason.tsx';
import type { TicketViewProps } from './ticket-view.ts';

const Workbench = lazy(() => import('./Workbench.tsx'));
const Details = lazy(() => import('./Details.tsx'));
const OverrideReason = lazy(() => import('./OverrideReason.tsx'));

function Placeholder(): JSX.Element {
  return (
    <LoadingLines widths={[70, 90, 50]} />
  );
}

export default function RfhPanel(props: TicketViewProps): JSX.Element {
  const { t, classification, teams, settings, location } = props;
  const { draft, dispatch, clear, persisted } = useDraft(location);
  const decisions = useMemo(() => toDecisions(draft, classification), [draft, classification]);
  const [filingStage, setFilingStage] = useState<FilingState['state']>('idle');
  const filed = filingStage === 'filed';
  const locked = overrideLock(t, filingStage);
  const [showDetails, setShowDetails] = useState(false);
  const [teamPicker, setTeamPicker] = useState(draft.teamOverride !== null);
  const [priorityPicker, setPriorityPicker] = useState(draft.priorityOverride !== null);

  // Promote to public: the form opens on the public tracker, linking the private issue (redaction preview first).
  const { promoteFrom } = props;
  useEffect(() => {
    if (!promoteFrom) return;
    dispatch({ type: 'tracker', tracker: 'public' });
    dispatch({ type: 'privateIssueUrl', url: promoteFrom.url });
  }, [promoteFrom, dispatch]);

  // The workbench (checklist, preview, File) is fetched and mounted right after the suggestions have painted.
  const afterPaint = useAfterPaint();

  const team = teams.find((x) => x.id === decisions.teamId) ?? teams.find((x) => x.id === classification.route.team.teamId);

  // The reason for a change sits with what changed: the team's section, or the priority's when it changed too.
  const teamChanged = decisions.teamId !== classification.route.team.teamId;
  const priorityChanged = decisions.priority !== classification.priority.level;
  const changed: ChangedPart | null = teamChanged && priorityChanged ? 'both' : teamChanged ? 'team' : priorityChanged ? 'priority' : null;
  const reason = (where: 'team' | 'priority'): ReactNode =>
    changed !== null && (changed === where || (changed === 'both' && where === 'priority')) ? (
      <Suspense fallback={null}>
        <OverrideReason t={t} changed={changed} draft={draft} dispatch={dispatch} />
      </Suspense>
    ) : null;

  return (
    <>
      {filed ? null : (
        <>
          <FirstView
            t={t}
            classification={classification}
            teams={teams}
            chosenTeamId={decisions.teamId}
            chosenPriority={decisions.priority}
            chosenPriorityLabel={priorityLabelOf(settings, decisions.priority)}
            teamControl={
              <ChangeButton
                label={t('ui.override.change')}
                ariaLabel={t('ui.team.override_button')}
                expanded={teamPicker}
                onClick={() => setTeamPicker((v) => !v)}
                locked={locked}
                data-testid="team-override"
              />
            }
            priorityControl={
              <ChangeButton
                label={t('ui.override.change')}
                ariaLabel={t('ui.priority.override_button')}
                expanded={priorityPicker}
                onClick={() => setPriorityPicker((v) => !v)}
                locked={locked}
                data-testid="priority-override"
              />
            }
            teamPanel={
              <>
                {teamPicker ? (
                  <TeamPicker t={t} teams={teams} classification={classification} draft={draft} dispatch={dispatch} locked={locked} />
                ) : null}
                {reason('team')}
              </>
            }
            priorityPanel={
              <>
                {priorityPicker ? (
                  <PriorityPicker
                    t={t}
                    settings={settings}
                    classification={classification}
                    draft={draft}
                    dispatch={dispatch}
                    locked={locked}
                  />
                ) : null}
                {reason('priority')}
              </>
            }
          />
          <div>
            <button
              type="button"
              className="e-link"
              aria-expanded={showDetails}
              aria-controls="engage-details"
              onClick={() => setShowDetails((v) => !v)}
              data-testid="details-toggle"
            >
              {showDetails ? t('ui.details.hide') : t('ui.details.show')}
            </button>
          </div>
          <div id="engage-details">
            {showDetails ? (
              <Suspense fallback={<Placeholder />}>
                <Details t={t} model={props.model} classification={classification} teams={teams} />
              </Suspense>
            ) : null}
          </div>
          {persisted ? null : (
            <p className="e-sm" data-testid="draft-not-saved" role="note">
              {t('ui.draft.not_saved')}
            </p>
          )}
        </>
      )}
      {team && !afterPaint ? <Placeholder /> : null}
      {team && afterPaint ? (
        <Suspense fallback={<Placeholder />}>
          <Workbench
            {...props}
            team={team}
            draft={draft}
            dispatch={dispatch}
            decisions={decisions}
            onFiled={clear}
            onFilingStage={setFilingStage}
          />
        </Suspense>
      ) : null}
    </>
  );
}
