// The ticket the sidebar sits on: loaded through Zendesk's API (H5's adapter), turned into the core's model,
// classified, and checked for a linked issue. Errors arrive as AgentErrors; `retry` starts over without a reload.
import { useCallback, useEffect, useState } from 'react';
import type { Classification, LinkedIssue, TicketModel } from '../../core/types.ts';
import type { AgentError } from '../../github/errors.ts';
import type { Brain, PanelSettings } from '../brain.ts';
import { useClient } from './useApp.ts';
import { mark } from '../marks.ts';
import { takePrefetchedTicket } from '../load-brain.ts';

export type TicketState =
  | { state: 'loading' }
  | { state: 'ready'; model: TicketModel; classification: Classification; link: LinkedIssue | null }
  | { state: 'failed'; error: AgentError };

export function useTicket(brain: Brain | null, panel: PanelSettings | null, ticketId: number | undefined): { ticket: TicketState; retry: () => void } {
  const client = useClient();
  const [ticket, setTicket] = useState<TicketState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!brain || !panel) return undefined;
    let live = true;
    setTicket({ state: 'loading' });
    (async () => {
      try {
        mark('brain');
        const model = await brain.loadModel(client, ticketId, takePrefetchedTicket(client, ticketId));
        mark('ticket-loaded');
        const { classification, link } = brain.decide(model, panel);
        mark('classified');
        if (live) setTicket({ state: 'ready', model, classification, link });
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
