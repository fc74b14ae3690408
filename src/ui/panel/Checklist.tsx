// Step 1 (and Step 2 for requests for help): each item shows what the ticket already reveals (the core's hint:
// found / partly found / not found, with the words quoted), a tick and a short note that goes into the issue.
// Only what the kind and priority ask (core/requirements.ts): the rest is named once as not needed, never ticked.
import { useDeferredStrings } from '../hooks/useDeferredStrings.ts';
import { formatMessage } from '../../core/types/message.ts';
import { useState } from 'react';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
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
import { ScreenReaderOnly } from './ScreenReaderOnly.tsx';
// This part's strings are among the late ones (translations' ui subtrees loaded with it).
import '../logic/late-i18n.ts';

// Tight rows: each item is one line (the arrow button sets its height), so the list and File fit the first view.
const Item = styled.div`
  display: flex;
  flex-direction: column;
  gap: 4px;
  padding: 2px 0;
  border-top: 1px solid ${({ theme }) => getColor({ theme, variable: 'border.subtle' })};
`;

const Indented = styled.div`
  display: flex;
  flex-direction: column;
  gap: 4px;
  padding-left: 24px;
`;


const ToggleButton = styled(Button)`
  flex: none;
  min-width: 28px;
`;

const STATUS_HUE: Record<ChecklistHint['status'], string> = { found: 'green', partial: 'yellow', missing: 'grey' };

function HintView(props: { t: Translate; hint: ChecklistHint<string>; model: TicketModel }): JSX.Element {
  const { t, hint, model } = props;
  const snippets = evidenceSnippets(model, hint.evidence, 30, 1);
  // The summaries' words are `deferred` strings, loaded after the first paint (hooks/useDeferredStrings.ts).
  const strings = useDeferredStrings(t);
  return (
    <>
      {strings ? (
        <SM data-testid={`checklist-summary-${hint.key}`} data-key={hint.summary.key}>
          {formatMessage(hint.summary, strings)}
        </SM>
      ) : null}
      {snippets.map((s, i) => (
        <Snippet key={i} t={t} snippet={s} model={model} />
      ))}
    </>
  );
}

const Row = styled.div`
  display: flex;
  align-items: flex-start;
  gap: 6px;
`;

const Grow = styled.div`
  flex: 1;
  min-width: 0;
`;

/**
 * One item: a checkbox named after the item (a short name, `ui.checklist.items`) with its status beside it, on one
 * line at the sidebar's width, so that the whole checklist fits above File; the handbook's full question
 * (`ui.checklist.questions`), the words the ticket showed and the note for the issue open on demand (and stay open
 * once a note is written). What still blocks File is named beside File.
 */
function ItemView(props: {
  t: Translate;
  itemKey: string;
  label: string;
  /** The handbook's question in full, shown when the item is opened. */
  question: string;
  done: boolean;
  note: string;
  hint?: ChecklistHint<string>;
  model: TicketModel;
  onCheck: (done: boolean) => void;
  onNote: (note: string) => void;
}): JSX.Element {
  const { t, itemKey, hint } = props;
  const [open, setOpen] = useState(() => props.note !== '');
  const regionId = `engage-checklist-more-${itemKey}`;
  return (
    <Item data-testid={`checklist-item-${itemKey}`} data-done={props.done ? 'true' : 'false'} data-open={open ? 'true' : 'false'}>
      <Row>
        <Grow>
          <Field>
            <Checkbox isCompact checked={props.done} onChange={(e) => props.onCheck(e.target.checked)} data-testid={`checklist-check-${itemKey}`}>
              {/* Regular weight: the name and its status fit one line at the sidebar's width. */}
              <Field.Label isRegular>
                {props.label}{' '}
                {hint ? (
                  <Tag size="small" hue={STATUS_HUE[hint.status]} data-testid={`checklist-hint-${hint.key}`} data-status={hint.status}>
                    {t(`ui.checklist.status.${hint.status}`)}
                  </Tag>
                ) : null}
              </Field.Label>
            </Checkbox>
          </Field>
        </Grow>
        <ToggleButton
          size="small"
          isBasic
          isPill
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => setOpen((v) => !v)}
          data-testid={`checklist-toggle-${itemKey}`}
        >
          <ScreenReaderOnly>{t('ui.checklist.details_label', { item: props.label })}</ScreenReaderOnly>
          <span aria-hidden="true">{open ? '\u25be' : '\u25b8'}</span>
        </ToggleButton>
      </Row>
      {open ? (
        <Indented id={regionId}>
          <SM className="e-subtle">{props.question}</SM>
          {hint ? <HintView t={t} hint={hint} model={props.model} /> : null}
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
      ) : null}
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
          question={t(`ui.checklist.questions.${key}`)}
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
          question={t('ui.checklist.questions.teammates')}
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
    </Section>
  );
}

/**
 * "Escalate anyway": the way past a blocked File, offered beside it only while the checklist blocks it. It is an
 * action, not one more item: a button (never a checkbox an agent ticking down the list would tick too) that opens
 * the written reason going into the issue, and a way back. Its state is announced (aria-expanded) and the reason
 * field takes the focus when it opens.
 */
export function EscalateAnyway(props: {
  t: Translate;
  draft: Draft;
  dispatch: (a: DraftAction) => void;
  gate: Gate;
  requireChecklist: boolean;
}): JSX.Element | null {
  const { t, draft, dispatch } = props;
  const show = props.requireChecklist && (draft.escalateAnyway || (!props.gate.open && props.gate.reason === 'checklist'));
  if (!show) return null;
  return (
    <Section data-testid="escalate-section">
      {draft.escalateAnyway ? (
        <Field>
          <Field.Label>{t('ui.gate.escalate_reason_label')}</Field.Label>
          <Field.Hint>{t('ui.gate.escalate_hint')}</Field.Hint>
          <Textarea
            id="engage-escalate-reason"
            autoFocus
            isCompact
            minRows={2}
            value={draft.escalateReason}
            onChange={(e) => dispatch({ type: 'escalateReason', reason: e.target.value })}
            data-testid="escalate-reason"
          />
        </Field>
      ) : null}
      <div>
        <Button
          size="small"
          isBasic={!draft.escalateAnyway}
          isLink={draft.escalateAnyway}
          aria-expanded={draft.escalateAnyway}
          aria-controls={draft.escalateAnyway ? 'engage-escalate-reason' : undefined}
          onClick={() => dispatch({ type: 'escalateAnyway', on: !draft.escalateAnyway })}
          data-testid="escalate-anyway"
          data-on={draft.escalateAnyway ? 'true' : 'false'}
        >
          {draft.escalateAnyway ? t('ui.gate.escalate_cancel') : t('ui.gate.escalate_anyway')}
        </Button>
      </div>
    </Section>
  );
}
