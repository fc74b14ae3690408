// Fault injection: GitHub-shaped failures, delays, dropped connections, and "it did succeed but the
// client saw an error" — plus the request log drills count with.
import { beforeAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkFault, createGitHubStandIn, type GitHubStandIn, type StandInResponse } from '../../preview/github/standin.ts';
import { standInCaller, type StandInCaller } from '../../preview/github/test-client.ts';
import { loadSpec } from '../../preview/github/spec.ts';

// Compiling GitHub's schemas is the slow part of a first request: do it once, outside any test's time limit.
beforeAll(() => loadSpec().compileAll(), 120_000);

const TOKEN = 'ghp_faults';
const ISSUES = '/repos/sourcegraph/customer/issues';
let standIn: GitHubStandIn;
let gh: StandInCaller;
const message = (res: StandInResponse): string => (res.body as { message: string }).message;

beforeEach(() => {
  standIn = createGitHubStandIn({ acceptedTokens: [TOKEN], htmlBaseUrl: 'http://localhost:4567/github' });
  gh = standInCaller(standIn, TOKEN);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('status faults with GitHub’s bodies', () => {
  it('401 Bad credentials', async () => {
    standIn.addFault({ status: 401 });
    const res = await gh.get('/user');
    expect(res.status).toBe(401);
    expect(message(res)).toBe('Bad credentials');
  });

  it('403 without push access', async () => {
    standIn.addFault({ method: 'POST', path: '/issues$', status: 403 });
    const res = await gh.post(ISSUES, { title: 'x' });
    expect(res.status).toBe(403);
    expect(message(res)).toBe('Must have admin rights to Repository.');
    expect(res.headers['retry-after']).toBeUndefined();
  });

  it('403 secondary rate limit: retry-after and the words Octokit’s throttling plugin looks for', async () => {
    standIn.addFault({ status: 403, headers: { 'Retry-After': '2' } });
    const res = await gh.post(ISSUES, { title: 'x' });
    expect(res.status).toBe(403);
    expect(res.headers['retry-after']).toBe('2');
    expect(message(res)).toMatch(/secondary rate limit/);
    expect((res.body as { documentation_url: string }).documentation_url).toContain('secondary-rate-limits');
  });

  it('403 primary rate limit when the fault says x-ratelimit-remaining: 0', async () => {
    standIn.addFault({ status: 403, headers: { 'x-ratelimit-remaining': '0' } });
    const res = await gh.get('/search/issues', { q: 'x is:issue' });
    expect(message(res)).toMatch(/^API rate limit exceeded for user ID 5001\./);
    expect(res.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(res.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
  });

  it('429 with a default retry-after of 60 seconds', async () => {
    standIn.addFault({ status: 429 });
    const res = await gh.get('/user');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('60');
    expect(message(res)).toMatch(/secondary rate limit/);
  });

  it.each([
    [404, 'Not Found'],
    [500, 'Server Error'],
    [502, 'Server Error'],
    [503, 'Service Unavailable'],
  ])('%i %s', async (status, text) => {
    standIn.addFault({ status });
    const res = await gh.get('/repos/sourcegraph/customer');
    expect(res.status).toBe(status);
    expect(message(res)).toBe(text);
    expect(res.headers['x-ratelimit-limit']).toBe('5000');
  });

  it('422 Validation Failed with an errors array', async () => {
    standIn.addFault({ status: 422 });
    const res = await gh.post(ISSUES, { title: 'x' });
    expect(res.body).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'Issue', code: expect.any(String) }] });
  });

  it('takes the rule’s own body and headers when given', async () => {
    standIn.addFault({ status: 500, body: { message: 'custom' }, headers: { 'X-Custom': 'yes' } });
    const res = await gh.get('/user');
    expect(res.body).toEqual({ message: 'custom' });
    expect(res.headers['x-custom']).toBe('yes');
  });
});

describe('matching and counting', () => {
  it('applies once by default, then GitHub answers normally', async () => {
    standIn.addFault({ status: 502 });
    expect((await gh.get('/user')).status).toBe(502);
    expect((await gh.get('/user')).status).toBe(200);
  });

  it('applies `times` times', async () => {
    standIn.addFault({ status: 503, times: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await gh.get('/user')).status);
    expect(statuses).toEqual([503, 503, 503, 200]);
  });

  it('matches method and path (a RegExp source) before counting down', async () => {
    standIn.addFault({ method: 'post', path: '^/repos/[^/]+/[^/]+/issues$', status: 500 });
    expect((await gh.get(ISSUES)).status).toBe(200);
    expect((await gh.post(`${ISSUES}`, { title: 'x' })).status).toBe(500);
    expect((await gh.post(`${ISSUES}`, { title: 'x' })).status).toBe(201);
  });

  it('clearFaults() removes pending rules', async () => {
    standIn.addFault({ status: 500, times: 10 });
    standIn.clearFaults();
    expect((await gh.get('/user')).status).toBe(200);
  });

  it('does not change state when it answers instead of GitHub', async () => {
    standIn.addFault({ method: 'POST', status: 500 });
    await gh.post(ISSUES, { title: 'x' });
    expect(standIn.listIssues()).toHaveLength(0);
  });
});

describe('commitThenFail: the request succeeded but the client saw an error', () => {
  it('creates the issue, then answers with the fault status', async () => {
    standIn.addFault({ method: 'POST', path: '/issues$', status: 502, commitThenFail: true });
    const res = await gh.post(ISSUES, { title: 'did it happen?' });
    expect(res.status).toBe(502);
    expect(standIn.listIssues()).toHaveLength(1);
  });

  it('without a status answers GitHub’s 504 timeout', async () => {
    standIn.addFault({ method: 'POST', commitThenFail: true });
    const res = await gh.post(ISSUES, { title: 'x' });
    expect(res.status).toBe(504);
    expect(message(res)).toMatch(/couldn't respond to your request in time/);
    expect(standIn.listIssues()).toHaveLength(1);
  });

  it('with a success status gives the real answer (late, with delayMs)', async () => {
    standIn.addFault({ method: 'POST', status: 201, commitThenFail: true });
    const res = await gh.post(ISSUES, { title: 'late but fine' });
    expect(res.status).toBe(201);
    expect((res.body as { title: string }).title).toBe('late but fine');
  });

  it('gives the real error when the operation itself fails', async () => {
    standIn.addFault({ method: 'POST', status: 502, commitThenFail: true });
    const res = await gh.post(ISSUES, { body: 'no title' });
    expect(res.status).toBe(422);
    expect(standIn.listIssues()).toHaveLength(0);
  });

  it('with network: true creates the issue, then drops the connection', async () => {
    standIn.addFault({ method: 'POST', commitThenFail: true, network: true });
    await expect(gh.post(ISSUES, { title: 'x' })).rejects.toBeInstanceOf(NetworkFault);
    expect(standIn.listIssues()).toHaveLength(1);
  });
});

describe('network and delay', () => {
  it('network: true rejects with NetworkFault and changes nothing', async () => {
    standIn.addFault({ network: true });
    const err = await gh.post(ISSUES, { title: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkFault);
    expect(err).toBeInstanceOf(Error);
    expect(standIn.listIssues()).toHaveLength(0);
  });

  it('delayMs holds the answer back, then answers normally', async () => {
    vi.useFakeTimers();
    standIn.addFault({ delayMs: 5_000 });
    let settled = false;
    const pending = gh.get('/user').then((res) => {
      settled = true;
      return res;
    });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(200);
  });

  it('delayMs alone handles the request on arrival: a client that gives up has still filed the issue', async () => {
    vi.useFakeTimers();
    standIn.addFault({ method: 'POST', delayMs: 30_000 });
    const pending = gh.post(ISSUES, { title: 'slow answer' });
    await vi.advanceTimersByTimeAsync(0);
    expect(standIn.listIssues()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect((await pending).status).toBe(201);
  });

  it('commitThenFail with delayMs: filed at once, the failure comes after the wait', async () => {
    vi.useFakeTimers();
    standIn.addFault({ method: 'POST', delayMs: 10_000, status: 502, commitThenFail: true });
    let settled = false;
    const pending = gh.post(ISSUES, { title: 'x' }).then((res) => {
      settled = true;
      return res;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(standIn.listIssues()).toHaveLength(1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await pending).status).toBe(502);
  });

  it('delayMs with a status waits, then fails', async () => {
    vi.useFakeTimers();
    standIn.addFault({ delayMs: 1_000, status: 503 });
    const pending = gh.get('/user');
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await pending).status).toBe(503);
  });
});

describe('requestLog', () => {
  it('records method, path (without query) and status of every request, faults included (network = 0)', async () => {
    await gh.post(ISSUES, { title: 'x' });
    await gh.get('/search/issues', { q: 'x is:issue' });
    standIn.addFault({ network: true });
    await gh.get('/user').catch(() => undefined);
    standIn.addFault({ status: 500 });
    await gh.get(`${ISSUES}/1?per_page=1`);
    await gh.get('/nope');
    expect(standIn.requestLog()).toEqual([
      { method: 'POST', path: ISSUES, status: 201 },
      { method: 'GET', path: '/search/issues', status: 200 },
      { method: 'GET', path: '/user', status: 0 },
      { method: 'GET', path: `${ISSUES}/1`, status: 500 },
      { method: 'GET', path: '/nope', status: 404 },
    ]);
  });

  it('internal reads (the preview inspecting state) neither meet faults nor appear in the log', async () => {
    standIn.addFault({ status: 500 });
    const res = await standIn.handle(
      { method: 'GET', path: '/user', query: new URLSearchParams(), headers: { authorization: `Bearer ${TOKEN}` }, body: undefined },
      { internal: true },
    );
    expect(res.status).toBe(200);
    expect(standIn.requestLog()).toEqual([]);
    expect((await gh.get('/user')).status).toBe(500);
  });

  it('returns a copy', async () => {
    await gh.get('/user');
    standIn.requestLog().pop();
    expect(standIn.requestLog()).toHaveLength(1);
  });
});
