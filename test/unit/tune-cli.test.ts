// `engage tune` through `main` with an in-memory io: table and JSON output, --apply (the written settings load as
// Zendesk loads them), existing overrides kept, too little history, bad input.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryIo, type MemoryRun } from '../support/memory-io.ts';
import { parseSettings } from '../../src/core/settings.ts';
import { buildCatalogue } from '../../src/core/teams.ts';
import { generateHistory } from '../support/tune-history.ts';

async function run(argv: string[], files: Record<string, string>): Promise<MemoryRun> {
  const { io, result } = memoryIo(files);
  return result(await main(['tune', ...argv], io));
}

const drifted = generateHistory({ tickets: 500, drift: 0.8, seed: 7, noise: 0.02 }).map((b) => JSON.stringify(b)).join('\n');
const files = { 'history.jsonl': drifted };

describe('engage tune', () => {
  it('prints held-out accuracy before and after, per fold and team, the proposal with its support and the value', async () => {
    const r = await run(['history.jsonl'], files);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('engage tune: 500 tickets read, 500 with a recorded team');
    expect(r.out).toMatch(/Team accuracy on held-out tickets \(mean over 5 folds\): before 8\d\.\d%, after 9\d\.\d%/);
    expect(r.out).toMatch(/batch\s+\d+\s+\d+\.\d%\s+9\d\.\d%/);
    expect(r.out).toMatch(/add\s+batch\s+(fleet|edit)\s+\d+\s+\d+\s+9\d\.\d%\s+\d\/5/);
    expect(r.out).toContain('routing_overrides:\n{\n  "teams": [');
  });

  it('--format json gives the figures, the changes and the routing_overrides text', async () => {
    const r = await run(['history.jsonl', '--format', 'json', '--folds', '4'], files);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.tickets).toEqual({ read: 500, recorded: 500, skipped: 0 });
    expect(json.folds).toBe(4);
    expect(json.accuracy.folds).toHaveLength(4);
    expect(json.accuracy.after).toBeGreaterThan(json.accuracy.before);
    expect(json.changes[0]).toMatchObject({ kind: 'add', team: 'batch-changes' });
    expect(json.changes[0].rate).toBeGreaterThan(0.9);
    expect(buildCatalogue(json.routing_overrides).problems).toEqual([]);
    expect(json.applied).toBeNull();
  });

  it('--apply writes settings that load as Zendesk loads them, keeping the other settings and overrides', async () => {
    const settings = JSON.stringify({ settings: { sales_process_tags: 'trial, poc', routing_overrides: { teams: [{ id: 'search-core', slackChannel: '#search-core' }] } } });
    const r = await run(['history.jsonl', '--settings', 'engage.json', '--apply', 'tuned.json'], { ...files, 'engage.json': settings });
    expect(r.code).toBe(0);
    expect(r.out).toContain("Wrote tuned.json: paste its routing_overrides value into the app's settings in Zendesk.");
    const written = JSON.parse(r.written['tuned.json'] as string);
    expect(typeof written.routing_overrides).toBe('string');
    expect(written.sales_process_tags).toBe('trial, poc');
    const parsed = parseSettings(written);
    expect(parsed.problems).toEqual([]);
    const { teams, problems } = buildCatalogue(parsed.settings.routingOverrides);
    expect(problems).toEqual([]);
    expect(teams.find((t) => t.id === 'search-core')?.slackChannel).toBe('#search-core');
    expect(teams.find((t) => t.id === 'batch-changes')?.keywords.some((k) => k === 'fleet' || k === 'edit')).toBe(true);
    // The applied settings are the new starting point: tuning again finds nothing more to change.
    const again = await run(['history.jsonl', '--settings', 'tuned.json', '--apply', 'again.json'], { ...files, 'tuned.json': r.written['tuned.json'] as string });
    expect(again.code).toBe(0);
    expect(again.out).toContain('No change proposed: no keyword change improves routing on this history.');
    expect(again.out).toContain('Nothing to apply: again.json was not written.');
    expect(again.written).toEqual({});
  });

  it('says so when there is too little history', async () => {
    const few = generateHistory({ tickets: 12, drift: 1 }).map((b) => JSON.stringify(b)).join('\n');
    const r = await run(['few.jsonl'], { 'few.jsonl': few });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Too little history: 12 tickets with a recorded team, tune needs at least 30. Nothing is proposed.');
    expect(r.out).not.toContain('routing_overrides');
  });

  it('exits 2 on bad input, naming the file and the field', async () => {
    const missing = await run(['nope.json'], files);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.json: no such file or directory');
    const badSettings = await run(['history.jsonl', '--settings', 's.json'], { ...files, 's.json': '{"routing_overrides": "{not json"}' });
    expect(badSettings.code).toBe(2);
    expect(badSettings.err).toContain('s.json: routing_overrides: is not valid JSON');
    const bundle = await run(['bad.json'], { 'bad.json': '{"ticket": {"id": 5}}' });
    expect(bundle.code).toBe(2);
    expect(bundle.err).toMatch(/bad\.json/);
    const usage = await run(['history.jsonl', '--folds', '1'], files);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--folds must be a whole number from 2 to 20, got "1"');
    const none = await run([], files);
    expect(none.code).toBe(2);
  });

  it('--help prints the usage', async () => {
    const r = await run(['--help'], {});
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: engage tune FILE|DIR|-');
    expect(r.out).toContain('--apply FILE');
  });
});
