// Which Step-1 and Step-2 items the handbook asks for, by the kind of issue and the priority it is filed with: the
// one table the checklist, the filing gate and the issue body read. Ask only what applies: a feature request needs
// no reproduction, recent changes or impact; a defect skips asking teammates; an outage never waits for context
// (the handbook: minimise the time added to the customer's wait), what is missing is listed as still being gathered.
import { CHECKLIST_KEYS, type ChecklistKey, type PriorityLevel } from './types/classification.ts';
import type { IssueKind } from './types/filing.ts';

/** A Step-1 item, or Step 2 ("asked in #customer-support-chat"). */
export type RequirementItem = ChecklistKey | 'teammates';

export const REQUIREMENT_ITEMS: readonly RequirementItem[] = [...CHECKLIST_KEYS, 'teammates'];

/** Why an item is not asked. */
export type SkipReason = 'feature-request' | 'defect';

export interface Requirements {
  /** Items the agent is asked to confirm, in the checklist's order. */
  asked: RequirementItem[];
  /** Items not asked, with why; they never block filing and are not reported missing. */
  skipped: Partial<Record<RequirementItem, SkipReason>>;
  /** false for an outage: File is available at once and what is unconfirmed goes under "Still gathering". */
  blocks: boolean;
}

// Only ce/p3 (feature requests) drops these: a defect needs its reproduction whatever its priority.
const FEATURE_SKIPS: readonly ChecklistKey[] = ['repro', 'recent_changes', 'impact'];

/** The table: every kind × priority. */
export function requirementsFor(kind: IssueKind, priority: PriorityLevel): Requirements {
  const skipped: Partial<Record<RequirementItem, SkipReason>> = {};
  if (kind === 'rfh' && priority === 3) for (const k of FEATURE_SKIPS) skipped[k] = 'feature-request';
  if (kind === 'defect') skipped.teammates = 'defect';
  return { asked: REQUIREMENT_ITEMS.filter((i) => skipped[i] === undefined), skipped, blocks: priority !== 0 };
}

/** The asked items not yet confirmed, in the checklist's order. */
export function unconfirmedItems(
  requirements: Requirements,
  answers: { checklist: Record<ChecklistKey, { done: boolean }>; teammatesAsked: { done: boolean } },
): RequirementItem[] {
  return requirements.asked.filter((i) => !(i === 'teammates' ? answers.teammatesAsked.done : answers.checklist[i].done));
}
