// The contracts between the pure core, the shells (sidebar, CLI, preview) and the tests.
// Every decision Engage makes is a pure function of these shapes; keep them plain data (JSON-serialisable)
// so the CLI can print them and the sidebar can keep them in a draft.

// ---------------------------------------------------------------------------------------------------------------
// Ticket bundle: Zendesk REST API objects exactly as the API returns them (only the fields Engage reads are typed;
// real responses carry more and that is fine). Format of `preview/tickets/*.json`, the CLI input and test fixtures:
// `{"ticket": {...}, "comments": [...], "users": [...], "organization": {...} | null}`.
// ---------------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------------
// Ticket model: what the engine reads, after cleaning (quoted replies, signatures, disclaimers and our agents'
// boilerplate removed). Offsets in evidence always refer to these cleaned texts.
// ---------------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------------
// Teams, routing, priority, checklist
// ---------------------------------------------------------------------------------------------------------------

/** A team's id: the built-in ones (teams/default-teams.ts) or one that `routing_overrides` adds. */
export type TeamId = string;

export interface Team {
  id: TeamId;
  name: string;
  /** Keywords and phrases with their variants; the router's own rules add context on top. */
  keywords: string[];
  /** GitHub label, e.g. `team/distribution`; null for teams that take no GitHub issue. */
  githubLabel: string | null;
  slackChannel: string;
  slackHandle: string;
  handbookUrl: string;
  /** false for CE/Sales and BizOps: they get a Slack hand-off, never a GitHub issue. */
  takesGithubIssues: boolean;
}

export interface Evidence {
  /** The catalogue keyword or rule that matched, e.g. "kubernetes" or "alert:frontend/99th_percentile_...". */
  term: string;
  /** The exact text that matched. */
  matched: string;
  field: TextField;
  /** For customer/agent/internal/attachment fields: the message index in `TicketModel.messages`. */
  messageIndex?: number;
  /** Character offsets into the cleaned text of that field/message: `text.slice(start, end) === matched`. */
  start: number;
  end: number;
  weight: number;
}

export interface TeamScore {
  teamId: TeamId;
  score: number;
  evidence: Evidence[];
  /** One line a person understands: "Customer asks about GitLab repository syncing (cloning, token)". */
  why: string;
}

export interface RouteResult {
  team: TeamScore;
  /** Runners-up, best first (at most 3). */
  alternatives: TeamScore[];
}

export type PriorityLevel = 0 | 1 | 2 | 3;

export interface PriorityReason {
  text: string;
  evidence?: Evidence[];
}

export interface PriorityResult {
  level: PriorityLevel;
  /** The configured label, e.g. `ce/p1`. */
  label: string;
  /** Severity level before the sales-process bump. */
  baseLevel: PriorityLevel;
  salesProcess: boolean;
  featureRequest: boolean;
  reasons: PriorityReason[];
}

export const CHECKLIST_KEYS = ['environment', 'repro', 'recent_changes', 'impact', 'urgency'] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];

export interface ChecklistHint {
  key: ChecklistKey;
  status: 'found' | 'partial' | 'missing';
  /** Short summary, e.g. "Sourcegraph 3.29.1 on Kubernetes (Helm); 2 log files". */
  summary: string;
  evidence: Evidence[];
}

export type ChecklistHints = Record<ChecklistKey, ChecklistHint>;

export interface Classification {
  ticketId: number;
  route: RouteResult;
  priority: PriorityResult;
  checklist: ChecklistHints;
}

// ---------------------------------------------------------------------------------------------------------------
// Filing: the agent's decisions, the exact GitHub request, the write-back, the hand-off
// ---------------------------------------------------------------------------------------------------------------

export type IssueKind = 'rfh' | 'defect';
export type Tracker = 'private' | 'public';

export interface ChecklistAnswer {
  done: boolean;
  note: string;
}

export interface FilingDecisions {
  teamId: TeamId;
  priority: PriorityLevel;
  kind: IssueKind;
  tracker: Tracker;
  checklist: Record<ChecklistKey, ChecklistAnswer>;
  /** Step 2: asked in #customer-support-chat (ignored for defects). */
  teammatesAsked: ChecklistAnswer;
  /** Filled when the agent escalates without completing the checklist ("escalate anyway"). */
  escalateAnywayReason?: string;
  /** Filled when the agent overrode the suggested team or priority. */
  override?: { suggestedTeamId?: TeamId; suggestedPriority?: PriorityLevel; reason?: string };
  /** A CE / sales rep to include, free text (written without @-mentioning on GitHub). */
  ceToInclude?: string;
  /** Timeline for the Step-5 hand-off: "okay to look at this tomorrow", or a deadline. */
  timeline?: string;
  /** For the public tracker: the private issue to link, when both exist. */
  privateIssueUrl?: string;
}

/** Where the ticket lives, for the link back and the ticket's visible marker. */
export interface TicketLocation {
  subdomain: string;
  ticketId: number;
}

export interface IssueRequest {
  owner: string;
  repo: string;
  title: string;
  body: string;
  labels: string[];
  /** Follow-up comments, in order, for what did not fit in the 65,536-character body. */
  comments: string[];
  /** The visible line that identifies the ticket, searchable on GitHub (search finds visible text only). */
  marker: string;
  /** Public tracker only: what redaction removed, for the agent's preview. */
  redactions?: Redaction[];
}

export interface Redaction {
  kind: 'customer-name' | 'email' | 'hostname' | 'url' | 'ip' | 'secret' | 'internal-note';
  original: string;
  replacement: string;
}

export interface Handoff {
  teamId: TeamId;
  channel: string;
  handle: string;
  /** The Slack message, ready to paste. */
  message: string;
}

export interface LinkedIssue {
  owner: string;
  repo: string;
  number: number;
  url: string;
}

export interface LinkedIssueState extends LinkedIssue {
  title: string;
  state: 'open' | 'closed';
  assignees: string[];
  labels: string[];
  updatedAt: string;
  comments: number;
}

/** The Zendesk write-back after filing: one `PUT /api/v2/tickets/{id}.json` body. */
export interface WriteBack {
  ticket: {
    comment: { body: string; public: false };
    additional_tags: string[];
    custom_fields?: ZendeskCustomFieldValue[];
    status?: 'hold';
  };
}
