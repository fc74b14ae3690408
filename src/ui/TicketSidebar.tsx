// The ticket_sidebar location.
import styled from 'styled-components';
import { useI18n } from './hooks/useApp.ts';
import { useTicketSummary } from './hooks/useTicketSummary.ts';
import { TicketHeader } from './TicketHeader.tsx';

export const PanelRoot = styled.main`
  display: flex;
  flex-direction: column;
  gap: 12px;
  padding: 12px;
  max-width: 100%;
`;

export function TicketSidebar(): JSX.Element {
  const { t } = useI18n();
  const summary = useTicketSummary();
  return (
    <PanelRoot data-testid="engage-panel" aria-label={t('ui.panel.label')}>
      {summary ? (
        <TicketHeader
          t={t}
          customer={summary.organization ?? summary.requester}
          subject={summary.subject}
          status={summary.status}
        />
      ) : null}
    </PanelRoot>
  );
}
