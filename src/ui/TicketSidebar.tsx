// The ticket_sidebar location: the headline at once (from ZAF), then the ticket loaded and classified by the core
// (the brain chunk); a ticket with a linked issue opens on that issue, any other on the request-for-help panel.
// Alerts are lazy: they are rare, and their Garden package would otherwise weigh on every first paint.
import { lazy, Suspense, useMemo } from 'react';
import styled from 'styled-components';
import { Skeleton } from '@zendeskgarden/react-loaders';
import type { TicketLocation } from '../core/types.ts';
import { useApp } from './hooks/useApp.ts';
import { useTicketData } from './hooks/useTicketData.ts';
import { useTicketSummary } from './hooks/useTicketSummary.ts';
import { TicketHeader } from './TicketHeader.tsx';
import { browserStorage, loadFiled } from './draft.ts';
import { preloadPanel } from './load-brain.ts';

const RfhPanel = lazy(preloadPanel);
const LinkedIssueView = lazy(() => import('./LinkedIssueView.tsx'));
const SettingsAlert = lazy(() => import('./SettingsAlert.tsx'));
const ErrorAlert = lazy(() => import('./ErrorAlert.tsx'));

export const PanelRoot = styled.main`
  display: flex;
  flex-direction: column;
  gap: 12px;
  padding: 12px;
  max-width: 100%;
`;

export function Loading(props: { label: string }): JSX.Element {
  return (
    <div aria-busy="true" aria-label={props.label} role="status">
      <Skeleton width="40%" />
      <Skeleton width="75%" />
      <Skeleton width="55%" />
    </div>
  );
}

export function TicketSidebar(): JSX.Element {
  const { client, context, i18n } = useApp();
  const { t } = i18n;
  const summary = useTicketSummary();
  const ticketId = context.ticketId ?? summary?.id ?? undefined;
  const { data, retry } = useTicketData(context.ticketId ?? undefined);
  const location = useMemo<TicketLocation>(
    () => ({ subdomain: context.account.subdomain, ticketId: ticketId ?? 0 }),
    [context.account.subdomain, ticketId],
  );
  const ready = data.state === 'ready' ? data : null;
  const link = useMemo(() => (ready ? (ready.link ?? loadFiled(browserStorage(), location)) : null), [ready, location]);

  const header = ready
    ? { customer: ready.model.customerName, subject: ready.model.subject, status: ready.model.status }
    : summary
      ? { customer: summary.organization ?? summary.requester, subject: summary.subject, status: summary.status }
      : null;
  const problems = data.panel?.problems ?? [];

  return (
    <PanelRoot data-testid="engage-panel" aria-label={t('ui.panel.label')} aria-busy={data.state === 'loading'}>
      {problems.length > 0 ? (
        <Suspense fallback={null}>
          <SettingsAlert t={t} problems={problems} />
        </Suspense>
      ) : null}
      {header ? <TicketHeader t={t} {...header} /> : null}
      {data.state === 'loading' ? <Loading label={t('ui.loading')} /> : null}
      {data.state === 'failed' ? (
        <Suspense fallback={null}>
          <ErrorAlert t={t} error={data.error} onRetry={retry} data-testid="ticket-error" />
        </Suspense>
      ) : null}
      {ready && link ? (
        <Suspense fallback={<Loading label={t('ui.loading')} />}>
          <LinkedIssueView
            t={t}
            locale={i18n.locale}
            client={client}
            link={link}
            model={ready.model}
            classification={ready.classification}
            settings={ready.panel.settings}
            teams={ready.panel.teams}
            location={location}
          />
        </Suspense>
      ) : null}
      {ready && !link ? (
        <Suspense fallback={<Loading label={t('ui.loading')} />}>
          <RfhPanel
          t={t}
          client={client}
          location={location}
          model={ready.model}
          classification={ready.classification}
          settings={ready.panel.settings}
          teams={ready.panel.teams}
          />
        </Suspense>
      ) : null}
    </PanelRoot>
  );
}
