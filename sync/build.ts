// Builds the action's bundle, sync/dist/index.js, from sync/src (npm run build:sync). The Actions runner runs the
// committed file as it is (no install step), so everything is bundled. The output is deterministic (no time, no
// absolute path, no source map), so test/unit/sync-bundle.test.ts can rebuild it in memory and compare.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_PATH = join(REPO_ROOT, 'sync', 'dist', 'index.js');

/** The bundle's text, built in memory. */
export async function buildSyncBundle(): Promise<string> {
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: ['sync/src/index.ts'],
    bundle: true,
    write: false,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile: 'sync/dist/index.js',
    // Some bundled CommonJS modules require Node's built-ins; an ES module has no `require` of its own.
    banner: { js: "import { createRequire as __engageCreateRequire } from 'node:module';\nconst require = __engageCreateRequire(import.meta.url);" },
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await buildSyncBundle();
  await mkdir(dirname(BUNDLE_PATH), { recursive: true });
  await writeFile(BUNDLE_PATH, text);
  console.log(`wrote ${BUNDLE_PATH.slice(REPO_ROOT.length + 1)} (${Math.round(Buffer.byteLength(text) / 1024)} KB)`);
}
