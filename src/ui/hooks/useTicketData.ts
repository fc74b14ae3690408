// The ticket the sidebar sits on: the brain chunk (settings, catalogue, core) and the ticket loaded through
// Zendesk's API, turned into the core's model and decisions. Errors arrive as AgentErrors; `retry` starts over
// without a reload.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Classification, LinkedIssue, TicketModel } from '../../core/types.ts';
import type { AgentError } from '../../github/errors.ts';
import type { Brain, PanelSettings } from '../brain.ts';
import { preloadBrain } from '../load-brain.ts';
import { useApp } from './useApp.ts';

export type TicketData =
  | { state: 'loading'; panel: PanelSettings | null }
  | { state: 'ready'; panel: PanelSettings; model: TicketModel; classification: Classification; link: LinkedIssue | null }
  | { state: 'failed'; panel: PanelSettings | null; error: AgentError };

/** When the brain chunk itself could not be downloaded there is no classifier at hand: say it plainly. */
function chunkFailure(e: unknown): AgentError {
  return { code: 'ticket_load_failed', params: { status: 0, message: e instanceof Error ? e.message : String(e) }, retryable: true };
}

export function useTicketData(ticketId: number | undefined): { data: TicketData; retry: () => void } {
  const { client, metadata } = useApp();
  const [data, setData] = useState<TicketData>({ state: 'loading', panel: null });
  const [attempt, setAttempt] = useState(0);
  const rawSettings = useMemo(() => metadata.settings, [metadata.settings]);

  useEffect(() => {
    let live = true;
    setData((d) => ({ state: 'loading', panel: d.panel }));
    (async () => {
      let panel: PanelSettings | null = null;
      let brain: Brain | null = null;
      try {
        brain = await preloadBrain();
        panel = brain.panelSettings(rawSettings);
        if (live) setData({ state: 'loading', panel });
        const model = await brain.loadModel(client, ticketId);
        const { classification, link } = brain.decide(model, panel);
        if (live) setData({ state: 'ready', panel, model, classification, link });
      } catch (e) {
        const error = brain ? brain.toAgentError(e, 'ticket_load_failed') : chunkFailure(e);
        if (live) setData({ state: 'failed', panel, error });
      }
    })();
    return () => {
      live = false;
    };
  }, [client, rawSettings, ticketId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, retry };
}
