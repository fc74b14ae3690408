// Details on demand: why this team (the matched words in context), the runners-up, why this priority, and the
// overrides. The pickers themselves are a further lazy chunk.
import { lazy, Suspense, useState } from 'react';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { SM } from '@zendeskgarden/react-typography';
import { Dots } from '@zendeskgarden/react-loaders';
import type { Classification, PriorityLevel, Team, TicketModel } from '../core/types.ts';
import type { Settings } from '../core/settings.ts';
import { priorityLabelOf } from './labels.ts';
import type { Draft, DraftAction } from './draft.ts';
import type { Translate } from './i18n.ts';
import { evidenceSnippets } from './evidence.ts';
import { Snippet } from './Snippet.tsx';
import { Caption, Section, teamName } from './FirstView.tsx';

const OverridePicker = lazy(() => import('./OverridePicker.tsx'));

const List = styled.ul`
  margin: 0;
  padding-left: 18px;
`;

const LEVELS: PriorityLevel[] = [0, 1, 2, 3];

export default function Details(props: {
  t: Translate;
  model: TicketModel;
  classification: Classification;
  teams: Team[];
  settings: Settings;
  draft: Draft;
  dispatch: (a: DraftAction) => void;
}): JSX.Element {
  const { t, model, classification, teams, settings, draft, dispatch } = props;
  const { team, alternatives } = classification.route;
  const priority = classification.priority;
  const [teamPicker, setTeamPicker] = useState(draft.teamOverride !== null);
  const [priorityPicker, setPriorityPicker] = useState(draft.priorityOverride !== null);
  const teamSnippets = evidenceSnippets(model, team.evidence);
  const overridden = draft.teamOverride !== null || draft.priorityOverride !== null;

  return (
    <div data-testid="details" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Section aria-labelledby="engage-team-evidence">
        <Caption id="engage-team-evidence" isBold>
          {t('ui.team.evidence_title')}
        </Caption>
        <div data-testid="team-evidence">
          {teamSnippets.length === 0 ? <SM>{t('ui.team.no_evidence')}</SM> : null}
          {teamSnippets.map((s, i) => (
            <Snippet key={i} t={t} snippet={s} model={model} />
          ))}
        </div>
        {alternatives.length > 0 ? (
          <>
            <Caption>{t('ui.team.runners_up')}</Caption>
            <List data-testid="team-alternatives">
              {alternatives.map((a) => (
                <li key={a.teamId}>
                  <SM data-team-id={a.teamId}>{a.why || teamName(teams, a.teamId)}</SM>
                </li>
              ))}
            </List>
          </>
        ) : null}
        {teamPicker ? (
          <Suspense fallback={<Dots />}>
            <OverridePicker
              label={t('ui.team.override_label')}
              options={teams.map((x) => ({
                value: x.id,
                label: x.id === team.teamId ? t('ui.override.suggested', { name: x.name }) : x.name,
              }))}
              value={draft.teamOverride ?? team.teamId}
              onChange={(v) => dispatch({ type: 'team', teamId: v === team.teamId ? null : v })}
              data-testid="team-override-select"
            />
          </Suspense>
        ) : (
          <div>
            <Button size="small" onClick={() => setTeamPicker(true)} data-testid="team-override">
              {t('ui.team.override_button')}
            </Button>
          </div>
        )}
      </Section>

      <Section aria-labelledby="engage-priority-reasons">
        <Caption id="engage-priority-reasons" isBold>
          {t('ui.priority.reasons_title')}
        </Caption>
        <List data-testid="priority-reasons">
          {priority.reasons.map((r, i) => (
            <li key={i}>
              <SM>{r.text}</SM>
              {r.evidence && r.evidence.length > 0
                ? evidenceSnippets(model, r.evidence, 30, 2).map((s, j) => <Snippet key={j} t={t} snippet={s} model={model} />)
                : null}
            </li>
          ))}
        </List>
        {priorityPicker ? (
          <Suspense fallback={<Dots />}>
            <OverridePicker
              label={t('ui.priority.override_label')}
              options={LEVELS.map((l) => {
                const name = `${priorityLabelOf(settings, l)} · ${t(`ui.priority.level.${l}`)}`;
                return { value: String(l), label: l === priority.level ? t('ui.override.suggested', { name }) : name };
              })}
              value={String(draft.priorityOverride ?? priority.level)}
              onChange={(v) => {
                const level = Number(v) as PriorityLevel;
                dispatch({ type: 'priority', level: level === priority.level ? null : level });
              }}
              data-testid="priority-override-select"
            />
          </Suspense>
        ) : (
          <div>
            <Button size="small" onClick={() => setPriorityPicker(true)} data-testid="priority-override">
              {t('ui.priority.override_button')}
            </Button>
          </div>
        )}
      </Section>

      {overridden ? (
        <Field>
          <Field.Label>{t('ui.override.reason_label')}</Field.Label>
          <Field.Hint>{t('ui.override.reason_hint')}</Field.Hint>
          <Input
            isCompact
            value={draft.overrideReason}
            onChange={(e) => dispatch({ type: 'overrideReason', reason: e.target.value })}
            data-testid="override-reason"
          />
        </Field>
      ) : null}
    </div>
  );
}
