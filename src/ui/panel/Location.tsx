// One component per ZAF location. Engage ships only the ticket sidebar; any other location says so.
import { lazy, Suspense } from 'react';
import { useApp } from '../hooks/useApp.ts';
import { TicketSidebar } from './TicketSidebar.tsx';

const UnsupportedLocation = lazy(() => import('../shell/UnsupportedLocation.tsx'));

export function Location(): JSX.Element {
  const { context, i18n } = useApp();
  if (context.location === 'ticket_sidebar') return <TicketSidebar />;
  return (
    <Suspense fallback={null}>
      <UnsupportedLocation t={i18n.t} location={context.location} />
    </Suspense>
  );
}
