// The sidebar flow when things go wrong: a reload in the middle of a draft keeps it (ticks, notes,
// overrides), and a GitHub failure shows the Garden alert with the next step, after which Retry files exactly one
// issue. (The fault drills in test/drills/ cover every error class; this is the flow.)
// Needs `npm run build` first (npm test does it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { control, openTicket, type Harness } from '../support/harness.ts';
import {
  eventually,
  flowHarnessForFile,
  listIssues,
  overrideWithMouse,
  readItems,
  reloadTicket,
  saveShot,
  setItem,
  tickAllItems,
  ticketState,
  waitForFiled,
  waitForForm,
  openItem,
  openHandoffFields,
} from '../support/flow-steps.ts';

const en = JSON.parse(readFileSync('translations/en.json', 'utf8')) as {
  ui: { errors: Record<string, { title: string; message: string; next: string }>; file: { again: string } };
};
const CREATE = { method: 'POST', path: '^/repos/sourcegraph/customer/issues$' };

let h: Harness;
flowHarnessForFile('each', (started) => (h = started));

describe('the draft', () => {
  it('survives a reload in the middle: ticks, notes and the override', async () => {
    const { page, frame } = await openTicket(h, 1003);
    await waitForForm(frame);
    // The app frame is cross-site (127.0.0.1 in a localhost page, as Zendesk's app frames are) and still gets
    // (partitioned) storage, so the panel does not warn that the draft is kept in memory only.
    expect(await frame.getByTestId('draft-not-saved').count()).toBe(0);
    await setItem(frame, 'environment', false);
    await setItem(frame, 'impact', true);
    await setItem(frame, 'teammates', true);
    await (await openItem(frame, 'repro')).fill('Agent note: repro confirmed on 5.2 with the sample repo');
    await (await openItem(frame, 'teammates')).fill('asked in #customer-support-chat, nobody knew');
    await overrideWithMouse(frame, 'priority', '1');
    await frame.getByTestId('override-reason').fill('Agent note: the customer is in a POC');
    await openHandoffFields(frame);
    await frame.getByTestId('timeline').fill('by Friday');
    const before = await readItems(frame);
    expect(before.environment!.done).toBe(false);
    expect(before.impact!.done).toBe(true);

    const again = await reloadTicket(page);
    await waitForForm(again);
    await expect.poll(() => readItems(again), eventually).toEqual(before);
    expect(await again.getByTestId('priority-decision').textContent()).toBe('ce/p1');
    expect(await again.getByTestId('override-reason').inputValue()).toBe('Agent note: the customer is in a POC');
    expect(await again.getByTestId('timeline').inputValue()).toBe('by Friday');
    expect(await again.getByTestId('draft-not-saved').count()).toBe(0);

    // Filing clears the draft: after the issue, the ticket opens on the linked issue, and no draft is left behind.
    await tickAllItems(again);
    await again.getByTestId('file-button').click();
    await again.getByTestId('filed-issue-link').waitFor({ state: 'visible', timeout: 30_000 });
    const issues = await listIssues(h);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.body).toContain('Agent note: repro confirmed on 5.2 with the sample repo');
    expect(await again.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('engage:draft:')))).toEqual([]);
    await page.close();
  });
});

describe('a GitHub failure', () => {
  it('shows the Garden alert with the next step; Retry files exactly one issue', async () => {
    const { page, frame } = await openTicket(h, 1005);
    await waitForForm(frame);
    await tickAllItems(frame);
    await (await openItem(frame, 'urgency')).fill('Agent note: wants an answer this week');
    await control(h, 'POST', '/__faults/github', { ...CREATE, status: 502, times: 1 });
    await frame.getByTestId('file-button').click();

    const alert = frame.getByTestId('filing-error');
    await alert.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await alert.getAttribute('data-error-code')).toBe('github_unavailable');
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.getAttribute('data-garden-id')).toMatch(/^notifications\./);
    const text = (await alert.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(en.ui.errors.github_unavailable!.title);
    expect(text).toContain(en.ui.errors.github_unavailable!.next);
    // Nothing typed is lost, and nothing was filed.
    expect(await frame.getByTestId('checklist-note-urgency').inputValue()).toBe('Agent note: wants an answer this week');
    expect(await listIssues(h)).toHaveLength(0);
    await saveShot(page, 'error-alert-github-502');

    // One Retry: File, saying so; the alert has no second button for the same thing.
    expect(await frame.getByTestId('retry-button').count()).toBe(0);
    expect(await frame.getByTestId('file-button').innerText()).toBe(en.ui.file.again.replace('{{repo}}', 'sourcegraph/customer'));
    await frame.getByTestId('file-button').click();
    await waitForFiled(frame);
    expect(await frame.getByTestId('filing-error').count()).toBe(0);
    const issues = await listIssues(h);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.body).toContain('Agent note: wants an answer this week');
    expect((await ticketState(h, 1005)).ticket.tags).toContain(`rfh_issue_${issues[0]!.number}`);
    await page.close();
  });
});
