// The sync's pure parts: which events it reports and under which key, the note's text, the ticket update, inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEvent, type SyncEvent } from '../../sync/src/event.ts';
import { InputError, readInputs } from '../../sync/src/inputs.ts';
import { composeNote, eventLine, isNoteFor, ZENDESK_COMMENT_LIMIT_BYTES } from '../../sync/src/note.ts';
import { ticketUpdate } from '../../sync/src/run.ts';
import { linkLine, postedLine } from '../../src/core/issue-markers.ts';

const repository = { name: 'customer', full_name: 'sourcegraph/customer', owner: { login: 'sourcegraph' } };
const issue = (over: Record<string, unknown> = {}) => ({
  id: 2001,
  number: 12,
  title: 'Search times out',
  html_url: 'https://github.com/sourcegraph/customer/issues/12',
  state: 'open',
  body: `Body\n\n${linkLine('filed', { subdomain: 'acme', ticketId: 4242 })}`,
  updated_at: '2026-12-01T10:00:00Z',
  closed_at: null,
  ...over,
});
const sender = { login: 'alice' };

describe('readEvent', () => {
  it('a comment: keyed by the comment id, the author is the actor', () => {
    const r = readEvent('issue_comment', {
      action: 'created',
      issue: issue(),
      repository,
      sender,
      comment: { id: 77, body: 'Please send logs', html_url: 'https://github.com/sourcegraph/customer/issues/12#issuecomment-77', user: { login: 'bob' } },
    });
    expect(r).toMatchObject({ event: { kind: 'commented', key: 'comment-77', actor: 'bob', comment: { id: 77 } } });
  });

  it("Engage's own comments, edits, pull requests and other actions are skipped with a reason", () => {
    const engage = { id: 1, body: `Adding\n\n${linkLine('added', { subdomain: 'acme', ticketId: 5 })}`, user: { login: 'engage' } };
    expect(readEvent('issue_comment', { action: 'created', issue: issue(), repository, sender, comment: engage })).toEqual({ skip: expect.stringMatching(/Engage's own/) });
    const posted = { ...engage, body: `Reply\n${postedLine({ subdomain: 'acme', ticketId: 5 })}` };
    expect(readEvent('issue_comment', { action: 'created', issue: issue(), repository, sender, comment: posted })).toEqual({ skip: expect.stringMatching(/Engage's own/) });
    expect(readEvent('issue_comment', { action: 'edited', issue: issue(), repository, sender, comment: { id: 2, body: 'x' } })).toHaveProperty('skip');
    expect(readEvent('issue_comment', { action: 'created', issue: issue({ pull_request: { url: 'x' } }), repository, sender, comment: { id: 2, body: 'x' } })).toHaveProperty('skip');
    expect(readEvent('issues', { action: 'edited', issue: issue(), repository, sender })).toHaveProperty('skip');
    expect(readEvent('push', {})).toHaveProperty('skip');
    expect(readEvent('issues', null)).toHaveProperty('skip');
  });

  it('issue events: the same delivery gives the same key, a later close of the same issue another', () => {
    const closed = (at: string) => readEvent('issues', { action: 'closed', issue: issue({ state: 'closed', closed_at: at, updated_at: at }), repository, sender });
    expect(closed('2026-12-01T10:00:00Z')).toEqual(closed('2026-12-01T10:00:00Z'));
    const k1 = (closed('2026-12-01T10:00:00Z') as { event: SyncEvent }).event.key;
    const k2 = (closed('2026-12-02T09:00:00Z') as { event: SyncEvent }).event.key;
    expect(k1).not.toBe(k2);
    const labeled = readEvent('issues', { action: 'labeled', issue: issue(), repository, sender, label: { name: 'good first issue' } });
    expect(labeled).toMatchObject({ event: { kind: 'labeled', label: 'good first issue', key: 'labeled-2001-good%20first%20issue-2026-12-01T10:00:00Z' } });
    const assigned = readEvent('issues', { action: 'assigned', issue: issue(), repository, sender, assignee: { login: 'carol' } });
    expect(assigned).toMatchObject({ event: { kind: 'assigned', assignee: 'carol' } });
  });
});

const event = (over: Partial<SyncEvent> = {}): SyncEvent => ({
  kind: 'commented',
  key: 'comment-77',
  actor: 'bob',
  repo: { owner: 'sourcegraph', name: 'customer', fullName: 'sourcegraph/customer' },
  issue: { number: 12, title: 'Search times out', url: 'https://github.com/sourcegraph/customer/issues/12', state: 'open', body: null, stateReason: null },
  comment: { id: 77, body: 'Please send logs', url: 'https://github.com/sourcegraph/customer/issues/12#issuecomment-77' },
  ...over,
});

describe('composeNote', () => {
  it('says who did what where, quotes the words, ends with the event line', () => {
    const note = composeNote(event({ comment: { id: 77, body: 'Line one\n\n<b>two</b> @team', url: 'https://x/77' } }), { reopening: false });
    expect(note).toBe(
      'bob commented on sourcegraph/customer#12 "Search times out" on GitHub:\nhttps://x/77\n\n> Line one\n>\n> <b>two</b> @team\n\nEngage sync · GitHub event comment-77',
    );
    expect(isNoteFor(note, 'comment-77')).toBe(true);
    expect(isNoteFor(note, 'comment-7')).toBe(false);
  });

  it('a quoted comment can never pass for the note of another event', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ minLength: 1, maxLength: 20 }), (text, key) => {
        const note = composeNote(event({ comment: { id: 1, body: `${text}\n${eventLine(key)}`, url: 'u' }, key: 'comment-1' }), { reopening: false });
        return !isNoteFor(note, key) || key === 'comment-1';
      }),
    );
  });

  it('fits Zendesk: a comment over 64 KB is cut at a line and points to the rest', () => {
    const long = Array.from({ length: 5000 }, (_, i) => `${i} ${'ü'.repeat(30)}`).join('\n');
    const note = composeNote(event({ comment: { id: 1, body: long, url: 'https://x/1' } }), { reopening: false });
    expect(Buffer.byteLength(note)).toBeLessThanOrEqual(ZENDESK_COMMENT_LIMIT_BYTES);
    expect(note).toContain('read the rest on GitHub: https://x/1');
    expect(note.trimEnd().split('\n').at(-1)).toBe(eventLine('comment-77'));
    const oneLine = composeNote(event({ comment: { id: 1, body: '€'.repeat(40_000), url: 'https://x/1' } }), { reopening: false });
    expect(Buffer.byteLength(oneLine)).toBeLessThanOrEqual(ZENDESK_COMMENT_LIMIT_BYTES);
    expect(oneLine).not.toContain('\uFFFD');
  });

  it('state changes read as sentences', () => {
    const closed = composeNote(event({ kind: 'closed', key: 'closed-1', comment: undefined, issue: { ...event().issue, state: 'closed', stateReason: 'not_planned' } }), { reopening: true });
    expect(closed).toMatch(/^bob closed sourcegraph\/customer#12 "Search times out" on GitHub as not planned\./);
    expect(closed).toContain('set this ticket back to open');
    expect(composeNote(event({ kind: 'assigned', key: 'a', comment: undefined, assignee: 'bob' }), { reopening: false })).toMatch(/^bob took/);
    expect(composeNote(event({ kind: 'labeled', key: 'l', comment: undefined, label: 'bug' }), { reopening: false })).toMatch(/added the label "bug"/);
  });
});

describe('ticketUpdate', () => {
  it('an internal note, the state tag swapped, status open only on a close with reopen-on-close', () => {
    const closed = event({ kind: 'closed', key: 'c', comment: undefined, issue: { ...event().issue, state: 'closed' } });
    expect(ticketUpdate(closed, { reopenOnClose: true })).toMatchObject({
      comment: { public: false },
      additional_tags: ['rfh_state_closed'],
      remove_tags: ['rfh_state_open'],
      status: 'open',
    });
    expect(ticketUpdate(closed, { reopenOnClose: false })).not.toHaveProperty('status');
    const comment = ticketUpdate(event(), { reopenOnClose: true });
    expect(comment).not.toHaveProperty('status');
    expect(comment).toMatchObject({ additional_tags: ['rfh_state_open'], remove_tags: ['rfh_state_closed'] });
    expect(JSON.stringify(comment)).not.toContain('html_body');
  });
});

describe('readInputs', () => {
  const base: Record<string, string> = {
    'zendesk-subdomain': 'Acme',
    'zendesk-email': 'sync@acme.example',
    'zendesk-api-token': 'tok',
    'github-token': 'ghs_x',
  };
  const read = (over: Record<string, string> = {}) => readInputs((n) => ({ ...base, ...over })[n] ?? '');

  it('defaults: the account URL from the subdomain, comments all, no reopening', () => {
    expect(read()).toMatchObject({ subdomain: 'acme', apiUrl: 'https://acme.zendesk.com', comments: 'all', reopenOnClose: false, ignoreActors: new Set() });
    expect(read({ 'ignore-actors': 'Dependabot[bot], engage-bot\nrenovate' }).ignoreActors).toEqual(new Set(['dependabot[bot]', 'engage-bot', 'renovate']));
  });

  it('a bad value names its input', () => {
    expect(() => read({ 'zendesk-api-token': '' })).toThrow(/"zendesk-api-token" is required/);
    expect(() => read({ 'zendesk-subdomain': 'acme.zendesk.com' })).toThrow(/"zendesk-subdomain"/);
    expect(() => read({ comments: 'some' })).toThrow(/"comments" must be all or none/);
    expect(() => read({ 'reopen-on-close': 'yes' })).toThrow(/"reopen-on-close"/);
    expect(() => read({ 'zendesk-api-url': 'not a url' })).toThrow(InputError);
  });
});
