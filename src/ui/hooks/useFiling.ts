// Filing, from the click to the link: loads the GitHub code on first use (a lazy chunk: Octokit and the filing
// logic never weigh on the first paint), files through H5's `fileTicket` (which never files twice for a ticket),
// and keeps the outcome. A second click while a filing runs does nothing, whatever React has rendered by then.
import { useCallback, useRef, useState } from 'react';
import type { Settings } from '../../core/settings.ts';
import type { FilingDecisions, IssueRequest, LinkedIssue, TicketLocation, TicketModel, WriteBack } from '../../core/types.ts';
import type { ZafClient } from '../../zendesk/zaf.ts';
import type { AgentError } from '../../github/errors.ts';
import { toAgentError } from './useTicketData.ts';

export type WriteBackStatus = { state: 'ok' } | { state: 'failed'; error: AgentError } | { state: 'retrying' };

export type FilingStep = 'waiting-for-earlier-attempt' | 'looking-up' | 'creating' | 'writing-back';

export type FilingState =
  | { state: 'idle' }
  | { state: 'filing'; step: FilingStep | null }
  | { state: 'failed'; error: AgentError }
  | {
      state: 'filed';
      issue: LinkedIssue;
      created: boolean;
      writeBack: WriteBackStatus;
      decisions: FilingDecisions;
      /** The body overflowed into follow-up comments and not all of them were posted. */
      followUps?: { posted: number; total: number; error: AgentError };
    };

export interface FilingInput {
  client: ZafClient;
  settings: Settings;
  location: TicketLocation;
  model: TicketModel;
  decisions: FilingDecisions;
  request: IssueRequest;
  writeBack: (issue: LinkedIssue) => WriteBack;
}

export interface FilingHandle {
  filing: FilingState;
  file: (input: () => FilingInput) => Promise<void>;
  retryWriteBack: (args: {
    client: ZafClient;
    location: TicketLocation;
    issue: LinkedIssue;
    writeBack: (issue: LinkedIssue) => WriteBack;
  }) => Promise<void>;
}

export function useFiling(onFiled: (issue: LinkedIssue) => void): FilingHandle {
  const [filing, setFiling] = useState<FilingState>({ state: 'idle' });
  const busy = useRef(false);
  const done = useRef(false);

  const file = useCallback(
    async (makeInput: () => FilingInput) => {
      if (busy.current || done.current) return;
      busy.current = true;
      setFiling({ state: 'filing', step: null });
      try {
        const input = makeInput();
        const [{ createGitHub }, { fileTicket }] = await Promise.all([
          import('../../github/index.ts'),
          import('../../github/filing.ts'),
        ]);
        const github = createGitHub(input.client, input.settings);
        const outcome = await fileTicket({
          ...input,
          github,
          onProgress: (step) => setFiling((f) => (f.state === 'filing' ? { state: 'filing', step } : f)),
        });
        done.current = true;
        onFiled(outcome.issue);
        setFiling({
          state: 'filed',
          issue: outcome.issue,
          created: outcome.created,
          writeBack: outcome.writeBack.ok ? { state: 'ok' } : { state: 'failed', error: outcome.writeBack.error },
          decisions: input.decisions,
          ...(outcome.followUps ? { followUps: outcome.followUps } : {}),
        });
      } catch (e) {
        setFiling({ state: 'failed', error: toAgentError(e) });
      } finally {
        busy.current = false;
      }
    },
    [onFiled],
  );

  const retryWriteBack = useCallback(async (args: Parameters<FilingHandle['retryWriteBack']>[0]) => {
    setFiling((f) => (f.state === 'filed' ? { ...f, writeBack: { state: 'retrying' } } : f));
    let status: WriteBackStatus;
    try {
      const filing = await import('../../github/filing.ts');
      const outcome = await filing.retryWriteBack(args);
      status = outcome.writeBack.ok ? { state: 'ok' } : { state: 'failed', error: outcome.writeBack.error };
    } catch (e) {
      status = { state: 'failed', error: toAgentError(e, 'zendesk_writeback_refused') };
    }
    setFiling((f) => (f.state === 'filed' ? { ...f, writeBack: status } : f));
  }, []);

  return { filing, file, retryWriteBack };
}
