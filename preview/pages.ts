// Server-rendered HTML of the preview: the ticket list, the ticket page shell (the host script fills it) and the
// GitHub stand-in's list. Everything interpolated goes through escapeHtml.
import type { TicketBundle } from '../src/core/types/zendesk.ts';
import { escapeHtml as e } from './http-util.ts';
import type { BundleProblem } from './tickets.ts';

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<link rel="stylesheet" href="/__host/host.css">
</head>
${body}
</html>
`;
}

export interface IndexInfo {
  tickets: { bundle: TicketBundle; source: string | undefined; writes: number }[];
  problems: BundleProblem[];
  settingsSource: string;
  settingsProblems: string[];
  manifestSource: string;
  github: string;
}

export function indexPage(info: IndexInfo): string {
  const rows = info.tickets
    .map(({ bundle, source, writes }) => {
      const t = bundle.ticket;
      return `<tr data-testid="ticket-row-${t.id}">
<td><a href="/tickets/${t.id}">#${t.id}</a></td>
<td><a href="/tickets/${t.id}">${e(t.subject)}</a></td>
<td>${e(bundle.organization?.name ?? '—')}</td>
<td>${e(t.status)}</td>
<td>${t.tags.map((x) => `<span class="tag">${e(x)}</span>`).join(' ')}</td>
<td class="muted">${e(source ?? '')}${writes ? ` · ${writes} write(s) by the app` : ''}</td>
</tr>`;
    })
    .join('\n');
  const problems = info.problems.length
    ? `<section data-testid="bundle-problems">
<h2 class="error">Bundles that could not be loaded (${info.problems.length})</h2>
<ul class="problems">${info.problems
        .map(
          (p) =>
            `<li data-testid="bundle-problem"><code>${e(p.source)}</code>${p.field ? ` — field <code>${e(p.field)}</code>` : ''}: ${e(p.message)}</li>`,
        )
        .join('\n')}</ul>
</section>`
    : '';
  const settingsProblems = info.settingsProblems.length
    ? `<ul class="problems error">${info.settingsProblems.map((p) => `<li>${e(p)}</li>`).join('')}</ul>`
    : '';
  return layout(
    'Engage preview',
    `<body>
<header class="topbar"><strong>Engage preview</strong><span class="muted">a local stand-in for Zendesk Support</span><span class="spacer"></span><a href="/insights">Insights</a><a href="/github">Issues filed in the GitHub stand-in</a></header>
<main class="page">
<h2>Tickets (${info.tickets.length})</h2>
<table class="list" data-testid="ticket-list">
<thead><tr><th>Id</th><th>Subject</th><th>Organization</th><th>Status</th><th>Tags</th><th>Source</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${problems}
<h2>Setup</h2>
<ul>
<li>Settings: ${e(info.settingsSource)}</li>
<li>Manifest: ${e(info.manifestSource)}</li>
<li>GitHub: ${e(info.github)}</li>
</ul>
${settingsProblems}
</main>
</body>`,
  );
}

export function ticketPage(ticketId: number): string {
  return layout(
    `Ticket #${ticketId} – Engage preview`,
    `<body data-ticket-id="${ticketId}">
<header class="topbar">
<a href="/">All tickets</a>
<span class="muted">Ticket #${ticketId}</span>
<span class="spacer"></span>
<label>Language <select id="locale-select" data-testid="locale-select"></select></label>
<label><input type="checkbox" id="color-scheme-toggle" data-testid="color-scheme-toggle"> Dark mode</label>
<button type="button" id="submit-button" data-testid="submit-button">Submit</button>
<span id="save-result" data-testid="save-result" class="muted"></span>
<a href="/github">GitHub stand-in</a>
</header>
<main class="workspace">
<section class="ticket-column">
<div id="ticket" data-testid="ticket"><p class="muted">Loading the ticket…</p></div>
<section id="written-by-app" class="written" data-testid="written-by-app" aria-live="polite"></section>
<section id="draft-changes" data-testid="draft-changes"></section>
<h2>Conversation</h2>
<div id="conversation-box"></div>
</section>
<aside class="sidebar" aria-label="Apps">
<div class="app-title">Engage</div>
<iframe id="app-frame" data-testid="app-frame" title="Engage app"></iframe>
<details><summary class="muted">ZAF messages</summary><ol id="protocol-log" data-testid="protocol-log"></ol></details>
</aside>
</main>
<div id="notifications" data-testid="notifications" aria-live="polite"></div>
<script type="module" src="/__host/host.js"></script>
</body>`,
  );
}

/** The insights page: Zendesk's nav_bar location, the app's iframe filling the pane (preview/host/nav-bar.ts). */
export function insightsPage(hasHistory: boolean): string {
  // Without --history the fixture tickets are a handful from one day: the page would be nearly empty.
  const hint = hasHistory ? '' : '<span class="muted" data-testid="history-hint">No generated history: start the preview with <code>npm start -- --history</code> for 12 weeks of tickets.</span>';
  return layout(
    'Insights – Engage preview',
    `<body>
<header class="topbar">
<a href="/">All tickets</a>
<strong>Insights</strong>
<span class="muted">the app's nav_bar location</span>
${hint}
<span class="spacer"></span>
<label>Language <select id="locale-select" data-testid="locale-select"></select></label>
<label><input type="checkbox" id="color-scheme-toggle" data-testid="color-scheme-toggle"> Dark mode</label>
<a href="/github">GitHub stand-in</a>
</header>
<main class="nav-bar-pane">
<iframe id="app-frame" data-testid="app-frame" title="Engage insights"></iframe>
<details><summary class="muted">ZAF messages</summary><ol id="protocol-log" data-testid="protocol-log"></ol></details>
</main>
<script type="module" src="/__host/nav-bar.js"></script>
</body>`,
  );
}

export function githubPage(issuesHtml: string, mode: string): string {
  return layout(
    'GitHub stand-in – Engage preview',
    `<body>
<header class="topbar"><a href="/">All tickets</a><strong>Issues filed in the preview</strong><span class="muted">${e(mode)}</span></header>
<main class="page" data-testid="github-issues">
${issuesHtml}
</main>
</body>`,
  );
}

export function notFoundPage(what: string): string {
  return layout('Not found – Engage preview', `<body><main class="page"><h1>Not found</h1><p>${e(what)}</p><p><a href="/">All tickets</a></p></main></body>`);
}
