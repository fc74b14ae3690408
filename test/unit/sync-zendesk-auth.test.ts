// The preview's direct Zendesk API (what the sync action calls) demands Zendesk's API-token basic auth and answers a
// missing or wrong one as Zendesk does; the app's own path through /__zaf/request (the agent's session) needs none.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../preview/app-server.ts';
import { basicAuthHeader } from '../../preview/zendesk-auth.ts';

let preview: PreviewServer;
beforeAll(async () => {
  preview = await startPreview({ port: 0, settings: {}, zendeskApi: { email: 'sync@engage-preview.example', token: 'preview-token-1' } });
}, 60_000);
afterAll(async () => {
  await preview.close();
});

const get = (authorization?: string) =>
  fetch(`${preview.url}api/v2/tickets/1001.json`, { headers: authorization ? { authorization } : {} });

it('refuses no credentials, a wrong token, a password login and another user with 401 "Couldn\'t authenticate you"', async () => {
  const b64 = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;
  for (const auth of [undefined, b64('sync@engage-preview.example/token:wrong'), b64('sync@engage-preview.example:preview-token-1'), b64('other@engage-preview.example/token:preview-token-1'), 'Bearer preview-token-1']) {
    const res = await get(auth);
    expect(res.status, String(auth)).toBe(401);
    expect(await res.json()).toEqual({ error: "Couldn't authenticate you" });
  }
});

it('accepts {email}/token:{token} (the e-mail in any case) and exposes the credentials from startPreview', async () => {
  expect(preview.zendeskApi).toEqual({ email: 'sync@engage-preview.example', token: 'preview-token-1' });
  expect((await get(basicAuthHeader(preview.zendeskApi))).status).toBe(200);
  expect((await get(basicAuthHeader({ email: 'SYNC@engage-preview.example', token: 'preview-token-1' }))).status).toBe(200);
});

it("the app's path through /__zaf/request is unchanged (the agent's session)", async () => {
  const res = await fetch(`${preview.url}__zaf/request`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ticketId: 1001, options: { url: '/api/v2/tickets/1001.json', type: 'GET' } }),
  });
  expect(((await res.json()) as { status: number }).status).toBe(200);
});
