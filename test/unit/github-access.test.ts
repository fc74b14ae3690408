// The access answer the form fetches when it opens and the filing click reuses: shared while in flight, trusted for a
// few minutes when positive, and forgotten as soon as GitHub says something that means access changed (a refusal,
// or labels dropped on a create), so a revoked permission is caught by the next filing instead of after the TTL.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import type { IssueRequest } from '../../src/core/types/filing.ts';
import { createGitHub, type GitHubService } from '../../src/github/index.ts';
import { FakeZafClient } from './github-fake-zaf.ts';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const SILENT = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
let serial = 0;
function service(client: FakeZafClient): GitHubService {
  return createGitHub(client, DEFAULT_SETTINGS, { timeUnitMs: 1, throttleId: `access-${++serial}`, log: SILENT, pacing: false, access: client.access });
}

const PRIVATE = DEFAULT_SETTINGS.privateRepo;
const REPO_GET = 'GET /repos/sourcegraph/customer';
const gets = (client: FakeZafClient) => client.githubLog().filter((r) => `${r.method} ${r.path}` === REPO_GET).length;

function request(): IssueRequest {
  const marker = 'Zendesk ticket engage-test#77';
  return {
    owner: PRIVATE.owner,
    repo: PRIVATE.repo,
    title: 'Acme Corp: search fails',
    body: `> It fails.\n\n${marker}`,
    labels: ['customer/acme-corp', 'rfh'],
    comments: [],
    marker,
  };
}

describe('checkAccess answers shared with the filing click', () => {
  it('a click while the form’s check is still on its way joins it: one request', async () => {
    const client = new FakeZafClient();
    const [a, b] = await Promise.all([service(client).checkAccess(PRIVATE), service(client).checkAccess(PRIVATE)]);
    expect(a).toEqual({ push: true });
    expect(b).toEqual({ push: true });
    expect(gets(client)).toBe(1);
  });

  it('a refusal (401) forgets the positive answer: the next check asks GitHub again', async () => {
    const client = new FakeZafClient();
    const gh = service(client);
    expect(await gh.checkAccess(PRIVATE)).toEqual({ push: true });
    client.standIn.addFault({ status: 401, body: { message: 'Bad credentials' } });
    await expect(gh.findByMarker(PRIVATE, 'engage-test#1', { customerLabel: 'customer/acme-corp' })).rejects.toMatchObject({
      code: 'github_unauthorized',
    });
    expect(await gh.checkAccess(PRIVATE)).toEqual({ push: true });
    expect(gets(client)).toBe(2);
  });

  it('labels dropped on a create (push revoked since the check) forget it too: the next filing re-checks and sees no push', async () => {
    const client = new FakeZafClient();
    const gh = service(client);
    expect(await gh.checkAccess(PRIVATE)).toEqual({ push: true });
    client.standIn.setPermission('sourcegraph', 'customer', 'read');
    const created = await gh.createIssue(request());
    expect(created.number).toBeGreaterThan(0);
    // The issue exists without them, and the caller is told which ones are missing.
    expect(created.labelsDropped).toEqual(['customer/acme-corp', 'rfh']);
    expect(await gh.checkAccess(PRIVATE)).toEqual({ push: false });
    expect(gets(client)).toBe(2);
  });

  it('with push kept, a create does not cost the next check a request', async () => {
    const client = new FakeZafClient();
    const gh = service(client);
    expect(await gh.checkAccess(PRIVATE)).toEqual({ push: true });
    const created = await gh.createIssue(request());
    expect(created.labelsDropped).toBeUndefined();
    expect(await gh.checkAccess(PRIVATE)).toEqual({ push: true });
    expect(gets(client)).toBe(1);
  });
});
