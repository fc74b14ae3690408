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
