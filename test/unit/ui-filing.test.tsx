import { describe, expect, it } from 'vitest';
import { inProcessLocks, resilientLocks } from '../../src/flows/filing/locks.ts';
import { gateReason, gatheringNote } from '../../src/ui/logic/gate.ts';
import { createTranslator } from '../../src/ui/logic/i18n.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const refusing = {
  request<T>(): Promise<T> {
    return Promise.reject(Object.assign(new Error('The request was denied.'), { name: 'SecurityError' }));
  },
};

describe('resilientLocks', () => {
  it('uses the Web Locks API when it works, and passes the callback error through', async () => {
    const names: string[] = [];
    const web = {
      request<T>(name: string, cb: () => Promise<T>): Promise<T> {
        names.push(name);
        return cb();
      },
    };
    const locks = resilientLocks(inProcessLocks(), web);
    await expect(locks.request('a', async () => 1)).resolves.toBe(1);
    await expect(locks.request('a', async () => Promise.reject(new Error('github said no')))).rejects.toThrow('github said no');
    expect(names).toEqual(['a', 'a']);
  });

  it('falls back to the page lock when the browser refuses the lock, running the callback exactly once', async () => {
    const locks = resilientLocks(inProcessLocks(), refusing);
    let runs = 0;
    await expect(locks.request('a', async () => ++runs)).resolves.toBe(1);
    await expect(locks.request('a', async () => ++runs)).resolves.toBe(2);
    expect(runs).toBe(2);
  });

  it('still serialises callbacks of the same name in the fallback', async () => {
    const locks = resilientLocks(inProcessLocks(), null);
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = locks.request('t', () => new Promise<void>((r) => (release = () => (order.push('first'), r()))));
    const second = locks.request('t', async () => void order.push('second'));
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
  });
});

describe('gateReason', () => {
  const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../translations/en.json'), 'utf8'));
  const t = createTranslator('en', { ui: en.ui }, undefined);
  it('names the missing items in plain words', () => {
    expect(gateReason(t, { open: false, reason: 'checklist', missing: ['repro', 'teammates'] })).toBe(
      'Tick the remaining 2 items first: steps to reproduce, teammates asked. Or choose "Escalate anyway".',
    );
    expect(gateReason(t, { open: false, reason: 'checklist', missing: ['urgency'] })).toBe(
      'Tick the remaining item first: urgency. Or choose "Escalate anyway".',
    );
    expect(gateReason(t, { open: false, reason: 'escalate_reason' })).toBe('Write why you escalate anyway.');
    expect(gateReason(t, { open: true })).toBe('');
  });
  it('says, for an outage filed at once, what goes into the issue as still being gathered', () => {
    expect(gateReason(t, { open: true, gathering: ['repro'] })).toBe('');
    expect(gatheringNote(t, { open: true, gathering: ['repro'] })).toBe('Goes into the issue under "Still gathering": steps to reproduce.');
    expect(gatheringNote(t, { open: true, gathering: ['repro', 'impact'] })).toBe(
      'Go into the issue under "Still gathering": steps to reproduce, impacted users.',
    );
    expect(gatheringNote(t, { open: true })).toBe('');
    expect(gatheringNote(t, { open: false, reason: 'escalate_reason' })).toBe('');
  });
});
