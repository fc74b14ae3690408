// One component per ZAF location. Engage ships only the ticket sidebar; any other location says so.
import { Alert } from '@zendeskgarden/react-notifications';
import { useApp } from './hooks/useApp.ts';
import { TicketSidebar } from './TicketSidebar.tsx';

export function Location(): JSX.Element {
  const { context, i18n } = useApp();
  if (context.location === 'ticket_sidebar') return <TicketSidebar />;
  return (
    <div style={{ padding: 12 }}>
      <Alert type="warning" data-testid="unsupported-location">
        <Alert.Title>{i18n.t('ui.unsupported_location.title')}</Alert.Title>
        <Alert.Paragraph>{i18n.t('ui.unsupported_location.message', { location: context.location })}</Alert.Paragraph>
      </Alert>
    </div>
  );
}
