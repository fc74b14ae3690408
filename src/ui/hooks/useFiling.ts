// Filing, from the click to the link: loads the GitHub use cases on first use (a lazy chunk: Octokit and the filing
// logic never weigh on the first paint), files through the session's orchestrator (which never files twice for a
// ticket), and keeps the outcome. A second click while a filing runs does nothing, whatever React has rendered by then.
// Before the click, `useAccessCheck` asks GitHub whether the token may push to the tracker, in the background once
// the form is up: the agent is warned before filing, and the click finds the answer remembered (one request less).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GitHubService } from '../../github/index.ts';
import type { FileTicketArgs, FilingStep, RetryWriteBackArgs } from '../../flows/filing/types.ts';
import type { FlowsSource } from '../../flows/flows.ts';
import type { RepoRef, Settings } from '../../core/settings.ts';
import type { FilingDecisions, IssueRequest, LinkedIssue } from '../../core/types/filing.ts';
import type { AgentError } from '../../errors/agent-error.ts';
import { toAgentError } from '../../errors/to-agent-error.ts';

export type WriteBackStatus = { state: 'ok' } | { state: 'failed'; error: AgentError } | { state: 'retrying' };

export type { FilingStep };

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
      /** The title and labels sent: for a new issue, what its card shows without asking GitHub again. */
      sent: { title: string; labels: string[] };
      /** The body overflowed into follow-up comments and not all of them were posted. */
      followUps?: { posted: number; total: number; error: AgentError; retrying?: boolean };
      /** Labels GitHub dropped (push access lost since the remembered check): the agent adds them by hand. */
      labelsDropped?: string[];
    };

/** What a filing needs from the panel; the hook adds the GitHub service and the progress callback. */
export type FilingInput = Omit<FileTicketArgs, 'github' | 'onProgress' | 'allowWithoutPush'>;

export interface FilingHandle {
  filing: FilingState;
  /** Post the follow-up comments that did not make it (the issue exists; only the rest of the conversation is missing). */
  finishFollowUps: () => Promise<void>;
  file: (input: () => FilingInput) => Promise<void>;
  retryWriteBack: (args: Omit<RetryWriteBackArgs, 'onProgress'>) => Promise<void>;
}

export function useFiling(session: Pick<FlowsSource, 'flows'>, onFiled: (issue: LinkedIssue) => void): FilingHandle {
  const [filing, setFiling] = useState<FilingState>({ state: 'idle' });
  const busy = useRef(false);
  const done = useRef(false);
  const latest = useRef(filing);
  latest.current = filing;
  const last = useRef<{ github: GitHubService; request: IssueRequest } | null>(null);

  const file = useCallback(
    async (makeInput: () => FilingInput) => {
      if (busy.current || done.current) return;
      busy.current = true;
      setFiling({ state: 'filing', step: null });
      try {
        const input = makeInput();
        const flows = await session.flows();
        const github = flows.github(input.settings);
        last.current = { github, request: input.request };
        const outcome = await flows.filing.fileTicket({
          ...input,
          github,
          onProgress: (step) => setFiling((f) => (f.state === 'filing' ? { state: 'filing', step } : f)),
        });
        done.current = true;
        // The agent has seen the new issue as it is: the next visit's "new since you last looked" starts here.
        flows.conversation.markSeen(input.location, outcome.issue, 'open', new Date(), input.request.comments.length);
        onFiled(outcome.issue);
        setFiling({
          state: 'filed',
          issue: outcome.issue,
          created: outcome.created,
          writeBack: outcome.writeBack.ok ? { state: 'ok' } : { state: 'failed', error: outcome.writeBack.error },
          decisions: input.decisions,
          sent: { title: input.request.title, labels: input.request.labels },
          ...(outcome.followUps ? { followUps: outcome.followUps } : {}),
          ...(outcome.labelsDropped?.length ? { labelsDropped: outcome.labelsDropped } : {}),
        });
      } catch (e) {
        setFiling({ state: 'failed', error: toAgentError(e) });
      } finally {
        busy.current = false;
      }
    },
    [onFiled, session],
  );

  const retryWriteBack = useCallback(async (args: Parameters<FilingHandle['retryWriteBack']>[0]) => {
    setFiling((f) => (f.state === 'filed' ? { ...f, writeBack: { state: 'retrying' } } : f));
    let status: WriteBackStatus;
    try {
      const { filing } = await session.flows();
      const outcome = await filing.retryWriteBack(args);
      status = outcome.writeBack.ok ? { state: 'ok' } : { state: 'failed', error: outcome.writeBack.error };
    } catch (e) {
      status = { state: 'failed', error: toAgentError(e, 'zendesk_writeback_refused') };
    }
    setFiling((f) => (f.state === 'filed' ? { ...f, writeBack: status } : f));
  }, [session]);

  const finishFollowUps = useCallback(async () => {
    const current = last.current;
    const f = latest.current;
    if (!current || f.state !== 'filed' || !f.followUps || f.followUps.retrying) return;
    setFiling((g) => (g.state === 'filed' && g.followUps ? { ...g, followUps: { ...g.followUps, retrying: true } } : g));
    const { posted, total } = f.followUps;
    const issue = f.issue;
    let next: { posted: number; total: number; error: AgentError } | undefined;
    try {
      const { filing } = await session.flows();
      const result = await filing.finishFollowUps({ github: current.github, issue, request: current.request, posted });
      const now = posted + result.posted;
      next = result.error ? { posted: now, total, error: result.error } : undefined;
    } catch (e) {
      next = { posted, total, error: toAgentError(e) };
    }
    setFiling((g) => {
      if (g.state !== 'filed') return g;
      const { followUps: _old, ...rest } = g;
      return next ? { ...rest, followUps: next } : rest;
    });
  }, [session]);

  return { filing, file, retryWriteBack, finishFollowUps };
}

/** What the background access check found for the tracker the draft files into. */
export type AccessState =
  | { state: 'unknown' }
  | { state: 'push' }
  | { state: 'no-push' }
  | { state: 'failed'; error: AgentError };

/** Run `task` when the page is idle (the first paint and the work area's own rendering go first). */
function whenIdle(task: () => void): () => void {
  const w = globalThis as {
    requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (typeof w.requestIdleCallback === 'function' && typeof w.cancelIdleCallback === 'function') {
    const id = w.requestIdleCallback(task, { timeout: 1000 });
    return () => w.cancelIdleCallback?.(id);
  }
  const timer = setTimeout(task, 0);
  return () => clearTimeout(timer);
}

/**
 * Check in the background whether the token can push to `repo` (the GitHub chunk loads here, lazily, after the
 * work area is up). The answer is the opening's (flows/opening.ts), asked once per open and shared with the notice
 * at the top. The session's GitHub use cases remember a positive answer for a few minutes, so the File click's
 * own check costs no request; a negative answer or an error is not trusted by the click, which asks again and
 * reports properly. `enabled` false (nothing to file to GitHub, or already filed) checks nothing.
 */
export function useAccessCheck(args: { session: FlowsSource; settings: Settings; repo: RepoRef; enabled: boolean }): AccessState {
  const { session, enabled } = args;
  const { client } = session;
  const { owner, repo } = args.repo;
  const apiUrl = args.settings.githubApiUrl;
  // The latest settings for the service, without re-checking whenever their object changes: only the API URL and
  // the repository decide the answer.
  const settings = useRef(args.settings);
  settings.current = args.settings;
  const [result, setResult] = useState<{ for: unknown[]; access: AccessState } | null>(null);
  const current = [client, apiUrl, owner, repo];

  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    const asked = [client, apiUrl, owner, repo];
    const cancel = whenIdle(() => {
      void (async () => {
        let access: AccessState;
        try {
          const flows = await session.flows();
          // The opening's answer, shared with the notice at the top of the panel: one request per open.
          const { push } = await flows.opening.access(settings.current, { owner, repo });
          access = push ? { state: 'push' } : { state: 'no-push' };
        } catch (e) {
          access = { state: 'failed', error: toAgentError(e) };
        }
        if (live) setResult({ for: asked, access });
      })();
    });
    return () => {
      live = false;
      cancel();
    };
  }, [session, client, apiUrl, owner, repo, enabled]);

  // An answer for another repository (the agent switched tracker) or other settings is no answer.
  if (!enabled || !result || result.for.some((v, i) => v !== current[i])) return { state: 'unknown' };
  return result.access;
}
