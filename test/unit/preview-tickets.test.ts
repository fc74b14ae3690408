// Loading ticket bundles for the preview (preview/tickets.ts): every *.json in the folders, object, array or JSON
// lines; malformed ones reported with file and field without stopping the others.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { loadBundleDirs } from '../../preview/tickets.ts';

const good = JSON.parse(readFileSync('test/fixtures/preview-tickets/2001-oceanic-frontend-oom.json', 'utf8')) as TicketBundle;
const withId = (id: number): TicketBundle => ({ ...structuredClone(good), ticket: { ...structuredClone(good.ticket), id } });

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'engage-bundles-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('loadBundleDirs', () => {
  it('reads objects, arrays and JSON lines, and skips files that are not *.json', () => {
    const dir = folder({
      'a.json': JSON.stringify(withId(1)),
      'b.json': JSON.stringify([withId(2), withId(3)]),
      'c.json': `${JSON.stringify(withId(4))}\n${JSON.stringify(withId(5))}\n`,
      'notes.txt': 'not a bundle',
    });
    const r = loadBundleDirs([dir]);
    expect(r.problems).toEqual([]);
    expect(r.tickets.map((t) => t.bundle.ticket.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('lists malformed bundles with file and field and still loads the rest', () => {
    const r = loadBundleDirs(['test/fixtures/preview-tickets']);
    expect(r.tickets.map((t) => t.bundle.ticket.id)).toEqual([2001, 2004]);
    expect(r.problems).toEqual([
      {
        source: 'test/fixtures/preview-tickets/2002-malformed-comment.json',
        field: 'comments[1].author_id',
        message: expect.stringContaining('comments[1].author_id is missing'),
      },
      { source: 'test/fixtures/preview-tickets/2003-truncated.json', field: '', message: expect.stringContaining('not valid JSON') },
    ]);
  });

  it('reports a missing folder and a duplicate ticket id (the later folder wins)', () => {
    const first = folder({ 'x.json': JSON.stringify({ ...withId(7), ticket: { ...withId(7).ticket, subject: 'first' } }) });
    const second = folder({ 'y.json': JSON.stringify({ ...withId(7), ticket: { ...withId(7).ticket, subject: 'second' } }) });
    const r = loadBundleDirs([first, second, join(first, 'nope')]);
    expect(r.tickets.map((t) => t.bundle.ticket.subject)).toEqual(['second']);
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('also in'),
      expect.stringContaining('cannot read tickets folder'),
    ]);
  });
});
