// The preview's Zendesk REST stand-in (preview/zendesk-api.ts) over the fixture bundles: shapes, cursor
// pagination, write-backs and Zendesk's error bodies.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ZendeskComment, ZendeskUser } from '../../src/core/types/zendesk.ts';
import { loadBundleDirs, TicketStore } from '../../preview/tickets.ts';
import { cursorPage, decodeCursor, encodeCursor, handleZendeskApi, normaliseTags, type ApiResponse } from '../../preview/zendesk-api.ts';

const agent: ZendeskUser = { id: 9001, name: 'Preview Agent', email: 'agent@example.com', role: 'admin' };
const ctx = { agent, apiOrigin: 'https://engage-preview.zendesk.com', now: () => new Date('2026-11-30T12:00:00Z') };

let store: TicketStore;
beforeEach(() => {
  store = new TicketStore(loadBundleDirs([join('preview', 'tickets')]));
});

function call(method: string, pathAndQuery: string, body?: unknown): ApiResponse {
  const url = new URL(pathAndQuery, 'https://engage-preview.zendesk.com');
  return handleZendeskApi(store, { method, path: url.pathname, query: url.searchParams, body }, ctx);
}

const body = <T>(r: ApiResponse) => r.body as T;

describe('fixtures', () => {
  it('load without problems: at least 10 tickets, several with internal notes and attachments', () => {
    const loaded = loadBundleDirs([join('preview', 'tickets')]);
    expect(loaded.problems).toEqual([]);
    expect(loaded.tickets.length).toBeGreaterThanOrEqual(10);
    const withNotes = loaded.tickets.filter((t) => t.bundle.comments.some((c) => !c.public));
    const withAttachments = loaded.tickets.filter((t) => t.bundle.comments.some((c) => c.attachments.length > 0));
    expect(withNotes.length).toBeGreaterThanOrEqual(3);
    expect(withAttachments.length).toBeGreaterThanOrEqual(3);
  });
});

describe('GET tickets, users, organizations', () => {
  it('answers a ticket with side-loaded users and organizations', () => {
    const r = call('GET', '/api/v2/tickets/1001.json?include=users,organizations');
    expect(r.status).toBe(200);
    const b = body<{ ticket: { id: number }; users: ZendeskUser[]; organizations: { name: string }[] }>(r);
    expect(b.ticket.id).toBe(1001);
    expect(b.users.map((u) => u.name).sort()).toEqual(['Dana Whitfield', 'Jordan Meyers']);
    expect(b.organizations.map((o) => o.name)).toEqual(['Acme Robotics']);
    expect(body<object>(call('GET', '/api/v2/tickets/1001.json'))).not.toHaveProperty('users');
  });

  it('answers show_many, single users and organizations, and 404s in Zendesk shape', () => {
    const r = call('GET', '/api/v2/users/show_many.json?ids=380000001001,361000000101,1');
    expect(body<{ users: ZendeskUser[] }>(r).users.map((u) => u.id)).toEqual([380000001001, 361000000101]);
    expect(call('GET', '/api/v2/organizations/370000001001.json').status).toBe(200);
    expect(call('GET', '/api/v2/tickets/999999.json')).toMatchObject({ status: 404, body: { error: 'RecordNotFound', description: 'Not found' } });
    expect(call('GET', '/api/v2/organizations/1.json').status).toBe(404);
    expect(call('GET', '/api/v2/users/show_many.json?ids=abc').status).toBe(400);
    expect(call('GET', '/api/v2/macros.json')).toMatchObject({ status: 404, body: { error: 'InvalidEndpoint' } });
    const fields = body<{ ticket_fields: { id: number; title: string }[] }>(call('GET', '/api/v2/ticket_fields.json')).ticket_fields;
    expect(fields.map((f) => f.title)).toContain('Linked issue URL');
    expect(body<{ ticket_field: { title: string } }>(call('GET', '/api/v2/ticket_fields/360001000003.json')).ticket_field.title).toBe('Lifecycle');
    expect(call('GET', '/api/v2/ticket_fields/1.json').status).toBe(404);
  });
});

describe('comments with cursor pagination', () => {
  it('pages with page[size], meta.has_more, meta.after_cursor and links.next until the end', () => {
    const all = store.get(1010)!.comments.map((c) => c.id);
    const seen: number[] = [];
    let next: string | null = '/api/v2/tickets/1010/comments.json?page[size]=3&include=users';
    let pages = 0;
    while (next) {
      const r = call('GET', next);
      expect(r.status).toBe(200);
      const b = body<{ comments: ZendeskComment[]; meta: { has_more: boolean; after_cursor: string }; links: { next: string | null }; users: ZendeskUser[] }>(r);
      seen.push(...b.comments.map((c) => c.id));
      expect(b.users.length).toBeGreaterThan(0);
      pages += 1;
      if (b.meta.has_more) {
        expect(b.links.next).toContain('page%5Bafter%5D=');
        expect(b.links.next!.startsWith('https://engage-preview.zendesk.com/api/v2/tickets/1010/comments.json?')).toBe(true);
      } else {
        expect(b.links.next).toBeNull();
      }
      next = b.links.next;
    }
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 3));
  });

  it('refuses page[size] over 100 and forged cursors with 400', () => {
    expect(call('GET', '/api/v2/tickets/1001/comments.json?page[size]=101')).toMatchObject({ status: 400, body: { error: 'InvalidPaginationParameter' } });
    expect(call('GET', '/api/v2/tickets/1001/comments.json?page[size]=2&page[after]=garbage').status).toBe(400);
  });

  it('serves offset pagination without page[size], like Zendesk by default', () => {
    const b = body<{ comments: unknown[]; next_page: string | null; count: number }>(call('GET', '/api/v2/tickets/1001/comments.json?per_page=3'));
    expect(b.comments).toHaveLength(3);
    expect(b.count).toBe(4);
    expect(b.next_page).toContain('page=2');
  });

  it('cursorPage visits every item exactly once for any size (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 250 }), fc.integer({ min: 1, max: 100 }), (n, size) => {
        const items = Array.from({ length: n }, (_, i) => i);
        const seen: number[] = [];
        let q = new URLSearchParams({ 'page[size]': String(size) });
        for (;;) {
          const page = cursorPage(items, q);
          seen.push(...page.items);
          if (!page.meta.has_more) break;
          q = new URLSearchParams(page.next!);
        }
        expect(seen).toEqual(items);
      }),
    );
    expect(decodeCursor(encodeCursor(17))).toBe(17);
    expect(decodeCursor('!!')).toBeNull();
  });
});

describe('write-backs', () => {
  it('PUT ticket adds an internal note, tags, fields and status, and records what the app wrote', () => {
    const before = store.get(1001)!;
    const r = call('PUT', '/api/v2/tickets/1001.json', {
      ticket: {
        comment: { body: 'RFH filed: https://github.com/sourcegraph/customer/issues/12', public: false },
        additional_tags: ['rfh', 'rfh_team_distribution', 'RFH_Priority_P1'],
        custom_fields: [{ id: 360001000006, value: 'https://github.com/sourcegraph/customer/issues/12' }],
        status: 'hold',
      },
    });
    expect(r.status).toBe(200);
    const b = body<{ ticket: { tags: string[]; status: string }; audit: { events: unknown[] } }>(r);
    expect(b.ticket.tags).toEqual([...before.ticket.tags, 'rfh', 'rfh_team_distribution', 'rfh_priority_p1']);
    expect(b.ticket.status).toBe('hold');
    const now = store.get(1001)!;
    const note = now.comments.at(-1)!;
    expect(note).toMatchObject({ public: false, author_id: agent.id, body: 'RFH filed: https://github.com/sourcegraph/customer/issues/12' });
    expect(note.id).toBeGreaterThan(Math.max(...before.comments.map((c) => c.id)));
    expect(now.users.some((u) => u.id === agent.id)).toBe(true);
    expect(now.ticket.custom_fields!.find((f) => f.id === 360001000006)!.value).toBe('https://github.com/sourcegraph/customer/issues/12');
    // Zendesk's timestamps have whole seconds (so do the stand-in's: safe updates compare them).
    expect(now.ticket.updated_at).toBe('2026-11-30T12:00:00Z');
    const [w] = store.writesFor(1001);
    expect(w).toMatchObject({
      comment: { id: note.id, public: false },
      tagsAdded: ['rfh', 'rfh_team_distribution', 'rfh_priority_p1'],
      tagsRemoved: [],
      customFields: [{ id: 360001000006 }],
      status: { from: 'open', to: 'hold' },
    });
    // The other tickets are untouched, and a reset restores this one.
    store.reset();
    expect(store.get(1001)).toEqual(before);
    expect(store.writesFor(1001)).toEqual([]);
  });

  it('comments are public unless they say otherwise; remove_tags and tags replace', () => {
    call('PUT', '/api/v2/tickets/1002.json', { ticket: { comment: { body: 'Hello' } } });
    expect(store.get(1002)!.comments.at(-1)!.public).toBe(true);
    call('PUT', '/api/v2/tickets/1002.json', { ticket: { remove_tags: ['gitlab'] } });
    expect(store.get(1002)!.ticket.tags).not.toContain('gitlab');
    call('PUT', '/api/v2/tickets/1002.json', { ticket: { tags: ['only', 'two words'] } });
    expect(store.get(1002)!.ticket.tags).toEqual(['only', 'two', 'words']);
  });

  it('tags.json: PUT adds, POST sets, DELETE removes, GET reads', () => {
    expect(body<{ tags: string[] }>(call('PUT', '/api/v2/tickets/1003/tags.json', { tags: ['rfh'] })).tags).toContain('rfh');
    expect(body<{ tags: string[] }>(call('GET', '/api/v2/tickets/1003/tags.json')).tags).toContain('rfh');
    expect(body<{ tags: string[] }>(call('DELETE', '/api/v2/tickets/1003/tags.json', { tags: ['rfh'] })).tags).not.toContain('rfh');
    expect(body<{ tags: string[] }>(call('POST', '/api/v2/tickets/1003/tags.json', { tags: ['a'] })).tags).toEqual(['a']);
    expect(store.writesFor(1003)).toHaveLength(3);
  });

  it('refuses invalid writes with Zendesk errors and changes nothing', () => {
    const before = structuredClone(store.get(1004));
    expect(call('PUT', '/api/v2/tickets/1004.json', { comment: { body: 'x' } })).toMatchObject({ status: 400 });
    expect(call('PUT', '/api/v2/tickets/1004.json', { ticket: { comment: { body: '  ' } } })).toMatchObject({
      status: 422,
      body: { error: 'RecordInvalid', description: 'Record validation errors' },
    });
    expect(call('PUT', '/api/v2/tickets/1004.json', { ticket: { status: 'archived' } }).status).toBe(422);
    expect(call('PUT', '/api/v2/tickets/1004.json', { ticket: { additional_tags: [1] } }).status).toBe(422);
    expect(call('PUT', '/api/v2/tickets/1004.json', { ticket: { custom_fields: [{ id: 'x', value: 1 }] } }).status).toBe(422);
    expect(call('PUT', '/api/v2/tickets/1004/tags.json', { tags: 'not-a-list-but-ok' }).status).toBe(200);
    store.reset();
    expect(store.get(1004)).toEqual(before);
  });

  it('a write that changes nothing is not recorded', () => {
    call('PUT', '/api/v2/tickets/1005.json', { ticket: { additional_tags: ['code_monitoring'] } });
    expect(store.writesFor(1005)).toEqual([]);
  });

  it('normaliseTags lower-cases, splits on spaces and drops duplicates', () => {
    expect(normaliseTags(['A b', 'a', 'C'])).toEqual(['a', 'b', 'c']);
    expect(normaliseTags('x')).toEqual(['x']);
    expect(normaliseTags([1])).toBeNull();
  });
});

describe('safe updates (Zendesk: protecting against ticket update collisions)', () => {
  let clock = new Date('2026-12-01T09:00:00.250Z');
  const timed = { ...ctx, now: () => clock };
  const put = (path: string, b: unknown) => {
    const url = new URL(path, 'https://engage-preview.zendesk.com');
    return handleZendeskApi(store, { method: 'PUT', path: url.pathname, query: url.searchParams, body: b }, timed);
  };
  const claim = (tag: string, stamp: unknown) => ({ ticket: { additional_tags: [tag], safe_update: true, updated_stamp: stamp } });

  it('the stamp last read wins once; the same stamp again is refused with 409 UpdateConflict and changes nothing', () => {
    const read = store.get(1001)!.ticket.updated_at;
    clock = new Date('2026-12-01T09:00:00.250Z');
    expect(put('/api/v2/tickets/1001.json', claim('first', read)).status).toBe(200);
    const after = structuredClone(store.get(1001));
    expect(after!.ticket.updated_at).toBe('2026-12-01T09:00:00Z');
    clock = new Date('2026-12-01T09:00:03Z');
    const loser = put('/api/v2/tickets/1001.json', claim('second', read));
    expect(loser).toMatchObject({
      status: 409,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: {
        error: 'UpdateConflict',
        description: 'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.',
      },
    });
    expect(store.get(1001)).toEqual(after);
    expect(store.writesFor(1001)).toHaveLength(1);
    // Re-read, then the fresh stamp goes through (the same instant written with or without milliseconds).
    expect(put('/api/v2/tickets/1001.json', claim('second', '2026-12-01T09:00:00.000Z')).status).toBe(200);
    expect(store.get(1001)!.ticket.tags).toEqual(expect.arrayContaining(['first', 'second']));
  });

  it('safe_update without updated_stamp, or false, protects nothing; a garbled stamp is a conflict', () => {
    expect(put('/api/v2/tickets/1002.json', { ticket: { additional_tags: ['a'], safe_update: true } }).status).toBe(200);
    expect(put('/api/v2/tickets/1002.json', { ticket: { additional_tags: ['b'], safe_update: false, updated_stamp: '2000-01-01T00:00:00Z' } }).status).toBe(200);
    expect(put('/api/v2/tickets/1002.json', claim('c', 'yesterday')).status).toBe(409);
    expect(put('/api/v2/tickets/1002.json', { ticket: { comment: { body: 'x', public: false }, safe_update: 'true', updated_stamp: '2000-01-01T00:00:00Z' } }).status).toBe(409);
    expect(store.get(1002)!.ticket.tags).not.toContain('c');
  });

  it('tags.json takes safe_update and updated_stamp beside tags', () => {
    const read = store.get(1003)!.ticket.updated_at;
    expect(put('/api/v2/tickets/1003/tags.json', { tags: ['x'], safe_update: true, updated_stamp: read }).status).toBe(200);
    expect(put('/api/v2/tickets/1003/tags.json', { tags: ['y'], safe_update: true, updated_stamp: read })).toMatchObject({ status: 409, body: { error: 'UpdateConflict' } });
    expect(store.get(1003)!.ticket.tags).not.toContain('y');
  });
});
