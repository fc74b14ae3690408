// The sidebar flow never files twice: a double-click on File, and two clicks faster than React can disable the
// button, each give exactly one issue. (The duplicate drills in test/drills/ cover reloads and timeouts too.)
// Needs `npm run build` first (npm test does it).
import { describe, expect, it } from 'vitest';
import { control, openTicket, type Harness } from '../support/harness.ts';
import { flowHarnessForFile, listIssues, tickAllItems, ticketState, waitForFiled, waitForForm } from '../support/flow-steps.ts';

let h: Harness;
flowHarnessForFile('each', (started) => (h = started));

/** How many issue creates reached the stand-in (the preview's request log). */
async function creates(): Promise<number> {
  const log = (await control(h, 'GET', '/__log')) as { github: { method: string; path: string; status: number }[] };
  return log.github.filter((e) => e.method === 'POST' && /\/repos\/sourcegraph\/customer\/issues$/.test(e.path)).length;
}

describe('filing twice is impossible', () => {
  it('a double-click on File files one issue', async () => {
    const { page, frame } = await openTicket(h, 1012);
    await waitForForm(frame);
    await tickAllItems(frame);
    await frame.getByTestId('file-button').dblclick();
    await waitForFiled(frame);
    // The button pressed is gone: focus is on the result, the filed issue's link.
    expect(await frame.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('filed-issue-link');
    expect(await listIssues(h)).toHaveLength(1);
    expect(await creates()).toBe(1);
    expect((await ticketState(h, 1012)).ticket.tags.filter((t) => t.startsWith('rfh_issue_'))).toHaveLength(1);
    await page.close();
  });

  it('two clicks in the same task (before React can re-render the button) file one issue', async () => {
    const { page, frame } = await openTicket(h, 1006);
    await waitForForm(frame);
    await tickAllItems(frame);
    await frame.getByTestId('file-button').evaluate((b: HTMLElement) => {
      b.click();
      b.click();
    });
    await waitForFiled(frame);
    expect(await listIssues(h)).toHaveLength(1);
    expect(await creates()).toBe(1);
    await page.close();
  });
});

