// Two agents, two browsers, one ticket: the claim (src/flows/filing/claim.ts) against the preview's Zendesk API
// (safe_update / 409 UpdateConflict) and the GitHub stand-in, on fake clocks. Every scenario ends by counting issues.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { ticketMarker } from '../../src/core/links.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import type { IssueRequest, LinkedIssue, WriteBack } from '../../src/core/types/filing.ts';
import type { TicketLocation } from '../../src/core/types/ticket.ts';
import { claimTag, claimTicket } from '../../src/flows/filing/claim.ts';
import { createFilingOrchestrator } from '../../src/flows/filing/orchestrator.ts';
import { inProcessLocks } from '../../src/flows/filing/locks.ts';
import type { FileTicketArgs, FilingStep } from '../../src/flows/filing/types.ts';
import { memoryStorage } from '../../src/flows/storage.ts';
import { createGitHub } from '../../src/github/index.ts';
import { FakeZafClient, SUBDOMAIN, makeBundle } from './github-fake-zaf.ts';
import { decisions } from './core-compose-fixture.ts';
import { rejection } from '../support/agent-error.ts';

vi.setConfig({ testTimeout: 30_000 });

const TICKET = 4321;
const LOCATION: TicketLocation = { subdomain: SUBDOMAIN, ticketId: TICKET };
const MARKER = ticketMarker(LOCATION);
const SILENT = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const TIMEOUT_MS = 90_000;
let serial = 0;

const request: IssueRequest = {
  owner: 'sourcegraph',
  repo: 'customer',
  title: 'Acme: pods crash-loop',
  body: `> It fails.\n\n${MARKER}`,
  labels: ['customer/acme-corp', 'rfh', 'ce/p1', 'team/distribution'],
  comments: [],
  marker: MARKER,
};
const writeBack = (issue: LinkedIssue): WriteBack => ({
  ticket: { comment: { body: `Engage filed ${issue.url}.`, public: false }, additional_tags: ['rfh', `rfh_issue_${issue.number}`] },
});

/** A clock that only moves when someone sleeps: each sleep jumps it, after a short real pause (so requests that are
 * really in flight, such as the other agent's create, can land while a waiting agent polls). */
function fakeClock(start = Date.parse('2026-12-01T09:00:00Z')) {
  const c = { t: start, slept: 0, onSleep: (_ms: number): void => {} };
  return {
    c,
    now: () => c.t,
    sleep: async (ms: number) => {
      await new Promise((r) => setTimeout(r, Math.min(ms, 20)));
      c.t += ms;
      c.slept += ms;
      c.onSleep(ms);
    },
  };
}

/** One agent's browser on the shared ticket (the Zendesk store and GitHub stand-in are `first`'s). */
function agent(first?: FakeZafClient) {
  const client = first ? new FakeZafClient({ standIn: first.standIn }) : new FakeZafClient({ bundles: [makeBundle({ id: TICKET })] });
  if (first) Object.defineProperty(client, 'store', { value: first.store });
  const clock = fakeClock();
  const steps: FilingStep[] = [];
  const gh = createGitHub(client, DEFAULT_SETTINGS, { timeUnitMs: 1, throttleId: `claim-${++serial}`, log: SILENT, pacing: false, access: client.access });
  const orchestrator = createFilingOrchestrator({
    storage: memoryStorage(),
    locks: inProcessLocks(),
    settleMs: 600,
    afterNoAnswerMs: 150,
    claimTimeoutMs: TIMEOUT_MS,
    claimPollMs: 2_000,
    now: clock.now,
    sleep: clock.sleep,
  });
  const args = (): FileTicketArgs => ({
    client,
    github: gh,
    settings: DEFAULT_SETTINGS,
    location: LOCATION,
    model: buildTicketModel(structuredClone(client.store.get(TICKET)!)),
    decisions: decisions(),
    request,
    writeBack,
    onProgress: (s) => steps.push(s),
  });
  return { client, clock, steps, orchestrator, args, file: (a = args()) => orchestrator.fileTicket(a) };
}

const issues = (c: FakeZafClient) => c.standIn.listIssues('sourcegraph', 'customer').length;
const tags = (c: FakeZafClient) => c.store.get(TICKET)!.ticket.tags;
const claims = (c: FakeZafClient) => tags(c).filter((t) => t.startsWith('engage_filing_'));
const notes = (c: FakeZafClient) => c.store.get(TICKET)!.comments.filter((x) => !x.public && x.body.startsWith('Engage filed')).length;

describe('two agents click File on the same ticket at the same moment', () => {
  it('10 rounds: exactly one issue, both see it; the loser sends nothing to GitHub and writes no note', async () => {
    for (let round = 0; round < 10; round++) {
      const a = agent();
      const b = agent(a.client);
      // Both panels loaded the same ticket; the create takes a while so the loser really has to wait.
      a.client.holdGitHub = (o) => (o.type === 'POST' ? 20 + round * 5 : 0);
      b.client.holdGitHub = a.client.holdGitHub;
      const [ma, mb] = [a.args(), b.args()];
      const [x, y] = await Promise.all([a.file(ma), b.file(mb)]);
      expect(x.issue.number).toBe(1);
      expect(y.issue.number).toBe(1);
      expect([x.created, y.created].sort()).toEqual([false, true]);
      expect(issues(a.client)).toBe(1);
      expect(notes(a.client)).toBe(1);
      expect(claims(a.client)).toEqual([]);
      const loser = x.created ? b : a;
      expect(loser.client.sent.filter((o) => o.type === 'POST' && /\/issues$/.test(o.url))).toHaveLength(0);
      expect(loser.steps).toContain('waiting-for-other-agent');
      expect(loser.steps).not.toContain('creating');
    }
  });
});

describe('a stale panel (someone else changed the ticket meanwhile)', () => {
  it('the 409 is not a rival: re-read, claim once more, file (5 requests)', async () => {
    const a = agent();
    const model = a.args();
    // A colleague's comment lands after the panel loaded the ticket.
    a.client.store.get(TICKET)!.ticket.updated_at = '2026-12-01T10:00:00Z';
    const outcome = await a.file(model);
    expect(outcome.created).toBe(true);
    expect(a.steps).toEqual(['claiming', 'claiming', 'creating', 'writing-back']);
    expect(a.client.zendeskLog.map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 409', 'GET 200', 'PUT 200', 'PUT 200']);
    expect(issues(a.client)).toBe(1);
    expect(claims(a.client)).toEqual([]);
  });

  it('a ticket that keeps changing: after the one retry, a clear error and nothing filed', async () => {
    const a = agent();
    const conflict = { error: 'UpdateConflict', description: 'Safe Update prevented the update due to outdated ticket data.' };
    a.client.addZendeskFault({ method: 'PUT', status: 409, body: conflict, times: 5 });
    const error = await rejection(a.file());
    expect(error).toMatchObject({ code: 'zendesk_claim_unsettled', retryable: true, params: { ticketId: TICKET } });
    expect(issues(a.client)).toBe(0);
    expect(a.client.zendeskLog.filter((r) => r.method === 'PUT')).toHaveLength(2);
  });
});

describe('a claim left by an agent whose browser closed mid-filing', () => {
  async function abandonClaim(first: ReturnType<typeof agent>): Promise<string> {
    // The claim lands, then the browser is gone before the create.
    const won = await claimTicket({
      client: first.client,
      settings: DEFAULT_SETTINGS,
      location: LOCATION,
      model: first.args().model,
      repo: { owner: 'sourcegraph', repo: 'customer' },
      tracker: 'private',
      clock: { now: first.clock.now, sleep: first.clock.sleep, claimTimeoutMs: TIMEOUT_MS, pollMs: 2_000 },
      onProgress: () => {},
    });
    expect(won.kind).toBe('won');
    return (won as { tag: string }).tag;
  }

  it('the next agent waits the bound (its own clock), takes over, looks up first, files once', async () => {
    const a = agent();
    const abandoned = await abandonClaim(a);
    const b = agent(a.client);
    const outcome = await b.file();
    expect(outcome.created).toBe(true);
    expect(b.clock.c.slept).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(b.clock.c.slept).toBeLessThanOrEqual(TIMEOUT_MS + 2_000);
    expect(b.steps.slice(-4)).toEqual(['claiming', 'looking-up', 'creating', 'writing-back']);
    expect(tags(a.client)).not.toContain(abandoned);
    expect(claims(a.client)).toEqual([]);
    expect(issues(a.client)).toBe(1);
    expect(notes(a.client)).toBe(1);
  });

  it('the vanished agent had created the issue (no write-back): the takeover finds it, never a duplicate', async () => {
    const a = agent();
    a.client.addZendeskFault({ method: 'PUT', bodyMatch: '"comment"', network: true });
    await a.file(); // created, write-back lost; the agent closes the browser
    expect(issues(a.client)).toBe(1);
    expect(claims(a.client)).toHaveLength(1);
    const b = agent(a.client);
    const outcome = await b.file();
    expect(outcome).toMatchObject({ created: false, issue: { number: 1 }, writeBack: { ok: true } });
    expect(issues(a.client)).toBe(1);
    expect(notes(a.client)).toBe(1);
    expect(claims(a.client)).toEqual([]);
  });

  it('a claim written long ago (beyond the bound and any clock skew) is taken over at once', async () => {
    const a = agent();
    const old = claimTag('private', a.clock.now() - 3 * 3_600_000, 'deadbeef');
    a.client.store.get(TICKET)!.ticket.tags.push(old);
    const b = agent(a.client);
    const outcome = await b.file();
    expect(outcome.created).toBe(true);
    expect(b.clock.c.slept).toBe(0);
    expect(tags(a.client)).not.toContain(old);
    expect(issues(a.client)).toBe(1);
  });

  it('a winner whose create was refused gives the claim back: the waiting agent files at once', async () => {
    const a = agent();
    const b = agent(a.client);
    a.client.standIn.addFault({ method: 'POST', path: '/issues$', status: 422 });
    a.client.holdGitHub = (o) => (o.type === 'POST' ? 30 : 0);
    const [x, y] = await Promise.allSettled([a.file(a.args()), b.file(b.args())]);
    const outcomes = [x, y].filter((r) => r.status === 'fulfilled');
    expect(outcomes).toHaveLength(1);
    expect(issues(a.client)).toBe(1);
    expect(claims(a.client)).toEqual([]);
    expect(b.clock.c.slept).toBeLessThan(TIMEOUT_MS);
  });
});

describe('two claims within the same second (Zendesk stamps have whole seconds)', () => {
  it('the later claim sees the earlier one in Zendesk\u2019s answer, gives way and shows its link', async () => {
    const a = agent();
    const b = agent(a.client);
    const model = b.args();
    // A rival claim landed in the same second as the ticket's last change: the stamp still matches.
    const rival = claimTag('private', a.clock.now(), 'feedface');
    a.client.store.get(TICKET)!.ticket.tags.push(rival);
    // The rival finishes while b waits.
    b.clock.c.onSleep = () => {
      const t = a.client.store.get(TICKET)!.ticket;
      if (!t.tags.includes('rfh_issue_7')) t.tags = [...t.tags.filter((x) => x !== rival), 'rfh', 'rfh_issue_7'];
    };
    const outcome = await b.file(model);
    expect(outcome).toMatchObject({ created: false, issue: { number: 7 } });
    expect(issues(a.client)).toBe(0);
    expect(claims(a.client)).toEqual([]);
  });
});
