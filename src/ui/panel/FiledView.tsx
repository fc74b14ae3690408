// After filing: the issue's link, what GitHub dropped or did not take (labels, follow-up comments), the write-back's
// state with its retry, and the hand-off.
import { useEffect, useRef } from 'react';
import { Anchor } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { SM } from '@zendeskgarden/react-typography';
import type { composeHandoff } from '../../core/handoff.ts';
import type { FilingState } from '../hooks/useFiling.ts';
import type { Translate } from '../logic/i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { HandoffBox } from './Handoff.tsx';

export function FiledView(props: {
  t: Translate;
  filing: Extract<FilingState, { state: 'filed' }>;
  handoffText: ReturnType<typeof composeHandoff>;
  onRetryWriteBack: () => void;
  onFinishFollowUps: () => void;
}): JSX.Element {
  const { t, filing } = props;
  const { issue, writeBack } = filing;
  // The File button the agent pressed is gone: focus moves to what it made, so keyboard and screen-reader users
  // land on the result instead of the top of the page.
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => link.current?.focus(), []);
  return (
    <>
      <Alert type="success" data-testid="filed">
        <Alert.Title>{filing.created ? t('ui.filed.title') : t('ui.filed.existing_title')}</Alert.Title>
        <Alert.Paragraph>
          <Anchor ref={link} href={issue.url} target="_blank" rel="noopener noreferrer" isExternal data-testid="filed-issue-link">
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
