// Details on demand: why this team (the matched words highlighted in context), the runners-up, and the evidence
// behind the priority reasons.
import { formatMessage } from '../../core/types/message.ts';
import styled from 'styled-components';
import { SM } from '@zendeskgarden/react-typography';
import type { Team, TeamAndPriority } from '../../core/types/classification.ts';
import type { TicketModel } from '../../core/types/ticket.ts';
import type { Translate } from '../logic/i18n.ts';
import { evidenceSnippets } from '../logic/evidence.ts';
import { Snippet } from './Snippet.tsx';
import { Caption, Section } from './layout.tsx';
import { withGardenTheme } from '../shell/GardenTheme.tsx';

const List = styled.ul`
  margin: 0;
  padding-left: 18px;
`;

function Details(props: {
  t: Translate;
  model: TicketModel;
  classification: TeamAndPriority;
  teams: Team[];
}): JSX.Element {
  const { t, model, classification } = props;
  const { team, alternatives } = classification.route;
  const priority = classification.priority;
  const teamSnippets = evidenceSnippets(model, team.evidence);

  return (
    <div data-testid="details" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Section aria-labelledby="engage-team-evidence">
        <Caption id="engage-team-evidence" isBold>
          {t('ui.team.evidence_title')}
        </Caption>
        <div data-testid="team-evidence">
          {teamSnippets.length === 0 ? <SM>{t('ui.team.no_evidence')}</SM> : null}
          {teamSnippets.map((s, i) => (
            <Snippet key={i} t={t} snippet={s} model={model} />
          ))}
        </div>
        {alternatives.length > 0 ? (
          <>
            <Caption>{t('ui.team.runners_up')}</Caption>
            <List data-testid="team-alternatives">
              {alternatives.map((a) => (
                <li key={a.teamId}>
                  <SM data-team-id={a.teamId}>{formatMessage(a.why, t)}</SM>
                </li>
              ))}
            </List>
          </>
        ) : null}
      </Section>

      <Section aria-labelledby="engage-priority-reasons">
        <Caption id="engage-priority-reasons" isBold>
          {t('ui.priority.reasons_title')}
        </Caption>
        <List data-testid="priority-evidence">
          {priority.reasons.map((r, i) => (
            <li key={i}>
              <SM>{formatMessage(r.message, t)}</SM>
              {r.evidence && r.evidence.length > 0
                ? evidenceSnippets(model, r.evidence, 30, 2).map((s, j) => <Snippet key={j} t={t} snippet={s} model={model} />)
                : null}
            </li>
          ))}
        </List>
      </Section>
    </div>
  );
}

/** Lazy-loaded: Garden's theme comes with it (GardenTheme.tsx). */
export default withGardenTheme(Details);
