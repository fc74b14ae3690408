// Sync drills: Zendesk failing under the action (429 with Retry-After, 5xx, dropped connections before and after a
// write landed, refused credentials, a deleted ticket, a closed ticket, a comment too long for a note). Each ends by
// reading the tickets: exactly the notes expected, never a second one.
import { beforeEach, describe, expect, it } from 'vitest';
import { requestsPerTicket, syncDrill } from './sync-scenario.ts';

const drill = syncDrill();
const [A, B, C] = [1001, 1002, 1003];
const DELETED = 987654;
const ticketPath = (id: number) => `^/api/v2/tickets/${id}\\.json$`;
const commentsPath = (id: number) => `^/api/v2/tickets/${id}/comments\\.json$`;

beforeEach(async () => {
  await drill().reset();
});

async function expectNotes(ids: number[], count: number): Promise<void> {
  for (const id of ids) expect(await drill().syncNotes(id), `sync notes on ticket ${id}`).toHaveLength(count);
}

describe('Zendesk asks to wait or fails for a moment: retried, one note each', () => {
  it('429 with Retry-After: waits, then writes', async () => {
    const d = drill();
    const issue = await d.issueWith([A, B]);
    const event = await d.act(issue, { kind: 'comment', body: 'We need a HAR file.' });
    await d.zendeskFault({ method: 'GET', path: commentsPath(B), status: 429, headers: { 'retry-after': '1' } });
    const run = await d.run(event);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/waiting 1 s as its Retry-After says/);
    const log = await d.zendeskLog();
    expect(log.filter((e) => e.status === 429)).toHaveLength(1);
    await expectNotes([A, B], 1);
  });

  it('503 twice on the write: backs off, writes once', async () => {
    const d = drill();
    const issue = await d.issueWith([A, B]);
    const event = await d.act(issue, { kind: 'close' });
    await d.zendeskFault({ method: 'PUT', path: ticketPath(A), status: 503, times: 2 });
    const run = await d.run(event);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    await expectNotes([A, B], 1);
  });

  it('the write landed but Zendesk answered 500 / dropped the connection: the retry finds the note and writes nothing', async () => {
    const d = drill();
    const issue = await d.issueWith([A, B]);
    const event = await d.act(issue, { kind: 'comment', body: 'A fix is in review.' });
    await d.zendeskFault({ method: 'PUT', path: ticketPath(A), status: 500, commitThenFail: true });
    await d.zendeskFault({ method: 'PUT', path: ticketPath(B), network: true, commitThenFail: true });
    const run = await d.run(event);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/no answer from Zendesk/);
    await expectNotes([A, B], 1);
  });

  it('a dropped connection before anything was written: retried, one note', async () => {
    const d = drill();
    const issue = await d.issueWith([A]);
    const event = await d.act(issue, { kind: 'assign', login: 'search-oncall' });
    await d.zendeskFault({ method: 'GET', path: commentsPath(A), network: true, times: 2 });
    const run = await d.run(event);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const notes = await d.syncNotes(A);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toMatch(/assigned search-oncall to sourcegraph\/customer#\d+/);
  });
});

describe('Zendesk refuses: the run stops or the ticket is skipped', () => {
  it('401 (a wrong API token): fails at once naming the inputs, writes nothing', async () => {
    const d = drill();
    const issue = await d.issueWith([A, B, C]);
    const event = await d.act(issue, { kind: 'comment', body: 'Hello' });
    const run = await d.run(event, { 'zendesk-api-token': 'not-the-token' });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/::error::Zendesk refused the credentials \(401 Couldn't authenticate you\)/);
    expect(run.stdout).toMatch(/"zendesk-api-token"/);
    // The token is handed to the runner's log masking (::add-mask::) and appears nowhere else.
    expect(run.stdout.split('\n').filter((l) => l.includes('not-the-token') && !l.startsWith('::add-mask::'))).toEqual([]);
    // At once: one request, no retry, no other ticket tried.
    expect(await d.zendeskLog()).toEqual([expect.objectContaining({ status: 401 })]);
    await expectNotes([A, B, C], 0);
  });

  it('403 (the agent may not edit tickets): fails at once naming zendesk-email', async () => {
    const d = drill();
    const issue = await d.issueWith([A, B]);
    const event = await d.act(issue, { kind: 'close' });
    await d.zendeskFault({ method: 'GET', path: commentsPath(A), status: 403 });
    const run = await d.run(event);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/::error::Zendesk forbade the request \(403/);
    expect(run.stdout).toMatch(/"zendesk-email"/);
    expect((await d.zendeskLog()).length).toBe(1);
    await expectNotes([A, B], 0);
  });

  it('a deleted ticket (404) and a closed one (422) are skipped with a warning; the others get their notes', async () => {
    const d = drill();
    // Closed tickets refuse every update in Zendesk.
    const close = await fetch(`${d.preview.url}api/v2/tickets/${C}.json`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${d.preview.zendeskApi.email}/token:${d.preview.zendeskApi.token}`).toString('base64')}` },
      body: JSON.stringify({ ticket: { status: 'closed' } }),
    });
    expect(close.status).toBe(200);
    const issue = await d.issueWith([A, DELETED, B, C]);
    const event = await d.act(issue, { kind: 'comment', body: 'Released.' });
    const run = await d.run(event);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`::warning::ticket #${DELETED} skipped: .*not found`));
    expect(run.stdout).toMatch(new RegExp(`::warning::ticket #${C} skipped: Zendesk refused to update ticket ${C}.*RecordInvalid`));
    await expectNotes([A, B], 1);
    await expectNotes([C], 0);
    expect(requestsPerTicket(await d.zendeskLog()).get(DELETED)).toBe(1);
  });
});

it('a comment longer than a Zendesk note holds: quoted up to the limit, cut with the link, accepted by Zendesk', async () => {
  const d = drill();
  const issue = await d.issueWith([A]);
  // Under GitHub's 65,536 characters, but three bytes a character: far over Zendesk's 64 KB.
  const long = Array.from({ length: 1200 }, (_, i) => `line ${i}: 検索がタイムアウトしました。ログを添付します。インデックスの再構築後も続きます`).join('\n');
  expect(long.length).toBeLessThan(65_536);
  const event = await d.act(issue, { kind: 'comment', body: long });
  const run = await d.run(event);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const [note] = await d.syncNotes(A);
  const url = String((event.payload.comment as { html_url: string }).html_url);
  expect(note!.body).toContain('> line 0: 検索がタイムアウトしました');
  expect(note!.body).not.toContain('line 1199:');
  expect(note!.body).toContain(`read the rest on GitHub: ${url}`);
  expect(Buffer.byteLength(note!.body)).toBeLessThanOrEqual(64 * 1024);
});
