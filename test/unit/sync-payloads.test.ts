// The webhook events the preview makes for the engineer's actions (and the drills and bench feed the action) are
// what GitHub sends: each payload validates against GitHub's published webhook schemas (@octokit/webhooks-schemas),
// both its own event's definition and the schema as a whole.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../preview/app-server.ts';
import { performAction, type EngineerAction } from '../../preview/github/issue-page-events.ts';

const schemaPath = createRequire(import.meta.url).resolve('@octokit/webhooks-schemas');
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(JSON.parse(readFileSync(schemaPath, 'utf8')) as object, 'webhooks');

let preview: PreviewServer;
beforeAll(async () => {
  preview = await startPreview({ port: 0, settings: {} });
  // Compiling the whole schema (every event GitHub sends) is the slow part: once, before the test, with room for a
  // busy machine.
  ajv.getSchema('webhooks');
}, 120_000);
afterAll(async () => {
  await preview.close();
});

const actions: [EngineerAction, string][] = [
  [{ kind: 'comment', body: 'Can you share the logs?' }, 'issue_comment$created'],
  [{ kind: 'assign', login: 'search-oncall' }, 'issues$assigned'],
  [{ kind: 'label', name: 'bug' }, 'issues$labeled'],
  [{ kind: 'close', reason: 'not_planned' }, 'issues$closed'],
  [{ kind: 'reopen' }, 'issues$reopened'],
];

it('every engineer action yields a payload valid for its webhook event', async () => {
  const token = preview.githubApi.token;
  const created = await preview.standIn.handle({
    method: 'POST',
    path: '/repos/sourcegraph/customer/issues',
    query: new URLSearchParams(),
    headers: { authorization: `Bearer ${token}` },
    body: { title: 'Timeouts', body: 'Body' },
  });
  const number = (created.body as { number: number }).number;
  for (const [action, definition] of actions) {
    const event = await performAction(preview.standIn, token, { owner: 'sourcegraph', repo: 'customer', number }, action);
    expect(`${event.name}$${String(event.payload.action)}`).toBe(definition);
    const own = ajv.getSchema(`webhooks#/definitions/${definition}`)!;
    expect(own(event.payload) ? [] : own.errors, definition).toEqual([]);
    const whole = ajv.getSchema('webhooks')!;
    expect(whole(event.payload), `${definition} against the whole schema`).toBe(true);
  }
}, 120_000);
