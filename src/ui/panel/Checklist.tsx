// Step 1 (and Step 2 for requests for help): each item shows what the ticket already reveals (the core's hint:
// found / partly found / not found, with the words quoted), a tick and a short note that goes into the issue.
// Only what the kind and priority ask (core/requirements.ts): the rest is named once as not needed, never ticked.
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import { Checkbox, Field, Input, Textarea } from '@zendeskgarden/react-forms';
import { Tag } from '@zendeskgarden/react-tags';
import { SM } from '@zendeskgarden/react-typography';
import { requirementsFor } from '../../core/requirements.ts';
import { CHECKLIST_KEYS, type ChecklistHint, type ChecklistHints, type PriorityLevel } from '../../core/types/classification.ts';
import type { TicketModel } from '../../core/types/ticket.ts';
import type { Draft, DraftAction } from '../logic/draft.ts';
import type { Gate } from '../logic/gate.ts';
import type { Translate } from '../logic/i18n.ts';
import { evidenceSnippets } from '../logic/evidence.ts';
import { Caption, Section } from './layout.tsx';
import { Snippet } from './Snippet.tsx';

const Item = styled.div`
  display: flex;
  flex-direction: column;
  gap: 4px;
  padding: 8px 0;
  border-top: 1px solid ${({ theme }) => getColor({ theme, variable: 'border.subtle' })};
`;

const HintLine = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  gap: 6px;
  padding-left: 24px;
`;

const Indented = styled.div`
  padding-left: 24px;
`;

const STATUS_HUE: Record<ChecklistHint['status'], string> = { found: 'green', partial: 'yellow', missing: 'grey' };

function HintView(props: { t: Translate; hint: ChecklistHint<string>; model: TicketModel }): JSX.Element {
  const { t, hint, model } = props;
  const snippets = evidenceSnippets(model, hint.evidence, 30, 1);
  return (
    <>
      <HintLine>
        <Tag size="small" hue={STATUS_HUE[hint.status]} data-testid={`checklist-hint-${hint.key}`} data-status={hint.status}>
          {t(`ui.checklist.status.${hint.status}`)}
        </Tag>
        {hint.summary ? <SM>{hint.summary}</SM> : null}
      </HintLine>
      {snippets.length > 0 ? (
        <Indented>
          {snippets.map((s, i) => (
            <Snippet key={i} t={t} snippet={s} model={model} />
          ))}
        </Indented>
      ) : null}
    </>
  );
}

function ItemView(props: {
  t: Translate;
  itemKey: string;
  label: string;
  done: boolean;
  note: string;
  hint?: ChecklistHint<string>;
  model: TicketModel;
  onCheck: (done: boolean) => void;
  onNote: (note: string) => void;
}): JSX.Element {
  const { t, itemKey } = props;
  return (
    <Item data-testid={`checklist-item-${itemKey}`} data-done={props.done ? 'true' : 'false'}>
      <Field>
        <Checkbox checked={props.done} onChange={(e) => props.onCheck(e.target.checked)} data-testid={`checklist-check-${itemKey}`}>
          <Field.Label>{props.label}</Field.Label>
        </Checkbox>
      </Field>
      {props.hint ? <HintView t={t} hint={props.hint} model={props.model} /> : null}
      <Indented>
        <Field>
          <Field.Label hidden>{t('ui.checklist.note_label', { item: props.label })}</Field.Label>
          <Input
            isCompact
            value={props.note}
            placeholder={t('ui.checklist.note_placeholder')}
            onChange={(e) => props.onNote(e.target.value)}
            data-testid={`checklist-note-${itemKey}`}
          />
        </Field>
      </Indented>
    </Item>
  );
}

export function ChecklistSection(props: {
  t: Translate;
  model: TicketModel;
  hints: ChecklistHints;
  draft: Draft;
  dispatch: (a: DraftAction) => void;
  gate: Gate;
  requireChecklist: boolean;
  /** The priority the issue will be filed with (the override, else the suggestion), and its label. */
  priority: PriorityLevel;
  priorityLabel: string;
}): JSX.Element {
  const { t, draft, dispatch, hints, model } = props;
  const showEscalate = props.requireChecklist && (draft.escalateAnyway || (!props.gate.open && props.gate.reason === 'checklist'));
  const requirements = requirementsFor(draft.kind, props.priority);
  const asked = CHECKLIST_KEYS.filter((key) => requirements.asked.includes(key));
  const featureSkips = CHECKLIST_KEYS.filter((key) => requirements.skipped[key] === 'feature-request');
  return (
    <Section aria-labelledby="engage-checklist-caption" data-testid="checklist">
      <Caption id="engage-checklist-caption" isBold>
        {t('ui.checklist.title')}
      </Caption>
      {props.requireChecklist && !requirements.blocks ? (
        <SM data-testid="checklist-outage-notice">{t('ui.checklist.outage_notice', { label: props.priorityLabel })}</SM>
      ) : null}
      {asked.map((key) => (
        <ItemView
          key={key}
          t={t}
          itemKey={key}
          label={t(`ui.checklist.items.${key}`)}
          done={draft.checklist[key].done}
          note={draft.checklist[key].note}
          hint={hints[key]}
          model={model}
          onCheck={(done) => dispatch({ type: 'check', key, done })}
          onNote={(note) => dispatch({ type: 'note', key, note })}
        />
      ))}
      {featureSkips.length > 0 ? (
        <Item>
          <SM data-testid="checklist-not-needed" data-items={featureSkips.join(' ')}>
            {t('ui.checklist.not_needed.feature_request', {
              label: props.priorityLabel,
              items: featureSkips.map((key) => t(`ui.checklist.items_short.${key}`)).join(', '),
            })}
          </SM>
        </Item>
      ) : null}
      {requirements.asked.includes('teammates') ? (
        <ItemView
          t={t}
          itemKey="teammates"
          label={t('ui.checklist.items.teammates')}
          done={draft.teammatesAsked.done}
          note={draft.teammatesAsked.note}
          hint={hints.teammates}
          model={model}
          onCheck={(done) => dispatch({ type: 'check', key: 'teammates', done })}
          onNote={(note) => dispatch({ type: 'note', key: 'teammates', note })}
        />
      ) : (
        <Item>
          <SM data-testid="teammates-skipped">{t('ui.checklist.teammates_skipped')}</SM>
        </Item>
      )}
      {showEscalate ? (
        <Item>
          <Field>
            <Checkbox
              checked={draft.escalateAnyway}
              onChange={(e) => dispatch({ type: 'escalateAnyway', on: e.target.checked })}
              data-testid="escalate-anyway"
            >
              <Field.Label>{t('ui.gate.escalate_anyway')}</Field.Label>
              <Field.Hint>{t('ui.gate.escalate_hint')}</Field.Hint>
            </Checkbox>
          </Field>
          {draft.escalateAnyway ? (
            <Field>
              <Field.Label>{t('ui.gate.escalate_reason_label')}</Field.Label>
              <Textarea
                isCompact
                minRows={2}
                value={draft.escalateReason}
                onChange={(e) => dispatch({ type: 'escalateReason', reason: e.target.value })}
                data-testid="escalate-reason"
              />
            </Field>
          ) : null}
        </Item>
      ) : null}
    </Section>
  );
}
