// An issue's live state from GitHub (through the lazily loaded flows), with a refresh. A card that already knows
// the state (an issue created a moment ago: open, the labels sent, no assignee) starts from it and asks GitHub
// only when the agent refreshes, so filing costs no request beyond its own.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../../core/settings.ts';
import type { LinkedIssue, LinkedIssueState } from '../../core/types/filing.ts';
import type { AgentError } from '../../errors/agent-error.ts';
import { toAgentError } from '../../errors/to-agent-error.ts';
import type { FlowsSource } from '../../flows/flows.ts';

export type LiveIssue = { state: 'loading' } | { state: 'ready'; issue: LinkedIssueState } | { state: 'failed'; error: AgentError };

export function useLiveIssue(
  session: FlowsSource,
  settings: Settings,
  link: LinkedIssue,
  known?: LinkedIssueState,
): { live: LiveIssue; refresh: () => void } {
  const [live, setLive] = useState<LiveIssue>(known ? { state: 'ready', issue: known } : { state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Only the first load may be skipped; the value is read once, so a new `known` object does not refetch.
  const skipFirst = useRef(known !== undefined);

  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return undefined;
    }
    let on = true;
    setLive({ state: 'loading' });
    (async () => {
      try {
        const flows = await session.flows();
        const issue = await flows.linkedIssueState(settings, link);
        if (on) setLive({ state: 'ready', issue });
      } catch (e) {
        if (on) setLive({ state: 'failed', error: toAgentError(e) });
      }
    })();
    return () => {
      on = false;
    };
  }, [session, settings, link, attempt]);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  return { live, refresh };
}
