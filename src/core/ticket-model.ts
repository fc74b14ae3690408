// From a checked ticket bundle (bundle.ts) to the model the engine reads: who said what (customer vs our agents,
// public vs internal), in cleaned text, plus attachments, organisation, tags and custom fields.
import { cleanText } from './clean-text.ts';
import type { TicketAttachment, TicketMessage, TicketModel } from './types/ticket.ts';
import type { TicketBundle, ZendeskAttachment, ZendeskUser } from './types/zendesk.ts';

const SCREENSHOT_EXT = /\.(?:png|jpe?g|gif|webp|bmp|heic|tiff?)$/i;
const LOG_EXT = /\.(?:log|txt|out|err|trace|har)$/i;
const CONFIG_EXT = /\.(?:ya?ml|json|toml|ini|conf|cfg|env|properties|xml|tf)$/i;
const ARCHIVE_EXT = /\.(?:zip|tar|tgz|gz|bz2|xz|7z|rar)$/i;

/** What an attachment is, for the checklist ("2 log files, 1 screenshot") and the issue body. */
export function attachmentKind(fileName: string, contentType: string): TicketAttachment['kind'] {
  const type = contentType.toLowerCase();
  if (type.startsWith('image/') || SCREENSHOT_EXT.test(fileName)) return 'screenshot';
  if (ARCHIVE_EXT.test(fileName) || /zip|tar|gzip|compressed/.test(type)) return 'archive';
  if (CONFIG_EXT.test(fileName) || /yaml|json|toml|xml/.test(type)) return 'config';
  if (LOG_EXT.test(fileName) || /log/i.test(fileName) || type === 'text/plain') return 'log';
  return 'other';
}

function toAttachment(a: ZendeskAttachment, commentId: number): TicketAttachment {
  return {
    commentId,
    fileName: a.file_name,
    contentType: a.content_type,
    size: a.size,
    url: a.content_url,
    kind: attachmentKind(a.file_name, a.content_type),
  };
}

function emailDomain(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at < 0 || at === email.length - 1) return null;
  return email.slice(at + 1).toLowerCase();
}

// Public mail providers say nothing about the customer, so they never become the customer name.
const FREE_MAIL = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'icloud.com', 'proton.me', 'protonmail.com']);

export function buildTicketModel(bundle: TicketBundle): TicketModel {
  const { ticket, comments, users, organization } = bundle;
  const usersById = new Map<number, ZendeskUser>();
  for (const u of users) usersById.set(u.id, u);

  const requesterUser = usersById.get(ticket.requester_id);
  const requester = {
    id: ticket.requester_id,
    name: requesterUser?.name || `User ${ticket.requester_id}`,
    email: requesterUser?.email ?? null,
  };

  const roleOf = (authorId: number, isPublic: boolean): TicketMessage['authorRole'] => {
    const u = usersById.get(authorId);
    if (u) return u.role === 'end-user' ? 'customer' : 'agent';
    // Not side-loaded: the requester is a customer; an unknown author of an internal note can only be one of ours.
    if (authorId === ticket.requester_id) return 'customer';
    return isPublic ? 'customer' : 'agent';
  };

  // Comments come oldest first from the API; sort defensively by time so "the first message" means the description.
  const ordered = comments
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.created_at < b.c.created_at ? -1 : a.c.created_at > b.c.created_at ? 1 : a.i - b.i))
    .map((x) => x.c);

  const messages: TicketMessage[] = ordered.map((c, index) => {
    const authorRole = roleOf(c.author_id, c.public);
    const author = usersById.get(c.author_id);
    return {
      index,
      commentId: c.id,
      authorRole,
      authorName: author?.name || `User ${c.author_id}`,
      public: c.public,
      createdAt: c.created_at,
      text: cleanText(c.body, authorRole),
      raw: c.body,
      attachments: c.attachments.map((a) => toAttachment(a, c.id)),
    };
  });

  // A ticket without comments (a bare export) still has its description.
  if (messages.length === 0 && ticket.description) {
    messages.push({
      index: 0,
      commentId: 0,
      authorRole: 'customer',
      authorName: requester.name,
      public: true,
      createdAt: ticket.created_at,
      text: cleanText(ticket.description, 'customer'),
      raw: ticket.description,
      attachments: [],
    });
  }

  const org = organization
    ? { id: organization.id, name: organization.name, tags: organization.tags ?? [], fields: organization.organization_fields ?? {} }
    : null;
  const domain = emailDomain(requester.email);
  const customerName = org?.name || (domain && !FREE_MAIL.has(domain) ? domain : null) || requester.name;

  const customFields: TicketModel['customFields'] = {};
  for (const f of ticket.custom_fields ?? []) customFields[String(f.id)] = f.value;

  return {
    id: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    zendeskPriority: ticket.priority,
    zendeskType: ticket.type,
    requester,
    organization: org,
    customerName,
    tags: ticket.tags,
    customFields,
    messages,
    attachments: messages.flatMap((m) => m.attachments),
    createdAt: ticket.created_at,
    updatedAt: ticket.updated_at,
  };
}
