// `engage report` through `main` with an in-memory io: the three formats, the period options and bad input.
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.ts';
import { memoryIo, type MemoryRun } from '../support/memory-io.ts';
import { plain, RFH, ticket } from './report-fixtures.ts';

async function run(argv: string[], files: Record<string, string>, dirs: Record<string, string[]> = {}): Promise<MemoryRun> {
  const { io, result } = memoryIo(files, dirs);
  return result(await main(['report', ...argv], io));
}

// Week 2026-W48: 20 tickets, 2 RFHs (10.0%), one defect, one hand-off; week W47: 10 tickets, 1 RFH.
const tickets = [
  ...plain(1, 16, '2026-11-24'),
  ticket(17, '2026-11-25T10:00:00Z', [...RFH('search_core', 1), 'rfh_issue_7', 'rfh_suggested_team_web', 'rfh_suggested_priority_p1'], 'Acme <Corp>'),
  ticket(18, '2026-11-26T10:00:00Z', [...RFH('distribution', 2), 'rfh_issue_7'], 'Acme <Corp>'),
  ticket(19, '2026-11-26T10:00:00Z', [...RFH('web', 2), 'engage_defect']),
  ticket(20, '2026-11-26T10:00:00Z', ['engage_handoff_bizops']),
  ...plain(21, 9, '2026-11-17'),
  ticket(30, '2026-11-18T10:00:00Z', RFH('search_core', 0), 'Globex'),
];
const files = { 'export.json': JSON.stringify(tickets) };

describe('engage report', () => {
  it('prints the table by default: the rate in words, the weeks, teams, priorities, customers, issues, kept suggestions', async () => {
    const r = await run(['export.json'], files);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain("engage report: 30 tickets created 2026-09-07 to 2026-11-26 (12 ISO weeks, Monday to Sunday UTC; the end is the newest ticket's day)");
    expect(r.out).toContain("10.0% of tickets needed engineering's help (3 of 30), at the 10% goal.");
    expect(r.out).toMatch(/2026-W48\s+2026-11-23\s+20\s+2\s+10\.0%\s+1\s+1/);
    expect(r.out).toMatch(/2026-W47\s+2026-11-16\s+10\s+1\s+10\.0%\s+0\s+0/);
    expect(r.out).toMatch(/week\s+dist\s+s-core\n/);
    expect(r.out).toMatch(/Acme <Corp>\s+2/);
    expect(r.out).toMatch(/private#7\s+2/);
    expect(r.out).toContain('Team changed on tickets: 17');
    expect(r.out).toContain('needs the tracker: see the insights page');
  });

  it('prints one JSON object with stable field names', async () => {
    const r = await run(['export.json', '--format', 'json', '--weeks', '1'], files);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['period', 'goal', 'tickets', 'rfh_rate', 'weeks', 'teams', 'customers', 'issues', 'suggestions', 'handoffs', 'tracker']);
    expect(report.period).toEqual({ from: '2026-11-23', to: '2026-11-26', weeks: 1, end: 'newest-ticket' });
    expect(report.rfh_rate).toMatchObject({ tickets: 20, rfhs: 2, defects: 1, rate: 0.1 });
    expect(report.tickets).toMatchObject({ read: 30, in_period: 20, outside_period: 10 });
    expect(report.handoffs).toEqual({ total: 1, by_team: { bizops: 1 } });
  });

  it('takes --from and --to, both days included', async () => {
    const r = await run(['export.json', '--format', 'json', '--from', '2026-11-17', '--to', '2026-11-18'], files);
    const report = JSON.parse(r.out);
    expect(report.period).toEqual({ from: '2026-11-17', to: '2026-11-18', weeks: 1, end: 'option' });
    expect(report.rfh_rate).toMatchObject({ tickets: 10, rfhs: 1 });
  });

  it('writes one self-contained HTML page: inline SVG charts, each followed by its table, no network reference', async () => {
    const r = await run(['export.json', '--format', 'html', '--out', 'report.html'], files);
    expect(r.code).toBe(0);
    expect(r.out).toContain('wrote report.html');
    const html = r.written['report.html'] ?? '';
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toMatch(/<\/svg><\/figure><div class="scroll" role="region" tabindex="0" aria-label="[^"]+"><table>/); // the rate chart's numbers follow it
    expect(html).toContain('class="goal"');
    expect(html).toContain('prefers-color-scheme:dark');
    expect(html).toContain('Acme &#60;Corp&#62;');
    expect(html).not.toContain('Acme <Corp>');
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:|\/\/)/i);
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);
    expect(html).not.toContain('http');
  });

  it('names a ticket without a valid created_at, leaves it out and still prints the figures (exit 2)', async () => {
    const r = await run(['bad-date.json'], { 'bad-date.json': JSON.stringify([ticket(1, '2026-11-24T10:00:00Z', RFH('web', 1)), ticket(2, 'last Tuesday')]) });
    expect(r.code).toBe(2);
    expect(r.err).toContain('engage: bad-date.json: ticket 2: ticket.created_at "last Tuesday" is not a date');
    expect(r.out).toContain("100.0% of tickets needed engineering's help (1 of 1)");
    expect(r.out).toContain('1 without a valid created_at');
  });

  it('rejects bad input with a clear message and exit code 2', async () => {
    const missing = await run(['no-such-dir'], files);
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toBe('engage: no-such-dir: no such file or directory\n');

    const malformed = await run(['broken.json'], { 'broken.json': '{"ticket": {' });
    expect(malformed.code).toBe(2);
    expect(malformed.err).toMatch(/^engage: broken\.json: is not valid JSON/);

    const badFrom = await run(['export.json', '--from', '2026-02-30'], files);
    expect(badFrom.code).toBe(2);
    expect(badFrom.err).toContain('--from must be a day as YYYY-MM-DD, got "2026-02-30"');

    for (const [argv, message] of [
      [['export.json', '--from', '2026-11-20', '--to', '2026-11-01'], '--from 2026-11-20 is after --to 2026-11-01'],
      [['export.json', '--weeks', '0'], '--weeks must be a whole number'],
      [['export.json', '--weeks', '2', '--from', '2026-11-01'], '--weeks and --from'],
      [['export.json', '--format', 'html'], '--format html needs --out FILE'],
      [['export.json', '--format', 'csv'], '--format must be table, json or html'],
      [[], 'report needs a FILE'],
    ] as const) {
      const r = await run([...argv], files);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toContain(message);
    }
  });

  it('prints its help', async () => {
    const r = await run(['--help'], {});
    expect(r.code).toBe(0);
    expect(r.out).toContain("ending with the newest ticket's day");
    expect(r.out).toContain('engage_defect');
  });
});

describe('engage report on the repository bundles', () => {
  it('reads the sample tickets and every fixture folder without crashing', async () => {
    const { readFile } = await import('node:fs/promises');
    const { listBundleFiles } = await import('../../src/cli/node-io.ts');
    for (const dir of ['preview/tickets', 'test/fixtures/corpus', 'test/fixtures/checklist', 'test/fixtures/preview-tickets']) {
      let out = '';
      const io: CliIo = { out: (t) => void (out += t), err: () => undefined, readText: (p) => readFile(p, 'utf8'), listBundleFiles };
      for (const format of ['table', 'json']) {
        out = '';
        const code = await main(['report', dir, '--format', format], io);
        expect([0, 2], `${dir} ${format}`).toContain(code); // 2: the fixture folders hold malformed bundles on purpose
        expect(out, `${dir} ${format}`).toContain("of tickets needed engineering's help");
      }
    }
  });
});
