// Scoring the checklist's ticks against labels (core/checklist/evaluate.ts) and the `eval --checklist` command's
// handling of its labels file.
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.ts';
import { evaluateChecklist, parseChecklistLabels } from '../../src/core/checklist/evaluate.ts';
import { checklistHints } from '../../src/core/checklist.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { bundleOf, modelOf } from './core-route-fixtures.ts';

describe('evaluateChecklist', () => {
  const hints = checklistHints(modelOf({ subject: 'x', customer: ['We run 5.0.1 on Kubernetes. Nothing changed.'], internal: ['Impact: nobody'] }), DEFAULT_SETTINGS);
  it('counts right ticks, false ticks and misses per item and overall', () => {
    const s = evaluateChecklist([{ ticketId: 7, source: 'a.json', hints }], {
      '7': { environment: 'found', recent_changes: 'not_found', impact: 'found', teammates: 'not_found' },
    });
    expect(s.judgements).toBe(4);
    expect(s.items.environment).toMatchObject({ ticked: 1, correct: 1, precision: 1, recall: 1 });
    expect(s.items.recent_changes).toMatchObject({ ticked: 1, correct: 0, precision: 0 });
    expect(s.items.impact).toMatchObject({ ticked: 0, labelledFound: 1, recall: 0 });
    expect(s.overall).toMatchObject({ judged: 4, ticked: 2, correct: 1, labelledFound: 2, precision: 0.5, recall: 0.5 });
    expect(s.misses.map((m) => `${m.item}:${m.kind}`)).toEqual(['recent_changes:false-tick', 'impact:missed']);
    expect(s.misses[0]?.reason).toMatch(/nothing changed.*\(customer #0\)/);
  });
  it('lists unlabelled tickets and labelled tickets without a bundle', () => {
    const s = evaluateChecklist([{ ticketId: 8, source: 'b.json', hints }], { '9': { urgency: 'found' } });
    expect(s.unlabelled).toEqual([8]);
    expect(s.missingBundles).toEqual(['9']);
  });
  it('rejects unknown items, judgements and ids', () => {
    expect(parseChecklistLabels({ '1': { colour: 'found', urgency: 'yes' }, x: {} }).problems).toEqual([
      'ticket 1: unknown item "colour" (known: environment, repro, recent_changes, impact, urgency, teammates)',
      'ticket 1, urgency: "yes" is neither "found" nor "not_found"',
      '"x" is not a ticket id',
    ]);
  });
});

describe('engage eval --checklist', () => {
  function io(files: Record<string, string>, dirs: Record<string, string[]>): { io: CliIo; out: () => string; err: () => string } {
    let out = '';
    let err = '';
    return {
      io: {
        out: (t) => void (out += t),
        err: (t) => void (err += t),
        readText: async (p) => {
          const t = files[p];
          if (t === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
          return t;
        },
        listBundleFiles: async (p) => dirs[p] ?? null,
      },
      out: () => out,
      err: () => err,
    };
  }
  const bundle = JSON.stringify(bundleOf({ id: 5, subject: 'x', customer: ['Sourcegraph 5.0.1 on Kubernetes.'] }));

  it('reads DIR/labels.json and skips it as a bundle', async () => {
    const r = io({ 'd/5.json': bundle, 'd/labels.json': '{"5": {"environment": "found", "impact": "not_found"}}' }, { d: ['d/5.json', 'd/labels.json'] });
    expect(await main(['eval', '--checklist', 'd'], r.io)).toBe(0);
    expect(r.err()).toBe('');
    expect(r.out()).toMatch(/^overall\s+2\s+1\s+1\s+1\s+100\.0%\s+100\.0%/m);
  });
  it('a bad labels file is bad input; a file without --labels is a usage error', async () => {
    const r = io({ 'd/5.json': bundle, 'd/labels.json': '{"5": {"environment": "maybe"}}' }, { d: ['d/5.json', 'd/labels.json'] });
    expect(await main(['eval', '--checklist', 'd'], r.io)).toBe(2);
    expect(r.err()).toMatch(/d\/labels\.json: ticket 5, environment: "maybe"/);
    const f = io({ 'a.json': bundle }, {});
    expect(await main(['eval', '--checklist', 'a.json'], f.io)).toBe(2);
    expect(f.err()).toMatch(/needs a DIR holding labels\.json, or --labels FILE/);
  });
  it('is in the help', async () => {
    const r = io({}, {});
    await main(['eval', '--help'], r.io);
    expect(r.out()).toMatch(/--checklist DIR \[--labels FILE\]/);
  });
});
