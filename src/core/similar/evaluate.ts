// Measuring "similar issues": recall@3 over tickets whose problem is in a filed issue (the expected issue among the
// first three shown) and the false-show rate over tickets whose problem is in none (any issue shown is noise).
import { isRecord } from '../guards.ts';
import type { SimilarResult } from './similar.ts';

export type SimilarLabels = Map<number, number | null>;

export function parseSimilarLabels(json: unknown): { labels: SimilarLabels; problems: string[] } {
  const labels: SimilarLabels = new Map();
  const problems: string[] = [];
  if (!isRecord(json)) return { labels, problems: ['must be a JSON object: ticket id → expected issue number or null'] };
  for (const [key, value] of Object.entries(json)) {
    if (key.startsWith('_')) continue; // "_comment" and the like
    if (!/^\d+$/.test(key)) problems.push(`"${key}": the key must be a ticket id`);
    else if (value !== null && !(typeof value === 'number' && Number.isInteger(value) && value > 0)) problems.push(`"${key}": must be an issue number or null`);
    else labels.set(Number(key), value);
  }
  return { labels, problems };
}

export interface SimilarEvalRow {
  ticketId: number;
  expected: number | null;
  shown: number[];
  /** Matched ticket: expected issue in the first three. Unmatched ticket: nothing shown. */
  ok: boolean;
}

export interface SimilarEvalSummary {
  matched: number;
  foundAt3: number;
  recallAt3: number | null;
  unmatched: number;
  falseShows: number;
  falseShowRate: number | null;
  unlabelled: number[];
  rows: SimilarEvalRow[];
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);

export function evaluateSimilar(results: readonly SimilarResult[], labels: SimilarLabels): SimilarEvalSummary {
  const rows: SimilarEvalRow[] = [];
  const unlabelled: number[] = [];
  for (const r of results) {
    if (!labels.has(r.ticketId)) {
      unlabelled.push(r.ticketId);
      continue;
    }
    const expected = labels.get(r.ticketId) ?? null;
    const shown = r.issues.map((i) => i.number);
    rows.push({ ticketId: r.ticketId, expected, shown, ok: expected === null ? shown.length === 0 : shown.slice(0, 3).includes(expected) });
  }
  const matched = rows.filter((r) => r.expected !== null);
  const unmatched = rows.filter((r) => r.expected === null);
  const foundAt3 = matched.filter((r) => r.ok).length;
  const falseShows = unmatched.filter((r) => !r.ok).length;
  return {
    matched: matched.length,
    foundAt3,
    recallAt3: ratio(foundAt3, matched.length),
    unmatched: unmatched.length,
    falseShows,
    falseShowRate: ratio(falseShows, unmatched.length),
    unlabelled,
    rows,
  };
}
