// What the preview's ticket page shows (preview/host/view.ts): internal notes marked, app writes listed,
// hostile attachment URLs not turned into links.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { formatSize, formatValue, safeHref, ticketView, writesView } from '../../preview/host/view.ts';

const bundle = JSON.parse(readFileSync('preview/tickets/1007-stark-batch-changes-poc.json', 'utf8')) as TicketBundle;

describe('ticketView', () => {
  it('shows requester, organisation with tags, custom fields and marks internal notes', () => {
    const v = ticketView(bundle, []);
    expect(v.subject).toBe(bundle.ticket.subject);
    expect(v.requester).toBe('Pepper Nakamura <pepper.nakamura@stark.example>');
    expect(v.organization).toBe('Stark Industries');
    expect(v.organizationTags).toContain('poc');
    expect(v.customFields).toContainEqual({ id: 360001000003, title: 'Field 360001000003', value: 'poc' });
    expect(ticketView(bundle, [], { 360001000003: 'Lifecycle' }).customFields).toContainEqual({ id: 360001000003, title: 'Lifecycle', value: 'poc' });
    expect(v.comments.map((c) => c.internal)).toEqual([false, true, true]);
    expect(v.comments[0]!.attachments[0]).toMatchObject({ name: 'update-log4j.batch.yaml', contentType: 'application/x-yaml', size: '1.8 KB' });
    expect(v.comments[0]!.attachments[0]!.href).toMatch(/^https:\/\/engage-preview\.zendesk\.com\/attachments\//);
  });

  it('marks the comments the app wrote', () => {
    const written = structuredClone(bundle);
    written.comments.push({ id: 77, author_id: 1, body: 'note', public: false, created_at: '2026-11-30T12:00:00Z', attachments: [] });
    const v = ticketView(written, [{ at: '2026-11-30T12:00:00Z', method: 'PUT', path: '/api/v2/tickets/1007.json', comment: { id: 77, public: false, body: 'note' }, tagsAdded: [], tagsRemoved: [], customFields: [] }]);
    expect(v.comments.at(-1)).toMatchObject({ writtenByApp: true, internal: true, author: 'User 1' });
    expect(v.comments[0]!.writtenByApp).toBe(false);
  });
});

describe('writesView', () => {
  it('lists each write: note, tags, fields, status', () => {
    expect(
      writesView([
        {
          at: 't',
          method: 'PUT',
          path: '/api/v2/tickets/1.json',
          comment: { id: 5, public: false, body: 'x' },
          tagsAdded: ['rfh', 'rfh_issue_12'],
          tagsRemoved: ['old'],
          customFields: [{ id: 9, value: 'https://github.com/o/r/issues/12' }],
          status: { from: 'open', to: 'hold' },
        },
      ]),
    ).toEqual([
      {
        at: 't',
        what: ['Internal note #5', 'Tags added: rfh, rfh_issue_12', 'Tags removed: old', 'Field 9 = https://github.com/o/r/issues/12', 'Status open → hold'],
      },
    ]);
  });
});

describe('helpers', () => {
  it('keeps only http(s) links', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
    expect(safeHref('https://x.example/a?b=1')).toBe('https://x.example/a?b=1');
  });

  it('formats sizes and values', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(52428800)).toBe('50.0 MB');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(['a', 'b'])).toBe('a, b');
  });
});
