// What blocks filing at open (logic/blocker.ts), the lost write-back's lookup and write-back (core/lost-link.ts), and
// the opening's questions asked once per open (flows/opening.ts).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { decisionsFromLabels, LATE_LINK_LINE, lostLinkQuery, lostLinkWriteBack } from '../../src/core/lost-link.ts';
import type { FilingDecisions } from '../../src/core/types/filing.ts';
import type { TicketModel } from '../../src/core/types/ticket.ts';
import { agentError, toPlain } from '../../src/errors/agent-error.ts';
import { RecordStore } from '../../src/flows/filing/record.ts';
import { createOpening } from '../../src/flows/opening.ts';
import { createFilingOrchestrator } from '../../src/flows/filing/orchestrator.ts';
import { inProcessLocks } from '../../src/flows/filing/locks.ts';
import { memoryStorage } from '../../src/flows/storage.ts';
import type { GitHubService } from '../../src/github/index.ts';
import { blockerOf, noticeCovers, seesAdminDetails } from '../../src/ui/logic/blocker.ts';

const S = DEFAULT_SETTINGS;
const PRIVATE = S.privateRepo;
const LOCATION = { subdomain: 'acme', ticketId: 4242 };
const err = (code: Parameters<typeof agentError>[0], params: Record<string, string | number> = {}) => toPlain(agentError(code, params, false));

describe('blockerOf', () => {
  it('says nothing while unknown or with push access', () => {
    expect(blockerOf({ state: 'unknown' }, PRIVATE, S)).toBeNull();
    expect(blockerOf({ state: 'push' }, PRIVATE, S)).toBeNull();
  });
  it('names the tracker and its setting when the token cannot push (a read-only answer or a 403)', () => {
    expect(blockerOf({ state: 'no-push' }, PRIVATE, S)).toEqual({ kind: 'no-push', repo: 'sourcegraph/customer', setting: 'private_repository' });
    expect(blockerOf({ state: 'failed', error: err('github_no_push') }, S.publicRepo, S)).toMatchObject({ kind: 'no-push', setting: 'public_repository' });
  });
  it('a 401 is the token (missing or wrong), a 404 the tracker, anything else a failed check', () => {
    expect(blockerOf({ state: 'failed', error: err('github_unauthorized', { message: 'Bad credentials' }) }, PRIVATE, S)?.kind).toBe('token');
    expect(blockerOf({ state: 'failed', error: err('github_repo_not_found', { status: 404 }) }, PRIVATE, S)).toMatchObject({ kind: 'not-found', status: 404 });
    expect(blockerOf({ state: 'failed', error: err('network_down') }, PRIVATE, S)?.kind).toBe('check-failed');
  });
  it('the notice at the top speaks for the private tracker only', () => {
    expect(noticeCovers({ owner: 'SourceGraph', repo: 'Customer' }, S)).toBe(true);
    expect(noticeCovers(S.publicRepo, S)).toBe(false);
  });
  it('admins see the details; so does anyone when Zendesk did not say the role', () => {
    expect(seesAdminDetails('admin')).toBe(true);
    expect(seesAdminDetails(null)).toBe(true);
    expect(seesAdminDetails('agent')).toBe(false);
    expect(seesAdminDetails('light-agent')).toBe(false);
  });
});

const SUGGESTED: FilingDecisions = {
  teamId: 'search-core',
  priority: 2,
  kind: 'rfh',
  tracker: 'public',
  checklist: {
    environment: { done: true, note: '' },
    repro: { done: false, note: '' },
    recent_changes: { done: false, note: '' },
    impact: { done: false, note: '' },
    urgency: { done: false, note: '' },
  },
  teammatesAsked: { done: false, note: '' },
  override: { suggestedTeamId: 'web' },
  privateIssueUrl: 'https://github.com/sourcegraph/customer/issues/1',
};

describe('the lost write-back', () => {
  it('looks for the marker and customer label the filing uses, in the private tracker', () => {
    expect(lostLinkQuery({ customerName: 'Acme Corp' }, LOCATION, S)).toEqual({
      repo: PRIVATE,
      marker: 'engage-zendesk-acme-4242',
      customerLabel: 'customer/acme-corp',
    });
  });
  it('reads team, priority and kind back from the issue labels; the rest stays as suggested', () => {
    const d = decisionsFromLabels(['customer/acme-corp', 'ce/p1', 'team/distribution'], S, DEFAULT_TEAMS, SUGGESTED);
    expect(d).toMatchObject({ teamId: 'distribution', priority: 1, kind: 'defect', tracker: 'private' });
    expect(d.override).toBeUndefined();
    expect(d.privateIssueUrl).toBeUndefined();
    expect(decisionsFromLabels(['rfh', 'ce/p0'], S, DEFAULT_TEAMS, SUGGESTED)).toMatchObject({ teamId: 'search-core', priority: 0, kind: 'rfh' });
    // Labels dropped (no push when it was filed): nothing to read, the suggestion stands.
    expect(decisionsFromLabels([], S, DEFAULT_TEAMS, SUGGESTED)).toMatchObject({ teamId: 'search-core', priority: 2, kind: 'rfh' });
  });
  it('writes the usual link, tags and fields, and says the link was finished later', () => {
    const model = { id: 4242, tags: [], customFields: {} } as unknown as TicketModel;
    const issue = { owner: 'sourcegraph', repo: 'customer', number: 7, url: 'https://github.com/sourcegraph/customer/issues/7' };
    const d = decisionsFromLabels(['rfh', 'ce/p1', 'team/distribution'], S, DEFAULT_TEAMS, SUGGESTED);
    const wb = lostLinkWriteBack(model, d, issue, { settings: S, teams: DEFAULT_TEAMS, location: LOCATION });
    expect(wb.ticket.additional_tags).toEqual(['rfh', 'rfh_team_distribution', 'rfh_priority_p1', 'rfh_issue_7']);
    expect(wb.ticket.comment.public).toBe(false);
    expect(wb.ticket.comment.body).toContain(issue.url);
    expect(wb.ticket.comment.body.endsWith(LATE_LINK_LINE)).toBe(true);
  });
});

function fakeGitHub(push: boolean | Error) {
  const calls: string[] = [];
  const github = {
    settings: S,
    async checkAccess() {
      calls.push('access');
      if (push instanceof Error) throw push;
      return { push };
    },
    async findByMarker(_repo: unknown, marker: string, options: { listOnly?: boolean; customerLabel?: string }) {
      calls.push(`find ${marker} ${options.customerLabel} ${options.listOnly}`);
      return { owner: 'sourcegraph', repo: 'customer', number: 7, url: 'u', labels: ['rfh'] };
    },
  } as unknown as GitHubService;
  return { github, calls };
}

describe('the opening', () => {
  const query = lostLinkQuery({ customerName: 'Acme Corp' }, LOCATION, S);
  it('asks for access once per open, whoever asks, and looks up by listing only', async () => {
    const { github, calls } = fakeGitHub(true);
    const opening = createOpening(() => github, () => false);
    await Promise.all([opening.access(S, PRIVATE), opening.access(S, { ...PRIVATE })]);
    expect((await opening.lostLink({ settings: S, location: LOCATION, query }))?.number).toBe(7);
    expect(calls).toEqual(['access', 'find engage-zendesk-acme-4242 customer/acme-corp true']);
  });
  it('a refused or failed check is shared too, and no lookup follows it', async () => {
    const { github, calls } = fakeGitHub(false);
    const opening = createOpening(() => github, () => false);
    expect(await opening.lostLink({ settings: S, location: LOCATION, query })).toBeNull();
    expect(await opening.access(S, PRIVATE)).toEqual({ push: false });
    expect(calls).toEqual(['access']);
    const failing = fakeGitHub(new Error('down'));
    const again = createOpening(() => failing.github, () => false);
    await expect(again.access(S, PRIVATE)).rejects.toThrow('down');
    await expect(again.access(S, PRIVATE)).rejects.toThrow('down');
    expect(failing.calls).toEqual(['access']);
  });
  it('leaves a ticket this browser is filing (or filed) to the filing steps', async () => {
    const { github, calls } = fakeGitHub(true);
    const records = new RecordStore(memoryStorage(), Date.now);
    records.write(LOCATION, PRIVATE, { phase: 'creating', settleAt: Date.now() + 1000 });
    const opening = createOpening(() => github, (l, r) => records.read(l, r) !== null);
    expect(await opening.lostLink({ settings: S, location: LOCATION, query })).toBeNull();
    expect(calls).toEqual([]);
  });
  it("takes no issue for lost when this browser started filing while the lookup was out (a rival's issue it waits for)", async () => {
    let filing = false;
    const { github, calls } = fakeGitHub(true);
    const slow: typeof github = { ...github, findByMarker: async (...a) => ((filing = true), github.findByMarker(...a)) };
    const opening = createOpening(() => slow, () => filing);
    expect(await opening.lostLink({ settings: S, location: LOCATION, query })).toBeNull();
    expect(calls).toContain('access');
  });
  it("the orchestrator's busyWith: a filing started in this panel, an own claim or a record", async () => {
    const orchestrator = createFilingOrchestrator({ storage: memoryStorage(), locks: inProcessLocks() });
    expect(orchestrator.busyWith(LOCATION, PRIVATE)).toBe(false);
    orchestrator.records.write(LOCATION, PRIVATE, { phase: 'creating', settleAt: Date.now() + 1000 });
    expect(orchestrator.busyWith(LOCATION, PRIVATE)).toBe(true);
  });
});
