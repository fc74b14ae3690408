// `engage similar` through `main` with an in-memory io, and the quality set's figures kept by a test.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.ts';
import { FIXTURE_DIR } from './similar-fixtures.ts';

const TICKETS = `${FIXTURE_DIR}/tickets`;
const ticketFiles = readdirSync(TICKETS).sort().map((f) => `${TICKETS}/${f}`);

async function run(argv: string[], overrides: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readText: async (path) => {
      if (path in overrides) return overrides[path] as string;
      return readFileSync(path, 'utf8');
    },
    listBundleFiles: async (path) => (path === TICKETS ? ticketFiles : null),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

const ARGS = ['similar', TICKETS, '--issues', `${FIXTURE_DIR}/issues.json`, '--labels', `${FIXTURE_DIR}/labels.json`];

describe('engage similar', () => {
  it('keeps recall@3 ≥ 90% and false shows ≤ 10% on the quality set', async () => {
    const { code, out } = await run([...ARGS, '--format', 'json']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const { eval: figures } = lines.at(-1) as { eval: { matched: number; unmatched: number; recallAt3: number; falseShowRate: number } };
    expect(figures.matched).toBeGreaterThanOrEqual(20);
    expect(figures.unmatched).toBeGreaterThanOrEqual(20);
    expect(figures.recallAt3).toBeGreaterThanOrEqual(0.9);
    expect(figures.falseShowRate).toBeLessThanOrEqual(0.1);
    const first = lines[0] as { query: string; issues: { why: string[] }[] };
    expect(first.query).toMatch(/^repo:sourcegraph\/customer repo:sourcegraph\/sourcegraph is:issue /);
  });

  it('prints the query, the issues with why, and the figures as a table', async () => {
    const { code, out } = await run(ARGS);
    expect(code).toBe(0);
    expect(out).toContain('ticket 5001\n  query: repo:sourcegraph/customer');
    expect(out).toContain('#4101');
    expect(out).toContain('no similar issue');
    expect(out).toMatch(/recall@3: \d+\.\d% \(\d+ of \d+/);
    expect(out).toMatch(/false shows: \d+\.\d%/);
  });

  it('refuses bad issues JSON with the file, issue and field named (exit 2)', async () => {
    const bad = await run(['similar', TICKETS, '--issues', 'bad.json'], { 'bad.json': '[{"number": 3, "title": "x", "state": "merged", "updated_at": "2026-01-01T00:00:00Z"}]' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('bad.json: [0] issue #3: "state" must be "open" or "closed"');
    expect(bad.out).toBe('');
    const notJson = await run(['similar', TICKETS, '--issues', 'nj.json'], { 'nj.json': '{oops' });
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('nj.json: the issues are not valid JSON');
    const notArray = await run(['similar', TICKETS, '--issues', 'o.json'], { 'o.json': '{"a": 1}' });
    expect(notArray.err).toContain('o.json: must be a JSON array of GitHub issue objects');
  });

  it('needs --issues and a valid --now (usage errors, exit 2)', async () => {
    expect((await run(['similar', TICKETS])).err).toContain('similar needs --issues');
    expect((await run([...ARGS, '--now', 'yesterday'])).code).toBe(2);
    expect((await run(['similar', '--help'].slice(0, 1).concat(['--help']))).code).toBe(0);
  });
});
