// Everything the panel needs at start, begun once, before React renders anything, and handed down by the shell's
// provider: hooks read their slice, and a retry replaces only that slice.
//
// The order is the speed: the ticket's REST calls leave the moment Zendesk registers the app; the shell's reads
// (locale, colour scheme) and the headline follow them, since the host answers messages in turn; the decision code
// (one chunk, preloaded by iframe.html) runs during the handshake; the ticket is classified the moment code,
// settings and REST answers are in, so that main.tsx renders once, with the decision.
import type { Suggestion } from '../../core/types/classification.ts';
import type { TicketLink } from '../../core/links.ts';
import type { TicketModel } from '../../core/types/ticket.ts';
import type { Flows, FlowsSource } from '../../flows/flows.ts';
import type { ZafClient } from '../../zaf/client.ts';
import { fetchTicketParts, type TicketParts } from '../../zendesk/ticket-fetch.ts';
import type { Brain, PanelSettings } from './decide.ts';
import { mark } from './marks.ts';
import { startShell, whenRegistered, type Shell } from './shell.ts';
import { createSlice, type Slice } from './slice.ts';
import { readTicketSummary, type TicketSummary } from './summary.ts';

export interface FirstViewChunks {
  brain: Brain;
  /** The request-for-help panel, as a plain component: rendering it through React.lazy would suspend once even
   * when the chunk is there, and React holds a revealed Suspense boundary back by up to 300 ms. */
  RfhPanel: (typeof import('./first-view.ts'))['RfhPanel'];
}

/** What the first view shows about the ticket: its model, the classification under the settings, any link. */
export interface TicketDecision {
  model: TicketModel;
  /** The team and priority suggested (the checklist hints are added after the first paint, in the workbench). */
  classification: Suggestion;
  /** Every issue the ticket links (findLinks: private first when the field says so), none for a fresh ticket. */
  links: TicketLink[];
}

export interface Session extends FlowsSource {
  /** Registration, the start-up reads and the agent's translations. */
  shell: Slice<Shell>;
  /** The decision code and the panel (the `first-view` chunk). */
  firstView: Slice<FirstViewChunks>;
  /** The app's settings, validated, with the team catalogue in force. */
  settings: Slice<PanelSettings>;
  /** The headline read from the agent's page; null outside the ticket sidebar or when Zendesk did not say. */
  summary: Slice<TicketSummary | null>;
  /** The ticket loaded and decided; a retry loads it afresh. Rejects with the load error, or the chunk's. */
  ticket: Slice<TicketDecision>;
  /** Resolves once the ticket's REST calls are sent (or there are none to send). */
  requested: Promise<void>;
  /** The GitHub use cases, loaded on first use and made once, so access answers and filings are shared. */
  flows(): Promise<Flows>;
}

/** Resolves in a new task: Chromium hands a cross-process postMessage to the host only once the current task ends. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const validTicketId = (id: unknown): id is number => typeof id === 'number' && Number.isSafeInteger(id) && id > 0;

export function startSession(client: ZafClient): Session {
  const registered = whenRegistered(client);
  const context = registered.then(() => client.context());

  const firstView = createSlice(() =>
    import('./first-view.ts').then((m): FirstViewChunks => {
      mark('brain-chunk');
      return { brain: m.brain, RfhPanel: m.RfhPanel };
    }),
  );

  // The settings come with Zendesk's registration (the SDK keeps the metadata it was registered with): no need to
  // wait for the other start-up reads. Asked only once registered: before, the SDK waits on `app.registered` itself,
  // and our own handler's `off` would make it skip that one.
  const settings = createSlice(async () => {
    const [{ brain }, metadata] = await Promise.all([firstView.promise, registered.then(() => client.metadata())]);
    // End this task first, so that the REST calls just made leave now, not after the settings and the indexes.
    await nextTask();
    const panel = brain.panelSettings(metadata.settings);
    brain.prepare(panel); // the routing and priority indexes, while the ticket's answers may still be on their way
    mark('brain');
    return panel;
  });

  // The ticket's REST calls, the first time as soon as the context names the ticket; a retry fetches afresh.
  let firstParts: Promise<TicketParts> | null = null;
  const requested = context.then(
    (ctx) => {
      if (!validTicketId(ctx.ticketId)) return;
      mark('ticket-requested');
      firstParts = fetchTicketParts(client, ctx.ticketId);
      firstParts.catch(() => undefined); // reported by the ticket slice
    },
    () => undefined,
  );

  const ticket = createSlice(async (): Promise<TicketDecision> => {
    await requested;
    const parts = firstParts ?? undefined;
    firstParts = null; // used once: a retry loads afresh
    const { brain } = await firstView.promise;
    // The model needs no settings: it is built the moment the code and the REST answers are in.
    const modelReady = brain.loadModel(client, (await context).ticketId, parts);
    modelReady.then(() => mark('ticket-loaded'), () => undefined); // a failure is reported below
    const panel = await settings.promise;
    const model = await modelReady;
    const decision = brain.decide(model, panel);
    mark('classified');
    return { model, ...decision };
  });

  // The headline after the REST calls, which take longer to be answered; only the ticket sidebar has one.
  const summary = createSlice(async () => {
    await requested;
    const ctx = await context;
    if (ctx.location !== 'ticket_sidebar') return null;
    return readTicketSummary(client).catch(() => null); // a nicety: the full load reports errors
  });

  const shell = createSlice(() => startShell(client, registered, requested));

  let flows: Promise<Flows> | null = null;
  return {
    client,
    shell,
    firstView,
    settings,
    summary,
    ticket,
    requested,
    flows() {
      flows ??= import('../../flows/flows.ts').then((m) => m.createFlows(client));
      flows.catch(() => (flows = null)); // a failed download can be tried again
      return flows;
    },
  };
}
