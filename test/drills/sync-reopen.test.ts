// Sync drill: reopen-on-close. When the issue closes, a solved, pending or on-hold ticket comes back to open (the
// agent sees the answer in their view); an open one stays open; without the input no status changes. Each ends by
// reading the tickets: one note each, the closed tag, the expected status.
import { beforeEach, expect, it } from 'vitest';
import { basicAuthHeader } from '../../preview/zendesk-auth.ts';
import { syncDrill } from './sync-scenario.ts';

const drill = syncDrill();
const [OPEN, SOLVED, PENDING, HOLD] = [1001, 1002, 1003, 1004];

beforeEach(async () => {
  await drill().reset();
});

async function setStatus(id: number, status: string): Promise<void> {
  const d = drill();
  const res = await fetch(`${d.preview.url}api/v2/tickets/${id}.json`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: basicAuthHeader(d.preview.zendeskApi) },
    body: JSON.stringify({ ticket: { status } }),
  });
  expect(res.status).toBe(200);
}

it('reopen-on-close: the issue closes, solved/pending/on-hold tickets are open again, each with one note', async () => {
  const d = drill();
  await setStatus(OPEN, 'open');
  await setStatus(SOLVED, 'solved');
  await setStatus(PENDING, 'pending');
  await setStatus(HOLD, 'hold');
  const issue = await d.issueWith([OPEN, SOLVED, PENDING, HOLD]);
  const close = await d.act(issue, { kind: 'close' });
  const run = await d.run(close, { 'reopen-on-close': 'true' });
  expect(run.code, run.stdout + run.stderr).toBe(0);
  for (const id of [OPEN, SOLVED, PENDING, HOLD]) {
    const t = await d.ticket(id);
    expect(t.ticket.status, `status of ${id}`).toBe('open');
    expect(t.ticket.tags).toContain('rfh_state_closed');
    const notes = await d.syncNotes(id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('Engage set this ticket back to open if it was waiting.');
  }
});

it('without reopen-on-close the status is left alone; a reopened issue brings back the open tag', async () => {
  const d = drill();
  await setStatus(SOLVED, 'solved');
  const issue = await d.issueWith([SOLVED]);
  expect((await d.run(await d.act(issue, { kind: 'close' }))).code).toBe(0);
  expect((await d.ticket(SOLVED)).ticket.status).toBe('solved');
  expect((await d.run(await d.act(issue, { kind: 'reopen' }))).code).toBe(0);
  const t = await d.ticket(SOLVED);
  expect(t.ticket.status).toBe('solved');
  expect(t.ticket.tags).toContain('rfh_state_open');
  expect(t.ticket.tags).not.toContain('rfh_state_closed');
  const notes = await d.syncNotes(SOLVED);
  expect(notes.map((n) => n.body.split('\n')[0])).toEqual([expect.stringMatching(/ closed /), expect.stringMatching(/ reopened /)]);
});
