// Secrets never leave Zendesk (issue 15, item 2), in Chromium on the real ZAF SDK: a customer pasted a log, an env
// dump and a deploy key (sample ticket 1016). The preview lists what was masked (kind and where, never the value)
// before filing; the issue filed in the GitHub stand-in carries no credential; the ticket keeps the original.
// Needs `npm run build` first (npm test does it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { openTicket, type Harness } from '../support/harness.ts';
import { flowHarnessForFile, listIssues, openPreview, saveShot, tickAllAndFile, ticketState, waitForForm } from '../support/flow-steps.ts';

let h: Harness;
flowHarnessForFile('once', (started) => (h = started));

const ID = 1016;
const bundle = JSON.parse(readFileSync('preview/tickets/1016-keystone-pasted-credentials.json', 'utf8')) as TicketBundle;
const pasted = bundle.comments[0]!.body;
/** The credentials in the sample, read from it: each must be in the ticket and nowhere on GitHub. */
const SECRETS = [
  /token=(ghp_\w+)/,
  /postgres:\/\/sg:([^@]+)@/,
  /AWS_ACCESS_KEY_ID=(\S+)/,
  /AWS_SECRET_ACCESS_KEY=(\S+)/,
  /REDIS_PASSWORD=(\S+)/,
  /PRIVATE KEY-----\n(\S+)/,
].map((re) => re.exec(pasted)![1]!);

describe('secrets never leave Zendesk', () => {
  it('the preview lists what was masked and the filed issue carries no credential (ticket 1016)', async () => {
    expect(SECRETS).toHaveLength(6);
    const { page, frame } = await openTicket(h, ID);
    await waitForForm(frame);
    await openPreview(frame);

    const list = frame.getByTestId('masked-preview');
    await list.waitFor({ state: 'visible', timeout: 15_000 });
    const kinds = await list.locator('li[data-kind]').evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
    expect(new Set(kinds)).toEqual(new Set(['github-token', 'password', 'aws-access-key', 'aws-secret-key', 'private-key']));
    const listed = (await list.textContent()) ?? '';
    expect(listed).toContain('in message 1');
    expect(listed).toContain('REDIS_PASSWORD=[masked password]');
    const shown = `${listed}\n${(await frame.getByTestId('preview-body').textContent()) ?? ''}\n${await frame.getByTestId('preview-title').textContent()}`;
    for (const s of SECRETS) expect(shown).not.toContain(s);
    expect(shown).toContain('3f786850e387550fdab836ed7e6dc881de23001b'); // a commit SHA is debugging context, not a secret
    await saveShot(page, 'secrets-1016-preview');

    await tickAllAndFile(frame);
    const issue = (await listIssues(h)).find((i) => (i.body ?? '').includes(`-${ID}`));
    expect(issue, 'the filed issue').toBeDefined();
    const filed = `${issue!.title}\n${issue!.body ?? ''}`;
    for (const s of SECRETS) expect(filed).not.toContain(s);
    expect(filed.replace(/\\/g, '')).toContain('[masked GitHub token]');

    // The ticket keeps the original; the write-back note copies no customer text.
    const state = await ticketState(h, ID);
    expect(state.comments[0]!.body).toBe(pasted);
    const notes = state.comments.filter((c) => !c.public).map((c) => c.body).join('\n');
    for (const s of SECRETS) expect(notes).not.toContain(s);
    expect(h.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
    await page.close();
  });
});
