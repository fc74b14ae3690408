// The slice of Zendesk's REST API the app uses, answered from the ticket bundles with Zendesk's
// shapes: cursor and offset pagination, side-loads, tag and comment writes, safe updates (409 UpdateConflict) and
// Zendesk's error bodies.
// Pure apart from the store it is handed, so unit tests drive it without a server.
import { isRecord } from '../src/core/guards.ts';
import type { TicketBundle, ZendeskComment, ZendeskCustomFieldValue, ZendeskTicket, ZendeskUser } from '../src/core/types/zendesk.ts';
import type { TicketStore, WriteRecord } from './tickets.ts';
import { handleSearch } from './zendesk-search.ts';

export interface ApiRequest {
  method: string;
  /** Path without the query, e.g. `/api/v2/tickets/1001/comments.json`. */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined. */
  body: unknown;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface ApiContext {
  /** The agent the preview acts as (author of notes the app writes). */
  agent: ZendeskUser;
  /** Absolute API origin used in `links.next`/`next_page`, e.g. `https://engage-preview.zendesk.com`. */
  apiOrigin: string;
  now: () => Date;
}

/**
 * The ticket fields of the preview account's ticket form (the fixtures fill them; preview/settings.example.json
 * points the app's field settings at them). Served at /api/v2/ticket_fields[/{id}].json in Zendesk's shape.
 */
export const PREVIEW_TICKET_FIELDS: { id: number; type: string; title: string; options?: string[] }[] = [
  { id: 360001000001, type: 'tagger', title: 'Deployment type', options: ['kubernetes', 'docker_compose', 'single_container', 'managed_instance'] },
  { id: 360001000002, type: 'text', title: 'Sourcegraph version' },
  { id: 360001000003, type: 'tagger', title: 'Lifecycle', options: ['customer', 'trial', 'poc', 'evaluation', 'churned'] },
  { id: 360001000004, type: 'text', title: 'Engineering team' },
  { id: 360001000005, type: 'text', title: 'Official priority' },
  { id: 360001000006, type: 'text', title: 'Linked issue URL' },
];

function ticketFieldJson(f: (typeof PREVIEW_TICKET_FIELDS)[number], apiOrigin: string): Record<string, unknown> {
  return {
    url: `${apiOrigin}/api/v2/ticket_fields/${f.id}.json`,
    id: f.id,
    type: f.type,
    title: f.title,
    raw_title: f.title,
    active: true,
    required: false,
    visible_in_portal: false,
    editable_in_portal: false,
    custom_field_options: (f.options ?? []).map((value, i) => ({ id: f.id * 10 + i, name: value, raw_name: value, value, default: false })),
  };
}

/** Zendesk refuses a comment body over 64 KB (422). */
export const MAX_COMMENT_BYTES = 64 * 1024;

const STATUSES: ZendeskTicket['status'][] = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
const MAX_PAGE_SIZE = 100;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-zendesk-api-version': 'v2' };

function ok(body: unknown, status = 200): ApiResponse {
  return { status, headers: { ...JSON_HEADERS }, body };
}

export function zendeskError(status: number, error: string, description?: string, details?: unknown): ApiResponse {
  const body: Record<string, unknown> = { error };
  if (description !== undefined) body.description = description;
  if (details !== undefined) body.details = details;
  return { status, headers: { ...JSON_HEADERS }, body };
}

/**
 * Zendesk's "protecting against ticket update collisions": a write carrying `safe_update: true` and the
 * `updated_stamp` its sender last read is refused with 409 when the ticket's `updated_at` is another instant (someone
 * changed it meanwhile). Without an `updated_stamp` the flag protects nothing and the write goes through.
 */
export const UPDATE_CONFLICT_DESCRIPTION =
  'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.';

function safeUpdateConflict(ticket: ZendeskTicket, write: Record<string, unknown>): ApiResponse | null {
  const safe = write.safe_update === true || write.safe_update === 'true';
  if (!safe || write.updated_stamp === undefined || write.updated_stamp === null) return null;
  // Zendesk's timestamps have whole seconds: compare instants at that resolution.
  const second = (v: unknown) => (typeof v === 'string' ? Math.floor(Date.parse(v) / 1000) : NaN);
  const stamp = second(write.updated_stamp);
  if (Number.isFinite(stamp) && stamp === second(ticket.updated_at)) return null;
  return zendeskError(409, 'UpdateConflict', UPDATE_CONFLICT_DESCRIPTION);
}

/** `updated_at` as Zendesk writes it: ISO 8601 in UTC, whole seconds. */
export function zendeskTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const notFound = () => zendeskError(404, 'RecordNotFound', 'Not found');
const invalid = (field: string, description: string) =>
  zendeskError(422, 'RecordInvalid', 'Record validation errors', { [field]: [{ description, error: 'InvalidValue' }] });

// ---- cursors ----------------------------------------------------------------------------------------------------
// Zendesk cursors are opaque strings; ours encode the position so a stale or forged one is detected.

export function encodeCursor(index: number): string {
  return Buffer.from(JSON.stringify({ o: index }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (isRecord(v) && typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0) return v.o;
  } catch {
    /* fall through */
  }
  return null;
}

export interface CursorPage<T> {
  items: T[];
  meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null };
  /** Query strings for the next/previous pages (caller makes them absolute). */
  next: string | null;
  prev: string | null;
}

/**
 * One cursor page as Zendesk cuts it: `page[size]` (1-100), then `page[after]` or `page[before]`.
 * Throws a message for invalid parameters (the caller answers 400).
 */
export function cursorPage<T>(all: T[], query: URLSearchParams): CursorPage<T> {
  const sizeText = query.get('page[size]') ?? String(MAX_PAGE_SIZE);
  const size = Number(sizeText);
  if (!/^\d+$/.test(sizeText) || size < 1) throw new Error('page[size] must be a positive integer');
  if (size > MAX_PAGE_SIZE) throw new Error(`page[size] must be at most ${MAX_PAGE_SIZE}`);
  const after = query.get('page[after]');
  const before = query.get('page[before]');
  let start: number;
  let end: number;
  if (after !== null && after !== '') {
    const i = decodeCursor(after);
    if (i === null || i >= all.length) throw new Error('page[after] is not a valid cursor');
    start = i + 1;
    end = Math.min(all.length, start + size);
  } else if (before !== null && before !== '') {
    const i = decodeCursor(before);
    if (i === null || i > all.length) throw new Error('page[before] is not a valid cursor');
    end = i;
    start = Math.max(0, end - size);
  } else {
    start = 0;
    end = Math.min(all.length, size);
  }
  const items = all.slice(start, end);
  const hasMore = end < all.length;
  const afterCursor = items.length ? encodeCursor(end - 1) : null;
  const beforeCursor = items.length ? encodeCursor(start) : null;
  const q = (k: string, c: string) => {
    const p = new URLSearchParams(query);
    p.delete('page[after]');
    p.delete('page[before]');
    p.set('page[size]', String(size));
    p.set(k, c);
    return p.toString();
  };
  return {
    items,
    meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
    next: hasMore && afterCursor ? q('page[after]', afterCursor) : null,
    prev: start > 0 && beforeCursor ? q('page[before]', beforeCursor) : null,
  };
}

// ---- tags -------------------------------------------------------------------------------------------------------

/** Zendesk stores tags lower-case, and a space inside a "tag" makes two tags. */
export function normaliseTags(input: unknown): string[] | null {
  const list = typeof input === 'string' ? [input] : input;
  if (!Array.isArray(list) || list.some((t) => typeof t !== 'string')) return null;
  const out: string[] = [];
  for (const t of list as string[]) {
    for (const part of t.toLowerCase().split(/\s+/)) if (part && !out.includes(part)) out.push(part);
  }
  return out;
}

// ---- helpers ----------------------------------------------------------------------------------------------------

function allUsers(store: TicketStore): Map<number, ZendeskUser> {
  const users = new Map<number, ZendeskUser>();
  for (const b of store.list()) for (const u of b.users) users.set(u.id, u);
  return users;
}

function ticketUsers(bundle: TicketBundle, ids: (number | null | undefined)[]): ZendeskUser[] {
  const wanted = new Set(ids.filter((id): id is number => typeof id === 'number'));
  return bundle.users.filter((u) => wanted.has(u.id));
}

function includes(query: URLSearchParams): Set<string> {
  return new Set(
    (query.get('include') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

function ticketResponse(bundle: TicketBundle, query: URLSearchParams): Record<string, unknown> {
  const body: Record<string, unknown> = { ticket: bundle.ticket };
  const inc = includes(query);
  if (inc.has('users')) {
    const t = bundle.ticket;
    body.users = ticketUsers(bundle, [t.requester_id, t.submitter_id, t.assignee_id]);
  }
  if (inc.has('organizations')) body.organizations = bundle.organization ? [bundle.organization] : [];
  return body;
}

// ---- the router -------------------------------------------------------------------------------------------------

export function handleZendeskApi(store: TicketStore, req: ApiRequest, ctx: ApiContext): ApiResponse {
  const method = req.method.toUpperCase();
  const m = (re: RegExp) => re.exec(req.path);
  let match: RegExpExecArray | null;

  // The Search API (export with its cursor, count) for the insights page: preview/zendesk-search.ts.
  if (req.path.startsWith('/api/v2/search/')) {
    const answer = handleSearch(store.list(), method, req.path, req.query, ctx.apiOrigin);
    if (answer) return { status: answer.status, headers: JSON_HEADERS, body: answer.body };
  }

  if ((match = m(/^\/api\/v2\/tickets\/(\d+)\.json$/))) {
    const id = Number(match[1]);
    const bundle = store.get(id);
    if (!bundle) return notFound();
    if (method === 'GET') return ok(ticketResponse(bundle, req.query));
    if (method === 'PUT') return updateTicket(store, bundle, req, ctx);
    return zendeskError(405, 'MethodNotAllowed', `${method} is not allowed on ${req.path}`);
  }

  if ((match = m(/^\/api\/v2\/tickets\/(\d+)\/comments\.json$/))) {
    if (method !== 'GET') return zendeskError(405, 'MethodNotAllowed', `${method} is not allowed on ${req.path}`);
    const bundle = store.get(Number(match[1]));
    if (!bundle) return notFound();
    return listComments(bundle, req, ctx);
  }

  if ((match = m(/^\/api\/v2\/tickets\/(\d+)\/tags\.json$/))) {
    const bundle = store.get(Number(match[1]));
    if (!bundle) return notFound();
    if (method === 'GET') return ok({ tags: bundle.ticket.tags });
    if (method === 'PUT' || method === 'POST' || method === 'DELETE') return writeTags(store, bundle, req, ctx);
    return zendeskError(405, 'MethodNotAllowed', `${method} is not allowed on ${req.path}`);
  }

  if (method === 'GET' && req.path === '/api/v2/users/show_many.json') {
    const idsText = req.query.get('ids') ?? '';
    const ids = idsText.split(',').filter(Boolean);
    if (ids.length === 0 || ids.some((s) => !/^\d+$/.test(s.trim()))) {
      return zendeskError(400, 'InvalidParameter', 'ids must be a comma-separated list of user ids');
    }
    if (ids.length > 100) return zendeskError(400, 'InvalidParameter', 'at most 100 ids');
    const users = allUsers(store);
    return ok({ users: ids.map((s) => users.get(Number(s))).filter((u): u is ZendeskUser => !!u) });
  }

  if ((match = m(/^\/api\/v2\/users\/(\d+)\.json$/)) && method === 'GET') {
    const user = allUsers(store).get(Number(match[1]));
    return user ? ok({ user }) : notFound();
  }

  if (method === 'GET' && req.path === '/api/v2/users/me.json') return ok({ user: ctx.agent });

  if (method === 'GET' && req.path === '/api/v2/ticket_fields.json') {
    return ok({ ticket_fields: PREVIEW_TICKET_FIELDS.map((f) => ticketFieldJson(f, ctx.apiOrigin)), next_page: null, previous_page: null, count: PREVIEW_TICKET_FIELDS.length });
  }
  if ((match = m(/^\/api\/v2\/ticket_fields\/(\d+)\.json$/)) && method === 'GET') {
    const field = PREVIEW_TICKET_FIELDS.find((f) => f.id === Number(match![1]));
    return field ? ok({ ticket_field: ticketFieldJson(field, ctx.apiOrigin) }) : notFound();
  }

  if ((match = m(/^\/api\/v2\/organizations\/(\d+)\.json$/)) && method === 'GET') {
    const id = Number(match[1]);
    const org = store
      .list()
      .map((b) => b.organization)
      .find((o) => o?.id === id);
    return org ? ok({ organization: org }) : notFound();
  }

  return zendeskError(404, 'InvalidEndpoint', 'Not found');
}

function listComments(bundle: TicketBundle, req: ApiRequest, ctx: ApiContext): ApiResponse {
  const base = `${ctx.apiOrigin}/api/v2/tickets/${bundle.ticket.id}/comments.json`;
  let comments = bundle.comments;
  const order = req.query.get('sort_order') ?? req.query.get('sort');
  if (order === 'desc' || order === '-created_at') comments = [...comments].reverse();
  const withUsers = (body: Record<string, unknown>, page: ZendeskComment[]) => {
    if (includes(req.query).has('users')) body.users = ticketUsers(bundle, page.map((c) => c.author_id));
    return body;
  };

  const cursorMode = [...req.query.keys()].some((k) => k.startsWith('page['));
  if (cursorMode) {
    let page: CursorPage<ZendeskComment>;
    try {
      page = cursorPage(comments, req.query);
    } catch (e) {
      return zendeskError(400, 'InvalidPaginationParameter', (e as Error).message);
    }
    return ok(
      withUsers(
        {
          comments: page.items,
          meta: page.meta,
          links: { prev: page.prev ? `${base}?${page.prev}` : null, next: page.next ? `${base}?${page.next}` : null },
        },
        page.items,
      ),
    );
  }

  // Offset pagination (Zendesk's older style, still the default without page[size]): 100 per page.
  const pageNo = Number(req.query.get('page') ?? '1');
  const perPage = Number(req.query.get('per_page') ?? String(MAX_PAGE_SIZE));
  if (!Number.isInteger(pageNo) || pageNo < 1 || !Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PAGE_SIZE) {
    return zendeskError(400, 'InvalidPaginationParameter', `page must be ≥ 1 and per_page 1-${MAX_PAGE_SIZE}`);
  }
  const start = (pageNo - 1) * perPage;
  const items = comments.slice(start, start + perPage);
  const link = (p: number) => {
    const q = new URLSearchParams(req.query);
    q.set('page', String(p));
    q.set('per_page', String(perPage));
    return `${base}?${q.toString()}`;
  };
  return ok(
    withUsers(
      {
        comments: items,
        next_page: start + perPage < comments.length ? link(pageNo + 1) : null,
        previous_page: pageNo > 1 ? link(pageNo - 1) : null,
        count: comments.length,
      },
      items,
    ),
  );
}

interface Change {
  bundle: TicketBundle;
  record: WriteRecord;
  events: Record<string, unknown>[];
}

function startChange(bundle: TicketBundle, req: ApiRequest, ctx: ApiContext): Change {
  return {
    bundle: structuredClone(bundle),
    record: { at: ctx.now().toISOString(), method: req.method.toUpperCase(), path: req.path, tagsAdded: [], tagsRemoved: [], customFields: [] },
    events: [],
  };
}

function applyTags(change: Change, next: string[]): void {
  const before = change.bundle.ticket.tags;
  const added = next.filter((t) => !before.includes(t));
  const removed = before.filter((t) => !next.includes(t));
  change.bundle.ticket.tags = next;
  change.record.tagsAdded.push(...added);
  change.record.tagsRemoved.push(...removed);
  if (added.length || removed.length) {
    change.events.push({ type: 'Change', field_name: 'tags', value: next, previous_value: before });
  }
}

function finish(store: TicketStore, change: Change, ctx: ApiContext): void {
  const r = change.record;
  const changed = !!r.comment || r.tagsAdded.length > 0 || r.tagsRemoved.length > 0 || r.customFields.length > 0 || !!r.status;
  if (changed) change.bundle.ticket.updated_at = zendeskTime(new Date(r.at));
  if (!change.bundle.users.some((u) => u.id === ctx.agent.id) && r.comment) change.bundle.users.push(ctx.agent);
  store.commit(change.bundle.ticket.id, change.bundle, changed ? r : null);
}

function updateTicket(store: TicketStore, bundle: TicketBundle, req: ApiRequest, ctx: ApiContext): ApiResponse {
  if (!isRecord(req.body) || !isRecord(req.body.ticket)) {
    return zendeskError(400, 'InvalidParameter', 'The body must be {"ticket": {...}}');
  }
  if (bundle.ticket.status === 'closed') return invalid('status', 'Status: closed prevents ticket update');
  const t = req.body.ticket;
  const conflict = safeUpdateConflict(bundle.ticket, t);
  if (conflict) return conflict;
  const change = startChange(bundle, req, ctx);

  if (t.comment !== undefined) {
    if (!isRecord(t.comment)) return invalid('comment', 'Comment: must be an object');
    const c = t.comment;
    const body = typeof c.body === 'string' ? c.body : typeof c.html_body === 'string' ? c.html_body : '';
    if (body.trim() === '') return invalid('comment', 'Comment: cannot be blank');
    if (Buffer.byteLength(body, 'utf8') > MAX_COMMENT_BYTES) return invalid('comment', 'Comment: is too long (maximum is 64 KB)');
    if (c.public !== undefined && typeof c.public !== 'boolean') return invalid('comment', 'Comment: public must be true or false');
    // Zendesk's default: a comment is public unless it says otherwise.
    const isPublic = c.public !== false;
    const comment: ZendeskComment = {
      id: store.newId(),
      type: 'Comment',
      author_id: ctx.agent.id,
      body,
      plain_body: body,
      public: isPublic,
      created_at: change.record.at,
      attachments: [],
    };
    change.bundle.comments.push(comment);
    change.record.comment = { id: comment.id, public: isPublic, body };
    change.events.push({ type: 'Comment', id: comment.id, body, public: isPublic, author_id: ctx.agent.id });
  }

  if (t.tags !== undefined) {
    const tags = normaliseTags(t.tags);
    if (!tags) return invalid('tags', 'Tags: must be an array of strings');
    applyTags(change, tags);
  }
  if (t.additional_tags !== undefined) {
    const add = normaliseTags(t.additional_tags);
    if (!add) return invalid('additional_tags', 'additional_tags: must be an array of strings');
    applyTags(change, [...change.bundle.ticket.tags, ...add.filter((x) => !change.bundle.ticket.tags.includes(x))]);
  }
  if (t.remove_tags !== undefined) {
    const remove = normaliseTags(t.remove_tags);
    if (!remove) return invalid('remove_tags', 'remove_tags: must be an array of strings');
    applyTags(
      change,
      change.bundle.ticket.tags.filter((x) => !remove.includes(x)),
    );
  }

  if (t.custom_fields !== undefined) {
    if (!Array.isArray(t.custom_fields)) return invalid('custom_fields', 'custom_fields: must be an array of {id, value}');
    const fields: ZendeskCustomFieldValue[] = [...(change.bundle.ticket.custom_fields ?? [])];
    for (const f of t.custom_fields as unknown[]) {
      if (!isRecord(f) || typeof f.id !== 'number' || !Number.isInteger(f.id)) {
        return invalid('custom_fields', 'custom_fields: each entry needs a numeric "id"');
      }
      const v = f.value;
      const valid =
        v === null ||
        typeof v === 'string' ||
        typeof v === 'number' ||
        typeof v === 'boolean' ||
        (Array.isArray(v) && v.every((x) => typeof x === 'string'));
      if (!valid) return invalid('custom_fields', `custom field ${f.id}: value must be a string, number, boolean, list of strings or null`);
      const value = v as ZendeskCustomFieldValue['value'];
      const i = fields.findIndex((x) => x.id === f.id);
      const previous = i >= 0 ? fields[i]!.value : undefined;
      if (i >= 0) fields[i] = { id: f.id, value };
      else fields.push({ id: f.id, value });
      if (JSON.stringify(previous) !== JSON.stringify(value)) {
        change.record.customFields.push({ id: f.id, value });
        change.events.push({ type: 'Change', field_name: String(f.id), value, previous_value: previous ?? null });
      }
    }
    change.bundle.ticket.custom_fields = fields;
  }

  if (t.status !== undefined) {
    if (typeof t.status !== 'string' || !STATUSES.includes(t.status as ZendeskTicket['status'])) {
      return invalid('status', `Status: must be one of ${STATUSES.join(', ')}`);
    }
    const from = change.bundle.ticket.status;
    const to = t.status as ZendeskTicket['status'];
    if (to === 'new' && from !== 'new') return invalid('status', 'Status: cannot go back to new');
    if (from !== to) {
      change.bundle.ticket.status = to;
      change.record.status = { from, to };
      change.events.push({ type: 'Change', field_name: 'status', value: to, previous_value: from });
    }
  }

  finish(store, change, ctx);
  const ticket = store.get(bundle.ticket.id)!.ticket;
  return ok({
    ticket,
    audit: { id: store.newId(), ticket_id: ticket.id, created_at: change.record.at, author_id: ctx.agent.id, events: change.events },
  });
}

function writeTags(store: TicketStore, bundle: TicketBundle, req: ApiRequest, ctx: ApiContext): ApiResponse {
  if (!isRecord(req.body)) return zendeskError(400, 'InvalidParameter', 'The body must be {"tags": [...]}');
  const tags = normaliseTags(req.body.tags);
  if (!tags) return invalid('tags', 'Tags: must be an array of strings');
  if (bundle.ticket.status === 'closed') return invalid('status', 'Status: closed prevents ticket update');
  // The tags endpoint takes the same two properties beside `tags`.
  const conflict = safeUpdateConflict(bundle.ticket, req.body);
  if (conflict) return conflict;
  const change = startChange(bundle, req, ctx);
  const current = change.bundle.ticket.tags;
  const method = req.method.toUpperCase();
  // Zendesk: POST sets the list, PUT adds to it, DELETE removes from it.
  const next =
    method === 'POST' ? tags : method === 'PUT' ? [...current, ...tags.filter((x) => !current.includes(x))] : current.filter((x) => !tags.includes(x));
  applyTags(change, next);
  finish(store, change, ctx);
  return ok({ tags: store.get(bundle.ticket.id)!.ticket.tags });
}
