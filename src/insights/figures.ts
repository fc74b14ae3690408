// What each figure of the page draws and tabulates, from the report and the tracker figures: the Chart.js
// configuration (drawn lazily) and the rows of its table view (always there). One function per figure, so the
// chart and its table can never show different numbers.
import type { ChartConfiguration } from 'chart.js';
import { DEFAULT_THEME } from '@zendeskgarden/react-theming';
import { AGE_BUCKETS, type TrackerFigures } from '../core/report/tracker.ts';
import { PRIORITY_KEYS, type Report } from '../core/report/types.ts';
import type { Team } from '../core/types/classification.ts';
import type { Translate } from './i18n.ts';

export type Scheme = 'light' | 'dark';

export interface Figure {
  id: string;
  title: string;
  /** What the chart shows, for screen readers (the numbers are in the table). */
  summary: string;
  chart: ChartConfiguration;
  columns: string[];
  rows: (string | number)[][];
}

const HUES = ['blue', 'teal', 'purple', 'orange', 'fuschia', 'green', 'royal', 'crimson', 'lemon', 'azure', 'mint', 'pink'] as const;

function colour(i: number, scheme: Scheme): string {
  const hue = DEFAULT_THEME.palette[HUES[i % HUES.length] as (typeof HUES)[number]] as Record<string, string>;
  return (scheme === 'dark' ? hue['500'] : hue['600']) ?? '#1f73b7';
}

function axes(scheme: Scheme): { text: string; grid: string } {
  const grey = DEFAULT_THEME.palette.grey as Record<string, string>;
  return scheme === 'dark' ? { text: grey['300'] ?? '#c2c8cc', grid: grey['800'] ?? '#2f3941' } : { text: grey['800'] ?? '#2f3941', grid: grey['200'] ?? '#e9ebed' };
}

function baseOptions(scheme: Scheme, stacked: boolean, percent = false): NonNullable<ChartConfiguration['options']> {
  const a = axes(scheme);
  const tick = percent ? (v: string | number) => `${v}%` : undefined;
  return {
    responsive: true,
    maintainAspectRatio: false,
    // Drawn once, at once: nothing moves under the reader (or under a screenshot).
    animation: false,
    plugins: { legend: { labels: { color: a.text } } },
    scales: {
      x: { stacked, ticks: { color: a.text }, grid: { color: a.grid } },
      y: { stacked, beginAtZero: true, ticks: { color: a.text, ...(tick ? { callback: tick } : {}) }, grid: { color: a.grid } },
    },
  };
}

export function percent(value: number | null, locale: string): string {
  return value === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

export function teamName(teams: readonly Team[], id: string): string {
  return teams.find((t) => t.id === id)?.name ?? id;
}

/** "8.2% of tickets needed engineering's help (41 of 500), under the 10% goal", in the agent's language. */
export function rateWords(report: Report, t: Translate, locale: string): string {
  const r = report.rfh_rate;
  if (r.tickets === 0 || r.rate === null) return t('insights.rate.none');
  const exact = r.rfhs / r.tickets;
  const where = Math.abs(exact - report.goal) < 1e-9 ? 'at' : exact < report.goal ? 'under' : 'over';
  return t(`insights.rate.${where}`, { rate: percent(exact, locale), rfhs: r.rfhs, tickets: r.tickets, goal: percent(report.goal, locale) });
}

export function rateFigure(report: Report, t: Translate, locale: string, scheme: Scheme): Figure {
  const labels = report.weeks.map((w) => w.week);
  return {
    id: 'rate',
    title: t('insights.rate.title'),
    summary: t('insights.rate.summary', { weeks: report.weeks.length }),
    chart: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { type: 'bar', label: t('insights.rate.series'), data: report.weeks.map((w) => (w.rate === null ? 0 : Math.round(w.rate * 1000) / 10)), backgroundColor: colour(0, scheme) },
          { type: 'line', label: t('insights.rate.goal', { goal: percent(report.goal, locale) }), data: labels.map(() => report.goal * 100), borderColor: colour(7, scheme), borderDash: [6, 4], pointRadius: 0, fill: false },
        ],
      },
      options: baseOptions(scheme, false, true),
    },
    columns: [t('insights.table.week'), t('insights.table.starts'), t('insights.table.tickets'), t('insights.table.rfhs'), t('insights.table.defects'), t('insights.table.rate')],
    rows: report.weeks.map((w) => [w.week, w.start, w.tickets, w.rfhs, w.defects, percent(w.rate, locale)]),
  };
}

export function teamsFigure(report: Report, teams: readonly Team[], t: Translate, scheme: Scheme): Figure {
  return {
    id: 'teams',
    title: t('insights.teams.title'),
    summary: t('insights.teams.summary'),
    chart: {
      type: 'bar',
      data: {
        labels: report.weeks.map((w) => w.week),
        datasets: report.teams.map((id, i) => ({ label: teamName(teams, id), data: report.weeks.map((w) => w.by_team[id] ?? 0), backgroundColor: colour(i, scheme) })),
      },
      options: baseOptions(scheme, true),
    },
    columns: [t('insights.table.week'), ...report.teams.map((id) => teamName(teams, id))],
    rows: report.weeks.map((w) => [w.week, ...report.teams.map((id) => w.by_team[id] ?? 0)]),
  };
}

export function priorityFigure(report: Report, t: Translate, scheme: Scheme): Figure {
  const name = (k: string) => (k === 'none' ? t('insights.priority.none') : k.toUpperCase());
  return {
    id: 'priority',
    title: t('insights.priority.title'),
    summary: t('insights.priority.summary'),
    chart: {
      type: 'bar',
      data: {
        labels: report.weeks.map((w) => w.week),
        datasets: PRIORITY_KEYS.map((k, i) => ({ label: name(k), data: report.weeks.map((w) => w.by_priority[k]), backgroundColor: colour(i + 3, scheme) })),
      },
      options: baseOptions(scheme, true),
    },
    columns: [t('insights.table.week'), ...PRIORITY_KEYS.map(name)],
    rows: report.weeks.map((w) => [w.week, ...PRIORITY_KEYS.map((k) => w.by_priority[k])]),
  };
}

export function customersFigure(report: Report, t: Translate, scheme: Scheme): Figure {
  const names = report.customers.map((c) => c.name ?? t('insights.customers.none'));
  return {
    id: 'customers',
    title: t('insights.customers.title'),
    summary: t('insights.customers.summary', { count: report.customers.length }),
    chart: {
      type: 'bar',
      data: { labels: names, datasets: [{ label: t('insights.table.rfhs'), data: report.customers.map((c) => c.rfhs), backgroundColor: colour(2, scheme) }] },
      options: { ...baseOptions(scheme, false), indexAxis: 'y' },
    },
    columns: [t('insights.table.customer'), t('insights.table.rfhs')],
    rows: report.customers.map((c, i) => [names[i] as string, c.rfhs]),
  };
}

export function ageFigure(tracker: TrackerFigures, t: Translate, scheme: Scheme): Figure {
  const names = AGE_BUCKETS.map((b) => t(`insights.issues.age.${b}`));
  return {
    id: 'age',
    title: t('insights.issues.age_title'),
    summary: t('insights.issues.age_summary', { count: tracker.open }),
    chart: {
      type: 'bar',
      data: { labels: names, datasets: [{ label: t('insights.issues.open_issues'), data: AGE_BUCKETS.map((b) => tracker.open_by_age[b]), backgroundColor: colour(3, scheme) }] },
      options: baseOptions(scheme, false),
    },
    columns: [t('insights.issues.age_column'), t('insights.issues.open_issues')],
    rows: AGE_BUCKETS.map((b, i) => [names[i] as string, tracker.open_by_age[b]]),
  };
}

export function suggestionsFigure(report: Report, teams: readonly Team[], t: Translate, locale: string, scheme: Scheme): Figure {
  const entries = Object.entries(report.suggestions.team.by_suggested_team);
  return {
    id: 'suggestions',
    title: t('insights.suggestions.title'),
    summary: t('insights.suggestions.summary'),
    chart: {
      type: 'bar',
      data: {
        labels: entries.map(([id]) => teamName(teams, id)),
        datasets: [{ label: t('insights.suggestions.kept_column'), data: entries.map(([, k]) => Math.round(k.rate * 1000) / 10), backgroundColor: colour(5, scheme) }],
      },
      options: baseOptions(scheme, false, true),
    },
    columns: [t('insights.suggestions.team_column'), t('insights.suggestions.recorded_column'), t('insights.suggestions.kept_count_column'), t('insights.suggestions.kept_column')],
    rows: entries.map(([id, k]) => [teamName(teams, id), k.recorded, k.kept, percent(k.rate, locale)]),
  };
}
