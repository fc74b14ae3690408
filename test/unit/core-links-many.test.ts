import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/core/links.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { composeUnlink, composeWriteBack } from '../../src/core/writeback.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { decisions, model } from './core-compose-fixture.ts';

const withField: Settings = { ...DEFAULT_SETTINGS, fields: { ...DEFAULT_SETTINGS.fields, linkedIssue: 503 } };
const url = (n: number, repo = 'customer') => `https://github.com/sourcegraph/${repo}/issues/${n}`;
const note = (body: string) => ({ from: 'agent' as const, body, public: false });

describe('findLinks: every issue a ticket links', () => {
  it('lists filed, added and public links once each, most authoritative first', () => {
    const m = model({
      tags: ['rfh', 'rfh_issue_42', 'rfh_issue_50', 'rfh_public_issue_9'],
      messages: [
        { from: 'customer', body: 'help' },
        note(`Engage filed this ticket on GitHub (private tracker): ${url(42)}\nKind: request for help`),
        note(`Engage added this ticket to a GitHub issue (private tracker): ${url(50)}`),
      ],
    });
    expect(findLinks(m, DEFAULT_SETTINGS).map((l) => [l.number, l.tracker])).toEqual([
      [50, 'private'],
      [42, 'private'],
      [9, 'public'],
    ]);
  });

  it('drops an issue unlinked after it was linked, and counts it again when linked again later', () => {
    const unlinked = model({
      tags: ['rfh_issue_42'],
      messages: [note(`Engage added this ticket to a GitHub issue (private tracker): ${url(50)}`), note(`Engage unlinked this ticket from a GitHub issue: ${url(50)}`)],
      customFields: [{ id: 503, value: `${url(42)} ${url(50)}` }],
    });
    expect(findLinks(unlinked, withField).map((l) => l.number)).toEqual([42]);
    const again = model({
      messages: [
        note(`Engage added this ticket to a GitHub issue (private tracker): ${url(50)}`),
        note(`Engage unlinked this ticket from a GitHub issue: ${url(50)}`),
        note(`Engage added this ticket to a GitHub issue (private tracker): ${url(50)}`),
      ],
    });
    expect(findLinks(again, DEFAULT_SETTINGS).map((l) => l.number)).toEqual([50]);
  });
});

describe('the write-backs of adding and unlinking', () => {
  const ctx = { settings: withField, teams: DEFAULT_TEAMS };

  it('adding notes "added", tags the issue and appends its URL to the linked-issue field', () => {
    const m = model({ customFields: [{ id: 503, value: url(42) }] });
    const wb = composeWriteBack(m, decisions(), { owner: 'sourcegraph', repo: 'customer', number: 50, url: url(50) }, ctx, 'added');
    expect(wb.ticket.comment.body.split('\n')[0]).toBe(`Engage added this ticket to a GitHub issue (private tracker): ${url(50)}`);
    expect(wb.ticket.additional_tags).toContain('rfh_issue_50');
    expect(wb.ticket.custom_fields).toContainEqual({ id: 503, value: `${url(42)} ${url(50)}` });
  });

  it('unlinking takes the tag and the URL off, and the filing tags with the last link', () => {
    const m = model({ tags: ['rfh', 'rfh_issue_42', 'rfh_issue_50', 'rfh_team_distribution', 'rfh_priority_p1', 'vip'], customFields: [{ id: 503, value: `${url(42)} ${url(50)}` }] });
    const link = { owner: 'sourcegraph', repo: 'customer', number: 50, url: url(50), tracker: 'private' as const };
    const other = { ...link, number: 42, url: url(42) };
    const some = composeUnlink(m, link, [other], { ...ctx, by: 'Sam Support' });
    expect(some.ticket.remove_tags).toEqual(['rfh_issue_50']);
    expect(some.ticket.custom_fields).toEqual([{ id: 503, value: url(42) }]);
    expect(some.ticket.comment.body).toMatch(/^Engage unlinked this ticket from a GitHub issue: https:\/\/github.com\/sourcegraph\/customer\/issues\/50\nSam Support unlinked it/);
    const last = composeUnlink(model({ tags: ['rfh', 'rfh_issue_50', 'rfh_team_distribution', 'rfh_priority_p1', 'vip'] }), link, [], ctx);
    expect(new Set(last.ticket.remove_tags)).toEqual(new Set(['rfh_issue_50', 'rfh', 'rfh_team_distribution', 'rfh_priority_p1']));
    // Read back: the ticket with the unlink note no longer links the issue.
    const after = model({ tags: ['rfh_issue_42'], messages: [note(some.ticket.comment.body)], customFields: [{ id: 503, value: url(42) }] });
    expect(findLinks(after, withField).map((l) => l.number)).toEqual([42]);
  });
});
