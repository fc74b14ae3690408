// Blockers and state first: before any click, the top of the panel (under the ticket's header) says what blocks
// filing — a missing or rejected token, a tracker the token cannot write to — in one line for an agent, with the
// details and the setting to fix for an admin (Zendesk's currentUser.role, the preview's `?role=`); the settings
// alert in full only for admins; and an issue that already carries the ticket's marker while the ticket has no
// link (a lost write-back) is shown at once, with one click that finishes the link.
// Needs `npm run build` first (npm test does it).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { ticketMarker } from '../../src/core/links.ts';
import { customerLabel } from '../../src/core/slug.ts';
import { LATE_LINK_LINE } from '../../src/core/lost-link.ts';
import { SUBDOMAIN } from '../../preview/app-server.ts';
import { control, openTicket, startHarness, type Harness } from '../support/harness.ts';
import { requireBuild } from '../support/dist.ts';
import { eventually, slowly, ticketState } from '../support/flow-steps.ts';

const TOKEN = 'ghp_blockers0000000000000000000000000000';
const TICKET = 1005; // Initech; its assignee is an agent
let h: Harness;

beforeAll(async () => {
  requireBuild();
  // A token the test knows, to put an issue into the GitHub stand-in as an earlier filing would have.
  h = await startHarness({ settings: { settings: {}, secure: { github_token: TOKEN } } });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await control(h, 'POST', '/__reset', {});
});

const text = async (frame: Frame, testId: string) => (await frame.getByTestId(testId).innerText()).replace(/\s+/g, ' ');

describe('what blocks filing, before any click', () => {
  it('no token: one line at the top for the agent; the admin also gets the details and the setting', async () => {
    await control(h, 'PUT', '/__settings', { settings: {}, secure: { github_token: null } });
    const agent = await openTicket(h, TICKET, { role: 'agent', until: 'blocker' });
    const blocker = agent.frame.getByTestId('blocker');
    expect(await blocker.getAttribute('data-kind')).toBe('token');
    expect(await text(agent.frame, 'blocker')).toMatch(/^Filing is blocked: .*token.* ask your Zendesk admin\.$/);
    expect(await agent.frame.getByTestId('blocker-details').count()).toBe(0);
    // Above the first view, under the header.
    const [top, headline] = await Promise.all([blocker.boundingBox(), agent.frame.getByTestId('team-decision').boundingBox()]);
    expect(top!.y).toBeLessThan(headline!.y);
    // Beside File only the short reason, never the same paragraph again.
    const short = agent.frame.getByTestId('access-warning');
    await short.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await short.getAttribute('data-short')).not.toBeNull();
    expect((await short.innerText()).split('\n').filter((l) => l.trim())).toHaveLength(1);
    await agent.page.close();

    const admin = await openTicket(h, TICKET, { role: 'admin', until: 'blocker' });
    const details = admin.frame.getByTestId('blocker-details');
    await details.locator('summary').click();
    const said = (await details.innerText()).replace(/\s+/g, ' ');
    expect(said).toContain('GitHub token');
    expect(said).toContain('github_token');
    expect(said).toContain('Bad credentials');
    await admin.page.close();
  });

  it('a token that cannot push to the tracker: the top line names it', async () => {
    h.preview.standIn.setPermission('sourcegraph', 'customer', 'read');
    const { page, frame } = await openTicket(h, TICKET, { role: 'agent', until: 'blocker' });
    expect(await frame.getByTestId('blocker').getAttribute('data-kind')).toBe('no-push');
    expect(await text(frame, 'blocker')).toContain('sourcegraph/customer');
    await page.close();
  });
});

describe('bad settings', () => {
  it('an agent reads one line naming the defaults in force; an admin the full alert', async () => {
    await control(h, 'PUT', '/__settings', { settings: { routing_overrides: '{"teams": [' }, secure: { github_token: TOKEN } });
    const agent = await openTicket(h, TICKET, { role: 'agent', until: 'settings-alert' });
    expect(await agent.frame.getByTestId('settings-alert').getAttribute('data-view')).toBe('agent');
    const line = await text(agent.frame, 'settings-alert');
    expect(line).toMatch(/^Engage’s settings have a problem; .*Routing overrides.* tell your Zendesk admin\.$/);
    expect(line).not.toContain('routing_overrides');
    await agent.page.close();

    const admin = await openTicket(h, TICKET, { role: 'admin', until: 'settings-alert' });
    expect(await admin.frame.getByTestId('settings-alert').getAttribute('data-view')).toBeNull();
    expect(await text(admin.frame, 'settings-alert')).toContain('routing_overrides');
    await admin.page.close();
  });
});

describe('a lost write-back', () => {
  it('is shown at open instead of the form; "Finish the link" links the ticket and shows the issue', async () => {
    // Filed earlier (another browser) with the ticket's marker and customer label; the ticket never got the link.
    const created = await h.preview.standIn.handle(
      {
        method: 'POST',
        path: '/repos/sourcegraph/customer/issues',
        query: new URLSearchParams(),
        headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/vnd.github+json' },
        body: {
          title: 'Initech: code monitors',
          body: `Filed from Zendesk by Engage · ticket marker: ${ticketMarker({ subdomain: SUBDOMAIN, ticketId: TICKET })}`,
          labels: [customerLabel('Initech'), 'rfh', 'ce/p1', 'team/search-product'],
        },
      },
      { internal: true },
    );
    const number = (created.body as { number: number }).number;

    const { page, frame } = await openTicket(h, TICKET, { until: 'lost-link' });
    expect(await text(frame, 'lost-link')).toContain(`sourcegraph/customer#${number}`);
    // Never a blank form beside it, and one button.
    await expect.poll(() => frame.getByTestId('file-button').count(), eventually).toBe(0);
    expect(await frame.getByTestId('lost-link').getByRole('button').count()).toBe(1);

    await frame.getByTestId('lost-link-finish').click();
    await frame.getByTestId('linked-issue').waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(async () => (await ticketState(h, TICKET)).ticket.tags, slowly).toEqual(
      expect.arrayContaining(['rfh', 'rfh_team_search_product', 'rfh_priority_p1', `rfh_issue_${number}`]),
    );
    // What the agent saw when filing is unknown here: no suggestion tags rather than a guess.
    expect((await ticketState(h, TICKET)).ticket.tags.some((t) => t.startsWith('rfh_suggested_'))).toBe(false);
    const notes = (await ticketState(h, TICKET)).comments.filter((c) => !c.public && c.body.includes(LATE_LINK_LINE));
    expect(notes).toHaveLength(1);
    await page.close();
  });
});
