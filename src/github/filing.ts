// Filing orchestration: one ticket → one issue per tracker, whatever happens (double click, two tabs, two agents,
// a reload mid-filing, a retry after a timeout whose request did succeed), then the write-back to the ticket.
//
// The order, each step cheaper and more local than the next:
//   (a) the ticket's own link (tags / linked-issue field) on the loaded model — no request;
//   (b) this browser's record of a filing for the ticket (localStorage) — no request;
//   (c) the tracker, looked up for the ticket's visible marker (a consistent listing, see index.ts) — 1 request;
//   (d) create — 1 request (+ overflow comments);
//   (e) the write-back — 1 request.
// So a first filing costs 3 requests from the click to the link (access is checked when the form opens and
// remembered), and a retried write-back costs only the write-back.
//
// Serialisation: one in-flight promise per ticket+tracker (a double click joins it), the Web Locks API across tabs of
// the same browser (an in-process lock where the API is missing), and the persisted record so a reload or a retry
// after "no answer" that finds nothing waits for the earlier create's window to pass and looks once more.
//
// Limit: two agents in two different browsers clicking within the same second can both pass step (c) before either
// create lands; nothing on GitHub's side can serialise that without an extra round trip. The later one then sees the
// link on its next visit, and the duplicate carries the same marker, so it is easy to spot and close.
import { findLinkedIssue, trackerOf } from '../core/links.ts';
import type { RepoRef, Settings } from '../core/settings.ts';
import type {
  FilingDecisions,
  IssueRequest,
  LinkedIssue,
  TicketLocation,
  TicketModel,
  WriteBack,
} from '../core/types.ts';
import { applyWriteBack } from '../zendesk/write-back.ts';
import { zendeskCall } from '../zendesk/request.ts';
import type { ZafClient } from '../zendesk/zaf.ts';
import { type AgentError, agentError, classifyGitHubError, isAgentError, toPlain } from './errors.ts';
import type { GitHubService } from './index.ts';
import { DEFAULT_GITHUB_TIMEOUT_MS } from './zaf-fetch.ts';

export type WriteBackResult = { ok: true } | { ok: false; error: AgentError };

export interface FilingOutcome {
  issue: LinkedIssue;
  /** true only when THIS call created the issue. */
  created: boolean;
  writeBack: WriteBackResult;
  /** Present when the body overflowed into follow-up comments and not all of them could be posted. */
  followUps?: { posted: number; total: number; error: AgentError };
  /**
   * Labels GitHub dropped on the create: the token lost push access after the remembered check (within its few
   * minutes). The issue exists without them; the agent adds them by hand once access is back.
   */
  labelsDropped?: string[];
}

/** What the sidebar can show while filing runs. */
export type FilingStep = 'waiting-for-earlier-attempt' | 'looking-up' | 'creating' | 'writing-back';

export interface FileTicketArgs {
  client: ZafClient;
  github: GitHubService;
  settings: Settings;
  location: TicketLocation;
  model: TicketModel;
  decisions: FilingDecisions;
  request: IssueRequest;
  writeBack: (issue: LinkedIssue) => WriteBack;
  /** File even though the token cannot push (GitHub then drops the labels). Default false: refuse with github_no_push. */
  allowWithoutPush?: boolean;
  onProgress?: (step: FilingStep) => void;
}

export interface RetryWriteBackArgs {
  client: ZafClient;
  location: TicketLocation;
  issue: LinkedIssue;
  writeBack: (issue: LinkedIssue) => WriteBack;
  onProgress?: (step: FilingStep) => void;
}

export interface FinishFollowUpsArgs {
  github: GitHubService;
  issue: LinkedIssue;
  request: IssueRequest;
  /** How many of `request.comments` are already on the issue (`FilingOutcome.followUps.posted`). */
  posted: number;
}

/** The subset of `Storage` the orchestrator needs (localStorage, or anything with the same three methods). */
export interface FilingStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The subset of the Web Locks API (`navigator.locks`) the orchestrator needs. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface FilingOrchestratorOptions {
  /** Where the "filing in progress" record lives; default localStorage, else memory (lost on reload). */
  storage?: FilingStorage | null;
  /** Cross-tab lock; default `navigator.locks`, else an in-process lock. */
  locks?: LockManagerLike | null;
  /**
   * How long after a create was sent it may still land on GitHub when no answer came back (the client timeout plus
   * a margin): a reload within that window that finds nothing waits for the rest of it and looks once more.
   */
  settleMs?: number;
  /** After a create failed without an answer (dropped connection, timeout): how much longer it may still land. */
  afterNoAnswerMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface FilingOrchestrator {
  fileTicket(args: FileTicketArgs): Promise<FilingOutcome>;
  retryWriteBack(args: RetryWriteBackArgs): Promise<FilingOutcome>;
  finishFollowUps(args: FinishFollowUpsArgs): Promise<{ posted: number; error?: AgentError }>;
}

// ---------------------------------------------------------------------------------------------------------------
// The persisted record
// ---------------------------------------------------------------------------------------------------------------

interface FilingRecord {
  v: 1;
  owner: string;
  repo: string;
  /** creating: a create was sent (it may have landed); created: the issue exists, write-back pending; done: both. */
  phase: 'creating' | 'created' | 'done';
  /** For `creating`: until when the create may still land. */
  settleAt?: number;
  issue?: LinkedIssue;
  updatedAt: number;
}

/** A done record only spares a second tab with a stale ticket a duplicate write-back; a day is plenty. */
const DONE_RECORD_TTL_MS = 24 * 60 * 60_000;
/** A creating/created record older than this is from an abandoned session; the lookup covers it anyway. */
const STALE_RECORD_TTL_MS = 7 * 24 * 60 * 60_000;

function repoKey(repo: RepoRef): string {
  return `${repo.owner}/${repo.repo}`.toLowerCase();
}

export function lockName(location: TicketLocation): string {
  return `engage-file-${location.subdomain}-${location.ticketId}`;
}

export function recordKey(location: TicketLocation, repo: RepoRef): string {
  return `engage-filing-${location.subdomain}-${location.ticketId}-${repoKey(repo)}`;
}

function isLink(v: unknown): v is LinkedIssue {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.owner === 'string' && typeof o.repo === 'string' && typeof o.number === 'number' && typeof o.url === 'string';
}

class RecordStore {
  constructor(
    private readonly storage: FilingStorage,
    private readonly now: () => number,
  ) {}

  read(location: TicketLocation, repo: RepoRef): FilingRecord | null {
    const key = recordKey(location, repo);
    let raw: string | null;
    try {
      raw = this.storage.getItem(key);
    } catch {
      return null;
    }
    if (raw === null) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      this.remove(location, repo);
      return null;
    }
    const r = parsed as Partial<FilingRecord>;
    const valid =
      r.v === 1 &&
      (r.phase === 'creating' || r.phase === 'created' || r.phase === 'done') &&
      typeof r.updatedAt === 'number' &&
      (r.phase === 'creating' || isLink(r.issue));
    const age = this.now() - (r.updatedAt ?? 0);
    if (!valid || age > (r.phase === 'done' ? DONE_RECORD_TTL_MS : STALE_RECORD_TTL_MS)) {
      this.remove(location, repo);
      return null;
    }
    return r as FilingRecord;
  }

  write(location: TicketLocation, repo: RepoRef, record: Omit<FilingRecord, 'v' | 'owner' | 'repo' | 'updatedAt'>): void {
    const full: FilingRecord = { v: 1, owner: repo.owner, repo: repo.repo, updatedAt: this.now(), ...record };
    try {
      this.storage.setItem(recordKey(location, repo), JSON.stringify(full));
    } catch {
      // Storage full or refused: the lookup before create still protects against duplicates.
    }
  }

  remove(location: TicketLocation, repo: RepoRef): void {
    try {
      this.storage.removeItem(recordKey(location, repo));
    } catch {
      // Nothing to do: see write().
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Defaults for the browser
// ---------------------------------------------------------------------------------------------------------------

export function memoryStorage(): FilingStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

function defaultStorage(): FilingStorage {
  try {
    // Reading `localStorage` throws in sandboxed iframes and with storage blocked: fall back to memory.
    const ls = (globalThis as { localStorage?: FilingStorage }).localStorage;
    if (ls) {
      const probe = 'engage-storage-probe';
      ls.setItem(probe, '1');
      ls.removeItem(probe);
      return ls;
    }
  } catch {
    // fall through
  }
  return memoryStorage();
}

/** A lock manager for one JavaScript realm: callbacks with the same name run one after another, in call order. */
export function inProcessLocks(): LockManagerLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(
        () => callback(),
        () => callback(),
      );
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      tails.set(name, tail);
      void tail.then(() => {
        if (tails.get(name) === tail) tails.delete(name);
      });
      return run;
    },
  };
}

function defaultLocks(): LockManagerLike {
  const locks = (globalThis as { navigator?: { locks?: { request: (name: string, cb: () => Promise<unknown>) => Promise<unknown> } } })
    .navigator?.locks;
  if (locks && typeof locks.request === 'function') {
    return {
      request: <T>(name: string, callback: () => Promise<T>) => locks.request(name, callback) as Promise<T>,
    };
  }
  return inProcessLocks();
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------------
// The orchestrator
// ---------------------------------------------------------------------------------------------------------------

/** Error codes after which the create certainly did not happen (GitHub answered and refused). */
const NOT_CREATED: ReadonlySet<AgentError['code']> = new Set([
  'github_unauthorized',
  'github_no_push',
  'github_repo_not_found',
  'github_validation',
  'github_rate_limited',
]);

export function createFilingOrchestrator(options: FilingOrchestratorOptions = {}): FilingOrchestrator {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const records = new RecordStore(options.storage ?? defaultStorage(), now);
  const locks = options.locks ?? defaultLocks();
  const settleMs = options.settleMs ?? DEFAULT_GITHUB_TIMEOUT_MS + 5_000;
  const afterNoAnswerMs = options.afterNoAnswerMs ?? 3_000;
  const inFlight = new Map<string, Promise<FilingOutcome>>();

  function once(key: string, run: () => Promise<FilingOutcome>): Promise<FilingOutcome> {
    const existing = inFlight.get(key);
    if (existing) return existing;
    const promise = run().finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  }

  /** True when the ticket already carries every tag of the write-back (an earlier PUT did land). */
  async function alreadyWrittenBack(client: ZafClient, ticketId: number, wb: WriteBack): Promise<boolean> {
    try {
      const { body } = await zendeskCall(client, { url: `/api/v2/tickets/${ticketId}/tags.json`, type: 'GET' });
      const tags = typeof body === 'object' && body !== null ? (body as { tags?: unknown }).tags : undefined;
      if (!Array.isArray(tags)) return false;
      return wb.ticket.additional_tags.length > 0 && wb.ticket.additional_tags.every((t) => tags.includes(t));
    } catch {
      // Could not tell: write back (a duplicated internal note is better than a missing link).
      return false;
    }
  }

  async function writeBackStep(
    client: ZafClient,
    location: TicketLocation,
    repo: RepoRef,
    issue: LinkedIssue,
    compose: (issue: LinkedIssue) => WriteBack,
    checkFirst = false,
  ): Promise<WriteBackResult> {
    let wb: WriteBack;
    try {
      wb = compose(issue);
    } catch (e) {
      // A bug in composing the note must not lose the link: report it as a failed write-back, retryable.
      return { ok: false, error: toPlain(agentError('unknown', { status: 0, message: e instanceof Error ? e.message : String(e) }, true)) };
    }
    // When the issue was found rather than created here, someone (another agent, an earlier attempt whose answer was
    // lost) may have written back already: one GET spares the ticket a second note.
    if (checkFirst && (await alreadyWrittenBack(client, location.ticketId, wb))) {
      records.write(location, repo, { phase: 'done', issue });
      return { ok: true };
    }
    try {
      await applyWriteBack(client, location.ticketId, wb);
    } catch (e) {
      const error = isAgentError(e) ? toPlain(e) : toPlain(agentError('unknown', { status: 0, message: String(e) }, true));
      return { ok: false, error };
    }
    records.write(location, repo, { phase: 'done', issue });
    return { ok: true };
  }

  async function file(args: FileTicketArgs): Promise<FilingOutcome> {
    const { client, github, settings, location, model, request } = args;
    const repo: RepoRef = { owner: request.owner, repo: request.repo };
    const progress = args.onProgress ?? (() => {});

    // (a) The ticket's own link for this tracker (one issue per tracker: a private link does not stop a public filing).
    const linked = findLinkedIssue(model, settings, trackerOf(repo, settings));
    if (linked && repoKey(linked) === repoKey(repo)) {
      return { issue: linked, created: false, writeBack: { ok: true } };
    }

    // (b) This browser's record.
    const record = records.read(location, repo);
    if (record?.phase === 'done' && record.issue) {
      return { issue: record.issue, created: false, writeBack: { ok: true } };
    }
    if (record?.phase === 'created' && record.issue) {
      progress('writing-back');
      const writeBack = await writeBackStep(client, location, repo, record.issue, args.writeBack, true);
      return { issue: record.issue, created: false, writeBack };
    }

    // Labels make the issue findable (and are the handbook's rule): without push access GitHub drops them.
    const { push } = await github.checkAccess(repo);
    if (!push && !args.allowWithoutPush) {
      const setting = repoKey(repo) === repoKey(settings.publicRepo) ? 'public_repository' : 'private_repository';
      throw agentError('github_no_push', { repo: `${repo.owner}/${repo.repo}`, setting }, false);
    }

    // (c) The tracker.
    progress('looking-up');
    const customerLabel = request.labels.find((l) => l.startsWith(settings.labels.customerPrefix));
    const findOptions: { customerLabel?: string; labelsApplied: boolean } = { labelsApplied: push };
    if (customerLabel) findOptions.customerLabel = customerLabel;
    let found = await github.findByMarker(repo, request.marker, findOptions);
    // An earlier create whose answer never came (a reload mid-filing, a timeout) may still be on its way: when it is
    // not there yet, wait out its window and look once more. Usually it has landed and this costs nothing.
    if (!found && record?.phase === 'creating' && record.settleAt !== undefined && record.settleAt > now()) {
      progress('waiting-for-earlier-attempt');
      await sleep(record.settleAt - now());
      progress('looking-up');
      found = await github.findByMarker(repo, request.marker, findOptions);
    }
    if (found) {
      records.write(location, repo, { phase: 'created', issue: found });
      progress('writing-back');
      const writeBack = await writeBackStep(client, location, repo, found, args.writeBack, true);
      return { issue: found, created: false, writeBack };
    }

    // (d) Create.
    progress('creating');
    records.write(location, repo, { phase: 'creating', settleAt: now() + settleMs });
    let created: Awaited<ReturnType<GitHubService['createIssue']>>;
    try {
      created = await github.createIssue(request);
    } catch (e) {
      const error = classifyGitHubError(e, { repo });
      if (NOT_CREATED.has(error.code)) {
        records.remove(location, repo);
      } else if (error.code === 'network_down') {
        // No answer: it may have landed, or still be on its way for a moment.
        records.write(location, repo, { phase: 'creating', settleAt: now() + afterNoAnswerMs });
      } else {
        // GitHub (or the proxy) answered: the request is over, whether it landed or not; nothing to wait for.
        records.write(location, repo, { phase: 'creating', settleAt: now() });
      }
      throw error;
    }
    const issue: LinkedIssue = { owner: created.owner, repo: created.repo, number: created.number, url: created.url };
    records.write(location, repo, { phase: 'created', issue });

    // (e) Write back.
    progress('writing-back');
    const writeBack = await writeBackStep(client, location, repo, issue, args.writeBack);
    const outcome: FilingOutcome = { issue, created: true, writeBack };
    if (created.commentsError) {
      outcome.followUps = { posted: created.commentsPosted, total: request.comments.length, error: created.commentsError };
    }
    if (created.labelsDropped?.length) outcome.labelsDropped = created.labelsDropped;
    return outcome;
  }

  return {
    fileTicket(args) {
      const repo: RepoRef = { owner: args.request.owner, repo: args.request.repo };
      const key = `file ${recordKey(args.location, repo)}`;
      return once(key, () =>
        locks.request(lockName(args.location), () =>
          // Whatever goes wrong reaches the UI as an AgentError (a bug becomes `unknown`, never a raw TypeError).
          file(args).catch((e: unknown) => {
            throw classifyGitHubError(e, { repo });
          }),
        ),
      );
    },

    retryWriteBack(args) {
      const { client, location, issue } = args;
      const repo: RepoRef = { owner: issue.owner, repo: issue.repo };
      const key = `writeback ${recordKey(location, repo)}`;
      return once(key, () =>
        locks.request(lockName(location), async (): Promise<FilingOutcome> => {
          const record = records.read(location, repo);
          // Another tab may have done it already.
          if (record?.phase === 'done' && record.issue?.number === issue.number) {
            return { issue, created: false, writeBack: { ok: true } };
          }
          args.onProgress?.('writing-back');
          // A PUT whose answer was lost may have landed: checked first, so the ticket never gets a second note.
          const writeBack = await writeBackStep(client, location, repo, issue, args.writeBack, true);
          return { issue, created: false, writeBack };
        }).catch((e: unknown) => {
          throw classifyGitHubError(e, { repo });
        }),
      );
    },

    finishFollowUps(args) {
      return args.github.addComments(args.issue, args.request.comments.slice(Math.max(0, args.posted)));
    },
  };
}

let shared: FilingOrchestrator | null = null;

function sharedOrchestrator(): FilingOrchestrator {
  shared ??= createFilingOrchestrator();
  return shared;
}

/** File the ticket (see the top of this file). Rejects with an AgentError; a failed write-back resolves with
 * `writeBack.ok === false` and the link, and `retryWriteBack` redoes only the write-back. */
export function fileTicket(args: FileTicketArgs): Promise<FilingOutcome> {
  return sharedOrchestrator().fileTicket(args);
}

export function retryWriteBack(args: RetryWriteBackArgs): Promise<FilingOutcome> {
  return sharedOrchestrator().retryWriteBack(args);
}

export function finishFollowUps(args: FinishFollowUpsArgs): Promise<{ posted: number; error?: AgentError }> {
  return sharedOrchestrator().finishFollowUps(args);
}
