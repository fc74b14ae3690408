// `filing_requests`: the HTTP requests one filing costs, from the File click until the issue link is shown and the
// write-back has landed, counted in the preview's request log (`GET /__log`, both the Zendesk API and GitHub).
import type { DrillEnv } from '../test/support/drill-env.ts';
import { logSince, type RequestLog } from '../test/support/control.ts';
import { openTicket } from '../test/support/harness.ts';
import { prepareToFile, clickFile, waitForIssueLink, waitForLogQuiet } from '../test/support/panel.ts';

export interface FilingCount {
  requests: { side: 'zendesk' | 'github'; method: string; path: string; status: number }[];
  issueUrl: string;
}

export async function measureFilingRequests(env: DrillEnv, ticketId: number): Promise<FilingCount> {
  await env.control.reset();
  const { page, close } = await env.newPage();
  try {
    const { frame: app } = await openTicket(env, ticketId, { page, until: 'team-decision' });
    await prepareToFile(app);
    // Whatever the panel loads on its own (ticket, settings, access check on open) is over before the click.
    await waitForLogQuiet(env.control);
    const before: RequestLog = await env.control.log();
    await clickFile(app);
    const issueUrl = await waitForIssueLink(app);
    // The write-back may land just after the link is shown; it belongs to the filing.
    await waitForLogQuiet(env.control);
    const added = logSince(before, await env.control.log());
    return {
      issueUrl,
      requests: [
        ...added.zendesk.map((e) => ({ side: 'zendesk' as const, ...e })),
        ...added.github.map((e) => ({ side: 'github' as const, ...e })),
      ],
    };
  } finally {
    await close();
  }
}

/**
 * `link_requests`: the HTTP requests adding a ticket to an existing issue costs, from the click on Add until the
 * link is on the ticket (the comment, the customer's label, the write-back). The issue card that then shows reads
 * the issue's live state, as every visit does; that read is returned apart (`cardReads`), not counted.
 * The issue is one filed just before (`issueNumber`); the ticket another one.
 */
export async function measureLinkRequests(env: DrillEnv, ticketId: number, issueNumber: number): Promise<FilingCount & { cardReads: number }> {
  const { page, close } = await env.newPage();
  try {
    const { frame: app } = await openTicket(env, ticketId, { page, until: 'team-decision' });
    await app.getByTestId('link-existing-toggle').click({ timeout: 30_000 });
    await app.getByTestId('link-existing-input').fill(String(issueNumber));
    // The panel's own requests (ticket, settings, access, the similar-issues search) are over before the click.
    await waitForLogQuiet(env.control);
    const before: RequestLog = await env.control.log();
    await app.getByTestId('link-existing-button').click();
    const item = app.locator(`[data-testid="linked-item"][data-number="${issueNumber}"]`);
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    await waitForLogQuiet(env.control);
    const added = logSince(before, await env.control.log());
    const cardRead = (e: { method: string; path: string }) => e.method === 'GET' && e.path === `/repos/sourcegraph/customer/issues/${issueNumber}`;
    return {
      issueUrl: (await item.getByTestId('linked-issue-link').getAttribute('href')) ?? '',
      requests: [
        ...added.zendesk.map((e) => ({ side: 'zendesk' as const, ...e })),
        ...added.github.filter((e) => !cardRead(e)).map((e) => ({ side: 'github' as const, ...e })),
      ],
      cardReads: added.github.filter(cardRead).length,
    };
  } finally {
    await close();
  }
}
