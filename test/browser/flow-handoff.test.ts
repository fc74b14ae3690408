// Hand-offs leave a trace: a CE & Sales ticket (1008) gets a Slack message without the catalogue's placeholder,
// "Mark as posted" records it on the ticket once (one internal note and the tag, however often it is clicked), and
// the reloaded panel opens on the recorded hand-off with the form one click away (and, once an engineering issue is
// filed too, shows both). A refused write shows the alert with Retry and loses nothing (BizOps, 1009). Needs `npm run build` first (npm test does it).
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { control, openTicket, type Harness } from '../support/harness.ts';
import {
  axeViolations,
  describeViolations,
  eventually,
  flowHarnessForFile,
  overrideWithMouse,
  reloadOntoLinkedIssue,
  reloadTicket,
  saveShot,
  slowly,
  tickAllAndFile,
  ticketState,
} from '../support/flow-steps.ts';

let h: Harness;
flowHarnessForFile('each', (started) => (h = started));

const PLACEHOLDER = '@ the assigned sales rep and CE';

/** The work area of a team outside engineering is in: the message and "Mark as posted". */
async function waitForHandoff(frame: Frame): Promise<void> {
  await frame.getByTestId('non-engineering').waitFor({ state: 'visible', timeout: 30_000 });
  await frame.getByTestId('handoff-mark-posted').waitFor({ state: 'visible', timeout: 30_000 });
}

/** PUTs of the ticket that reached the preview's Zendesk API (`GET /__log`). */
async function ticketPuts(id: number): Promise<{ method: string; path: string; status: number }[]> {
  const log = (await control(h, 'GET', '/__log')) as { zendesk: { method: string; path: string; status: number }[] };
  return log.zendesk.filter((e) => e.method === 'PUT' && e.path === `/api/v2/tickets/${id}.json`);
}

async function internalNotes(id: number): Promise<string[]> {
  return (await ticketState(h, id)).comments.filter((c) => !c.public).map((c) => c.body);
}

describe('a hand-off to CE & Sales', () => {
  it('has no placeholder, is recorded once however often it is marked, and is shown on revisit', async () => {
    const { page, frame } = await openTicket(h, 1008);
    await waitForHandoff(frame);
    const message = await frame.getByTestId('handoff-message').inputValue();
    expect(message).not.toContain(PLACEHOLDER);
    // Wayne's ticket names no CE or sales rep: a visible blank, explained beside the message.
    expect(message.startsWith('@<CE/sales rep>: Wayne Enterprises needs help from CE & Sales')).toBe(true);
    await expect.poll(() => frame.getByTestId('handoff-blank').isVisible(), eventually).toBe(true);
    expect(await frame.getByTestId('handoff-channel').textContent()).not.toContain(PLACEHOLDER);
    await frame.getByTestId('handoff-copy').click();
    await expect.poll(() => frame.getByTestId('handoff-copy').textContent(), eventually).toBe('Copied');
    // "Copied" means the system clipboard holds the message (read back on the host page, allowed to read it).
    await page.context().grantPermissions(['clipboard-read'], { origin: new URL(page.url()).origin });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(message);

    const before = await internalNotes(1008);
    // A double click, and two clicks in one task (before React can disable the button).
    await frame.getByTestId('handoff-mark-posted').dblclick();
    await frame.getByTestId('handoff-mark-posted').evaluate((b: HTMLElement) => {
      b.click();
      b.click();
    });
    await expect.poll(() => frame.getByTestId('handoff-post-status').getAttribute('data-state'), slowly).toBe('posted');
    await saveShot(page, 'handoff-posted');

    const state = await ticketState(h, 1008);
    expect(state.ticket.tags.filter((t) => t === 'engage_handoff_ce_sales')).toHaveLength(1);
    const notes = await internalNotes(1008);
    expect(notes).toHaveLength(before.length + 1);
    const note = notes.at(-1)!;
    expect(note.split('\n')[0]).toBe('Engage: handed off to CE & Sales in Slack #ce (no GitHub issue)');
    expect(note).toContain(`Message posted:\n${message}`);
    expect(note).toMatch(/^Posted by: \S/m);
    expect(await ticketPuts(1008)).toHaveLength(1);

    // Revisit: the recorded hand-off instead of a blank form; marking again from the form writes nothing.
    const again = await reloadTicket(page);
    await again.getByTestId('handoff-recorded').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await again.getByTestId('handoff-recorded').textContent()).toContain('Handed off to CE & Sales');
    expect(await again.getByTestId('handoff-recorded-state').getAttribute('data-state')).toBe('posted');
    expect(await again.getByTestId('handoff-recorded-by').textContent()).toMatch(/^By \S/);
    expect(await again.getByTestId('team-decision').count()).toBe(0);
    const violations = await axeViolations(again);
    expect(violations, describeViolations(violations)).toEqual([]);
    await saveShot(page, 'handoff-recorded');
    await again.getByTestId('handoff-file-too').click();
    await again.getByTestId('team-decision').waitFor({ state: 'visible', timeout: 30_000 });
    await waitForHandoff(again);
    expect(await again.getByTestId('handoff-mark-posted').getAttribute('data-state')).toBe('posted');
    expect(await again.getByTestId('handoff-mark-posted').isDisabled()).toBe(true);
    expect(await ticketPuts(1008)).toHaveLength(1);
    expect(await internalNotes(1008)).toHaveLength(before.length + 1);

    // An engineering issue as well: after filing, the revisit shows the issue and, below it, the hand-off.
    await overrideWithMouse(again, 'team', 'core-application');
    await tickAllAndFile(again);
    const third = await reloadOntoLinkedIssue(page);
    await third.getByTestId('handoff-recorded').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await third.getByTestId('handoff-file-too').count()).toBe(0);
    await page.close();
  });

  it('shows a refused write with Retry, and the retry records it once', async () => {
    await control(h, 'POST', '/__faults/zendesk', { method: 'PUT', path: '^/api/v2/tickets/1009\\.json$', status: 503 });
    const { page, frame } = await openTicket(h, 1009);
    await waitForHandoff(frame);
    expect(await frame.getByTestId('handoff-message').inputValue()).toMatch(/^@bizops: /);
    const before = await internalNotes(1009);
    await frame.getByTestId('handoff-mark-posted').click();
    await frame.getByTestId('handoff-error').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await frame.getByTestId('handoff-error').getAttribute('data-error-code')).toBe('zendesk_writeback_refused');
    expect(await internalNotes(1009)).toHaveLength(before.length);
    // Nothing lost: the message is still there to copy.
    expect(await frame.getByTestId('handoff-message').inputValue()).toMatch(/^@bizops: /);
    await frame.getByTestId('handoff-retry').click();
    await expect.poll(() => frame.getByTestId('handoff-post-status').getAttribute('data-state'), slowly).toBe('posted');
    expect(await frame.getByTestId('handoff-error').count()).toBe(0);
    expect(await internalNotes(1009)).toHaveLength(before.length + 1);
    expect((await ticketState(h, 1009)).ticket.tags).toContain('engage_handoff_bizops');
    await page.close();
  });
});
