// Everything after the first view, loaded as its own chunk right after the first paint: the checklist, kind and
// tracker, the issue preview, filing and its outcome, and the hand-off. Decisions come from the core (compose*,
// gate); this component only moves data between them and the agent.
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { SM } from '@zendeskgarden/react-typography';
import { composeIssue } from '../../core/compose.ts';
import { composeHandoff } from '../../core/handoff.ts';
import { composeWriteBack } from '../../core/writeback.ts';
import type { Classification, Team } from '../../core/types/classification.ts';
import type { FilingDecisions, IssueRequest, LinkedIssue } from '../../core/types/filing.ts';
import type { TicketLocation, TicketModel } from '../../core/types/ticket.ts';
import type { RepoRef, Settings } from '../../core/settings.ts';
import type { Session } from '../start/session.ts';
import type { Draft, DraftAction } from '../logic/draft.ts';
import { filingGate, type Gate } from '../logic/gate.ts';
import type { Translate } from '../shell/i18n.ts';
import { ChecklistSection } from './Checklist.tsx';
import { KindTrackerSection } from './KindTracker.tsx';
import { IssuePreview } from './IssuePreview.tsx';
import { HandoffBox } from './Handoff.tsx';
import { ErrorAlert, errorStrings } from './ErrorAlert.tsx';
import { useAccessCheck, useFiling, type AccessState, type FilingState } from '../hooks/useFiling.ts';
import { Section } from './layout.tsx';
import { withGardenTheme } from '../shell/GardenTheme.tsx';
import { errorMessage } from '../../core/guards.ts';

export interface WorkbenchProps {
  t: Translate;
  session: Pick<Session, 'client' | 'flows'>;
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
  /** Told each stage of the filing: the overrides above stop taking changes once it starts. */
  onFilingStage: (stage: FilingState['state']) => void;
}

/** The reason the File button is disabled, in plain words. */
export function gateReason(t: Translate, gate: Gate): string {
  if (gate.open) return '';
  if (gate.reason === 'escalate_reason') return t('ui.gate.needs_reason');
  const items = gate.missing.map((k) => t(`ui.checklist.items_short.${k}`)).join(', ');
  return t('ui.gate.needs_items', { items, count: gate.missing.length });
}

function Workbench(props: WorkbenchProps): JSX.Element {
  const { t, draft, dispatch, settings, teams, model, location, team, decisions, session } = props;
  const { client } = session;
  const ctx = useMemo(
    () => ({ settings, teams, location, classification: props.classification }),
    [settings, teams, location, props.classification],
  );
  const [previewOpen, setPreviewOpen] = useState(false);
  const { filing, file, retryWriteBack, finishFollowUps } = useFiling(session, props.onFiled);
  const repo: RepoRef = draft.tracker === 'public' ? settings.publicRepo : settings.privateRepo;
  // Asked in the background once the form is up, so the agent is warned before filing; the click reuses the answer.
  const access = useAccessCheck({ session, settings, repo, enabled: team.takesGithubIssues && filing.state === 'idle' });

  // Once filing starts, the team and priority are in the issue: the overrides above stop taking changes.
  const { onFilingStage } = props;
  useEffect(() => {
    onFilingStage(filing.state);
  }, [filing.state, onFilingStage]);

  // Composing the whole body on every keystroke would be wasted work on long tickets: only when it is visible
  // (preview open, or the public tracker's redaction list), and from a deferred copy of the decisions.
  const deferred = useDeferredValue(decisions);
  const needRequest = team.takesGithubIssues && (previewOpen || draft.tracker === 'public');
  const composed = useMemo<{ request: IssueRequest | null; error: string | null }>(() => {
    if (!needRequest) return { request: null, error: null };
    try {
      return { request: composeIssue(model, deferred, ctx), error: null };
    } catch (e) {
      return { request: null, error: errorMessage(e) };
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

  // First: once filed, the draft is cleared and `team` falls back to the suggestion, which may take no GitHub
  // issues; the filed issue must stay on screen all the same.
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
        {filing.state === 'idle' ? <AccessWarning t={t} access={access} repo={repo} settings={settings} /> : null}
        <Button
          isPrimary
          isStretched
          disabled={!gate.open || filingNow}
          aria-disabled={!gate.open || filingNow}
          aria-busy={filingNow}
          aria-describedby={describedBy(gate.open, filing.state === 'idle' && warns(access))}
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

function warns(access: AccessState): boolean {
  return access.state === 'no-push' || access.state === 'failed';
}

function describedBy(gateOpen: boolean, warning: boolean): string | undefined {
  const ids = [...(gateOpen ? [] : ['engage-file-reason']), ...(warning ? ['engage-access-warning'] : [])];
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * Before filing: the token cannot push to the tracker (GitHub would drop the labels, so the click refuses), or the
 * check itself failed. File stays enabled either way: the click checks again (a negative answer is never
 * remembered) and reports the outcome with its next step.
 */
function AccessWarning(props: { t: Translate; access: AccessState; repo: RepoRef; settings: Settings }): JSX.Element | null {
  const { t, access, repo, settings } = props;
  const name = `${repo.owner}/${repo.repo}`;
  const isPublic = repo.owner === settings.publicRepo.owner && repo.repo === settings.publicRepo.repo;
  if (access.state === 'no-push') {
    const setting = isPublic ? 'public_repository' : 'private_repository';
    return (
      <Alert type="warning" role="status" id="engage-access-warning" data-testid="access-warning" data-state="no-push" style={{ marginBottom: 8 }}>
        <Alert.Title>{t('ui.access.no_push_title', { repo: name })}</Alert.Title>
        <Alert.Paragraph>{t('ui.access.no_push_message', { repo: name })}</Alert.Paragraph>
        <Alert.Paragraph>{t('ui.access.no_push_next', { repo: name, setting })}</Alert.Paragraph>
      </Alert>
    );
  }
  if (access.state === 'failed') {
    const s = errorStrings(t, access.error);
    return (
      <Alert
        type="warning"
        role="status"
        id="engage-access-warning"
        data-testid="access-warning"
        data-state="failed"
        data-error-code={access.error.code}
        style={{ marginBottom: 8 }}
      >
        <Alert.Title>{s.title}</Alert.Title>
        <Alert.Paragraph>{s.message}</Alert.Paragraph>
        <Alert.Paragraph>{t('ui.access.check_failed_next')}</Alert.Paragraph>
      </Alert>
    );
  }
  return null;
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
      {filing.labelsDropped ? (
        <Alert type="warning" role="status" data-testid="labels-dropped">
          <Alert.Title>{t('ui.filed.labels_dropped_title')}</Alert.Title>
          <Alert.Paragraph>{t('ui.filed.labels_dropped_message', { repo: `${issue.owner}/${issue.repo}` })}</Alert.Paragraph>
          <Alert.Paragraph>
            {t('ui.filed.labels_dropped_next', { repo: `${issue.owner}/${issue.repo}`, labels: filing.labelsDropped.join(', ') })}
          </Alert.Paragraph>
        </Alert>
      ) : null}
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

/** Lazy-loaded: Garden's theme comes with it (GardenTheme.tsx). */
export default withGardenTheme(Workbench);
