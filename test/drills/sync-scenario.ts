// What the sync drills share: one preview in this process (its Zendesk API over HTTP with API-token auth enforced,
// the GitHub stand-in behind /github/api), issues that carry tickets by Engage's marker lines, engineer actions that
// yield webhook events, and the committed bundle run as the Actions runner runs it.
import { afterAll, beforeAll } from 'vitest';
import { REPO_ROOT, SUBDOMAIN, startPreview, type PreviewServer } from '../../preview/app-server.ts';
import { performAction, type EngineerAction, type WebhookEvent } from '../../preview/github/issue-page-events.ts';
import { previewSyncInputs, runSyncBundle, type SyncInputValues, type SyncRun } from '../../preview/github/issue-page-sync.ts';
import { linkLine } from '../../src/core/issue-markers.ts';
import type { TicketBundle, ZendeskComment } from '../../src/core/types/zendesk.ts';
import { EVENT_LINE_LEAD } from '../../sync/src/note.ts';

export interface SyncDrill {
  preview: PreviewServer;
  /** File an issue in sourcegraph/customer carrying these tickets: the first in the body, the others added by comments. */
  issueWith(ticketIds: number[]): Promise<number>;
  act(issue: number, action: EngineerAction): Promise<WebhookEvent>;
  run(event: WebhookEvent, inputs?: Partial<SyncInputValues>, env?: Record<string, string>): Promise<SyncRun>;
  zendeskFault(rule: Record<string, unknown>): Promise<void>;
  ticket(id: number): Promise<TicketBundle>;
  /** The sync's notes on a ticket (comments whose last line is an event line). */
  syncNotes(id: number): Promise<ZendeskComment[]>;
  zendeskLog(): Promise<{ method: string; path: string; status: number }[]>;
  reset(): Promise<void>;
}

/** Ticket ids of the built-in fixtures the drills use. */
export const TICKETS = [1001, 1002, 1003, 1004] as const;

export function syncDrill(): () => SyncDrill {
  let drill: SyncDrill | null = null;
  let preview: PreviewServer | null = null;
  beforeAll(async () => {
    preview = await startPreview({ port: 0, settings: {} });
    drill = makeDrill(preview);
  }, 60_000);
  afterAll(async () => {
    await preview?.close();
  });
  return () => drill!;
}

function makeDrill(preview: PreviewServer): SyncDrill {
  const token = preview.githubApi.token;
  const base = preview.url.replace(/\/$/, '');
  const gh = async (method: string, path: string, body?: unknown) => {
    const res = await preview.standIn.handle({
      method,
      path,
      query: new URLSearchParams(),
      headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json' },
      body,
    });
    if (res.status >= 300) throw new Error(`stand-in ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as unknown;
  };
  const ticket = async (id: number) => (await control('GET', `/__state/tickets/${id}`)) as TicketBundle;
  return {
    preview,
    async issueWith(ids) {
      const [first, ...rest] = ids;
      const issue = await gh('POST', '/repos/sourcegraph/customer/issues', {
        title: `Search times out for ${ids.length} customer(s)`,
        body: `The customer's searches time out.\n\n${linkLine('filed', { subdomain: SUBDOMAIN, ticketId: first! })}`,
      });
      const number = issue.number as number;
      for (const id of rest) {
        await gh('POST', `/repos/sourcegraph/customer/issues/${number}/comments`, {
          body: `Another customer hit this.\n\n${linkLine('added', { subdomain: SUBDOMAIN, ticketId: id })}`,
        });
      }
      return number;
    },
    act: (issue, action) => performAction(preview.standIn, token, { owner: 'sourcegraph', repo: 'customer', number: issue }, action),
    run: (event, inputs = {}, env = {}) =>
      runSyncBundle({
        repoRoot: REPO_ROOT,
        event,
        githubApiUrl: preview.githubApi.url,
        inputs: { ...previewSyncInputs(preview, SUBDOMAIN, token), 'zendesk-api-url': base, ...inputs },
        env,
      }),
    zendeskFault: async (rule) => void (await control('POST', '/__faults/zendesk', rule)),
    ticket,
    async syncNotes(id) {
      const bundle = await ticket(id);
      return bundle.comments.filter((c) => {
        const lines = (c.body ?? '').trimEnd().split('\n');
        return lines[lines.length - 1]!.startsWith(EVENT_LINE_LEAD);
      });
    },
    zendeskLog: async () => ((await control('GET', '/__log')) as { zendesk: { method: string; path: string; status: number }[] }).zendesk,
    reset: async () => void (await control('POST', '/__reset')),
  };
}

/** Zendesk requests the run made per ticket id (from the preview's log). */
export function requestsPerTicket(log: { path: string }[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const e of log) {
    const m = /^\/api\/v2\/tickets\/(\d+)[/.]/.exec(e.path);
    if (m) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  return counts;
}
