// The ticket_sidebar location: the headline at once (from ZAF), then the ticket loaded and classified by the core
// (the brain chunk); a ticket with a linked issue opens on that issue, any other on the request-for-help panel.
// Alerts are lazy: they are rare, and their Garden package would otherwise weigh on every first paint.
import { lazy, Suspense, useMemo } from 'react';
import styled from 'styled-components';
import { Skeleton } from '@zendeskgarden/react-loaders';
import type { TicketLocation } from '../core/types.ts';
import { useApp } from './hooks/useApp.ts';
import { useBrain } from './hooks/useBrain.ts';
import { useSettings } from './hooks/useSettings.ts';
import { useTicket } from './hooks/useTicket.ts';
import type { AgentError } from '../github/errors.ts';
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

/** The decision code itself could not be downloaded: no classifier at hand, so say it plainly (retryable). */
export function chunkFailure(e: unknown): AgentError {
  return { code: 'ticket_load_failed', params: { status: 0, message: e instanceof Error ? e.message : String(e) }, retryable: true };
}

export function TicketSidebar(): JSX.Element {
  const { client, context, i18n } = useApp();
  const { t } = i18n;
  const summary = useTicketSummary();
  const ticketId = context.ticketId ?? summary?.id ?? undefined;
  const { brain: brainState, retry: retryBrain } = useBrain();
  const brain = brainState.state === 'ready' ? brainState.brain : null;
  const panel = useSettings(brain);
  const { ticket, retry: retryTicket } = useTicket(brain, panel, context.ticketId ?? undefined);
  const error: AgentError | null =
    brainState.state === 'failed' ? chunkFailure(brainState.error) : ticket.state === 'failed' ? ticket.error : null;
  const retry = brainState.state === 'failed' ? retryBrain : retryTicket;
  const loading = !error && ticket.state === 'loading';
  const location = useMemo<TicketLocation>(
    () => ({ subdomain: context.account.subdomain, ticketId: ticketId ?? 0 }),
    [context.account.subdomain, ticketId],
  );
  const ready = useMemo(() => (panel && ticket.state === 'ready' ? { ...ticket, panel } : null), [panel, ticket]);
  const link = useMemo(() => (ready ? (ready.link ?? loadFiled(browserStorage(), location)) : null), [ready, location]);

  const header = ready
    ? { customer: ready.model.customerName, subject: ready.model.subject, status: ready.model.status }
    : summary
      ? { customer: summary.organization ?? summary.requester, subject: summary.subject, status: summary.status }
      : null;
  const problems = panel?.problems ?? [];

  return (
    <PanelRoot data-testid="engage-panel" aria-label={t('ui.panel.label')} aria-busy={loading}>
      {problems.length > 0 ? (
        <Suspense fallback={null}>
          <SettingsAlert t={t} problems={problems} />
        </Suspense>
      ) : null}
      {header ? <TicketHeader t={t} {...header} /> : null}
      {loading ? <Loading label={t('ui.loading')} /> : null}
      {error ? (
        <Suspense fallback={null}>
          <ErrorAlert t={t} error={error} onRetry={retry} data-testid="ticket-error" />
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
