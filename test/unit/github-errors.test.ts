// Each failure class, produced by the stand-in's fault injection and travelling the real path (stand-in → "proxy" →
// ZAF done/fail shapes → fetch adapter → Octokit + throttling + retry plugins → classifier): what the agent is told,
// whether it is retried automatically, and how many requests that took.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import type { IssueRequest } from '../../src/core/types/filing.ts';
import { AgentFailure, isAgentError, type AgentError } from '../../src/errors/agent-error.ts';
import { classifyGitHubError, rateLimitWait } from '../../src/github/errors.ts';
import { createGitHub, type GitHubService } from '../../src/github/index.ts';
import { FakeZafClient } from './github-fake-zaf.ts';

// The first request of a file compiles the stand-in's OpenAPI validators; on a busy machine that alone can take
// seconds, so these tests get room (they are not timed assertions: budgets are measured by `npm run bench`).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const SILENT = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
let serial = 0;

function service(client: FakeZafClient, extra: { timeoutMs?: number; onRateLimitWait?: (s: number) => void } = {}): GitHubService {
  return createGitHub(client, DEFAULT_SETTINGS, { timeUnitMs: 1, throttleId: `err-${++serial}`, log: SILENT, pacing: false, ...extra });
}

const PRIVATE = DEFAULT_SETTINGS.privateRepo;
const REQUEST: IssueRequest = {
  owner: 'sourcegraph',
  repo: 'customer',
  title: 'Acme Corp: pods crash-loop',
  body: 'Body\n\nZendesk ticket engage-test#1234',
  labels: ['customer/acme-corp', 'rfh'],
  comments: [],
  marker: 'Zendesk ticket engage-test#1234',
};

async function rejection(p: Promise<unknown>): Promise<AgentError> {
  try {
    await p;
  } catch (e) {
    expect(isAgentError(e)).toBe(true);
    expect(e).toBeInstanceOf(AgentFailure);
    return e as AgentError;
  }
  throw new Error('expected a rejection');
}

const statuses = (client: FakeZafClient, method: string) =>
  client.githubLog().filter((r) => r.method === method).map((r) => r.status);

describe('rate limits (throttling plugin: one automatic retry when the advised wait is ≤ 60 s)', () => {
  it('primary (403, x-ratelimit-remaining 0, reset in 2 s) is waited out once, then succeeds', async () => {
    const client = new FakeZafClient();
    const waits: number[] = [];
    const reset = String(Math.ceil(Date.now() / 1000) + 2);
    client.standIn.addFault({ method: 'GET', status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } });
    expect(await service(client, { onRateLimitWait: (s) => waits.push(s) }).checkAccess(PRIVATE)).toEqual({ push: true });
    expect(statuses(client, 'GET')).toEqual([403, 200]);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(1);
    expect(waits[0]).toBeLessThanOrEqual(4);
  });

  it('primary with the reset an hour away → github_rate_limited with retryAfterSeconds, no retry', async () => {
    const client = new FakeZafClient();
    const reset = String(Math.ceil(Date.now() / 1000) + 3600);
    client.standIn.addFault({ method: 'POST', status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } });
    const error = await rejection(service(client).createIssue(REQUEST));
    expect(error.code).toBe('github_rate_limited');
    expect(error.retryable).toBe(true);
    expect(error.params.kind).toBe('primary');
    expect(error.retryAfterSeconds).toBeGreaterThan(3590);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(3602);
    expect(error.params.seconds).toBe(error.retryAfterSeconds);
    expect(statuses(client, 'POST')).toEqual([403]);
    expect(client.standIn.listIssues()).toHaveLength(0);
  });

  it('secondary (403 + retry-after 30) on create: the POST was refused, so one retry is safe and files once', async () => {
    const client = new FakeZafClient();
    client.standIn.addFault({ method: 'POST', status: 403, headers: { 'retry-after': '30' } });
    const created = await service(client).createIssue(REQUEST);
    expect(created.number).toBe(1);
    expect(statuses(client, 'POST')).toEqual([403, 201]);
    expect(client.standIn.listIssues()).toHaveLength(1);
  });

  it('secondary 429 with retry-after 120 → github_rate_limited, 120 s, no retry', async () => {
    const client = new FakeZafClient();
    client.standIn.addFault({ method: 'GET', status: 429, headers: { 'retry-after': '120' } });
    const error = await rejection(service(client).checkAccess(PRIVATE));
    expect(error).toMatchObject({ code: 'github_rate_limited', retryAfterSeconds: 120, params: { seconds: 120, kind: 'secondary' } });
    expect(statuses(client, 'GET')).toEqual([429]);
  });

  it('the automatic wait has a configurable ceiling (0 = always tell the agent)', async () => {
    const client = new FakeZafClient();
    client.standIn.addFault({ method: 'GET', status: 429, headers: { 'retry-after': '5' } });
    const gh = createGitHub(client, DEFAULT_SETTINGS, { timeUnitMs: 1, throttleId: `err-${++serial}`, log: SILENT, pacing: false, maxAutoWaitSeconds: 0 });
    expect(await rejection(gh.checkAccess(PRIVATE))).toMatchObject({ code: 'github_rate_limited', retryAfterSeconds: 5 });
    expect(statuses(client, 'GET')).toEqual([429]);
  });

  it('a short limit that hits again after the retry is surfaced, not retried forever', async () => {
    const client = new FakeZafClient();
    client.standIn.addFault({ method: 'GET', status: 429, headers: { 'retry-after': '5' }, times: 5 });
    const error = await rejection(service(client).checkAccess(PRIVATE));
    expect(error).toMatchObject({ code: 'github_rate_limited', retryAfterSeconds: 5 });
    expect(statuses(client, 'GET')).toEqual([429, 429]);
  });

  it('a host that drops failure headers: the message still tells a secondary limit (60 s by GitHub’s guidance)', async () => {
    const client = new FakeZafClient({ failHeaders: false });
    client.standIn.addFault({ method: 'GET', status: 429, headers: { 'retry-after': '5' }, times: 5 });
    const error = await rejection(service(client).checkAccess(PRIVATE));
    expect(error).toMatchObject({ code: 'github_rate_limited', retryAfterSeconds: 60, params: { kind: 'secondary' } });
  });
});

describe('GitHub down (retry plugin: idempotent calls only)', () => {
  for (const status of [500, 502, 503]) {
    it(`a passing ${status} on a GET is retried and succeeds`, async () => {
      const client = new FakeZafClient();
      client.standIn.addFault({ method: 'GET', status });
      expect(await service(client).checkAccess(PRIVATE)).toEqual({ push: true });
      expect(statuses(client, 'GET')).toEqual([status, 200]);
    });

    it(`${status} on the create is NOT retried (not idempotent) → github_unavailable, retryable`, async () => {
      const client = new FakeZafClient();
      client.standIn.addFault({ method: 'POST', status });
      const error = await rejection(service(client).createIssue(REQUEST));
      expect(error).toMatchObject({ code: 'github_unavailable', retryable: true, params: { status } });
      expect(statuses(client, 'POST')).toEqual([status]);
      expect(client.standIn.listIssues()).toHaveLength(0);
    });
  }

  it('a lasting outage: GET tried 3 times in all, then github_unavailable', async () => {
    const client = new FakeZafClient();
    client.standIn.addFault({ method: 'GET', status: 503, times: 10 });
    const error = await rejection(service(client).checkAccess(PRIVATE));
    expect(error.code).toBe('github_unavailable');
    expect(statuses(client, 'GET')).toEqual([503, 503, 503]);
  });
});

describe('network down', () => {
  it('a dropped connection on a GET is retried', async () => {
    const client = new FakeZafClient();
    client.standIn.addFault({ method: 'GET', network: true });
    expect(await service(client).checkAccess(PRIVATE)).toEqual({ push: true });
    expect(statuses(client, 'GET')).toEqual([0, 200]);
  });

  it('a dropped connection on the create → network_down (GitHub), once, not a 500', async () => {
    const client = new FakeZafClient();
    client.standIn.addFault({ method: 'POST', network: true });
    const error = await rejection(service(client).createIssue(REQUEST));
    expect(error).toMatchObject({ code: 'network_down', retryable: true, params: { service: 'GitHub', timeout: 0 } });
    expect(statuses(client, 'POST')).toEqual([0]);
  });

  it('an answer that comes after the client gave up → network_down with timeout, and the issue did get filed', async () => {
    const client = new FakeZafClient();
    client.standIn.addFault({ method: 'POST', delayMs: 300, status: 201, commitThenFail: true });
    const error = await rejection(service(client, { timeoutMs: 100 }).createIssue(REQUEST));
    expect(error).toMatchObject({ code: 'network_down', params: { service: 'GitHub', timeout: 1 } });
    await new Promise((r) => setTimeout(r, 400));
    // Why filing must look up before it creates again:
    expect(client.standIn.listIssues()).toHaveLength(1);
  });
});

describe('classifyGitHubError', () => {
  const http = (status: number, data: unknown, headers: Record<string, string> = {}) =>
    Object.assign(new Error('x'), { status, response: { status, headers, data, url: '' } });

  it('maps each status to its code with the repository and its setting', () => {
    const ctx = { repo: PRIVATE, repoSetting: 'private_repository', apiUrl: 'https://api.github.com' };
    expect(classifyGitHubError(http(401, { message: 'Bad credentials' }), ctx)).toMatchObject({ code: 'github_unauthorized', retryable: false });
    expect(classifyGitHubError(http(403, { message: 'Must have admin rights to Repository.' }), ctx)).toMatchObject({
      code: 'github_no_push',
      params: { repo: 'sourcegraph/customer', setting: 'private_repository' },
    });
    expect(classifyGitHubError(http(404, { message: 'Not Found' }), ctx)).toMatchObject({
      code: 'github_repo_not_found',
      params: { repo: 'sourcegraph/customer', setting: 'private_repository' },
    });
    expect(classifyGitHubError(http(410, { message: 'Issues are disabled for this repo' }), ctx).code).toBe('github_repo_not_found');
    expect(classifyGitHubError(http(422, { message: 'Validation Failed', errors: [{ field: 'labels', code: 'invalid' }] }), ctx)).toMatchObject({
      code: 'github_validation',
      params: { field: 'labels', code: 'invalid' },
    });
    expect(classifyGitHubError(http(422, { message: 'Validation Failed', errors: ['title is too long'] }), ctx)).toMatchObject({
      code: 'github_validation',
      params: { field: '', message: 'title is too long' },
    });
    expect(classifyGitHubError(http(504, {}), ctx)).toMatchObject({ code: 'github_unavailable', retryable: true, params: { status: 504 } });
    expect(classifyGitHubError(http(418, { message: 'teapot' }), ctx)).toMatchObject({ code: 'unknown', params: { status: 418 } });
    expect(classifyGitHubError(new TypeError('boom'), ctx)).toMatchObject({ code: 'unknown', params: { message: 'boom' } });
  });

  it('a refusal by Zendesk’s proxy is not taken for GitHub’s answer', () => {
    const e = classifyGitHubError(http(403, { error: 'DomainNotAllowed', description: 'ghe.example.com is not in the domainWhitelist' }), { repo: PRIVATE });
    expect(e).toMatchObject({ code: 'unknown', retryable: false, params: { status: 403 } });
    expect(String(e.params.message)).toContain('ghe.example.com is not in the domainWhitelist');
  });

  it('keeps an AgentError as it is, and serialises to the plain shape', () => {
    const e = classifyGitHubError(http(429, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '7' }));
    expect(classifyGitHubError(e)).toBe(e);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ code: 'github_rate_limited', params: { seconds: 7, kind: 'secondary' }, retryable: true, retryAfterSeconds: 7 });
  });

  it('rateLimitWait reads primary and secondary limits', () => {
    const now = 1_700_000_000_000;
    expect(rateLimitWait(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 30) }, 'API rate limit exceeded', now)).toEqual({ seconds: 31, kind: 'primary' });
    expect(rateLimitWait(403, {}, 'You have exceeded a secondary rate limit.', now)).toEqual({ seconds: 60, kind: 'secondary' });
    expect(rateLimitWait(403, {}, 'API rate limit exceeded for user ID 1.', now)).toEqual({ seconds: 60, kind: 'primary' });
    expect(rateLimitWait(403, { 'x-ratelimit-remaining': '12' }, 'Resource not accessible by personal access token', now)).toBeNull();
    expect(rateLimitWait(500, { 'retry-after': '5' }, '', now)).toBeNull();
  });

  it('isAgentError accepts the plain shape and rejects look-alikes', () => {
    expect(isAgentError({ code: 'network_down', params: {}, retryable: true })).toBe(true);
    expect(isAgentError({ code: 'nope', params: {}, retryable: true })).toBe(false);
    expect(isAgentError({ code: 'unknown', retryable: true })).toBe(false);
    expect(isAgentError(null)).toBe(false);
    expect(isAgentError(new Error('x'))).toBe(false);
  });
});
