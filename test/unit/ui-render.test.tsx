// Server-side renders of the panel's pieces (no DOM needed): the test ids the browser tests rely on are on the
// right elements, and ticket text is escaped, never markup.
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { describe, expect, it } from 'vitest';
import { createTranslator, type Dictionary } from '../../src/ui/logic/i18n.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { themeFor } from '../../src/ui/shell/GardenTheme.tsx';
import { TicketHeader } from '../../src/ui/panel/TicketHeader.tsx';
import { FirstView } from '../../src/ui/panel/FirstView.tsx';
import { ChecklistSection, EscalateAnyway } from '../../src/ui/panel/Checklist.tsx';
import { KindTrackerSection } from '../../src/ui/panel/KindTracker.tsx';
import { IssuePreview } from '../../src/ui/panel/IssuePreview.tsx';
import { HandoffBox } from '../../src/ui/panel/Handoff.tsx';
import { ErrorAlert } from '../../src/ui/panel/ErrorAlert.tsx';
import { SettingsAlert } from '../../src/ui/panel/SettingsAlert.tsx';
import { OutsideZendeskMessage } from '../../src/ui/shell/OutsideZendesk.tsx';
import { draftReducer, initialDraft } from '../../src/ui/logic/draft.ts';
import { filingGate } from '../../src/ui/logic/gate.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import type { Classification, PriorityLevel, Team } from '../../src/core/types/classification.ts';
import type { IssueRequest } from '../../src/core/types/filing.ts';
import type { TicketModel } from '../../src/core/types/ticket.ts';
import { quietLayoutEffectWarnings } from '../support/server-render.ts';
import { list, msg } from '../../src/core/types/message.ts';

const en = { ui: JSON.parse(readFileSync(join(import.meta.dirname, '../../translations/en.json'), 'utf8')).ui as Dictionary };
const t = createTranslator('en', en, en);
const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>';

quietLayoutEffectWarnings();

function html(el: ReactElement, scheme: 'light' | 'dark' = 'light'): string {
  return renderToStaticMarkup(<ThemeProvider theme={themeFor(scheme)}>{el}</ThemeProvider>);
}

function expectNoRawMarkup(out: string): void {
  expect(out).not.toContain('<script>');
  expect(out).not.toContain('<img src=x');
  expect(out).toContain('&lt;script&gt;');
}

const teams = [
  { id: 'search-core', name: 'Search core', takesGithubIssues: true },
  { id: 'distribution', name: 'Distribution', takesGithubIssues: true },
] as Team[];

const text = `Indexed search is slow ${XSS} for all users`;
const model = {
  id: 42,
  subject: `Slow ${XSS}`,
  status: 'open',
  customerName: `Acme ${XSS}`,
  tags: [],
  organization: { id: 1, name: 'Acme', tags: [] },
  messages: [{ index: 0, authorName: `Dana ${XSS}`, text, attachments: [], authorRole: 'customer', public: true }],
} as unknown as TicketModel;

const classification: Classification = {
  ticketId: 42,
  route: {
    team: {
      teamId: 'search-core',
      score: 4,
      why: msg('ui.why.match', { team: 'Search Core', words: `"indexed search ${XSS}"`, fields: msg('ui.why.field.customer') }),
      evidence: [{ term: 'indexed search', matched: 'Indexed search', field: 'customer', messageIndex: 0, start: 0, end: 14, weight: 3 }],
    },
    alternatives: [{ teamId: 'distribution', score: 1, evidence: [], why: msg('ui.why.no_match', { team: 'Distribution' }) }],
  },
  priority: { level: 1, label: 'ce/p1', baseLevel: 2, salesProcess: true, featureRequest: false, reasons: [{ message: msg('ui.reason.raised', { label: 'ce/p1', why: msg('ui.reason.sales_process', { signals: list([msg('ui.sales.mentions', { words: '"POC"' })]) }) }) }] },
  checklist: {
    environment: { key: 'environment', status: 'found', summary: msg('deferred.hint.environment.no_deployment', { versions: `3.29 ${XSS}` }), evidence: [{ term: 'all users', matched: 'all users', field: 'customer', messageIndex: 0, start: text.length - 9, end: text.length, weight: 1 }] },
    repro: { key: 'repro', status: 'partial', summary: msg('deferred.hint.repro.no_artifacts', { parts: list([msg('deferred.hint.repro.listed_steps', { count: 1 })]) }), evidence: [] },
    recent_changes: { key: 'recent_changes', status: 'missing', summary: msg('deferred.hint.recent_changes.missing'), evidence: [] },
    impact: { key: 'impact', status: 'found', summary: msg('deferred.hint.impact.found', { words: 'all users' }), evidence: [] },
    urgency: { key: 'urgency', status: 'missing', summary: msg('deferred.hint.urgency.missing'), evidence: [] },
  },
};

describe('panel pieces render with their test ids, ticket text as text', () => {
  it('header', () => {
    const out = html(<TicketHeader t={t} customer={model.customerName} subject={model.subject} status="open" />);
    expect(out).toContain('data-testid="customer-name"');
    expect(out).toContain('data-testid="ticket-subject"');
    expect(out).toContain('>Open<');
    expectNoRawMarkup(out);
  });

  it('first view, light and dark', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const out = html(
        <FirstView t={t} classification={classification} teams={teams} chosenTeamId="distribution" chosenPriority={1} chosenPriorityLabel="ce/p1" />,
        scheme,
      );
      for (const id of ['team-decision', 'team-why', 'priority-decision', 'priority-reasons', 'team-suggestion']) expect(out).toContain(`data-testid="${id}"`);
      expect(out).toContain('Raised to ce/p1: customer in a sales process (the ticket mentions &quot;POC&quot;)');
      // The headline is the agent's choice; the suggestion is the secondary line.
      expect(out).toMatch(/data-testid="team-decision"[^>]*>Distribution</);
      expect(out).toContain('Suggested: Search core');
      expect(out).toContain('ce/p1');
      expectNoRawMarkup(out);
    }
  });

  it('checklist: every item with its check, status and a toggle for its evidence and note; teammates only for requests for help; escalate beside File when gated', () => {
    const draft = initialDraft(classification.checklist);
    const gate = filingGate({ ...draft, priority: 2 }, { requireChecklist: true, escalateAnyway: false, escalateReason: '' });
    const section = (d: typeof draft, priority: PriorityLevel, g = gate) =>
      html(
        <ChecklistSection t={t} model={model} hints={classification.checklist} draft={d} dispatch={() => undefined} gate={g} requireChecklist priority={priority} priorityLabel={`ce/p${priority}`} />,
      );
    const out = section(draft, 2);
    for (const key of ['environment', 'repro', 'recent_changes', 'impact', 'urgency', 'teammates']) {
      for (const prefix of ['checklist-item-', 'checklist-check-', 'checklist-toggle-']) expect(out).toContain(`data-testid="${prefix}${key}"`);
    }
    // One line each until opened (or a note is written): no note field, no evidence yet.
    expect(out).not.toContain('data-testid="checklist-note-');
    expect(out).toMatch(/<input[^>]*data-testid="checklist-check-environment"/);
    expect(out).toContain('data-testid="checklist-hint-environment"');
    expect(out).not.toContain('data-testid="escalate-anyway"');
    expect(out).not.toContain('<script>');
    // An item with a note opens by itself, with its evidence: the customer's words as text, never markup.
    const notes = Object.fromEntries(Object.entries(draft.checklist).map(([k, a]) => [k, { ...a, note: 'seen on 5.2' }])) as typeof draft.checklist;
    const noted = section({ ...draft, checklist: notes }, 2);
    expect(noted).toContain('data-testid="checklist-note-repro"');
    expect(noted).toContain('<mark');
    expectNoRawMarkup(noted);
    const escalate = (d: typeof draft, g = gate) =>
      html(<EscalateAnyway t={t} draft={d} dispatch={() => undefined} gate={g} requireChecklist />);
    expect(escalate(draft)).toContain('data-testid="escalate-anyway"');
    expect(escalate(draft)).not.toContain('data-testid="escalate-reason"');

    const defect = draftReducer(draftReducer(draft, { type: 'kind', kind: 'defect' }), { type: 'escalateAnyway', on: true });
    const out2 = section(defect, 2);
    expect(out2).not.toContain('data-testid="checklist-item-teammates"');
    expect(out2).toContain('data-testid="teammates-skipped"');
    expect(escalate(defect)).toContain('data-testid="escalate-reason"');
  });

  it('checklist: asks only what applies to the kind and the priority', () => {
    const draft = initialDraft(classification.checklist);
    const section = (d: typeof draft, priority: PriorityLevel) => {
      const gate = filingGate({ ...d, priority }, { requireChecklist: true, escalateAnyway: false, escalateReason: '' });
      return html(
        <ChecklistSection t={t} model={model} hints={classification.checklist} draft={d} dispatch={() => undefined} gate={gate} requireChecklist priority={priority} priorityLabel={`ce/p${priority}`} />,
      );
    };
    // A feature request: no repro, recent changes or impact to tick, named once as not needed.
    const feature = section(draft, 3);
    for (const key of ['repro', 'recent_changes', 'impact']) expect(feature).not.toContain(`data-testid="checklist-item-${key}"`);
    for (const key of ['environment', 'urgency', 'teammates']) expect(feature).toContain(`data-testid="checklist-check-${key}"`);
    expect(feature).toContain('data-testid="checklist-not-needed"');
    expect(feature).toContain('Not needed for a feature request (ce/p3): steps to reproduce, recent changes, impacted users.');
    expect(feature).not.toContain('checklist-outage-notice');
    // An outage: every item still shown, File not gated, the notice says what happens to the rest.
    const outage = section(draft, 0);
    for (const key of ['environment', 'repro', 'recent_changes', 'impact', 'urgency', 'teammates']) expect(outage).toContain(`data-testid="checklist-check-${key}"`);
    expect(outage).toContain('data-testid="checklist-outage-notice"');
    expect(outage).toContain('Still gathering');
    expect(html(<EscalateAnyway t={t} draft={draft} dispatch={() => undefined} gate={filingGate({ ...draft, priority: 0 }, { requireChecklist: true, escalateAnyway: false, escalateReason: '' })} requireChecklist />)).toBe('');
    expect(outage).not.toContain('checklist-not-needed');
  });

  it('kind and tracker radios; the redaction preview for the public tracker', () => {
    const draft = initialDraft(classification.checklist);
    // The defaults stand: one line that names them, and a Change button.
    const collapsed = html(<KindTrackerSection t={t} draft={draft} dispatch={() => undefined} settings={DEFAULT_SETTINGS} request={null} />);
    expect(collapsed).toContain('data-testid="kind-tracker-summary"');
    expect(collapsed).toContain('Request for help');
    expect(collapsed).toContain('data-testid="kind-tracker-change"');
    // A non-default choice keeps the radios open.
    const defect = draftReducer(draft, { type: 'kind', kind: 'defect' });
    const out = html(<KindTrackerSection t={t} draft={defect} dispatch={() => undefined} settings={DEFAULT_SETTINGS} request={null} />);
    for (const id of ['kind-rfh', 'kind-defect', 'tracker-private', 'tracker-public']) expect(out).toMatch(new RegExp(`<input[^>]*data-testid="${id}"`));
    expect(out).not.toContain('redaction-preview');
    const request: IssueRequest = {
      owner: 'sourcegraph', repo: 'sourcegraph', title: 't', body: 'b', labels: [], comments: [], marker: 'm',
      redactions: [{ kind: 'email', original: `dana@acme.example${XSS}`, replacement: 'REDACTED' }],
    };
    const pub = html(
      <KindTrackerSection t={t} draft={{ ...draft, tracker: 'public' }} dispatch={() => undefined} settings={DEFAULT_SETTINGS} request={request} />,
    );
    expect(pub).toContain('data-testid="redaction-preview"');
    expect(pub).toContain('REDACTED');
    expectNoRawMarkup(pub);
  });

  it('lists masked credentials by kind and place, never their value; the public list names a secret by its kind only', () => {
    const GH = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const request: IssueRequest = {
      owner: 'sourcegraph', repo: 'customer', title: 't', body: 'b', labels: [], comments: [], marker: 'm',
      masked: [
        { kind: 'github-token', where: { part: 'message', index: 2 }, context: `GITHUB_TOKEN=[masked GitHub token]${XSS}` },
        { kind: 'password', where: { part: 'title' }, context: '(password=[masked password]' },
      ],
    };
    const priv = html(<IssuePreview t={t} request={request} expanded onToggle={() => undefined} />);
    expect(priv).toContain('data-testid="masked-preview"');
    expect(priv).toMatch(/>GitHub token</);
    expect(priv).toContain('in message 2');
    expect(priv).toContain('in the title');
    expectNoRawMarkup(priv);
    expect(html(<IssuePreview t={t} request={{ ...request, masked: [] }} expanded onToggle={() => undefined} />)).toContain('No credentials found.');
    const pubRequest: IssueRequest = {
      ...request, repo: 'sourcegraph', masked: [],
      redactions: [
        { kind: 'secret', secret: 'github-token', original: GH, replacement: '[masked GitHub token]' },
        { kind: 'url', original: `https://bob:${GH}@git.acme.example/x`, replacement: 'REDACTED' },
      ],
    };
    const draft = { ...initialDraft(classification.checklist), tracker: 'public' as const };
    const pub = html(<KindTrackerSection t={t} draft={draft} dispatch={() => undefined} settings={DEFAULT_SETTINGS} request={pubRequest} />);
    expect(pub).toContain('data-testid="redaction-preview"');
    expect(pub).toContain('[masked GitHub token]');
    expect(pub).not.toContain(GH);
    expect(html(<IssuePreview t={t} request={pubRequest} expanded onToggle={() => undefined} />)).not.toContain('masked-preview');
  });

  it('issue preview shows title, labels and the body (its exact source until the renderer has loaded)', () => {
    const request: IssueRequest = {
      owner: 'sourcegraph', repo: 'customer', title: `Slow ${XSS}`, body: `> ${XSS}\n\n<!-- hidden -->`, labels: ['rfh', 'ce/p1'], comments: ['c'], marker: 'm',
    };
    const out = html(<IssuePreview t={t} request={request} expanded onToggle={() => undefined} />);
    for (const id of ['issue-preview', 'preview-title', 'preview-labels', 'preview-body']) expect(out).toContain(`data-testid="${id}"`);
    expect(out).toContain('&lt;!-- hidden --&gt;');
    expect(out).toContain('1 follow-up comment');
    expect(out).toContain('data-view="source"');
    expectNoRawMarkup(out);
    // Closed, it has no body at all: the Markdown renderer is fetched only when the agent opens the preview.
    const closed = html(<IssuePreview t={t} request={request} expanded={false} onToggle={() => undefined} />);
    expect(closed).not.toContain('data-testid="preview-body"');
    expect(closed).not.toContain('data-testid="preview-source-toggle"');
  });

  it('hand-off with channel, message and copy button', () => {
    const out = html(<HandoffBox t={t} handoff={{ teamId: 'search-core', channel: '#search', handle: '@search-core-support', message: `Help ${XSS}` }} />);
    for (const id of ['handoff-channel', 'handoff-message', 'handoff-copy']) expect(out).toContain(`data-testid="${id}"`);
    expect(out).toContain('@search-core-support');
    expectNoRawMarkup(out);
  });

  it('errors: title, message, next step and a retry', () => {
    const out = html(
      <ErrorAlert t={t} error={{ code: 'github_no_push', params: { repo: 'o/r', setting: 'private_repository' }, retryable: false }} onRetry={() => undefined} data-testid="filing-error" />,
    );
    expect(out).toContain('data-testid="filing-error"');
    expect(out).toContain('data-testid="retry-button"');
    expect(out).toContain('No permission to file in o/r');
    expect(out).toContain('private_repository');
  });

  it('settings alert names each setting; nothing when all is well', () => {
    const out = html(<SettingsAlert t={t} problems={[{ setting: 'private_repository', message: msg('deferred.settings_problem.repo') }]} />);
    expect(out).toContain('data-testid="settings-alert"');
    expect(out).toContain('Private tracker (owner/repo) (private_repository): must be &quot;owner/repo&quot;, e.g. &quot;sourcegraph/customer&quot;');
    expect(out).toContain('A setting needs fixing');
    expect(html(<SettingsAlert t={t} problems={[]} />)).toBe('');
  });

  it('outside Zendesk', async () => {
    const out = html(<OutsideZendeskMessage i18n={{ locale: 'en', t }} />);
    expect(out).toContain('data-testid="outside-zendesk"');
    expect(out).toContain('Engage runs inside Zendesk');
  });
});
