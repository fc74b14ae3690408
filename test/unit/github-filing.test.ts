// "Never twice": the filing orchestrator against the GitHub stand-in and the preview's Zendesk API, through the real
// Octokit + ZAF adapter. Every scenario ends by counting the issues that exist (and the notes on the ticket).
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { ticketMarker } from '../../src/core/links.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import type { FilingDecisions, IssueRequest, LinkedIssue, WriteBack } from '../../src/core/types/filing.ts';
import type { TicketLocation } from '../../src/core/types/ticket.ts';
import { createFilingOrchestrator, type FilingOrchestrator } from '../../src/flows/filing/orchestrator.ts';
import { inProcessLocks, type LockManagerLike } from '../../src/flows/filing/locks.ts';
import { recordKey } from '../../src/flows/filing/record.ts';
import type { FileTicketArgs } from '../../src/flows/filing/types.ts';
import { memoryStorage, type KeyValueStorage as FilingStorage } from '../../src/flows/storage.ts';
import { createGitHub, type GitHubService } from '../../src/github/index.ts';
import { loadTicketBundle } from '../../src/zendesk/ticket-source.ts';
import { FakeZafClient, SUBDOMAIN, TEST_TOKEN, makeBundle, newStandIn } from './github-fake-zaf.ts';
import { decisions } from './core-compose-fixture.ts';
import { rejection } from '../support/agent-error.ts';

// The first request of a file compiles the stand-in's OpenAPI validators; on a busy machine that alone can take
// seconds, so these tests get room (they are not timed assertions: budgets are measured by `npm run bench`).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const SILENT = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
let serial = 0;
const TICKET = 1234;
const LOCATION: TicketLocation = { subdomain: SUBDOMAIN, ticketId: TICKET };
const MARKER = ticketMarker(LOCATION);

function github(client: FakeZafClient, settings: Settings = DEFAULT_SETTINGS, timeoutMs?: number): GitHubService {
  const options: Parameters<typeof createGitHub>[2] = { timeUnitMs: 1, throttleId: `filing-${++serial}`, log: SILENT, pacing: false, access: client.access };
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  return createGitHub(client, settings, options);
}

/** Distribution, ce/p1, a request for help in the private tracker, every checklist item done. */
const DECISIONS: FilingDecisions = decisions();

function issueRequest(overrides: Partial<IssueRequest> = {}): IssueRequest {
  return {
    owner: 'sourcegraph',
    repo: 'customer',
    title: 'Acme Corp: Sourcegraph pods crash-loop after upgrade',
    body: `> Our Kubernetes deployment fails to start.\n\n${MARKER}`,
    labels: ['customer/acme-corp', 'rfh', 'ce/p1', 'team/distribution'],
    comments: [],
    marker: MARKER,
    ...overrides,
  };
}

const writeBack = (issue: LinkedIssue): WriteBack => ({
  ticket: {
    comment: { body: `Engage filed ${issue.url} (Distribution, ce/p1).`, public: false },
    additional_tags: ['rfh', 'rfh_team_distribution', 'rfh_priority_p1', `rfh_issue_${issue.number}`],
  },
});

interface World {
  client: FakeZafClient;
  gh: GitHubService;
  args: FileTicketArgs;
}

/** One "page": a client, a GitHub service, the ticket model as loaded when the panel opened. */
function page(options: { client?: FakeZafClient; request?: IssueRequest; timeoutMs?: number; settings?: Settings } = {}): World {
  const client = options.client ?? new FakeZafClient({ bundles: [makeBundle({ id: TICKET })] });
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const gh = github(client, settings, options.timeoutMs);
  const bundle = client.store.get(TICKET);
  if (!bundle) throw new Error('ticket missing from the store');
  return {
    client,
    gh,
    args: {
      client,
      github: gh,
      settings,
      location: LOCATION,
      model: buildTicketModel(structuredClone(bundle)),
      decisions: DECISIONS,
      request: options.request ?? issueRequest(),
      writeBack,
    },
  };
}

/** A second page (another tab, a reload, another agent) on the same servers. */
function samePlaceAs(world: World, extra: { timeoutMs?: number } = {}): World {
  const client = new FakeZafClient({ standIn: world.client.standIn });
  // Share the Zendesk side too: the new client must see the same live ticket.
  Object.defineProperty(client, 'store', { value: world.client.store });
  return page({ client, ...extra });
}

function orchestrator(storage: FilingStorage = memoryStorage(), locks: LockManagerLike = inProcessLocks(), settleMs = 600): FilingOrchestrator {
  return createFilingOrchestrator({ storage, locks, settleMs, afterNoAnswerMs: 150 });
}

/** A fault on the write-back only (it carries the internal note), not on filing's claim. */
const WRITE_BACK = { method: 'PUT', bodyMatch: '"comment"' };

const issues = (w: World) => w.client.standIn.listIssues('sourcegraph', 'customer').length;
const notes = (w: World) => (w.client.store.get(TICKET)?.comments ?? []).filter((c) => !c.public && c.body.startsWith('Engage filed')).length;
const githubCount = (w: World) => w.client.githubLog().length;
const zendeskCount = (w: World) => w.client.zendeskLog.length;


describe('filing: the happy path and its request budget', () => {
  it('files once and writes back: 3 requests from the click (claim, create, write-back) when access was checked on open', async () => {
    const w = page();
    // The form checks access when it opens (warning early about missing push access), with its own service.
    await github(w.client).checkAccess(DEFAULT_SETTINGS.privateRepo);
    const before = { gh: githubCount(w), zd: zendeskCount(w) };
    const steps: string[] = [];
    const outcome = await orchestrator().fileTicket({ ...w.args, onProgress: (s) => steps.push(s) });
    expect(outcome.created).toBe(true);
    expect(outcome.writeBack).toEqual({ ok: true });
    expect(outcome.issue).toMatchObject({ owner: 'sourcegraph', repo: 'customer', number: 1 });
    // The claim (a safe update of the ticket) stands in for the tracker lookup: nobody creates without one.
    expect(steps).toEqual(['claiming', 'creating', 'writing-back']);
    const requests = githubCount(w) - before.gh + (zendeskCount(w) - before.zd);
    expect(requests).toBe(3);
    expect(w.client.githubLog().slice(before.gh).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /repos/sourcegraph/customer/issues']);
    expect(w.client.zendeskLog.slice(before.zd).map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /api/v2/tickets/1234.json',
      'PUT /api/v2/tickets/1234.json',
    ]);
    expect(issues(w)).toBe(1);
    expect(notes(w)).toBe(1);
    const tags = w.client.store.get(TICKET)?.ticket.tags ?? [];
    expect(tags).toEqual(expect.arrayContaining(['rfh', 'rfh_issue_1']));
    // The write-back took the claim off with the link.
    expect(tags.filter((t) => t.startsWith('engage_filing_'))).toEqual([]);
  });

  it('without the earlier access check it costs one more (4), and overflow comments add one each', async () => {
    const w = page({ request: issueRequest({ comments: ['part 2', 'part 3'] }) });
    const outcome = await orchestrator().fileTicket(w.args);
    expect(outcome.created).toBe(true);
    expect(githubCount(w) + zendeskCount(w)).toBe(4 + 2);
    expect(w.client.standIn.storedIssues()[0]?.comment_list.map((c) => c.body)).toEqual(['part 2', 'part 3']);
  });
});

describe('never twice', () => {
  it('a double click (5 calls at once) joins one filing', async () => {
    const w = page();
    const o = orchestrator();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => o.fileTicket(w.args)));
    expect(new Set(outcomes.map((x) => x.issue.number))).toEqual(new Set([1]));
    expect(issues(w)).toBe(1);
    expect(notes(w)).toBe(1);
    expect(w.client.githubLog().filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('clicking again after it finished (the panel still shows the old ticket) makes no request', async () => {
    const w = page();
    const o = orchestrator();
    await o.fileTicket(w.args);
    const before = githubCount(w) + zendeskCount(w);
    const again = await o.fileTicket(w.args);
    expect(again).toEqual({ issue: expect.objectContaining({ number: 1 }), created: false, writeBack: { ok: true } });
    expect(githubCount(w) + zendeskCount(w)).toBe(before);
    expect(issues(w)).toBe(1);
  });

  it('a later visit sees the link on the ticket itself and makes no request', async () => {
    const w = page();
    await orchestrator().fileTicket(w.args);
    // The next visit: a fresh page, the ticket loaded again from Zendesk, nothing in this browser's storage.
    const later = samePlaceAs(w);
    const model = buildTicketModel(await loadTicketBundle(later.client, TICKET));
    const before = githubCount(later) + zendeskCount(later);
    const outcome = await orchestrator().fileTicket({ ...later.args, model });
    expect(outcome).toMatchObject({ created: false, writeBack: { ok: true }, issue: { number: 1, owner: 'sourcegraph', repo: 'customer' } });
    expect(githubCount(later) + zendeskCount(later)).toBe(before);
    expect(issues(w)).toBe(1);
    expect(notes(w)).toBe(1);
  });

  it('retry after a create that succeeded but answered 504 (commitThenFail): found, not filed again', async () => {
    const w = page();
    w.client.standIn.addFault({ method: 'POST', path: '/issues$', status: 504, commitThenFail: true });
    const o = orchestrator();
    const error = await rejection(o.fileTicket(w.args));
    expect(error.code).toBe('github_unavailable');
    expect(issues(w)).toBe(1);
    const outcome = await o.fileTicket(w.args);
    expect(outcome).toMatchObject({ created: false, writeBack: { ok: true }, issue: { number: 1 } });
    expect(issues(w)).toBe(1);
    expect(notes(w)).toBe(1);
  });

  it('retry after a create whose connection dropped after it landed: found at once, not filed again', async () => {
    const w = page();
    w.client.standIn.addFault({ method: 'POST', path: '/issues$', network: true, commitThenFail: true });
    const o = orchestrator();
    expect((await rejection(o.fileTicket(w.args))).code).toBe('network_down');
    const steps: string[] = [];
    const outcome = await o.fileTicket({ ...w.args, onProgress: (s) => steps.push(s) });
    expect(steps).toEqual(['looking-up', 'writing-back']);
    expect(outcome.created).toBe(false);
    expect(issues(w)).toBe(1);
    expect(notes(w)).toBe(1);
  });

  it('retry after a create whose connection dropped before it landed: waits its short window, looks again, files once', async () => {
    const w = page();
    w.client.standIn.addFault({ method: 'POST', path: '/issues$', network: true });
    const o = orchestrator();
    expect((await rejection(o.fileTicket(w.args))).code).toBe('network_down');
    expect(issues(w)).toBe(0);
    const steps: string[] = [];
    const outcome = await o.fileTicket({ ...w.args, onProgress: (s) => steps.push(s) });
    expect(steps).toEqual(['looking-up', 'waiting-for-earlier-attempt', 'looking-up', 'creating', 'writing-back']);
    expect(outcome.created).toBe(true);
    expect(issues(w)).toBe(1);
    expect(notes(w)).toBe(1);
  });

  it('a reload while the create is still held up on its way (slow proxy): the new page waits for it, files nothing', async () => {
    const w = page();
    const storage = memoryStorage();
    w.client.holdGitHub = (o) => (o.type === 'POST' ? 300 : 0);
    void orchestrator(storage).fileTicket(w.args).catch(() => undefined);
    while (!w.client.sent.some((o) => o.type === 'POST')) await new Promise((r) => setTimeout(r, 5));
    w.client.detach();
    const reloaded = samePlaceAs(w);
    const steps: string[] = [];
    const outcome = await orchestrator(storage).fileTicket({ ...reloaded.args, onProgress: (x) => steps.push(x) });
    expect(steps).toContain('waiting-for-earlier-attempt');
    expect(outcome).toMatchObject({ created: false, writeBack: { ok: true }, issue: { number: 1 } });
    expect(issues(w)).toBe(1);
    expect(notes(w)).toBe(1);
  });

  it('retry after a timeout whose create lands late (delayed commit): 5 rounds, never a duplicate', async () => {
    for (let round = 0; round < 5; round++) {
      const w = page({ timeoutMs: 80 });
      // The create is held 150 ms and committed (commitThenFail commits first, then answers late).
      w.client.standIn.addFault({ method: 'POST', path: '/issues$', delayMs: 150, status: 201, commitThenFail: true });
      const o = orchestrator();
      expect((await rejection(o.fileTicket(w.args))).params.timeout).toBe(1);
      const outcome = await o.fileTicket(w.args);
      expect(outcome.created).toBe(false);
      expect(issues(w)).toBe(1);
      expect(notes(w)).toBe(1);
    }
  });

  it('a create refused for good (422) is not waited for on the next try', async () => {
    const w = page();
    w.client.standIn.addFault({ method: 'POST', path: '/issues$', status: 422 });
    const storage = memoryStorage();
    const o = orchestrator(storage, inProcessLocks(), 60_000);
    expect((await rejection(o.fileTicket(w.args))).code).toBe('github_validation');
    expect(storage.getItem(recordKey(LOCATION, { owner: 'sourcegraph', repo: 'customer' }))).toBeNull();
    const steps: string[] = [];
    await o.fileTicket({ ...w.args, onProgress: (s) => steps.push(s) });
    expect(steps).not.toContain('waiting-for-earlier-attempt');
    expect(issues(w)).toBe(1);
  });

  it('a reload mid-filing (create in flight, page gone): the new page waits, finds it, writes back once', async () => {
    for (let round = 0; round < 3; round++) {
      const w = page();
      const storage = memoryStorage(); // localStorage survives the reload
      // The create is handled on arrival but answered 150 ms later: the reload happens before the answer.
      w.client.standIn.addFault({ method: 'POST', path: '/issues$', delayMs: 150 });
      const first = orchestrator(storage).fileTicket(w.args);
      void first.catch(() => undefined);
      // Reload once the create has left the browser (and before its answer is back).
      while (!w.client.sent.some((o) => o.type === 'POST')) await new Promise((r) => setTimeout(r, 5));
      w.client.detach(); // the page reloads: its pending answers never arrive
      const reloaded = samePlaceAs(w);
      const outcome = await orchestrator(storage).fileTicket(reloaded.args);
      expect(outcome.created).toBe(false);
      expect(outcome.writeBack).toEqual({ ok: true });
      expect(issues(w)).toBe(1);
      expect(notes(w)).toBe(1);
    }
  });

  it('two tabs of one browser at once (shared storage and Web Locks): one issue, one note', async () => {
    const a = page();
    const b = samePlaceAs(a);
    const storage = memoryStorage();
    const locks = inProcessLocks();
    const [x, y] = await Promise.all([orchestrator(storage, locks).fileTicket(a.args), orchestrator(storage, locks).fileTicket(b.args)]);
    expect(x.issue.number).toBe(1);
    expect(y.issue.number).toBe(1);
    expect([x.created, y.created].sort()).toEqual([false, true]);
    expect(issues(a)).toBe(1);
    expect(notes(a)).toBe(1);
    // The second tab needed no request at all: the first one's record told it.
    expect(b.client.githubLog().filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a second agent (other browser, stale ticket) a moment later: the lookup finds it, and no second note', async () => {
    const a = page();
    const b = samePlaceAs(a);
    await orchestrator().fileTicket(a.args);
    const outcome = await orchestrator().fileTicket(b.args);
    expect(outcome).toMatchObject({ created: false, writeBack: { ok: true }, issue: { number: 1 } });
    expect(issues(a)).toBe(1);
    expect(notes(a)).toBe(1);
  });

  it('a different tracker for the same ticket is a different issue (one per tracker)', async () => {
    const w = page();
    const o = orchestrator();
    await o.fileTicket(w.args);
    const pub = await o.fileTicket({ ...w.args, request: issueRequest({ repo: 'sourcegraph', labels: ['ce/p1'] }) });
    expect(pub).toMatchObject({ created: true, issue: { repo: 'sourcegraph', number: 1 } });
    expect(w.client.standIn.listIssues()).toHaveLength(2);
  });
});

describe('write-back failures keep the link and retry alone', () => {
  for (const status of [403, 409, 500]) {
    it(`Zendesk refuses the PUT (${status}): link kept, retryWriteBack redoes only the PUT`, async () => {
      const w = page();
      w.client.addZendeskFault({ ...WRITE_BACK, status });
      const o = orchestrator();
      const outcome = await o.fileTicket(w.args);
      expect(outcome.created).toBe(true);
      expect(outcome.issue.number).toBe(1);
      expect(outcome.writeBack.ok).toBe(false);
      if (!outcome.writeBack.ok) {
        expect(outcome.writeBack.error).toMatchObject({ code: 'zendesk_writeback_refused', params: { status } });
      }
      expect(notes(w)).toBe(0);
      const gh = githubCount(w);
      const retried = await o.retryWriteBack({ client: w.client, location: LOCATION, issue: outcome.issue, writeBack });
      expect(retried).toEqual({ issue: outcome.issue, created: false, writeBack: { ok: true } });
      expect(githubCount(w)).toBe(gh);
      expect(issues(w)).toBe(1);
      expect(notes(w)).toBe(1);
    });
  }

  it('a PUT that landed but whose answer was lost: the retry sees the tags and adds no second note', async () => {
    const w = page();
    w.client.addZendeskFault({ ...WRITE_BACK, status: 504, commitThenFail: true });
    const o = orchestrator();
    const outcome = await o.fileTicket(w.args);
    expect(outcome.writeBack.ok).toBe(false);
    expect(notes(w)).toBe(1);
    const retried = await o.retryWriteBack({ client: w.client, location: LOCATION, issue: outcome.issue, writeBack });
    expect(retried.writeBack).toEqual({ ok: true });
    expect(notes(w)).toBe(1);
    // The claim, then the one write-back (its retry read the tags and wrote nothing).
    expect(w.client.zendeskLog.filter((r) => r.method === 'PUT')).toHaveLength(2);
  });

  it('clicking File again instead of "retry write-back" also redoes only the write-back', async () => {
    const w = page();
    w.client.addZendeskFault({ ...WRITE_BACK, status: 500 });
    const o = orchestrator();
    await o.fileTicket(w.args);
    const gh = githubCount(w);
    const again = await o.fileTicket(w.args);
    expect(again).toMatchObject({ created: false, writeBack: { ok: true }, issue: { number: 1 } });
    expect(githubCount(w)).toBe(gh);
    expect(issues(w)).toBe(1);
    expect(notes(w)).toBe(1);
  });

  it('a double click on "retry write-back" writes one note', async () => {
    const w = page();
    w.client.addZendeskFault({ ...WRITE_BACK, status: 500 });
    const o = orchestrator();
    const outcome = await o.fileTicket(w.args);
    const args = { client: w.client, location: LOCATION, issue: outcome.issue, writeBack };
    await Promise.all([o.retryWriteBack(args), o.retryWriteBack(args), o.retryWriteBack(args)]);
    expect(notes(w)).toBe(1);
  });
});

describe('access and errors before anything is filed', () => {
  it('no push access: refused before filing (labels would be dropped), then filed once the admin fixes it', async () => {
    const w = page();
    w.client.standIn.setPermission('sourcegraph', 'customer', 'read');
    const o = orchestrator();
    const error = await rejection(o.fileTicket(w.args));
    expect(error).toMatchObject({ code: 'github_no_push', retryable: false, params: { repo: 'sourcegraph/customer', setting: 'private_repository' } });
    expect(issues(w)).toBe(0);
    w.client.standIn.setPermission('sourcegraph', 'customer', 'write');
    const outcome = await o.fileTicket(w.args);
    expect(outcome.created).toBe(true);
    expect(issues(w)).toBe(1);
  });

  it('filing without push when explicitly allowed looks up by search (labels are gone) and still files once', async () => {
    const w = page();
    w.client.standIn.setPermission('sourcegraph', 'customer', 'read');
    // The first agent files but its write-back fails and it goes away: the ticket keeps its claim, not its link.
    w.client.addZendeskFault({ ...WRITE_BACK, status: 500 });
    const o = orchestrator();
    await o.fileTicket({ ...w.args, allowWithoutPush: true });
    expect(w.client.standIn.storedIssues()[0]?.labels).toEqual([]);
    const other = samePlaceAs(w);
    // The next agent waits out the claim, takes over and looks the tracker up before creating.
    const again = await createFilingOrchestrator({ storage: memoryStorage(), locks: inProcessLocks(), claimTimeoutMs: 100, claimPollMs: 20 }).fileTicket({
      ...other.args,
      allowWithoutPush: true,
    });
    expect(again.created).toBe(false);
    expect(other.client.githubLog().some((r) => r.path === '/search/issues')).toBe(true);
    expect(issues(w)).toBe(1);
  });

  for (const [name, setup, code] of [
    ['bad token', (c: FakeZafClient) => void (c.token = 'ghp_wrong'), 'github_unauthorized'],
    ['rate limited for an hour', (c: FakeZafClient) => c.standIn.addFault({ method: 'GET', status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600) } }), 'github_rate_limited'],
    ['GitHub down', (c: FakeZafClient) => c.standIn.addFault({ method: 'GET', status: 503, times: 10 }), 'github_unavailable'],
    ['network down', (c: FakeZafClient) => c.standIn.addFault({ network: true, times: 10 }), 'network_down'],
  ] as const) {
    it(`${name} → ${code}, nothing filed, the retry files exactly once`, async () => {
      const client = new FakeZafClient({ bundles: [makeBundle({ id: TICKET })], standIn: newStandIn() });
      setup(client);
      const w = page({ client });
      const o = orchestrator();
      expect((await rejection(o.fileTicket(w.args))).code).toBe(code);
      expect(issues(w)).toBe(0);
      client.standIn.clearFaults();
      client.token = TEST_TOKEN; // the admin fixed the setting / GitHub and the network are back
      const outcome = await o.fileTicket(w.args);
      expect(outcome.created).toBe(true);
      expect(client.standIn.listIssues()).toHaveLength(1);
    });
  }

  it('a repository setting naming a missing repo → github_repo_not_found naming the setting', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, privateRepo: { owner: 'sourcegraph', repo: 'customers' } };
    const w = page({ settings, request: issueRequest({ repo: 'customers' }) });
    const error = await rejection(orchestrator().fileTicket(w.args));
    expect(error).toMatchObject({ code: 'github_repo_not_found', params: { repo: 'sourcegraph/customers', setting: 'private_repository' } });
  });
});

describe('overflow comments that fail', () => {
  it('the outcome says how many were posted; finishFollowUps posts the rest, in order', async () => {
    const w = page({ request: issueRequest({ comments: ['c1', 'c2', 'c3'] }) });
    w.client.standIn.addFault({ method: 'POST', path: '/comments$', status: 502 });
    const o = orchestrator();
    const outcome = await o.fileTicket(w.args);
    expect(outcome.followUps).toMatchObject({ posted: 0, total: 3, error: { code: 'github_unavailable' } });
    expect(outcome.writeBack).toEqual({ ok: true });
    const rest = await o.finishFollowUps({ github: w.gh, issue: outcome.issue, request: w.args.request, posted: outcome.followUps?.posted ?? 0 });
    expect(rest).toEqual({ posted: 3 });
    expect(w.client.standIn.storedIssues()[0]?.comment_list.map((c) => c.body)).toEqual(['c1', 'c2', 'c3']);
  });
});

describe('the persisted record', () => {
  it('survives garbage in storage and a storage that refuses writes', async () => {
    const w = page();
    const broken: FilingStorage = {
      getItem: () => '{not json',
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const outcome = await orchestrator(broken).fileTicket(w.args);
    expect(outcome.created).toBe(true);
    expect(issues(w)).toBe(1);
  });
});
