// Linking from the panel: the similar issues (asked once the work area is up, one search per ticket per session),
// adding the ticket to an existing issue (one click; a second click while it runs does nothing; a failed write-back
// is retried by the same click, which skips what is done), and unlinking.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TicketLink } from '../../core/links.ts';
import type { Settings } from '../../core/settings.ts';
import type { LinkedIssue } from '../../core/types/filing.ts';
import type { AgentError } from '../../errors/agent-error.ts';
import { toAgentError } from '../../errors/to-agent-error.ts';
import type { FlowsSource } from '../../flows/flows.ts';
import type { AddToIssueArgs } from '../../flows/linking/add-to-issue.ts';
import type { SimilarAnswer, SimilarArgs } from '../../flows/linking/similar.ts';
import type { UnlinkArgs } from '../../flows/linking/unlink.ts';

export type SimilarState = { state: 'loading' } | SimilarAnswer;

/** The similar issues for the ticket; `args` without the GitHub service (the session makes it). */
export function useSimilar(session: FlowsSource, args: Omit<SimilarArgs, 'github'> | null): SimilarState {
  const [state, setState] = useState<SimilarState>({ state: 'loading' });
  const latest = useRef(args);
  latest.current = args;
  const key = args ? `${args.location.subdomain}/${args.location.ticketId}` : null;
  useEffect(() => {
    const current = latest.current;
    if (!current) return undefined;
    let live = true;
    void (async () => {
      try {
        const flows = await session.flows();
        const answer = await flows.linking.similar.find({ ...current, github: flows.github(current.settings) });
        if (live) setState(answer);
      } catch (e) {
        if (live) setState({ state: 'failed', error: toAgentError(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [session, key]);
  return state;
}

export type AddState =
  | { state: 'idle' }
  | { state: 'adding'; issue: LinkedIssue }
  | { state: 'failed'; issue: LinkedIssue; error: AgentError }
  /** The comment and label are on the issue; the ticket's write-back failed: the same click finishes it. */
  | { state: 'writeback-failed'; issue: LinkedIssue; error: AgentError };

export type AddInput = Omit<AddToIssueArgs, 'github' | 'onProgress'>;

export function useAddToIssue(session: FlowsSource, onLinked: (link: LinkedIssue) => void): { add: AddState; addTo: (input: () => AddInput) => Promise<void> } {
  const [add, setAdd] = useState<AddState>({ state: 'idle' });
  const busy = useRef(false);
  const addTo = useCallback(
    async (makeInput: () => AddInput) => {
      if (busy.current) return;
      busy.current = true;
      let input: AddInput | null = null;
      try {
        input = makeInput();
        setAdd({ state: 'adding', issue: input.issue });
        const flows = await session.flows();
        const outcome = await flows.linking.addToIssue({ ...input, github: flows.github(input.settings) });
        if (outcome.writeBack.ok) {
          setAdd({ state: 'idle' });
          onLinked(outcome.issue);
        } else setAdd({ state: 'writeback-failed', issue: outcome.issue, error: outcome.writeBack.error });
      } catch (e) {
        const issue = input?.issue;
        if (issue) setAdd({ state: 'failed', issue, error: toAgentError(e) });
        else setAdd({ state: 'idle' });
      } finally {
        busy.current = false;
      }
    },
    [session, onLinked],
  );
  return { add, addTo };
}

export type UnlinkState = { state: 'idle' } | { state: 'unlinking' } | { state: 'failed'; error: AgentError };

export function useUnlink(session: FlowsSource, onUnlinked: (link: TicketLink) => void): { unlink: UnlinkState; unlinkIt: (input: () => Omit<UnlinkArgs, 'github'>, settings: Settings) => Promise<void> } {
  const [unlink, setUnlink] = useState<UnlinkState>({ state: 'idle' });
  const busy = useRef(false);
  const unlinkIt = useCallback(
    async (makeInput: () => Omit<UnlinkArgs, 'github'>, settings: Settings) => {
      if (busy.current) return;
      busy.current = true;
      const retry = unlink.state === 'failed';
      setUnlink({ state: 'unlinking' });
      try {
        const input = makeInput();
        const flows = await session.flows();
        const outcome = await flows.linking.unlink({ ...input, retry, github: flows.github(settings) });
        if (outcome.writeBack.ok) {
          setUnlink({ state: 'idle' });
          onUnlinked(input.link);
        } else setUnlink({ state: 'failed', error: outcome.writeBack.error });
      } catch (e) {
        setUnlink({ state: 'failed', error: toAgentError(e) });
      } finally {
        busy.current = false;
      }
    },
    [session, onUnlinked, unlink.state],
  );
  return { unlink, unlinkIt };
}
