// After filing, the form has made way for this: the issue's card (the same one a later visit opens on) saying once
// that it was filed and with what, then only what still needs the agent (labels GitHub dropped, follow-up comments
// not posted, a write-back to retry) and the hand-off.
import { useEffect, useMemo, useRef } from 'react';
import { Alert } from '@zendeskgarden/react-notifications';
import { SM } from '@zendeskgarden/react-typography';
import type { composeHandoff } from '../../core/handoff.ts';
import type { Settings } from '../../core/settings.ts';
import type { LinkedIssueState } from '../../core/types/filing.ts';
import type { FilingState } from '../hooks/useFiling.ts';
import { useLiveIssue } from '../hooks/useLiveIssue.ts';
import type { Translate } from '../logic/i18n.ts';
import type { FlowsSource } from '../../flows/flows.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { HandoffBox } from './Handoff.tsx';
import { IssueCard, type FiledWith } from './IssueCard.tsx';
// This part's strings are among the late ones (translations' ui subtrees loaded with it).
import '../logic/late-i18n.ts';

type Filed = Extract<FilingState, { state: 'filed' }>;

/** A new issue's state without asking GitHub: open, the labels it kept, nobody assigned, just now. */
export function justCreated(filing: Filed, nowMs: number): LinkedIssueState {
  const dropped = new Set(filing.labelsDropped ?? []);
  return {
    ...filing.issue,
    title: filing.sent.title,
    state: 'open',
    assignees: [],
    labels: filing.sent.labels.filter((l) => !dropped.has(l)),
    updatedAt: new Date(nowMs).toISOString(),
    comments: filing.followUps?.posted ?? 0,
  };
}

export function FiledView(props: {
  t: Translate;
  locale: string;
  session: FlowsSource;
  settings: Settings;
  filing: Filed;
  filedWith: FiledWith;
  handoffText: ReturnType<typeof composeHandoff>;
  onRetryWriteBack: () => void;
  onFinishFollowUps: () => void;
}): JSX.Element {
  const { t, filing } = props;
  const { issue, writeBack } = filing;
  // An issue found already filed may have moved on: that one is asked for; a new one is known.
  const known = useMemo(() => (filing.created ? justCreated(filing, Date.now()) : undefined), [filing]);
  const { live, refresh } = useLiveIssue(props.session, props.settings, issue, known);
  // The File button the agent pressed is gone: focus moves to what it made, so keyboard and screen-reader users
  // land on the result instead of the top of the page.
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => link.current?.focus(), []);
  return (
    <>
      <div data-testid="filed" data-created={filing.created ? 'true' : 'false'}>
        <IssueCard
          t={t}
          locale={props.locale}
          caption={filing.created ? t('ui.filed.title') : t('ui.filed.existing_title')}
          link={issue}
          filedWith={props.filedWith}
          live={live}
          onRefresh={refresh}
          linkRef={link}
          linkTestId="filed-issue-link"
        />
        {!filing.created ? <SM>{t('ui.filed.existing_message')}</SM> : null}
      </div>
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
