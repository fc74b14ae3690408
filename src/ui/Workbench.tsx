// Everything after the first view, loaded as its own chunk right after the first paint: the checklist, kind and
// tracker, the issue preview, filing and its outcome, and the hand-off. Decisions come from the core (compose*,
// gate); this component only moves data between them and the agent.
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { SM } from '@zendeskgarden/react-typography';
import { composeIssue } from '../core/compose.ts';
import { composeHandoff } from '../core/handoff.ts';
import { composeWriteBack } from '../core/writeback.ts';
import type { Classification, FilingDecisions, IssueRequest, LinkedIssue, Team, TicketLocation, TicketModel } from '../core/types.ts';
import type { Settings } from '../core/settings.ts';
import type { ZafClient } from '../zendesk/zaf.ts';
import type { Draft, DraftAction } from './draft.ts';
import { filingGate, type Gate } from './gate.ts';
import type { Translate } from './i18n.ts';
import { ChecklistSection } from './Checklist.tsx';
import { KindTrackerSection } from './KindTracker.tsx';
import { IssuePreview } from './IssuePreview.tsx';
import { HandoffBox } from './Handoff.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { useFiling, type FilingState } from './hooks/useFiling.ts';
import { Section } from './FirstView.tsx';

export interface WorkbenchProps {
  t: Translate;
  client: ZafClient;
  location: TicketLocation;
  model: TicketModel;
  classification: Classification;
  settings: Settings;
  teams: Team[];
  team: Team;
  draft: Draft;
  dispatch: (a: DraftAction) => void;
  decisions: FilingDecisions;
  /** Called once the issue exists: the draft is cleared and the issue remembered for this ticket. */
  onFiled: (issue: LinkedIssue) => void;
}

/** The reason the File button is disabled, in plain words. */
export function gateReason(t: Translate, gate: Gate): string {
  if (gate.open) return '';
  if (gate.reason === 'escalate_reason') return t('ui.gate.needs_reason');
  const items = gate.missing.map((k) => t(`ui.checklist.items_short.${k}`)).join(', ');
  return t('ui.gate.needs_items', { items, count: gate.missing.length });
}

export default function Workbench(props: WorkbenchProps): JSX.Element {
  const { t, draft, dispatch, settings, teams, model, location, team, decisions, client } = props;
  const ctx = useMemo(
    () => ({ settings, teams, location, classification: props.classification }),
    [settings, teams, location, props.classification],
  );
  const [previewOpen, setPreviewOpen] = useState(false);
  const { filing, file, retryWriteBack, finishFollowUps } = useFiling(props.onFiled);

  // Composing the whole body on every keystroke would be wasted work on long tickets: only when it is visible
  // (preview open, or the public tracker's redaction list), and from a deferred copy of the decisions.
  const deferred = useDeferredValue(decisions);
  const needRequest = team.takesGithubIssues && (previewOpen || draft.tracker === 'public');
  const composed = useMemo<{ request: IssueRequest | null; error: string | null }>(() => {
    if (!needRequest) return { request: null, error: null };
    try {
      return { request: composeIssue(model, deferred, ctx), error: null };
    } catch (e) {
      return { request: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [needRequest, model, deferred, ctx]);
  const request = composed.request;

  const gate = filingGate(decisions, {
    requireChecklist: settings.requireChecklist,
    escalateAnyway: draft.escalateAnyway,
    escalateReason: draft.escalateReason,
  });

  const onFile = useCallback(() => {
    void file(() => ({
      client,
      settings,
      location,
      model,
      decisions,
      request: composeIssue(model, decisions, ctx),
      writeBack: (issue: LinkedIssue) => composeWriteBack(model, decisions, issue, ctx),
    }));
  }, [file, client, settings, location, model, decisions, ctx]);

  if (!team.takesGithubIssues) {
    const handoff = composeHandoff(model, decisions, ctx);
    return (
      <>
        <Alert type="info" data-testid="non-engineering">
          <Alert.Title>{t('ui.handoff.non_engineering_title', { team: team.name })}</Alert.Title>
          <Alert.Paragraph>{t('ui.handoff.non_engineering_message')}</Alert.Paragraph>
        </Alert>
        <TimelineFields t={t} draft={draft} dispatch={dispatch} />
        <HandoffBox t={t} handoff={handoff} />
      </>
    );
  }

  if (filing.state === 'filed') {
    return (
      <FiledView
        t={t}
        filing={filing}
        handoffText={composeHandoff(model, filing.decisions, { ...ctx, issueUrl: filing.issue.url })}
        onFinishFollowUps={() => void finishFollowUps()}
        onRetryWriteBack={() =>
          void retryWriteBack({
            client,
            location,
            issue: filing.issue,
            writeBack: (issue) => composeWriteBack(model, filing.decisions, issue, ctx),
          })
        }
      />
    );
  }

  const filingNow = filing.state === 'filing';
  return (
    <>
      <ChecklistSection
        t={t}
        model={model}
        hints={props.classification.checklist}
        draft={draft}
        dispatch={dispatch}
        gate={gate}
        requireChecklist={settings.requireChecklist}
      />
      <KindTrackerSection t={t} draft={draft} dispatch={dispatch} settings={settings} request={request} />
      <TimelineFields t={t} draft={draft} dispatch={dispatch} />
      <IssuePreview t={t} request={request} error={composed.error} expanded={previewOpen} onToggle={setPreviewOpen} />
      {filing.state === 'failed' ? (
        <ErrorAlert t={t} error={filing.error} onRetry={onFile} data-testid="filing-error" />
      ) : null}
      <Section>
        <Button
          isPrimary
          isStretched
          disabled={!gate.open || filingNow}
          aria-disabled={!gate.open || filingNow}
          aria-busy={filingNow}
          aria-describedby={gate.open ? undefined : 'engage-file-reason'}
          onClick={onFile}
          data-testid="file-button"
          data-state={filing.state}
        >
          {filingNow ? (
            <>
              <Dots delayMS={0} aria-hidden="true" style={{ marginRight: 8 }} />
              {t(filing.step ? `ui.file.step.${filing.step}` : 'ui.file.filing')}
            </>
          ) : (
            t('ui.file.button', {
              repo: draft.tracker === 'public' ? `${settings.publicRepo.owner}/${settings.publicRepo.repo}` : `${settings.privateRepo.owner}/${settings.privateRepo.repo}`,
            })
          )}
        </Button>
        {!gate.open ? (
          <SM id="engage-file-reason" data-testid="file-disabled-reason" role="status">
            {gateReason(t, gate)}
          </SM>
        ) : null}
      </Section>
    </>
  );
}

function TimelineFields(props: { t: Translate; draft: Draft; dispatch: (a: DraftAction) => void }): JSX.Element {
  const { t, draft, dispatch } = props;
  return (
    <Section>
      <Field>
        <Field.Label>{t('ui.handoff.timeline_label')}</Field.Label>
        <Field.Hint>{t('ui.handoff.timeline_hint')}</Field.Hint>
        <Input isCompact value={draft.timeline} onChange={(e) => dispatch({ type: 'timeline', timeline: e.target.value })} data-testid="timeline" />
      </Field>
      <Field>
        <Field.Label>{t('ui.handoff.ce_label')}</Field.Label>
        <Input isCompact value={draft.ceToInclude} onChange={(e) => dispatch({ type: 'ceToInclude', text: e.target.value })} data-testid="ce-to-include" />
      </Field>
    </Section>
  );
}

function FiledView(props: {
  t: Translate;
  filing: Extract<FilingState, { state: 'filed' }>;
  handoffText: ReturnType<typeof composeHandoff>;
  onRetryWriteBack: () => void;
  onFinishFollowUps: () => void;
}): JSX.Element {
  const { t, filing } = props;
  const { issue, writeBack } = filing;
  return (
    <>
      <Alert type="success" data-testid="filed">
        <Alert.Title>{filing.created ? t('ui.filed.title') : t('ui.filed.existing_title')}</Alert.Title>
        <Alert.Paragraph>
          <Anchor href={issue.url} target="_blank" rel="noopener noreferrer" isExternal data-testid="filed-issue-link">
            {t('ui.filed.link', { repo: `${issue.owner}/${issue.repo}`, number: issue.number })}
          </Anchor>
        </Alert.Paragraph>
        {!filing.created ? <Alert.Paragraph>{t('ui.filed.existing_message')}</Alert.Paragraph> : null}
      </Alert>
      {filing.followUps ? (
        <div data-testid="followups-warning">
          <ErrorAlert
            t={t}
            error={filing.followUps.error}
            onRetry={filing.followUps.retrying ? undefined : props.onFinishFollowUps}
            retryLabel={t('ui.filed.followups_retry')}
            retryTestId="followups-retry"
          />
          <SM role="status">
            {filing.followUps.retrying
              ? t('ui.filed.followups_posting')
              : t('ui.filed.followups_message', { posted: filing.followUps.posted, total: filing.followUps.total })}
          </SM>
        </div>
      ) : null}
      <div data-testid="writeback-status" data-state={writeBack.state} role="status">
        {writeBack.state === 'ok' ? <SM>{t('ui.writeback.ok')}</SM> : null}
        {writeBack.state === 'retrying' ? <SM>{t('ui.writeback.retrying')}</SM> : null}
        {writeBack.state === 'failed' ? (
          <ErrorAlert
            t={t}
            error={writeBack.error}
            onRetry={props.onRetryWriteBack}
            retryLabel={t('ui.writeback.retry')}
            retryTestId="writeback-retry"
          />
        ) : null}
      </div>
      <HandoffBox t={t} handoff={props.handoffText} />
    </>
  );
}
