// The /github page lists every filed issue, and customer text can never become markup there.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createGitHubStandIn } from '../../preview/github/standin.ts';
import { escapeHtml, renderIssuesHtml } from '../../preview/github/render.ts';
import { standInCaller } from '../../preview/github/test-client.ts';
import { loadSpec } from '../../preview/github/spec.ts';

// Compiling GitHub's schemas is the slow part of a first request: do it once, outside any test's time limit.
beforeAll(() => loadSpec().compileAll(), 120_000);

// Many requests (or 2,000 property runs) in one test: room for a loaded CI machine; not a speed assertion.
const HEAVY_TEST_TIMEOUT_MS = 60_000;

const TOKEN = 'ghp_render';

describe('renderHtml', () => {
  it('lists every issue with repo, number, title, state, labels, body and comments', async () => {
    const standIn = createGitHubStandIn({ acceptedTokens: [TOKEN], htmlBaseUrl: 'http://localhost:4567/github' });
    const gh = standInCaller(standIn, TOKEN);
    await gh.post('/repos/sourcegraph/customer/issues', { title: 'Private one', body: 'Body one', labels: ['rfh', 'ce/p1'] });
    await gh.post('/repos/sourcegraph/sourcegraph/issues', { title: 'Public one' });
    await gh.post('/repos/sourcegraph/customer/issues/1/comments', { body: 'Follow-up part 2' });
    await gh.patch('/repos/sourcegraph/sourcegraph/issues/1', { state: 'closed' });
    const html = standIn.renderHtml();
    expect(html.match(/data-testid="gh-issue"/g)).toHaveLength(2);
    expect(html).toContain('data-repo="sourcegraph/customer" data-number="1"');
    expect(html).toContain('data-repo="sourcegraph/sourcegraph" data-number="1"');
    for (const text of ['Private one', 'Public one', 'Body one', 'Follow-up part 2', '>rfh<', '>ce/p1<', '>closed<', '>open<']) {
      expect(html).toContain(text);
    }
    expect(html).toContain('href="http://localhost:4567/github/sourcegraph/customer/issues/1"');
    // Newest first.
    expect(html.indexOf('Public one')).toBeLessThan(html.indexOf('Private one'));
  });

  it('says so when nothing was filed', () => {
    const standIn = createGitHubStandIn({ acceptedTokens: [TOKEN], htmlBaseUrl: 'http://x/github' });
    expect(standIn.renderHtml()).toContain('No issue has been filed yet.');
  });

  it('escapes hostile titles, bodies, comments and label names', async () => {
    const standIn = createGitHubStandIn({ acceptedTokens: [TOKEN], htmlBaseUrl: 'http://localhost:4567/github' });
    const gh = standInCaller(standIn, TOKEN);
    const payload = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`;
    await gh.post('/repos/sourcegraph/customer/issues', { title: payload, body: payload, labels: ['<b>x</b>'] });
    await gh.post('/repos/sourcegraph/customer/issues/1/comments', { body: `</div>${payload}` });
    expect((await gh.post('/repos/sourcegraph/customer/labels', { name: '"><svg onload=alert(3)>', color: '000000' })).status).toBe(201);
    expect((await gh.post('/repos/sourcegraph/customer/issues/1/labels', { labels: ['"><svg onload=alert(3)>'] })).status).toBe(200);
    const html = standIn.renderHtml();
    expect(html.match(/data-testid="gh-label"/g)).toHaveLength(2);
    expect(html.match(/data-testid="gh-comment"/g)).toHaveLength(1);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('<b>x');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('never lets a label colour into a style attribute unless it is plain hex', () => {
    const html = renderIssuesHtml([
      {
        repo: 'o/r',
        number: 1,
        title: 't',
        state: 'open',
        htmlUrl: 'http://x/1',
        author: 'a',
        createdAt: '2026-01-01T00:00:00Z',
        labels: [{ name: 'l', color: 'red;background:url(javascript:alert(1))' }],
        assignees: [],
        body: null,
        comments: [],
      },
    ]);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('background:#ededed');
  });

  it('escapeHtml leaves no markup-significant character in any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        // Every & starts an entity this function wrote.
        expect(escaped.replace(/&#(38|60|62|34|39);/g, '')).not.toContain('&');
      }),
      { numRuns: 2000 },
    );
  }, HEAVY_TEST_TIMEOUT_MS);
});
