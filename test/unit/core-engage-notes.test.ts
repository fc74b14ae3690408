import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { isEngageNote } from '../../src/core/engage-notes.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { model } from './core-compose-fixture.ts';

describe("Engage's own notes are not evidence", () => {
  const filed = 'Engage filed this ticket on GitHub (private tracker): https://github.com/sourcegraph/customer/issues/7\nKind: request for help\nTeam: Batch Changes (team/batch-changes)\nPriority: ce/p0';
  it('knows its notes by their first line, and only internal ones', () => {
    expect(isEngageNote({ authorRole: 'agent', public: false, raw: filed })).toBe(true);
    expect(isEngageNote({ authorRole: 'agent', public: false, raw: 'Engage added this ticket to a GitHub issue (private tracker): x' })).toBe(true);
    expect(isEngageNote({ authorRole: 'agent', public: true, raw: filed })).toBe(false);
    expect(isEngageNote({ authorRole: 'agent', public: false, raw: `FYI\n${filed}` })).toBe(false);
  });

  it('a revisit classifies the ticket as people wrote it', () => {
    const messages = [{ from: 'customer' as const, body: 'Our gitserver pods crash after the Helm upgrade to 5.2 on Kubernetes.' }];
    const fresh = classify(model({ messages }), DEFAULT_TEAMS, DEFAULT_SETTINGS);
    const revisit = classify(model({ messages: [...messages, { from: 'agent', body: filed, public: false }] }), DEFAULT_TEAMS, DEFAULT_SETTINGS);
    expect(revisit.route.team.teamId).toBe(fresh.route.team.teamId);
    expect(revisit.priority.level).toBe(fresh.priority.level);
    expect(revisit.route.team.evidence.every((e) => e.field !== 'internal')).toBe(true);
  });
});
