// Calendar arithmetic for the report: ISO weeks (Monday to Sunday, UTC) and strict dates. Plain numbers of
// milliseconds throughout, so bucketing a ticket into its week is one subtraction and one division.

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Zendesk writes `2026-11-23T14:02:11Z`; anything that starts with a real date and parses is accepted. A bare
// `Date.parse` would also take "March 3" or "1", which would put a ticket in a made-up week.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since the epoch of an ISO date-time, or null when it is not one. */
export function parseTimestamp(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) return null;
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isFinite(ms) ? ms : null;
}

/** Midnight UTC of a `YYYY-MM-DD` day, or null when it is not a real day (2026-02-30 is not). */
export function parseDay(value: string): number | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return formatDay(ms) === value ? ms : null;
}

/** Midnight UTC of the day holding `ms`. */
export function dayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Midnight UTC of the Monday starting the ISO week that holds `ms`. */
export function weekStart(ms: number): number {
  const day = dayStart(ms);
  const mondayBased = (new Date(day).getUTCDay() + 6) % 7;
  return day - mondayBased * DAY_MS;
}

/** `YYYY-MM-DD` of the UTC day holding `ms`. */
export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The ISO week's name, e.g. `2026-W48`: the year is the one its Thursday falls in. */
export function weekLabel(monday: number): string {
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
