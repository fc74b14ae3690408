// The preview host's ZAF protocol handling (preview/host/protocol.ts): what it reads from the SDK's messages and
// what it answers, checked against the SDK's own wire format (zendesk_app_framework_sdk lib/client.js).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import {
  answerGet,
  answerInvoke,
  answerSet,
  appOriginFor,
  forwardableOptions,
  iframeUrl,
  isTicketWrite,
  parseIframeMessage,
  registrationMessage,
  requestReply,
  resizeTarget,
  serverAnswerFrom,
  ticketChangeEvents,
  textToHtml,
  type HostState,
} from '../../preview/host/protocol.ts';

const bundle = JSON.parse(readFileSync('preview/tickets/1001-acme-helm-gitserver.json', 'utf8')) as TicketBundle;

function state(overrides: Partial<HostState> = {}): HostState {
  return {
    bundle: structuredClone(bundle),
    draft: {},
    currentUser: {
      id: 1,
      name: 'Agent',
      email: 'a@example.com',
      role: 'agent',
      locale: 'de',
      timeZone: { ianaName: 'Etc/UTC' },
      avatarUrl: '',
      organizations: [],
      tags: [],
    },
    colorScheme: 'dark',
    subdomain: 'engage-preview',
    ...overrides,
  };
}

describe('parseIframeMessage', () => {
  it('reads the SDK handshake, get, set, invoke, subscriptions, trigger and request messages', () => {
    const base = { appGuid: 'g', instanceGuid: 'g' };
    expect(parseIframeMessage(JSON.stringify({ key: 'iframe.handshake', message: { version: '2.0.9' }, ...base }))).toEqual({
      kind: 'handshake',
      version: '2.0.9',
    });
    expect(parseIframeMessage(JSON.stringify({ id: 1, request: 'get', params: ['ticket.subject'], ...base }))).toEqual({
      kind: 'get',
      id: 1,
      paths: ['ticket.subject'],
    });
    expect(parseIframeMessage(JSON.stringify({ id: 2, request: 'set', params: { 'ticket.status': 'hold' }, ...base }))).toEqual({
      kind: 'set',
      id: 2,
      values: { 'ticket.status': 'hold' },
    });
    expect(parseIframeMessage(JSON.stringify({ id: 3, request: 'invoke', params: { resize: [{ height: '300px' }] }, ...base }))).toEqual({
      kind: 'invoke',
      id: 3,
      calls: { resize: [{ height: '300px' }] },
    });
    expect(parseIframeMessage(JSON.stringify({ key: 'iframe.on:colorScheme.changed', message: { subscriberCount: 2 }, ...base }))).toEqual({
      kind: 'subscribe',
      event: 'colorScheme.changed',
      count: 2,
    });
    expect(parseIframeMessage(JSON.stringify({ key: 'iframe.off:request:1.done', message: { subscriberCount: 0 }, ...base }))).toEqual({
      kind: 'unsubscribe',
      event: 'request:1.done',
      count: 0,
    });
    expect(parseIframeMessage(JSON.stringify({ key: 'iframe.trigger:engage.filed', message: { n: 1 }, ...base }))).toEqual({
      kind: 'trigger',
      event: 'engage.filed',
      data: { n: 1 },
    });
    expect(
      parseIframeMessage(JSON.stringify({ key: 'request:7', message: { url: '/api/v2/tickets/1.json', type: 'GET' }, ...base })),
    ).toEqual({ kind: 'request', key: 'request:7', options: { url: '/api/v2/tickets/1.json', type: 'GET' } });
  });

  it('reads the save-hook reply, which the SDK posts as an object, with and without a refusal', () => {
    expect(parseIframeMessage({ appGuid: 'g', key: 'iframe.reply:ticket.save' })).toEqual({ kind: 'reply', event: 'ticket.save', error: null });
    expect(parseIframeMessage({ appGuid: 'g', key: 'iframe.reply:ticket.save', error: { msg: 'Checklist incomplete' } })).toEqual({
      kind: 'reply',
      event: 'ticket.save',
      error: 'Checklist incomplete',
    });
  });

  it('ignores what is not the SDK (other scripts, broken JSON) and marks SDK chatter as ignored', () => {
    expect(parseIframeMessage('not json')).toBeNull();
    expect(parseIframeMessage(42)).toBeNull();
    expect(parseIframeMessage({ type: 'webpackOk' })).toBeNull();
    expect(parseIframeMessage(JSON.stringify({ id: 1, request: 'get', params: [1] }))).toBeNull();
    expect(parseIframeMessage(JSON.stringify({ key: '__track__', message: {} }))).toEqual({ kind: 'ignored', key: '__track__' });
    // A request without a URL is not a request.
    expect(parseIframeMessage(JSON.stringify({ key: 'request:1', message: {} }))?.kind).toBe('ignored');
  });
});

describe('registration and iframe URL', () => {
  it('registers with context and metadata as the SDK expects', () => {
    const msg = registrationMessage(
      { appId: 1, installationId: 1, name: 'Engage', version: '0.1.0', settings: { label_rfh: 'rfh' } },
      { instanceGuid: 'i', product: 'support', account: { subdomain: 'engage-preview' }, location: 'ticket_sidebar', ticketId: 1001 },
    );
    expect(msg).toEqual({
      key: 'zaf.app.registered',
      message: {
        metadata: { appId: 1, installationId: 1, name: 'Engage', version: '0.1.0', settings: { label_rfh: 'rfh' } },
        context: { instanceGuid: 'i', product: 'support', account: { subdomain: 'engage-preview' }, location: 'ticket_sidebar', ticketId: 1001 },
      },
    });
  });

  it('builds the iframe URL with origin, app_guid and colorScheme, on the other loopback name', () => {
    expect(appOriginFor('http://localhost:4567')).toBe('http://127.0.0.1:4567');
    expect(appOriginFor('http://127.0.0.1:4567')).toBe('http://localhost:4567');
    const url = new URL(iframeUrl('http://127.0.0.1:4567', 'http://localhost:4567', 'app-1', 'dark'));
    expect(url.pathname).toBe('/app/assets/iframe.html');
    expect(url.searchParams.get('origin')).toBe('http://localhost:4567');
    expect(url.searchParams.get('app_guid')).toBe('app-1');
    expect(url.searchParams.get('colorScheme')).toBe('dark');
  });
});

describe('answerGet', () => {
  it('answers the paths a sidebar uses from the bundle', () => {
    const s = state();
    const paths = [
      'ticket.id',
      'ticket.subject',
      'ticket.status',
      'ticket.tags',
      'ticket.requester',
      'ticket.organization',
      'ticket.customField:custom_field_360001000002',
      'currentUser',
      'colorScheme',
      'ticket.description',
    ];
    const { id, result } = answerGet(9, paths, s) as { id: number; result: Record<string, unknown> };
    expect(id).toBe(9);
    expect(result.errors).toEqual({});
    expect(result['ticket.id']).toBe(1001);
    expect(result['ticket.subject']).toBe(bundle.ticket.subject);
    expect(result['ticket.status']).toBe('open');
    expect(result['ticket.tags']).toEqual(bundle.ticket.tags);
    expect(result['ticket.requester']).toMatchObject({ id: bundle.ticket.requester_id, name: 'Jordan Meyers', email: 'jordan.meyers@acme-robotics.com' });
    expect(result['ticket.organization']).toMatchObject({ id: bundle.organization!.id, name: 'Acme Robotics', tags: bundle.organization!.tags });
    expect(result['ticket.customField:custom_field_360001000002']).toBe('3.29.1');
    expect(result.currentUser).toMatchObject({ locale: 'de', role: 'agent' });
    expect(result.colorScheme).toBe('dark');
    expect(result['ticket.description']).toBe(bundle.comments[0]!.body);
  });

  it('answers ticket.comments in ZAF shape with authors and attachments split by kind', () => {
    const { result } = answerGet(1, ['ticket.comments'], state()) as { result: Record<string, unknown> };
    const comments = result['ticket.comments'] as Record<string, unknown>[];
    expect(comments).toHaveLength(bundle.comments.length);
    expect(comments[0]).toMatchObject({ id: bundle.comments[0]!.id, author: { name: 'Jordan Meyers', role: 'end-user' }, isPublic: true });
    expect((comments[0]!.nonImageAttachments as unknown[]).length).toBe(2);
    expect(comments[2]).toMatchObject({ isPublic: false });
  });

  it('puts unknown paths in errors with message/name/path, keeping the others (bulk get)', () => {
    const { result } = answerGet(2, ['ticket.subject', 'ticket.nope', 'ticket.customField:custom_field_1'], state()) as {
      result: Record<string, unknown> & { errors: Record<string, { path: string; name: string; message: string }> };
    };
    expect(result['ticket.subject']).toBe(bundle.ticket.subject);
    expect(Object.keys(result.errors).sort()).toEqual(['ticket.customField:custom_field_1', 'ticket.nope']);
    expect(result.errors['ticket.nope']).toMatchObject({ path: 'ticket.nope', name: expect.any(String), message: expect.stringContaining('ticket.nope') });
  });

  it('walks into known objects (ticket.requester.email) and prefers unsaved set values', () => {
    const s = state({ draft: { 'ticket.status': 'hold' } });
    const { result } = answerGet(3, ['ticket.requester.email', 'ticket.status', 'ticket.requester.nothing'], s) as {
      result: Record<string, unknown> & { errors: Record<string, unknown> };
    };
    expect(result['ticket.requester.email']).toBe('jordan.meyers@acme-robotics.com');
    expect(result['ticket.status']).toBe('hold');
    expect(Object.keys(result.errors)).toEqual(['ticket.requester.nothing']);
  });
});

describe('answerSet', () => {
  it('accepts ticket form fields and refuses bad values and unknown paths', () => {
    const { message, accepted } = answerSet(
      4,
      { 'ticket.status': 'hold', 'ticket.tags': ['RFH', 'rfh'], 'ticket.priority': 'extreme', 'ticket.bogus': 1 },
      state(),
    );
    expect(accepted).toEqual({ 'ticket.status': 'hold', 'ticket.tags': ['rfh'] });
    const result = (message as { result: { errors: Record<string, unknown> } }).result;
    expect(Object.keys(result.errors).sort()).toEqual(['ticket.bogus', 'ticket.priority']);
  });

  it('answers null for a form field the ticket has no value for, and errors for fields not on the form', () => {
    const s = state({ formFieldIds: [360001000006, 77] });
    const { result } = answerGet(1, ['ticket.customField:custom_field_77', 'ticket.customField:custom_field_78'], s) as {
      result: Record<string, unknown> & { errors: Record<string, unknown> };
    };
    expect(result['ticket.customField:custom_field_77']).toBeNull();
    expect(Object.keys(result.errors)).toEqual(['ticket.customField:custom_field_78']);
    expect(Object.keys(answerSet(2, { 'ticket.customField:custom_field_77': 'x' }, s).accepted)).toEqual(['ticket.customField:custom_field_77']);
  });

  it('only sets custom fields the ticket form has', () => {
    const ok = answerSet(1, { 'ticket.customField:custom_field_360001000006': 'https://github.com/sourcegraph/customer/issues/1' }, state());
    expect(Object.keys(ok.accepted)).toHaveLength(1);
    const bad = answerSet(1, { 'ticket.customField:custom_field_42': 'x' }, state());
    expect(bad.accepted).toEqual({});
  });
});

describe('answerInvoke and resize', () => {
  it('resizes within the sidebar limits and ignores track', () => {
    const { message, effects } = answerInvoke(5, { resize: [{ width: '100%', height: '612px' }], track: ['click'] });
    expect(effects.resize).toEqual({ height: 612 });
    expect((message as { result: { errors: object } }).result.errors).toEqual({});
    expect(resizeTarget({ height: 5, width: 900 })).toEqual({ height: 40, width: 380 });
    expect(resizeTarget({ height: 99999, width: '200px' })).toEqual({ height: 4000, width: 320 });
    expect(resizeTarget({ height: 'auto' })).toEqual({});
  });

  it('reports unknown invocations as errors', () => {
    const { message } = answerInvoke(6, { 'instances.create': [] });
    expect(Object.keys((message as { result: { errors: object } }).result.errors)).toEqual(['instances.create']);
  });
});

describe('requestReply', () => {
  const json = { 'content-type': 'application/json; charset=utf-8' };

  it('resolves with the parsed body, text status and an xhr-like object (jQuery style)', () => {
    const reply = requestReply('request:3', { url: '/api/v2/tickets/1.json' }, { status: 200, statusText: 'OK', headers: json, body: '{"ticket":{"id":1}}' });
    expect(reply.key).toBe('zaf.request:3.done');
    const [data, textStatus, xhr] = (reply.message as { responseArgs: unknown[] }).responseArgs;
    expect(data).toEqual({ ticket: { id: 1 } });
    expect(textStatus).toBe('success');
    expect(xhr).toMatchObject({ status: 200, responseText: '{"ticket":{"id":1}}', responseJSON: { ticket: { id: 1 } } });
  });

  it('resolves with {status, headers, responseText, responseJSON} for httpCompleteResponse', () => {
    const reply = requestReply(
      'request:4',
      { url: 'https://api.github.com/repos/o/r', httpCompleteResponse: true },
      { status: 201, statusText: 'Created', headers: { ...json, 'x-ratelimit-remaining': '4999' }, body: '{"number":5}' },
    );
    expect(reply).toEqual({
      key: 'zaf.request:4.done',
      message: {
        responseArgs: [{ status: 201, headers: { ...json, 'x-ratelimit-remaining': '4999' }, responseText: '{"number":5}', responseJSON: { number: 5 } }],
      },
    });
  });

  it('rejects non-2xx with status, statusText, responseText, responseJSON and headers', () => {
    const reply = requestReply(
      'request:5',
      { url: 'https://api.github.com/x', httpCompleteResponse: true },
      { status: 401, statusText: 'Unauthorized', headers: json, body: '{"message":"Bad credentials"}' },
    );
    expect(reply).toEqual({
      key: 'zaf.request:5.fail',
      message: {
        responseArgs: [
          { status: 401, statusText: 'Unauthorized', responseText: '{"message":"Bad credentials"}', responseJSON: { message: 'Bad credentials' }, headers: json },
        ],
      },
    });
  });

  it('rejects network failures and timeouts with status 0 like jQuery', () => {
    const net = requestReply('request:6', { url: '/x' }, { network: true });
    expect(net.key).toBe('zaf.request:6.fail');
    expect((net.message as { responseArgs: { status: number; statusText: string }[] }).responseArgs[0]).toMatchObject({ status: 0, statusText: 'error' });
    const slow = requestReply('request:7', { url: '/x' }, { timedOut: true });
    expect((slow.message as { responseArgs: { statusText: string }[] }).responseArgs[0]!.statusText).toBe('timeout');
  });

  it('handles 204 and unparsable JSON the way jQuery does', () => {
    const empty = requestReply('request:8', { url: '/x' }, { status: 204, headers: {}, body: '' });
    expect((empty.message as { responseArgs: unknown[] }).responseArgs.slice(0, 2)).toEqual([undefined, 'nocontent']);
    const broken = requestReply('request:9', { url: '/x', dataType: 'json' }, { status: 200, headers: json, body: '{oops' });
    expect(broken.key).toBe('zaf.request:9.fail');
    const text = requestReply('request:10', { url: '/x', dataType: 'text' }, { status: 200, headers: json, body: '{"a":1}' });
    expect((text.message as { responseArgs: unknown[] }).responseArgs[0]).toBe('{"a":1}');
  });

  it('forwards only the JSON-able request options', () => {
    expect(forwardableOptions({ url: '/x', type: 'PUT', data: '{}', secure: true, success: 'fn', xhrFields: {} })).toEqual({
      url: '/x',
      type: 'PUT',
      data: '{}',
      secure: true,
    });
    expect(isTicketWrite({ url: '/api/v2/tickets/1.json', type: 'PUT' })).toBe(true);
    expect(isTicketWrite({ url: '/api/v2/tickets/1.json' })).toBe(false);
    expect(isTicketWrite({ url: 'https://api.github.com/repos/o/r/issues', type: 'POST' })).toBe(false);
  });
});

describe('serverAnswerFrom', () => {
  it('passes the preview answer through, and turns a refusal or garbage into an HTTP answer for the app', () => {
    const ok = { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, body: '{}' };
    expect(serverAnswerFrom(200, 'application/json', JSON.stringify(ok))).toEqual(ok);
    expect(serverAnswerFrom(200, 'application/json', '{"network":true}')).toEqual({ network: true });
    expect(serverAnswerFrom(400, 'application/json', '{"error":"BadRequest"}')).toEqual({
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: '{"error":"BadRequest"}',
    });
    expect(serverAnswerFrom(200, 'text/html', '<html>')).toMatchObject({ status: 502 });
  });
});

describe('ticketChangeEvents', () => {
  it('fires ticket.tags.changed, status and field events after a write, and nothing when unchanged', () => {
    const before = structuredClone(bundle);
    expect(ticketChangeEvents(before, structuredClone(bundle))).toEqual([]);
    const after = structuredClone(bundle);
    after.ticket.tags = [...after.ticket.tags, 'rfh'];
    after.ticket.status = 'hold';
    after.ticket.custom_fields = after.ticket.custom_fields!.map((f) => (f.id === 360001000006 ? { id: f.id, value: 'https://x' } : f));
    const events = ticketChangeEvents(before, after).map((e) => e.event);
    expect(events).toEqual(['ticket.tags.changed', 'ticket.status.changed', 'ticket.custom_field_360001000006.changed', 'ticket.updated']);
    expect(ticketChangeEvents(before, after)[0]!.data).toEqual(after.ticket.tags);
  });
});

describe('textToHtml', () => {
  it('escapes customer text for the ZAF comment value', () => {
    expect(textToHtml('<script>alert(1)</script>\n\n"x" & y')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>&quot;x&quot; &amp; y</p>');
  });
});
