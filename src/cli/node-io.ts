// The commands' input on a real machine: the bundle files of a folder, and the text of a stream (stdin).
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The bundle files (`*.json`, `*.jsonl`, `*.ndjson`, not hidden) of a directory, sorted; null when `path` is a file. */
export async function listBundleFiles(path: string): Promise<string[] | null> {
  const s = await stat(path);
  if (!s.isDirectory()) return null;
  const names = (await readdir(path)).filter((n) => /\.(?:json|jsonl|ndjson)$/i.test(n) && !n.startsWith('.')).sort();
  return names.map((n) => join(path, n));
}

/** The whole stream as UTF-8 text. */
export async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
