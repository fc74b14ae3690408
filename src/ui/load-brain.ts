// The first view's chunk and its ticket, both started before any render: the decision code and the panel (one
// `first-view` chunk, see vite.config.ts) are requested as the entry runs, so they download and compile while
// Zendesk answers the handshake; the ticket's REST calls leave the moment Zendesk registers the app (ticket-fetch.ts
// is in the first chunk). Neither holds any Garden: the first view is drawn by a static stylesheet, and Garden comes
// with the work area after the suggestions paint. Every later user awaits the same promises.
import type { Brain } from './brain.ts';
import type { ZafClient } from '../zendesk/zaf.ts';
import { fetchTicketParts, type TicketParts } from '../zendesk/ticket-fetch.ts';
import { whenRegistered } from './boot.ts';
import { mark } from './marks.ts';
import { prefetchTicketSummary } from './hooks/useTicketSummary.ts';

export interface FirstViewChunks {
  brain: Brain;
  /** The request-for-help panel, as a plain component: rendering it through React.lazy would suspend once even
   * when the chunk is there, and React holds a revealed Suspense boundary back by up to 300 ms. */
  RfhPanel: (typeof import('./RfhPanel.tsx'))['default'];
}

let firstView: Promise<FirstViewChunks> | null = null;

/** The decision code and the panel (one chunk), downloaded once; a failed download can be tried again. */
export function loadFirstView(): Promise<FirstViewChunks> {
  if (!firstView) {
    firstView = import('./first-view.ts').then((m) => ({ brain: m.brain, RfhPanel: m.RfhPanel }));
    firstView.then(() => mark('brain-chunk'), () => undefined);
    // A failed download must be retryable (flaky network): forget the rejected promise.
    firstView.catch(() => {
      firstView = null;
    });
  }
  return firstView;
}

interface Prefetch {
  client: ZafClient;
  ticketId: number;
  parts: Promise<TicketParts>;
}

let prefetched: Prefetch | null = null;

/**
 * Start the ticket's REST calls, and the ZAF read of its headline, as soon as Zendesk has registered the app (the
 * context, answered locally from then on, names the ticket). The sidebar takes these instead of starting its own.
 */
export function prefetchTicket(client: ZafClient): void {
  whenRegistered(client)
    .then(() => client.context())
    .then((context) => {
      // The headline, asked for with the shell's start-up reads rather than after them.
      if (context.location === 'ticket_sidebar') prefetchTicketSummary(client);
      const ticketId = context.ticketId;
      // A missing or odd id is the sidebar's to report, with its own load.
      if (typeof ticketId !== 'number' || !Number.isSafeInteger(ticketId) || ticketId <= 0) return;
      mark('ticket-requested');
      const parts = fetchTicketParts(client, ticketId);
      parts.catch(() => undefined); // reported when the sidebar takes it
      prefetched = { client, ticketId, parts };
    })
    .catch(() => undefined);
}

/** The prefetched REST answers for this ticket, once: a retry (or another ticket) fetches afresh. */
export function takePrefetchedTicket(client: ZafClient, ticketId: number | undefined): Promise<TicketParts> | undefined {
  const entry = prefetched;
  if (!entry || entry.client !== client || entry.ticketId !== ticketId) return undefined;
  prefetched = null;
  return entry.parts;
}
