// Fault drills, Zendesk refusing the write-back (403, 409, 500, dropped connection) after the issue was created:
// the agent keeps the issue link, sees why the ticket is not linked yet, and "Retry linking" writes back once —
// the issue is never filed again and the ticket ends up with exactly one internal note and the tags.
import { describe, expect, it } from 'vitest';
import type { DrillEnv } from '../support/drill-env.ts';
import { TICKET_IDS, typicalTicket } from '../support/bundles.ts';
import { clickRetry, drillEnvForFile, expectExactlyOneIssue, openPrepared } from '../support/drill-scenario.ts';
import { clickFile, waitForIssueLink } from '../support/panel.ts';

const ID = TICKET_IDS.typical;
// The write-back carries the internal note; filing's claim (a safe update of the same ticket) does not.
const WRITE_BACK = { method: 'PUT', path: `^/api/v2/tickets/${ID}\\.json$`, bodyMatch: '"comment"' };
let env: DrillEnv;
drillEnvForFile([typicalTicket(ID)], {}, (started) => (env = started));

const cases: { name: string; fault: Record<string, unknown>; mention: RegExp }[] = [
  { name: '403 (no permission on the ticket)', fault: { status: 403 }, mention: /403/ },
  { name: '409 (the ticket changed meanwhile)', fault: { status: 409 }, mention: /409/ },
  { name: '500 (Zendesk failed)', fault: { status: 500 }, mention: /500/ },
];

describe('Zendesk refuses the write-back', () => {
  for (const c of cases) {
    it(`${c.name}: link kept, "not linked" alert, Retry linking writes back once`, async () => {
      await env.control.reset();
      const opened = await openPrepared(env, ID);
      const { app } = opened;
      try {
        await env.control.addZendeskFault({ ...WRITE_BACK, ...c.fault });
        await clickFile(app);
        const link = await waitForIssueLink(app);
        const status = app.getByTestId('writeback-status');
        await expect.poll(() => status.getAttribute('data-state')).toBe('failed');
        const alert = status.getByRole('alert');
        expect(await alert.getAttribute('data-error-code')).toBe('zendesk_writeback_refused');
        const text = await alert.innerText();
        expect(text).toMatch(c.mention);
        expect(text).toMatch(/issue exists/i);
        // The issue exists once; the ticket has no link yet.
        expect(await env.control.issuesForTicket(ID)).toHaveLength(1);
        expect((await env.control.ticketState(ID)).ticket.tags.some((t) => t.startsWith('rfh_issue_'))).toBe(false);
        await clickRetry(app, 'writeback-retry');
        await expect.poll(() => status.getAttribute('data-state')).toBe('ok');
        await expectExactlyOneIssue(env, ID, link);
      } finally {
        await opened.drill.close();
      }
    });
  }

  it('the write-back landed but its answer was lost (commitThenFail 500): retry adds no second note', async () => {
    await env.control.reset();
    const opened = await openPrepared(env, ID);
    const { app } = opened;
    try {
      await env.control.addZendeskFault({ ...WRITE_BACK, status: 500, commitThenFail: true });
      await clickFile(app);
      const link = await waitForIssueLink(app);
      const status = app.getByTestId('writeback-status');
      await expect.poll(() => status.getAttribute('data-state')).toBe('failed');
      await clickRetry(app, 'writeback-retry');
      await expect.poll(() => status.getAttribute('data-state')).toBe('ok');
      // expectExactlyOneIssue also checks there is exactly one internal note with the link.
      await expectExactlyOneIssue(env, ID, link);
    } finally {
      await opened.drill.close();
    }
  });
});
