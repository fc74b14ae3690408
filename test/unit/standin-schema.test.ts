// Every answer the stand-in gives on the happy paths (and its error answers where GitHub's description defines
// them) validates against the response schemas of GitHub's OpenAPI description; and the committed subset is
// complete and self-contained, as scripts/extract-openapi.ts promises.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGitHubStandIn, type StandInResponse } from '../../preview/github/standin.ts';
import { loadSpec, toJsonSchema } from '../../preview/github/spec.ts';
import { standInCaller } from '../../preview/github/test-client.ts';
import { OPERATION_IDS, extractSubset } from '../../scripts/extract-openapi.ts';

// Compiling GitHub's schemas is the slow part of a first request: do it once, outside any test's time limit.
beforeAll(() => loadSpec().compileAll(), 120_000);

// Many requests (or 2,000 property runs) in one test: room for a loaded CI machine; not a speed assertion.
const HEAVY_TEST_TIMEOUT_MS = 60_000;

const TOKEN = 'ghp_schema';

/** Checks a response against the description's schema for its operation and status; the schema must exist. */
function conforms(method: string, path: string, res: StandInResponse): void {
  const spec = loadSpec();
  const routed = spec.route(method, path.split('?')[0] as string);
  const problems = routed.operation
    ? routed.operation.checkResponse(res.status, res.body)
    : spec.checkSchema('basic-error', res.body); // unknown routes: GitHub's generic error shape
  expect(problems, `${method} ${path} → ${res.status}: no schema in the description for this status`).not.toBeNull();
  expect(problems, `${method} ${path} → ${res.status}`).toEqual([]);
}

describe('response conformance', () => {
  it('every happy-path answer validates against the description’s response schema', async () => {
    // checkResponses: false so that the stand-in's own guard cannot hide a mismatch from this test.
    const standIn = createGitHubStandIn({ acceptedTokens: [TOKEN], htmlBaseUrl: 'http://localhost:4567/github', checkResponses: false });
    const gh = standInCaller(standIn, TOKEN);
    const calls: [string, string, unknown?, Record<string, string>?][] = [
      ['GET', '/user'],
      ['GET', '/repos/sourcegraph/customer'],
      ['GET', '/repos/sourcegraph/sourcegraph'],
      ['GET', '/repos/sourcegraph/customer/issues'],
      ['POST', '/repos/sourcegraph/customer/issues', { title: 'Minimal' }],
      ['POST', '/repos/sourcegraph/customer/issues', { title: 'Full', body: '> quote\n\nZendesk ticket 1', labels: ['rfh', 'ce/p1', { name: 'customer/acme' }], assignees: ['octocat', 'hubot'] }],
      ['GET', '/repos/sourcegraph/customer/issues/1'],
      ['GET', '/repos/sourcegraph/customer/issues/2'],
      ['PATCH', '/repos/sourcegraph/customer/issues/1', { state: 'closed', state_reason: 'not_planned', body: null }],
      ['PATCH', '/repos/sourcegraph/customer/issues/1', { state: 'open' }],
      ['POST', '/repos/sourcegraph/customer/issues/2/comments', { body: 'part 2 of the conversation' }],
      ['GET', '/repos/sourcegraph/customer/issues/2/comments'],
      ['GET', '/repos/sourcegraph/customer/issues/1/comments'],
      ['POST', '/repos/sourcegraph/customer/issues/1/labels', { labels: ['team/search-core'] }],
      ['GET', '/repos/sourcegraph/customer/labels', undefined, { per_page: '100' }],
      ['POST', '/repos/sourcegraph/customer/labels', { name: 'team/web', color: 'ff0000', description: 'Web team' }],
      ['GET', '/repos/sourcegraph/customer/labels/team%2Fweb'],
      ['GET', '/search/issues', undefined, { q: '"Zendesk ticket 1" repo:sourcegraph/customer is:issue in:body' }],
      ['GET', '/search/issues', undefined, { q: 'repo:sourcegraph/customer is:issue', sort: 'created', order: 'asc' }],
      ['GET', '/search/issues', undefined, { q: 'nothing-matches-this type:issue' }],
      ['GET', '/repos/sourcegraph/customer/issues', undefined, { state: 'all', labels: 'rfh', per_page: '1' }],
    ];
    for (const [method, path, body, query] of calls) {
      const res = await gh.request(method, path, body, query);
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      conforms(method, path, res);
    }
    // Without push access, and anonymously (no `permissions` then).
    standIn.setPermission('sourcegraph', 'sourcegraph', 'read');
    for (const [method, path, body] of [
      ['GET', '/repos/sourcegraph/sourcegraph'],
      ['POST', '/repos/sourcegraph/sourcegraph/issues', { title: 'Read-only', labels: ['dropped'] }],
    ] as const) {
      conforms(method, path, await gh.request(method, path, body));
    }
    const anonymous = await standInCaller(standIn, null).get('/repos/sourcegraph/sourcegraph');
    expect((anonymous.body as Record<string, unknown>).permissions).toBeUndefined();
    conforms('GET', '/repos/sourcegraph/sourcegraph', anonymous);
  }, HEAVY_TEST_TIMEOUT_MS);

  it('error answers validate where the description defines the status', async () => {
    const standIn = createGitHubStandIn({ acceptedTokens: [TOKEN], htmlBaseUrl: 'http://localhost:4567/github', checkResponses: false });
    const gh = standInCaller(standIn, TOKEN);
    await gh.post('/repos/sourcegraph/customer/issues', { title: 'x' });
    const cases: [string, string, unknown?, Record<string, string>?][] = [
      ['POST', '/repos/sourcegraph/customer/issues', { body: 'no title' }],
      ['POST', '/repos/sourcegraph/customer/issues', { title: 'x', body: 'b'.repeat(65_537) }],
      ['POST', '/repos/sourcegraph/customer/issues', '{oops'],
      ['GET', '/repos/sourcegraph/customer/issues/99'],
      ['GET', '/repos/sourcegraph/nope'],
      ['GET', '/repos/sourcegraph/customer/labels/none'],
      ['POST', '/repos/sourcegraph/customer/labels', { name: 'bug' }],
      ['GET', '/search/issues', undefined, { q: 'q'.repeat(300) }],
      ['GET', '/search/issues', undefined, { q: 'no target' }],
      ['GET', '/repos/sourcegraph/customer/issues', undefined, { per_page: 'x' }],
      ['GET', '/repos/sourcegraph/customer/pulls'],
    ];
    for (const [method, path, body, query] of cases) {
      const res = await gh.request(method, path, body, query);
      expect(res.status).toBeGreaterThanOrEqual(400);
      conforms(method, path, res);
    }
    conforms('GET', '/user', await standInCaller(standIn, 'wrong').get('/user'));
  }, HEAVY_TEST_TIMEOUT_MS);
});

describe('the committed OpenAPI subset', () => {
  const subset = JSON.parse(readFileSync(new URL('../../preview/github/openapi-subset.json', import.meta.url), 'utf8')) as {
    info: { 'x-engage-extract': { package: string; packageVersion: string; extractedAt: string } };
    paths: Record<string, Record<string, { operationId: string }>>;
    components: { schemas: Record<string, unknown> };
  };

  it('records where it came from', () => {
    expect(subset.info['x-engage-extract']).toMatchObject({ package: '@octokit/openapi', packageVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(subset.info['x-engage-extract'].extractedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('holds exactly the operations the script lists', () => {
    const ids = Object.values(subset.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids.sort()).toEqual([...OPERATION_IDS].sort());
    expect(loadSpec().operations.map((o) => o.operationId).sort()).toEqual([...OPERATION_IDS].sort());
  });

  it('is self-contained: every $ref points at a schema inside it', () => {
    const refs = new Set<string>();
    JSON.stringify(subset, (key, value: unknown) => {
      if (key === '$ref') refs.add(value as string);
      return value;
    });
    expect(refs.size).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(subset.components.schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
  });
});

describe('extraction and conversion (pure)', () => {
  const doc = {
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    paths: {
      '/repos/{owner}/{repo}/issues': {
        parameters: [{ $ref: '#/components/parameters/owner' }],
        post: {
          operationId: 'issues/create',
          parameters: [{ name: 'repo', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '201': { $ref: '#/components/responses/created' } },
        },
        get: { operationId: 'not/wanted', responses: {} },
      },
    },
    components: {
      parameters: { owner: { name: 'owner', in: 'path', required: true, schema: { type: 'string' } } },
      responses: {
        created: { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/issue' }, examples: { a: {} } } } },
      },
      schemas: {
        issue: { type: 'object', properties: { user: { $ref: '#/components/schemas/user' } }, example: { big: true } },
        user: { type: 'object', nullable: true },
        unused: { type: 'string' },
      },
    },
  };

  it('refuses a description that lacks an operation, naming it', () => {
    expect(() => extractSubset(doc, { name: 'p', version: '1', file: 'f', date: '2026-01-01' })).toThrow(/operations not found.*issues\/get/);
  });

  it('inlines parameter/response refs, folds path-level parameters, keeps the reachable schemas only', () => {
    const out = extractSubset(doc, { name: 'p', version: '9.9.9', file: 'f', date: '2026-01-01' }, ['issues/create']) as {
      info: { 'x-engage-extract': Record<string, unknown> };
      paths: Record<string, Record<string, { parameters: { name: string }[]; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const item = out.paths['/repos/{owner}/{repo}/issues'];
    expect(Object.keys(item ?? {})).toEqual(['post']);
    expect(item?.post?.parameters.map((p) => p.name)).toEqual(['owner', 'repo']);
    expect(item?.post?.responses['201']).toEqual({
      description: 'x',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/issue' } } },
    });
    expect(Object.keys(out.components.schemas).sort()).toEqual(['issue', 'user']);
    expect(out.components.schemas.issue).toEqual({ type: 'object', properties: { user: { $ref: '#/components/schemas/user' } } });
    expect(out.info['x-engage-extract']).toMatchObject({ packageVersion: '9.9.9', extractedAt: '2026-01-01', operations: ['issues/create'] });
  });

  it('converts OpenAPI 3.0 nullable to JSON Schema, also beside $ref and composition', () => {
    expect(toJsonSchema({ type: 'string', nullable: true, enum: ['a'] })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(toJsonSchema({ $ref: '#/components/schemas/x', nullable: true })).toEqual({
      anyOf: [{ $ref: 'https://engage.invalid/github-openapi-subset.json#/definitions/x' }, { type: 'null' }],
    });
    expect(toJsonSchema({ oneOf: [{ type: 'string' }, { type: 'integer' }], nullable: true })).toEqual({
      anyOf: [{ oneOf: [{ type: 'string' }, { type: 'integer' }] }, { type: 'null' }],
    });
    // Property names that look like annotation keywords are kept.
    expect(toJsonSchema({ type: 'object', properties: { title: { type: 'string', description: 'd' } } })).toEqual({
      type: 'object',
      properties: { title: { type: 'string' } },
    });
  });
});
