// The first view: where the request goes and how urgent it is, as it will be filed. The headline is the decision:
// the suggestion until the agent changes it, then the agent's choice, with the suggestion kept on a line below
// ("Suggested: Distribution") beside its reasons. Everything here comes from the core's suggestion; the details
// (evidence, runners-up) open on demand. It is the first thing the agent reads, so it is drawn with the static
// stylesheet (style/first-view.css), not Garden's runtime styles: generating those cost most of the start on a
// slow machine.
import { formatMessage } from '../../core/types/message.ts';
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

/** "Team · suggested" until the agent changes it, then "Team · your choice". */
function DecisionCaption(props: { id: string; name: string; changed: boolean; t: Translate }): JSX.Element {
  return (
    <Caption id={props.id}>
      {props.name} · {props.t(props.changed ? 'ui.decision.chosen' : 'ui.decision.suggested')}
    </Caption>
  );
}

export function FirstView(props: {
  t: Translate;
  classification: TeamAndPriority;
  teams: readonly Team[];
  chosenTeamId: string;
  chosenPriority: PriorityLevel;
  chosenPriorityLabel: string;
  /** The override control for the team (a button that opens the picker), rendered beside the decision. */
  teamControl?: ReactNode;
  priorityControl?: ReactNode;
  /** Rendered at the end of each section: the open picker, then the reason for a change made there. */
  teamPanel?: ReactNode;
  priorityPanel?: ReactNode;
}): JSX.Element {
  const { t, classification, teams } = props;
  const { team } = classification.route;
  const priority = classification.priority;
  const teamChanged = props.chosenTeamId !== team.teamId;
  const priorityChanged = props.chosenPriority !== priority.level;
  // The suggested level's own line: a raised one says from where, so it agrees with the reasons below it.
  const suggestedLevel =
    priority.baseLevel === priority.level
      ? t(`ui.priority.level.${priority.level}`)
      : t('ui.priority.raised', { base: priority.label.replace(/\d+$/, String(priority.baseLevel)) });
  // The core's why line and reasons are messages: translated here, into the agent's language.
  const why = formatMessage(team.why, t);
  const levelText = priorityChanged ? t(`ui.priority.level.${props.chosenPriority}`) : suggestedLevel;
  return (
    <>
      <Section aria-labelledby="engage-team-caption">
        <DecisionCaption id="engage-team-caption" name={t('ui.decision.team')} changed={teamChanged} t={t} />
        <div className="e-line">
          <span
            className="e-tag e-tag-large e-hue-blue"
            data-testid="team-decision"
            data-team-id={props.chosenTeamId}
            data-changed={teamChanged ? 'true' : 'false'}
          >
            {teamName(teams, props.chosenTeamId)}
          </span>
          {props.teamControl}
        </div>
        {teamChanged ? (
          <div className="e-sm" data-testid="team-suggestion" data-team-id={team.teamId}>
            {t('ui.decision.suggested_was', { name: teamName(teams, team.teamId) })}
          </div>
        ) : null}
        <div className="e-sm e-clamp" data-testid="team-why" data-key={team.why.key} title={why}>
          {why}
        </div>
        {props.teamPanel}
      </Section>
      <Section aria-labelledby="engage-priority-caption">
        <DecisionCaption id="engage-priority-caption" name={t('ui.decision.priority')} changed={priorityChanged} t={t} />
        <div className="e-line">
          <span
            className={`e-tag e-tag-large e-hue-${PRIORITY_HUE[props.chosenPriority]}`}
            data-testid="priority-decision"
            data-level={props.chosenPriority}
            data-changed={priorityChanged ? 'true' : 'false'}
          >
            {priorityChanged ? props.chosenPriorityLabel : priority.label}
          </span>
          {/* One line, cut with an ellipsis, so Change stays beside the level (the reasons below say it all). */}
          <span className="e-sm e-fit" title={levelText}>
            {levelText}
          </span>
          {props.priorityControl}
        </div>
        {priorityChanged ? (
          <div className="e-sm" data-testid="priority-suggestion" data-level={priority.level}>
            {t('ui.decision.suggested_was', { name: `${priority.label} · ${suggestedLevel}` })}
          </div>
        ) : null}
        <ul className="e-list" data-testid="priority-reasons">
          {priority.reasons.map((r, i) => {
            const text = formatMessage(r.message, t);
            return (
              <li key={i} className="e-sm" data-key={r.message.key} title={text}>
                <span className="e-clamp">{text}</span>
              </li>
            );
          })}
        </ul>
        {props.priorityPanel}
      </Section>
    </>
  );
}
