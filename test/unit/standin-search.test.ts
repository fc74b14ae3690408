// GET /search/issues in the stand-in: GitHub's word-based matching, the qualifiers Engage uses, GitHub's limits.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubStandIn, type GitHubStandIn } from '../../preview/github/standin.ts';
import { matchScore, matches, parseQuery, words, type SearchDocument } from '../../preview/github/search.ts';
import { standInCaller, type StandInCaller } from '../../preview/github/test-client.ts';
import { loadSpec } from '../../preview/github/spec.ts';

// Compiling GitHub's schemas is the slow part of a first request: do it once, outside any test's time limit.
beforeAll(() => loadSpec().compileAll(), 120_000);

const TOKEN = 'ghp_search';
const MARKER = 'Zendesk ticket: engage-preview#1234';
type SearchResult = { total_count: number; incomplete_results: boolean; items: { number: number; title: string; score: number; repository_url: string }[] };

let clock: number;
let standIn: GitHubStandIn;
let gh: StandInCaller;

/** Searches issues; adds `is:issue` (which GitHub requires) unless the query names its target itself. */
async function search(q: string, extra: Record<string, string> = {}): Promise<SearchResult> {
  const target = /(^|\s)(is|type):(issue|pr|pull-request)\b/.test(q) ? '' : ' is:issue';
  const res = await gh.get('/search/issues', { q: q + target, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as SearchResult;
}
const numbers = (r: SearchResult): number[] => r.items.map((i) => i.number);

beforeEach(async () => {
  clock = Date.UTC(2026, 10, 30, 12);
  standIn = createGitHubStandIn({ acceptedTokens: [TOKEN], htmlBaseUrl: 'http://localhost:4567/github', now: () => clock });
  gh = standInCaller(standIn, TOKEN);
  const seed: [string, Record<string, unknown>][] = [
    ['customer', { title: 'Search is slow for Acme', body: `Details\n\n${MARKER}\n`, labels: ['rfh', 'customer/acme', 'ce/p1'] }],
    ['customer', { title: 'Batch changes fail', body: 'Zendesk ticket: engage-preview#12345', labels: ['customer/globex'] }],
    ['customer', { title: 'engage preview 1234 in the title', body: 'nothing here' }],
    ['sourcegraph', { title: 'Public defect', body: `${MARKER}` }],
  ];
  for (const [repo, body] of seed) {
    expect((await gh.post(`/repos/sourcegraph/${repo}/issues`, body)).status).toBe(201);
    clock += 1000;
  }
});

describe('finding an issue by its visible marker', () => {
  it('finds the phrase in the body of the right repository only', async () => {
    const r = await search(`"${MARKER}" repo:sourcegraph/customer is:issue in:body`);
    expect(numbers(r)).toEqual([1]);
    expect(r).toMatchObject({ total_count: 1, incomplete_results: false });
    expect(r.items[0]?.score).toBe(1);
  });

  it('matches whole words: #1234 does not find #12345', async () => {
    const r = await search('"engage-preview#1234" repo:sourcegraph/customer in:body');
    expect(numbers(r)).toEqual([1]);
  });

  it('ignores punctuation, as GitHub does (the phrase is a sequence of words)', async () => {
    const r = await search('"zendesk ticket engage preview 1234" repo:sourcegraph/customer in:body');
    expect(numbers(r)).toEqual([1]);
  });

  it('in:title searches titles only; without in: title, body and comments are searched', async () => {
    expect(numbers(await search('"engage preview 1234" repo:sourcegraph/customer in:title'))).toEqual([3]);
    expect(numbers(await search('"engage preview 1234" repo:sourcegraph/customer')).sort()).toEqual([1, 3]);
    await gh.post('/repos/sourcegraph/customer/issues/2/comments', { body: 'see also kangaroo' });
    expect(numbers(await search('kangaroo repo:sourcegraph/customer'))).toEqual([2]);
    expect(numbers(await search('kangaroo repo:sourcegraph/customer in:body'))).toEqual([]);
  });

  it('without repo: searches every repository the caller can see', async () => {
    const r = await search(`"${MARKER}"`);
    expect(r.items.map((i) => i.repository_url.split('/').pop()).sort()).toEqual(['customer', 'sourcegraph']);
    const anon = standInCaller(standIn, null);
    const publicOnly = (await anon.get('/search/issues', { q: `"${MARKER}" is:issue` })).body as SearchResult;
    expect(publicOnly.items.map((i) => i.repository_url.split('/').pop())).toEqual(['sourcegraph']);
  });
});

describe('qualifiers', () => {
  it('label: (quoted, case-insensitive), state:, is:open/closed, -label:, no:label', async () => {
    expect(numbers(await search('label:"customer/acme" repo:sourcegraph/customer'))).toEqual([1]);
    expect(numbers(await search('label:RFH label:ce/p1'))).toEqual([1]);
    expect(numbers(await search('repo:sourcegraph/customer -label:rfh')).sort()).toEqual([2, 3]);
    expect(numbers(await search('repo:sourcegraph/customer no:label'))).toEqual([3]);
    await gh.patch('/repos/sourcegraph/customer/issues/2', { state: 'closed' });
    expect(numbers(await search('repo:sourcegraph/customer state:closed'))).toEqual([2]);
    expect(numbers(await search('repo:sourcegraph/customer is:open')).sort()).toEqual([1, 3]);
  });

  it('is:pr finds nothing (the stand-in has no pull requests)', async () => {
    expect((await search('repo:sourcegraph/customer is:pr')).total_count).toBe(0);
  });

  it('sorts by created with order, and pages with a Link header', async () => {
    expect(numbers(await search('repo:sourcegraph/customer', { sort: 'created', order: 'asc' }))).toEqual([1, 2, 3]);
    const page = await gh.get('/search/issues', { q: 'repo:sourcegraph/customer is:issue', per_page: '2' });
    expect((page.body as SearchResult).items).toHaveLength(2);
    expect((page.body as SearchResult).total_count).toBe(3);
    expect(page.headers.link).toContain('rel="next"');
  });
});

describe('GitHub’s limits', () => {
  it('refuses a query over 256 characters with 422', async () => {
    const res = await gh.get('/search/issues', { q: 'a'.repeat(257) });
    expect(res.status).toBe(422);
    expect((res.body as { errors: { message: string }[] }).errors[0]?.message).toBe('The search is longer than 256 characters.');
    expect((await gh.get('/search/issues', { q: 'is:issue ' + 'a'.repeat(247) })).status).toBe(200);
  });

  it('refuses a repository that does not exist (or cannot be seen) with 422', async () => {
    const res = await gh.get('/search/issues', { q: 'x repo:sourcegraph/nope is:issue' });
    expect(res.status).toBe(422);
    const anon = standInCaller(standIn, null);
    expect((await anon.get('/search/issues', { q: 'x repo:sourcegraph/customer is:issue' })).status).toBe(422);
  });

  it('refuses a query that does not say is:issue or is:pull-request (type:issue/type:pr count too)', async () => {
    const res = await gh.get('/search/issues', { q: 'x repo:sourcegraph/customer' });
    expect(res.status).toBe(422);
    expect((res.body as { message: string }).message).toBe("Query must include 'is:issue' or 'is:pull-request'");
    expect((await gh.get('/search/issues', { q: 'x -is:issue' })).status).toBe(422);
    for (const q of ['x is:issue', 'x is:pr', 'x is:pull-request', 'x type:issue', 'x TYPE:PR']) {
      expect((await gh.get('/search/issues', { q })).status, q).toBe(200);
    }
  });

  it('lags creation when asked: a new issue is found only after the lag', async () => {
    standIn.setSearchLag(30_000);
    await gh.post('/repos/sourcegraph/customer/issues', { title: 'fresh', body: 'unicorn' });
    expect((await search('unicorn')).total_count).toBe(0);
    clock += 30_000;
    expect((await search('unicorn')).total_count).toBe(1);
  });
});

describe('query parsing (pure)', () => {
  it('splits words at punctuation, lower-cased, keeping letters and digits of any script', () => {
    expect(words('Zendesk ticket: engage-preview#1234 — Ünïcode 東京')).toEqual(['zendesk', 'ticket', 'engage', 'preview', '1234', 'ünïcode', '東京']);
  });

  it('reads phrases, qualifiers with quoted values, negation and NOT', () => {
    const q = parseQuery('"a b" label:"x y" -label:z NOT c repo:o/r AND d');
    expect(q.repos).toEqual(['o/r']);
    const doc = {
      owner: 'o',
      repo: 'r',
      title: 't',
      body: 'a b d',
      comments: [],
      labels: ['x y'],
      state: 'open' as const,
      author: 'me',
      assignees: [],
      locked: false,
      isPrivate: true,
    };
    expect(matches(q, doc)).toBe(true);
    expect(matches(q, { ...doc, body: 'a b c d' })).toBe(false);
    expect(matches(q, { ...doc, labels: ['x y', 'z'] })).toBe(false);
    expect(matches(q, { ...doc, body: 'b a d' })).toBe(false);
  });

  it('treats an unknown qualifier as text, and an unclosed quote as a phrase to the end', () => {
    const doc = { owner: 'o', repo: 'r', title: '', body: 'foo bar baz', comments: [], labels: [], state: 'open' as const, author: 'a', assignees: [], locked: false, isPrivate: false };
    expect(matches(parseQuery('foo:bar'), doc)).toBe(true);
    expect(matches(parseQuery('"bar baz'), doc)).toBe(true);
    expect(matches(parseQuery('"baz bar'), doc)).toBe(false);
  });
});

describe('OR, several repositories and best match', () => {
  const doc = (over: Partial<SearchDocument>): SearchDocument => ({
    owner: 'sourcegraph',
    repo: 'customer',
    title: '',
    body: '',
    comments: [],
    labels: [],
    state: 'open',
    author: 'a',
    assignees: [],
    locked: false,
    isPrivate: true,
    ...over,
  });
  it('joins the terms around OR, ANDs the groups, and reads several repo: qualifiers as any of them', () => {
    const q = parseQuery('repo:sourcegraph/customer repo:sourcegraph/sourcegraph is:issue "lock file" OR gitserver pod');
    expect(matchScore(q, doc({ body: 'gitserver pod restarts' }))).toBe(2);
    expect(matchScore(q, doc({ repo: 'sourcegraph', title: 'lock file', body: 'pod' }))).toBe(3);
    expect(matchScore(q, doc({ body: 'gitserver only' }))).toBeNull();
    expect(matchScore(q, doc({ repo: 'other', body: 'gitserver pod' }))).toBeNull();
  });
});
