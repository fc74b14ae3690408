// Contract tests of every GitHub call Engage makes (repos/get, issues list/create/get, comments, search), through the
// real Octokit + plugins + ZAF fetch adapter, against the preview's OpenAPI-validating GitHub stand-in: the stand-in
// refuses (400/422) anything GitHub's description would not accept, and checks its own answers against it.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import type { IssueRequest } from '../../src/core/types/filing.ts';
import { ticketMarker } from '../../src/core/links.ts';
import { containsMarker, createGitHub, type GitHubService } from '../../src/github/index.ts';
import { GITHUB_AUTHORIZATION } from '../../src/github/zaf-fetch.ts';
import { FakeZafClient, TEST_TOKEN } from './github-fake-zaf.ts';
import { rejection } from '../support/agent-error.ts';

// The first request of a file compiles the stand-in's OpenAPI validators; on a busy machine that alone can take
// seconds, so these tests get room (they are not timed assertions: budgets are measured by `npm run bench`).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let serial = 0;
export const SILENT = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function service(client: FakeZafClient, settings: Settings = DEFAULT_SETTINGS, extra: { timeoutMs?: number; onRateLimitWait?: (s: number) => void } = {}): GitHubService {
  // timeUnitMs 1: the real plugins run, their advised waits and back-offs in milliseconds instead of seconds;
  // no pacing, so creating several issues in a row does not wait 3 s each (one pacing test below keeps it).
  return createGitHub(client, settings, { timeUnitMs: 1, throttleId: `svc-${++serial}`, log: SILENT, pacing: false, access: client.access, ...extra });
}

const PRIVATE = DEFAULT_SETTINGS.privateRepo;

function request(overrides: Partial<IssueRequest> = {}): IssueRequest {
  const marker = overrides.marker ?? 'Zendesk ticket engage-test#1234';
  return {
    owner: PRIVATE.owner,
    repo: PRIVATE.repo,
    title: 'Acme Corp: Sourcegraph pods crash-loop after upgrade',
    body: `> Our Kubernetes deployment fails to start.\n\n${marker}`,
    labels: ['customer/acme-corp', 'rfh', 'ce/p1', 'team/distribution'],
    comments: [],
    marker,
    ...overrides,
  };
}


const calls = (client: FakeZafClient) => client.githubLog().map((r) => `${r.method} ${r.path} ${r.status}`);

describe('the proxy path (token never in the browser)', () => {
  it('sends the secure placeholder, never a token, on every call; the "proxy" substitutes it', async () => {
    const client = new FakeZafClient();
    const gh = service(client);
    await gh.checkAccess(PRIVATE);
    const created = await gh.createIssue(request({ comments: ['overflow 1'] }));
    await gh.findByMarker(PRIVATE, created.url, { customerLabel: 'customer/acme-corp' });
    await gh.findByMarker(PRIVATE, 'Zendesk ticket engage-test#1234', { labelsApplied: false });
    await gh.getIssueState(created);
    const github = client.sent.filter((o) => !o.url.startsWith('/api/v2/'));
    expect(github.length).toBe(6);
    for (const o of github) {
      expect(o.secure).toBe(true);
      expect(o.cors).toBe(false);
      expect(o.httpCompleteResponse).toBe(true);
      expect(o.headers?.Authorization).toBe('Bearer {{setting.github_token}}');
      // Browsers refuse to set user-agent and Zendesk's proxy refuses underscores.
      expect(Object.keys(o.headers ?? {}).map((h) => h.toLowerCase())).not.toContain('user-agent');
      expect(Object.keys(o.headers ?? {}).some((h) => h.includes('_'))).toBe(false);
    }
    expect(GITHUB_AUTHORIZATION).toBe('Bearer {{setting.github_token}}');
    expect(JSON.stringify(client.sent)).not.toContain(TEST_TOKEN);
    // The stand-in only answers 2xx to the real token: the substitution happened outside the "browser".
    expect(client.githubLog().every((r) => r.status < 300)).toBe(true);
  });

  it('without the token set (no secure setting) GitHub says 401 → github_unauthorized, not retryable', async () => {
    const client = new FakeZafClient({ token: null });
    const error = await rejection(service(client).checkAccess(PRIVATE));
    expect(error).toMatchObject({ code: 'github_unauthorized', retryable: false, params: { status: 401, apiUrl: 'https://api.github.com' } });
    expect(calls(client)).toEqual(['GET /repos/sourcegraph/customer 401']);
  });

  it('a wrong token → github_unauthorized', async () => {
    const client = new FakeZafClient({ token: 'ghp_wrong' });
    const error = await rejection(service(client).createIssue(request()));
    expect(error.code).toBe('github_unauthorized');
    expect(client.standIn.listIssues()).toHaveLength(0);
  });

  it('GitHub Enterprise Server: every call goes to the configured API URL', async () => {
    const ghes = 'https://github.example.com/api/v3';
    const client = new FakeZafClient({ githubRoot: ghes });
    const gh = service(client, { ...DEFAULT_SETTINGS, githubApiUrl: ghes });
    expect(await gh.checkAccess(PRIVATE)).toEqual({ push: true });
    const created = await gh.createIssue(request());
    expect(created.number).toBe(1);
    expect(client.sent.map((o) => o.url)).toEqual([
      `${ghes}/repos/sourcegraph/customer`,
      `${ghes}/repos/sourcegraph/customer/issues`,
    ]);
  });
});

describe('a GitHub host Zendesk will not proxy to', () => {
  it('an API URL outside the domainWhitelist → unknown, quoting Zendesk, not "no push"', async () => {
    const client = new FakeZafClient(); // its proxy forwards to api.github.com only
    const gh = service(client, { ...DEFAULT_SETTINGS, githubApiUrl: 'https://ghe.example.com/api/v3' });
    const error = await rejection(gh.checkAccess(PRIVATE));
    expect(error.code).toBe('unknown');
    expect(error.retryable).toBe(false);
    expect(String(error.params.message)).toContain('ghe.example.com is not in the domainWhitelist');
  });
});

describe('repos/get: checkAccess', () => {
  it('reports push for admin and write, not for read', async () => {
    const client = new FakeZafClient();
    const gh = service(client);
    expect(await gh.checkAccess(PRIVATE)).toEqual({ push: true });
    client.standIn.setPermission('sourcegraph', 'sourcegraph', 'write');
    expect(await gh.checkAccess(DEFAULT_SETTINGS.publicRepo)).toEqual({ push: true });
    const other = new FakeZafClient({ standIn: client.standIn });
    client.standIn.setPermission('sourcegraph', 'customer', 'read');
    expect(await service(other).checkAccess(PRIVATE)).toEqual({ push: false });
  });

  it('the positive answer is shared by every service over the same client (the form checks, the click does not)', async () => {
    const client = new FakeZafClient();
    expect(await service(client).checkAccess(PRIVATE)).toEqual({ push: true });
    expect(await service(client).checkAccess(PRIVATE)).toEqual({ push: true });
    expect(calls(client)).toEqual(['GET /repos/sourcegraph/customer 200']);
  });

  it('remembers a positive answer (the filing click does not pay for it again), never a negative one', async () => {
    const client = new FakeZafClient();
    client.standIn.setPermission('sourcegraph', 'customer', 'read');
    const gh = service(client);
    expect(await gh.checkAccess(PRIVATE)).toEqual({ push: false });
    client.standIn.setPermission('sourcegraph', 'customer', 'write');
    expect(await gh.checkAccess(PRIVATE)).toEqual({ push: true });
    expect(await gh.checkAccess(PRIVATE)).toEqual({ push: true });
    expect(calls(client)).toEqual(Array(2).fill('GET /repos/sourcegraph/customer 200'));
  });

  it('a repository that does not exist → github_repo_not_found naming the repo and its setting', async () => {
    const client = new FakeZafClient();
    const settings: Settings = { ...DEFAULT_SETTINGS, privateRepo: { owner: 'sourcegraph', repo: 'customers' } };
    const error = await rejection(service(client, settings).checkAccess(settings.privateRepo));
    expect(error).toMatchObject({
      code: 'github_repo_not_found',
      retryable: false,
      params: { repo: 'sourcegraph/customers', setting: 'private_repository', status: 404 },
    });
  });
});

describe('issues/create + issues/create-comment: createIssue', () => {
  it('creates the issue exactly as requested and posts the overflow comments in order', async () => {
    const client = new FakeZafClient();
    const gh = service(client);
    const req = request({ comments: ['part 2 of the conversation', 'part 3 of the conversation'] });
    const created = await gh.createIssue(req);
    expect(created).toMatchObject({ owner: 'sourcegraph', repo: 'customer', number: 1, commentsPosted: 2 });
    expect(created.url).toBe('http://localhost:4567/github/sourcegraph/customer/issues/1');
    const [stored] = client.standIn.storedIssues('sourcegraph', 'customer');
    expect(stored?.title).toBe(req.title);
    expect(stored?.body).toBe(req.body);
    expect((stored?.labels as { name: string }[]).map((l) => l.name)).toEqual(req.labels);
    expect(stored?.comment_list.map((c) => c.body)).toEqual(req.comments);
    expect(calls(client)).toEqual([
      'POST /repos/sourcegraph/customer/issues 201',
      'POST /repos/sourcegraph/customer/issues/1/comments 201',
      'POST /repos/sourcegraph/customer/issues/1/comments 201',
    ]);
  });

  it('a failing overflow comment leaves the issue and says how far it got', async () => {
    const client = new FakeZafClient();
    client.standIn.addFault({ method: 'POST', path: '/comments$', status: 502, times: 1 });
    const gh = service(client);
    const req = request({ comments: ['c1', 'c2'] });
    const created = await gh.createIssue(req);
    expect(created.commentsPosted).toBe(0);
    expect(created.commentsError?.code).toBe('github_unavailable');
    // Comments are not idempotent either: no automatic retry.
    expect(calls(client).filter((c) => c.includes('/comments'))).toEqual(['POST /repos/sourcegraph/customer/issues/1/comments 502']);
    const rest = await gh.addComments(created, req.comments.slice(created.commentsPosted));
    expect(rest).toEqual({ posted: 2 });
    expect(client.standIn.storedIssues()[0]?.comment_list.map((c) => c.body)).toEqual(['c1', 'c2']);
  });

  it('GitHub refuses what its description refuses: a 51-character label → github_validation naming the field', async () => {
    const client = new FakeZafClient();
    const error = await rejection(service(client).createIssue(request({ labels: ['x'.repeat(51)] })));
    expect(error.code).toBe('github_validation');
    expect(error.retryable).toBe(false);
    expect(String(error.params.field)).toMatch(/label|name/);
    expect(client.standIn.listIssues()).toHaveLength(0);
  });

  it('a 422 names the field from errors[].field', async () => {
    const client = new FakeZafClient();
    client.standIn.addFault({
      method: 'POST',
      path: '/issues$',
      status: 422,
      body: { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'body', code: 'custom', message: 'body is too long' }], documentation_url: 'https://docs.github.com/rest', status: '422' },
    });
    const error = await rejection(service(client).createIssue(request()));
    expect(error).toMatchObject({ code: 'github_validation', params: { field: 'body', code: 'custom', resource: 'Issue', message: 'body is too long' } });
  });

  it('without push access GitHub drops the labels silently (why filing checks access first)', async () => {
    const client = new FakeZafClient();
    client.standIn.setPermission('sourcegraph', 'customer', 'read');
    await service(client).createIssue(request());
    expect(client.standIn.storedIssues()[0]?.labels).toEqual([]);
  });
});

describe('issues/list-for-repo + search/issues: findByMarker', () => {
  it('finds the ticket’s issue in the customer label listing in one request, ignoring look-alikes', async () => {
    const client = new FakeZafClient();
    const gh = service(client);
    const marker = 'Zendesk ticket engage-test#1234';
    await gh.createIssue(request({ marker: 'Zendesk ticket engage-test#12345', body: 'Zendesk ticket engage-test#12345x' }));
    const mine = await gh.createIssue(request({ marker }));
    await gh.createIssue(request({ marker, labels: ['customer/globex'] }));
    const before = client.githubLog().length;
    const found = await gh.findByMarker(PRIVATE, marker, { customerLabel: 'customer/acme-corp' });
    // The first issue holds "#12345x": a plain substring test would take it for ticket 1234's issue.
    expect(found?.number).toBe(mine.number);
    expect(client.githubLog().slice(before).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /repos/sourcegraph/customer/issues']);
    const sent = client.sent.at(-1)?.url ?? '';
    const query = new URL(sent).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      labels: 'customer/acme-corp',
      state: 'all',
      sort: 'created',
      direction: 'desc',
      per_page: '100',
    });
  });

  it('returns null when the listing holds no issue with the marker', async () => {
    const client = new FakeZafClient();
    const gh = service(client);
    await gh.createIssue(request({ marker: 'Zendesk ticket engage-test#1', body: 'Zendesk ticket engage-test#1' }));
    expect(await gh.findByMarker(PRIVATE, 'Zendesk ticket engage-test#2', { customerLabel: 'customer/acme-corp' })).toBeNull();
    expect(client.githubLog().filter((r) => r.path.startsWith('/search'))).toHaveLength(0);
  });

  it('skips pull requests and picks the first filed issue when several carry the marker', async () => {
    const client = new FakeZafClient();
    const gh = service(client);
    const first = await gh.createIssue(request());
    await gh.createIssue(request());
    expect((await gh.findByMarker(PRIVATE, request().marker, { customerLabel: 'customer/acme-corp' }))?.number).toBe(first.number);
  });

  it('labels dropped (no push): search in:body, which lags creation — the listing does not', async () => {
    const client = new FakeZafClient();
    client.standIn.setSearchLag(60_000);
    const gh = service(client);
    await gh.createIssue(request());
    expect(await gh.findByMarker(PRIVATE, request().marker, { labelsApplied: false })).toBeNull();
    expect((await gh.findByMarker(PRIVATE, request().marker, { customerLabel: 'customer/acme-corp' }))?.number).toBe(1);
    client.standIn.setSearchLag(0);
    const later = request({ marker: 'Zendesk ticket engage-test#77', body: 'x\n\nZendesk ticket engage-test#77' });
    await gh.createIssue(later);
    expect((await gh.findByMarker(PRIVATE, later.marker, { labelsApplied: false }))?.number).toBe(2);
    const search = client.sent.filter((o) => o.url.includes('/search/issues')).map((o) => new URL(o.url).searchParams.get('q'));
    expect(search[0]).toBe('"Zendesk ticket engage-test#1234" repo:sourcegraph/customer is:issue in:body');
    expect(search.every((q) => (q ?? '').length <= 256)).toBe(true);
  });
});

describe('issues/get: getIssueState', () => {
  it('exposes state, assignees, labels, last update and comment count', async () => {
    const client = new FakeZafClient();
    const gh = service(client);
    const created = await gh.createIssue(request({ comments: ['more'] }));
    // An engineer closes it and takes it (through the API, as they would on GitHub).
    const update = await client.standIn.handle({
      method: 'PATCH',
      path: '/repos/sourcegraph/customer/issues/1',
      query: new URLSearchParams(),
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
      body: { state: 'closed', assignees: ['engage-preview'] },
    });
    expect(update.status).toBe(200);
    const state = await gh.getIssueState(created);
    expect(state).toMatchObject({
      owner: 'sourcegraph',
      repo: 'customer',
      number: 1,
      url: created.url,
      title: request().title,
      state: 'closed',
      assignees: ['engage-preview'],
      labels: request().labels,
      comments: 1,
    });
    expect(Number.isNaN(Date.parse(state.updatedAt))).toBe(false);
  });

  it('a linked issue that is gone → github_repo_not_found (404)', async () => {
    const client = new FakeZafClient();
    const error = await rejection(service(client).getIssueState({ owner: 'sourcegraph', repo: 'customer', number: 99, url: 'x' }));
    expect(error.code).toBe('github_repo_not_found');
  });
});

describe('containsMarker', () => {
  it('matches the real marker token as a whole', () => {
    const m = ticketMarker({ subdomain: 'acme', ticketId: 4242 });
    expect(containsMarker(`Zendesk: https://acme.zendesk.com/agent/tickets/4242 · ${m}`, m)).toBe(true);
    expect(containsMarker(`(${m}).`, m)).toBe(true);
    expect(containsMarker(`${m}1`, m)).toBe(false);
    expect(containsMarker(`${m}-7`, m)).toBe(false);
    expect(containsMarker(`x-${m}`, m)).toBe(false);
  });

  it('matches the marker as a whole, not inside a longer ticket number or word', () => {
    const m = 'Zendesk ticket engage-test#1234';
    expect(containsMarker(`intro\n${m}\n`, m)).toBe(true);
    expect(containsMarker(`${m}`, m)).toBe(true);
    expect(containsMarker(`(${m}).`, m)).toBe(true);
    expect(containsMarker(`${m}5`, m)).toBe(false);
    expect(containsMarker(`${m}x`, m)).toBe(false);
    expect(containsMarker(`x${m}`, m)).toBe(false);
    expect(containsMarker(`${m}5 and later ${m}`, m)).toBe(true);
    expect(containsMarker('anything', '')).toBe(false);
  });
});
