// Fault drills for linking: GitHub refusing or failing while a ticket is added to an existing issue (403, 404,
// 422, 5xx whose comment did land, a rate limit) and while the similar issues are searched (the search's rate limit,
// a 5xx). Each through the real panel in Chromium against the preview: a clear Garden alert (or, for the search, one
// line that blocks nothing), the draft intact, and a retry that leaves exactly one marker comment for the ticket on
// the issue and one note on the ticket.
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { linkLine, linkedTickets } from '../../src/core/issue-markers.ts';
import type { FaultRule } from '../../preview/github/standin.ts';
import { TICKET_IDS, typicalTicket } from '../support/bundles.ts';
import type { DrillEnv } from '../support/drill-env.ts';
import { drillEnvForFile, openPrepared, type OpenedDrill } from '../support/drill-scenario.ts';
import { readDraft } from '../support/panel.ts';

const FIRST = TICKET_IDS.typical;
const SECOND = TICKET_IDS.firstSpare;
const COMMENT = { method: 'POST', path: '^/repos/sourcegraph/customer/issues/1/comments$' };
const SEARCH = { method: 'GET', path: '^/search/issues$' };
let env: DrillEnv;
drillEnvForFile([typicalTicket(FIRST), typicalTicket(SECOND, 'gitserver keeps getting OOMKilled since the 5.2.3 upgrade')], {}, (started) => (env = started));

/** The first customer's issue, as Engage files it (its body ends with the first ticket's link line): #1. */
async function seedIssue(): Promise<void> {
  const answer = await env.preview.standIn.handle(
    {
      method: 'POST',
      path: '/repos/sourcegraph/customer/issues',
      query: new URLSearchParams(),
      headers: { authorization: `Bearer ${env.token}` },
      body: {
        title: 'Acme: gitserver pods OOMKilled after upgrading to 5.2.3',
        body: `gitserver pods OOMKilled on Kubernetes after the Helm upgrade to 5.2.3\n\n${linkLine('filed', { subdomain: 'engage-preview', ticketId: FIRST })}`,
        labels: ['customer/acme', 'rfh'],
      },
    },
    { internal: true },
  );
  expect(answer.status).toBe(201);
}

async function openSecond(): Promise<OpenedDrill> {
  await env.control.reset();
  await seedIssue();
  return openPrepared(env, SECOND);
}

async function addByNumber(app: Frame, number: string): Promise<void> {
  const input = app.getByTestId('link-existing-input');
  if (!(await input.isVisible())) await app.getByTestId('link-existing-toggle').click();
  await input.fill(number);
  await app.getByTestId('link-existing-button').click();
}

async function linkError(app: Frame): Promise<{ code: string | null; text: string }> {
  const alert = app.getByTestId('link-error');
  await alert.waitFor({ state: 'visible', timeout: 30_000 });
  return { code: await alert.getAttribute('data-error-code'), text: await alert.innerText() };
}

async function expectLinkedOnce(app: Frame): Promise<void> {
  await app.locator('[data-testid="linked-item"][data-number="1"]').waitFor({ state: 'visible', timeout: 30_000 });
  const comments = await env.control.issueComments(1);
  expect(comments.filter((c) => linkedTickets('', [c]).some((t) => t.ticketId === SECOND))).toHaveLength(1);
  const notes = (await env.control.ticketState(SECOND)).comments.filter((c) => !c.public && c.body.startsWith('Engage added this ticket'));
  expect(notes).toHaveLength(1);
}

/** Add, meet the fault, read the alert, retry with the alert's own button (after `recover`), linked once. */
async function addDrill(s: { fault: FaultRule; code: string; mention: RegExp; recover?: () => Promise<void> }): Promise<void> {
  const opened = await openSecond();
  const { app } = opened;
  try {
    await env.control.addGitHubFault(s.fault);
    await addByNumber(app, '1');
    const alert = await linkError(app);
    expect(alert.code).toBe(s.code);
    expect(alert.text).toMatch(s.mention);
    expect(alert.text.split('\n').filter((l) => l.trim()).length).toBeGreaterThanOrEqual(3);
    expect(alert.text).not.toMatch(/\{\{|undefined|\[object Object\]|TypeError/);
    expect(await readDraft(app), 'the draft after the error').toEqual(opened.draft);
    await (s.recover ?? (() => env.control.clearFaults().then(() => undefined)))();
    const retry = app.getByTestId('link-error').getByTestId('retry-button');
    await expect.poll(() => retry.isEnabled(), { timeout: 30_000 }).toBe(true);
    await retry.click();
    await expectLinkedOnce(app);
  } finally {
    await opened.drill.close();
  }
}

describe('adding to an existing issue when GitHub refuses or fails', () => {
  it('403 on the comment (the token may not write there) → names the repository; retry links once', async () => {
    await addDrill({
      fault: { ...COMMENT, status: 403, body: { message: 'Resource not accessible by integration' } },
      code: 'github_no_push',
      mention: /sourcegraph\/customer/,
    });
  });

  it('404: an issue number that does not exist → says the issue is missing; the right number links once', async () => {
    const opened = await openSecond();
    const { app } = opened;
    try {
      await addByNumber(app, '99');
      const alert = await linkError(app);
      expect(alert.code).toBe('github_issue_not_found');
      expect(alert.text).toMatch(/sourcegraph\/customer#99/);
      await addByNumber(app, '1');
      await expectLinkedOnce(app);
    } finally {
      await opened.drill.close();
    }
  });

  it('422 on the comment → GitHub’s reason; retry links once', async () => {
    await addDrill({
      fault: { ...COMMENT, status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'IssueComment', field: 'body', code: 'custom', message: 'body is too long' }] } },
      code: 'github_validation',
      mention: /body/,
    });
  });

  it('502 after the comment landed → "not answering"; the retry finds the comment and posts no second one', async () => {
    await addDrill({ fault: { ...COMMENT, status: 502, commitThenFail: true }, code: 'github_unavailable', mention: /502/ });
  });

  it('rate limited twice on the comment (the automatic wait used) → the countdown, then the retry links once', async () => {
    await addDrill({
      fault: { ...COMMENT, status: 429, headers: { 'retry-after': '1' }, times: 2 },
      code: 'github_rate_limited',
      mention: /slow down|too many/i,
      recover: async () => undefined,
    });
  });
});

describe('the similar issues when GitHub’s search is limited or failing', () => {
  for (const [name, fault, testId] of [
    ['its rate limit (30 a minute)', { ...SEARCH, status: 403, headers: { 'retry-after': '45', 'x-ratelimit-remaining': '0' }, body: { message: 'API rate limit exceeded' } }, 'similar-limited'],
    ['a 503', { ...SEARCH, status: 503, times: 5 }, 'similar-failed'],
  ] as const) {
    it(`${name}: one line, nothing blocked; the ticket is still added by number once`, async () => {
      await env.control.reset();
      await seedIssue();
      await env.control.addGitHubFault(fault);
      const opened = await openPrepared(env, SECOND);
      const { app } = opened;
      try {
        const line = app.getByTestId(testId);
        await line.waitFor({ state: 'visible', timeout: 30_000 });
        if (testId === 'similar-limited') expect(await line.innerText()).toMatch(/45 s/);
        expect(await app.getByTestId('file-button').isEnabled()).toBe(true);
        await env.control.clearFaults();
        await addByNumber(app, '1');
        await expectLinkedOnce(app);
      } finally {
        await opened.drill.close();
      }
    });
  }
});
