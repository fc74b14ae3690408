// Playing the engineer in the preview: ticket A files an issue from the sidebar, ticket B is added to the same issue
// from its own sidebar (an "Added" comment with B's marker and B's write-back), then the engineer comments and closes on the stand-in's
// issue page. Each action runs the committed sync bundle as a workflow run would; both tickets get the notes and
// their sidebars show the issue closed. Needs `npm run build` first (npm test does it).
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { issueTag } from '../../src/core/links.ts';
import { EVENT_LINE_LEAD } from '../../sync/src/note.ts';
import { flowHarnessForFile, listIssues, slowly, tickAllAndFile, ticketState, waitForForm } from '../support/flow-steps.ts';
import { openTicket, type Harness } from '../support/harness.ts';

let h: Harness;
flowHarnessForFile('once', (started) => (h = started));

const A = 1003;
const B = 1005;

async function syncNotes(id: number): Promise<string[]> {
  const bundle = await ticketState(h, id);
  return bundle.comments.map((c) => c.body).filter((body) => body.trimEnd().split('\n').at(-1)!.startsWith(EVENT_LINE_LEAD));
}

async function submit(page: Page, formTestId: string): Promise<void> {
  // The post answers 303 back to the issue page: wait for that page, the one reached by the redirect.
  const back = page.waitForResponse((r) => r.request().method() === 'GET' && /\/issues\/\d+$/.test(r.url()) && r.request().redirectedFrom() !== null, {
    timeout: 60_000,
  });
  await page.getByTestId(formTestId).getByRole('button').click();
  await back;
  await page.waitForLoadState('domcontentloaded');
}

it("file from A, add B, comment and close as the engineer: both tickets get the notes, show the issue closed and what is new; A replies from the sidebar once", async () => {
  // 1. The agent files from ticket A in the sidebar.
  const { page: pageA, frame: appA } = await openTicket(h, A);
  await waitForForm(appA);
  await tickAllAndFile(appA);
  const [issue] = await listIssues(h);
  expect(issue).toBeDefined();
  const n = issue!.number;

  // 2. Ticket B joins the issue from its own sidebar: "Add this ticket to an existing issue…" by number (the
  // "Added" comment with B's line on GitHub, B's write-back in Zendesk).
  const { frame: appB } = await openTicket(h, B);
  await waitForForm(appB);
  await appB.getByTestId('link-existing-toggle').click();
  await appB.getByTestId('link-existing-input').fill(String(n));
  await appB.getByTestId('link-existing-button').click();
  await appB.locator(`[data-testid="linked-item"][data-number="${n}"]`).waitFor({ state: 'visible', timeout: 60_000 });
  expect((await ticketState(h, B)).ticket.tags).toContain(issueTag('private', n));

  // 3. The engineer opens the issue page: both tickets are listed.
  const gh = await h.context.newPage();
  await gh.goto(new URL(`/github/sourcegraph/customer/issues/${n}`, h.baseUrl).href);
  await expect.poll(() => gh.getByTestId('gh-issue-ticket').evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket')))).toEqual([String(A), String(B)]);

  // 4. Comment, then close; each runs the sync.
  await gh.getByTestId('gh-comment-body').fill('Fixed in 5.3.1 — please upgrade and tell us if the timeouts stop.');
  await submit(gh, 'gh-comment-form');
  await expect(gh.getByTestId('gh-sync-run').getAttribute('data-code')).resolves.toBe('0');
  expect(await gh.getByTestId('gh-sync-log').innerText()).toMatch(/2 note\(s\) added/);
  await submit(gh, 'gh-close-form');
  await expect(gh.getByTestId('gh-sync-run').getAttribute('data-code')).resolves.toBe('0');
  expect(await gh.getByTestId('gh-issue-state').innerText()).toBe('closed');

  // 5. Both tickets: exactly the two notes, internal, the closed tag; the ticket pages show them.
  for (const id of [A, B]) {
    const notes = await syncNotes(id);
    expect(notes, `notes on ${id}`).toHaveLength(2);
    expect(notes[0]).toContain('> Fixed in 5.3.1 — please upgrade and tell us if the timeouts stop.');
    expect(notes[1]).toMatch(new RegExp(`closed sourcegraph/customer#${n} `));
    const bundle = await ticketState(h, id);
    expect(bundle.comments.filter((c) => c.body.includes(EVENT_LINE_LEAD)).every((c) => c.public === false)).toBe(true);
    expect(bundle.ticket.tags).toContain('rfh_state_closed');
  }
  await expect.poll(() => pageA.getByTestId('conversation').innerText(), slowly).toContain('Fixed in 5.3.1');

  // 6. Their sidebars show the issue closed, and what is new since each agent last looked (A: since filing; B: since
  // it was added): the engineer's comment and the close, newest first.
  let replyFrom: Awaited<ReturnType<typeof openTicket>>['frame'] | null = null;
  for (const [id, page] of [[A, pageA], [B, undefined]] as const) {
    const { frame: app } = await openTicket(h, id, page ? { page } : {});
    await expect.poll(() => app.getByTestId('linked-issue-state').getAttribute('data-state'), slowly).toBe('closed');
    await expect.poll(() => app.getByTestId('news-count').getAttribute('data-count'), slowly).toBe('2');
    // A also sees B's "added" comment (from Engage: listed, not counted as unread).
    const kinds = id === A ? ['closed', 'comment', 'comment'] : ['closed', 'comment'];
    expect(await app.getByTestId('news-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(kinds);
    expect(await app.getByTestId('news').innerText()).toContain('Fixed in 5.3.1');
    if (id === A) replyFrom = app;
  }

  // 7. Agent A replies to engineering from the sidebar, quoting the customer: previewed first, posted once (a double
  // click), ending with the ticket's "posted" line, so the sync never echoes it back to the tickets.
  const app = replyFrom!;
  await app.getByTestId('reply-button').click();
  await app.getByTestId('reply-text').fill('The customer upgraded @eng-oncall, see #12 — thanks!');
  await app.getByTestId('reply-quote').locator('..').locator('label').click();
  await app.getByTestId('reply-preview-button').click();
  await app.getByTestId('reply-preview').waitFor({ state: 'visible', timeout: 30_000 });
  await app.getByTestId('reply-post').dblclick();
  await app.getByTestId('reply-posted').waitFor({ state: 'visible', timeout: 30_000 });
  const replies = (await new (await import('../support/control.ts')).Control(h.baseUrl).issueComments(n)).filter((c) => c.body.includes('The customer upgraded'));
  expect(replies).toHaveLength(1);
  expect(replies[0]!.body).toMatch(/@\u200Beng-oncall/);
  expect(replies[0]!.body).toMatch(/\n> /);
  expect(replies[0]!.body.trimEnd().split('\n').at(-1)).toBe(`Posted from Zendesk by Engage · ticket engage-preview ${A}`);
  await gh.close();
  // Two workflow runs (Node child processes) and four panel loads: room for a machine busy with other test runs.
}, 180_000);
