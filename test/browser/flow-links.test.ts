// Linking in the sidebar, as an agent does it: the issue filed for one customer shows up as similar on a second
// customer's ticket, one click adds the ticket to it (one marker comment, the label, one note); a ticket with two
// links shows both with their states, and one linked by mistake is unlinked (the comment edited, not deleted); a
// private issue is promoted to a public one (redaction preview first) that links it without a cross-reference.
// Needs `npm run build` first (npm test does it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedTickets } from '../../src/core/issue-markers.ts';
import { Control } from '../support/control.ts';
import { requireBuild } from '../support/dist.ts';
import { appFrame, control, openTicket, startHarness, type Harness } from '../support/harness.ts';
import { eventually, labelNames, slowly, tickAllAndFile, tickAllItems, ticketState, waitForForm } from '../support/flow-steps.ts';

// Ticket 5001 (Blue Sun, test/fixtures/similar) tells the problem of sample ticket 1001 (Acme) in other words.
const SECOND_CUSTOMER = 5001;
let h: Harness;
let gh: Control;

beforeAll(async () => {
  requireBuild('dist', 'dist/');
  h = await startHarness({ settings: { settings: {}, secure: {} }, ticketDirs: ['test/fixtures/similar/tickets'] });
  gh = new Control(h.baseUrl);
  await control(h, 'POST', '/__reset', {});
});
afterAll(async () => {
  await h?.close();
});

const notes = async (id: number, lead: string) => (await ticketState(h, id)).comments.filter((c) => !c.public && c.body.startsWith(lead));
const markerComments = async (n: number, repo = 'customer') => (await gh.issueComments(n, 'sourcegraph', repo)).filter((c) => linkedTickets('', [c]).length > 0);

describe('linking', () => {
  it('shows the first customer’s issue as similar on the second customer’s ticket, and adds the ticket to it once', async () => {
    const first = await openTicket(h, 1001);
    await waitForForm(first.frame);
    await tickAllAndFile(first.frame);
    const [issue] = await gh.issues();
    expect(issue!.number).toBe(1);

    const { page, frame } = await openTicket(h, SECOND_CUSTOMER);
    await waitForForm(frame);
    const item = frame.locator('[data-testid="similar-issue"][data-number="1"]');
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await item.textContent()).toMatch(/open/);
    expect(await item.textContent()).toMatch(/Shares: .*(gitserver|lock file|permission)/i);
    // One click (and an impatient second one) adds the ticket.
    await frame.getByTestId('similar-add-1').dblclick();
    await frame.locator('[data-testid="linked-item"][data-number="1"]').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await frame.getByTestId('linked-issue').first().textContent()).toMatch(/Ticket added to this issue/);

    const comments = await markerComments(1);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/^### Another customer: Blue Sun/);
    expect(labelNames(await gh.issue(1))).toEqual(expect.arrayContaining(['customer/acme-robotics', 'customer/blue-sun']));
    expect(await notes(SECOND_CUSTOMER, 'Engage added this ticket to a GitHub issue')).toHaveLength(1);
    expect((await ticketState(h, SECOND_CUSTOMER)).ticket.tags).toContain('rfh_issue_1');

    // A later visit opens on the issue, with its live state, and offers the form for one more.
    await page.reload();
    const again = await appFrame(page);
    await expect.poll(() => again.getByTestId('linked-issue-state').first().getAttribute('data-state'), slowly).toBe('open');
    await again.getByTestId('another-issue').waitFor({ state: 'visible' });
    expect(await markerComments(1)).toHaveLength(1);
  });

  it('shows two links with their states, and unlinks the one linked by mistake', async () => {
    // A second, unrelated issue: filed from ticket 1003.
    const other = await openTicket(h, 1003);
    await waitForForm(other.frame);
    await tickAllAndFile(other.frame);
    const second = (await gh.issues()).find((i) => i.title.includes('Helix') || i.number !== 1)!;

    const { frame } = await openTicket(h, SECOND_CUSTOMER);
    await frame.getByTestId('another-issue').click();
    await frame.getByTestId('link-existing-toggle').click();
    await frame.getByTestId('link-existing-input').waitFor({ state: 'visible', timeout: 30_000 });
    await frame.getByTestId('link-existing-input').fill(String(second.number));
    await frame.getByTestId('link-existing-button').click();
    const items = frame.getByTestId('linked-item');
    await expect.poll(() => items.count(), slowly).toBe(2);
    await expect.poll(() => frame.getByTestId('linked-issue-state').count(), slowly).toBe(2);

    const mistaken = frame.locator(`[data-testid="linked-item"][data-number="${second.number}"]`);
    await mistaken.getByTestId('unlink-button').click();
    await mistaken.getByTestId('unlink-yes').click();
    await expect.poll(() => items.count(), slowly).toBe(1);
    const edited = (await gh.issueComments(second.number)).filter((c) => c.body.includes('Unlinked'));
    expect(edited).toHaveLength(1);
    expect(edited[0]!.body).toMatch(/^\*\*Unlinked\*\* on \d{4}-\d\d-\d\d by /);
    expect(await markerComments(second.number)).toHaveLength(0);
    expect(await notes(SECOND_CUSTOMER, 'Engage unlinked this ticket from a GitHub issue')).toHaveLength(1);
    const tags = (await ticketState(h, SECOND_CUSTOMER)).ticket.tags;
    expect(tags).toContain('rfh_issue_1');
    expect(tags).not.toContain(`rfh_issue_${second.number}`);
  });

  it('promotes a private issue to a public one that links it, and points the private issue to it', async () => {
    const { frame } = await openTicket(h, 1001);
    await frame.getByTestId('promote-button').click();
    await frame.getByTestId('redaction-preview').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await frame.getByTestId('private-issue-url').inputValue()).toMatch(/\/sourcegraph\/customer\/issues\/1$/);
    await tickAllItems(frame);
    await frame.getByTestId('file-button').click();
    // With links already, the new issue joins the list above (the form closes) instead of taking the form's place.
    await frame.locator('[data-testid="linked-item"][data-tracker="public"]').waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(async () => (await gh.issues('sourcegraph', 'sourcegraph')).length, slowly).toBe(1);
    const [pub] = await gh.issues('sourcegraph', 'sourcegraph');
    expect(pub!.body).toContain('**Private issue:** [sourcegraph/customer issue 1](');
    expect(pub!.body).not.toMatch(/Acme/);
    await expect.poll(() => frame.getByTestId('promote-pointer').getAttribute('data-state'), slowly).toBe('done');
    const pointers = (await gh.issueComments(1)).filter((c) => c.body.includes(`sourcegraph/sourcegraph issue ${pub!.number}`));
    expect(pointers).toHaveLength(1);
    const tags = (await ticketState(h, 1001)).ticket.tags;
    expect(tags).toEqual(expect.arrayContaining(['rfh_issue_1', `rfh_public_issue_${pub!.number}`]));
    await expect.poll(() => frame.getByTestId('linked-item').count(), eventually).toBe(2);
  });
});
