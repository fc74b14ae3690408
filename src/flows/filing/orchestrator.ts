// Filing that never files twice for a ticket, whatever happens: a double click joins the filing in flight, the
// tabs of one browser take turns through a lock, and the persisted record lets a reload (or a retry after a lost
// answer) wait for the earlier create's window and look once more before creating.
//
// Two agents in two different browsers are serialised by Zendesk itself: each filing first claims the ticket with a
// safe update (claim.ts), which only one of them wins; the other shows the winner's link once it is on the ticket.
import type { RepoRef } from '../../core/settings.ts';
import type { TicketLocation } from '../../core/types/ticket.ts';
import type { AgentError } from '../../errors/agent-error.ts';
import { classifyGitHubError } from '../../github/errors.ts';
import { DEFAULT_GITHUB_TIMEOUT_MS } from '../../github/zaf-fetch.ts';
import { browserStorage, memoryStorage, type KeyValueStorage } from '../storage.ts';
import { fileTicketSteps, type FilingClock } from './file-ticket.ts';
import { browserLocks, type LockManagerLike } from './locks.ts';
import { OwnClaims } from './own-claims.ts';
import { lockName, RecordStore, recordKey } from './record.ts';
import { ZENDESK_TIMEOUT_MS } from '../../zendesk/request.ts';
import type { FileTicketArgs, FilingOutcome, FinishFollowUpsArgs, RetryWriteBackArgs } from './types.ts';
import { writeBackStep } from './write-back.ts';
import { createInFlight } from '../in-flight.ts';

export interface FilingOrchestratorOptions {
  /** Where the filing record lives; default localStorage, else memory (lost on reload). */
  storage?: KeyValueStorage | null;
  /** Cross-tab lock; default `navigator.locks` where allowed, else an in-page lock. */
  locks?: LockManagerLike | null;
  /** See FilingClock: default the GitHub client's timeout plus a margin, and 3 s. */
  settleMs?: number;
  afterNoAnswerMs?: number;
  /** See ClaimClock: default the create's window plus a minute for the write-back, and 2 s. */
  claimTimeoutMs?: number;
  claimPollMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface FilingOrchestrator {
  /** File the ticket. Rejects with an AgentError; a failed write-back resolves with `writeBack.ok === false` and the
   * link, and `retryWriteBack` redoes only the write-back. */
  fileTicket(args: FileTicketArgs): Promise<FilingOutcome>;
  retryWriteBack(args: RetryWriteBackArgs): Promise<FilingOutcome>;
  /** Post the overflow comments a failure left out (the issue exists; only the rest of the conversation is missing). */
  finishFollowUps(args: FinishFollowUpsArgs): Promise<{ posted: number; error?: AgentError }>;
  /** The record store, for the panel's "filed from this browser" link. */
  readonly records: RecordStore;
  /**
   * Whether this browser is filing the ticket in that tracker or has done so: a filing started since the panel
   * loaded (running, waiting for another agent's link, or ended: its own steps report on it), a claim of its own
   * standing, or a record. The opening's lost-link lookup must not take
   * such an issue for a lost one.
   */
  busyWith(location: TicketLocation, repo: RepoRef): boolean;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createFilingOrchestrator(options: FilingOrchestratorOptions = {}): FilingOrchestrator {
  const settleMs = options.settleMs ?? DEFAULT_GITHUB_TIMEOUT_MS + 5_000;
  const clock: FilingClock = {
    now: options.now ?? Date.now,
    sleep: options.sleep ?? realSleep,
    settleMs,
    afterNoAnswerMs: options.afterNoAnswerMs ?? 3_000,
    claimTimeoutMs: options.claimTimeoutMs ?? settleMs + ZENDESK_TIMEOUT_MS + 30_000,
    pollMs: options.claimPollMs ?? 2_000,
  };
  const storage = options.storage ?? browserStorage() ?? memoryStorage();
  const records = new RecordStore(storage, clock.now);
  const owned = new OwnClaims(storage);
  const locks = options.locks ?? browserLocks();
  // A second call for the same work while the first runs (a double click) joins it.
  const once = createInFlight<FilingOutcome>().run;
  const running = new Set<string>();

  return {
    records,

    busyWith(location, repo) {
      return running.has(recordKey(location, repo)) || owned.read(location, repo) !== null || records.read(location, repo) !== null;
    },

    fileTicket(args) {
      const repo: RepoRef = { owner: args.request.owner, repo: args.request.repo };
      const key = recordKey(args.location, repo);
      running.add(key);
      return once(`file ${key}`, () =>
        locks.request(lockName(args.location), () =>
          // Whatever goes wrong reaches the UI as an AgentError (a bug becomes `unknown`, never a raw TypeError).
          fileTicketSteps(records, owned, clock, args).catch((e: unknown) => {
            throw classifyGitHubError(e, { repo });
          }),
        ),
      );
    },

    retryWriteBack(args) {
      const { client, location, issue } = args;
      const repo: RepoRef = { owner: issue.owner, repo: issue.repo };
      return once(`writeback ${recordKey(location, repo)}`, () =>
        locks
          .request(lockName(location), async (): Promise<FilingOutcome> => {
            const record = records.read(location, repo);
            // Another tab may have done it already.
            if (record?.phase === 'done' && record.issue?.number === issue.number) {
              return { issue, created: false, writeBack: { ok: true } };
            }
            args.onProgress?.('writing-back');
            // A PUT whose answer was lost may have landed: checked first, so the ticket never gets a second note.
            const claim = owned.read(location, repo);
            const removeTags = claim ? [claim.tag] : [];
            const writeBack = await writeBackStep(records, { client, location, repo, issue, compose: args.writeBack, checkFirst: true, removeTags });
            if (writeBack.ok) owned.remove(location, repo);
            return { issue, created: false, writeBack };
          })
          .catch((e: unknown) => {
            throw classifyGitHubError(e, { repo });
          }),
      );
    },

    finishFollowUps(args) {
      return args.github.addComments(args.issue, args.request.comments.slice(Math.max(0, args.posted)));
    },
  };
}
