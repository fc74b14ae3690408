// The /github page: every issue filed in the stand-in, as text, each title leading to its issue page
// (issue-page.ts). Titles, bodies, comments and label names are
// customer- or agent-controlled, so everything is HTML-escaped and nothing is rendered as markdown or HTML.

export interface RenderedIssue {
  repo: string;
  number: number;
  title: string;
  state: string;
  htmlUrl: string;
  author: string;
  createdAt: string;
  labels: { name: string; color: string }[];
  assignees: string[];
  body: string | null;
  comments: { author: string; createdAt: string; body: string }[];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

// Only a plain 6-digit hex colour ever reaches a style attribute (label colours come from API clients).
function safeColor(color: string): string {
  return /^[0-9a-fA-F]{6}$/.test(color) ? `#${color}` : '#ededed';
}

// Readable text on the label's background: dark text on light colours.
function textColor(color: string): string {
  if (!/^[0-9a-fA-F]{6}$/.test(color)) return '#1f2328';
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#1f2328' : '#ffffff';
}

const STYLE = `
.gh-standin { font: 14px/1.5 system-ui, sans-serif; color: #1f2328; max-width: 980px; margin: 0 auto; padding: 16px; }
.gh-standin h1 { font-size: 20px; }
.gh-issue { border: 1px solid #d0d7de; border-radius: 6px; margin: 16px 0; padding: 12px 16px; }
.gh-issue h2 { font-size: 16px; margin: 0 0 4px; }
.gh-meta { color: #59636e; font-size: 12px; }
.gh-label { display: inline-block; border-radius: 2em; padding: 0 8px; margin: 2px 4px 2px 0; font-size: 12px; font-weight: 600; }
.gh-state { display: inline-block; border-radius: 2em; padding: 0 8px; font-size: 12px; color: #fff; }
.gh-state-open { background: #1f883d; } .gh-state-closed { background: #8250df; }
.gh-body, .gh-comment-body { white-space: pre-wrap; word-break: break-word; font: 12px/1.45 ui-monospace, monospace;
  background: #f6f8fa; padding: 8px; border-radius: 6px; margin: 8px 0; }
.gh-comment { border-top: 1px solid #d0d7de; margin-top: 8px; padding-top: 8px; }
`;

export function renderIssuesHtml(issues: RenderedIssue[]): string {
  const parts: string[] = [`<style>${STYLE}</style>`, '<main class="gh-standin" data-testid="github-standin">'];
  parts.push(`<h1>GitHub stand-in: ${issues.length} filed issue${issues.length === 1 ? '' : 's'}</h1>`);
  if (issues.length === 0) parts.push('<p data-testid="gh-empty">No issue has been filed yet.</p>');
  else parts.push('<p class="gh-meta">Open an issue to act as the engineer on it: comment, close, reopen, assign, label (each runs the Engage sync action).</p>');
  for (const issue of issues) {
    const repo = escapeHtml(issue.repo);
    parts.push(
      `<article class="gh-issue" data-testid="gh-issue" data-repo="${repo}" data-number="${issue.number}">`,
      `<h2><a href="${escapeHtml(issue.htmlUrl)}" data-testid="gh-issue-title">${escapeHtml(issue.title)}</a> ` +
        `<span class="gh-meta">${repo}#${issue.number}</span></h2>`,
      `<div class="gh-meta"><span class="gh-state gh-state-${issue.state === 'closed' ? 'closed' : 'open'}" data-testid="gh-issue-state">` +
        `${escapeHtml(issue.state)}</span> opened ${escapeHtml(issue.createdAt)} by ${escapeHtml(issue.author)}` +
        (issue.assignees.length ? ` · assigned to ${issue.assignees.map(escapeHtml).join(', ')}` : '') +
        '</div>',
      `<div data-testid="gh-issue-labels">${issue.labels
        .map(
          (l) =>
            `<span class="gh-label" data-testid="gh-label" style="background:${safeColor(l.color)};color:${textColor(l.color)}">` +
            `${escapeHtml(l.name)}</span>`,
        )
        .join('')}</div>`,
      `<div class="gh-body" data-testid="gh-issue-body">${issue.body === null ? '<em>No description provided.</em>' : escapeHtml(issue.body)}</div>`,
    );
    for (const c of issue.comments) {
      parts.push(
        '<section class="gh-comment" data-testid="gh-comment">',
        `<div class="gh-meta">${escapeHtml(c.author)} commented ${escapeHtml(c.createdAt)}</div>`,
        `<div class="gh-comment-body">${escapeHtml(c.body)}</div>`,
        '</section>',
      );
    }
    parts.push('</article>');
  }
  parts.push('</main>');
  return parts.join('\n');
}
