import { describe, expect, it } from 'vitest';
import { findLinkedIssue, findLinkedIssues, githubWebBase, issueTag, parseIssueUrl, ticketMarker, ticketUrl, trackerOf } from '../../src/core/links.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { recordedSuggestion } from '../../src/core/report-tags.ts';
import { composeWriteBack, priorityTag, tagPart, teamTag, writeBackNote } from '../../src/core/writeback.ts';
import { ctx, decisions, model } from './core-compose-fixture.ts';

const withField: Settings = { ...DEFAULT_SETTINGS, fields: { lifecycle: null, engineeringTeam: 501, officialPriority: 502, linkedIssue: 503 } };

describe('ticket marker and link', () => {
  it('is one distinctive, searchable token per ticket', () => {
    expect(ticketMarker({ subdomain: 'sourcegraph', ticketId: 4242 })).toBe('engage-zendesk-sourcegraph-4242');
    expect(ticketMarker({ subdomain: ' Odd Sub.Domain ', ticketId: 1 })).toBe('engage-zendesk-odd-sub-domain-1');
    expect(ticketUrl({ subdomain: 'sourcegraph', ticketId: 7 })).toBe('https://sourcegraph.zendesk.com/agent/tickets/7');
  });
});

describe('GitHub URLs', () => {
  it('finds the web host for github.com, Enterprise Server and the local stand-in', () => {
    expect(githubWebBase(DEFAULT_SETTINGS)).toBe('https://github.com');
    expect(githubWebBase({ ...DEFAULT_SETTINGS, githubApiUrl: 'https://ghe.example.com/api/v3' })).toBe('https://ghe.example.com');
    expect(githubWebBase({ ...DEFAULT_SETTINGS, githubApiUrl: 'http://localhost:4567/github/api' })).toBe('http://localhost:4567/github');
  });

  it('parses issue URLs and refuses anything else', () => {
    expect(parseIssueUrl('https://github.com/sourcegraph/customer/issues/42')).toEqual({
      owner: 'sourcegraph',
      repo: 'customer',
      number: 42,
      url: 'https://github.com/sourcegraph/customer/issues/42',
    });
    expect(parseIssueUrl('https://ghe.example.com/acme/support/issues/7#issuecomment-1')?.url).toBe('https://ghe.example.com/acme/support/issues/7');
    expect(parseIssueUrl('http://localhost:4567/github/sourcegraph/customer/issues/3.')?.number).toBe(3);
    for (const bad of ['https://github.com/sourcegraph/customer/pull/42', 'not a url', 'https://github.com/o/r/issues/0', 'https://github.com/o/r/issues/']) {
      expect(parseIssueUrl(bad)).toBeNull();
    }
  });

  it('tells the trackers apart', () => {
    expect(trackerOf({ owner: 'Sourcegraph', repo: 'Sourcegraph' }, DEFAULT_SETTINGS)).toBe('public');
    expect(trackerOf({ owner: 'sourcegraph', repo: 'customer' }, DEFAULT_SETTINGS)).toBe('private');
    expect(issueTag('private', 5)).toBe('rfh_issue_5');
    expect(issueTag('public', 5)).toBe('rfh_public_issue_5');
  });
});

describe('findLinkedIssue', () => {
  it('finds nothing on a fresh ticket', () => {
    expect(findLinkedIssue(model(), DEFAULT_SETTINGS)).toBeNull();
  });

  it('reads the tags, per tracker', () => {
    const m = model({ tags: ['rfh', 'rfh_issue_42', 'rfh_public_issue_9'] });
    expect(findLinkedIssue(m, DEFAULT_SETTINGS)).toEqual({ owner: 'sourcegraph', repo: 'customer', number: 42, url: 'https://github.com/sourcegraph/customer/issues/42' });
    expect(findLinkedIssue(m, DEFAULT_SETTINGS, 'public')?.url).toBe('https://github.com/sourcegraph/sourcegraph/issues/9');
    expect(findLinkedIssue(model({ tags: ['rfh_public_issue_9'] }), DEFAULT_SETTINGS)?.number).toBe(9);
  });

  it('prefers the linked-issue field, then Engage’s note, then the tags', () => {
    const note = 'Engage filed this ticket on GitHub (private tracker): https://github.com/sourcegraph/customer/issues/77\nKind: request for help';
    const m = model({
      tags: ['rfh_issue_42'],
      messages: [
        { from: 'customer', body: 'see https://github.com/sourcegraph/customer/issues/1' },
        { from: 'agent', body: note, public: false },
      ],
      customFields: [{ id: 503, value: 'https://github.com/sourcegraph/customer/issues/88' }],
    });
    expect(findLinkedIssue(m, withField)?.number).toBe(88);
    expect(findLinkedIssue(m, DEFAULT_SETTINGS)?.number).toBe(77); // field not configured: the note
    const onlyCustomerLink = model({ messages: [{ from: 'customer', body: 'Engage filed this ticket on GitHub: https://github.com/sourcegraph/customer/issues/1' }] });
    expect(findLinkedIssue(onlyCustomerLink, DEFAULT_SETTINGS)).toBeNull(); // only our internal notes count
  });

  it('reports both trackers when both exist', () => {
    const m = model({ tags: ['rfh_issue_42'], customFields: [{ id: 503, value: 'https://github.com/sourcegraph/sourcegraph/issues/5' }] });
    const both = findLinkedIssues(m, withField);
    expect(both.private?.number).toBe(42);
    expect(both.public?.number).toBe(5);
  });
});

describe('composeWriteBack', () => {
  const issue = { owner: 'sourcegraph', repo: 'customer', number: 42, url: 'https://github.com/sourcegraph/customer/issues/42' };

  it('writes the note, the tags and nothing else by default', () => {
    const m = model();
    const wb = composeWriteBack(m, decisions({ teamId: 'search-core', priority: 2 }), issue, ctx());
    expect(wb.ticket.additional_tags).toEqual(['rfh', 'rfh_team_search_core', 'rfh_priority_p2', 'rfh_issue_42']);
    expect(wb.ticket.comment.public).toBe(false);
    expect(wb.ticket.comment.body.split('\n')[0]).toBe('Engage filed this ticket on GitHub (private tracker): https://github.com/sourcegraph/customer/issues/42');
    expect(wb.ticket.comment.body).toContain('Team: Search core (team/search-core)');
    expect(wb.ticket.comment.body).toContain('Priority: ce/p2');
    expect(wb.ticket.custom_fields).toBeUndefined();
    expect(wb.ticket.status).toBeUndefined();
  });

  it('leaves out rfh for defects and tags public filings distinctly', () => {
    const wb = composeWriteBack(model(), decisions({ kind: 'defect', tracker: 'public' }), { ...issue, repo: 'sourcegraph', number: 9 }, ctx());
    expect(wb.ticket.additional_tags).toEqual(['rfh_team_distribution', 'rfh_priority_p1', 'rfh_public_issue_9', 'engage_defect']);
  });

  it('records the suggestion the agent saw for reports, and nothing when it is unknown', () => {
    const seen = decisions({ teamId: 'core-application', priority: 2, suggested: { teamId: 'distribution', priority: 0 } });
    const tags = composeWriteBack(model(), seen, issue, ctx()).ticket.additional_tags;
    expect(tags).toEqual(expect.arrayContaining(['rfh', 'rfh_team_core_application', 'rfh_priority_p2', 'rfh_suggested_team_distribution', 'rfh_suggested_priority_p0']));
    expect(tags).not.toContain('engage_defect');
    expect(recordedSuggestion(tags, DEFAULT_TEAMS)).toEqual({ teamId: 'distribution', priority: 0 });
    // A filing from before these tags (or a link finished later): no suggestion, never read as "kept".
    const unknown = composeWriteBack(model(), decisions(), issue, ctx()).ticket.additional_tags;
    expect(unknown.some((t) => t.startsWith('rfh_suggested_'))).toBe(false);
    expect(recordedSuggestion(unknown, DEFAULT_TEAMS)).toEqual({ teamId: null, priority: null });
  });

  it('fills the configured fields and puts the ticket on hold when the settings say so', () => {
    const settings: Settings = { ...withField, statusAfterFiling: 'hold' };
    const wb = composeWriteBack(model(), decisions(), issue, { settings, teams: DEFAULT_TEAMS });
    expect(wb.ticket.custom_fields).toEqual([
      { id: 501, value: 'distribution' },
      { id: 502, value: 'p1' },
      { id: 503, value: issue.url },
    ]);
    expect(wb.ticket.status).toBe('hold');
  });

  it('does not overwrite the private link in the field with a public one', () => {
    const m = model({ customFields: [{ id: 503, value: 'https://github.com/sourcegraph/customer/issues/42' }] });
    const wb = composeWriteBack(m, decisions({ tracker: 'public' }), { ...issue, repo: 'sourcegraph', number: 9 }, { settings: withField, teams: DEFAULT_TEAMS });
    expect(wb.ticket.custom_fields?.map((f) => f.id)).toEqual([501, 502]);
  });

  it('records overrides, the checklist, escalation and people in the note', () => {
    const d = decisions({
      override: { suggestedTeamId: 'core-application', suggestedPriority: 2, reason: 'frontend crash' },
      escalateAnywayReason: 'customer is down',
      ceToInclude: 'Raj (CE)',
      timeline: 'before Thursday',
      checklist: { ...decisions().checklist, impact: { done: false, note: '' } },
    });
    const note = writeBackNote(model(), d, issue, ctx());
    expect(note).toContain('Override: suggested team Core Application, suggested priority ce/p2 (frontend crash)');
    expect(note).toContain('Step 1 checklist: done: environment, repro, recent changes, urgency; open: impact');
    expect(note).toContain('Escalated anyway: customer is down');
    expect(note).toContain('Include: Raj (CE)');
    expect(note).toContain('Timeline: before Thursday');
  });

  it('round-trips: what the write-back records, findLinkedIssue reads back', () => {
    const wb = composeWriteBack(model(), decisions(), issue, ctx());
    const after = model({
      tags: wb.ticket.additional_tags,
      messages: [
        { from: 'customer', body: 'help' },
        { from: 'agent', body: wb.ticket.comment.body, public: false },
      ],
    });
    expect(findLinkedIssue(after, DEFAULT_SETTINGS)).toEqual(issue);
  });

  it('makes tag parts Zendesk-safe', () => {
    expect(tagPart('Search-Core')).toBe('search_core');
    expect(teamTag('my team/x')).toBe('rfh_team_my_team_x');
    expect(priorityTag(0)).toBe('rfh_priority_p0');
  });
});
