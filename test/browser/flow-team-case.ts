// The whole sidebar flow, as an agent walks it, for one fixture ticket, in Chromium on the real ZAF SDK: the suggestion,
// the checklist gate, an override (with the keyboard alone, or the mouse), the preview, filing, exactly one issue in
// the GitHub stand-in with the right labels and the conversation quoted, the write-back on the ticket, and the
// linked-issue view after a reload. Screenshots of each state go to test/output/screenshots/ for review.
// One test file per team (flow-distribution, flow-core-app, flow-search) runs it (teamFlowTest), each well under a minute.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { openTicket, type Harness } from '../support/harness.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import {
  eventually,
  flowHarnessForFile,
  ITEM_KEYS,
  labelNames,
  listIssues,
  openPreview,
  overrideWithKeyboard,
  overrideWithMouse,
  readItems,
  reloadTicket,
  saveShot,
  setItem,
  slowly,
  ticketState,
  waitForForm,
  type ItemKey,
  openItem,
} from '../support/flow-steps.ts';

const en = JSON.parse(readFileSync('translations/en.json', 'utf8')) as {
  ui: {
    checklist: { items_short: Record<ItemKey, string> };
    override: Record<'reason_label_team' | 'reason_label_priority' | 'reason_label_both', string>;
    kind: { rfh: string };
  };
};
const fixture = (file: string) => JSON.parse(readFileSync(`preview/tickets/${file}`, 'utf8')) as TicketBundle;

export interface Case {
  file: string;
  suggested: { team: string; level: number };
  override: { how: 'keyboard' | 'mouse'; team?: string; level?: number };
  /** After the override: the labels the issue must carry. */
  labels: string[];
  channel: string;
}

export const CASES: Record<'distribution' | 'coreApp' | 'search', Case> = {
  distribution: {
    // Distribution, an outage: the agent lowers the priority to p1 with the keyboard alone.
    file: '1001-acme-helm-gitserver.json',
    suggested: { team: 'distribution', level: 0 },
    override: { how: 'keyboard', level: 1 },
    labels: ['ce/p1', 'customer/acme-robotics', 'rfh', 'team/distribution'],
    channel: '#distribution',
  },
  coreApp: {
    // Core Application (code-host sync): the agent raises the priority with the mouse.
    file: '1002-northwind-gitlab-sync.json',
    suggested: { team: 'core-application', level: 2 },
    override: { how: 'mouse', level: 1 },
    labels: ['ce/p1', 'customer/northwind-logistics', 'rfh', 'team/core-application'],
    channel: '#core-application-support',
  },
  search: {
    // Search core (an owned alert): the agent moves it to Search product, team chosen with the keyboard.
    file: '1004-globex-zoekt-index-stale.json',
    suggested: { team: 'search-core', level: 2 },
    override: { how: 'keyboard', team: 'search-product' },
    labels: ['ce/p2', 'customer/globex-financial', 'rfh', 'team/search-product'],
    channel: '#search',
  },
};

/**
 * A test file for one case: its own harness (the preview reset once, before), the test `name` running the whole
 * flow, which must leave no console or page errors behind.
 */
export function teamFlowTest(name: string, c: Case): void {
  let h: Harness;
  flowHarnessForFile('once', (started) => (h = started));
  it(name, async () => {
    await runTeamFlow(h, c);
    expect(h.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
}

/** Run the whole flow for one case (the preview reset before). */
export async function runTeamFlow(h: Harness, c: Case): Promise<void> {
  const bundle = fixture(c.file);
  const id = bundle.ticket.id;
  const shot = (state: string) => saveShot(page, `flow-${id}-${state}`);
  const { page, frame } = await openTicket(h, id);

  // 1. First view: customer, the suggested team with a why, the suggested priority, as the headline.
  await waitForForm(frame);
  expect(await frame.getByTestId('customer-name').textContent()).toBe(bundle.organization!.name);
  expect(await frame.getByTestId('team-decision').getAttribute('data-team-id')).toBe(c.suggested.team);
  expect((await frame.getByTestId('team-why').textContent())!.trim()).not.toBe('');
  expect(await frame.getByTestId('priority-decision').getAttribute('data-level')).toBe(String(c.suggested.level));
  await shot('1-first-view');

  // 2. The checklist gate: with an item open the File button is disabled and says, plainly, what is missing.
  const file = frame.getByTestId('file-button');
  const reason = frame.getByTestId('file-disabled-reason');
  const overridePriority = async (level: number): Promise<void> => {
    if (c.override.how === 'keyboard') await overrideWithKeyboard(page, frame, 'priority', String(level));
    else await overrideWithMouse(frame, 'priority', String(level));
    // The headline is now the agent's choice; the suggestion stays on a line of its own.
    await expect.poll(() => frame.getByTestId('priority-decision').textContent(), eventually).toBe(`ce/p${level}`);
    expect(await frame.getByTestId('priority-decision').getAttribute('data-changed')).toBe('true');
    expect(await frame.getByTestId('priority-suggestion').getAttribute('data-level')).toBe(String(c.suggested.level));
  };
  // An outage is never gated (core/requirements.ts): File is open at once and the open items are "still gathering".
  // The gate follows the priority the issue will be filed with, so a case that lowers an outage does that first.
  const lowerOutageFirst = c.suggested.level === 0 && c.override.level !== undefined && c.override.level > 0;
  if (lowerOutageFirst) {
    await setItem(frame, 'environment', false);
    await expect.poll(() => file.isEnabled(), eventually).toBe(true);
    expect(await frame.getByTestId('file-gathering').textContent()).toContain(en.ui.checklist.items_short.environment);
    await overridePriority(c.override.level!);
  }
  await setItem(frame, 'environment', false);
  await expect.poll(() => file.isDisabled(), eventually).toBe(true);
  const before = await readItems(frame);
  const open = ITEM_KEYS.filter((k) => before[k] && !before[k].done);
  expect(open).toContain('environment');
  expect(await reason.textContent()).toContain(en.ui.checklist.items_short.environment);
  for (const k of open) expect(await reason.textContent()).toContain(en.ui.checklist.items_short[k]);
  expect(await file.getAttribute('aria-describedby')).toBe(await reason.getAttribute('id'));
  await shot('2-checklist-gated');
  // Tick them one by one: disabled until the last one, then enabled and the reason gone.
  const note = `Flow note for ticket ${id}: confirmed on a call`;
  await (await openItem(frame, 'impact')).fill(note);
  for (const [i, k] of open.entries()) {
    await setItem(frame, k, true);
    if (i < open.length - 1) {
      expect(await file.isDisabled()).toBe(true);
      expect(await reason.textContent()).not.toContain(en.ui.checklist.items_short[k]);
    }
  }
  await expect.poll(() => file.isEnabled(), eventually).toBe(true);
  expect(await reason.count()).toBe(0);

  // 3. The override, through the Garden combobox.
  if (c.override.team) {
    if (c.override.how === 'keyboard') await overrideWithKeyboard(page, frame, 'team', c.override.team);
    else await overrideWithMouse(frame, 'team', c.override.team);
    await expect.poll(() => frame.getByTestId('team-decision').getAttribute('data-team-id'), eventually).toBe(c.override.team);
    expect(await frame.getByTestId('team-suggestion').getAttribute('data-team-id')).toBe(c.suggested.team);
  }
  if (c.override.level !== undefined && !lowerOutageFirst) await overridePriority(c.override.level);
  // The reason sits with what changed, and its label says which.
  const changed = c.override.team && c.override.level !== undefined ? 'both' : c.override.team ? 'team' : 'priority';
  // The field is a lazy chunk: wait for it before reading its label.
  await frame.getByTestId('override-reason').waitFor({ state: 'visible', timeout: 15_000 });
  expect(await frame.getByText(en.ui.override[`reason_label_${changed}`]).count()).toBe(1);
  await frame.getByTestId('override-reason').fill('Agent note: the customer told us more on the phone');
  await shot('3-override');

  // 4. The preview shows exactly what will be filed.
  await openPreview(frame);
  const title = (await frame.getByTestId('preview-title').textContent())!;
  expect(title).toContain(bundle.ticket.subject);
  await expect.poll(async () => (await frame.getByTestId('preview-labels').textContent()) ?? '', eventually).toContain(c.labels[0]);
  for (const l of c.labels) expect(await frame.getByTestId('preview-labels').textContent()).toContain(l);
  expect(await frame.getByTestId('preview-body').textContent()).toContain(note);
  // Rendered as GitHub will, once its chunk has loaded: flowing in the panel (no scroll box of its own), the
  // Markdown syntax gone, links opening in a new tab without the opener.
  const rendered = frame.locator('[data-testid="preview-body"][data-view="rendered"]');
  await rendered.waitFor({ state: 'visible', timeout: 15_000 });
  expect(await rendered.textContent()).toContain(note);
  const box = await rendered.evaluate((el) => {
    const style = getComputedStyle(el);
    return { overflowY: style.overflowY, maxHeight: style.maxHeight, scrolls: el.scrollHeight > el.clientHeight + 1 };
  });
  expect(box).toEqual({ overflowY: 'visible', maxHeight: 'none', scrolls: false });
  expect(await rendered.locator('h2').first().textContent()).toMatch(/^(?:Request for help|Defect): /);
  const links = await rendered.locator('a').evaluateAll((as) => as.map((a) => `${a.getAttribute('target')} ${a.getAttribute('rel')}`));
  expect(links.length).toBeGreaterThan(0);
  expect(new Set(links)).toEqual(new Set(['_blank noopener noreferrer']));
  await shot('4-preview');

  // 5. File: the link, the write-back status, the hand-off with the issue link.
  await file.click();
  const link = frame.getByTestId('filed-issue-link');
  await link.waitFor({ state: 'visible', timeout: 30_000 });
  const url = (await link.getAttribute('href'))!;
  await expect.poll(() => frame.getByTestId('writeback-status').getAttribute('data-state'), slowly).toBe('ok');
  expect(await frame.getByTestId('handoff-message').inputValue()).toContain(url);
  expect(await frame.getByTestId('handoff-channel').textContent()).toContain(c.channel);
  // The form has made way for the issue's card: it says what was filed, once, and no control shows a replaced value.
  const filedWith = (await frame.getByTestId('issue-filed-with').textContent())!;
  const teamFiled = c.override.team ?? c.suggested.team;
  expect(filedWith).toContain(DEFAULT_TEAMS.find((x) => x.id === teamFiled)!.name);
  expect(filedWith).toContain(`ce/p${c.override.level ?? c.suggested.level}`);
  expect(filedWith).toContain(en.ui.kind.rfh);
  for (const gone of ['team-decision', 'priority-decision', 'team-override', 'priority-override', 'file-button']) {
    expect(await frame.getByTestId(gone).count()).toBe(0);
  }
  const panelText = await frame.getByTestId('engage-panel').innerText();
  expect(panelText.match(/\bfiled\b/gi), panelText).toHaveLength(1);
  await shot('5-filed-handoff');

  // 6. Exactly one issue in the stand-in, with the labels and the conversation quoted (internal notes marked).
  const issues = await listIssues(h);
  expect(issues).toHaveLength(1);
  const [issue] = issues;
  expect(issue!.html_url).toBe(url);
  expect(issue!.title).toBe(title);
  expect(labelNames(issue!)).toEqual([...c.labels].sort());
  const body = issue!.body ?? '';
  expect(body).toContain(note);
  expect(body).toContain('the customer told us more on the phone');
  expect(body.split('\n').filter((l) => l.startsWith('> ')).length).toBeGreaterThanOrEqual(bundle.comments.length);
  const headers = body.split('\n').filter((l) => /^\*\*(Customer|Support[^*]*)\*\* · /.test(l));
  expect(headers).toHaveLength(bundle.comments.length);
  expect(headers.filter((l) => l.startsWith('**Support, internal note**'))).toHaveLength(bundle.comments.filter((x) => !x.public).length);
  expect(await listIssues(h, 'sourcegraph')).toHaveLength(0);

  // 7. The write-back: an internal note with the link and the tags, on the ticket page and in the preview state.
  const team = c.override.team ?? c.suggested.team;
  const level = c.override.level ?? c.suggested.level;
  const tags = ['rfh', `rfh_team_${team.replace(/-/g, '_')}`, `rfh_priority_p${level}`, `rfh_issue_${issue!.number}`];
  const state = await ticketState(h, id);
  expect(state.ticket.tags).toEqual(expect.arrayContaining(tags));
  // For reports: the suggestion the agent saw, whatever was chosen (a request for help: no engage_defect).
  expect(state.ticket.tags).toEqual(
    expect.arrayContaining([`rfh_suggested_team_${c.suggested.team.replace(/-/g, '_')}`, `rfh_suggested_priority_p${c.suggested.level}`]),
  );
  expect(state.ticket.tags).not.toContain('engage_defect');
  const notes = state.comments.slice(bundle.comments.length);
  expect(notes).toHaveLength(1);
  expect(notes[0]!.public).toBe(false);
  expect(notes[0]!.body).toContain(url);
  for (const t of tags) await expect.poll(() => page.getByTestId('ticket-tags').textContent(), eventually).toContain(t);
  await expect.poll(() => page.getByTestId('written-by-app').textContent(), eventually).toContain(`rfh_issue_${issue!.number}`);
  await expect.poll(() => page.locator('.comment.by-app .comment-body').first().textContent(), eventually).toContain(url);
  await saveShot(page, `flow-${id}-6-ticket-page`, { sidebarOnly: false });

  // 8. A reload opens on the linked issue's live state (not the form), with the hand-off text.
  const again = await reloadTicket(page);
  await again.getByTestId('linked-issue').waitFor({ state: 'visible', timeout: 30_000 });
  await expect.poll(() => again.getByTestId('linked-issue-state').getAttribute('data-state'), slowly).toBe('open');
  for (const l of c.labels) expect(await again.getByTestId('linked-issue-labels').textContent()).toContain(l);
  expect(await again.getByTestId('linked-issue-link').getAttribute('href')).toBe(url);
  expect(await again.getByTestId('handoff-message').inputValue()).toContain(url);
  expect(await again.getByTestId('file-button').count()).toBe(0);
  await saveShot(page, `flow-${id}-7-linked`);
  expect(await listIssues(h)).toHaveLength(1);
  await page.close();
}
