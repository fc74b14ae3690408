// Ticket bundles: `{"ticket": {...}, "comments": [...], "users": [...], "organization": {...} | null}` with the
// Zendesk REST objects as the API returns them. Everything downstream trusts the shapes checked here, so a bad
// bundle fails HERE with a message naming the file, the ticket and the field — never later with a TypeError.
//
// Only what Engage reads is checked; Zendesk sends many more fields and they are kept as they are.
// Fields Zendesk always sends but that do not change any decision get a harmless default when absent
// (e.g. `tags` → [], `priority` → null), so hand-written fixtures and older exports still load.
import { isRecord } from './guards.ts';
import type {
  TicketBundle,
  ZendeskAttachment,
  ZendeskComment,
  ZendeskCustomFieldValue,
  ZendeskOrganization,
  ZendeskTicket,
  ZendeskUser,
} from './types/zendesk.ts';

export class BundleError extends Error {
  /** Path of the offending field inside the bundle, e.g. `comments[2].author_id` ('' = the whole bundle). */
  readonly field: string;
  /** File name or other source label, when known. */
  readonly source: string | undefined;
  /** The ticket id, when the ticket part was readable enough to tell. */
  readonly ticketId: number | undefined;
  /** Position of the bundle in a file holding several (0-based), when relevant. */
  readonly index: number | undefined;
  /** The message without the location prefix. */
  readonly detail: string;

  constructor(detail: string, field: string, where: { source?: string; ticketId?: number; index?: number } = {}) {
    super(formatMessage(detail, field, where));
    this.name = 'BundleError';
    this.detail = detail;
    this.field = field;
    this.source = where.source;
    this.ticketId = where.ticketId;
    this.index = where.index;
  }
}

function formatMessage(detail: string, field: string, where: { source?: string; ticketId?: number; index?: number }): string {
  const parts: string[] = [];
  if (where.source) parts.push(where.source);
  if (where.index !== undefined) parts.push(`bundle #${where.index + 1}`);
  if (where.ticketId !== undefined) parts.push(`ticket ${where.ticketId}`);
  const location = parts.length ? `${parts.join(', ')}: ` : '';
  return field ? `${location}${field} ${detail}` : `${location}${detail}`;
}

/** A failed check inside the bundle: caught by parseBundle and turned into a BundleError with the location. */
class FieldProblem {
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {}
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a string ("${value.slice(0, 37)}...")` : `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function fail(path: string, expected: string, value: unknown): never {
  throw new FieldProblem(path, value === undefined ? `is missing (must be ${expected})` : `must be ${expected}, got ${describe(value)}`);
}

function record(v: unknown, path: string): Record<string, unknown> {
  if (!isRecord(v)) fail(path, 'an object', v);
  return v;
}

function id(v: unknown, path: string): number {
  // Zendesk ids are 64-bit integers sent as JSON numbers; digits in a string are accepted (some exports quote them).
  if (typeof v === 'string' && /^\d{1,16}$/.test(v)) return Number(v);
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(path, 'a positive integer id', v);
  return v;
}

function optionalId(v: unknown, path: string): number | null {
  return v === undefined || v === null ? null : id(v, path);
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string') fail(path, 'a string', v);
  return v;
}

function optionalStr(v: unknown, path: string, fallback: string): string {
  return v === undefined || v === null ? fallback : str(v, path);
}

function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') fail(path, 'true or false', v);
  return v;
}

function oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) fail(path, `one of ${allowed.join(', ')}`, v);
  return v as T;
}

function nullableOneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T | null {
  return v === undefined || v === null ? null : oneOf(v, path, allowed);
}

function array(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, 'an array', v);
  return v;
}

function stringList(v: unknown, path: string): string[] {
  if (v === undefined || v === null) return [];
  return array(v, path).map((t, i) => str(t, `${path}[${i}]`));
}

const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
const TYPES = ['problem', 'incident', 'question', 'task'] as const;
const ROLES = ['end-user', 'agent', 'admin'] as const;

function customFieldValue(v: unknown, path: string): ZendeskCustomFieldValue['value'] {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x, i) => str(x, `${path}[${i}]`));
  return fail(path, 'a string, number, boolean, list of strings or null', v);
}

function parseTicket(v: unknown): ZendeskTicket {
  const t = record(v, 'ticket');
  const fields = t.custom_fields === undefined || t.custom_fields === null ? undefined : array(t.custom_fields, 'ticket.custom_fields');
  const ticket: ZendeskTicket = {
    ...t,
    id: id(t.id, 'ticket.id'),
    subject: optionalStr(t.subject, 'ticket.subject', ''),
    status: t.status === undefined ? 'open' : oneOf(t.status, 'ticket.status', STATUSES),
    priority: nullableOneOf(t.priority, 'ticket.priority', PRIORITIES),
    type: nullableOneOf(t.type, 'ticket.type', TYPES),
    tags: stringList(t.tags, 'ticket.tags'),
    requester_id: id(t.requester_id, 'ticket.requester_id'),
    organization_id: optionalId(t.organization_id, 'ticket.organization_id'),
    created_at: optionalStr(t.created_at, 'ticket.created_at', ''),
    updated_at: optionalStr(t.updated_at, 'ticket.updated_at', ''),
  };
  if (t.description !== undefined && t.description !== null) ticket.description = str(t.description, 'ticket.description');
  if (fields) {
    ticket.custom_fields = fields.map((f, i) => {
      const r = record(f, `ticket.custom_fields[${i}]`);
      return { id: id(r.id, `ticket.custom_fields[${i}].id`), value: customFieldValue(r.value, `ticket.custom_fields[${i}].value`) };
    });
  }
  return ticket;
}

function parseAttachment(v: unknown, path: string): ZendeskAttachment {
  const a = record(v, path);
  return {
    ...a,
    id: id(a.id, `${path}.id`),
    file_name: str(a.file_name, `${path}.file_name`),
    content_url: optionalStr(a.content_url, `${path}.content_url`, ''),
    content_type: optionalStr(a.content_type, `${path}.content_type`, 'application/octet-stream'),
    size: a.size === undefined || a.size === null ? 0 : id(a.size, `${path}.size`),
  };
}

function parseComment(v: unknown, i: number): ZendeskComment {
  const path = `comments[${i}]`;
  const c = record(v, path);
  // `body` is the plain-text body; older exports only have `plain_body` or `html_body`.
  let body: string;
  if (typeof c.body === 'string') body = c.body;
  else if (c.body === undefined && typeof c.plain_body === 'string') body = c.plain_body;
  else body = str(c.body, `${path}.body`);
  const comment: ZendeskComment = {
    ...c,
    id: id(c.id, `${path}.id`),
    author_id: id(c.author_id, `${path}.author_id`),
    body,
    public: c.public === undefined ? true : bool(c.public, `${path}.public`),
    created_at: optionalStr(c.created_at, `${path}.created_at`, ''),
    attachments:
      c.attachments === undefined || c.attachments === null
        ? []
        : array(c.attachments, `${path}.attachments`).map((a, j) => parseAttachment(a, `${path}.attachments[${j}]`)),
  };
  return comment;
}

function parseUser(v: unknown, i: number): ZendeskUser {
  const path = `users[${i}]`;
  const u = record(v, path);
  return {
    ...u,
    id: id(u.id, `${path}.id`),
    name: optionalStr(u.name, `${path}.name`, ''),
    email: u.email === undefined || u.email === null ? null : str(u.email, `${path}.email`),
    role: oneOf(u.role, `${path}.role`, ROLES),
    organization_id: optionalId(u.organization_id, `${path}.organization_id`),
  };
}

function parseOrganization(v: unknown): ZendeskOrganization | null {
  if (v === undefined || v === null) return null;
  const o = record(v, 'organization');
  const org: ZendeskOrganization = {
    ...o,
    id: id(o.id, 'organization.id'),
    name: str(o.name, 'organization.name'),
    tags: stringList(o.tags, 'organization.tags'),
  };
  if (o.domain_names !== undefined && o.domain_names !== null) org.domain_names = stringList(o.domain_names, 'organization.domain_names');
  if (o.organization_fields !== undefined && o.organization_fields !== null)
    org.organization_fields = record(o.organization_fields, 'organization.organization_fields');
  return org;
}

/**
 * Check one bundle and return it with defaults filled in. Throws `BundleError` (with `.field`, `.source`,
 * `.ticketId`) on anything Engage cannot read.
 */
export function parseBundle(json: unknown, source?: string, index?: number): TicketBundle {
  const where: { source?: string; ticketId?: number; index?: number } = {};
  if (source !== undefined) where.source = source;
  if (index !== undefined) where.index = index;
  if (isRecord(json) && isRecord(json.ticket)) {
    const rawId = json.ticket.id;
    if (typeof rawId === 'number' && Number.isSafeInteger(rawId)) where.ticketId = rawId;
  }
  try {
    const b = record(json, '');
    if (b.ticket === undefined) {
      // A bare `GET /tickets/{id}.json` answer or a comments page is a common mistake: say what a bundle is.
      throw new FieldProblem('ticket', 'is missing: a ticket bundle is {"ticket": {...}, "comments": [...], "users": [...], "organization": {...} | null}');
    }
    const ticket = parseTicket(b.ticket);
    const comments = b.comments === undefined ? [] : array(b.comments, 'comments').map(parseComment);
    const users = b.users === undefined ? [] : array(b.users, 'users').map(parseUser);
    const organization = parseOrganization(b.organization);
    return { ticket, comments, users, organization };
  } catch (e) {
    if (e instanceof FieldProblem) {
      if (e.field === '') throw new BundleError(`is not a ticket bundle: expected a JSON object, got ${describe(json)}`, '', where);
      throw new BundleError(e.detail, e.field, where);
    }
    throw e;
  }
}

