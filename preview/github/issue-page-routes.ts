// The routes of the stand-in's issue page: GET shows it; POST …/comment|close|reopen|assign|label makes the
// engineer's change, runs the sync bundle with the event (as the tracker's workflow would) and redirects back to the
// page, which shows the run's log. The preview server checks Host and Origin before any of this runs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, send } from '../http-util.ts';
import { ActionRefused, performAction, type EngineerAction } from './issue-page-events.ts';
import { renderIssuePage, ticketsOf, type IssueTicket, type SyncRunSummary } from './issue-page.ts';
import { runSyncBundle, type SyncInputValues } from './issue-page-sync.ts';
import { escapeHtml } from './render.ts';
import type { GitHubStandIn } from './standin/api.ts';

export interface IssuePageContext {
  standIn: GitHubStandIn;
  /** A token the stand-in accepts: the engineer's. */
  token: string;
  repoRoot: string;
  subdomain: string;
  ticket(id: number): IssueTicket;
  /** The preview's own origin as the request reached it, e.g. http://localhost:4567. */
  origin(req: IncomingMessage): string;
  /** The sync's Zendesk inputs (credentials of the preview's API). */
  zendeskInputs(origin: string): Pick<SyncInputValues, 'zendesk-email' | 'zendesk-api-token' | 'zendesk-api-url'>;
  /** Wraps the page's HTML in the preview's layout. */
  page(html: string): string;
  log(line: string): void;
  /** The last sync run and refusal per issue, shown once on the page the post redirects to (one map per preview). */
  shown: Map<string, { run: SyncRunSummary | null; problem: string | null }>;
}

const ROUTE = /^\/github\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/issues\/(\d+)(?:\/(comment|close|reopen|assign|label))?\/?$/;

// Posting the forms to this origin is all the page may do; no script runs.
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  // Not no-referrer: with it browsers send "Origin: null" on a form post, which the preview refuses as cross-origin.
  'referrer-policy': 'same-origin',
};

function actionFrom(kind: string, form: URLSearchParams): EngineerAction | string {
  const value = (name: string) => (form.get(name) ?? '').trim();
  switch (kind) {
    case 'comment':
      return value('body') ? { kind: 'comment', body: form.get('body')! } : 'A comment needs some text.';
    case 'close':
      return { kind: 'close', reason: value('reason') === 'not_planned' ? 'not_planned' : 'completed' };
    case 'reopen':
      return { kind: 'reopen' };
    case 'assign':
      return value('login') ? { kind: 'assign', login: value('login') } : 'Name the GitHub login to assign.';
    default:
      return value('name') ? { kind: 'label', name: value('name') } : 'Name the label to add.';
  }
}

/** True when the request was one of the issue page's. */
export async function handleIssuePage(req: IncomingMessage, res: ServerResponse, ctx: IssuePageContext): Promise<boolean> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://preview');
  const m = ROUTE.exec(url.pathname);
  if (!m) return false;
  const [, owner, repo, numberText, kind] = m as unknown as [string, string, string, string, string | undefined];
  const number = Number(numberText);
  const key = `${owner}/${repo}#${number}`.toLowerCase();
  const find = () => ctx.standIn.storedIssues(owner, repo).find((i) => i.number === number);

  if (method === 'GET' && kind === undefined) {
    const issue = find();
    if (!issue) {
      send(res, 404, ctx.page(`<main class="page"><h1>Not found</h1><p>There is no issue ${escapeHtml(key)} in the stand-in.</p><p><a href="/github">All issues</a></p></main>`), HEADERS);
      return true;
    }
    const shown = ctx.shown.get(key) ?? { run: null, problem: null };
    ctx.shown.delete(key);
    const tickets = ticketsOf(issue, ctx.subdomain).map((id) => ctx.ticket(id));
    send(res, 200, ctx.page(renderIssuePage({ repo: `${owner}/${repo}`, issue, tickets, lastRun: shown.run, problem: shown.problem })), HEADERS);
    return true;
  }
  if (method !== 'POST' || kind === undefined) return false;

  const form = new URLSearchParams(await readBody(req));
  const action = actionFrom(kind, form);
  const back = () => {
    res.writeHead(303, { location: `/github/${owner}/${repo}/issues/${number}`, 'cache-control': 'no-store' });
    res.end();
  };
  if (typeof action === 'string') {
    ctx.shown.set(key, { run: null, problem: action });
    back();
    return true;
  }
  try {
    const event = await performAction(ctx.standIn, ctx.token, { owner, repo, number }, action);
    const origin = ctx.origin(req);
    const run = await runSyncBundle({
      repoRoot: ctx.repoRoot,
      event,
      githubApiUrl: `${origin}/github/api`,
      // What the example workflow (sync/engage-sync.yml) sets, against this preview.
      inputs: { 'zendesk-subdomain': ctx.subdomain, ...ctx.zendeskInputs(origin), 'reopen-on-close': 'true', comments: 'all', 'github-token': ctx.token },
    });
    const log = `${run.stdout}${run.stderr}`.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n').trim();
    ctx.log(`sync run for ${key} ${action.kind}: exit ${run.code}`);
    ctx.shown.set(key, { run: { action: action.kind, code: run.code, log }, problem: null });
  } catch (e) {
    const message = e instanceof ActionRefused ? `GitHub refused it (${e.status}): ${e.message}` : `The action failed: ${(e as Error).message}`;
    ctx.shown.set(key, { run: null, problem: message });
  }
  back();
  return true;
}
