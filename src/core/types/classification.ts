// What the engine decides about a ticket before the agent acts: the team (with evidence and runners-up), the
// priority (with reasons) and the Step-1 checklist hints. Plain data, so the CLI can print it and the sidebar keep it.
import type { Message } from './message.ts';
import type { TextField } from './ticket.ts';

/** A team's id: the built-in ones (core/teams/default-teams.ts) or one that `routing_overrides` adds. */
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
  /** One line a person understands, as a message the sidebar translates: "Core Application: "clone", "token" in the
   * subject; GitLab with cloning/syncing/token words: code-host sync". */
  why: Message;
}

export interface RouteResult {
  team: TeamScore;
  /** Runners-up, best first (at most 3). */
  alternatives: TeamScore[];
}

export type PriorityLevel = 0 | 1 | 2 | 3;

export interface PriorityReason {
  /** The reason as a message (translated in the sidebar, English in the issue and the CLI). */
  message: Message;
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

/** `K`: the item; Step 2's hint is `ChecklistHint<'teammates'>` (see `ChecklistHints.teammates`). */
export interface ChecklistHint<K extends string = ChecklistKey> {
  key: K;
  status: 'found' | 'partial' | 'missing';
  /** Short summary as a message, e.g. "3.29.1; Kubernetes (Helm)" (translated in the sidebar, English elsewhere). */
  summary: Message;
  evidence: Evidence[];
}

/** Step 2: "Asked in #customer-support-chat?", found when an agent's internal note says it was asked. */
export type TeammatesHint = ChecklistHint<'teammates'>;

/**
 * The Step-1 items, plus Step 2's hint. `teammates` is optional so that classifications stored or built before it
 * existed still type-check; a fresh classification always has it (status `found` or `missing`).
 */
export type ChecklistHints = Record<ChecklistKey, ChecklistHint> & { teammates?: TeammatesHint };

/** Every item the checklist hints judge: the Step-1 keys and Step 2 ("teammates"). */
export const CHECKLIST_HINT_ITEMS = [...CHECKLIST_KEYS, 'teammates'] as const;
export type ChecklistHintItem = (typeof CHECKLIST_HINT_ITEMS)[number];

/** A sales-process signal (a deal, renewal or trial in the ticket's text, tags or organisation fields). */
export interface SalesSignal {
  reason: Message;
  evidence: Evidence[];
}

/**
 * What the first view needs: the team and the priority. The checklist hints are worked out after the first paint
 * (`withChecklist` in core/classify.ts), so the sidebar's first chunk does not carry the checklist's rules; the sales
 * signals found for the priority ride along for the urgency hint.
 */
export interface Suggestion {
  ticketId: number;
  route: RouteResult;
  priority: PriorityResult;
  sales: SalesSignal[];
}

/** What a view of the suggestion reads: the team and the priority (of a Suggestion or a whole Classification). */
export type TeamAndPriority = Pick<Suggestion, 'route' | 'priority'>;

export interface Classification {
  ticketId: number;
  route: RouteResult;
  priority: PriorityResult;
  checklist: ChecklistHints;
}
