// The insights page (support.nav_bar): for the chosen period, the RFH rate per week against the 10% goal, RFHs by
// team and priority, the customers with the most RFHs, the linked issues (open by age, median time to close,
// tickets per issue) and how often agents kept the suggested team and priority. Figures come from core/report
// (the same code as `engage report`) over what load.ts reads; each part shows as soon as it is known, a progress
// line says what is being fetched, and a failure names its source while what was shown stays.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import styled, { createGlobalStyle } from 'styled-components';
import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Field, Label, Select } from '@zendeskgarden/react-forms';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert, Paragraph, Title } from '@zendeskgarden/react-notifications';
import { DEFAULT_THEME, getColor, ThemeProvider, type IGardenTheme } from '@zendeskgarden/react-theming';
import { LG, MD, SM, XXL } from '@zendeskgarden/react-typography';
import type { TrackerFigures } from '../core/report/tracker.ts';
import { periodWindows } from '../core/report/search-records.ts';
import type { Report } from '../core/report/types.ts';
import { dayStart, WEEK_MS, weekStart } from '../core/report/weeks.ts';
import type { Settings } from '../core/settings.ts';
import type { Team } from '../core/types/classification.ts';
import type { ZafClient } from '../zaf/client.ts';
import { DataTable, Figure } from './Figure.tsx';
import { ageFigure, customersFigure, percent, priorityFigure, rateFigure, rateWords, suggestionsFigure, teamName, teamsFigure, type Scheme } from './figures.ts';
import type { Translate } from './i18n.ts';
import { loadInsights, SourceFailure, type ListIssues, type Period, type Progress } from './load.ts';

export const PERIOD_WEEKS = [4, 8, 12, 26, 52] as const;
export const DEFAULT_PERIOD_WEEKS = 12;

export interface InsightsStart {
  client: ZafClient;
  settings: Settings;
  teams: Team[];
  subdomain: string;
  locale: string;
  t: Translate;
}

/** The last `weeks` ISO weeks up to today (UTC), this week included. */
export function lastWeeks(weeks: number, now: number): Period {
  const to = dayStart(now);
  return { from: weekStart(to) - (weeks - 1) * WEEK_MS, to };
}

const PageStyle = createGlobalStyle`
  body { margin: 0; background: ${(p) => getColor({ theme: p.theme as IGardenTheme, variable: 'background.default' })}; }
`;

const Page = styled.main`
  box-sizing: border-box;
  min-height: 100vh;
  padding: ${(p) => p.theme.space.lg};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  background: ${(p) => getColor({ theme: p.theme, variable: 'background.default' })};
  font-family: ${(p) => p.theme.fonts.system};
  .insights-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: ${(p) => p.theme.space.lg}; margin-top: ${(p) => p.theme.space.md}; }
  .insights-figure { border: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.default' })}; border-radius: ${(p) => p.theme.borderRadii.md}; padding: ${(p) => p.theme.space.md}; min-width: 0; overflow-x: auto; }
  .insights-figure-head { display: flex; justify-content: space-between; align-items: center; gap: ${(p) => p.theme.space.sm}; margin-bottom: ${(p) => p.theme.space.sm}; }
  .insights-wide { grid-column: 1 / -1; }
  .insights-head { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: ${(p) => p.theme.space.md}; }
  .insights-status { min-height: 24px; margin-top: ${(p) => p.theme.space.sm}; display: flex; gap: ${(p) => p.theme.space.sm}; align-items: center; }
  .insights-tickets { display: flex; flex-wrap: wrap; gap: 4px 10px; margin: 4px 0 8px; padding: 0; list-style: none; }
`;

function progressText(p: Progress, t: Translate): string {
  if (p.step === 'counting') return t('insights.progress.counting', { done: p.done, total: p.total });
  if (p.step === 'exporting') return t('insights.progress.exporting', { count: p.fetched });
  return t('insights.progress.listing', { repo: p.repo, page: p.page });
}

function failureText(f: SourceFailure, t: Translate): { title: string; text: string } {
  const detail = f.status ? t('insights.failed.http', { status: f.status, message: f.message }) : t('insights.failed.no_answer');
  return f.source === 'zendesk'
    ? { title: t('insights.failed.zendesk_title'), text: t('insights.failed.zendesk', { what: f.what, detail }) }
    : { title: t('insights.failed.github_title'), text: t('insights.failed.github', { repo: f.what, detail }) };
}

function TicketLink(props: { id: number; start: InsightsStart }): JSX.Element {
  const { id, start } = props;
  return (
    <Anchor
      href={`https://${start.subdomain}.zendesk.com/agent/tickets/${id}`}
      onClick={(e) => {
        // In Zendesk the ticket opens in the agent's workspace, not in a new window.
        e.preventDefault();
        void start.client.invoke('routeTo', 'ticket', id);
      }}
    >
      #{id}
    </Anchor>
  );
}

function IssuesPart(props: { tracker: TrackerFigures; start: InsightsStart; scheme: Scheme; truncated: string[] }): JSX.Element {
  const { tracker, start, scheme } = props;
  const { t, locale } = start;
  const age = useMemo(() => ageFigure(tracker, t, scheme), [tracker, t, scheme]);
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const top = tracker.issues.slice(0, 10);
  return (
    <>
      <Figure figure={age} t={t} />
      <section className="insights-figure insights-wide" aria-labelledby="insights-issues-title" data-testid="figure-issues">
        <MD tag="h3" isBold id="insights-issues-title">
          {t('insights.issues.title')}
        </MD>
        <Paragraph data-testid="issues-summary">
          {tracker.median_days_to_close === null
            ? t('insights.issues.median_none', { open: tracker.open, linked: tracker.linked })
            : t('insights.issues.median', { days: nf.format(tracker.median_days_to_close), closed: tracker.closed, open: tracker.open, linked: tracker.linked })}
        </Paragraph>
        {props.truncated.length > 0 && <SM>{t('insights.issues.truncated', { repos: props.truncated.join(', ') })}</SM>}
        <DataTable
          testId="table-issues"
          caption={t('insights.issues.per_issue')}
          columns={[t('insights.issues.issue_column'), t('insights.issues.title_column'), t('insights.issues.state_column'), t('insights.table.tickets')]}
          rows={top.map((i) => [
            `${i.tracker === 'public' ? t('insights.issues.public') : t('insights.issues.private')} #${i.number}`,
            i.title ?? '—',
            t(`insights.issues.state.${i.state ?? 'unknown'}`),
            i.tickets,
          ])}
        />
      </section>
    </>
  );
}

function SuggestionsPart(props: { report: Report; start: InsightsStart; scheme: Scheme }): JSX.Element {
  const { report, start, scheme } = props;
  const { t, locale, teams } = start;
  const figure = useMemo(() => suggestionsFigure(report, teams, t, locale, scheme), [report, teams, t, locale, scheme]);
  const s = report.suggestions;
  const byTeam = new Map<string, number[]>();
  const priorityOnly: number[] = [];
  for (const c of s.changed) {
    if (c.team?.suggested) byTeam.set(c.team.suggested, [...(byTeam.get(c.team.suggested) ?? []), c.ticket_id]);
    else if (c.priority) priorityOnly.push(c.ticket_id);
  }
  return (
    <div className="insights-wide">
      <Figure figure={figure} t={t} />
      <section className="insights-figure" aria-labelledby="insights-changed-title" data-testid="suggestions-changed">
        <MD tag="h3" isBold id="insights-changed-title">
          {t('insights.suggestions.changed_title')}
        </MD>
        <Paragraph data-testid="suggestions-summary">
          {t('insights.suggestions.words', {
            team: percent(s.team.recorded ? s.team.rate : null, locale),
            teamKept: s.team.kept,
            teamRecorded: s.team.recorded,
            priority: percent(s.priority.recorded ? s.priority.rate : null, locale),
            priorityKept: s.priority.kept,
            priorityRecorded: s.priority.recorded,
          })}
        </Paragraph>
        {[...byTeam].map(([team, ids]) => (
          <div key={team} data-testid={`changed-${team}`}>
            <SM>{t('insights.suggestions.changed_team', { team: teamName(teams, team), count: ids.length })}</SM>
            <ul className="insights-tickets">
              {ids.map((id) => (
                <li key={id}>
                  <TicketLink id={id} start={start} />
                </li>
              ))}
            </ul>
          </div>
        ))}
        {priorityOnly.length > 0 && (
          <div data-testid="changed-priority">
            <SM>{t('insights.suggestions.changed_priority', { count: priorityOnly.length })}</SM>
            <ul className="insights-tickets">
              {priorityOnly.map((id) => (
                <li key={id}>
                  <TicketLink id={id} start={start} />
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </div>
  );
}

export function InsightsApp(props: { start: InsightsStart; scheme: Scheme; now?: () => number }): JSX.Element {
  const { start, scheme } = props;
  const { t, locale, teams } = start;
  const theme = useMemo<IGardenTheme>(() => ({ ...DEFAULT_THEME, colors: { ...DEFAULT_THEME.colors, base: scheme } }), [scheme]);
  const [weeks, setWeeks] = useState<number>(DEFAULT_PERIOD_WEEKS);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  /** Weeks whose count came back below the filings found (Zendesk's search index lags new tickets by minutes). */
  const [lagging, setLagging] = useState(0);
  const [tracker, setTracker] = useState<{ figures: TrackerFigures; truncated: string[] } | null>(null);
  const [failure, setFailure] = useState<SourceFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const run = useRef(0);
  const now = props.now ?? Date.now;

  // A new attempt is a new period object, even when the days are the same: the effect below runs again.
  const period = useMemo(() => lastWeeks(weeks, now()), [weeks, now, attempt]);

  useEffect(() => {
    const id = ++run.current;
    const live = () => run.current === id;
    setFailure(null);
    setProgress({ step: 'counting', done: 0, total: periodWindows(period.from, period.to).length });
    // Octokit loads only when the Zendesk figures are in: they show without waiting for it.
    let listing: Promise<ListIssues> | null = null;
    const lister: ListIssues = async (...args) => {
      listing ??= import('./github.ts').then((m) => m.issueLister(start.client, start.settings));
      return (await listing)(...args);
    };
    loadInsights(start.client, start.settings, teams, period, lister, {
      progress: (p) => live() && setProgress(p),
      report: (r, extra) => {
        if (!live()) return;
        setReport(r);
        setLagging(extra.countBelowFilings);
        setTracker(null);
      },
      tracker: (figures, extra) => {
        if (!live()) return;
        const names = { private: `${start.settings.privateRepo.owner}/${start.settings.privateRepo.repo}`, public: `${start.settings.publicRepo.owner}/${start.settings.publicRepo.repo}` };
        setTracker({ figures, truncated: extra.truncated.map((x) => names[x]) });
      },
    })
      .then(() => live() && setProgress(null))
      .catch((e: unknown) => {
        if (!live()) return;
        setProgress(null);
        setFailure(e instanceof SourceFailure ? e : new SourceFailure('zendesk', 'search', 0, e instanceof Error ? e.message : String(e)));
      });
  }, [start, teams, period]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const figures = useMemo(
    () => (report ? { rate: rateFigure(report, t, locale, scheme), teams: teamsFigure(report, teams, t, scheme), priority: priorityFigure(report, t, scheme), customers: customersFigure(report, t, scheme) } : null),
    [report, t, locale, scheme, teams],
  );
  const failed = failure ? failureText(failure, t) : null;
  const periodDays = `${new Date(period.from).toISOString().slice(0, 10)} – ${new Date(period.to).toISOString().slice(0, 10)}`;

  return (
    <ThemeProvider theme={theme}>
      <PageStyle />
      <Page data-color-scheme={scheme} data-testid="insights">
        <div className="insights-head">
          <div>
            <XXL tag="h1">{t('insights.title')}</XXL>
            <SM>{t('insights.period.days', { days: periodDays })}</SM>
          </div>
          <Field>
            <Label>{t('insights.period.label')}</Label>
            <Select
              value={String(weeks)}
              onChange={(e) => {
                // Another period: the figures shown so far are another period's, so they go.
                setReport(null);
                setTracker(null);
                setWeeks(Number(e.target.value));
              }}
              data-testid="period-select"
            >
              {PERIOD_WEEKS.map((w) => (
                <option key={w} value={w}>
                  {t('insights.period.weeks', { count: w })}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="insights-status" role="status" aria-live="polite" data-testid="insights-progress">
          {progress && (
            <>
              <Dots size={20} aria-hidden="true" />
              <span>{progressText(progress, t)}</span>
            </>
          )}
        </div>
        {failed && (
          <Alert type="error" role="alert" data-testid="insights-failure" data-source={failure?.source}>
            <Title>{failed.title}</Title>
            <Paragraph>{failed.text}</Paragraph>
            <Paragraph>{report ? t('insights.failed.kept') : t('insights.failed.nothing')}</Paragraph>
            <Button size="small" onClick={retry}>
              {t('insights.failed.retry')}
            </Button>
          </Alert>
        )}
        {report && figures && (
          <>
            <LG tag="p" data-testid="rate-words" style={{ marginTop: 16 }}>
              {rateWords(report, t, locale)}
            </LG>
            {lagging > 0 && <SM data-testid="count-lag">{t('insights.rate.count_lag', { count: lagging })}</SM>}
            <div className="insights-grid">
              <div className="insights-wide">
                <Figure figure={figures.rate} t={t} />
              </div>
              <Figure figure={figures.teams} t={t} />
              <Figure figure={figures.priority} t={t} />
              <Figure figure={figures.customers} t={t} />
              {tracker ? <IssuesPart tracker={tracker.figures} start={start} scheme={scheme} truncated={tracker.truncated} /> : null}
              <SuggestionsPart report={report} start={start} scheme={scheme} />
            </div>
          </>
        )}
      </Page>
    </ThemeProvider>
  );
}

