// Small ticket bundles for the routing tests: a subject, the customer's messages, our replies and internal notes.
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import type { TicketModel } from '../../src/core/types/ticket.ts';
import type { TicketBundle, ZendeskAttachment } from '../../src/core/types/zendesk.ts';

export interface TicketSpec {
  id?: number;
  subject?: string;
  customer?: string[];
  agent?: string[];
  internal?: string[];
  tags?: string[];
  orgTags?: string[];
  orgFields?: Record<string, unknown>;
  customFields?: { id: number; value: string | number | boolean | string[] | null }[];
  priority?: 'urgent' | 'high' | 'normal' | 'low' | null;
  attachments?: { file_name: string; content_type: string; size?: number }[];
}

export function bundleOf(spec: TicketSpec): TicketBundle {
  const id = spec.id ?? 1;
  let cid = 0;
  let minute = 0;
  const when = (): string => `2021-07-01T10:${String(minute++).padStart(2, '0')}:00Z`;
  const attachments: ZendeskAttachment[] = (spec.attachments ?? []).map((a, i) => ({
    id: 500 + i,
    file_name: a.file_name,
    content_type: a.content_type,
    size: a.size ?? 1000,
    content_url: `https://example.zendesk.com/attachments/${i}`,
  }));
  const comments = [
    ...(spec.customer ?? []).map((body, i) => ({ id: ++cid, author_id: 10, body, public: true, created_at: when(), attachments: i === 0 ? attachments : [] })),
    ...(spec.agent ?? []).map((body) => ({ id: ++cid, author_id: 20, body, public: true, created_at: when(), attachments: [] })),
    ...(spec.internal ?? []).map((body) => ({ id: ++cid, author_id: 20, body, public: false, created_at: when(), attachments: [] })),
  ];
  return {
    ticket: {
      id,
      subject: spec.subject ?? '',
      status: 'open',
      priority: spec.priority ?? 'normal',
      type: 'problem',
      tags: spec.tags ?? [],
      requester_id: 10,
      organization_id: 30,
      created_at: '2021-07-01T10:00:00Z',
      updated_at: '2021-07-01T11:00:00Z',
      custom_fields: spec.customFields ?? [],
    },
    comments,
    users: [
      { id: 10, name: 'Jane Customer', email: 'jane@acme.example', role: 'end-user', organization_id: 30 },
      { id: 20, name: 'Sam Agent', email: 'sam@sourcegraph.com', role: 'agent', organization_id: null },
    ],
    organization: { id: 30, name: 'Acme', tags: spec.orgTags ?? [], organization_fields: spec.orgFields ?? {} },
  };
}

export function modelOf(spec: TicketSpec): TicketModel {
  return buildTicketModel(bundleOf(spec));
}
