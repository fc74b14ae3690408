// The committed action bundle must be what sync/src builds today: the Actions runner runs sync/dist/index.js as
// committed, so a change to sync/src (or to the src/core modules it bundles) without `npm run build:sync` would ship
// old code.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { BUNDLE_PATH, buildSyncBundle } from '../../sync/build.ts';

it('sync/dist/index.js is up to date with sync/src (run `npm run build:sync` and commit it)', async () => {
  const [fresh, committed] = await Promise.all([buildSyncBundle(), readFile(BUNDLE_PATH, 'utf8')]);
  // Compared by length and hash first so a mismatch prints one line, not a megabyte.
  const { createHash } = await import('node:crypto');
  const hash = (s: string) => createHash('sha256').update(s).digest('hex');
  expect({ length: committed.length, sha256: hash(committed) }).toEqual({ length: fresh.length, sha256: hash(fresh) });
}, 60_000);

it('the build is deterministic (two builds, one text) and names no path of this machine', async () => {
  const [a, b] = await Promise.all([buildSyncBundle(), buildSyncBundle()]);
  expect(a === b).toBe(true);
  expect(a.includes(process.cwd())).toBe(false);
}, 60_000);

it('action.yml runs the bundle on node20 with the inputs the design fixes', async () => {
  const yml = await readFile(new URL('../../sync/action.yml', import.meta.url), 'utf8');
  expect(yml).toMatch(/^runs:\n {2}using: node20\n {2}main: dist\/index\.js$/m);
  for (const input of ['zendesk-subdomain', 'zendesk-email', 'zendesk-api-token', 'reopen-on-close', 'comments', 'ignore-actors', 'zendesk-api-url', 'github-token']) {
    expect(yml, input).toMatch(new RegExp(`^ {2}${input}:$`, 'm'));
  }
});
