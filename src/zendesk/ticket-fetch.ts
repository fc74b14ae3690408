// The Zendesk REST calls that load the ticket the sidebar sits on, through the agent's session: the ticket with its
// users and organisation side-loaded, and every comment (cursor pagination, 100 per page) with their authors
// side-loaded. Two requests for a ticket of up to 100 comments, sent in parallel. The answers come back raw:
// ticket-source.ts checks them with the core's `parseBundle`. This module is in the sidebar's first chunk (the
// calls start the moment Zendesk registers the app), so it imports nothing heavier than the request helper.
import { ZendeskCallError, zendeskCall } from './request.ts';
import type { ZafClient } from '../zaf/client.ts';
import { isRecord } from '../core/guards.ts';

export const COMMENTS_PAGE_SIZE = 100;
/** 100 pages of 100 comments: far beyond any real ticket; stops a host that keeps answering has_more forever. */
const MAX_COMMENT_PAGES = 100;

/** What Zendesk answered for a ticket, before any checking of its shape. */
export interface TicketParts {
  ticket: Record<string, unknown>;
  comments: unknown[];
  users: unknown[];
  organization: unknown;
}

/** Throws ZendeskCallError (the API refused or was unreachable) or MalformedAnswer. */
export async function fetchTicketParts(client: ZafClient, ticketId: number): Promise<TicketParts> {
  const [ticketPart, commentsPart] = await Promise.all([loadTicket(client, ticketId), loadComments(client, ticketId)]);
  const users = mergeUsers(ticketPart.users, commentsPart.users);
  await addMissingAuthors(client, users, commentsPart.authorIds, ticketPart.ticket);
  const organization = await findOrganization(client, ticketPart.ticket, ticketPart.organizations);
  return { ticket: ticketPart.ticket, comments: commentsPart.comments, users: [...users.values()], organization };
}

/** Zendesk answered, but not with what its API documents; `field` names the part (`ticket`, `comments`). */
export class MalformedAnswer extends Error {
  constructor(
    what: string,
    readonly field: string,
  ) {
    super(`is not what Zendesk sends: ${what}`);
    this.name = 'MalformedAnswer';
  }
}

function malformed(what: string, field: string): MalformedAnswer {
  return new MalformedAnswer(what, field);
}

async function loadTicket(
  client: ZafClient,
  ticketId: number,
): Promise<{ ticket: Record<string, unknown>; users: unknown[]; organizations: unknown[] }> {
  const { body } = await zendeskCall(client, { url: `/api/v2/tickets/${ticketId}.json?include=users,organizations`, type: 'GET' });
  if (!isRecord(body) || !isRecord(body.ticket)) throw malformed('the ticket answer has no "ticket" object', 'ticket');
  return {
    ticket: body.ticket,
    users: Array.isArray(body.users) ? body.users : [],
    organizations: Array.isArray(body.organizations) ? body.organizations : [],
  };
}

function commentsUrl(ticketId: number, after: string | null): string {
  const cursor = after === null ? '' : `&page[after]=${encodeURIComponent(after)}`;
  return `/api/v2/tickets/${ticketId}/comments.json?page[size]=${COMMENTS_PAGE_SIZE}${cursor}&include=users`;
}

/** `links.next` is absolute (https://<subdomain>.zendesk.com/api/v2/...); keep only path and query so the call
 * stays a relative, session-authenticated one. */
function relativeNext(next: unknown): string | null {
  if (typeof next !== 'string' || next === '') return null;
  try {
    const url = new URL(next, 'https://zendesk.invalid');
    return url.pathname.startsWith('/api/v2/') ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

async function loadComments(
  client: ZafClient,
  ticketId: number,
): Promise<{ comments: unknown[]; users: unknown[]; authorIds: Set<number> }> {
  const comments: unknown[] = [];
  const users: unknown[] = [];
  const seenCursors = new Set<string>();
  let url: string | null = commentsUrl(ticketId, null);
  for (let page = 0; url !== null; page++) {
    if (page >= MAX_COMMENT_PAGES) {
      throw malformed(`more than ${MAX_COMMENT_PAGES} pages of comments`, 'comments');
    }
    const { body }: { body: unknown } = await zendeskCall(client, { url, type: 'GET' });
    if (!isRecord(body) || !Array.isArray(body.comments)) {
      throw malformed('a comments page has no "comments" array', 'comments');
    }
    comments.push(...body.comments);
    if (Array.isArray(body.users)) users.push(...body.users);
    const meta = isRecord(body.meta) ? body.meta : {};
    const links = isRecord(body.links) ? body.links : {};
    url = null;
    if (meta.has_more === true) {
      const after = typeof meta.after_cursor === 'string' && meta.after_cursor !== '' ? meta.after_cursor : null;
      const next = after !== null ? commentsUrl(ticketId, after) : relativeNext(links.next);
      const key = after ?? next ?? '';
      if (next === null || seenCursors.has(key)) {
        throw malformed('comments say has_more but give no new cursor', 'comments');
      }
      seenCursors.add(key);
      url = next;
    }
  }
  const authorIds = new Set<number>();
  for (const c of comments) {
    if (isRecord(c) && typeof c.author_id === 'number') authorIds.add(c.author_id);
  }
  return { comments, users, authorIds };
}

function mergeUsers(...lists: unknown[][]): Map<number, unknown> {
  const byId = new Map<number, unknown>();
  for (const list of lists) {
    for (const u of list) {
      if (isRecord(u) && typeof u.id === 'number' && !byId.has(u.id)) byId.set(u.id, u);
    }
  }
  return byId;
}

/** Side-loading normally returns every author; when it does not (a deleted or suspended user, an older host), fetch
 * the missing ones in one more request rather than showing "unknown author". */
async function addMissingAuthors(
  client: ZafClient,
  users: Map<number, unknown>,
  authorIds: Set<number>,
  ticket: Record<string, unknown>,
): Promise<void> {
  const wanted = new Set(authorIds);
  if (typeof ticket.requester_id === 'number') wanted.add(ticket.requester_id);
  const missing = [...wanted].filter((id) => !users.has(id));
  // show_many takes up to 100 ids per call.
  for (let i = 0; i < missing.length; i += 100) {
    const ids = missing.slice(i, i + 100);
    const { body } = await zendeskCall(client, { url: `/api/v2/users/show_many.json?ids=${ids.join(',')}`, type: 'GET' });
    if (isRecord(body) && Array.isArray(body.users)) {
      for (const u of body.users as unknown[]) {
        if (isRecord(u) && typeof u.id === 'number') users.set(u.id, u);
      }
    }
  }
}

async function findOrganization(
  client: ZafClient,
  ticket: Record<string, unknown>,
  organizations: unknown[],
): Promise<unknown> {
  const orgId = ticket.organization_id;
  if (typeof orgId !== 'number') return null;
  const sideLoaded = organizations.find((o) => isRecord(o) && o.id === orgId);
  if (sideLoaded !== undefined) return sideLoaded;
  try {
    const { body } = await zendeskCall(client, { url: `/api/v2/organizations/${orgId}.json`, type: 'GET' });
    return isRecord(body) && isRecord(body.organization) ? body.organization : null;
  } catch (e) {
    // An agent may not be allowed to see the organisation (403) or it was deleted (404): the ticket still loads,
    // the customer name then falls back to the requester's domain.
    if (e instanceof ZendeskCallError && (e.status === 403 || e.status === 404)) return null;
    throw e;
  }
}
