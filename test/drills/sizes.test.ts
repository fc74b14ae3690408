// Size drill: a ticket with 500 comments and 2 MB of pasted log text (plus text attachments). The panel must render
// and file it; GitHub's 65,536-character limit holds for the body and every follow-up comment, and nothing of the
// conversation is lost across them. Timings are measured and printed, never asserted (npm run bench is for speed).
import { expect, it } from 'vitest';
import type { DrillEnv } from '../support/drill-env.ts';
import { TICKET_IDS, hugeTicket } from '../support/bundles.ts';
import { openTicket } from '../support/harness.ts';
import { clickFile, pumpClockUntil, readyToFile } from '../support/panel.ts';
import { drillEnvForFile, expectExactlyOneIssue } from '../support/drill-scenario.ts';

const ID = TICKET_IDS.huge;
const bundle = hugeTicket(ID, 500, 2_000_000);
const LIMIT = 65_536;
let env: DrillEnv;
drillEnvForFile([bundle], { settings: { require_checklist: 'false' } }, (started) => (env = started));

it('500 comments / 2 MB of text: renders, stays responsive, files within GitHub limits, loses nothing', async () => {
  const textChars = bundle.comments.reduce((s, c) => s + c.body.length, 0);
  expect(bundle.comments).toHaveLength(500);
  expect(textChars).toBeGreaterThanOrEqual(2_000_000);
  await env.control.reset();
  const { page, close } = await env.newPage();
  try {
    await page.clock.install();
    const t0 = Date.now();
    const { frame: app } = await openTicket(env, ID, { page, until: 'team-decision', timeoutMs: 90_000 });
    const shownMs = Date.now() - t0;

    // Responsive: the page answers input while the panel holds the big ticket (measured, printed, not asserted).
    const t1 = Date.now();
    await app.getByTestId('details-toggle').click();
    await app.getByTestId('details').waitFor();
    const detailsMs = Date.now() - t1;
    const t2 = Date.now();
    await app.getByTestId('issue-preview').getByRole('button').first().click();
    await app.getByTestId('preview-body').waitFor({ timeout: 60_000 });
    const previewMs = Date.now() - t2;
    const previewChars = (await app.getByTestId('preview-body').innerText()).length;
    expect(previewChars).toBeLessThanOrEqual(LIMIT);

    await readyToFile(app);
    const t3 = Date.now();
    await clickFile(app);
    // GitHub asks for ~3 s between content-creating calls: the app paces its follow-up comments; skip the pauses.
    await pumpClockUntil(page, async () => (await app.getByTestId('filed-issue-link').count()) > 0, { stepMs: 3_000, timeoutMs: 120_000 });
    const fileMs = Date.now() - t3;
    expect(await app.getByTestId('followups-warning').count(), 'all follow-up comments posted').toBe(0);

    const issue = await expectExactlyOneIssue(env, ID);
    const full = await env.control.issue(issue.number);
    const comments = await env.control.issueComments(issue.number);
    const parts = [full.body ?? '', ...comments.map((c) => c.body)];
    for (const [i, part] of parts.entries()) expect(part.length, `part ${i} length`).toBeLessThanOrEqual(LIMIT);
    expect(comments.length).toBeGreaterThanOrEqual(Math.floor(textChars / LIMIT));
    // Every comment's end marker made it, in order.
    const all = parts.join('\n');
    let at = 0;
    for (let i = 0; i < bundle.comments.length; i++) {
      const marker = new RegExp(`END-OF-COMMENT-${i}(?!\\d)`, 'g');
      marker.lastIndex = at;
      const next = marker.exec(all)?.index ?? -1;
      expect(next, `END-OF-COMMENT-${i} in order`).toBeGreaterThan(-1);
      at = next;
    }
    console.info(
      `sizes drill: ${textChars} chars in 500 comments → body ${full.body?.length} + ${comments.length} follow-ups; ` +
        `suggestions after ${shownMs} ms, details ${detailsMs} ms, preview ${previewMs} ms, filing ${fileMs} ms (wall clock, pacing skipped)`,
    );
  } finally {
    await close();
  }
});
