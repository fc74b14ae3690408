// The insights page (support.nav_bar) on the preview with a generated history (preview/history/), in Chromium on the
// real ZAF SDK:
// - its figures equal `engage report`'s on the same tickets (rate per week, by team, by priority, customers,
//   suggestions kept, the changed tickets), read from the table views;
// - the tracker figures match the GitHub stand-in's issues, and one view stays within 30 requests;
// - a progress line says what is being fetched; a failing source is named and what was shown stays;
// - German and dark mode, no serious axe-core violations with the tables open, and a changed ticket's link opens it.
// Needs `npm run build` first (npm test does it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { runReport } from '../../src/cli/report-command.ts';
import { trackerFigures, type TrackerIssue } from '../../src/core/report/tracker.ts';
import type { Report } from '../../src/core/report/types.ts';
import { dayStart, formatDay, WEEK_MS, weekStart } from '../../src/core/report/weeks.ts';
import { buildCatalogue } from '../../src/core/teams.ts';
import { generateHistory, type History } from '../../preview/history/generate.ts';
import { requireBuild } from '../support/dist.ts';
import { axeViolations, describeViolations } from '../support/flow-steps.ts';
import { appFrame, control, startHarness, type Harness } from '../support/harness.ts';
import { memoryIo } from '../support/memory-io.ts';

const NOW = Date.now();
const eventually = { timeout: 15_000 };
const slowly = { timeout: 40_000 };
const teams = buildCatalogue('').teams;
const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? id;
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

let h: Harness;
let history: History;
let report: Report;

beforeAll(async () => {
  requireBuild();
  history = generateHistory({ now: NOW });
  h = await startHarness({ builtinTickets: false, history: { now: NOW }, settings: { settings: {}, secure: {} } });
  // `engage report` itself, on the same tickets, for the same 12 weeks ending today.
  const { io, result } = memoryIo({ 'history.json': JSON.stringify(history.bundles) });
  const code = await runReport(['history.json', '--format', 'json', '--to', formatDay(dayStart(NOW)), '--weeks', '12'], io);
  const run = result(code);
  expect(run.code, run.err).toBe(0);
  report = JSON.parse(run.out) as Report;
});

afterAll(async () => {
  await h?.close();
});

async function openInsights(query = ''): Promise<{ page: Page; frame: Frame }> {
  const page = await h.context.newPage();
  await page.goto(new URL(`/insights${query}`, h.baseUrl).toString());
  const frame = await appFrame(page);
  return { page, frame };
}

async function tableRows(frame: Frame, id: string): Promise<string[][]> {
  const table = frame.getByTestId(`table-${id}`);
  if (!(await table.isVisible())) await frame.getByTestId(`toggle-${id}`).click();
  await table.waitFor({ state: 'visible', timeout: 10_000 });
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
}

async function tableHead(frame: Frame, id: string): Promise<string[]> {
  return frame.getByTestId(`table-${id}`).locator('thead th').evaluateAll((cells) => cells.map((c) => c.textContent?.trim() ?? ''));
}

describe('the insights page', () => {
  it('has a realistic history behind it', () => {
    expect(history.bundles.length).toBeGreaterThanOrEqual(1000);
    expect(report.weeks).toHaveLength(12);
    expect(report.rfh_rate.rfhs).toBeGreaterThan(50);
    expect(report.rfh_rate.defects).toBeGreaterThan(0);
    expect(report.suggestions.changed.length).toBeGreaterThan(0);
    expect(report.weeks.some((w) => (w.rate ?? 0) > report.goal) && report.weeks.some((w) => (w.rate ?? 1) < report.goal)).toBe(true);
    expect(history.issues.some((i) => i.closedAt !== null) && history.issues.some((i) => i.closedAt === null)).toBe(true);
  });

  it("shows the same figures as engage report, in table views, within 30 requests", async () => {
    await control(h, 'POST', '/__reset', {});
    const { page, frame } = await openInsights();
    const words = frame.getByTestId('rate-words');
    await expect.poll(() => words.textContent(), slowly).toContain(`(${report.rfh_rate.rfhs} of ${report.rfh_rate.tickets},`);
    expect(await words.textContent()).toContain(`${pct(report.rfh_rate.rate)} of tickets`);
    expect(await words.textContent()).toContain(report.rfh_rate.rate! > report.goal ? 'over the 10.0% goal' : 'under the 10.0% goal');

    expect(await tableRows(frame, 'rate')).toEqual(report.weeks.map((w) => [w.week, w.start, String(w.tickets), String(w.rfhs), String(w.defects), pct(w.rate)]));
    expect(await tableRows(frame, 'teams')).toEqual(report.weeks.map((w) => [w.week, ...report.teams.map((id) => String(w.by_team[id] ?? 0))]));
    expect(await tableHead(frame, 'teams')).toEqual(['Week', ...report.teams.map(teamName)]);
    expect(await tableRows(frame, 'priority')).toEqual(report.weeks.map((w) => [w.week, String(w.by_priority.p0), String(w.by_priority.p1), String(w.by_priority.p2), String(w.by_priority.p3), String(w.by_priority.none)]));
    expect(await tableRows(frame, 'customers')).toEqual(report.customers.map((c) => [c.name ?? 'No organization', String(c.rfhs)]));
    expect(await tableRows(frame, 'suggestions')).toEqual(
      Object.entries(report.suggestions.team.by_suggested_team).map(([id, k]) => [teamName(id), String(k.recorded), String(k.kept), pct(k.rate)]),
    );
    // Every ticket where the agent changed the suggestion is linked, once.
    const linked = await frame.getByTestId('suggestions-changed').locator('a').allTextContents();
    expect(linked.sort()).toEqual(report.suggestions.changed.map((c) => `#${c.ticket_id}`).sort());

    // The tracker figures: the linked issues as the GitHub stand-in has them.
    const summary = frame.getByTestId('issues-summary');
    await expect.poll(() => summary.textContent(), slowly).toContain('Median time to close');
    const listed = {
      private: h.preview.standIn.listIssues('sourcegraph', 'customer') as TrackerIssue[],
      public: h.preview.standIn.listIssues('sourcegraph', 'sourcegraph') as TrackerIssue[],
    };
    const from = weekStart(dayStart(NOW)) - 11 * WEEK_MS;
    const expected = trackerFigures(history.bundles, { from, to: dayStart(NOW) }, listed, Date.now());
    const stillOpen = expected.issues.filter((i) => listed[i.tracker].find((x) => x.number === i.number)?.state === 'open').length;
    expect(expected.open).toBe(stillOpen);
    expect(expected.unknown).toBe(0);
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain(`(${expected.closed} closed, ${expected.open} open, ${expected.linked} issues linked`);
    expect(text).toContain(`${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(expected.median_days_to_close!)} days`);
    expect((await tableRows(frame, 'age')).map((r) => Number(r[1]))).toEqual(Object.values(expected.open_by_age));
    expect((await tableRows(frame, 'issues')).map((r) => Number(r[3]))).toEqual(expected.issues.slice(0, 10).map((i) => i.tickets));

    // The progress line is gone once everything is in; one view made at most 30 requests.
    await expect.poll(() => frame.getByTestId('insights-progress').textContent(), eventually).toBe('');
    const log = (await control(h, 'GET', '/__log')) as { zendesk: { path: string }[]; github: { path: string }[] };
    const requests = log.zendesk.filter((r) => r.path.startsWith('/api/v2/search/')).length + log.github.length;
    expect(log.zendesk.filter((r) => r.path === '/api/v2/search/count.json')).toHaveLength(12);
    expect(requests).toBeGreaterThan(12);
    expect(requests).toBeLessThanOrEqual(30);
    await page.close();
  });

  it('shows another period when one is chosen', async () => {
    await control(h, 'POST', '/__reset', {});
    const { io, result } = memoryIo({ 'history.json': JSON.stringify(history.bundles) });
    const run = result(await runReport(['history.json', '--format', 'json', '--to', formatDay(dayStart(NOW)), '--weeks', '4'], io));
    const four = JSON.parse(run.out) as Report;
    const { page, frame } = await openInsights();
    await expect.poll(() => frame.getByTestId('rate-words').count(), slowly).toBe(1);
    await frame.getByTestId('period-select').selectOption('4');
    await expect.poll(() => frame.getByTestId('rate-words').textContent(), slowly).toContain(`(${four.rfh_rate.rfhs} of ${four.rfh_rate.tickets},`);
    expect(await tableRows(frame, 'rate')).toEqual(four.weeks.map((w) => [w.week, w.start, String(w.tickets), String(w.rfhs), String(w.defects), pct(w.rate)]));
    await page.close();
  });

  it('says what it is fetching while it loads', async () => {
    await control(h, 'POST', '/__reset', {});
    // The export answers late, so the page is caught while it waits for it.
    await control(h, 'POST', '/__faults/zendesk', { method: 'GET', path: 'search/export', delayMs: 3000 });
    const { page, frame } = await openInsights();
    const progress = frame.getByTestId('insights-progress');
    await expect.poll(() => progress.textContent(), eventually).toContain('Fetching the filed tickets from Zendesk');
    expect(await frame.getByTestId('rate-words').count()).toBe(0);
    await expect.poll(() => frame.getByTestId('rate-words').count(), slowly).toBe(1);
    await page.close();
  });

  it('names the source that failed and keeps what was shown', async () => {
    await control(h, 'POST', '/__reset', {});
    await control(h, 'POST', '/__faults/github', { method: 'GET', path: '^/repos/sourcegraph/customer/issues$', status: 401, body: { message: 'Bad credentials' } });
    const { page, frame } = await openInsights();
    const failure = frame.getByTestId('insights-failure');
    await failure.waitFor({ state: 'visible', timeout: 40_000 });
    expect(await failure.getAttribute('data-source')).toBe('github');
    expect(await failure.textContent()).toContain('sourcegraph/customer');
    expect(await failure.textContent()).toContain('HTTP 401');
    // The Zendesk figures stay.
    expect(await frame.getByTestId('rate-words').textContent()).toContain(`(${report.rfh_rate.rfhs} of ${report.rfh_rate.tickets},`);
    expect(await frame.getByTestId('figure-issues').count()).toBe(0);
    // The fault was for one request: trying again completes the page.
    await failure.getByRole('button').click();
    await expect.poll(() => frame.getByTestId('issues-summary').count(), slowly).toBe(1);
    expect(await frame.getByTestId('insights-failure').count()).toBe(0);
    await page.close();

    await control(h, 'POST', '/__faults/zendesk', { method: 'GET', path: 'search/export', status: 500 });
    const again = await openInsights();
    const zendesk = again.frame.getByTestId('insights-failure');
    await zendesk.waitFor({ state: 'visible', timeout: 40_000 });
    expect(await zendesk.getAttribute('data-source')).toBe('zendesk');
    expect(await zendesk.textContent()).toContain('search/export');
    await again.page.close();
  });

  it('speaks German, follows dark mode, and passes axe with the tables open', async () => {
    await control(h, 'POST', '/__reset', {});
    const { page, frame } = await openInsights('?locale=de&colorScheme=dark');
    await expect.poll(() => frame.getByTestId('rate-words').textContent(), slowly).toContain('der Tickets brauchten Hilfe der Entwicklung');
    await expect.poll(() => frame.getByTestId('issues-summary').count(), slowly).toBe(1);
    expect(await frame.getByTestId('insights').getAttribute('data-color-scheme')).toBe('dark');
    for (const id of ['rate', 'teams', 'priority', 'customers', 'age', 'suggestions']) await tableRows(frame, id);
    const dark = await axeViolations(frame);
    expect(dark, describeViolations(dark)).toEqual([]);
    // The host's switch changes the scheme live.
    await page.getByTestId('color-scheme-toggle').uncheck();
    await expect.poll(() => frame.getByTestId('insights').getAttribute('data-color-scheme'), eventually).toBe('light');
    // Garden's colours change with a CSS transition: axe reads the colours once they have arrived.
    await expect.poll(() => frame.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length), eventually).toBe(0);
    const light = await axeViolations(frame);
    expect(light, describeViolations(light)).toEqual([]);
    // A changed ticket's link opens that ticket in the agent's workspace (ZAF routeTo; the preview's ticket page).
    const first = frame.getByTestId('suggestions-changed').locator('a').first();
    const id = ((await first.textContent()) ?? '').replace('#', '');
    await first.click();
    await page.waitForURL(`**/tickets/${id}`, { timeout: 15_000 });
    await page.close();
  });
});
