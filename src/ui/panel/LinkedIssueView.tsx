// A ticket with linked issues opens on them: one card per issue (its live state from GitHub, one request each,
// through the lazily loaded flows, and what the ticket's tags say it was filed with), each with Unlink (for a link
// made by mistake) and, on a private issue without a public one, "File the public issue"; then "File or link another
// issue" (the form, for a defect after a request for help, or one more issue), and the Step-5 hand-off text.
import { useContext, useEffect, useMemo, useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { SM } from '@zendeskgarden/react-typography';
import { composeHandoff } from '../../core/handoff.ts';
import type { TicketLink } from '../../core/links.ts';
import { composeUnlink } from '../../core/writeback.ts';
import { AppContext, type AppState } from '../hooks/context.ts';
import { useLinkStrings } from '../hooks/useLinkStrings.ts';
import { useUnlink } from '../hooks/useLinking.ts';
import { useLiveIssue } from '../hooks/useLiveIssue.ts';
import type { Translate } from '../logic/i18n.ts';
import { linkedDecisions, recordedFiling } from '../logic/linked.ts';
import { withGardenTheme } from '../shell/GardenTheme.tsx';
import { Conversation } from './Conversation.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { HandoffBox } from './Handoff.tsx';
import { filedWithOf, IssueCard } from './IssueCard.tsx';
import type { TicketViewProps } from './ticket-view.ts';
// This part's strings are among the late ones (translations' ui subtrees loaded with it).
import '../logic/late-i18n.ts';

export interface LinkedIssuesProps extends TicketViewProps {
  links: readonly TicketLink[];
  /** Links made in this session (added, or filed beside the others): their card says so. */
  fresh?: ReadonlySet<string>;
  /** Without it (the lost write-back's card) no Unlink, no promote and no form are offered. */
  onUnlinked?: (link: TicketLink) => void;
  /** The form is open below (to file or link one more). */
  formOpen?: boolean;
  onToggleForm?: () => void;
  onPromote?: (link: TicketLink) => void;
  /** A public issue filed from a private one in this session: the private issue gets its pointer comment. */
  promoted?: { from: TicketLink; to: TicketLink } | null;
}

const NONE: ReadonlySet<string> = new Set();
const ignore = (): void => {};

export const linkKey = (l: { owner: string; repo: string; number: number }): string => `${l.owner}/${l.repo}#${l.number}`.toLowerCase();

function LinkedIssueItem(props: LinkedIssuesProps & { link: TicketLink; lt: Translate | null; canPromote: boolean; testIndex: number }): JSX.Element {
  const { t, lt, link, settings, session, model, teams } = props;
  const { live, refresh } = useLiveIssue(session, settings, link);
  const { session: appSession } = useContext(AppContext) as AppState;
  const shell = appSession.shell.peek();
  const agentName = (shell.state === 'ready' ? shell.value.start.name : null) ?? 'an agent';
  const [confirming, setConfirming] = useState(false);
  const { unlink, unlinkIt } = useUnlink(session, props.onUnlinked ?? ignore);
  const filedWith = useMemo(() => {
    const recorded = recordedFiling(model, link, settings, teams);
    return recorded ? filedWithOf(recorded, teams, settings) : null;
  }, [model, link, settings, teams]);
  const name = `${link.owner}/${link.repo}#${link.number}`;
  const doUnlink = () =>
    void unlinkIt(() => {
      const remaining = props.links.filter((l) => linkKey(l) !== linkKey(link));
      return {
        client: session.client,
        location: props.location,
        link,
        by: agentName,
        at: new Date(),
        writeBack: composeUnlink(model, link, remaining, { settings, teams, by: agentName }),
      };
    }, settings);

  return (
    <div data-testid="linked-item" data-number={link.number} data-tracker={link.tracker}>
      <IssueCard
        t={t}
        locale={props.locale}
        caption={(props.fresh ?? NONE).has(linkKey(link)) && lt ? lt('added_title') : t('ui.linked.title')}
        link={link}
        filedWith={filedWith}
        live={live}
        onRefresh={refresh}
        linkTestId={props.testIndex === 0 ? 'linked-issue-link' : `linked-issue-link-${props.testIndex}`}
      />
      {lt && props.onUnlinked ? (
        <div className="e-row">
          {props.canPromote && props.onPromote ? (
            <Button size="small" onClick={() => props.onPromote?.(link)} title={lt('promote_hint', { name })} data-testid="promote-button">
              {lt('promote')}
            </Button>
          ) : null}
          {confirming ? null : (
            <Button size="small" isBasic onClick={() => setConfirming(true)} aria-label={lt('unlink_label', { name })} data-testid="unlink-button">
              {lt('unlink')}
            </Button>
          )}
        </div>
      ) : null}
      {lt && confirming ? (
        <div role="group" aria-label={lt('unlink_label', { name })} data-testid="unlink-confirm">
          <SM>{lt('unlink_confirm', { name })}</SM>
          <div className="e-row">
            <Button size="small" isDanger disabled={unlink.state === 'unlinking'} onClick={doUnlink} data-testid="unlink-yes">
              {unlink.state === 'unlinking' ? lt('unlinking') : lt('unlink_yes')}
            </Button>
            <Button size="small" isBasic onClick={() => setConfirming(false)} data-testid="unlink-no">
              {lt('unlink_no')}
            </Button>
          </div>
        </div>
      ) : null}
      {unlink.state === 'failed' ? <ErrorAlert t={t} error={unlink.error} onRetry={doUnlink} data-testid="unlink-error" /> : null}
      {lt && props.onUnlinked ? (
        <Conversation
          t={t}
          lt={lt}
          locale={props.locale}
          session={session}
          settings={settings}
          location={props.location}
          model={model}
          link={link}
          state={live.state === 'ready' ? live.issue : null}
        />
      ) : null}
    </div>
  );
}

/** The pointer comment on the private issue, once, when a public issue was filed from it in this session. */
function PromotedPointer(props: LinkedIssuesProps & { lt: Translate }): JSX.Element | null {
  const { promoted, session, settings, location, lt } = props;
  const [state, setState] = useState<'posting' | 'done' | 'failed'>('posting');
  useEffect(() => {
    if (!promoted) return undefined;
    let live = true;
    void (async () => {
      try {
        const flows = await session.flows();
        await flows.linking.pointToPublic({ github: flows.github(settings), settings, location, privateIssue: promoted.from, publicIssue: promoted.to });
        if (live) setState('done');
      } catch {
        if (live) setState('failed');
      }
    })();
    return () => {
      live = false;
    };
  }, [promoted, session, settings, location]);
  if (!promoted || state === 'posting') return null;
  const name = `${promoted.from.owner}/${promoted.from.repo}#${promoted.from.number}`;
  return (
    <SM role="status" data-testid="promote-pointer" data-state={state}>
      {lt(state === 'done' ? 'pointed' : 'point_failed', { name })}
    </SM>
  );
}

function LinkedIssueView(props: LinkedIssuesProps): JSX.Element {
  const { t, links, settings, model, teams } = props;
  const lt = useLinkStrings(props.locale);
  const first = links[0]!;
  const handoff = useMemo(() => {
    const decisions = linkedDecisions(model, props.classification, first, settings, teams);
    return composeHandoff(model, decisions, { settings, teams, location: props.location, issueUrl: first.url });
  }, [model, props.classification, first, settings, teams, props.location]);
  const hasPublic = links.some((l) => l.tracker === 'public');

  return (
    <>
      {links.map((link, i) => (
        <LinkedIssueItem key={linkKey(link)} {...props} link={link} lt={lt} canPromote={link.tracker === 'private' && !hasPublic} testIndex={i} />
      ))}
      {lt ? <PromotedPointer {...props} lt={lt} /> : null}
      {lt && props.onToggleForm ? (
        <div>
          <Button size="small" isBasic aria-expanded={!!props.formOpen} onClick={props.onToggleForm} data-testid="another-issue">
            {props.formOpen ? lt('another_hide') : lt('another')}
          </Button>
        </div>
      ) : null}
      {props.formOpen ? null : <HandoffBox t={t} handoff={handoff} />}
    </>
  );
}

/** Lazy-loaded: Garden's theme comes with it (GardenTheme.tsx). */
export default withGardenTheme(LinkedIssueView);
