// The CLI's io in memory, for tests that run `main` as the command line would: files and folders given as maps
// (a missing one fails as Node's ENOENT does), stdin for `-`, and what the command printed and wrote.
import type { CliIo } from '../../src/cli/io.ts';

export interface MemoryRun {
  code: number;
  out: string;
  err: string;
  written: Record<string, string>;
}

export function memoryIo(
  files: Record<string, string>,
  dirs: Record<string, string[]> = {},
  stdin = '',
): { io: CliIo; result: (code: number) => MemoryRun } {
  let out = '';
  let err = '';
  const written: Record<string, string> = {};
  const missing = (path: string) => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  const io: CliIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readText: async (path) => {
      if (path === '-') return stdin;
      const text = files[path];
      if (text === undefined) throw missing(path);
      return text;
    },
    listBundleFiles: async (path) => {
      if (dirs[path]) return dirs[path] ?? null;
      if (files[path] === undefined) throw missing(path);
      return null;
    },
    writeText: async (path, text) => void (written[path] = text),
  };
  return { io, result: (code) => ({ code, out, err, written }) };
}
