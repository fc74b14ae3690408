// Filing: the agent's decisions, the exact GitHub request they produce, the Slack hand-off, the linked issue, and
// what is written back to the ticket. Plain data, so the sidebar can keep decisions in a draft across reloads.
import type { ChecklistKey, PriorityLevel, TeamId } from './classification.ts';
import type { ZendeskCustomFieldValue } from './zendesk.ts';
import type { SecretKind } from '../secrets.ts';

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
  /**
   * What Engage suggested when the agent decided, recorded as the `rfh_suggested_*` tags (report-tags.ts); absent
   * when unknown (a link finished later, from the issue's labels, cannot know what the agent saw).
   */
  suggested?: { teamId: TeamId; priority: PriorityLevel };
  /** Filled when the agent overrode the suggested team or priority. */
  override?: { suggestedTeamId?: TeamId; suggestedPriority?: PriorityLevel; reason?: string };
  /** A CE / sales rep to include, free text (written without @-mentioning on GitHub). */
  ceToInclude?: string;
  /** Timeline for the Step-5 hand-off: "okay to look at this tomorrow", or a deadline. */
  timeline?: string;
  /** For the public tracker: the private issue to link, when both exist. */
  privateIssueUrl?: string;
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
  /** Every tracker: the credentials masked (kind and where, never the value), for the agent's preview. */
  masked?: MaskedCredential[];
}

export interface Redaction {
  kind: 'customer-name' | 'email' | 'hostname' | 'url' | 'ip' | 'secret' | 'internal-note';
  /** The removed text; the preview shows it with its credentials masked (mask.ts), a secret not at all. */
  original: string;
  replacement: string;
  /** For kind `secret`: which credential it was. */
  secret?: SecretKind;
}

/** Where in the issue (or hand-off) a credential was masked; `index` is the message's 1-based place in the ticket. */
export interface MaskWhere {
  part: 'title' | 'summary' | 'message' | 'attachment' | 'handoff';
  index?: number;
}

/** One masked credential for the preview: its kind, where, and the masked text just before it. */
export interface MaskedCredential {
  kind: SecretKind;
  where: MaskWhere;
  /** E.g. `DB_PASSWORD=[masked password]`: from the masked output, so it never holds the credential. */
  context: string;
}

export interface Handoff {
  teamId: TeamId;
  channel: string;
  handle: string;
  /** The Slack message, ready to paste (credentials masked). */
  message: string;
  /** The credentials masked in the message, when there were any. */
  masked?: MaskedCredential[];
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
  /** When it was closed last (null while open, or when GitHub did not say). */
  closedAt?: string | null;
}

/** The Zendesk write-back after filing: one `PUT /api/v2/tickets/{id}.json` body. */
export interface WriteBack {
  ticket: {
    comment: { body: string; public: false };
    additional_tags: string[];
    /** Tags to take off in the same write (filing's claim on the ticket). */
    remove_tags?: string[];
    custom_fields?: ZendeskCustomFieldValue[];
    status?: 'hold';
  };
}
