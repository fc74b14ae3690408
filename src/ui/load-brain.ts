// The first view's chunk, its ticket and its decision, all started before any render. The decision code and the
// panel (one `first-view` chunk, see vite.config.ts) download beside the entry (iframe.html preloads them) and run
// while Zendesk answers the handshake; the ticket's REST calls leave the moment Zendesk registers the app
// (ticket-fetch.ts is in the first chunk); the classification runs the moment chunk, settings and ticket are all in,
// and main.tsx renders once, with it. None of it holds any Garden: the first view is drawn by a static stylesheet,
// and Garden comes with the work area after the suggestions paint. Every later user awaits the same promises.
import type { Brain, PanelSettings } from './brain.ts';
import type { Classification, LinkedIssue, TicketModel } from '../core/types.ts';
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
let loaded: FirstViewChunks | null = null;

/** The decision code and the panel (one chunk), downloaded once; a failed download can be tried again. */
export function loadFirstView(): Promise<FirstViewChunks> {
  if (!firstView) {
    firstView = import('./first-view.ts').then((m) => ({ brain: m.brain, RfhPanel: m.RfhPanel }));
    firstView.then(
      (chunks) => {
        loaded = chunks;
        mark('brain-chunk');
      },
      () => undefined,
    );
    // A failed download must be retryable (flaky network): forget the rejected promise.
    firstView.catch(() => {
      firstView = null;
    });
  }
  return firstView;
}

/** The chunk when it has already loaded: the sidebar's first render then shows the panel, not a loading state. */
export function loadedFirstView(): FirstViewChunks | null {
  return loaded;
}

/** What the first view shows about the ticket: its model, the classification under `panel`'s settings, any link. */
export interface TicketDecision {
  panel: PanelSettings;
  model: TicketModel;
  classification: Classification;
  link: LinkedIssue | null;
}

interface Prefetch {
  client: ZafClient;
  ticketId: number;
  parts: Promise<TicketParts>;
  /** Null when the decision code or the settings did not come (the sidebar reports those itself). */
  decision: Promise<TicketDecision | null>;
  /** The decision once made, for a first render that can show it at once. */
  decided?: TicketDecision;
}

let prefetched: Prefetch | null = null;

/** Resolves in a new task (a zero-delay timer). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Once the decision code, the settings and the ticket are all in, decide at once: not after React has rendered and
 * committed whatever arrived first (the headline, the shell), which on a slow machine is most of the wait. The
 * sidebar takes the result (`takePrefetchedDecision`).
 */
function decideEarly(client: ZafClient, ticketId: number, parts: Promise<TicketParts>): Promise<TicketDecision | null> {
  // The model needs no settings: it is built the moment the code and the REST answers are in, possibly while the
  // start-up reads are still being answered.
  const modelReady = loadFirstView().then(({ brain }) => brain.loadModel(client, ticketId, parts));
  modelReady.then(() => mark('ticket-loaded'), () => undefined); // a failure is the decision's (below)
  // The settings come with Zendesk's registration (the SDK keeps the metadata it was registered with): no need to
  // wait for the rest of the start-up reads (locale, colour scheme).
  const inputs = Promise.all([loadFirstView(), client.metadata()]).catch(() => null);
  return inputs.then(async (ready) => {
    if (!ready) return null;
    // Chromium hands a cross-process postMessage to the host only once the current task ends: end it here, so
    // that the REST calls just made leave now, not after the settings and the routing index below.
    await nextTask();
    const [{ brain }, metadata] = ready;
    const panel = brain.panelSettings(metadata.settings);
    brain.prepare(panel); // while the ticket's REST answers may still be on their way
    mark('brain');
    const model = await modelReady;
    const { classification, link } = brain.decide(model, panel);
    mark('classified');
    return { panel, model, classification, link };
  });
}

/** What main.tsx waits for: the ticket's REST calls sent (or none to send), and the decision made (or given up). */
export interface TicketPrefetch {
  requested: Promise<void>;
  decided: Promise<void>;
}

/**
 * Start the ticket's REST calls as soon as Zendesk has registered the app (the context, answered locally from then
 * on, names the ticket), then the ZAF read of its headline; then decide as soon as everything is in. The sidebar
 * takes these instead of starting its own.
 */
export function prefetchTicket(client: ZafClient): TicketPrefetch {
  const started = whenRegistered(client)
    .then(() => client.context())
    .then((context) => {
      const ticketId = context.ticketId;
      // A missing or odd id is the sidebar's to report, with its own load.
      if (typeof ticketId !== 'number' || !Number.isSafeInteger(ticketId) || ticketId <= 0) return null;
      mark('ticket-requested');
      const parts = fetchTicketParts(client, ticketId);
      parts.catch(() => undefined); // reported when the sidebar takes it
      // The headline: after the REST calls, which take longer to be answered.
      if (context.location === 'ticket_sidebar') prefetchTicketSummary(client);
      const decision = decideEarly(client, ticketId, parts);
      const entry: Prefetch = { client, ticketId, parts, decision };
      decision.then(
        (d) => {
          if (d) entry.decided = d;
        },
        () => undefined, // likewise
      );
      prefetched = entry;
      return { decision }; // wrapped: `started` must not wait for the decision itself
    })
    .catch(() => null);
  return {
    requested: started.then(() => undefined),
    decided: started.then((sent) => sent?.decision.then(() => undefined, () => undefined)),
  };
}

/** The decision for this ticket if it has already been made (the prefetch stays for `takePrefetchedDecision`). */
export function decidedTicket(client: ZafClient, ticketId: number | undefined, panel: PanelSettings): TicketDecision | null {
  const entry = prefetched;
  if (!entry || entry.client !== client || entry.ticketId !== ticketId || !entry.decided) return null;
  return entry.decided.panel === panel ? entry.decided : null;
}

/**
 * The decision started before any render, once: a retry (or another ticket) loads afresh. It resolves to null when
 * it could not start (then `parts` are still the prefetched REST answers); it rejects with the ticket's load error.
 */
export function takePrefetchedDecision(
  client: ZafClient,
  ticketId: number | undefined,
): { decision: Promise<TicketDecision | null>; parts: Promise<TicketParts> } | undefined {
  const entry = prefetched;
  if (!entry || entry.client !== client || entry.ticketId !== ticketId) return undefined;
  prefetched = null;
  return entry;
}
