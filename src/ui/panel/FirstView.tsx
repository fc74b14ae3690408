// The first view: who the customer is, where the request should go and why, and how urgent it is. Everything here
// comes from the core's classification; the details (evidence, runners-up, overrides) open on demand. It is the
// first thing the agent reads, so it is drawn with the static stylesheet (style/first-view.css), not Garden's runtime
// styles: generating those cost most of the start on a slow machine.
import type { ReactNode } from 'react';
import type { PriorityLevel, Team, TeamAndPriority } from '../../core/types/classification.ts';
import type { Translate } from '../logic/i18n.ts';
import { Caption, Section } from './layout.tsx';

/** Tag hues per priority, as Garden names them (style/first-view.css has one class each): p0 red, p1 orange, p2
 * yellow, p3 neutral grey. */
export const PRIORITY_HUE: Record<PriorityLevel, string> = { 0: 'red', 1: 'orange', 2: 'yellow', 3: 'grey' };

export function teamName(teams: readonly Team[], id: string): string {
  return teams.find((team) => team.id === id)?.name ?? id;
}

export function FirstView(props: {
  t: Translate;
  classification: TeamAndPriority;
  teams: readonly Team[];
  chosenTeamId: string;
  chosenPriority: PriorityLevel;
  chosenPriorityLabel: string;
  /** The override control for the team (a button that opens the picker), rendered beside the suggestion. */
  teamControl?: ReactNode;
  priorityControl?: ReactNode;
  /** Rendered at the end of each section: the open picker. */
  teamPanel?: ReactNode;
  priorityPanel?: ReactNode;
}): JSX.Element {
  const { t, classification, teams } = props;
  const { team } = classification.route;
  const priority = classification.priority;
  const teamChanged = props.chosenTeamId !== team.teamId;
  const priorityChanged = props.chosenPriority !== priority.level;
  return (
    <>
      <Section aria-labelledby="engage-team-caption">
        <Caption id="engage-team-caption">{t('ui.suggestion.team')}</Caption>
        <div className="e-line">
          <span className="e-tag e-tag-large e-hue-blue" data-testid="suggested-team" data-team-id={team.teamId}>
            {teamName(teams, team.teamId)}
          </span>
          {props.teamControl}
        </div>
        <div className="e-sm e-clamp" data-testid="team-why" title={team.why || undefined}>
          {team.why || t('ui.suggestion.no_why')}
        </div>
        {teamChanged ? (
          <div className="e-sm e-bold" data-testid="team-choice">
            {t('ui.suggestion.team_changed', { team: teamName(teams, props.chosenTeamId) })}
          </div>
        ) : null}
        {props.teamPanel}
      </Section>
      <Section aria-labelledby="engage-priority-caption">
        <Caption id="engage-priority-caption">{t('ui.suggestion.priority')}</Caption>
        <div className="e-line">
          <span
            className={`e-tag e-tag-large e-hue-${PRIORITY_HUE[priority.level]}`}
            data-testid="suggested-priority"
            data-level={priority.level}
          >
            {priority.label}
          </span>
          <span className="e-sm">
            {/* The headline is the level filed; a raised one says from where, so it agrees with the reasons. */}
            {priority.baseLevel === priority.level
              ? t(`ui.priority.level.${priority.level}`)
              : t('ui.priority.raised', { base: priority.label.replace(/\d+$/, String(priority.baseLevel)) })}
          </span>
          {props.priorityControl}
        </div>
        <ul className="e-list" data-testid="priority-reasons">
          {priority.reasons.map((r, i) => (
            <li key={i} className="e-sm" title={r.text}>
              <span className="e-clamp">{r.text}</span>
            </li>
          ))}
        </ul>
        {priorityChanged ? (
          <div className="e-sm e-bold" data-testid="priority-choice">
            {t('ui.suggestion.priority_changed', { label: props.chosenPriorityLabel })}
          </div>
        ) : null}
        {props.priorityPanel}
      </Section>
    </>
  );
}
