// The headless Chromium of the npm package @sparticuz/chromium, for machines with Node alone. Its
// `executablePath()` unpacks the browser into the temp folder (/tmp/chromium, fonts, SwiftShader) and returns the
// path. Two more things a bare Linux needs, which the package only does on AWS Lambda:
// - the NSS and expat libraries the browser links against (libnss3 is not in a Node-only image): the package ships
//   them in bin/al2023.tar.br; when the system lacks any of them (ldd says "not found"), they go to <tmp>/al2023/lib
//   and onto the browser's LD_LIBRARY_PATH (only then: a system's own copies match its C library);
// - a font: without /etc/fonts (no fontconfig installed) Chromium would draw no text at all, so the package's
//   fonts.conf (Open Sans in <tmp>/fonts) is used then.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { FoundChromium } from './browser.ts';

/** The package's folder, or null when it is not installed (e.g. `npm install --omit=dev`). */
function packageDir(): string | null {
  try {
    // Its exports map hides package.json; the CommonJS entry is build/cjs/index.cjs.
    return join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', '..');
  } catch {
    return null;
  }
}

/**
 * Run `work` while holding a lock folder in the temp folder: vitest runs test files in several processes, and two
 * of them unpacking the same 190 MB file at once would hand one of them a half-written browser.
 */
async function withUnpackLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), 'engage-chromium-unpack.lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than any unpack takes is left over from a killed process.
      const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : 0;
      if (age > 120_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`@sparticuz/chromium: ${lock} stayed locked for 3 minutes; remove it and retry`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Unpack bin/al2023.tar.br (a .tar compressed with brotli) into <tmp>/al2023; returns its lib folder. */
function unpackLibraries(binDir: string): string {
  const target = join(tmpdir(), 'al2023');
  const lib = join(target, 'lib');
  if (existsSync(join(lib, 'libnss3.so'))) return lib;
  mkdirSync(target, { recursive: true });
  const tar = brotliDecompressSync(readFileSync(join(binDir, 'al2023.tar.br')));
  // tar is part of every Linux base system (Debian marks it essential), and the bundled browser is Linux-only.
  const done = spawnSync('tar', ['-x', '-C', target], { input: tar });
  if (done.status !== 0) throw new Error(`@sparticuz/chromium: could not unpack its libraries: ${String(done.stderr).trim() || done.error}`);
  return lib;
}

/** Whether the dynamic linker finds every library `executable` needs on this system. */
function systemHasLibraries(executable: string): boolean {
  const ldd = spawnSync('ldd', [executable], { encoding: 'utf8' });
  return ldd.status === 0 && !ldd.stdout.includes('not found');
}

/**
 * The bundled browser, unpacked once per version (a marker file says an unpack finished; without it a browser at
 * the package's path may be half-written or another version, and is unpacked again). A string says why there is
 * none: the package is not installed, or this is not Linux x64.
 */
export async function bundledChromium(): Promise<FoundChromium | string> {
  const dir = packageDir();
  if (!dir) return 'run `npm install` to get @sparticuz/chromium';
  if (process.platform !== 'linux' || process.arch !== 'x64') return 'use Linux x64, the only platform @sparticuz/chromium ships a browser for';
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const binDir = join(dir, 'bin');
  const ready = join(tmpdir(), `engage-sparticuz-chromium-${version}.ready`);
  // Imported only now: a machine with a browser of its own never loads the package. ESM with a default export; its
  // executablePath() is async in 143.x.
  const { default: Chromium } = await import('@sparticuz/chromium');
  const executablePath = await withUnpackLock(async () => {
    const unpacked = join(tmpdir(), 'chromium');
    if (!existsSync(ready)) rmSync(unpacked, { force: true });
    const path = await Chromium.executablePath(binDir);
    unpackLibraries(binDir);
    writeFileSync(ready, `${path}\n`);
    return path;
  });
  const env: Record<string, string> = {};
  if (!systemHasLibraries(executablePath)) {
    env.LD_LIBRARY_PATH = [join(tmpdir(), 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  }
  if (!existsSync('/etc/fonts/fonts.conf')) env.FONTCONFIG_PATH = join(tmpdir(), 'fonts');
  return { executablePath, source: `@sparticuz/chromium ${version}`, env };
}
