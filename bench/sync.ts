// The sync action's figures: `sync_event_ms`, one issue-comment event on an issue carrying 20 tickets, from starting
// the committed bundle (sync/dist/index.js, a child process as the Actions runner starts it) to its exit, against
// the preview's Zendesk API over HTTP and the GitHub stand-in; and `sync_requests_per_ticket`, the Zendesk requests
// it made per linked ticket (the check and the write: budget 2), counted in the preview's request log. Run alone
// with `node --import tsx bench/sync.ts` (one JSON line per figure).
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, SUBDOMAIN, startPreview } from '../preview/app-server.ts';
import { performAction } from '../preview/github/issue-page-events.ts';
import { previewSyncInputs, runSyncBundle } from '../preview/github/issue-page-sync.ts';
import { linkLine } from '../src/core/issue-markers.ts';
import { spareTickets, writeTicketsDir } from '../test/support/bundles.ts';
import { figure, jsonLine, median, type BenchResult } from './result.ts';

export const SYNC_TICKETS = 20;
const EVENTS = 7;
/**
 * One event for 20 tickets within 1 s locally: a workflow run's own start-up on a runner takes longer than that, so
 * the action adds little to how soon the notes appear (on real Zendesk each request costs a network round trip more).
 * Measured at 0.2-0.4 s on the 2-core development machine, much of it Node starting and loading the 1 MB bundle.
 */
export const SYNC_EVENT_BUDGET_MS = 1000;
export const SYNC_REQUESTS_PER_TICKET_BUDGET = 2;

export async function runSyncBench(): Promise<BenchResult[]> {
  const tickets = spareTickets(SYNC_TICKETS, 990300);
  const dir = writeTicketsDir(tickets, 'engage-bench-sync-');
  const preview = await startPreview({ port: 0, settings: {}, builtinTickets: false, ticketDirs: [dir] });
  try {
    const token = preview.githubApi.token;
    const gh = async (method: string, path: string, body: unknown) => {
      const res = await preview.standIn.handle({ method, path, query: new URLSearchParams(), headers: { authorization: `Bearer ${token}` }, body });
      if (res.status >= 300) throw new Error(`stand-in ${method} ${path}: ${res.status}`);
      return res.body as { number: number };
    };
    const ids = tickets.map((t) => t.ticket.id);
    const { number } = await gh('POST', '/repos/sourcegraph/customer/issues', {
      title: 'gitserver pods OOMKilled on Kubernetes',
      body: `Twenty customers.\n\n${linkLine('filed', { subdomain: SUBDOMAIN, ticketId: ids[0]! })}`,
    });
    for (const id of ids.slice(1)) {
      await gh('POST', `/repos/sourcegraph/customer/issues/${number}/comments`, { body: `Also this customer.\n\n${linkLine('added', { subdomain: SUBDOMAIN, ticketId: id })}` });
    }
    const times: number[] = [];
    const perTicket: number[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const event = await performAction(preview.standIn, token, { owner: 'sourcegraph', repo: 'customer', number }, { kind: 'comment', body: `Update ${i + 1}: the fix is being rolled out.` });
      const before = ((await (await fetch(`${preview.url}__log`)).json()) as { zendesk: unknown[] }).zendesk.length;
      const started = performance.now();
      const run = await runSyncBundle({
        repoRoot: REPO_ROOT,
        event,
        githubApiUrl: preview.githubApi.url,
        inputs: previewSyncInputs(preview, SUBDOMAIN, token),
      });
      times.push(performance.now() - started);
      if (run.code !== 0 || run.outputs['notes-added'] !== String(SYNC_TICKETS)) {
        throw new Error(`the sync run did not note all ${SYNC_TICKETS} tickets (exit ${run.code}): ${run.stdout.slice(-500)}`);
      }
      const log = ((await (await fetch(`${preview.url}__log`)).json()) as { zendesk: unknown[] }).zendesk;
      perTicket.push((log.length - before) / SYNC_TICKETS);
    }
    return [
      figure('sync_event_ms', median(times), 'ms', SYNC_EVENT_BUDGET_MS, {
        note: `median of ${EVENTS} comment events, each on an issue carrying ${SYNC_TICKETS} tickets: node sync/dist/index.js start to exit, against the preview`,
      }),
      figure('sync_requests_per_ticket', Math.max(...perTicket), 'requests', SYNC_REQUESTS_PER_TICKET_BUDGET, {
        note: 'Zendesk requests per linked ticket per event (the most over the runs), from the preview\'s request log',
      }),
    ];
  } finally {
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  for (const r of await runSyncBench()) process.stdout.write(`${jsonLine(r)}\n`);
}
