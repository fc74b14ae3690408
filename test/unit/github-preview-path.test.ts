// The adapters over the preview's real request path, in-process: a ZafClient that does what the preview's host page
// does for the SDK (POST the options to `/__zaf/request`, turn the server's answer into the SDK's done/fail shapes
// with the host's own `requestReply`), against the running preview server (its Zendesk API, its copy of Zendesk's
// secure proxy, the GitHub stand-in). This pins the adapters to the preview itself, not only to the unit tests' fake.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPreview, type PreviewServer } from '../../preview/app-server.ts';
import { forwardableOptions, requestReply } from '../../preview/host/protocol.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { ticketMarker } from '../../src/core/links.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import type { FilingDecisions, LinkedIssue, WriteBack } from '../../src/core/types/filing.ts';
import { createFilingOrchestrator } from '../../src/flows/filing/orchestrator.ts';
import { inProcessLocks } from '../../src/flows/filing/locks.ts';
import { memoryStorage } from '../../src/flows/storage.ts';
import { createGitHub } from '../../src/github/index.ts';
import { loadTicketBundle } from '../../src/zendesk/ticket-source.ts';
import type { ZafClient, ZafRequestOptions } from '../../src/zaf/client.ts';
import { decisions } from './core-compose-fixture.ts';

// The first request of a file compiles the stand-in's OpenAPI validators; on a busy machine that alone can take
// seconds, so these tests get room (they are not timed assertions: budgets are measured by `npm run bench`).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const TOKEN = 'ghp_previewPathSecret9876543210zyxwvuTSRQ';
const TICKET = 1001;
const SILENT = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

let preview: PreviewServer;

beforeAll(async () => {
  preview = await startPreview({ port: 0, settings: { secure: { github_token: TOKEN } } });
});

afterAll(async () => {
  await preview?.close();
});

/** What the host page does with a `request:<n>` message, minus postMessage. */
function hostPathClient(seen: { sent: unknown[]; received: unknown[] }): ZafClient {
  let n = 0;
  const unused = () => {
    throw new Error('not used by the adapters');
  };
  return {
    context: unused,
    metadata: unused,
    get: unused,
    set: unused,
    invoke: unused,
    on: () => {},
    off: () => {},
    trigger: () => {},
    async request<T>(options: ZafRequestOptions): Promise<T> {
      const key = `request:${++n}`;
      const forwarded = forwardableOptions(options as unknown as Record<string, unknown>);
      seen.sent.push(forwarded);
      const res = await fetch(new URL('/__zaf/request', preview.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ticketId: TICKET, options: forwarded }),
      });
      const answer = (await res.json()) as Parameters<typeof requestReply>[2];
      const reply = requestReply(key, options as unknown as Record<string, unknown>, answer) as {
        key: string;
        message: { responseArgs: unknown[] };
      };
      seen.received.push(reply);
      if (reply.key.endsWith('.done')) return reply.message.responseArgs[0] as T;
      throw reply.message.responseArgs[0];
    },
  };
}

/** Distribution, ce/p2, a request for help in the private tracker, every checklist item done. */
const DECISIONS: FilingDecisions = decisions({ priority: 2 });

describe('over the preview server (host page path, secure proxy, stand-in)', () => {
  it('loads the ticket, files once, writes back; the token never reaches the "iframe"', async () => {
    const seen = { sent: [] as unknown[], received: [] as unknown[] };
    const client = hostPathClient(seen);
    const bundle = await loadTicketBundle(client, TICKET);
    expect(bundle.ticket.id).toBe(TICKET);
    const model = buildTicketModel(bundle);
    const gh = createGitHub(client, DEFAULT_SETTINGS, { log: SILENT, pacing: false, timeUnitMs: 1 });
    expect(await gh.checkAccess(DEFAULT_SETTINGS.privateRepo)).toEqual({ push: true });

    const logBefore = (await (await fetch(new URL('/__log', preview.url))).json()) as { zendesk: unknown[]; github: unknown[] };
    const marker = ticketMarker({ subdomain: 'engage-preview', ticketId: TICKET });
    const writeBack = (issue: LinkedIssue): WriteBack => ({
      ticket: {
        comment: { body: `Engage filed ${issue.url}`, public: false },
        additional_tags: ['rfh', `rfh_issue_${issue.number}`],
      },
    });
    const o = createFilingOrchestrator({ storage: memoryStorage(), locks: inProcessLocks() });
    const args = {
      client,
      github: gh,
      settings: DEFAULT_SETTINGS,
      location: { subdomain: 'engage-preview', ticketId: TICKET },
      model,
      decisions: DECISIONS,
      request: {
        owner: 'sourcegraph',
        repo: 'customer',
        title: `${model.customerName}: ${model.subject}`,
        body: `Summary\n\n${marker}`,
        labels: ['customer/preview-test', 'rfh', 'ce/p2', 'team/distribution'],
        comments: [],
        marker,
      },
      writeBack,
    };
    const [first, second] = await Promise.all([o.fileTicket(args), o.fileTicket(args)]);
    expect(first).toEqual(second);
    expect(first.created).toBe(true);
    expect(first.writeBack).toEqual({ ok: true });

    const logAfter = (await (await fetch(new URL('/__log', preview.url))).json()) as { zendesk: unknown[]; github: unknown[] };
    const requests = logAfter.github.length - logBefore.github.length + (logAfter.zendesk.length - logBefore.zendesk.length);
    expect(requests).toBe(3);
    expect(preview.standIn.requestLog().filter((r) => r.method === 'POST')).toHaveLength(1);

    const state = (await (await fetch(new URL(`/__state/tickets/${TICKET}`, preview.url))).json()) as { ticket: { tags: string[] } };
    expect(state.ticket.tags).toEqual(expect.arrayContaining(['rfh', `rfh_issue_${first.issue.number}`]));

    // Everything the iframe sent and everything it got back: the placeholder, never the token.
    const everything = JSON.stringify([seen.sent, seen.received]);
    expect(everything).toContain('{{setting.github_token}}');
    expect(everything).not.toContain(TOKEN);

    // A later visit: the ticket now carries the link; filing again makes no request and files nothing.
    const again = await createFilingOrchestrator({ storage: memoryStorage(), locks: inProcessLocks() }).fileTicket({
      ...args,
      model: buildTicketModel(await loadTicketBundle(client, TICKET)),
    });
    expect(again).toMatchObject({ created: false, issue: { number: first.issue.number } });
    expect(preview.standIn.requestLog().filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
