// The stand-in keeps state like GitHub: numbers per repository, labels created silently, comments counted,
// permissions that drop labels and assignees, lists with GitHub's pagination and rate-limit headers.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubStandIn, type GitHubStandIn } from '../../preview/github/standin.ts';
import { standInCaller, type StandInCaller } from '../../preview/github/test-client.ts';
import { loadSpec } from '../../preview/github/spec.ts';

// Compiling GitHub's schemas is the slow part of a first request: do it once, outside any test's time limit.
beforeAll(() => loadSpec().compileAll(), 120_000);

// Many requests (or 2,000 property runs) in one test: room for a loaded CI machine; not a speed assertion.
const HEAVY_TEST_TIMEOUT_MS = 60_000;

const TOKEN = 'ghp_state';
const PRIVATE = '/repos/sourcegraph/customer';
const PUBLIC = '/repos/sourcegraph/sourcegraph';
type Issue = {
  number: number;
  title: string;
  body: string | null;
  html_url: string;
  url: string;
  state: string;
  comments: number;
  labels: { name: string }[];
  assignees: { login: string }[];
  user: { login: string };
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  state_reason: string | null;
};

let clock: number;
let standIn: GitHubStandIn;
let gh: StandInCaller;

beforeEach(() => {
  clock = Date.UTC(2026, 10, 30, 12, 0, 0);
  standIn = createGitHubStandIn({
    acceptedTokens: [TOKEN],
    htmlBaseUrl: 'http://localhost:4567/github/',
    login: 'support-bot',
    now: () => clock,
  });
  gh = standInCaller(standIn, TOKEN);
});

async function file(repoPath: string, body: Record<string, unknown>): Promise<Issue> {
  const res = await gh.post(`${repoPath}/issues`, body);
  expect(res.status).toBe(201);
  clock += 1000;
  return res.body as Issue;
}

describe('issues', () => {
  it('numbers issues per repository from 1 and links them under htmlBaseUrl', async () => {
    const a = await file(PRIVATE, { title: 'a' });
    const b = await file(PRIVATE, { title: 'b' });
    const c = await file(PUBLIC, { title: 'c' });
    expect([a.number, b.number, c.number]).toEqual([1, 2, 1]);
    expect(a.html_url).toBe('http://localhost:4567/github/sourcegraph/customer/issues/1');
    expect(c.url).toBe('https://api.github.com/repos/sourcegraph/sourcegraph/issues/1');
  });

  it('records the token’s user, timestamps, open state and no comments', async () => {
    const issue = await file(PRIVATE, { title: 'x', body: 'hello' });
    expect(issue).toMatchObject({ user: { login: 'support-bot' }, state: 'open', comments: 0, body: 'hello', closed_at: null });
    expect(issue.created_at).toBe('2026-11-30T12:00:00Z');
    expect(issue.updated_at).toBe(issue.created_at);
  });

  it('gives a 201 with a Location header, and GET returns the same issue', async () => {
    const res = await gh.post(`${PRIVATE}/issues`, { title: 'x' });
    expect(res.headers.location).toBe('https://api.github.com/repos/sourcegraph/customer/issues/1');
    const got = await gh.get(`${PRIVATE}/issues/1`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
    expect((await gh.get(`${PRIVATE}/issues/2`)).status).toBe(404);
  });

  it('stores an empty body as null, as GitHub does', async () => {
    expect((await file(PRIVATE, { title: 'x', body: '' })).body).toBeNull();
  });

  it('creates unknown labels silently and reuses known ones case-insensitively', async () => {
    const issue = await file(PRIVATE, { title: 'x', labels: ['rfh', 'ce/p1', 'BUG', 'rfh'] });
    expect(issue.labels.map((l) => l.name)).toEqual(['rfh', 'ce/p1', 'bug']);
    const labels = (await gh.get(`${PRIVATE}/labels`, { per_page: '100' })).body as { name: string; default: boolean }[];
    expect(labels.filter((l) => ['rfh', 'ce/p1'].includes(l.name)).every((l) => !l.default)).toBe(true);
    expect(labels.filter((l) => l.name.toLowerCase() === 'bug')).toHaveLength(1);
  });

  it('updates title, body, state (closed_at, state_reason) and replaces labels', async () => {
    await file(PRIVATE, { title: 'x', labels: ['a'] });
    clock += 60_000;
    const closed = (await gh.patch(`${PRIVATE}/issues/1`, { state: 'closed', title: 'y', labels: ['b'] })).body as Issue;
    expect(closed).toMatchObject({ state: 'closed', title: 'y', state_reason: 'completed', closed_at: '2026-11-30T12:01:01Z' });
    expect(closed.labels.map((l) => l.name)).toEqual(['b']);
    const reopened = (await gh.patch(`${PRIVATE}/issues/1`, { state: 'open' })).body as Issue;
    expect(reopened).toMatchObject({ state: 'open', state_reason: 'reopened', closed_at: null });
  });

  it('leaves the issue untouched when an update is refused', async () => {
    await file(PRIVATE, { title: 'keep' });
    expect((await gh.patch(`${PRIVATE}/issues/1`, { title: 'new', body: 'z'.repeat(70_000) })).status).toBe(422);
    expect(((await gh.get(`${PRIVATE}/issues/1`)).body as Issue).title).toBe('keep');
  });

  it('adds labels to an issue and returns all its labels', async () => {
    await file(PRIVATE, { title: 'x', labels: ['a'] });
    const res = await gh.post(`${PRIVATE}/issues/1/labels`, { labels: ['b', { name: 'a' }] });
    expect(res.status).toBe(200);
    expect((res.body as { name: string }[]).map((l) => l.name)).toEqual(['a', 'b']);
  });
});

describe('comments', () => {
  it('adds comments in order and counts them on the issue', async () => {
    await file(PRIVATE, { title: 'x' });
    for (const body of ['one', 'two', 'three']) {
      expect((await gh.post(`${PRIVATE}/issues/1/comments`, { body })).status).toBe(201);
      clock += 1000;
    }
    const list = (await gh.get(`${PRIVATE}/issues/1/comments`)).body as { body: string; html_url: string }[];
    expect(list.map((c) => c.body)).toEqual(['one', 'two', 'three']);
    expect(list[0]?.html_url).toMatch(/^http:\/\/localhost:4567\/github\/sourcegraph\/customer\/issues\/1#issuecomment-\d+$/);
    const issue = (await gh.get(`${PRIVATE}/issues/1`)).body as Issue;
    expect(issue.comments).toBe(3);
    expect(issue.updated_at).toBe('2026-11-30T12:00:03Z');
  });

  it('refuses an empty comment and a comment on a missing issue', async () => {
    await file(PRIVATE, { title: 'x' });
    expect((await gh.post(`${PRIVATE}/issues/1/comments`, { body: ' ' })).status).toBe(422);
    expect((await gh.post(`${PRIVATE}/issues/9/comments`, { body: 'x' })).status).toBe(404);
  });

  it('storedIssues() gives each issue with its comments', async () => {
    await file(PRIVATE, { title: 'x' });
    await gh.post(`${PRIVATE}/issues/1/comments`, { body: 'overflow part 2' });
    const [stored] = standIn.storedIssues('sourcegraph', 'customer');
    expect(stored?.comments).toBe(1);
    expect(stored?.comment_list.map((c) => c.body)).toEqual(['overflow part 2']);
  });
});

describe('labels', () => {
  it('creates, gets and refuses duplicates, bad colours and long names', async () => {
    const created = await gh.post(`${PRIVATE}/labels`, { name: 'team/search-core', color: '#1D76DB', description: 'Search core' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'team/search-core', color: '1d76db', description: 'Search core', default: false });
    expect((await gh.get(`${PRIVATE}/labels/TEAM%2Fsearch-core`)).status).toBe(200);
    const duplicate = await gh.post(`${PRIVATE}/labels`, { name: 'Team/Search-Core' });
    expect(duplicate.status).toBe(422);
    expect((duplicate.body as { errors: { code: string }[] }).errors[0]?.code).toBe('already_exists');
    expect((await gh.post(`${PRIVATE}/labels`, { name: 'x', color: 'blue' })).status).toBe(422);
    expect((await gh.post(`${PRIVATE}/labels`, { name: 'n'.repeat(51) })).status).toBe(422);
    expect((await gh.get(`${PRIVATE}/labels/nope`)).status).toBe(404);
  });

  it('starts each repository with GitHub’s default labels', async () => {
    const labels = (await gh.get(`${PUBLIC}/labels`)).body as { name: string }[];
    expect(labels.map((l) => l.name)).toContain('good first issue');
  });
});

describe('permissions', () => {
  it('reports admin by default', async () => {
    const repo = (await gh.get(PRIVATE)).body as { permissions: Record<string, boolean>; private: boolean; full_name: string };
    expect(repo).toMatchObject({ full_name: 'sourcegraph/customer', private: true });
    expect(repo.permissions).toEqual({ admin: true, maintain: true, push: true, triage: true, pull: true });
  });

  it('reports write and read levels', async () => {
    standIn.setPermission('sourcegraph', 'customer', 'write');
    expect(((await gh.get(PRIVATE)).body as { permissions: unknown }).permissions).toEqual({
      admin: false,
      maintain: false,
      push: true,
      triage: true,
      pull: true,
    });
    standIn.setPermission('sourcegraph', 'customer', 'read');
    expect(((await gh.get(PRIVATE)).body as { permissions: unknown }).permissions).toEqual({
      admin: false,
      maintain: false,
      push: false,
      triage: false,
      pull: true,
    });
  });

  it('without push access, files the issue but drops labels and assignees silently', async () => {
    standIn.setPermission('sourcegraph', 'customer', 'read');
    const issue = await file(PRIVATE, { title: 'x', labels: ['rfh', 'ce/p1'], assignees: ['octocat'] });
    expect(issue.labels).toEqual([]);
    expect(issue.assignees).toEqual([]);
    const labels = (await gh.get(`${PRIVATE}/labels`, { per_page: '100' })).body as { name: string }[];
    expect(labels.map((l) => l.name)).not.toContain('rfh');
    // Adding labels later is dropped too; creating a label is refused.
    expect(((await gh.post(`${PRIVATE}/issues/1/labels`, { labels: ['rfh'] })).body as unknown[]).length).toBe(0);
    expect((await gh.post(`${PRIVATE}/labels`, { name: 'rfh' })).status).toBe(403);
  });

  it('without push access, a label that is too long is not even checked (dropped first)', async () => {
    standIn.setPermission('sourcegraph', 'sourcegraph', 'read');
    expect((await gh.post(`${PUBLIC}/issues`, { title: 'x', labels: ['l'.repeat(60)] })).status).toBe(201);
  });

  it('refuses an unknown repository in setPermission', () => {
    expect(() => standIn.setPermission('sourcegraph', 'nope', 'read')).toThrow(/no repository/);
  });
});

describe('listing', () => {
  it('lists open issues newest first by default; filters by labels (all must match) and state', async () => {
    await file(PRIVATE, { title: 'one', labels: ['rfh', 'ce/p1'] });
    await file(PRIVATE, { title: 'two', labels: ['rfh'] });
    await file(PRIVATE, { title: 'three' });
    await gh.patch(`${PRIVATE}/issues/3`, { state: 'closed' });
    const open = (await gh.get(`${PRIVATE}/issues`)).body as Issue[];
    expect(open.map((i) => i.title)).toEqual(['two', 'one']);
    const labelled = (await gh.get(`${PRIVATE}/issues`, { labels: 'rfh,CE/P1' })).body as Issue[];
    expect(labelled.map((i) => i.title)).toEqual(['one']);
    const all = (await gh.get(`${PRIVATE}/issues`, { state: 'all', direction: 'asc' })).body as Issue[];
    expect(all.map((i) => i.title)).toEqual(['one', 'two', 'three']);
    const closed = (await gh.get(`${PRIVATE}/issues`, { state: 'closed' })).body as Issue[];
    expect(closed.map((i) => i.title)).toEqual(['three']);
  });

  it('sorts by comments and updated', async () => {
    await file(PRIVATE, { title: 'quiet' });
    await file(PRIVATE, { title: 'busy' });
    await gh.post(`${PRIVATE}/issues/1/comments`, { body: 'bump' });
    await gh.post(`${PRIVATE}/issues/1/comments`, { body: 'bump' });
    const byComments = (await gh.get(`${PRIVATE}/issues`, { sort: 'comments' })).body as Issue[];
    expect(byComments.map((i) => i.title)).toEqual(['quiet', 'busy']);
    clock += 5000;
    await gh.patch(`${PRIVATE}/issues/2`, { body: 'edited' });
    const byUpdated = (await gh.get(`${PRIVATE}/issues`, { sort: 'updated' })).body as Issue[];
    expect(byUpdated[0]?.title).toBe('busy');
  });

  it('paginates with per_page/page and a Link header', async () => {
    for (let i = 1; i <= 5; i++) await file(PRIVATE, { title: `t${i}` });
    const first = await gh.get(`${PRIVATE}/issues`, { per_page: '2' });
    expect((first.body as Issue[]).map((i) => i.title)).toEqual(['t5', 't4']);
    expect(first.headers.link).toBe(
      '<https://api.github.com/repos/sourcegraph/customer/issues?per_page=2&state=open&sort=created&direction=desc&page=2>; rel="next", ' +
        '<https://api.github.com/repos/sourcegraph/customer/issues?per_page=2&state=open&sort=created&direction=desc&page=3>; rel="last"',
    );
    const last = await gh.get(`${PRIVATE}/issues`, { per_page: '2', page: '3' });
    expect((last.body as Issue[]).map((i) => i.title)).toEqual(['t1']);
    expect(last.headers.link).toContain('rel="prev"');
    expect(last.headers.link).toContain('rel="first"');
    expect(last.headers.link).not.toContain('rel="next"');
    expect((await gh.get(`${PRIVATE}/issues`, { per_page: '500' })).body as Issue[]).toHaveLength(5);
  });

  it('listIssues() gives GitHub JSON newest first, optionally per repository', async () => {
    await file(PRIVATE, { title: 'p1' });
    await file(PUBLIC, { title: 's1' });
    await file(PRIVATE, { title: 'p2' });
    expect((standIn.listIssues() as Issue[]).map((i) => i.title)).toEqual(['p2', 's1', 'p1']);
    expect((standIn.listIssues('sourcegraph', 'customer') as Issue[]).map((i) => i.title)).toEqual(['p2', 'p1']);
  });
});

describe('headers and reset', () => {
  it('sends GitHub’s rate-limit headers on every response, counting per resource', async () => {
    const a = await gh.get('/user');
    const b = await gh.get('/user');
    const s = await gh.get('/search/issues', { q: 'x is:issue' });
    const nf = await gh.get('/nope');
    for (const res of [a, b, s, nf]) {
      for (const h of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-used', 'x-ratelimit-resource']) {
        expect(res.headers[h], h).toBeDefined();
      }
    }
    expect(a.headers).toMatchObject({ 'x-ratelimit-limit': '5000', 'x-ratelimit-used': '1', 'x-ratelimit-remaining': '4999', 'x-ratelimit-resource': 'core' });
    expect(b.headers['x-ratelimit-used']).toBe('2');
    expect(s.headers).toMatchObject({ 'x-ratelimit-limit': '30', 'x-ratelimit-used': '1', 'x-ratelimit-resource': 'search' });
    expect(Number(a.headers['x-ratelimit-reset'])).toBe(Math.ceil((clock + 3_600_000) / 1000));
  });

  it('enforces the limits when asked: the 31st search in a minute gets GitHub’s primary rate-limit 403', async () => {
    const strict = createGitHubStandIn({ acceptedTokens: [TOKEN], htmlBaseUrl: 'http://x/github', enforceRateLimits: true, now: () => clock });
    const caller = standInCaller(strict, TOKEN);
    for (let i = 0; i < 30; i++) expect((await caller.get('/search/issues', { q: 'x is:issue' })).status).toBe(200);
    const limited = await caller.get('/search/issues', { q: 'x is:issue' });
    expect(limited.status).toBe(403);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    expect((limited.body as { message: string }).message).toMatch(/^API rate limit exceeded for user ID/);
    clock += 60_000;
    expect((await caller.get('/search/issues', { q: 'x is:issue' })).status).toBe(200);
  }, HEAVY_TEST_TIMEOUT_MS);

  it('enforces the secondary limit on content creation when asked: the 81st write in a minute waits', async () => {
    const strict = createGitHubStandIn({ acceptedTokens: [TOKEN], htmlBaseUrl: 'http://x/github', enforceRateLimits: true, now: () => clock });
    const caller = standInCaller(strict, TOKEN);
    for (let i = 0; i < 80; i++) expect((await caller.post(`${PRIVATE}/issues`, { title: `t${i}` })).status).toBe(201);
    const limited = await caller.post(`${PRIVATE}/issues`, { title: 'one too many' });
    expect(limited.status).toBe(403);
    expect(limited.headers['retry-after']).toBe('60');
    expect((limited.body as { message: string }).message).toMatch(/secondary rate limit/);
    expect(strict.listIssues()).toHaveLength(80);
    clock += 60_000;
    expect((await caller.post(`${PRIVATE}/issues`, { title: 'later' })).status).toBe(201);
  }, HEAVY_TEST_TIMEOUT_MS);

  it('reset() forgets issues, labels, permissions, faults and the log', async () => {
    await file(PRIVATE, { title: 'x', labels: ['rfh'] });
    standIn.setPermission('sourcegraph', 'customer', 'read');
    standIn.addFault({ status: 500 });
    standIn.reset();
    expect(standIn.listIssues()).toEqual([]);
    expect(standIn.requestLog()).toEqual([]);
    const created = await gh.post(`${PRIVATE}/issues`, { title: 'again', labels: ['rfh'] });
    expect(created.status).toBe(201);
    expect((created.body as Issue).number).toBe(1);
    expect((created.body as Issue).labels.map((l) => l.name)).toEqual(['rfh']);
  });
});
