// What the ticket page shows, as plain data computed from the bundle (unit-tested); host.ts turns it into DOM
// nodes with textContent only. Customer text is hostile: nothing here produces HTML.
import type { TicketBundle, ZendeskUser } from '../../src/core/types/zendesk.ts';

export interface AttachmentView {
  name: string;
  /** Only http(s) links are kept: a `javascript:` URL in a bundle must not become a clickable link. */
  href: string | null;
  contentType: string;
  size: string;
}

export interface CommentView {
  id: number;
  author: string;
  authorRole: 'end-user' | 'agent' | 'admin' | 'unknown';
  internal: boolean;
  createdAt: string;
  body: string;
  attachments: AttachmentView[];
  writtenByApp: boolean;
}

export interface TicketView {
  id: number;
  subject: string;
  status: string;
  priority: string;
  type: string;
  requester: string;
  organization: string | null;
  organizationTags: string[];
  tags: string[];
  customFields: { id: number; title: string; value: string }[];
  comments: CommentView[];
}

export interface WriteView {
  at: string;
  what: string[];
}

/** The write records the server keeps (preview/tickets.ts WriteRecord), as the page receives them. */
export interface WriteRecordLike {
  at: string;
  method: string;
  path: string;
  comment?: { id: number; public: boolean; body: string };
  tagsAdded: string[];
  tagsRemoved: string[];
  customFields: { id: number; value: unknown }[];
  status?: { from: string; to: string };
}

export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

function personLabel(user: ZendeskUser | undefined, fallbackId: number): string {
  if (!user) return `User ${fallbackId}`;
  return user.email ? `${user.name} <${user.email}>` : user.name;
}

export function ticketView(bundle: TicketBundle, writes: WriteRecordLike[], fieldTitles: Record<number, string> = {}): TicketView {
  const t = bundle.ticket;
  const users = new Map(bundle.users.map((u) => [u.id, u]));
  const appComments = new Set(writes.map((w) => w.comment?.id).filter((id): id is number => id !== undefined));
  return {
    id: t.id,
    subject: t.subject,
    status: t.status,
    priority: t.priority ?? '—',
    type: t.type ?? '—',
    requester: personLabel(users.get(t.requester_id), t.requester_id),
    organization: bundle.organization?.name ?? null,
    organizationTags: bundle.organization?.tags ?? [],
    tags: t.tags,
    customFields: (t.custom_fields ?? []).filter((f) => f.value !== null && f.value !== '').map((f) => ({ id: f.id, title: fieldTitles[f.id] ?? `Field ${f.id}`, value: formatValue(f.value) })),
    comments: bundle.comments.map((c) => {
      const author = users.get(c.author_id);
      return {
        id: c.id,
        author: author?.name ?? `User ${c.author_id}`,
        authorRole: author?.role ?? 'unknown',
        internal: !c.public,
        createdAt: c.created_at,
        body: c.plain_body ?? c.body,
        attachments: c.attachments.map((a) => ({
          name: a.file_name,
          href: safeHref(a.content_url),
          contentType: a.content_type,
          size: formatSize(a.size),
        })),
        writtenByApp: appComments.has(c.id),
      };
    }),
  };
}

/** One line per thing the app wrote, newest last. */
export function writesView(writes: WriteRecordLike[]): WriteView[] {
  return writes.map((w) => {
    const what: string[] = [];
    if (w.comment) what.push(`${w.comment.public ? 'Public reply' : 'Internal note'} #${w.comment.id}`);
    if (w.tagsAdded.length) what.push(`Tags added: ${w.tagsAdded.join(', ')}`);
    if (w.tagsRemoved.length) what.push(`Tags removed: ${w.tagsRemoved.join(', ')}`);
    for (const f of w.customFields) what.push(`Field ${f.id} = ${formatValue(f.value)}`);
    if (w.status) what.push(`Status ${w.status.from} → ${w.status.to}`);
    return { at: w.at, what };
  });
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}
