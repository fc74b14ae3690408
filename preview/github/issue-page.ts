// The stand-in's issue page, /github/<owner>/<repo>/issues/<n>: play the engineer. It shows the issue (body and
// comments as text), the Zendesk tickets it carries (from Engage's marker lines) and forms to comment on, close,
// reopen, assign and label it. Each form post changes the stand-in, then runs the sync bundle with the webhook event
// GitHub would send, as the tracker's workflow would, against the preview's own Zendesk API; the ticket pages show
// the note on their next poll. No script: plain forms (the page's policy allows posting to this origin only).
import { linkedTickets } from '../../src/core/issue-markers.ts';
import { escapeHtml } from './render.ts';
import type { StoredIssue } from './standin/api.ts';

export interface IssueTicket {
  id: number;
  /** The ticket in this preview, when it is one of its bundles. */
  subject?: string;
  organization?: string | null;
  status?: string;
  stateTag?: string | null;
}

export interface SyncRunSummary {
  action: string;
  code: number;
  log: string;
}

export interface IssuePageData {
  repo: string;
  issue: StoredIssue;
  tickets: IssueTicket[];
  lastRun: SyncRunSummary | null;
  /** Why the last form post changed nothing (GitHub refused it, a bad value). */
  problem: string | null;
}

type Json = Record<string, unknown>;
const login = (u: unknown) => String((u as Json | null)?.login ?? 'ghost');

/** The tickets an issue carries, for the preview's own Zendesk account. */
export function ticketsOf(issue: StoredIssue, subdomain: string): number[] {
  const comments = issue.comment_list.map((c) => ({ body: typeof c.body === 'string' ? c.body : '' }));
  return linkedTickets(issue.body, comments, subdomain).map((t) => t.ticketId);
}

const STYLE = `
.gh-issue-page { font: 14px/1.5 system-ui, sans-serif; color: #1f2328; max-width: 980px; margin: 0 auto; padding: 16px; }
.gh-issue-page h1 { font-size: 22px; margin: 0 0 4px; }
.gh-meta { color: #59636e; font-size: 12px; }
.gh-state { display: inline-block; border-radius: 2em; padding: 0 8px; font-size: 12px; color: #fff; }
.gh-state-open { background: #1f883d; } .gh-state-closed { background: #8250df; }
.gh-label { display: inline-block; border-radius: 2em; padding: 0 8px; margin: 2px 4px 2px 0; font-size: 12px; background: #ddf4ff; }
.gh-text { white-space: pre-wrap; word-break: break-word; font: 12px/1.45 ui-monospace, monospace; background: #f6f8fa; padding: 8px; border-radius: 6px; }
.gh-comment { border-top: 1px solid #d0d7de; margin-top: 8px; padding-top: 8px; }
.gh-columns { display: grid; grid-template-columns: minmax(0, 1fr) 280px; gap: 24px; }
.gh-side section { border-bottom: 1px solid #d0d7de; padding: 8px 0; }
.gh-side h2, .gh-main h2 { font-size: 13px; margin: 0 0 4px; }
.gh-form { display: flex; flex-direction: column; gap: 6px; margin: 8px 0; }
.gh-form textarea { min-height: 90px; font: inherit; }
.gh-run { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px; margin: 8px 0; }
.gh-run-failed { border-color: #cf222e; }
.gh-problem { color: #cf222e; }
`;

function form(action: string, testid: string, fields: string, button: string): string {
  return `<form class="gh-form" method="post" action="${escapeHtml(action)}" data-testid="${testid}">${fields}<button type="submit">${escapeHtml(button)}</button></form>`;
}

export function renderIssuePage(d: IssuePageData): string {
  const i = d.issue;
  const base = `/github/${d.repo}/issues/${i.number}`;
  const state = i.state === 'closed' ? 'closed' : 'open';
  const labels = ((i.labels as Json[] | undefined) ?? []).map((l) => String(l.name));
  const assignees = ((i.assignees as Json[] | undefined) ?? []).map(login);
  const customers = labels.filter((l) => l.startsWith('customer/')).map((l) => l.slice('customer/'.length));
  const parts: string[] = [`<style>${STYLE}</style>`, `<main class="gh-issue-page" data-testid="gh-issue-page" data-state="${state}">`];
  parts.push(
    `<p class="gh-meta"><a href="/github">All issues</a> · ${escapeHtml(d.repo)}</p>`,
    `<h1 data-testid="gh-issue-title">${escapeHtml(String(i.title))} <span class="gh-meta">#${i.number}</span></h1>`,
    `<p class="gh-meta"><span class="gh-state gh-state-${state}" data-testid="gh-issue-state">${state}</span> opened by ${escapeHtml(login(i.user))} · ${escapeHtml(String(i.created_at ?? ''))}</p>`,
  );
  if (d.problem) parts.push(`<p class="gh-problem" role="alert" data-testid="gh-problem">${escapeHtml(d.problem)}</p>`);
  if (d.lastRun) {
    const ok = d.lastRun.code === 0;
    parts.push(
      `<section class="gh-run${ok ? '' : ' gh-run-failed'}" data-testid="gh-sync-run" data-code="${d.lastRun.code}">` +
        `<h2>Engage sync run for "${escapeHtml(d.lastRun.action)}": ${ok ? 'succeeded' : `failed (exit code ${d.lastRun.code})`}</h2>` +
        `<div class="gh-text" data-testid="gh-sync-log">${escapeHtml(d.lastRun.log)}</div></section>`,
    );
  }
  parts.push('<div class="gh-columns"><div class="gh-main">');
  parts.push(`<div class="gh-text" data-testid="gh-issue-body">${i.body === null ? '<em>No description provided.</em>' : escapeHtml(String(i.body))}</div>`);
  for (const c of i.comment_list) {
    parts.push(
      `<section class="gh-comment" data-testid="gh-comment" id="issuecomment-${escapeHtml(String(c.id))}">` +
        `<div class="gh-meta">${escapeHtml(login(c.user))} commented ${escapeHtml(String(c.created_at ?? ''))}</div>` +
        `<div class="gh-text">${escapeHtml(String(c.body ?? ''))}</div></section>`,
    );
  }
  parts.push(
    form(`${base}/comment`, 'gh-comment-form', '<label>Comment as the engineer<textarea name="body" required data-testid="gh-comment-body"></textarea></label>', 'Comment'),
    state === 'open'
      ? form(
          `${base}/close`,
          'gh-close-form',
          '<label>Reason <select name="reason"><option value="completed">completed</option><option value="not_planned">not planned</option></select></label>',
          'Close issue',
        )
      : form(`${base}/reopen`, 'gh-reopen-form', '', 'Reopen issue'),
    '</div><aside class="gh-side">',
  );
  parts.push(
    `<section data-testid="gh-issue-tickets"><h2>Zendesk tickets on this issue (${d.tickets.length})</h2>` +
      (d.tickets.length === 0
        ? '<p class="gh-meta">None: no Engage marker line names a ticket of this preview.</p>'
        : `<ul>${d.tickets
            .map(
              (t) =>
                `<li data-testid="gh-issue-ticket" data-ticket="${t.id}"><a href="/tickets/${t.id}">#${t.id}</a>` +
                (t.subject === undefined
                  ? ' <span class="gh-meta">(not in this preview)</span>'
                  : ` ${escapeHtml(t.subject)}<br><span class="gh-meta">${escapeHtml(t.organization ?? 'no organization')} · ${escapeHtml(t.status ?? '')}${t.stateTag ? ` · ${escapeHtml(t.stateTag)}` : ''}</span>`) +
                '</li>',
            )
            .join('')}</ul>`) +
      (customers.length ? `<p class="gh-meta">Customers (labels): ${customers.map(escapeHtml).join(', ')}</p>` : '') +
      '</section>',
    `<section><h2>Assignees</h2><p data-testid="gh-issue-assignees">${assignees.length ? assignees.map(escapeHtml).join(', ') : 'No one'}</p>` +
      form(`${base}/assign`, 'gh-assign-form', '<label>GitHub login <input name="login" required pattern="[A-Za-z0-9-]{1,39}" data-testid="gh-assign-login"></label>', 'Assign') +
      '</section>',
    `<section><h2>Labels</h2><p data-testid="gh-issue-labels">${labels.map((l) => `<span class="gh-label">${escapeHtml(l)}</span>`).join('') || 'None yet'}</p>` +
      form(`${base}/label`, 'gh-label-form', '<label>Label <input name="name" required maxlength="50" data-testid="gh-label-name"></label>', 'Add label') +
      '</section>',
    '</aside></div></main>',
  );
  return parts.join('\n');
}
