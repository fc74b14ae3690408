// The tune learner: candidates from the customers' words, the greedy selection, cross-validation on held-out folds,
// and the routing_overrides value that carries the changes (it must give the same catalogue the learner measured).
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/core/teams.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import { applyChanges } from '../../src/core/tune/apply.ts';
import { candidates } from '../../src/core/tune/candidates.ts';
import { overridesWithChanges } from '../../src/core/tune/overrides-json.ts';
import { tune } from '../../src/core/tune/tune.ts';
import { DEFAULT_TUNE_OPTIONS, type Change, type Example } from '../../src/core/tune/types.ts';
import { customerGrams } from '../../src/core/tune/words.ts';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { generateHistory, historyTicket } from '../support/tune-history.ts';

function examples(bundles: TicketBundle[]): Example[] {
  return bundles.map((b) => {
    const model = buildTicketModel(b);
    const tag = model.tags.find((t) => t.startsWith('rfh_team_')) as string;
    return { model, team: tag.slice('rfh_team_'.length).replace(/_/g, '-') };
  });
}

const defaults = buildCatalogue('').teams;

describe('customer words', () => {
  it('takes grams from the subject and customer messages, not from agent replies', () => {
    const [b] = generateHistory({ tickets: 1 });
    const bundle = b as TicketBundle;
    bundle.ticket.subject = 'Fleet edit stuck';
    (bundle.comments[0] as { body: string }).body = 'The fleet run hangs on the edit spec.';
    (bundle.comments[1] as { body: string }).body = 'Could you send the frobnicator logs?';
    const grams = customerGrams(buildTicketModel(bundle));
    expect(grams.has('fleet edit')).toBe(true);
    expect(grams.has('edit spec')).toBe(true);
    expect(grams.has('fleet')).toBe(true);
    expect(grams.has('frobnicator')).toBe(false);
    expect(grams.has('the')).toBe(false);
  });
});

describe('candidates', () => {
  it('proposes the renamed product for its team with its support, and nothing for a team below the minimum', () => {
    const ex = examples(generateHistory({ tickets: 400, drift: 0.8, seed: 3 }));
    const prepared = ex.map((e) => ({ team: e.team, grams: customerGrams(e.model), routed: 'core-application' }));
    const all = new Set(defaults.map((t) => t.id));
    const found = candidates(prepared, defaults, all, DEFAULT_TUNE_OPTIONS).filter((c) => c.team === 'batch-changes' && c.kind === 'add');
    const fleet = found.find((c) => c.keyword === 'fleet') as Change;
    expect(fleet.right).toBeGreaterThan(30);
    expect(fleet.right / fleet.tickets).toBeGreaterThanOrEqual(0.6);
    const without = candidates(prepared, defaults, new Set([...all].filter((t) => t !== 'batch-changes')), DEFAULT_TUNE_OPTIONS);
    expect(without.some((c) => c.team === 'batch-changes')).toBe(false);
  });
});

describe('tune', () => {
  it('recovers the held-out accuracy lost to a renamed product', () => {
    const r = tune(examples(generateHistory({ tickets: 1000, drift: 0.8, seed: 7, noise: 0.02 })), defaults);
    expect(r.enough).toBe(true);
    expect(r.folds).toHaveLength(5);
    expect(r.before).toBeLessThan(0.9);
    expect(r.after).toBeGreaterThan(0.97);
    const batch = r.byTeam.find((t) => t.team === 'batch-changes');
    expect(batch?.before).toBeLessThan(0.3);
    expect(batch?.after).toBeGreaterThan(0.9);
    // One keyword of the new name is enough: the first kept makes the others fix nothing more.
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({ kind: 'add', team: 'batch-changes' });
    expect(['fleet', 'edit', 'fleet edit']).toContain(r.changes[0]?.keyword);
    expect(r.stability).toEqual([5]);
    // Every fold learned on the other folds: none of them got worse.
    for (const f of r.folds) expect(f.after).toBeGreaterThanOrEqual(f.before);
  });

  it('proposes nothing when no keyword change helps', () => {
    const r = tune(examples(generateHistory({ tickets: 400, drift: 0, seed: 5, noise: 0.05 })), defaults);
    expect(r.changes).toEqual([]);
    expect(r.after).toBe(r.before);
    expect(r.notes.join(' ')).toContain('no keyword change improves routing');
  });

  it('drops what it learned when held-out accuracy says it makes routing worse (recorded teams at random)', () => {
    const r = tune(examples(generateHistory({ tickets: 300, drift: 0.8, seed: 10, noise: 1 })), defaults);
    expect(r.after).toBeLessThan(r.before);
    expect(r.changes).toEqual([]);
    expect(r.teams).toEqual(defaults);
    expect(r.notes).toEqual(['No change proposed: the changes learned make held-out accuracy worse (12.3% → 11.7%).']);
  });

  it('removes a keyword that draws other teams\' tickets', () => {
    // A Security team added by an override lists "blocking"; tickets of three teams that say "this is blocking
    // several teams" beside a weaker signal of their own land there. Removing it fixes them all at once.
    const { teams } = buildCatalogue('{"teams": [{"id": "security", "name": "Security", "keywords": ["CVE", "vulnerability", "blocking"]}]}');
    const history = generateHistory({ tickets: 200, seed: 11 });
    const weak: [string, string][] = [['search-core', 'Indexing looks stuck.'], ['distribution', 'The upgrade did not finish.'], ['core-application', 'Repos are not cloning.']];
    for (let i = 0; i < 20; i++) {
      history.push(historyTicket(1000 + i, 'security', 'CVE in the frontend image', 'Our scanner reports a vulnerability, CVE-2024-1234.'));
      weak.forEach(([team, text], k) => history.push(historyTicket(2000 + 100 * k + i, team, 'Need help', `${text} This is blocking several teams.`)));
    }
    const r = tune(examples(history), teams);
    expect(r.byTeam.find((t) => t.team === 'search-core')?.before).toBeLessThan(0.8);
    expect(r.before).toBeLessThan(r.after);
    expect(r.changes).toEqual([expect.objectContaining({ kind: 'remove', team: 'security', keyword: 'blocking', right: 0 })]);
  });

  it('says plainly when there is too little history, and spares a team with too few tickets', () => {
    const small = tune(examples(generateHistory({ tickets: 20, drift: 1 })), defaults);
    expect(small.enough).toBe(false);
    expect(small.changes).toEqual([]);
    expect(small.notes[0]).toContain('Too little history: 20 tickets with a recorded team, tune needs at least 30');
    const history = generateHistory({ tickets: 400, drift: 1, teams: ['distribution', 'core-application', 'web', 'search-core'] });
    history.push(...generateHistory({ tickets: 7, drift: 1, teams: ['batch-changes'] }).map((b, i) => ({ ...b, ticket: { ...b.ticket, id: 1000 + i } })).slice(0, 4));
    const r = tune(examples(history), defaults);
    expect(r.notes).toContain('Too little history for batch-changes: 4 tickets, at least 5 needed; no change proposed for it.');
    expect(r.changes.some((c) => c.team === 'batch-changes')).toBe(false);
  });
});

describe('the routing_overrides value', () => {
  const changes: Change[] = [
    { kind: 'add', team: 'batch-changes', keyword: 'fleet', tickets: 10, right: 9, misses: 8 },
    { kind: 'remove', team: 'ce-sales', keyword: 'blocking', tickets: 10, right: 0, misses: 9 },
    { kind: 'remove', team: 'distribution', keyword: 'image', tickets: 10, right: 1, misses: 5 },
    { kind: 'add', team: 'security', keyword: 'cve', tickets: 10, right: 9, misses: 5 },
    { kind: 'remove', team: 'security', keyword: 'vulnerability', tickets: 10, right: 2, misses: 5 },
  ];
  const existing = JSON.stringify({
    teams: [
      { id: 'ce-sales', addKeywords: ['blocking'], slackChannel: '#ce-help' },
      { id: 'security', name: 'Security', keywords: ['CVE', 'vulnerability', 'pentest'] },
      { id: 'batch-changes', removeKeywords: ['fleet'] },
    ],
  });

  it('gives, through Zendesk\'s own parsing, the catalogue tune measured, keeping the other overrides', () => {
    const json = overridesWithChanges(existing, changes);
    const before = buildCatalogue(existing);
    const after = buildCatalogue(json);
    expect(before.problems).toEqual([]);
    expect(after.problems).toEqual([]);
    expect(after.teams).toEqual(applyChanges(before.teams, changes));
    expect(after.teams.find((t) => t.id === 'ce-sales')?.slackChannel).toBe('#ce-help');
    expect(JSON.parse(json).teams[0]).toEqual({ id: 'ce-sales', slackChannel: '#ce-help' });
  });

  it('starts from nothing when no overrides are set', () => {
    const json = overridesWithChanges('', changes.slice(0, 3));
    expect(JSON.parse(json)).toEqual({
      teams: [
        { id: 'batch-changes', addKeywords: ['fleet'] },
        { id: 'ce-sales' },
        { id: 'distribution', removeKeywords: ['image'] },
      ],
    });
    expect(buildCatalogue(json).teams).toEqual(applyChanges(buildCatalogue('').teams, changes.slice(0, 3)));
  });
});
