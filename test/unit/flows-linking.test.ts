// Adding a ticket to an existing issue and unlinking it, against the GitHub stand-in and the preview's Zendesk API
// through the real Octokit + ZAF adapter: the request budget, and "never twice" after a double click, a lost answer
// and a reload.
import { describe, expect, it, vi } from 'vitest';
import { composeAddedComment } from '../../src/core/compose-added.ts';
import { linkedTickets, linkLine } from '../../src/core/issue-markers.ts';
import { findLinks } from '../../src/core/links.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import type { LinkedIssue } from '../../src/core/types/filing.ts';
import type { TicketLocation } from '../../src/core/types/ticket.ts';
import { composeUnlink, composeWriteBack } from '../../src/core/writeback.ts';
import { inProcessLocks } from '../../src/flows/filing/locks.ts';
import type { AddToIssueArgs } from '../../src/flows/linking/add-to-issue.ts';
import { createLinking, type Linking } from '../../src/flows/linking/linking.ts';
import { memoryStorage, type KeyValueStorage } from '../../src/flows/storage.ts';
import { createGitHub, type GitHubService } from '../../src/github/index.ts';
import { decisions } from './core-compose-fixture.ts';
import { FakeZafClient, SUBDOMAIN, TEST_TOKEN, makeBundle } from './github-fake-zaf.ts';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const SILENT = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
let serial = 0;
const A: TicketLocation = { subdomain: SUBDOMAIN, ticketId: 2001 };
const B: TicketLocation = { subdomain: SUBDOMAIN, ticketId: 2002 };
const ctx = (location: TicketLocation) => ({ settings: DEFAULT_SETTINGS, teams: DEFAULT_TEAMS, location });

function github(client: FakeZafClient): GitHubService {
  return createGitHub(client, DEFAULT_SETTINGS, { timeUnitMs: 1, throttleId: `linking-${++serial}`, log: SILENT, pacing: false, access: client.access });
}

/** Ticket A's issue, filed as Engage files it (its body ends with A's link line). */
async function world() {
  const client = new FakeZafClient({ bundles: [makeBundle({ id: A.ticketId }), makeBundle({ id: B.ticketId })] });
  const gh = github(client);
  const created = await gh.createIssue({
    owner: 'sourcegraph',
    repo: 'customer',
    title: 'Acme: pods crash',
    body: `> crash\n\n${linkLine('filed', A)}`,
    labels: ['customer/acme', 'rfh'],
    comments: [],
    marker: '',
  });
  const issue: LinkedIssue = { owner: created.owner, repo: created.repo, number: created.number, url: created.url };
  await gh.checkAccess(DEFAULT_SETTINGS.privateRepo); // the form asked when it opened
  return { client, gh, issue };
}

function addArgs(w: Awaited<ReturnType<typeof world>>, client = w.client, gh = w.gh): AddToIssueArgs {
  const model = buildTicketModel(structuredClone(client.store.get(B.ticketId)!));
  const d = decisions();
  return {
    client,
    github: gh,
    settings: DEFAULT_SETTINGS,
    location: B,
    model,
    issue: w.issue,
    comment: () => composeAddedComment(model, d, ctx(B)),
    writeBack: (issue) => composeWriteBack(model, d, issue, ctx(B), 'added'),
  };
}

const linking = (storage: KeyValueStorage = memoryStorage()): Linking => createLinking(storage, inProcessLocks());
type World = Awaited<ReturnType<typeof world>>;
/** The issue and its comments as GitHub has them, read past the request log (an inspection, not the app's request). */
async function onGitHub(w: World): Promise<{ body: string; labels: string[]; comments: { body: string }[] }> {
  const read = (path: string) =>
    w.client.standIn.handle({ method: 'GET', path, query: new URLSearchParams(), headers: { authorization: `Bearer ${TEST_TOKEN}` }, body: undefined }, { internal: true });
  const issue = (await read(`/repos/sourcegraph/customer/issues/${w.issue.number}`)).body as { body: string; labels: { name: string }[] };
  const comments = (await read(`/repos/sourcegraph/customer/issues/${w.issue.number}/comments`)).body as { body: string }[];
  return { body: issue.body, labels: issue.labels.map((l) => l.name), comments };
}
const markerComments = async (w: World) => (await onGitHub(w)).comments.filter((c) => linkedTickets('', [c]).length > 0).length;
const addedNotes = (w: Awaited<ReturnType<typeof world>>) =>
  (w.client.store.get(B.ticketId)?.comments ?? []).filter((c) => !c.public && c.body.startsWith('Engage added this ticket')).length;
const count = (w: Awaited<ReturnType<typeof world>>) => w.client.githubLog().length + w.client.zendeskLog.length;

describe('add this ticket to an existing issue', () => {
  it('comments, labels and writes back: 3 requests from the click to the link', async () => {
    const w = await world();
    const before = count(w);
    const outcome = await linking().addToIssue(addArgs(w));
    expect(outcome).toMatchObject({ commented: true, writeBack: { ok: true } });
    expect(count(w) - before).toBe(3);
    const issue = await onGitHub(w);
    expect(linkedTickets(issue.body, issue.comments, SUBDOMAIN).map((t) => t.ticketId)).toEqual([A.ticketId, B.ticketId]);
    expect(issue.labels).toContain('customer/acme-corp');
    const after = buildTicketModel(structuredClone(w.client.store.get(B.ticketId)!));
    expect(findLinks(after, DEFAULT_SETTINGS).map((l) => l.number)).toEqual([w.issue.number]);
    expect(addedNotes(w)).toBe(1);
  });

  it('a double click joins the first; adding again once linked costs nothing', async () => {
    const w = await world();
    const l = linking();
    const args = addArgs(w);
    await Promise.all([l.addToIssue(args), l.addToIssue(args)]);
    expect(await markerComments(w)).toBe(1);
    const before = count(w);
    const again = await l.addToIssue(addArgs(w)); // the reloaded ticket links it
    expect(again.commented).toBe(false);
    expect(count(w)).toBe(before);
    expect(addedNotes(w)).toBe(1);
  });

  it('a comment whose answer was lost is found after a reload, not posted again', async () => {
    const w = await world();
    const storage = memoryStorage();
    w.client.standIn.addFault({ method: 'POST', path: '/comments$', commitThenFail: true, status: 502 });
    await expect(linking(storage).addToIssue(addArgs(w))).rejects.toMatchObject({ code: 'github_unavailable' });
    expect(await markerComments(w)).toBe(1);
    // A reload: a new page on the same servers with the same storage.
    const client = new FakeZafClient({ standIn: w.client.standIn });
    Object.defineProperty(client, 'store', { value: w.client.store });
    const outcome = await linking(storage).addToIssue(addArgs(w, client, github(client)));
    expect(outcome).toMatchObject({ commented: false, writeBack: { ok: true } });
    expect(await markerComments(w)).toBe(1);
    expect(addedNotes(w)).toBe(1);
  });

  it('a write-back that failed is retried alone, and the ticket gets one note', async () => {
    const w = await world();
    const l = linking();
    w.client.addZendeskFault({ method: 'PUT', status: 503 });
    const first = await l.addToIssue(addArgs(w));
    expect(first.writeBack.ok).toBe(false);
    const second = await l.addToIssue(addArgs(w));
    expect(second.writeBack.ok).toBe(true);
    expect(await markerComments(w)).toBe(1);
    expect(addedNotes(w)).toBe(1);
  });
});

describe('unlink', () => {
  it('edits the marker comment (not deleted), and the ticket no longer links the issue', async () => {
    const w = await world();
    const l = linking();
    await l.addToIssue(addArgs(w));
    const model = buildTicketModel(structuredClone(w.client.store.get(B.ticketId)!));
    const [link] = findLinks(model, DEFAULT_SETTINGS);
    const outcome = await l.unlink({
      client: w.client,
      github: w.gh,
      location: B,
      link: link!,
      by: 'Avery Agent',
      at: new Date('2026-12-07T10:00:00Z'),
      writeBack: composeUnlink(model, link!, [], { settings: DEFAULT_SETTINGS, teams: DEFAULT_TEAMS, by: 'Avery Agent' }),
    });
    expect(outcome).toMatchObject({ edited: 'comment', writeBack: { ok: true } });
    const issue = await onGitHub(w);
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]!.body).toMatch(/^\*\*Unlinked\*\* on 2026-12-07 by Avery Agent/);
    expect(linkedTickets(issue.body, issue.comments).map((t) => t.ticketId)).toEqual([A.ticketId]);
    const after = buildTicketModel(structuredClone(w.client.store.get(B.ticketId)!));
    expect(findLinks(after, DEFAULT_SETTINGS)).toEqual([]);
    expect(after.tags).not.toContain(`rfh_issue_${w.issue.number}`);
  });
});
