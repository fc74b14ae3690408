// The ticket_sidebar location: usually the ticket is already classified when this first renders (load-brain.ts,
// main.tsx); on a slow host the headline (from ZAF) shows first, then the ticket loaded and classified by the core
// (the first-view chunk). A ticket with a linked issue opens on that issue, any other on the request-for-help panel.
// Alerts are lazy: they are rare, and their Garden package would otherwise weigh on every first paint.
import { lazy, Suspense, useMemo } from 'react';
import { LoadingLines } from './LoadingLines.tsx';
import type { TicketLocation } from '../core/types.ts';
import { useApp } from './hooks/useApp.ts';
import { useBrain } from './hooks/useBrain.ts';
import { useSettings } from './hooks/useSettings.ts';
import { useTicket } from './hooks/useTicket.ts';
import type { AgentError } from '../github/errors.ts';
import { useTicketSummary } from './hooks/useTicketSummary.ts';
import { TicketHeader } from './TicketHeader.tsx';

const LinkedIssueView = lazy(() => import('./LinkedIssueView.tsx'));
const SettingsAlert = lazy(() => import('./SettingsAlert.tsx'));
const ErrorAlert = lazy(() => import('./ErrorAlert.tsx'));

export function Loading(props: { label: string }): JSX.Element {
  return <LoadingLines widths={[40, 75, 55]} label={props.label} />;
}

/** The decision code itself could not be downloaded: no classifier at hand, so say it plainly (retryable). */
export function chunkFailure(e: unknown): AgentError {
  return { code: 'ticket_load_failed', params: { status: 0, message: e instanceof Error ? e.message : String(e) }, retryable: true };
}

export function TicketSidebar(): JSX.Element {
  const { client, context, i18n } = useApp();
  const { t } = i18n;
  const { summary } = useTicketSummary();
  const ticketId = context.ticketId ?? summary?.id ?? undefined;
  // The decision code, already downloading since the entry ran (load-brain.ts).
  const { brain: brainState, retry: retryBrain } = useBrain();
  const brain = brainState.state === 'ready' ? brainState.brain : null;
  const RfhPanel = brainState.state === 'ready' ? brainState.RfhPanel : null;
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
  const link = useMemo(
    () => (ready && brain ? (ready.link ?? brain.loadFiled(brain.browserStorage(), location)) : null),
    [ready, brain, location],
  );

  const header = ready
    ? { customer: ready.model.customerName, subject: ready.model.subject, status: ready.model.status }
    : summary
      ? { customer: summary.organization ?? summary.requester, subject: summary.subject, status: summary.status }
      : null;
  const problems = panel?.problems ?? [];

  return (
    <main className="e-panel" data-testid="engage-panel" aria-label={t('ui.panel.label')} aria-busy={loading}>
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
      {ready && RfhPanel && !link ? (
        <RfhPanel
          t={t}
          client={client}
          location={location}
          model={ready.model}
          classification={ready.classification}
          settings={ready.panel.settings}
          teams={ready.panel.teams}
        />
      ) : null}
    </main>
  );
}
