// Whether the File button may be pressed, and if not, the one plain reason why. The handbook asks for the Step-1
// context (and Step 2 for requests for help) before engaging engineering, but only what applies to the kind and
// the priority the issue will be filed with (core/requirements.ts); the agent may escalate anyway with a written
// reason, which then goes into the issue. An outage never waits: what is missing is still being gathered.
import { requirementsFor, unconfirmedItems, type RequirementItem } from '../../core/requirements.ts';
import type { FilingDecisions } from '../../core/types/filing.ts';
import type { Translate } from './i18n.ts';
// Its strings are among the late ones (translations' ui subtrees loaded with the work area).
import './late-i18n.ts';

export type GateItem = RequirementItem;

export type Gate =
  | { open: true; /** Outage: asked items not yet confirmed, listed in the issue under "Still gathering". */ gathering?: GateItem[] }
  | { open: false; reason: 'checklist'; missing: GateItem[] }
  | { open: false; reason: 'escalate_reason' };

type GateDecisions = Pick<FilingDecisions, 'checklist' | 'teammatesAsked' | 'kind' | 'priority'>;

/** Items still to tick: those the kind and priority ask for (a feature request skips some, a defect skips Step 2). */
export function missingItems(decisions: GateDecisions): GateItem[] {
  return unconfirmedItems(requirementsFor(decisions.kind, decisions.priority), decisions);
}

export function filingGate(
  decisions: GateDecisions,
  options: { requireChecklist: boolean; escalateAnyway: boolean; escalateReason: string },
): Gate {
  if (!options.requireChecklist) return { open: true };
  const missing = missingItems(decisions);
  if (missing.length === 0) return { open: true };
  if (!requirementsFor(decisions.kind, decisions.priority).blocks) return { open: true, gathering: missing };
  if (options.escalateAnyway) {
    return options.escalateReason.trim() ? { open: true } : { open: false, reason: 'escalate_reason' };
  }
  return { open: false, reason: 'checklist', missing };
}

function itemList(t: Translate, items: GateItem[]): string {
  return items.map((k) => t(`ui.checklist.items_short.${k}`)).join(', ');
}

/** The reason the File button is disabled, in plain words. */
export function gateReason(t: Translate, gate: Gate): string {
  if (gate.open) return '';
  if (gate.reason === 'escalate_reason') return t('ui.gate.needs_reason');
  return t('ui.gate.needs_items', { items: itemList(t, gate.missing), count: gate.missing.length });
}

/** For an outage filed before the checklist is done: what the issue will list as still being gathered. */
export function gatheringNote(t: Translate, gate: Gate): string {
  if (!gate.open || !gate.gathering?.length) return '';
  return t('ui.gate.still_gathering', { items: itemList(t, gate.gathering), count: gate.gathering.length });
}
