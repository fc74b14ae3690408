// The checklist's automatic ticks over the labelled set (test/fixtures/checklist): a false tick puts junk into the
// issue marked ✓, so precision must stay at 97% or more; recall at 80% or more. Runs the real command,
// `engage eval --checklist test/fixtures/checklist --format json`, over the files on disk.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.ts';
import { listBundleFiles } from '../../src/cli/node-io.ts';
import type { ChecklistEvalSummary } from '../../src/core/checklist/evaluate.ts';

const DIR = join(__dirname, '..', 'fixtures', 'checklist');

async function evaluate(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readText: (path) => readFile(path, 'utf8'),
    listBundleFiles,
  };
  const code = await main(['eval', '--checklist', ...args, DIR], io);
  return { code, out, err };
}

describe('checklist ticks on the labelled set', () => {
  it('precision ≥ 97% and recall ≥ 80% overall, over at least 25 tickets and 120 judgements', async () => {
    const { code, out, err } = await evaluate(['--format', 'json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(out) as ChecklistEvalSummary;
    expect(summary.tickets).toBeGreaterThanOrEqual(25);
    expect(summary.judgements).toBeGreaterThanOrEqual(120);
    expect(summary.unlabelled).toEqual([]);
    expect(summary.missingBundles).toEqual([]);
    const falseTicks = summary.misses.filter((m) => m.kind === 'false-tick').map((m) => `${m.ticketId} ${m.item}: ${m.reason}`);
    expect(summary.overall.precision, `false ticks:\n${falseTicks.join('\n')}`).toBeGreaterThanOrEqual(0.97);
    expect(summary.overall.recall).toBeGreaterThanOrEqual(0.8);
    // Every item is ticked somewhere and judged on every ticket (the set covers all six).
    for (const s of Object.values(summary.items)) {
      expect(s.judged).toBe(summary.tickets);
      expect(s.labelledFound).toBeGreaterThan(0);
    }
  });

  it('the table names each item, the overall figures and the misses', async () => {
    const { code, out } = await evaluate([]);
    expect(code).toBe(0);
    for (const item of ['environment', 'repro', 'recent_changes', 'impact', 'urgency', 'teammates', 'overall']) expect(out).toMatch(new RegExp(`^${item}\\s+\\d+`, 'm'));
    expect(out).toMatch(/precision/);
  });
});
