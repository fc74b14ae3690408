// The ticket's headline: customer, subject, status. Ticket text is rendered as React text (escaped), never as HTML.
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import { MD, SM } from '@zendeskgarden/react-typography';
import { Tag } from '@zendeskgarden/react-tags';
import type { Translate } from './i18n.ts';

const Row = styled.div`
  display: flex;
  align-items: center;
  gap: 8px;
  min-width: 0;
`;

const Subject = styled(SM)`
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
  margin-top: 2px;
`;

export function TicketHeader(props: {
  t: Translate;
  customer: string | null;
  subject: string;
  status: string;
}): JSX.Element {
  const { t } = props;
  return (
    <header data-testid="ticket-header">
      <Row>
        <MD tag="h1" isBold data-testid="customer-name" style={{ flex: '1 1 auto', minWidth: 0, margin: 0 }}>
          {props.customer || t('ui.header.unknown_customer')}
        </MD>
        {props.status ? (
          <Tag size="small" data-testid="ticket-status">
            {t(`ui.status.${props.status}`)}
          </Tag>
        ) : null}
      </Row>
      <Subject data-testid="ticket-subject">{props.subject}</Subject>
    </header>
  );
}
