// The ticket_sidebar location: usually the ticket is already decided when this first renders (the session starts
// it before any render); on a slow host the headline (from ZAF) shows first, then the ticket loaded and classified
// by the first-view chunk. A ticket with a linked issue opens on that issue, one handed off to a team outside
// engineering on that hand-off, any other on the request-for-help panel. Alerts and notices are lazy: they are
// rare, and their Garden package would otherwise weigh on every first paint.
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { hasHandoffTag } from '../../core/handoff-tags.ts';
import { LoadingLines } from '../shell/LoadingLines.tsx';
import type { TicketLocation } from '../../core/types/ticket.ts';
import { errorMessage } from '../../core/guards.ts';
import type { AgentError } from '../../errors/agent-error.ts';
import { useApp, useSlice } from '../hooks/useApp.ts';
import { TicketHeader } from './TicketHeader.tsx';
import type { TicketViewProps } from './ticket-view.ts';
import type { TicketLink } from '../../core/links.ts';

const keyOf = (l: { owner: string; repo: string; number: number }): string => `${l.owner}/${l.repo}#${l.number}`.toLowerCase();

const LinkedIssueView = lazy(() => import('./LinkedIssueView.tsx'));
const Notices = lazy(() => import('./Notices.tsx'));
const ErrorAlert = lazy(() => import('./ErrorAlert.tsx'));
const RecordedHandoffs = lazy(() => import('./Handoff.tsx').then((m) => ({ default: m.RecordedHandoffPanel })));

export function Loading(props: { label: string }): JSX.Element {
  return <LoadingLines widths={[40, 75, 55]} label={props.label} />;
}

/** The decision code itself could not be downloaded: no classifier at hand, so say it plainly (retryable). */
export function chunkFailure(e: unknown): AgentError {
  return { code: 'ticket_load_failed', params: { status: 0, message: errorMessage(e) }, retryable: true };
}

export function TicketSidebar(): JSX.Element {
  const { session, context, i18n } = useApp();
  const { t } = i18n;
  const summaryState = useSlice(session.summary);
  const summary = summaryState.state === 'ready' ? summaryState.value : null;
  const ticketId = context.ticketId ?? summary?.id ?? undefined;
  const chunks = useSlice(session.firstView);
  const settings = useSlice(session.settings);
  const ticket = useSlice(session.ticket);
  const brain = chunks.state === 'ready' ? chunks.value.brain : null;
  const RfhPanel = chunks.state === 'ready' ? chunks.value.RfhPanel : null;
  const panel = settings.state === 'ready' ? settings.value : null;

  const error: AgentError | null =
    chunks.state === 'failed'
      ? chunkFailure(chunks.error)
      : ticket.state === 'failed'
        ? // The ticket waits for the chunk, so its code is there to explain the failure.
          (brain?.toAgentError(ticket.error, 'ticket_load_failed') ?? chunkFailure(ticket.error))
        : null;
  // Each failed slice is loaded again; the ones that came are kept.
  const retry = useCallback(() => {
    for (const slice of [session.firstView, session.settings, session.ticket]) {
      if (slice.peek().state === 'failed') slice.retry();
    }
  }, [session]);
  const loading = !error && ticket.state === 'loading';
  const location = useMemo<TicketLocation>(
    () => ({ subdomain: context.account.subdomain, ticketId: ticketId ?? 0 }),
    [context.account.subdomain, ticketId],
  );
  const ready = useMemo(() => (panel && ticket.state === 'ready' ? { ...ticket.value, panel } : null), [panel, ticket]);
  // Links made or undone in this session (the ticket as loaded does not know them yet).
  const [added, setAdded] = useState<TicketLink[]>([]);
  const [unlinked, setUnlinked] = useState<string[]>([]);
  const links = useMemo(
    () => (ready && brain ? brain.panelLinks(ready.links, location, ready.panel.settings, { added, unlinked }) : []),
    [ready, brain, location, added, unlinked],
  );
  const link = links[0] ?? null;
  // With links: the form opens below them on demand (file or link one more; the public issue for a private one).
  const [formOpen, setFormOpen] = useState(false);
  const [promoteFrom, setPromoteFrom] = useState<TicketLink | null>(null);
  const [promoted, setPromoted] = useState<{ from: TicketLink; to: TicketLink } | null>(null);
  const onLinked = useCallback(
    (l: TicketLink) => {
      setAdded((a) => [l, ...a]);
      setUnlinked((u) => u.filter((k) => k !== keyOf(l)));
      if (promoteFrom && l.tracker === 'public') setPromoted({ from: promoteFrom, to: l });
      setFormOpen(false);
      setPromoteFrom(null);
    },
    [promoteFrom],
  );
  const onUnlinked = useCallback((l: TicketLink) => {
    setUnlinked((u) => [...u, keyOf(l)]);
    setAdded((a) => a.filter((x) => keyOf(x) !== keyOf(l)));
  }, []);
  const onPromote = useCallback((l: TicketLink) => {
    setPromoteFrom(l);
    setFormOpen(true);
  }, []);
  const fresh = useMemo(() => new Set(added.map(keyOf)), [added]);

  // A ticket handed off to CE & Sales or BizOps opens on that record; the form stays one click away.
  const [fileToo, setFileToo] = useState(false);
  // A lost write-back found at open (Notices): its notice replaces the form, which would only file what exists.
  const [lost, setLost] = useState(false);
  const handedOff = !!ready && !link && hasHandoffTag(ready.model.tags) && !fileToo;

  const view: TicketViewProps | null = ready
    ? {
        t,
        locale: i18n.locale,
        session,
        location,
        model: ready.model,
        classification: ready.classification,
        settings: ready.panel.settings,
        teams: ready.panel.teams,
        onLinked,
        linked: links,
      }
    : null;

  const header = ready
    ? { customer: ready.model.customerName, subject: ready.model.subject, status: ready.model.status }
    : summary
      ? { customer: summary.organization ?? summary.requester, subject: summary.subject, status: summary.status }
      : null;
  const problems = panel?.problems ?? [];

  return (
    <main className="e-panel" data-testid="engage-panel" aria-label={t('ui.panel.label')} aria-busy={loading}>
      {header ? <TicketHeader t={t} {...header} /> : null}
      {view || problems.length > 0 ? (
        // Under the header, above the first view: what blocks filing, a lost write-back, bad settings.
        <Suspense fallback={null}>
          <Notices problems={problems} view={view} linked={!!link} onLost={setLost} />
        </Suspense>
      ) : null}
      {loading ? <Loading label={t('ui.loading')} /> : null}
      {error ? (
        <Suspense fallback={null}>
          <ErrorAlert t={t} error={error} onRetry={retry} data-testid="ticket-error" />
        </Suspense>
      ) : null}
      {view && link ? (
        <Suspense fallback={<Loading label={t('ui.loading')} />}>
          <LinkedIssueView
            {...view}
            links={links}
            fresh={fresh}
            onUnlinked={onUnlinked}
            formOpen={formOpen}
            onToggleForm={() => {
              setFormOpen((o) => !o);
              setPromoteFrom(null);
            }}
            onPromote={onPromote}
            promoted={promoted}
          />
        </Suspense>
      ) : null}
      {view && link && hasHandoffTag(view.model.tags) ? (
        // Filed and handed off: the issue above, the hand-off below it.
        <Suspense fallback={null}>
          <RecordedHandoffs {...view} />
        </Suspense>
      ) : null}
      {view && handedOff ? (
        <Suspense fallback={<Loading label={t('ui.loading')} />}>
          <RecordedHandoffs {...view} onFileToo={() => setFileToo(true)} />
        </Suspense>
      ) : null}
      {view && RfhPanel && ((!link && !handedOff && !lost) || (link && formOpen)) ? (
        // A new key when the form opens for a promotion: the draft starts on the public tracker.
        <RfhPanel key={promoteFrom ? `promote ${keyOf(promoteFrom)}` : 'form'} {...view} promoteFrom={promoteFrom} />
      ) : null}
    </main>
  );
}
