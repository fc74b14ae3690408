// One benchmark figure, printed by `npm run bench` as one JSON line. Every measuring module (sizes, browser
// timings, filing, bench/route.ts) returns these so the runner can print, check and summarise them alike.

export interface BenchResult {
  /** Stable snake_case name, e.g. `initial_gzip_kb`; the README and CI logs refer to it. */
  name: string;
  value: number;
  /** `kb`, `ms`, `ratio`, `requests`, `tickets/s`... */
  unit: string;
  /** The upper bound (or lower bound when `higherIsBetter`) the figure must respect; null = informational only. */
  budget: number | null;
  /** value within budget (always true when there is no budget). */
  ok: boolean;
  /** For throughput figures: the budget is a minimum, not a maximum. */
  higherIsBetter?: boolean;
  /** One human sentence for the summary: how it was measured, what it includes. Not printed in the JSON line. */
  note?: string;
}

/** Build a result and compute `ok` from the budget. */
export function figure(
  name: string,
  value: number,
  unit: string,
  budget: number | null,
  options: { higherIsBetter?: boolean; note?: string } = {},
): BenchResult {
  const rounded = Math.round(value * 100) / 100;
  const ok = budget === null ? true : options.higherIsBetter ? rounded >= budget : rounded <= budget;
  const result: BenchResult = { name, value: rounded, unit, budget, ok };
  if (options.higherIsBetter) result.higherIsBetter = true;
  if (options.note) result.note = options.note;
  return result;
}

/** The exact JSON line the runner prints: the five contract fields, nothing else. */
export function jsonLine(r: BenchResult): string {
  return JSON.stringify({ name: r.name, value: r.value, unit: r.unit, budget: r.budget, ok: r.ok });
}

/** True when `x` has the five contract fields with the right types (bench/route.ts is loaded by name at run time, so its results are checked before use). */
export function isBenchResult(x: unknown): x is BenchResult {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.name === 'string' &&
    typeof r.value === 'number' &&
    typeof r.unit === 'string' &&
    (r.budget === null || typeof r.budget === 'number') &&
    typeof r.ok === 'boolean'
  );
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
