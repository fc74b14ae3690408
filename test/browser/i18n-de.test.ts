// Every word in the agent's language: with Zendesk's locale `de`, the why line, the priority reasons and the
// checklist hints the core worked out read in German (the core hands over keys; the panel translates them), exactly
// as the German catalogue words the suggestion the core makes for this ticket.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { english } from '../../src/core/english.ts';
import { formatMessage } from '../../src/core/types/message.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import { createTranslator, type Dictionary } from '../../src/core/translate.ts';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { openTicket, type Harness } from '../support/harness.ts';
import { eventually, flowHarnessForFile, ITEM_KEYS, openItem, waitForForm } from '../support/flow-steps.ts';

let h: Harness;
flowHarnessForFile('each', (started) => (h = started));

const catalogue = (locale: string) => JSON.parse(readFileSync(`translations/${locale}.json`, 'utf8')) as Dictionary;
const german = createTranslator('de', catalogue('de'), catalogue('en'));
const bundle = JSON.parse(readFileSync('preview/tickets/1001-acme-helm-gitserver.json', 'utf8')) as TicketBundle;

describe('the panel in German', () => {
  it('shows the why line, the priority reasons and the checklist hints in German', async () => {
    // What the core suggests for this ticket with the preview's (default) settings, as keys with parameters.
    const c = classify(buildTicketModel(bundle), DEFAULT_TEAMS, DEFAULT_SETTINGS);
    const { page, frame } = await openTicket(h, 1001, { locale: 'de' });
    await waitForForm(frame);

    const why = formatMessage(c.route.team.why, german);
    expect(why).not.toBe(english(c.route.team.why));
    expect(await frame.getByTestId('team-why').textContent()).toBe(why);

    const reasons = c.priority.reasons.map((r) => formatMessage(r.message, german));
    expect(reasons[0]).not.toBe(english(c.priority.reasons[0]!.message));
    expect(await frame.getByTestId('priority-reasons').locator('li').allTextContents()).toEqual(reasons);

    // Every Step-1 hint the panel shows reads as the German catalogue words it; at least one differs from English.
    let differs = 0;
    for (const key of ITEM_KEYS) {
      const hint = c.checklist[key as keyof typeof c.checklist];
      if (!hint) continue;
      await openItem(frame, key);
      const text = formatMessage(hint.summary, german);
      if (text !== english(hint.summary)) differs++;
      // The hints' words are a small section of their own, fetched after the first paint: read once it is in.
      await expect.poll(() => frame.getByTestId(`checklist-summary-${key}`).textContent(), { ...eventually, message: key }).toBe(text);
    }
    expect(differs).toBeGreaterThan(0);
    await page.close();
  });
});
