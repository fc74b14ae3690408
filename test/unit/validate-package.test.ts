// `npm run package` end to end on packages written to a temp dir: the app lands at the zip's root, the zip is
// reproducible, source maps stay out, and a package over Zendesk's 2 MB fails with a non-zero exit.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'engage-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runPackage(dist: string, out: string): { code: number; out: string } {
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'package.ts'), '--dist', dist, '--out', out], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

function writeDist(dir: string, extra: Record<string, Uint8Array | string> = {}): void {
  const files: Record<string, Uint8Array | string> = {
    'manifest.json': JSON.stringify({ name: 'Engage', version: '9.8.7' }),
    'translations/en.json': '{"app":{"name":"Engage"}}',
    'assets/iframe.html': '<!doctype html><script type="module" src="./app.js"></script>',
    'assets/app.js': 'export {};',
    ...extra,
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

describe('scripts/package.ts', { timeout: 60_000 }, () => {
  it('zips the app with manifest.json at the root, leaves source maps out, and is reproducible', () => {
    const dist = join(work, 'dist-ok');
    writeDist(dist, { 'assets/app.js.map': '{"version":3}' });
    const first = runPackage(dist, work);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/engage-9\.8\.7\.zip — 4 files, \d+ bytes/);
    const zip = readFileSync(join(work, 'engage-9.8.7.zip'));
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(['assets/app.js', 'assets/iframe.html', 'manifest.json', 'translations/en.json']);
    expect(runPackage(dist, work).code).toBe(0);
    expect(readFileSync(join(work, 'engage-9.8.7.zip')).equals(zip)).toBe(true);
  });

  it('fails over 2 MB (incompressible content) and says so', () => {
    const dist = join(work, 'dist-big');
    writeDist(dist, { 'assets/huge.bin': randomBytes(2 * 1024 * 1024 + 1024) });
    const { code, out } = runPackage(dist, work);
    expect(code).toBe(1);
    expect(out).toMatch(/over Zendesk's 2 MB limit/);
  });

  it('explains a missing build', () => {
    const { code, out } = runPackage(join(work, 'nothing-here'), work);
    expect(code).toBe(1);
    expect(out).toMatch(/manifest\.json is missing; run npm run build first/);
  });
});
