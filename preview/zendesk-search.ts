// Zendesk's Search API over the preview's tickets, for the insights page: `GET /api/v2/search/export.json` (cursor
// pagination, `filter[type]=ticket` required, `page[size]` up to 1000, organisations sideloaded with
// `include=tickets(organizations)`) and `GET /api/v2/search/count.json`. The query language is the part of
// Zendesk's the app uses, and anything else is refused with a message naming what is understood:
//   type:ticket                       only tickets are searched
//   created>=2026-09-14 created<…     also >, <=, and created:DAY (that day); days are UTC
//   tags:rfh tags:engage_defect       repeated tags: keywords are ORed, as in Zendesk; a trailing * is a prefix
import type { TicketBundle, ZendeskTicket } from '../src/core/types/zendesk.ts';
import { parseDay } from '../src/core/report/weeks.ts';

const DAY_MS = 86_400_000;
export const EXPORT_MAX_PAGE_SIZE = 1000;

export interface TicketQuery {
  /** `[from, to)` in ms; null = unbounded. */
  from: number | null;
  to: number | null;
  /** Any of these (exact, or a prefix when `prefix`). Empty = no tag condition. */
  tags: { tag: string; prefix: boolean }[];
}

export class SearchQueryError extends Error {}

const CREATED = /^created(>=|<=|>|<|:)(\d{4}-\d{2}-\d{2})$/;

export function parseTicketQuery(query: string): TicketQuery {
  const q: TicketQuery = { from: null, to: null, tags: [] };
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) throw new SearchQueryError('query is empty');
  for (const word of words) {
    const w = word.toLowerCase();
    if (w === 'type:ticket') continue;
    const created = CREATED.exec(w);
    if (created) {
      const day = parseDay(created[2] as string);
      if (day === null) throw new SearchQueryError(`"${word}": ${created[2]} is not a day`);
      const op = created[1];
      const raise = (v: number) => (q.from = q.from === null ? v : Math.max(q.from, v));
      const lower = (v: number) => (q.to = q.to === null ? v : Math.min(q.to, v));
      if (op === '>=') raise(day);
      else if (op === '>') raise(day + DAY_MS);
      else if (op === '<') lower(day);
      else if (op === '<=') lower(day + DAY_MS);
      else {
        raise(day);
        lower(day + DAY_MS);
      }
      continue;
    }
    if (w.startsWith('tags:') && w.length > 'tags:'.length) {
      const tag = w.slice('tags:'.length);
      q.tags.push(tag.endsWith('*') ? { tag: tag.slice(0, -1), prefix: true } : { tag, prefix: false });
      continue;
    }
    throw new SearchQueryError(
      `the preview's search understands type:ticket, created>=DAY / created<DAY (also >, <=, created:DAY) and tags:TAG (tags:PREFIX*), not "${word}"`,
    );
  }
  return q;
}

export function matches(ticket: ZendeskTicket, q: TicketQuery): boolean {
  const at = Date.parse(ticket.created_at);
  if (q.from !== null && !(at >= q.from)) return false;
  if (q.to !== null && !(at < q.to)) return false;
  if (q.tags.length === 0) return true;
  return ticket.tags.some((t) => q.tags.some((c) => (c.prefix ? t.startsWith(c.tag) : t === c.tag)));
}

export interface SearchAnswer {
  status: number;
  body: unknown;
}

function invalid(message: string): SearchAnswer {
  return { status: 400, body: { error: 'InvalidSearchQuery', description: message } };
}

function queryOf(params: URLSearchParams): TicketQuery | SearchAnswer {
  const text = params.get('query');
  if (text === null || text.trim() === '') return invalid('query is required');
  try {
    return parseTicketQuery(text);
  } catch (e) {
    if (e instanceof SearchQueryError) return invalid(e.message);
    throw e;
  }
}

function encodeCursor(index: number): string {
  return Buffer.from(JSON.stringify({ s: index }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown };
    return typeof v.s === 'number' && Number.isInteger(v.s) && v.s >= 0 ? v.s : null;
  } catch {
    return null;
  }
}

/** Answers the two search endpoints, or null for any other path. */
export function handleSearch(bundles: readonly TicketBundle[], method: string, path: string, params: URLSearchParams, apiOrigin: string): SearchAnswer | null {
  if (path !== '/api/v2/search/export.json' && path !== '/api/v2/search/count.json') return null;
  if (method !== 'GET') return { status: 405, body: { error: 'MethodNotAllowed', description: `${method} is not allowed on ${path}` } };
  const q = queryOf(params);
  if ('status' in q) return q;
  const found = bundles.filter((b) => matches(b.ticket, q));
  if (path.endsWith('count.json')) return { status: 200, body: { count: found.length } };

  if (params.get('filter[type]') !== 'ticket') return invalid('filter[type] is required by the export endpoint (ticket, user, organization or group); the preview has tickets');
  const sizeText = params.get('page[size]') ?? '100';
  const size = Number(sizeText);
  if (!/^\d+$/.test(sizeText) || size < 1 || size > EXPORT_MAX_PAGE_SIZE) return invalid(`page[size] must be from 1 to ${EXPORT_MAX_PAGE_SIZE}`);
  const after = params.get('page[after]');
  let start = 0;
  if (after) {
    const i = decodeCursor(after);
    if (i === null || i > found.length) return invalid('page[after] is not a valid cursor');
    start = i;
  }
  const page = found.slice(start, start + size);
  const end = start + page.length;
  const hasMore = end < found.length;
  const body: Record<string, unknown> = {
    results: page.map((b) => ({ ...b.ticket, result_type: 'ticket' })),
    facets: null,
    meta: { has_more: hasMore, after_cursor: hasMore ? encodeCursor(end) : null, before_cursor: null },
    links: { prev: null, next: null as string | null },
  };
  if (hasMore) {
    const next = new URLSearchParams(params);
    next.set('page[after]', encodeCursor(end));
    (body.links as { next: string | null }).next = `${apiOrigin}${path}?${next.toString()}`;
  }
  if ((params.get('include') ?? '').replace(/\s/g, '') === 'tickets(organizations)') {
    const orgs = new Map<number, unknown>();
    for (const b of page) if (b.organization) orgs.set(b.organization.id, b.organization);
    body.organizations = [...orgs.values()];
  }
  return { status: 200, body };
}
