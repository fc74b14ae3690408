// Accuracy on the labelled corpus (test/fixtures/corpus), measured exactly as `engage eval` measures it.
// The floors sit a little below what the engine scores today (team 114/114, priority 114/114 when this was written),
// so a change that costs accuracy fails here and has to be looked at.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBundleFile } from '../../src/cli/read-bundles.ts';
import { classify } from '../../src/core/classify.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { DEFAULT_TEAM_IDS } from '../../src/core/teams/default-teams.ts';
import { recordedPriority, recordedTeam, summarize } from '../../src/cli/eval-command.ts';

const TEAM_FLOOR = 0.96;
const PRIORITY_FLOOR = 0.95;

const dir = join(import.meta.dirname, '../fixtures/corpus');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const bundles = files.flatMap((f) => {
  const { bundles: found, errors } = parseBundleFile(readFileSync(join(dir, f), 'utf8'), f);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  return found.map((bundle) => ({ bundle, source: f }));
});

describe('routing corpus', () => {
  it('has at least 60 labelled tickets over all 9 destinations and all 4 priorities', () => {
    expect(bundles.length).toBeGreaterThanOrEqual(60);
    const teams = new Set(bundles.map((b) => recordedTeam(b.bundle, DEFAULT_TEAMS, DEFAULT_SETTINGS)));
    for (const id of DEFAULT_TEAM_IDS) expect(teams.has(id)).toBe(true);
    const priorities = new Set(bundles.map((b) => recordedPriority(b.bundle, DEFAULT_SETTINGS)));
    expect([...priorities].sort()).toEqual([0, 1, 2, 3]);
  });

  it(`routes at least ${TEAM_FLOOR * 100}% to the recorded team and prioritises at least ${PRIORITY_FLOOR * 100}% as recorded`, () => {
    const rows = bundles.map(({ bundle, source }) => ({
      ticketId: bundle.ticket.id,
      source,
      classification: classify(buildTicketModel(bundle), DEFAULT_TEAMS, DEFAULT_SETTINGS),
      team: recordedTeam(bundle, DEFAULT_TEAMS, DEFAULT_SETTINGS),
      priority: recordedPriority(bundle, DEFAULT_SETTINGS),
    }));
    const summary = summarize(rows);
    const misses = summary.misses.map((m) => `${m.ticket_id} ${m.kind}: recorded ${m.recorded}, suggested ${m.suggested} — ${m.why}`).join('\n');
    expect(summary.team.total).toBe(bundles.length);
    expect(summary.team.accuracy, misses).toBeGreaterThanOrEqual(TEAM_FLOOR);
    expect(summary.priority.accuracy, misses).toBeGreaterThanOrEqual(PRIORITY_FLOOR);
  });
});
