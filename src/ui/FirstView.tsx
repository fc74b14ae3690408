// The first view: who the customer is, where the request should go and why, and how urgent it is. Everything here
// comes from the core's classification; the details (evidence, runners-up, overrides) open on demand.
import type { ReactNode } from 'react';
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import { SM, Span } from '@zendeskgarden/react-typography';
import { Tag } from '@zendeskgarden/react-tags';
import type { Classification, PriorityLevel, Team } from '../core/types.ts';
import type { Translate } from './i18n.ts';

export const Section = styled.section`
  display: flex;
  flex-direction: column;
  gap: 4px;
  min-width: 0;
`;

export const Caption = styled(SM)`
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
`;

const Line = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px;
  min-width: 0;
`;

const Reasons = styled.ul`
  margin: 0;
  padding-left: 18px;
`;

/** Garden tag hues per priority: p0 red, p1 orange, p2 yellow-ish, p3 neutral. */
export const PRIORITY_HUE: Record<PriorityLevel, string> = { 0: 'red', 1: 'orange', 2: 'yellow', 3: 'grey' };

export function teamName(teams: readonly Team[], id: string): string {
  return teams.find((team) => team.id === id)?.name ?? id;
}

export function FirstView(props: {
  t: Translate;
  classification: Classification;
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
        <Line>
          <Tag hue="blue" size="large" data-testid="suggested-team" data-team-id={team.teamId}>
            {teamName(teams, team.teamId)}
          </Tag>
          {props.teamControl}
        </Line>
        <SM data-testid="team-why">{team.why || t('ui.suggestion.no_why')}</SM>
        {teamChanged ? (
          <SM data-testid="team-choice" isBold>
            {t('ui.suggestion.team_changed', { team: teamName(teams, props.chosenTeamId) })}
          </SM>
        ) : null}
        {props.teamPanel}
      </Section>
      <Section aria-labelledby="engage-priority-caption">
        <Caption id="engage-priority-caption">{t('ui.suggestion.priority')}</Caption>
        <Line>
          <Tag hue={PRIORITY_HUE[priority.level]} size="large" data-testid="suggested-priority" data-level={priority.level}>
            {priority.label}
          </Tag>
          <Span>{t(`ui.priority.level.${priority.level}`)}</Span>
          {props.priorityControl}
        </Line>
        <Reasons data-testid="priority-reasons">
          {priority.reasons.map((r, i) => (
            <li key={i}>
              <SM>{r.text}</SM>
            </li>
          ))}
        </Reasons>
        {priority.salesProcess ? <SM>{t('ui.suggestion.sales_process')}</SM> : null}
        {priorityChanged ? (
          <SM data-testid="priority-choice" isBold>
            {t('ui.suggestion.priority_changed', { label: props.chosenPriorityLabel })}
          </SM>
        ) : null}
        {props.priorityPanel}
      </Section>
    </>
  );
}
