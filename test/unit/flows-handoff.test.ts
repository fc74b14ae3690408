// "Mark as posted" against the preview's Zendesk API through a ZAF-shaped client: one PUT with the note and the tag,
// never a second one (double click, a later click, a retry after a PUT whose answer was lost), and Zendesk's
// failures as retryable AgentErrors that leave the ticket untouched.
import { describe, expect, it, vi } from 'vitest';
import { composeHandoffWriteBack, handoffTag } from '../../src/core/handoff-record.ts';
import { createHandoffRecorder, markHandoffPosted, type MarkHandoffArgs } from '../../src/flows/handoff.ts';
import type { ZafGetResult } from '../../src/zaf/client.ts';
import { FakeZafClient, SUBDOMAIN, makeBundle } from './github-fake-zaf.ts';
import { rejection } from '../support/agent-error.ts';

vi.setConfig({ testTimeout: 30_000 });

const HANDOFF = { teamId: 'ce-sales', channel: '#ce', handle: '@<CE/sales rep>', message: '@<CE/sales rep>: Acme needs help from CE & Sales: licence' };

/** A client whose agent is known by name (the fake answers no `get` otherwise). */
class NamedAgentClient extends FakeZafClient {
  override async get(path?: string | string[]): Promise<ZafGetResult> {
    if (path === 'currentUser.name') return { errors: {}, 'currentUser.name': 'Dana Whitfield' };
    return super.get();
  }
}

function setup(client = new NamedAgentClient({ bundles: [makeBundle({ id: 77 })] })) {
  const args: MarkHandoffArgs = {
    client,
    location: { subdomain: SUBDOMAIN, ticketId: 77 },
    tag: handoffTag('ce-sales'),
    compose: (by) => composeHandoffWriteBack(HANDOFF, 'CE & Sales', by),
  };
  const puts = () => client.zendeskLog.filter((r) => r.method === 'PUT');
  const notes = () => client.store.get(77)!.comments.filter((c) => !c.public);
  return { client, args, puts, notes };
}


describe('markHandoffPosted', () => {
  it('checks the tags, then writes one internal note and the tag in one PUT', async () => {
    const { client, args, notes } = setup();
    expect(await markHandoffPosted(args)).toEqual({ written: true });
    expect(client.zendeskLog.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v2/tickets/77/tags.json', 'PUT /api/v2/tickets/77.json']);
    expect(client.store.get(77)!.ticket.tags).toContain('engage_handoff_ce_sales');
    expect(notes()).toHaveLength(1);
    expect(notes()[0]!.body).toContain('Posted by: Dana Whitfield');
  });

  it('writes nothing when the ticket already carries the tag (a reload, another tab)', async () => {
    const { args, puts, notes } = setup();
    await markHandoffPosted(args);
    expect(await markHandoffPosted(args)).toEqual({ written: false });
    expect(puts()).toHaveLength(1);
    expect(notes()).toHaveLength(1);
  });

  it('joins the write in flight on a double click', async () => {
    const { args, puts, notes } = setup();
    const recorder = createHandoffRecorder();
    const [a, b] = await Promise.all([recorder.markPosted(args), recorder.markPosted(args)]);
    expect(a).toBe(b);
    expect(puts()).toHaveLength(1);
    expect(notes()).toHaveLength(1);
  });

  it('leaves out who posted when Zendesk does not say', async () => {
    const { notes, args } = setup(new FakeZafClient({ bundles: [makeBundle({ id: 77 })] }) as NamedAgentClient);
    await markHandoffPosted(args);
    expect(notes()[0]!.body).not.toContain('Posted by');
  });

  it('a refused write is a retryable error and the retry writes once', async () => {
    const { client, args, puts, notes } = setup();
    client.addZendeskFault({ method: 'PUT', path: '/api/v2/tickets/77\\.json', status: 503 });
    const e = await rejection(markHandoffPosted(args));
    expect(e).toMatchObject({ code: 'zendesk_writeback_refused', retryable: true });
    expect(notes()).toHaveLength(0);
    expect(await markHandoffPosted(args)).toEqual({ written: true });
    expect(notes()).toHaveLength(1);
    expect(puts().filter((r) => r.status < 300)).toHaveLength(1);
  });

  it('a PUT that landed but whose answer was lost is not written again on retry', async () => {
    const { client, args, notes } = setup();
    client.addZendeskFault({ method: 'PUT', path: '/api/v2/tickets/77\\.json', network: true, commitThenFail: true });
    expect((await rejection(markHandoffPosted(args))).code).toBe('network_down');
    expect(await markHandoffPosted(args)).toEqual({ written: false });
    expect(notes()).toHaveLength(1);
  });

  it('does not write blind when the tags cannot be read', async () => {
    const { client, args, puts } = setup();
    client.addZendeskFault({ method: 'GET', path: '/api/v2/tickets/77/tags\\.json', status: 500 });
    expect(await rejection(markHandoffPosted(args))).toMatchObject({ code: 'zendesk_writeback_refused', retryable: true });
    expect(puts()).toHaveLength(0);
  });
});
