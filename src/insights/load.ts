// Loading the insights: what the page asks Zendesk and GitHub, in an order that shows something early.
//   1. Zendesk, tickets created per week: one `search/count.json` per ISO week of the period (12 for 12 weeks);
//   2. Zendesk, the filed tickets: `search/export.json` (cursor, `filter[type]=ticket`, 1000 per page, the
//      organisations sideloaded) → the report (core/report, the same code as `engage report`) is shown;
//   3. GitHub, one issue listing per tracker (issues updated since the period began: every issue a ticket of the
//      period linked was filed or commented on then), through Zendesk's proxy with the secure token → the tracker
//      figures are shown.
// A 12-week view of 10,000 RFH tickets is 12 + 10 Zendesk requests; GitHub gets what is left of MAX_REQUESTS.
// Each step reports its progress; a failure names its source and keeps what was already shown.
import { computeReport } from '../core/report/compute.ts';
import { createdCondition, FILING_TAGS_QUERY, periodWindows, recordsFromSearch, type SearchTicket, type WindowCount } from '../core/report/search-records.ts';
import { trackerFigures, type Tracker, type TrackerFigures, type TrackerIssue } from '../core/report/tracker.ts';
import type { Report } from '../core/report/types.ts';
import type { RepoRef, Settings } from '../core/settings.ts';
import type { Team } from '../core/types/classification.ts';
import type { ZafClient } from '../zaf/client.ts';
import { zafRequest, ZafNoAnswer } from '../zaf/request.ts';

/** The most requests one view may make (issue 14: at most 30 for 12 weeks of up to 10,000 RFH tickets). */
export const MAX_REQUESTS = 30;
export const EXPORT_PAGE_SIZE = 1000;
const GITHUB_PAGE_SIZE = 100;
/** GitHub pages per tracker at most, whatever is left of the budget: 200 issues touched in the period each. */
const MAX_GITHUB_PAGES = 2;

export type Progress =
  | { step: 'counting'; done: number; total: number }
  | { step: 'exporting'; fetched: number }
  | { step: 'listing'; tracker: Tracker; repo: string; page: number };

export type Source = 'zendesk' | 'github';

export class SourceFailure extends Error {
  constructor(
    readonly source: Source,
    /** What was being read: `search/count`, `search/export`, or the tracker's `owner/repo`. */
    readonly what: string,
    /** An HTTP status, or 0 when no answer came. */
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SourceFailure';
  }
}

export interface Period {
  /** UTC midnights; `to` is included. */
  from: number;
  to: number;
}

export interface InsightsHandlers {
  progress(p: Progress): void;
  report(report: Report, extra: { countBelowFilings: number }): void;
  tracker(figures: TrackerFigures, extra: { truncated: Tracker[] }): void;
}

/** Lists one page of a tracker's issues: GitHub's `GET /repos/{o}/{r}/issues` (through Octokit in the app). */
export type ListIssues = (repo: RepoRef, since: string, page: number, perPage: number) => Promise<{ issues: TrackerIssue[]; hasNext: boolean }>;

interface Counter {
  requests: number;
}

async function zendeskJson(client: ZafClient, url: string, what: string, counter: Counter): Promise<unknown> {
  counter.requests++;
  let answer;
  try {
    answer = await zafRequest(client, { url, type: 'GET', timeout: 60_000 });
  } catch (e) {
    if (e instanceof ZafNoAnswer) throw new SourceFailure('zendesk', what, 0, e.message);
    throw e;
  }
  if (answer.status < 200 || answer.status >= 300) {
    const json = answer.json as { description?: unknown; error?: unknown } | undefined;
    const detail = typeof json?.description === 'string' ? json.description : typeof json?.error === 'string' ? json.error : answer.statusText;
    throw new SourceFailure('zendesk', what, answer.status, detail || `HTTP ${answer.status}`);
  }
  if (answer.json !== undefined) return answer.json;
  try {
    return JSON.parse(answer.text ?? '') as unknown;
  } catch {
    throw new SourceFailure('zendesk', what, answer.status, 'the answer is not JSON');
  }
}

function shapeError(what: string): SourceFailure {
  return new SourceFailure('zendesk', what, 200, 'the answer does not have the shape Zendesk documents');
}

/** Tickets created per window, a few counts at a time. */
async function countWindows(client: ZafClient, period: Period, counter: Counter, handlers: InsightsHandlers): Promise<WindowCount[]> {
  const windows = periodWindows(period.from, period.to);
  const counts: WindowCount[] = new Array(windows.length);
  let done = 0;
  handlers.progress({ step: 'counting', done, total: windows.length });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < windows.length) {
      const i = next++;
      const w = windows[i]!;
      const query = encodeURIComponent(`type:ticket ${createdCondition(w)}`);
      const json = (await zendeskJson(client, `/api/v2/search/count.json?query=${query}`, 'search/count', counter)) as { count?: unknown };
      if (typeof json?.count !== 'number') throw shapeError('search/count');
      counts[i] = { ...w, count: json.count };
      handlers.progress({ step: 'counting', done: ++done, total: windows.length });
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return counts;
}

interface ExportPage {
  results?: unknown;
  organizations?: unknown;
  meta?: { has_more?: unknown; after_cursor?: unknown };
}

/** Every filing created in the period, following the export's cursor. */
async function exportFilings(client: ZafClient, period: Period, counter: Counter, handlers: InsightsHandlers): Promise<{ tickets: SearchTicket[]; organizations: Map<number, string> }> {
  const query = `type:ticket ${createdCondition({ from: period.from, to: period.to + 86_400_000 })} ${FILING_TAGS_QUERY}`;
  const tickets: SearchTicket[] = [];
  const organizations = new Map<number, string>();
  let after: string | null = null;
  handlers.progress({ step: 'exporting', fetched: 0 });
  do {
    const params = new URLSearchParams({ query, 'filter[type]': 'ticket', 'page[size]': String(EXPORT_PAGE_SIZE), include: 'tickets(organizations)' });
    if (after) params.set('page[after]', after);
    const page = (await zendeskJson(client, `/api/v2/search/export.json?${params.toString()}`, 'search/export', counter)) as ExportPage;
    if (!Array.isArray(page?.results)) throw shapeError('search/export');
    for (const r of page.results as Record<string, unknown>[]) {
      if (typeof r.id !== 'number' || typeof r.created_at !== 'string' || !Array.isArray(r.tags)) continue;
      tickets.push({ id: r.id, created_at: r.created_at, tags: r.tags.filter((t): t is string => typeof t === 'string'), organization_id: typeof r.organization_id === 'number' ? r.organization_id : null });
    }
    if (Array.isArray(page.organizations)) {
      for (const o of page.organizations as Record<string, unknown>[]) if (typeof o.id === 'number' && typeof o.name === 'string') organizations.set(o.id, o.name);
    }
    handlers.progress({ step: 'exporting', fetched: tickets.length });
    after = page.meta?.has_more === true && typeof page.meta.after_cursor === 'string' ? page.meta.after_cursor : null;
  } while (after);
  return { tickets, organizations };
}

export interface LoadResult {
  requests: number;
}

/**
 * Load the period's figures, handing each part to `handlers` as soon as it is known. Rejects with a SourceFailure
 * naming the source that failed; what the handlers received before stays valid.
 */
export async function loadInsights(
  client: ZafClient,
  settings: Settings,
  teams: readonly Team[],
  period: Period,
  listIssues: ListIssues,
  handlers: InsightsHandlers,
  now: number = Date.now(),
): Promise<LoadResult> {
  const counter: Counter = { requests: 0 };
  const counts = await countWindows(client, period, counter, handlers);
  const filings = await exportFilings(client, period, counter, handlers);
  const records = recordsFromSearch(filings.tickets, filings.organizations, counts);
  const report = computeReport(records.tickets, teams, { from: period.from, to: period.to, weeks: null });
  handlers.report(report, { countBelowFilings: records.countBelowFilings.length });

  const since = new Date(period.from).toISOString().replace('.000Z', 'Z');
  const listed: Record<Tracker, TrackerIssue[]> = { private: [], public: [] };
  const truncated: Tracker[] = [];
  const trackers: [Tracker, RepoRef][] = [
    ['private', settings.privateRepo],
    ['public', settings.publicRepo],
  ];
  for (const [tracker, repo] of trackers) {
    const name = `${repo.owner}/${repo.repo}`;
    // Budget: what is left after Zendesk, shared by the trackers still to list (at least one page each).
    const left = trackers.length - trackers.findIndex(([t]) => t === tracker);
    const pages = Math.max(1, Math.min(MAX_GITHUB_PAGES, Math.floor((MAX_REQUESTS - counter.requests) / left)));
    for (let page = 1; page <= pages; page++) {
      handlers.progress({ step: 'listing', tracker, repo: name, page });
      counter.requests++;
      let result;
      try {
        result = await listIssues(repo, since, page, GITHUB_PAGE_SIZE);
      } catch (e) {
        const status = typeof (e as { status?: unknown }).status === 'number' ? (e as { status: number }).status : 0;
        throw new SourceFailure('github', name, status, e instanceof Error ? e.message : String(e));
      }
      listed[tracker].push(...result.issues);
      if (!result.hasNext) break;
      if (page === pages) truncated.push(tracker);
    }
  }
  handlers.tracker(trackerFigures(records.tickets, period, listed, now), { truncated });
  return { requests: counter.requests };
}
