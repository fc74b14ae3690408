// The Zendesk half of the shell, against the preview's Zendesk API stand-in through a ZAF-shaped client:
// loading a ticket bundle (side-loads, cursor pagination, malformed answers) and the one-PUT write-back.
import { describe, expect, it, vi } from 'vitest';
import { loadTicketBundle } from '../../src/zendesk/ticket-source.ts';
import { applyWriteBack } from '../../src/zendesk/write-back.ts';
import type { WriteBack } from '../../src/core/types/filing.ts';
import type { ZafClient, ZafRequestOptions } from '../../src/zaf/client.ts';
import { AGENT_USER, FakeZafClient, REQUESTER, makeBundle } from './github-fake-zaf.ts';
import { rejection } from '../support/agent-error.ts';

// The first request of a file compiles the stand-in's OpenAPI validators; on a busy machine that alone can take
// seconds, so these tests get room (they are not timed assertions: budgets are measured by `npm run bench`).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });


/** A client that answers each request from a list of canned ZAF results, recording the URLs asked for. */
function scripted(answers: ((o: ZafRequestOptions) => unknown)[]): ZafClient & { urls: string[] } {
  const urls: string[] = [];
  const fake = new FakeZafClient();
  return Object.assign(Object.create(fake) as ZafClient, {
    urls,
    request: async (o: ZafRequestOptions) => {
      urls.push(o.url);
      const next = answers.shift();
      if (!next) throw new Error(`unexpected request ${o.url}`);
      return next(o);
    },
  });
}

const complete = (body: unknown) => ({ status: 200, headers: { 'content-type': 'application/json' }, responseText: JSON.stringify(body), responseJSON: body });

describe('loadTicketBundle', () => {
  it('loads ticket, users, organisation and comments in two requests for ≤ 100 comments', async () => {
    const bundle = makeBundle({ comments: 100 });
    const client = new FakeZafClient({ bundles: [bundle] });
    const loaded = await loadTicketBundle(client, bundle.ticket.id);
    expect(client.zendeskLog.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v2/tickets/1234.json',
      'GET /api/v2/tickets/1234/comments.json',
    ]);
    expect(client.sent[0]?.url).toBe('/api/v2/tickets/1234.json?include=users,organizations');
    expect(client.sent[1]?.url).toBe('/api/v2/tickets/1234/comments.json?page[size]=100&include=users');
    expect(loaded.ticket.id).toBe(1234);
    expect(loaded.comments.map((c) => c.id)).toEqual(bundle.comments.map((c) => c.id));
    expect(loaded.users.map((u) => u.id).sort()).toEqual([REQUESTER.id, AGENT_USER.id].sort());
    expect(loaded.organization?.name).toBe('Acme Corp');
  });

  it('follows the cursor through every page, in order (250 comments → 3 pages)', async () => {
    const bundle = makeBundle({ comments: 250 });
    const client = new FakeZafClient({ bundles: [bundle] });
    const loaded = await loadTicketBundle(client, bundle.ticket.id);
    const pages = client.zendeskLog.filter((r) => r.path.endsWith('/comments.json'));
    expect(pages).toHaveLength(3);
    expect(pages.every((p) => p.status === 200)).toBe(true);
    expect(client.sent.filter((o) => o.url.includes('page[after]='))).toHaveLength(2);
    expect(loaded.comments.map((c) => c.id)).toEqual(bundle.comments.map((c) => c.id));
  });

  it('follows links.next when a host gives no after_cursor, keeping the call relative', async () => {
    const page = (ids: number[], next: string | null) =>
      complete({
        comments: ids.map((id) => ({ id, author_id: REQUESTER.id, body: `c${id}`, public: true, created_at: '2026-11-02T09:00:00Z', attachments: [] })),
        users: [REQUESTER],
        meta: { has_more: next !== null, after_cursor: null },
        links: { next },
      });
    const b = makeBundle({ comments: 0 });
    const client = scripted([
      () => complete({ ticket: b.ticket, users: [REQUESTER, AGENT_USER], organizations: [b.organization] }),
      () => page([1, 2], 'https://acme.zendesk.com/api/v2/tickets/1234/comments.json?page%5Bsize%5D=2&page%5Bafter%5D=xyz'),
      () => page([3], null),
    ]);
    const loaded = await loadTicketBundle(client, 1234);
    expect(loaded.comments.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(client.urls[2]).toBe('/api/v2/tickets/1234/comments.json?page%5Bsize%5D=2&page%5Bafter%5D=xyz');
  });

  it('fetches comment authors the side-load left out, in one extra request', async () => {
    const b = makeBundle({ comments: 2 });
    const client = scripted([
      () => complete({ ticket: b.ticket, users: [REQUESTER], organizations: [b.organization] }),
      (o) => {
        expect(o.url).toContain('/comments.json');
        return complete({ comments: b.comments, users: [], meta: { has_more: false, after_cursor: null }, links: { next: null } });
      },
      (o) => {
        expect(o.url).toBe(`/api/v2/users/show_many.json?ids=${AGENT_USER.id}`);
        return complete({ users: [AGENT_USER] });
      },
    ]);
    const loaded = await loadTicketBundle(client, 1234);
    expect(loaded.users.map((u) => u.id).sort()).toEqual([REQUESTER.id, AGENT_USER.id].sort());
  });

  it('loads a ticket without an organisation', async () => {
    const bundle = makeBundle({ organization: false });
    const client = new FakeZafClient({ bundles: [bundle] });
    const loaded = await loadTicketBundle(client, bundle.ticket.id);
    expect(loaded.organization).toBeNull();
  });

  it('a missing ticket → ticket_load_failed with status 404, not retryable', async () => {
    const client = new FakeZafClient({ bundles: [makeBundle()] });
    const error = await rejection(loadTicketBundle(client, 999));
    expect(error.code).toBe('ticket_load_failed');
    expect(error.params.status).toBe(404);
    expect(error.params.ticketId).toBe(999);
    expect(error.retryable).toBe(false);
  });

  it('a 503 on the comments → ticket_load_failed with status 503, retryable', async () => {
    const client = new FakeZafClient({ bundles: [makeBundle()] });
    client.addZendeskFault({ path: '/comments\\.json$', status: 503 });
    const error = await rejection(loadTicketBundle(client, 1234));
    expect(error).toMatchObject({ code: 'ticket_load_failed', retryable: true, params: { status: 503 } });
  });

  it('no answer at all → network_down (Zendesk)', async () => {
    const client = new FakeZafClient({ bundles: [makeBundle()] });
    client.addZendeskFault({ path: '/tickets/1234\\.json$', network: true });
    const error = await rejection(loadTicketBundle(client, 1234));
    expect(error).toMatchObject({ code: 'network_down', retryable: true, params: { service: 'Zendesk' } });
  });

  it('a malformed answer → ticket_load_failed naming the field', async () => {
    const b = makeBundle({ comments: 1 });
    const broken = { ...b.comments[0], author_id: 'nobody' };
    const client = scripted([
      () => complete({ ticket: b.ticket, users: [REQUESTER, AGENT_USER], organizations: [b.organization] }),
      () => complete({ comments: [broken], meta: { has_more: false }, links: { next: null } }),
    ]);
    const error = await rejection(loadTicketBundle(client, 1234));
    expect(error.code).toBe('ticket_load_failed');
    expect(error.params.field).toBe('comments[0].author_id');
    expect(String(error.params.message)).toContain('author_id');
  });

  it('a host that says has_more forever without a new cursor is stopped', async () => {
    const b = makeBundle({ comments: 1 });
    const same = () =>
      complete({ comments: b.comments, meta: { has_more: true, after_cursor: 'same' }, links: { next: null } });
    const client = scripted([
      () => complete({ ticket: b.ticket, users: [REQUESTER, AGENT_USER], organizations: [] }),
      same,
      same,
    ]);
    const error = await rejection(loadTicketBundle(client, 1234));
    expect(error.code).toBe('ticket_load_failed');
    expect(String(error.params.message)).toMatch(/cursor/);
  });

  it('refuses a nonsense ticket id without asking Zendesk', async () => {
    const client = new FakeZafClient();
    const error = await rejection(loadTicketBundle(client, -1));
    expect(error.code).toBe('ticket_load_failed');
    expect(client.sent).toHaveLength(0);
  });
});

const WRITE_BACK: WriteBack = {
  ticket: {
    comment: { body: 'Filed https://github.com/sourcegraph/customer/issues/7 (Distribution, ce/p1).', public: false },
    additional_tags: ['rfh', 'rfh_team_distribution', 'rfh_priority_p1', 'rfh_issue_7'],
    status: 'hold',
  },
};

describe('applyWriteBack', () => {
  it('writes note, tags and status in ONE PUT', async () => {
    const bundle = makeBundle();
    const client = new FakeZafClient({ bundles: [bundle] });
    await applyWriteBack(client, 1234, WRITE_BACK);
    expect(client.zendeskLog).toEqual([{ method: 'PUT', path: '/api/v2/tickets/1234.json', status: 200 }]);
    expect(JSON.parse(client.sent[0]?.data ?? 'null')).toEqual(WRITE_BACK);
    expect(client.sent[0]?.contentType).toBe('application/json');
    const after = client.store.get(1234);
    expect(after?.ticket.tags).toEqual(expect.arrayContaining(['kubernetes', ...WRITE_BACK.ticket.additional_tags]));
    expect(after?.ticket.status).toBe('hold');
    const note = after?.comments.at(-1);
    expect(note?.public).toBe(false);
    expect(note?.body).toContain('issues/7');
  });

  for (const [status, retryable] of [
    [403, false],
    [409, true],
    [422, false],
    [500, true],
  ] as const) {
    it(`a refused PUT (${status}) → zendesk_writeback_refused with the status, nothing written`, async () => {
      const client = new FakeZafClient({ bundles: [makeBundle()] });
      client.addZendeskFault({ method: 'PUT', status, body: { error: 'Refused', description: `no (${status})` } });
      const error = await rejection(applyWriteBack(client, 1234, WRITE_BACK));
      expect(error).toMatchObject({ code: 'zendesk_writeback_refused', retryable, params: { status, ticketId: 1234 } });
      expect(String(error.params.message)).toContain(`no (${status})`);
      expect(client.store.get(1234)?.ticket.tags).toEqual(['kubernetes']);
    });
  }

  it('no answer → network_down (Zendesk), retryable', async () => {
    const client = new FakeZafClient({ bundles: [makeBundle()] });
    client.addZendeskFault({ method: 'PUT', network: true });
    const error = await rejection(applyWriteBack(client, 1234, WRITE_BACK));
    expect(error).toMatchObject({ code: 'network_down', retryable: true, params: { service: 'Zendesk', timeout: 0 } });
  });

  it('Zendesk validation details reach the message', async () => {
    const client = new FakeZafClient({ bundles: [makeBundle()] });
    const bad: WriteBack = { ticket: { ...WRITE_BACK.ticket, custom_fields: [{ id: 1, value: 'x' }] } };
    client.addZendeskFault({
      method: 'PUT',
      status: 422,
      body: { error: 'RecordInvalid', description: 'Record validation errors', details: { base: [{ description: 'Field 1 is not editable' }] } },
    });
    const error = await rejection(applyWriteBack(client, 1234, bad));
    expect(String(error.params.message)).toContain('Field 1 is not editable');
  });
});
