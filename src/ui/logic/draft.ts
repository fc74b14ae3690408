// The agent's work on one ticket (checklist ticks and notes, overrides, kind, tracker, reasons): plain data,
// saved in localStorage per Zendesk account and ticket so a reload, a closed tab or a failed filing loses nothing.
// Cleared once the issue is filed. Every change goes through `draftReducer`, a pure function.
import {
  CHECKLIST_KEYS,
  type ChecklistKey,
  type ChecklistHints,
  type TeamAndPriority,
  type PriorityLevel,
  type TeamId,
} from '../../core/types/classification.ts';
import type { ChecklistAnswer, FilingDecisions, IssueKind, Tracker } from '../../core/types/filing.ts';
import type { TicketLocation } from '../../core/types/ticket.ts';
import { isRecord } from '../../core/guards.ts';
import type { KeyValueStorage } from '../../flows/storage.ts';

export const DRAFT_VERSION = 1;

export interface Draft {
  version: typeof DRAFT_VERSION;
  checklist: Record<ChecklistKey, ChecklistAnswer>;
  teammatesAsked: ChecklistAnswer;
  /**
   * Whether the checklist hints have ticked what the ticket answers. The sidebar's first view has no hints (they
   * are worked out after the first paint), so its draft starts false and the workbench applies them once.
   */
  hintsApplied: boolean;
  kind: IssueKind;
  tracker: Tracker;
  /** null = the suggestion stands. */
  teamOverride: TeamId | null;
  priorityOverride: PriorityLevel | null;
  overrideReason: string;
  escalateAnyway: boolean;
  escalateReason: string;
  timeline: string;
  ceToInclude: string;
  privateIssueUrl: string;
}

export type DraftAction =
  | { type: 'hints'; hints: ChecklistHints }
  | { type: 'check'; key: ChecklistKey | 'teammates'; done: boolean }
  | { type: 'note'; key: ChecklistKey | 'teammates'; note: string }
  | { type: 'kind'; kind: IssueKind }
  | { type: 'tracker'; tracker: Tracker }
  | { type: 'team'; teamId: TeamId | null }
  | { type: 'priority'; level: PriorityLevel | null }
  | { type: 'overrideReason'; reason: string }
  | { type: 'escalateAnyway'; on: boolean }
  | { type: 'escalateReason'; reason: string }
  | { type: 'timeline'; timeline: string }
  | { type: 'ceToInclude'; text: string }
  | { type: 'privateIssueUrl'; url: string };


/**
 * A fresh draft, as the core proposes it (`defaultDecisions` in core/compose.ts, mirrored here so the first view's
 * chunk does not carry the composer): items the ticket already answers (hint `found`) start ticked, the agent
 * confirms or unticks them; the issue body quotes the hints themselves, so notes start empty for the agent's own
 * words. Step 2 starts ticked only when an internal note says #customer-support-chat was asked.
 */
export function initialDraft(hints?: ChecklistHints): Draft {
  const checklist = {} as Record<ChecklistKey, ChecklistAnswer>;
  for (const key of CHECKLIST_KEYS) {
    checklist[key] = { done: hints?.[key]?.status === 'found', note: '' };
  }
  return {
    version: DRAFT_VERSION,
    checklist,
    teammatesAsked: { done: hints?.teammates?.status === 'found', note: '' },
    hintsApplied: hints !== undefined,
    kind: 'rfh',
    tracker: 'private',
    teamOverride: null,
    priorityOverride: null,
    overrideReason: '',
    escalateAnyway: false,
    escalateReason: '',
    timeline: '',
    ceToInclude: '',
    privateIssueUrl: '',
  };
}

function setAnswer(draft: Draft, key: ChecklistKey | 'teammates', change: Partial<ChecklistAnswer>): Draft {
  if (key === 'teammates') return { ...draft, teammatesAsked: { ...draft.teammatesAsked, ...change } };
  return { ...draft, checklist: { ...draft.checklist, [key]: { ...draft.checklist[key], ...change } } };
}

/** Ticks what the hints found; notes and everything else stay as they are. */
function applyHints(draft: Draft, hints: ChecklistHints): Draft {
  const fresh = initialDraft(hints);
  const checklist = { ...draft.checklist };
  for (const key of CHECKLIST_KEYS) checklist[key] = { ...draft.checklist[key], done: fresh.checklist[key].done };
  return {
    ...draft,
    checklist,
    teammatesAsked: { ...draft.teammatesAsked, done: fresh.teammatesAsked.done },
    hintsApplied: true,
  };
}

export function draftReducer(draft: Draft, action: DraftAction): Draft {
  switch (action.type) {
    case 'hints':
      // Once only: after that the ticks are the agent's (unticking a found item must stick).
      return draft.hintsApplied ? draft : applyHints(draft, action.hints);
    case 'check':
      return setAnswer(draft, action.key, { done: action.done });
    case 'note':
      return setAnswer(draft, action.key, { note: action.note });
    case 'kind':
      return { ...draft, kind: action.kind };
    case 'tracker':
      return { ...draft, tracker: action.tracker };
    case 'team':
      return { ...draft, teamOverride: action.teamId };
    case 'priority':
      return { ...draft, priorityOverride: action.level };
    case 'overrideReason':
      return { ...draft, overrideReason: action.reason };
    case 'escalateAnyway':
      return { ...draft, escalateAnyway: action.on };
    case 'escalateReason':
      return { ...draft, escalateReason: action.reason };
    case 'timeline':
      return { ...draft, timeline: action.timeline };
    case 'ceToInclude':
      return { ...draft, ceToInclude: action.text };
    case 'privateIssueUrl':
      return { ...draft, privateIssueUrl: action.url };
  }
}

/** The agent's decisions for the core: the suggestion unless overridden, the override recorded against it. */
export function toDecisions(draft: Draft, classification: TeamAndPriority): FilingDecisions {
  const suggestedTeamId = classification.route.team.teamId;
  const suggestedPriority = classification.priority.level;
  const teamId = draft.teamOverride ?? suggestedTeamId;
  const priority = draft.priorityOverride ?? suggestedPriority;
  const decisions: FilingDecisions = {
    teamId,
    priority,
    kind: draft.kind,
    tracker: draft.tracker,
    checklist: draft.checklist,
    teammatesAsked: draft.teammatesAsked,
    suggested: { teamId: suggestedTeamId, priority: suggestedPriority },
  };
  if (draft.escalateAnyway && draft.escalateReason.trim()) decisions.escalateAnywayReason = draft.escalateReason.trim();
  if (teamId !== suggestedTeamId || priority !== suggestedPriority) {
    decisions.override = {};
    if (teamId !== suggestedTeamId) decisions.override.suggestedTeamId = suggestedTeamId;
    if (priority !== suggestedPriority) decisions.override.suggestedPriority = suggestedPriority;
    if (draft.overrideReason.trim()) decisions.override.reason = draft.overrideReason.trim();
  }
  if (draft.ceToInclude.trim()) decisions.ceToInclude = draft.ceToInclude.trim();
  if (draft.timeline.trim()) decisions.timeline = draft.timeline.trim();
  if (draft.tracker === 'public' && draft.privateIssueUrl.trim()) decisions.privateIssueUrl = draft.privateIssueUrl.trim();
  return decisions;
}

// ---------------------------------------------------------------------------------------------------------------
// Storage. `Storage` is localStorage in the browser; tests pass a Map-backed one. Storage can be unavailable
// (privacy modes, quota): the draft then lives in memory only and the panel still works.
// ---------------------------------------------------------------------------------------------------------------

export type DraftStorage = KeyValueStorage;

export function draftKey(location: TicketLocation): string {
  return `engage:draft:${location.subdomain}:${location.ticketId}`;
}

function readAnswer(v: unknown, fallback: ChecklistAnswer): ChecklistAnswer {
  if (!isRecord(v)) return fallback;
  return {
    done: typeof v.done === 'boolean' ? v.done : fallback.done,
    note: typeof v.note === 'string' ? v.note : fallback.note,
  };
}

const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);

/**
 * A stored draft, checked field by field against a fresh one: whatever is readable is kept, anything else (an old
 * version, a hand-edited value) falls back to the fresh value. Never throws.
 */
export function reviveDraft(raw: unknown, fresh: Draft): Draft {
  if (!isRecord(raw) || raw.version !== DRAFT_VERSION) return fresh;
  const checklist = { ...fresh.checklist };
  const rawChecklist = isRecord(raw.checklist) ? raw.checklist : {};
  for (const key of CHECKLIST_KEYS) checklist[key] = readAnswer(rawChecklist[key], fresh.checklist[key]);
  const level = raw.priorityOverride;
  return {
    version: DRAFT_VERSION,
    checklist,
    teammatesAsked: readAnswer(raw.teammatesAsked, fresh.teammatesAsked),
    // Drafts stored before the field existed were made with the hints already applied.
    hintsApplied: typeof raw.hintsApplied === 'boolean' ? raw.hintsApplied : true,
    kind: raw.kind === 'rfh' || raw.kind === 'defect' ? raw.kind : fresh.kind,
    tracker: raw.tracker === 'private' || raw.tracker === 'public' ? raw.tracker : fresh.tracker,
    teamOverride: typeof raw.teamOverride === 'string' && raw.teamOverride ? raw.teamOverride : null,
    priorityOverride: level === 0 || level === 1 || level === 2 || level === 3 ? level : null,
    overrideReason: str(raw.overrideReason, fresh.overrideReason),
    escalateAnyway: typeof raw.escalateAnyway === 'boolean' ? raw.escalateAnyway : fresh.escalateAnyway,
    escalateReason: str(raw.escalateReason, fresh.escalateReason),
    timeline: str(raw.timeline, fresh.timeline),
    ceToInclude: str(raw.ceToInclude, fresh.ceToInclude),
    privateIssueUrl: str(raw.privateIssueUrl, fresh.privateIssueUrl),
  };
}

export function loadDraft(storage: DraftStorage | null, key: string, fresh: Draft): Draft {
  if (!storage) return fresh;
  try {
    const text = storage.getItem(key);
    return text ? reviveDraft(JSON.parse(text), fresh) : fresh;
  } catch {
    return fresh;
  }
}

/** Returns false when the browser refused to store (quota, privacy mode): the caller may tell the agent. */
export function saveDraft(storage: DraftStorage | null, key: string, draft: Draft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // nothing to do: a draft that cannot be removed is overwritten by the next one
  }
}
