// The ticket the sidebar sits on, loaded through the Zendesk API (H5's adapter) and turned into the core's model.
// Loading errors arrive as AgentErrors; `retry` loads again without a reload.
import { useCallback, useEffect, useState } from 'react';
import { loadTicketBundle } from '../../zendesk/ticket-source.ts';
import { buildTicketModel } from '../../core/ticket-model.ts';
import type { TicketModel } from '../../core/types.ts';
import { agentError, isAgentError, type AgentError } from '../../github/errors.ts';
import { useApp } from './useApp.ts';

export type TicketData =
  | { state: 'loading' }
  | { state: 'ready'; model: TicketModel }
  | { state: 'failed'; error: AgentError };

export function toAgentError(e: unknown, code: AgentError['code'] = 'unknown'): AgentError {
  if (isAgentError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return agentError(code, { status: 0, message }, true);
}

export function useTicketData(ticketId: number | undefined): { data: TicketData; retry: () => void } {
  const { client } = useApp();
  const [data, setData] = useState<TicketData>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setData({ state: 'loading' });
    (async () => {
      try {
        if (ticketId === undefined) throw agentError('ticket_load_failed', { status: 0, message: 'no ticket id in the ZAF context', field: 'ticketId' }, false);
        const bundle = await loadTicketBundle(client, ticketId);
        const model = buildTicketModel(bundle);
        if (live) setData({ state: 'ready', model });
      } catch (e) {
        if (live) setData({ state: 'failed', error: toAgentError(e, 'ticket_load_failed') });
      }
    })();
    return () => {
      live = false;
    };
  }, [client, ticketId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, retry };
}
