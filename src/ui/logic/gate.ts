// Whether the File button may be pressed, and if not, the one plain reason why. The handbook asks for the Step-1
// context (and Step 2 for requests for help) before engaging engineering; the agent may escalate anyway with a
// written reason, which then goes into the issue.
import { CHECKLIST_KEYS, type ChecklistKey } from '../../core/types/classification.ts';
import type { FilingDecisions } from '../../core/types/filing.ts';
import type { Translate } from './i18n.ts';

export type GateItem = ChecklistKey | 'teammates';

export type Gate =
  | { open: true }
  | { open: false; reason: 'checklist'; missing: GateItem[] }
  | { open: false; reason: 'escalate_reason' };

/** Items still to tick: the five Step-1 items, plus Step 2 for a request for help (skipped for defects). */
export function missingItems(decisions: Pick<FilingDecisions, 'checklist' | 'teammatesAsked' | 'kind'>): GateItem[] {
  const missing: GateItem[] = CHECKLIST_KEYS.filter((k) => !decisions.checklist[k].done);
  if (decisions.kind === 'rfh' && !decisions.teammatesAsked.done) missing.push('teammates');
  return missing;
}

export function filingGate(
  decisions: Pick<FilingDecisions, 'checklist' | 'teammatesAsked' | 'kind'>,
  options: { requireChecklist: boolean; escalateAnyway: boolean; escalateReason: string },
): Gate {
  if (!options.requireChecklist) return { open: true };
  const missing = missingItems(decisions);
  if (missing.length === 0) return { open: true };
  if (options.escalateAnyway) {
    return options.escalateReason.trim() ? { open: true } : { open: false, reason: 'escalate_reason' };
  }
  return { open: false, reason: 'checklist', missing };
}

/** The reason the File button is disabled, in plain words. */
export function gateReason(t: Translate, gate: Gate): string {
  if (gate.open) return '';
  if (gate.reason === 'escalate_reason') return t('ui.gate.needs_reason');
  const items = gate.missing.map((k) => t(`ui.checklist.items_short.${k}`)).join(', ');
  return t('ui.gate.needs_items', { items, count: gate.missing.length });
}
