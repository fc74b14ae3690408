// A lost write-back, found when the ticket opened (flows/opening.ts): the issue exists with this ticket's marker but
// the ticket has no link. One click finishes the link with the filing's own write-back step (the orchestrator's
// retryWriteBack: the same lock, the same "already written?" check, the same record), and the panel then shows the
// linked issue as a later visit would. A failure shows its error with one Retry.
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { Alert } from '@zendeskgarden/react-notifications';
import { Button } from '@zendeskgarden/react-buttons';
import type { LinkedIssue, WriteBack } from '../../core/types/filing.ts';
import type { AgentError } from '../../errors/agent-error.ts';
import { toAgentError } from '../../errors/to-agent-error.ts';
import type { FoundIssue } from '../../github/index.ts';
import { initialDraft, toDecisions } from '../logic/draft.ts';
import type { Translate } from '../logic/i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { lostLinkKit } from './lost-link-kit.ts';
import type { TicketViewProps } from './ticket-view.ts';

const LinkedIssueView = lazy(() => import('./LinkedIssueView.tsx'));

type Finish = { state: 'idle' } | { state: 'linking' } | { state: 'failed'; error: AgentError } | { state: 'done'; tags: string[] };

/** `text` with `{{issue}}` drawn as a link to the issue (any locale puts it where its grammar wants). */
function withIssueLink(text: string, issue: LinkedIssue): JSX.Element {
  const [before = '', after = ''] = text.split('\u0000');
  return (
    <>
      {before}
      <a href={issue.url} target="_blank" rel="noreferrer noopener" data-testid="lost-link-issue">
        {`${issue.owner}/${issue.repo}#${issue.number}`}
      </a>
      {after}
    </>
  );
}

/** `n` the notices' strings (logic/notices-i18n.ts). */
export function LostLinkNotice(props: { view: TicketViewProps; n: Translate; issue: FoundIssue }): JSX.Element {
  const { view, issue, n } = props;
  const { t, session, location, model, classification, settings, teams } = view;
  const [finish, setFinish] = useState<Finish>({ state: 'idle' });
  const written = useRef<WriteBack | null>(null);
  const link: LinkedIssue = { owner: issue.owner, repo: issue.repo, number: issue.number, url: issue.url };

  const run = useCallback(async () => {
    setFinish({ state: 'linking' });
    try {
      const [{ filing }, { decisionsFromLabels, lostLinkWriteBack }] = await Promise.all([session.flows(), lostLinkKit()]);
      const decisions = decisionsFromLabels(issue.labels, settings, teams, toDecisions(initialDraft(), classification));
      const outcome = await filing.retryWriteBack({
        client: session.client,
        location,
        issue: { owner: issue.owner, repo: issue.repo, number: issue.number, url: issue.url },
        writeBack: (found) => (written.current = lostLinkWriteBack(model, decisions, found, { settings, teams, location })),
      });
      if (outcome.writeBack.ok) setFinish({ state: 'done', tags: written.current?.ticket.additional_tags ?? [] });
      else setFinish({ state: 'failed', error: outcome.writeBack.error });
    } catch (e) {
      setFinish({ state: 'failed', error: toAgentError(e, 'zendesk_writeback_refused') });
    }
  }, [session, issue, settings, teams, classification, location, model]);

  if (finish.state === 'done') {
    // As a later visit shows it: the ticket now carries the tags just written (the hand-off reads them).
    const linked = { ...model, tags: [...new Set([...model.tags, ...finish.tags])] };
    return (
      <Suspense fallback={null}>
        <LinkedIssueView {...view} model={linked} links={[{ ...link, tracker: 'private' }]} />
      </Suspense>
    );
  }
  return (
    <>
      <Alert type="info" role="status" data-testid="lost-link" data-issue={issue.number}>
        <Alert.Title>{withIssueLink(n('lost_link.title', { issue: '\u0000' }), link)}</Alert.Title>
        <Alert.Paragraph>{n('lost_link.message')}</Alert.Paragraph>
        {finish.state === 'failed' ? null : (
          <Button
            size="small"
            isPrimary
            style={{ marginTop: 8 }}
            onClick={() => void run()}
            disabled={finish.state === 'linking'}
            aria-busy={finish.state === 'linking'}
            data-testid="lost-link-finish"
          >
            {finish.state === 'linking' ? n('lost_link.finishing') : n('lost_link.finish')}
          </Button>
        )}
      </Alert>
      {finish.state === 'failed' ? (
        <ErrorAlert t={t} error={finish.error} onRetry={() => void run()} data-testid="lost-link-error" />
      ) : null}
    </>
  );
}
