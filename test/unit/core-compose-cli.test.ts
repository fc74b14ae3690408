import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { runCompose, subdomainOf } from '../../src/cli/compose.ts';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { bundle } from './core-compose-fixture.ts';

function memoryIo(files: Record<string, string>): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    async readText(path: string) {
      const f = files[path];
      if (f === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return f;
    },
    async listBundleFiles() {
      return null;
    },
  };
  return io;
}

const engineering = bundle({
  messages: [{ from: 'customer', body: 'Our Kubernetes deployment: frontend pods crash-loop after the helm upgrade. Hi @ops!' }],
});
const license = {
  ...bundle({ subject: 'License key expired', messages: [{ from: 'customer', body: 'Our license key expired, we need a renewal of the subscription.' }] }),
};
license.ticket = { ...license.ticket, id: 5, url: 'https://acme.zendesk.com/api/v2/tickets/5.json' };

describe('engage compose', () => {
  it('prints the GitHub request for each ticket as one JSON line', async () => {
    const io = memoryIo({ 't.json': JSON.stringify(engineering) });
    expect(await runCompose(['t.json'], io)).toBe(0);
    const lines = io.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    const [req] = lines;
    expect(Object.keys(req)).toEqual(['ticket_id', 'owner', 'repo', 'title', 'body', 'labels']);
    expect(req).toMatchObject({ ticket_id: 4242, owner: 'sourcegraph', repo: 'customer', title: 'Acme Corp: Frontend pods crash-loop after upgrade' });
    expect(req.labels).toEqual(['customer/acme-corp', 'rfh', expect.stringMatching(/^ce\/p[0-3]$/), 'team/distribution']);
    expect(req.body).toContain('Hi @\u200Bops!');
    expect(req.body).toContain('engage-zendesk-engage-preview-4242');
    expect(io.stderr).toBe('');
  });

  it('honours --tracker, --kind, --subdomain and reports redactions for the public tracker', async () => {
    const io = memoryIo({ 't.json': JSON.stringify(engineering) });
    expect(await runCompose(['--tracker', 'public', '--kind=defect', '--subdomain', 'sourcegraph', 't.json'], io)).toBe(0);
    const req = JSON.parse(io.stdout);
    expect([req.owner, req.repo]).toEqual(['sourcegraph', 'sourcegraph']);
    expect(req.labels).not.toContain('rfh');
    expect(req.labels.some((l: string) => l.startsWith('customer/'))).toBe(false);
    expect(req.body).toContain('## Defect:');
    expect(req.body).toContain('engage-zendesk-sourcegraph-4242');
    expect(req.body).not.toMatch(/Acme|Jane/);
    expect(Array.isArray(req.redactions)).toBe(true);
  });

  it('prints no credential a customer pasted, in either tracker, and says what it masked', async () => {
    const pasted = readFileSync('preview/tickets/1016-keystone-pasted-credentials.json', 'utf8');
    const secrets = ['ghp_K3ystoneFr8ightT0ken', 'Fr8ight-Pg-2026', 'AKIAKEYSTONE7FR8IGHT', 'Jb8xKeYsToNe', 'r3dis-Keyst0ne', 'MIIEowIBAAKCAQEAxKeystone'];
    for (const tracker of ['private', 'public']) {
      const io = memoryIo({ 'p.json': pasted });
      expect(await runCompose(['--tracker', tracker, 'p.json'], io)).toBe(0);
      for (const s of secrets) expect(io.stdout).not.toContain(s);
      const req = JSON.parse(io.stdout);
      if (tracker === 'private') expect(req.masked.map((m: { kind: string }) => m.kind)).toContain('github-token');
      else expect(req.redactions.some((r: { secret?: string }) => r.secret === 'private-key')).toBe(true);
    }
  });

  it('prints the hand-off for teams that take no GitHub issue', async () => {
    const io = memoryIo({ 'l.json': JSON.stringify(license) });
    expect(await runCompose(['l.json'], io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out).toMatchObject({ ticket_id: 5, team: 'ce-sales', handoff: { channel: '#ce' } });
    expect(out.handoff.message).toContain('https://acme.zendesk.com/agent/tickets/5');
    expect(out).not.toHaveProperty('body');
  });

  it('adds follow-up comments when the body is too long', async () => {
    const huge = bundle({ messages: Array.from({ length: 60 }, (_, i) => ({ from: 'customer' as const, body: `part ${i} ${'x '.repeat(1500)}` })) });
    const io = memoryIo({ 'h.json': JSON.stringify(huge) });
    expect(await runCompose(['h.json'], io)).toBe(0);
    const req = JSON.parse(io.stdout);
    expect(req.comments.length).toBeGreaterThan(0);
    expect(req.body.length).toBeLessThanOrEqual(65536);
  });

  it('reads standard input with the stream io (stdin stream, stdout and stderr writers)', async () => {
    let stdout = '';
    let stderr = '';
    const code = await runCompose(['-'], {
      stdin: Readable.from([JSON.stringify([engineering, license])]),
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
    });
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(2);
    expect(stderr).toBe('');
  });

  it('names the file, ticket and field of a malformed bundle and exits 2, still printing the good ones', async () => {
    const bad = { ...engineering, ticket: { ...engineering.ticket, id: 'x' } };
    const io = memoryIo({ 'mix.json': JSON.stringify([engineering, bad]) });
    expect(await runCompose(['mix.json'], io)).toBe(2);
    expect(io.stdout.trim().split('\n')).toHaveLength(1);
    expect(io.stderr).toMatch(/mix\.json/);
  });

  it('rejects bad options with exit 2 and the usage', async () => {
    let stderr = '';
    const code = await runCompose(['--kind', 'bug', 'x.json'], { stdin: Readable.from([]), stdout: () => {}, stderr: (s) => (stderr += s) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--kind must be rfh or defect/);
    const io = memoryIo({});
    expect(await runCompose(['--help'], io)).toBe(0);
    expect(io.stdout).toMatch(/^Usage: engage compose/);
  });

  it('is what `engage compose` runs', async () => {
    const io = memoryIo({ 't.json': JSON.stringify(engineering) });
    expect(await main(['compose', 't.json'], io)).toBe(0);
    expect(JSON.parse(io.stdout).owner).toBe('sourcegraph');
  });

  it('composes every ticket of the corpus without error', async () => {
    const dir = 'test/fixtures/corpus';
    const { readdirSync } = await import('node:fs');
    const files = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, readFileSync(`${dir}/${f}`, 'utf8')]));
    for (const tracker of ['private', 'public']) {
      const io = memoryIo(files);
      expect(await runCompose(['--tracker', tracker, ...Object.keys(files)], io)).toBe(0);
      const lines = io.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines).toHaveLength(Object.keys(files).length);
      for (const l of lines) {
        if ('handoff' in l) continue;
        expect(l.body).not.toMatch(/@(?!\u200B)/);
        expect(l.body).not.toMatch(/#\d/);
        if (tracker === 'public') expect(l.labels.some((x: string) => x.startsWith('customer/'))).toBe(false);
      }
    }
  });

  it('reads the subdomain from the ticket URL', () => {
    expect(subdomainOf(license)).toBe('acme');
    expect(subdomainOf(engineering)).toBeNull();
  });
});
