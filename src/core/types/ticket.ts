// The ticket as the engine reads it, after cleaning (quoted replies, signatures, disclaimers and our agents'
// boilerplate removed): offsets in evidence always refer to these cleaned texts. Plain data, so the CLI can print it.
import type { ZendeskCustomFieldValue, ZendeskTicket } from './zendesk.ts';

/** Where a piece of text came from; the router weighs fields differently. */
export type TextField = 'subject' | 'customer' | 'agent' | 'internal' | 'attachment' | 'organization' | 'tags';

export interface TicketMessage {
  /** Index in `TicketModel.messages`, used by evidence to point back at the message. */
  index: number;
  commentId: number;
  /** 'customer' = an end-user wrote it; 'agent' = our side (agent/admin), public reply or internal note. */
  authorRole: 'customer' | 'agent';
  authorName: string;
  public: boolean;
  createdAt: string;
  /** Cleaned text the engine reads. */
  text: string;
  /** The original body, untouched (the issue body quotes this, escaped). */
  raw: string;
  attachments: TicketAttachment[];
}

export interface TicketAttachment {
  commentId: number;
  fileName: string;
  contentType: string;
  size: number;
  url: string;
  kind: 'screenshot' | 'log' | 'config' | 'archive' | 'other';
}

export interface TicketModel {
  id: number;
  subject: string;
  status: ZendeskTicket['status'];
  zendeskPriority: ZendeskTicket['priority'];
  zendeskType: ZendeskTicket['type'];
  requester: { id: number; name: string; email: string | null };
  /** `fields`: the organisation's `organization_fields` (read by the sales-process rule). */
  organization: { id: number; name: string; tags: string[]; fields?: Record<string, unknown> } | null;
  /** Display name of the customer: organisation name, else the requester's e-mail domain, else the requester. */
  customerName: string;
  tags: string[];
  /** Custom field values by field id (as a string key). */
  customFields: Record<string, ZendeskCustomFieldValue['value']>;
  messages: TicketMessage[];
  attachments: TicketAttachment[];
  createdAt: string;
  updatedAt: string;
}

/** Where the ticket lives, for the link back and the ticket's visible marker. */
export interface TicketLocation {
  subdomain: string;
  ticketId: number;
}
