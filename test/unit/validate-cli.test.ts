// `npm run validate` end to end: reads a package folder or zip from disk, prints each problem with its fix, and
// sets the exit code from the errors. Runs the script in a child process on packages written to a temp dir.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { requireBuild } from '../support/dist.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'engage-validate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(target: string): { code: number; out: string } {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'validate.ts'), target], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

function writePackage(dir: string, manifestEdit?: (m: Record<string, unknown>) => void): void {
  cpSync(join(root, 'translations', 'en.json'), join(dir, 'translations', 'en.json'), { recursive: true });
  cpSync(join(root, 'assets', 'logo.png'), join(dir, 'assets', 'logo.png'));
  cpSync(join(root, 'assets', 'logo-small.png'), join(dir, 'assets', 'logo-small.png'));
  writeFileSync(join(dir, 'assets', 'iframe.html'), '<!doctype html><script type="module" src="./app.js"></script>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'export {};');
  // The insights page (support.nav_bar) and its icon.
  writeFileSync(join(dir, 'assets', 'insights.html'), '<!doctype html><script type="module" src="./app.js"></script>');
  cpSync(join(root, 'assets', 'icon_nav_bar.svg'), join(dir, 'assets', 'icon_nav_bar.svg'));
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  manifestEdit?.(manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
}

// Each case starts a Node process with tsx (1–3 s on a busy machine), hence the generous timeout.
describe('scripts/validate.ts', { timeout: 60_000 }, () => {
  it('passes a correct package folder with exit code 0', () => {
    const dir = join(work, 'good');
    writePackage(dir);
    const { code, out } = run(dir);
    expect(out).toContain('0 error(s), 0 warning(s)');
    expect(code).toBe(0);
  });

  it('fails a broken package with exit code 1 and prints each problem with its fix', () => {
    const dir = join(work, 'bad');
    writePackage(dir, (m) => {
      delete m.frameworkVersion;
      (m.parameters as Record<string, unknown>[])[0]!.default = 'ghp_example';
    });
    const { code, out } = run(dir);
    expect(code).toBe(1);
    expect(out).toContain('ERROR [manifest.required] manifest.json has no "frameworkVersion".');
    expect(out).toContain('fix: Add "frameworkVersion": "2.0".');
    expect(out).toContain('[parameters.secret-default]');
  });

  it('exits 0 with only warnings', () => {
    const dir = join(work, 'warn');
    writePackage(dir, (m) => delete (m.parameters as Record<string, unknown>[])[0]!.scopes);
    const { code, out } = run(dir);
    expect(out).toContain('0 error(s), 1 warning(s)');
    expect(out).toContain('WARN  [parameters.secure-without-scopes]');
    expect(code).toBe(0);
  });

  it('checks a zip: the contents of dist at its root pass, the dist folder zipped fails', () => {
    const dir = join(work, 'zipme');
    writePackage(dir);
    const files = ['manifest.json', 'translations/en.json', 'assets/iframe.html', 'assets/app.js', 'assets/logo.png', 'assets/logo-small.png', 'assets/insights.html', 'assets/icon_nav_bar.svg'];
    const entries = Object.fromEntries(files.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]));
    writeFileSync(join(work, 'good.zip'), zipSync(entries));
    writeFileSync(join(work, 'nested.zip'), zipSync({ dist: entries }));
    expect(run(join(work, 'good.zip')).code).toBe(0);
    const nested = run(join(work, 'nested.zip'));
    expect(nested.code).toBe(1);
    expect(nested.out).toContain('[package.nested-manifest]');
  });

  it('explains a missing target', () => {
    const { code, out } = run(join(work, 'nowhere'));
    expect(code).toBe(1);
    expect(out).toMatch(/does not exist; run npm run build/);
  });

  // npm test builds before running vitest, so the real package is checked on every test run; run by hand without a
  // build, this fails and says to build (a skip would pass unnoticed).
  it('passes the built dist/ without errors', () => {
    requireBuild();
    const { code, out } = run(join(root, 'dist'));
    expect(out, out).toMatch(/validate .*dist\/: 0 error\(s\)/);
    expect(code, out).toBe(0);
  });
});
