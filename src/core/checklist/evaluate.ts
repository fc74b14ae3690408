// Measuring the checklist's automatic ticks against labelled tickets: a hint with status `found` pre-ticks its item,
// so a `found` on an item labelled `not_found` is a false tick (worse than a miss: the junk reaches the issue
// marked ✓), and a labelled `found` left unticked is a miss. Pure: the CLI and the unit test feed it.
import { english } from '../english.ts';
import { isRecord } from '../guards.ts';
import { CHECKLIST_HINT_ITEMS, type ChecklistHint, type ChecklistHintItem, type ChecklistHints } from '../types/classification.ts';

export type ChecklistJudgement = 'found' | 'not_found';
/** Ticket id (as a string) → item → the expected judgement; items left out are not judged. */
export type ChecklistLabels = Record<string, Partial<Record<ChecklistHintItem, ChecklistJudgement>>>;

export interface ChecklistEvalRow {
  ticketId: number;
  source: string;
  hints: ChecklistHints;
}

export interface ItemScore {
  /** Judged tickets, ticks (found), correct ticks, labelled found. */
  judged: number;
  ticked: number;
  correct: number;
  labelledFound: number;
  precision: number;
  recall: number;
}

export interface ChecklistMiss {
  ticketId: number;
  source: string;
  item: ChecklistHintItem;
  /** `false-tick`: found but labelled not_found; `missed`: labelled found but not ticked. */
  kind: 'false-tick' | 'missed';
  status: ChecklistHint['status'] | 'absent';
  reason: string;
}

export interface ChecklistEvalSummary {
  tickets: number;
  judgements: number;
  overall: ItemScore;
  items: Record<ChecklistHintItem, ItemScore>;
  misses: ChecklistMiss[];
  /** Labelled tickets with no bundle, and bundles with no labels. */
  unlabelled: number[];
  missingBundles: string[];
}

/** The labels file: `{"<ticket id>": {"<item>": "found" | "not_found"}}`. Problems name the ticket and item. */
export function parseChecklistLabels(raw: unknown): { labels: ChecklistLabels; problems: string[] } {
  const labels: ChecklistLabels = {};
  const problems: string[] = [];
  if (!isRecord(raw)) return { labels, problems: ['must be an object: {"<ticket id>": {"<item>": "found" | "not_found"}}'] };
  for (const [id, items] of Object.entries(raw)) {
    if (!/^\d+$/.test(id)) {
      problems.push(`"${id}" is not a ticket id`);
      continue;
    }
    if (!isRecord(items)) {
      problems.push(`ticket ${id}: must map items to "found" or "not_found"`);
      continue;
    }
    const row: Partial<Record<ChecklistHintItem, ChecklistJudgement>> = {};
    for (const [item, value] of Object.entries(items)) {
      if (!(CHECKLIST_HINT_ITEMS as readonly string[]).includes(item)) problems.push(`ticket ${id}: unknown item "${item}" (known: ${CHECKLIST_HINT_ITEMS.join(', ')})`);
      else if (value !== 'found' && value !== 'not_found') problems.push(`ticket ${id}, ${item}: "${String(value)}" is neither "found" nor "not_found"`);
      else row[item as ChecklistHintItem] = value;
    }
    labels[id] = row;
  }
  return { labels, problems };
}

function ratio(n: number, d: number): number {
  // No ticks at all is a perfect precision (nothing false was ticked); nothing to find is a perfect recall.
  return d === 0 ? 1 : Math.round((n / d) * 10000) / 10000;
}

function emptyScore(): ItemScore {
  return { judged: 0, ticked: 0, correct: 0, labelledFound: 0, precision: 1, recall: 1 };
}

function hintOf(hints: ChecklistHints, item: ChecklistHintItem): ChecklistHint<string> | undefined {
  return item === 'teammates' ? hints.teammates : hints[item];
}

/** Why the hint said what it said: its summary and the words it rested on, with where they were. */
function reasonOf(hint: ChecklistHint<string> | undefined): string {
  if (!hint) return 'no hint for this item';
  const words = hint.evidence
    .slice(0, 3)
    .map((e) => `"${e.matched.replace(/\s+/g, ' ').trim()}" (${e.field}${e.messageIndex !== undefined ? ` #${e.messageIndex}` : ''})`)
    .join(', ');
  return `${english(hint.summary)}${words ? ` — from ${words}` : ''}`;
}

export function evaluateChecklist(rows: ChecklistEvalRow[], labels: ChecklistLabels): ChecklistEvalSummary {
  const items = Object.fromEntries(CHECKLIST_HINT_ITEMS.map((k) => [k, emptyScore()])) as Record<ChecklistHintItem, ItemScore>;
  const overall = emptyScore();
  const misses: ChecklistMiss[] = [];
  const unlabelled: number[] = [];
  const seen = new Set<string>();
  let judgements = 0;
  for (const row of rows) {
    const expected = labels[String(row.ticketId)];
    if (!expected) {
      unlabelled.push(row.ticketId);
      continue;
    }
    seen.add(String(row.ticketId));
    for (const item of CHECKLIST_HINT_ITEMS) {
      const want = expected[item];
      if (!want) continue;
      judgements++;
      const hint = hintOf(row.hints, item);
      const ticked = hint?.status === 'found';
      for (const s of [items[item], overall]) {
        s.judged++;
        if (ticked) s.ticked++;
        if (want === 'found') s.labelledFound++;
        if (ticked && want === 'found') s.correct++;
      }
      if (ticked !== (want === 'found')) {
        misses.push({
          ticketId: row.ticketId,
          source: row.source,
          item,
          kind: ticked ? 'false-tick' : 'missed',
          status: hint?.status ?? 'absent',
          reason: reasonOf(hint),
        });
      }
    }
  }
  for (const s of [...Object.values(items), overall]) {
    s.precision = ratio(s.correct, s.ticked);
    s.recall = ratio(s.correct, s.labelledFound);
  }
  return {
    tickets: rows.length,
    judgements,
    overall,
    items,
    misses,
    unlabelled,
    missingBundles: Object.keys(labels).filter((id) => !seen.has(id)),
  };
}
