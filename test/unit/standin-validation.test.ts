// The stand-in accepts what GitHub's OpenAPI description accepts, and refuses the rest the way GitHub does.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubStandIn, type GitHubStandIn } from '../../preview/github/standin.ts';
import { standInCaller, type StandInCaller } from '../../preview/github/test-client.ts';
import { loadSpec } from '../../preview/github/spec.ts';

// Compiling GitHub's schemas is the slow part of a first request: do it once, outside any test's time limit.
beforeAll(() => loadSpec().compileAll(), 120_000);

const TOKEN = 'ghp_test_token';
const ISSUES = '/repos/sourcegraph/customer/issues';
let standIn: GitHubStandIn;
let gh: StandInCaller;

beforeEach(() => {
  standIn = createGitHubStandIn({ acceptedTokens: [TOKEN], htmlBaseUrl: 'http://localhost:4567/github' });
  gh = standInCaller(standIn, TOKEN);
});

describe('routing', () => {
  it('answers an unknown route with GitHub’s 404', async () => {
    const res = await gh.get('/repos/sourcegraph/customer/pulls');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ message: 'Not Found', documentation_url: expect.stringContaining('docs.github.com') });
  });

  it('answers a known path with an unsupported method with 404', async () => {
    const res = await gh.request('DELETE', `${ISSUES}/1`);
    expect(res.status).toBe(404);
    expect((res.body as { message: string }).message).toBe('Not Found');
  });

  it('answers a non-numeric issue number with 404, as GitHub routes only integers', async () => {
    expect((await gh.get(`${ISSUES}/abc`)).status).toBe(404);
  });

  it('answers a repository that does not exist with 404', async () => {
    expect((await gh.post('/repos/sourcegraph/nope/issues', { title: 'x' })).status).toBe(404);
    expect((await gh.get('/repos/other/customer')).status).toBe(404);
  });

  it('matches owner and repository names case-insensitively, like GitHub', async () => {
    expect((await gh.get('/repos/SourceGraph/Customer')).status).toBe(200);
  });

  it('decodes percent-encoded path parameters (label names with a slash)', async () => {
    await gh.post('/repos/sourcegraph/customer/labels', { name: 'ce/p1' });
    const res = await gh.get('/repos/sourcegraph/customer/labels/ce%2Fp1');
    expect(res.status).toBe(200);
    expect((res.body as { name: string }).name).toBe('ce/p1');
  });

  it('takes a query string written into the path', async () => {
    await gh.post(ISSUES, { title: 'one' });
    const res = await gh.get(`${ISSUES}?state=closed`);
    expect(res.body).toEqual([]);
  });
});

describe('authentication', () => {
  it('accepts Bearer and token schemes', async () => {
    for (const scheme of ['Bearer', 'token']) {
      const res = await standIn.handle({
        method: 'GET',
        path: '/user',
        query: new URLSearchParams(),
        headers: { authorization: `${scheme} ${TOKEN}` },
        body: undefined,
      });
      expect(res.status).toBe(200);
    }
  });

  it('answers an unknown token with 401 Bad credentials, on any route', async () => {
    const bad = standInCaller(standIn, 'ghp_wrong');
    for (const res of [await bad.get('/user'), await bad.get('/no/such/route'), await bad.post(ISSUES, { title: 'x' })]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ message: 'Bad credentials', documentation_url: expect.any(String) });
    }
  });

  it('refuses an unsubstituted secure-setting placeholder like any bad token', async () => {
    const res = await standIn.handle({
      method: 'GET',
      path: '/user',
      query: new URLSearchParams(),
      headers: { authorization: 'Bearer {{setting.github_token}}' },
      body: undefined,
    });
    expect(res.status).toBe(401);
  });

  it('without a token: the private repository does not exist, writes need authentication', async () => {
    const anon = standInCaller(standIn, null);
    expect((await anon.get('/repos/sourcegraph/customer')).status).toBe(404);
    expect((await anon.get('/repos/sourcegraph/sourcegraph')).status).toBe(200);
    const write = await anon.post('/repos/sourcegraph/sourcegraph/issues', { title: 'x' });
    expect(write.status).toBe(401);
    expect((write.body as { message: string }).message).toBe('Requires authentication');
    expect((await anon.get('/user')).status).toBe(401);
  });
});

describe('request bodies', () => {
  it('accepts a minimal and a full create-issue body', async () => {
    expect((await gh.post(ISSUES, { title: 'Only a title' })).status).toBe(201);
    const full = await gh.post(ISSUES, {
      title: 'Full',
      body: 'text',
      labels: ['rfh', { name: 'ce/p2' }],
      assignees: ['octocat'],
      assignee: 'hubot',
      milestone: null,
    });
    expect(full.status).toBe(201);
  });

  it('accepts an integer title, as the description allows', async () => {
    const res = await gh.post(ISSUES, { title: 1234 });
    expect(res.status).toBe(201);
    expect((res.body as { title: string }).title).toBe('1234');
  });

  it('refuses a missing title with 422 missing_field', async () => {
    const res = await gh.post(ISSUES, { body: 'no title' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }],
      documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
    });
  });

  it('refuses wrong types field by field', async () => {
    const res = await gh.post(ISSUES, { title: 'x', body: 42, labels: 'rfh' });
    expect(res.status).toBe(422);
    const errors = (res.body as { errors: { field: string; code: string }[] }).errors;
    expect(errors.map((e) => e.field).sort()).toEqual(['body', 'labels']);
    expect(errors.every((e) => e.code === 'invalid')).toBe(true);
  });

  it('names the index of a bad array element', async () => {
    const res = await gh.post(ISSUES, { title: 'x', labels: ['ok', 7] });
    expect(res.status).toBe(422);
    expect((res.body as { errors: unknown[] }).errors[0]).toMatchObject({ field: 'labels', index: 1, code: 'invalid' });
  });

  it('applies the description’s additionalProperties: false (issue_field_values items)', async () => {
    const res = await gh.post(ISSUES, { title: 'x', issue_field_values: [{ field_id: 1, value: 'a', extra: true }] });
    expect(res.status).toBe(422);
    expect((res.body as { errors: { field: string }[] }).errors[0]?.field).toBe('issue_field_values');
  });

  it('ignores unknown top-level properties where the description allows them', async () => {
    expect((await gh.post(ISSUES, { title: 'x', whatever: 1 })).status).toBe(201);
  });

  it('refuses an enum value the description does not list', async () => {
    await gh.post(ISSUES, { title: 'x' });
    const res = await gh.patch(`${ISSUES}/1`, { state: 'reopened' });
    expect(res.status).toBe(422);
    expect((res.body as { errors: { field: string }[] }).errors[0]?.field).toBe('state');
  });

  it('answers unparseable JSON with 400 Problems parsing JSON', async () => {
    const res = await gh.post(ISSUES, '{"title": ');
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toBe('Problems parsing JSON');
  });

  it('parses a body given as raw JSON text', async () => {
    expect((await gh.post(ISSUES, JSON.stringify({ title: 'from text' }))).status).toBe(201);
  });

  it('answers a JSON body that is not an object with 400', async () => {
    const res = await gh.post(ISSUES, [1, 2]);
    expect(res.status).toBe(400);
  });

  it('treats a missing body of a required body as an empty object (422 for the missing title)', async () => {
    const res = await gh.post(ISSUES, undefined);
    expect(res.status).toBe(422);
  });

  it('refuses a body over 65,536 characters with GitHub’s message, and accepts exactly 65,536', async () => {
    const over = await gh.post(ISSUES, { title: 'x', body: 'a'.repeat(65_537) });
    expect(over.status).toBe(422);
    expect((over.body as { errors: { message: string }[] }).errors[0]?.message).toBe('body is too long (maximum is 65536 characters)');
    expect((await gh.post(ISSUES, { title: 'x', body: 'a'.repeat(65_536) })).status).toBe(201);
  });

  it('counts characters, not UTF-16 units (65,536 emoji fit)', async () => {
    expect((await gh.post(ISSUES, { title: 'x', body: '😀'.repeat(65_536) })).status).toBe(201);
  });

  it('refuses a comment body over the limit too', async () => {
    await gh.post(ISSUES, { title: 'x' });
    const res = await gh.post(`${ISSUES}/1/comments`, { body: 'b'.repeat(65_537) });
    expect(res.status).toBe(422);
    expect((res.body as { errors: { resource: string }[] }).errors[0]?.resource).toBe('IssueComment');
  });

  it('refuses label names over 50 characters, and creates nothing', async () => {
    const res = await gh.post(ISSUES, { title: 'x', labels: ['customer/' + 'a'.repeat(42)] });
    expect(res.status).toBe(422);
    expect((res.body as { errors: { resource: string; field: string }[] }).errors[0]).toMatchObject({ resource: 'Label', field: 'name' });
    expect(standIn.listIssues()).toHaveLength(0);
    expect((await gh.post(ISSUES, { title: 'x', labels: ['customer/' + 'a'.repeat(41)] })).status).toBe(201);
  });

  it('refuses an invalid assignee login and a milestone that does not exist', async () => {
    expect((await gh.post(ISSUES, { title: 'x', assignees: ['not a login'] })).status).toBe(422);
    expect((await gh.post(ISSUES, { title: 'x', milestone: 3 })).status).toBe(422);
  });

  it('refuses an empty or blank title', async () => {
    expect((await gh.post(ISSUES, { title: '   ' })).status).toBe(422);
  });
});

describe('query parameters', () => {
  it('coerces integers and applies defaults', async () => {
    const res = await gh.get(ISSUES, { per_page: '5', page: '1' });
    expect(res.status).toBe(200);
  });

  it('refuses a non-integer per_page and an unknown enum value with 422', async () => {
    const perPage = await gh.get(ISSUES, { per_page: 'many' });
    expect(perPage.status).toBe(422);
    expect((perPage.body as { errors: { field: string }[] }).errors[0]?.field).toBe('per_page');
    const state = await gh.get(ISSUES, { state: 'opened' });
    expect(state.status).toBe(422);
    const sort = await gh.get('/search/issues', { q: 'x', sort: 'relevance' });
    expect(sort.status).toBe(422);
  });

  it('refuses a search without q', async () => {
    const res = await gh.get('/search/issues');
    expect(res.status).toBe(422);
    expect((res.body as { errors: { field: string }[] }).errors[0]?.field).toBe('q');
  });

  it('ignores query parameters it does not know, like GitHub', async () => {
    expect((await gh.get(ISSUES, { foo: 'bar' })).status).toBe(200);
  });
});
