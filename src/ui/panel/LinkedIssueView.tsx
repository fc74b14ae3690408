// A ticket with a linked issue opens on that issue's live state (from GitHub, through the lazily loaded adapter)
// and the Step-5 hand-off text, instead of the form.
import { useCallback, useEffect, useMemo, useState } from 'react';
import styled from 'styled-components';
import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Tag } from '@zendeskgarden/react-tags';
import { SM } from '@zendeskgarden/react-typography';
import { Skeleton } from '@zendeskgarden/react-loaders';
import { composeHandoff } from '../../core/handoff.ts';
import type { LinkedIssue, LinkedIssueState } from '../../core/types/filing.ts';
import type { AgentError } from '../../errors/agent-error.ts';
import type { Translate } from '../logic/i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { HandoffBox } from './Handoff.tsx';
import { Caption, Section } from './layout.tsx';
import { linkedDecisions } from '../logic/linked.ts';
import { toAgentError } from '../../errors/to-agent-error.ts';
import { withGardenTheme } from '../shell/GardenTheme.tsx';
import type { TicketViewProps } from './ticket-view.ts';

const Tags = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: 4px;
`;

/** "3 hours ago" in the agent's language; the exact time goes in the title attribute. */
export function relativeTime(iso: string, locale: string, nowMs: number): string {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return iso;
  const seconds = Math.round((then - nowMs) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  let rtf: Intl.RelativeTimeFormat;
  try {
    rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  } catch {
    rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  }
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(seconds, 'second');
}

type Live = { state: 'loading' } | { state: 'ready'; issue: LinkedIssueState } | { state: 'failed'; error: AgentError };

function LinkedIssueView(props: TicketViewProps & { locale: string; link: LinkedIssue }): JSX.Element {
  const { t, link, settings, session } = props;
  const [live, setLive] = useState<Live>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let on = true;
    setLive({ state: 'loading' });
    (async () => {
      try {
        const flows = await session.flows();
        const issue = await flows.linkedIssueState(settings, link);
        if (on) setLive({ state: 'ready', issue });
      } catch (e) {
        if (on) setLive({ state: 'failed', error: toAgentError(e) });
      }
    })();
    return () => {
      on = false;
    };
  }, [session, settings, link, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const handoff = useMemo(() => {
    const decisions = linkedDecisions(props.model, props.classification, link, settings, props.teams);
    return composeHandoff(props.model, decisions, { settings, teams: props.teams, location: props.location, issueUrl: link.url });
  }, [props.model, props.classification, link, settings, props.teams, props.location]);

  const name = `${link.owner}/${link.repo}#${link.number}`;
  return (
    <>
      <Section data-testid="linked-issue" aria-labelledby="engage-linked-caption">
        <Caption id="engage-linked-caption" isBold>
          {t('ui.linked.title')}
        </Caption>
        <Anchor href={link.url} target="_blank" rel="noopener noreferrer" isExternal data-testid="linked-issue-link">
          {live.state === 'ready' ? `${name} · ${live.issue.title}` : name}
        </Anchor>
        {live.state === 'loading' ? (
          <div aria-busy="true">
            <Skeleton width="60%" />
            <Skeleton width="80%" />
          </div>
        ) : null}
        {live.state === 'failed' ? <ErrorAlert t={t} error={live.error} onRetry={retry} data-testid="linked-issue-error" /> : null}
        {live.state === 'ready' ? <LiveState t={t} locale={props.locale} issue={live.issue} onRefresh={retry} /> : null}
      </Section>
      <HandoffBox t={t} handoff={handoff} />
    </>
  );
}

function LiveState(props: { t: Translate; locale: string; issue: LinkedIssueState; onRefresh: () => void }): JSX.Element {
  const { t, issue } = props;
  return (
    <>
      <div>
        <Tag hue={issue.state === 'open' ? 'green' : 'purple'} data-testid="linked-issue-state" data-state={issue.state}>
          {t(`ui.linked.state.${issue.state}`)}
        </Tag>
      </div>
      <SM data-testid="linked-issue-assignees">
        {t('ui.linked.assignees')}: {issue.assignees.length ? issue.assignees.join(', ') : t('ui.linked.nobody')}
      </SM>
      <div data-testid="linked-issue-labels">
        <SM>{t('ui.linked.labels')}:</SM>
        <Tags>
          {issue.labels.length ? (
            issue.labels.map((l) => (
              <Tag key={l} size="small">
                {l}
              </Tag>
            ))
          ) : (
            <SM>{t('ui.linked.no_labels')}</SM>
          )}
        </Tags>
      </div>
      <SM data-testid="linked-issue-updated" title={issue.updatedAt}>
        {t('ui.linked.updated', { when: relativeTime(issue.updatedAt, props.locale, Date.now()), count: issue.comments })}
      </SM>
      <div>
        <Button size="small" isBasic onClick={props.onRefresh} data-testid="linked-issue-refresh">
          {t('ui.linked.refresh')}
        </Button>
      </div>
    </>
  );
}

/** Lazy-loaded: Garden's theme comes with it (GardenTheme.tsx). */
export default withGardenTheme(LinkedIssueView);
