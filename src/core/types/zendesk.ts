// Zendesk REST API objects exactly as the API returns them, and the ticket bundle that holds them: the format of
// `preview/tickets/*.json`, the CLI's input and the test fixtures. Only the fields Engage reads are typed; real
// responses carry more and that is fine (core/bundle.ts checks these before anything trusts them).

export interface ZendeskCustomFieldValue {
  id: number;
  value: string | number | boolean | string[] | null;
}

export interface ZendeskTicket {
  id: number;
  url?: string;
  subject: string;
  description?: string;
  status: 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
  priority: 'urgent' | 'high' | 'normal' | 'low' | null;
  type: 'problem' | 'incident' | 'question' | 'task' | null;
  tags: string[];
  requester_id: number;
  submitter_id?: number;
  assignee_id?: number | null;
  organization_id: number | null;
  created_at: string;
  updated_at: string;
  custom_fields?: ZendeskCustomFieldValue[];
}

export interface ZendeskAttachment {
  id: number;
  file_name: string;
  content_url: string;
  content_type: string;
  size: number;
}

export interface ZendeskComment {
  id: number;
  type?: 'Comment' | 'VoiceComment';
  author_id: number;
  body: string;
  html_body?: string;
  plain_body?: string;
  public: boolean;
  created_at: string;
  attachments: ZendeskAttachment[];
}

export interface ZendeskUser {
  id: number;
  name: string;
  email?: string | null;
  role: 'end-user' | 'agent' | 'admin';
  organization_id?: number | null;
}

export interface ZendeskOrganization {
  id: number;
  name: string;
  tags?: string[];
  domain_names?: string[];
  organization_fields?: Record<string, unknown>;
}

export interface TicketBundle {
  ticket: ZendeskTicket;
  comments: ZendeskComment[];
  users: ZendeskUser[];
  organization: ZendeskOrganization | null;
}
