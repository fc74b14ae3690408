// The linked issue's card: its link and title, what it was filed with (team, priority, kind, tracker), and its live
// state (open or closed, assignees, labels, last activity). The same card closes a filing and opens every later
// visit, so the agent sees one thing for one issue.
import { useId, type Ref } from 'react';
import styled from 'styled-components';
import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Tag } from '@zendeskgarden/react-tags';
import { SM } from '@zendeskgarden/react-typography';
import { Skeleton } from '@zendeskgarden/react-loaders';
import type { Settings } from '../../core/settings.ts';
import type { PriorityLevel, Team } from '../../core/types/classification.ts';
import type { IssueKind, LinkedIssue, LinkedIssueState, Tracker } from '../../core/types/filing.ts';
import { priorityLabelOf } from '../logic/labels.ts';
import type { LiveIssue } from '../hooks/useLiveIssue.ts';
import type { Translate } from '../logic/i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Caption, Section } from './layout.tsx';
import { ScreenReaderOnly } from './ScreenReaderOnly.tsx';
// This part's strings are among the late ones (translations' ui subtrees loaded with it).
import '../logic/late-i18n.ts';

const Tags = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: 4px;
`;

/** What the issue was filed with, as the agent decided it (or as the ticket's tags recorded it). */
export interface FiledWith {
  teamName: string | null;
  priorityLabel: string | null;
  kind: IssueKind;
  tracker: Tracker;
}

/** The card's line from what was decided (just now) or recorded (on the ticket's tags): names, not ids. */
export function filedWithOf(
  filed: { teamId: string | null; priority: PriorityLevel | null; kind: IssueKind; tracker: Tracker },
  teams: readonly Team[],
  settings: Settings,
): FiledWith {
  return {
    teamName: filed.teamId === null ? null : (teams.find((x) => x.id === filed.teamId)?.name ?? filed.teamId),
    priorityLabel: filed.priority === null ? null : priorityLabelOf(settings, filed.priority),
    kind: filed.kind,
    tracker: filed.tracker,
  };
}

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

/** The line under the link: "Core Application · ce/p1 · Request for help · private tracker". */
export function filedWithText(t: Translate, filed: FiledWith): string {
  return [filed.teamName, filed.priorityLabel, t(`ui.kind.${filed.kind}`), t(`ui.linked.tracker.${filed.tracker}`)]
    .filter((part): part is string => !!part)
    .join(' · ');
}

export function IssueCard(props: {
  t: Translate;
  locale: string;
  /** "Linked issue" on a later visit; "Issue filed" right after filing (the one place that says so). */
  caption: string;
  link: LinkedIssue;
  filedWith: FiledWith | null;
  live: LiveIssue;
  onRefresh: () => void;
  linkRef?: Ref<HTMLAnchorElement>;
  linkTestId: string;
}): JSX.Element {
  const { t, link, live } = props;
  const name = `${link.owner}/${link.repo}#${link.number}`;
  // One id per card: a ticket with several links shows several.
  const captionId = `engage-linked-caption-${useId().replace(/:/g, '')}`;
  return (
    <Section data-testid="linked-issue" aria-labelledby={captionId}>
      <Caption id={captionId} isBold>
        {props.caption}
      </Caption>
      <Anchor ref={props.linkRef} href={link.url} target="_blank" rel="noopener noreferrer" isExternal data-testid={props.linkTestId}>
        {live.state === 'ready' ? `${name} · ${live.issue.title}` : name}
      </Anchor>
      {props.filedWith ? (
        <SM data-testid="issue-filed-with" data-kind={props.filedWith.kind} data-tracker={props.filedWith.tracker}>
          <ScreenReaderOnly>{t('ui.linked.filed_with')} </ScreenReaderOnly>
          {filedWithText(t, props.filedWith)}
        </SM>
      ) : null}
      {live.state === 'loading' ? (
        <div aria-busy="true">
          <Skeleton width="60%" />
          <Skeleton width="80%" />
        </div>
      ) : null}
      {live.state === 'failed' ? <ErrorAlert t={t} error={live.error} onRetry={props.onRefresh} data-testid="linked-issue-error" /> : null}
      {live.state === 'ready' ? <LiveState t={t} locale={props.locale} issue={live.issue} onRefresh={props.onRefresh} /> : null}
    </Section>
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
