// The engage CLI (classify, eval, the compose hook) through `main` with an in-memory io, plus one real run of
// bin/engage.js to prove `npx engage` works from a clone.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryIo, type MemoryRun } from '../support/memory-io.ts';
import { bundleOf } from './core-route-fixtures.ts';


async function run(argv: string[], files: Record<string, string>, dirs: Record<string, string[]> = {}, stdin = ''): Promise<MemoryRun> {
  const { io, result } = memoryIo(files, dirs, stdin);
  return result(await main(argv, io));
}

const gitlab = bundleOf({ id: 11, subject: 'GitLab repos not syncing', customer: ['Cloning fails since we rotated the token.'], tags: ['rfh_team_core_application', 'rfh_priority_p2'] });
const licence = bundleOf({ id: 12, subject: 'Licence renewal', customer: ['How do we renew our subscription?'], tags: ['rfh_team_ce_sales', 'rfh_priority_p2'] });
const mislabelled = bundleOf({ id: 13, subject: 'Browser extension broken', customer: ['The Chrome extension shows nothing on GitHub.'], tags: ['rfh_team_search_core', 'rfh_priority_p1'] });

describe('engage classify', () => {
  it('prints one JSON object per ticket: ticket_id, team, alternatives, priority, checklist', async () => {
    const r = await run(['classify', 'two.json'], { 'two.json': JSON.stringify([gitlab, licence]) });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.ticket_id, l.team.id, l.priority.label])).toEqual([
      [11, 'core-application', 'ce/p2'],
      [12, 'ce-sales', 'ce/p2'],
    ]);
    const first = lines[0];
    expect(Object.keys(first)).toEqual(['ticket_id', 'team', 'alternatives', 'priority', 'checklist']);
    expect(first.team).toMatchObject({ id: 'core-application', score: expect.any(Number), why: expect.any(String) });
    expect(first.team.evidence[0]).toMatchObject({ term: expect.any(String), matched: expect.any(String), field: expect.any(String), start: expect.any(Number), end: expect.any(Number) });
    expect(first.priority.reasons[0].text).toMatch(/Partial loss of use/);
    expect(Object.keys(first.checklist)).toEqual(['environment', 'repro', 'recent_changes', 'impact', 'urgency', 'teammates']);
  });

  it('reads standard input, JSON lines and directories', async () => {
    const stdin = await run(['classify', '-'], {}, {}, `${JSON.stringify(gitlab)}\n${JSON.stringify(licence)}\n`);
    expect(stdin.out.trim().split('\n')).toHaveLength(2);
    const dir = await run(['classify', 'dir'], { 'dir/a.json': JSON.stringify(gitlab), 'dir/b.json': JSON.stringify(licence) }, { dir: ['dir/a.json', 'dir/b.json'] });
    expect(dir.out.trim().split('\n').map((l) => JSON.parse(l).ticket_id)).toEqual([11, 12]);
  });

  it('prints a table with --format table', async () => {
    const r = await run(['classify', '--format', 'table', 'a.json'], { 'a.json': JSON.stringify(gitlab) });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ticket\s+team\s+runner-up\s+priority\s+checklist\s+why/);
    expect(r.out).toMatch(/11\s+core-application/);
  });

  it('applies --settings (routing overrides, sales tags)', async () => {
    const settings = JSON.stringify({ routing_overrides: { teams: [{ id: 'security', name: 'Security', keywords: ['CVE'] }] }, sales_process_tags: 'vip_trial' });
    const cve = bundleOf({ id: 20, subject: 'CVE question', customer: ['Are you affected by CVE-2021-44228?'], tags: ['vip_trial'] });
    const r = await run(['classify', 'cve.json', '--settings=s.json'], { 'cve.json': JSON.stringify(cve), 's.json': settings });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.team.id).toBe('security');
    expect(out.priority.label).toBe('ce/p1');
  });

  it('names the file, ticket and field of a bad bundle, still prints the good ones, and exits 2', async () => {
    const bad = { ...gitlab, ticket: { ...gitlab.ticket, id: 77 }, comments: [{ id: 1, author_id: 'x', body: 'b', public: true }] };
    const r = await run(['classify', 'mixed.json'], { 'mixed.json': JSON.stringify([licence, bad]) });
    expect(r.code).toBe(2);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.err).toBe('engage: mixed.json, bundle #2, ticket 77: comments[0].author_id must be a positive integer id, got "x"\n');
  });

  it('exits 2 on a missing file, invalid JSON, bad settings and bad usage', async () => {
    expect((await run(['classify', 'nope.json'], {})).err).toBe('engage: nope.json: no such file or directory\n');
    const invalid = await run(['classify', 'x.json'], { 'x.json': '{"ticket": ' });
    expect(invalid.code).toBe(2);
    expect(invalid.err).toMatch(/^engage: x\.json: is not valid JSON/);
    const badSettings = await run(['classify', 'a.json', '--settings', 's.json'], { 'a.json': JSON.stringify(gitlab), 's.json': '{"private_repository": "nope", "routing_overrides": "[{\\"id\\": 3}]", "colour": 1}' });
    expect(badSettings.code).toBe(2);
    expect(badSettings.out).toBe('');
    expect(badSettings.err).toMatch(/s\.json: private_repository must be "owner\/repo"/);
    expect(badSettings.err).toMatch(/s\.json: routing_overrides: \[0\]\.id must be a string/);
    expect(badSettings.err).toMatch(/s\.json: unknown setting "colour"/);
    expect((await run(['classify'], {})).code).toBe(2);
    expect((await run(['classify', '--format', 'xml', 'a.json'], {})).err).toMatch(/--format must be json or table/);
    expect((await run(['classify', '--frobnicate', 'a.json'], {})).err).toMatch(/unknown option --frobnicate/);
    expect((await run(['explode'], {})).err).toMatch(/unknown command "explode"/);
  });
});

describe('engage eval', () => {
  const files = { 'h.json': JSON.stringify([gitlab, licence, mislabelled, bundleOf({ id: 14, subject: 'no labels' })]) };

  it('prints accuracy, confusion tables and misses from the recorded tags', async () => {
    const r = await run(['eval', 'h.json'], files);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/4 tickets read, 3 with a recorded team or priority/);
    expect(r.out).toMatch(/Team accuracy:\s+2\/3 \(66\.7%\)/);
    expect(r.out).toMatch(/Priority accuracy:\s+2\/3 \(66\.7%\)/);
    expect(r.out).toMatch(/recorded \\ suggested/);
    expect(r.out).toMatch(/ticket 13 \(h\.json\): team recorded search-core, suggested web/);
    expect(r.out).toMatch(/ticket 13 \(h\.json\): priority recorded p1, suggested p2/);
  });

  it('prints a JSON summary with --format json', async () => {
    const r = await run(['eval', '--format', 'json', 'h.json'], files);
    const s = JSON.parse(r.out);
    expect(s.team).toMatchObject({ total: 3, correct: 2 });
    expect(s.team.confusion['search-core']).toEqual({ web: 1 });
    expect(s.priority).toMatchObject({ total: 3, correct: 2 });
    expect(s.skipped).toBe(1);
    expect(s.misses).toHaveLength(2);
  });

  it('reads the configured engineering-team and official-priority fields when there are no tags', async () => {
    const fielded = bundleOf({ id: 30, subject: 'Saved search broken', customer: ['Our saved searches stopped.'], customFields: [{ id: 501, value: 'team/search-product' }, { id: 502, value: 'ce/p2' }] });
    const r = await run(['eval', '--format', 'json', '--settings', 's.json', 'f.json'], {
      'f.json': JSON.stringify(fielded),
      's.json': JSON.stringify({ engineering_team_field_id: '501', official_priority_field_id: '502' }),
    });
    const s = JSON.parse(r.out);
    expect(s.team).toMatchObject({ total: 1, correct: 1 });
    expect(s.priority).toMatchObject({ total: 1, correct: 1 });
  });
});

describe('engage compose hook and help', () => {
  it('prints usage with --help and for no command (exit 2)', async () => {
    expect((await run(['--help'], {})).out).toMatch(/Usage: engage <command>/);
    expect((await run([], {})).code).toBe(2);
    expect((await run(['eval', '--help'], {})).out).toMatch(/Usage: engage eval/);
  });
});

describe('bin/engage.js', () => {
  it('runs the CLI through tsx from a clone', async () => {
    const root = join(import.meta.dirname, '../..');
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'bin/engage.js'), 'classify', join(root, 'test/fixtures/corpus/0701-campaign-changesets-not-created-on-gitlab.json')], { cwd: root });
    expect(JSON.parse(stdout)).toMatchObject({ ticket_id: 701, team: { id: 'batch-changes' } });
  }, 30_000);
});
