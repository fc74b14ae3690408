// "Mark as posted" for a hand-off to CE & Sales or BizOps: loads the use cases on first use and records the hand-off
// on the ticket through the session's recorder (flows/handoff.ts, which never writes twice). A second click while
// one runs, or after it is recorded, does nothing, whatever React has rendered by then.
import { useCallback, useRef, useState } from 'react';
import type { FlowsSource } from '../../flows/flows.ts';
import type { MarkHandoffArgs } from '../../flows/handoff.ts';
import type { AgentError } from '../../errors/agent-error.ts';
import { toAgentError } from '../../errors/to-agent-error.ts';

export type HandoffPostState =
  | { state: 'idle' }
  | { state: 'posting' }
  /** `written: false`: the ticket already recorded it (an earlier click, another tab, a lost answer). */
  | { state: 'posted'; written: boolean }
  | { state: 'failed'; error: AgentError };

export interface HandoffPostHandle {
  status: HandoffPostState;
  /** Record the hand-off; `input` is read at the click, so the note holds the message as it is then. */
  mark: (input: () => Omit<MarkHandoffArgs, 'client'>) => Promise<void>;
}

/** `recorded`: the ticket as loaded already carries this hand-off's tag. */
export function useHandoffPost(session: FlowsSource, recorded: boolean): HandoffPostHandle {
  const [status, setStatus] = useState<HandoffPostState>(recorded ? { state: 'posted', written: false } : { state: 'idle' });
  const busy = useRef(false);
  const done = useRef(recorded);

  const mark = useCallback(
    async (input: () => Omit<MarkHandoffArgs, 'client'>) => {
      if (busy.current || done.current) return;
      busy.current = true;
      setStatus({ state: 'posting' });
      try {
        const args = { ...input(), client: session.client };
        const flows = await session.flows();
        const outcome = await flows.handoff.markPosted(args);
        done.current = true;
        setStatus({ state: 'posted', written: outcome.written });
      } catch (e) {
        setStatus({ state: 'failed', error: toAgentError(e, 'zendesk_writeback_refused') });
      } finally {
        busy.current = false;
      }
    },
    [session],
  );

  return { status, mark };
}
