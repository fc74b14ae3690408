// A ticket with a linked issue opens on that issue's card (its live state from GitHub, through the lazily loaded
// flows, and what the ticket's tags say it was filed with) and the Step-5 hand-off text, instead of the form.
import { useMemo } from 'react';
import { composeHandoff } from '../../core/handoff.ts';
import type { LinkedIssue } from '../../core/types/filing.ts';
import { HandoffBox } from './Handoff.tsx';
import { filedWithOf, IssueCard } from './IssueCard.tsx';
import { linkedDecisions, recordedFiling } from '../logic/linked.ts';
import { useLiveIssue } from '../hooks/useLiveIssue.ts';
import { withGardenTheme } from '../shell/GardenTheme.tsx';
import type { TicketViewProps } from './ticket-view.ts';

function LinkedIssueView(props: TicketViewProps & { link: LinkedIssue }): JSX.Element {
  const { t, link, settings, session, model, teams } = props;
  const { live, refresh } = useLiveIssue(session, settings, link);
  const handoff = useMemo(() => {
    const decisions = linkedDecisions(model, props.classification, link, settings, teams);
    return composeHandoff(model, decisions, { settings, teams, location: props.location, issueUrl: link.url });
  }, [model, props.classification, link, settings, teams, props.location]);
  const filedWith = useMemo(() => {
    const recorded = recordedFiling(model, link, settings, teams);
    return recorded ? filedWithOf(recorded, teams, settings) : null;
  }, [model, link, settings, teams]);

  return (
    <>
      <IssueCard
        t={t}
        locale={props.locale}
        caption={t('ui.linked.title')}
        link={link}
        filedWith={filedWith}
        live={live}
        onRefresh={refresh}
        linkTestId="linked-issue-link"
      />
      <HandoffBox t={t} handoff={handoff} />
    </>
  );
}

/** Lazy-loaded: Garden's theme comes with it (GardenTheme.tsx). */
export default withGardenTheme(LinkedIssueView);
