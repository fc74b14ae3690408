// Sync drills: the same event twice (a redelivery, a re-run), a run that left a ticket failed and its re-run, and
// the events the sync must leave alone so nothing loops. Each ends by reading the tickets: exactly the notes expected.
import { beforeEach, describe, expect, it } from 'vitest';
import { linkLine } from '../../src/core/issue-markers.ts';
import { SUBDOMAIN } from '../../preview/app-server.ts';
import { requestsPerTicket, syncDrill } from './sync-scenario.ts';

const drill = syncDrill();
const [A, B, C] = [1001, 1002, 1003];

beforeEach(async () => {
  await drill().reset();
});

describe('a redelivered or re-run event adds no second note', () => {
  it('a comment event run twice: one note per ticket, the second run writes nothing', async () => {
    const d = drill();
    const issue = await d.issueWith([A, B, C]);
    const event = await d.act(issue, { kind: 'comment', body: 'Could you send the frontend logs from the time of the timeout?' });
    const first = await d.run(event);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs['notes-added']).toBe('3');
    // At most 2 Zendesk requests per linked ticket: the check and the write.
    expect([...requestsPerTicket(await d.zendeskLog()).values()]).toEqual([2, 2, 2]);
    const second = await d.run(event);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.outputs['notes-added']).toBe('0');
    expect(second.stdout).toMatch(/already there/);
    for (const id of [A, B, C]) {
      const notes = await d.syncNotes(id);
      expect(notes, `notes on ${id}`).toHaveLength(1);
      expect(notes[0]!.public).toBe(false);
      expect(notes[0]!.body).toContain('> Could you send the frontend logs from the time of the timeout?');
      expect((await d.ticket(id)).ticket.tags).toContain('rfh_state_open');
    }
  });

  it('a close event redelivered: one note, closed tag, open tag gone', async () => {
    const d = drill();
    const issue = await d.issueWith([A, B]);
    const commented = await d.run(await d.act(issue, { kind: 'comment', body: 'Looking into it.' }));
    expect(commented.code).toBe(0);
    const close = await d.act(issue, { kind: 'close' });
    expect((await d.run(close)).code).toBe(0);
    expect((await d.run(close)).code).toBe(0);
    for (const id of [A, B]) {
      const notes = await d.syncNotes(id);
      expect(notes.map((n) => n.body.split('\n')[0])).toEqual([
        expect.stringMatching(/commented on sourcegraph\/customer#\d+/),
        expect.stringMatching(/closed sourcegraph\/customer#\d+/),
      ]);
      const tags = (await d.ticket(id)).ticket.tags;
      expect(tags).toContain('rfh_state_closed');
      expect(tags).not.toContain('rfh_state_open');
    }
  });

  it('a ticket that still failed makes the run red; the re-run adds only its note', async () => {
    const d = drill();
    const issue = await d.issueWith([A, B, C]);
    const event = await d.act(issue, { kind: 'comment', body: 'Fixed in 5.3.1.' });
    await d.zendeskFault({ method: 'PUT', path: `^/api/v2/tickets/${B}\\.json$`, status: 503, times: 10 });
    const red = await d.run(event, {}, { ENGAGE_SYNC_BACKOFF_MS: '10' });
    expect(red.code).not.toBe(0);
    expect(red.stdout).toMatch(/1 ticket\(s\) did not get their note; re-run/);
    expect(await d.syncNotes(A)).toHaveLength(1);
    expect(await d.syncNotes(B)).toHaveLength(0);
    expect(await d.syncNotes(C)).toHaveLength(1);
    await fetch(`${d.preview.url}__faults`, { method: 'DELETE' });
    const rerun = await d.run(event);
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(rerun.outputs['notes-added']).toBe('1');
    for (const id of [A, B, C]) expect(await d.syncNotes(id), `notes on ${id}`).toHaveLength(1);
  });
});

describe('nothing loops', () => {
  it("Engage's own comments (a ticket added, a reply posted from Zendesk) are not echoed back", async () => {
    const d = drill();
    const issue = await d.issueWith([A]);
    const added = await d.act(issue, { kind: 'comment', body: `Another customer.\n\n${linkLine('added', { subdomain: SUBDOMAIN, ticketId: B })}` });
    const run = await d.run(added);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Engage's own/);
    expect(await d.zendeskLog()).toEqual([]);
    for (const id of [A, B]) expect(await d.syncNotes(id)).toHaveLength(0);
  });

  it('events by an account in ignore-actors, and comments when comments is none, write nothing', async () => {
    const d = drill();
    const issue = await d.issueWith([A]);
    const comment = await d.act(issue, { kind: 'comment', body: 'Bumping the dependency.' });
    const actor = String((comment.payload.sender as { login: string }).login);
    const ignored = await d.run(comment, { 'ignore-actors': `dependabot[bot], ${actor.toUpperCase()}` });
    expect(ignored.code).toBe(0);
    expect(ignored.stdout).toMatch(/is listed in "ignore-actors"/);
    const none = await d.run(comment, { comments: 'none' });
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/comments are not reported/);
    // A state change still goes through with comments: none.
    const label = await d.act(issue, { kind: 'label', name: 'bug' });
    expect((await d.run(label, { comments: 'none' })).code).toBe(0);
    const notes = await d.syncNotes(A);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toMatch(/added the label "bug"/);
  });
});

it('a ticket added after more than 100 comments is found (every page of comments is read, through the local API)', async () => {
  const d = drill();
  const issue = await d.issueWith([A]);
  for (let i = 0; i < 120; i++) await d.act(issue, { kind: 'comment', body: `Investigation note ${i + 1}` });
  await d.act(issue, { kind: 'comment', body: `One more customer.\n\n${linkLine('added', { subdomain: SUBDOMAIN, ticketId: C })}` });
  const event = await d.act(issue, { kind: 'comment', body: 'Root cause found.' });
  const run = await d.run(event);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toMatch(/2 linked ticket\(s\): #1001, #1003/);
  for (const id of [A, C]) expect(await d.syncNotes(id), `notes on ${id}`).toHaveLength(1);
});
