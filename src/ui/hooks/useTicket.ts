// The ticket the sidebar sits on: loaded through Zendesk's API (H5's adapter), turned into the core's model,
// classified, and checked for a linked issue; usually already decided before the first render (load-brain.ts).
// Errors arrive as AgentErrors; `retry` starts over without a reload.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Classification, LinkedIssue, TicketModel } from '../../core/types.ts';
import type { AgentError } from '../../github/errors.ts';
import type { Brain, PanelSettings } from '../brain.ts';
import { useClient } from './useApp.ts';
import { decidedTicket, takePrefetchedDecision } from '../load-brain.ts';

export type TicketState =
  | { state: 'loading' }
  | { state: 'ready'; model: TicketModel; classification: Classification; link: LinkedIssue | null }
  | { state: 'failed'; error: AgentError };

export function useTicket(brain: Brain | null, panel: PanelSettings | null, ticketId: number | undefined): { ticket: TicketState; retry: () => void } {
  const client = useClient();
  // Usually decided before the first render (load-brain.ts, main.tsx): then the panel shows it at once.
  const [ticket, setTicket] = useState<TicketState>(() => {
    const early = panel ? decidedTicket(client, ticketId, panel) : null;
    return early ? { state: 'ready', model: early.model, classification: early.classification, link: early.link } : { state: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);
  const decidedAtMount = useRef(ticket.state === 'ready');

  useEffect(() => {
    if (!brain || !panel) return undefined;
    if (decidedAtMount.current) {
      decidedAtMount.current = false;
      takePrefetchedDecision(client, ticketId); // shown already; a retry loads afresh
      return undefined;
    }
    let live = true;
    setTicket({ state: 'loading' });
    (async () => {
      try {
        const prefetched = takePrefetchedDecision(client, ticketId);
        const early = prefetched ? await prefetched.decision : null;
        let model: TicketModel;
        let decided: { classification: Classification; link: LinkedIssue | null };
        if (early) {
          model = early.model;
          // Decided under these very settings (panelSettings gives one object per settings object), or again.
          decided = early.panel === panel ? early : brain.decide(model, panel);
        } else {
          model = await brain.loadModel(client, ticketId, prefetched?.parts);
          decided = brain.decide(model, panel);
        }
        if (live) setTicket({ state: 'ready', model, ...decided });
      } catch (e) {
        if (live) setTicket({ state: 'failed', error: brain.toAgentError(e, 'ticket_load_failed') });
      }
    })();
    return () => {
      live = false;
    };
  }, [brain, panel, client, ticketId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ticket, retry };
}
