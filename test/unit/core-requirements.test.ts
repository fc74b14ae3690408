// The table of what the handbook asks, per kind and priority (src/core/requirements.ts): every combination.
import { describe, expect, it } from 'vitest';
import { REQUIREMENT_ITEMS, requirementsFor, unconfirmedItems } from '../../src/core/requirements.ts';
import { CHECKLIST_KEYS, type PriorityLevel } from '../../src/core/types/classification.ts';
import type { IssueKind } from '../../src/core/types/filing.ts';

const ALL = ['environment', 'repro', 'recent_changes', 'impact', 'urgency', 'teammates'];

// kind, priority, asked, skipped, blocks
const TABLE: [IssueKind, PriorityLevel, string[], Record<string, string>, boolean][] = [
  ['rfh', 0, ALL, {}, false],
  ['rfh', 1, ALL, {}, true],
  ['rfh', 2, ALL, {}, true],
  ['rfh', 3, ['environment', 'urgency', 'teammates'], { repro: 'feature-request', recent_changes: 'feature-request', impact: 'feature-request' }, true],
  ['defect', 0, [...CHECKLIST_KEYS], { teammates: 'defect' }, false],
  ['defect', 1, [...CHECKLIST_KEYS], { teammates: 'defect' }, true],
  ['defect', 2, [...CHECKLIST_KEYS], { teammates: 'defect' }, true],
  ['defect', 3, [...CHECKLIST_KEYS], { teammates: 'defect' }, true],
];

describe('requirementsFor', () => {
  it.each(TABLE)('%s at p%i', (kind, priority, asked, skipped, blocks) => {
    const r = requirementsFor(kind, priority);
    expect(r.asked).toEqual(asked);
    expect(r.skipped).toEqual(skipped);
    expect(r.blocks).toBe(blocks);
  });

  it('puts every item in exactly one of asked and skipped, in the checklist order', () => {
    for (const kind of ['rfh', 'defect'] as const) {
      for (const p of [0, 1, 2, 3] as const) {
        const r = requirementsFor(kind, p);
        for (const item of REQUIREMENT_ITEMS) expect(r.asked.includes(item) !== (r.skipped[item] !== undefined)).toBe(true);
        expect(r.asked).toEqual(REQUIREMENT_ITEMS.filter((i) => r.asked.includes(i)));
      }
    }
  });
});

describe('unconfirmedItems', () => {
  const answers = (done: string[]) => ({
    checklist: Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, { done: done.includes(k) }])) as Record<(typeof CHECKLIST_KEYS)[number], { done: boolean }>,
    teammatesAsked: { done: done.includes('teammates') },
  });

  it('lists the asked items not ticked, never the skipped ones', () => {
    expect(unconfirmedItems(requirementsFor('rfh', 3), answers(['environment']))).toEqual(['urgency', 'teammates']);
    expect(unconfirmedItems(requirementsFor('defect', 2), answers(['environment', 'repro']))).toEqual(['recent_changes', 'impact', 'urgency']);
    expect(unconfirmedItems(requirementsFor('rfh', 1), answers(ALL))).toEqual([]);
  });
});
