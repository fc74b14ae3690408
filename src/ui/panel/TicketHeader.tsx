// The ticket's headline: customer, subject, status. Ticket text is rendered as React text (escaped), never as HTML.
// Part of the first view: drawn with the static stylesheet (style/first-view.css), not Garden's runtime styles.
import type { Translate } from '../logic/i18n.ts';

export function TicketHeader(props: {
  t: Translate;
  customer: string | null;
  subject: string;
  status: string;
}): JSX.Element {
  const { t } = props;
  return (
    <header data-testid="ticket-header">
      <div className="e-row">
        <h1 className="e-md e-bold e-grow" data-testid="customer-name">
          {props.customer || t('ui.header.unknown_customer')}
        </h1>
        {props.status ? (
          <span className="e-tag" data-testid="ticket-status">
            {t(`ui.status.${props.status}`)}
          </span>
        ) : null}
      </div>
      <p className="e-sm e-subtle" style={{ marginTop: 2 }} data-testid="ticket-subject">
        {props.subject}
      </p>
    </header>
  );
}
