// No serious or critical axe-core violations in the panel, in light and in dark mode: on the form (with
// the details, an override picker and the issue preview open), right after filing (link, write-back, hand-off), on
// the linked-issue view after a reload, and on the hand-off panel of a non-engineering team.
// axe-core is the installed package, injected into the app's frame. a11y-axe-light/-dark.test.ts run it per scheme.
import { describe, expect, it } from 'vitest';
import { openTicket, type Harness } from '../support/harness.ts';
import {
  axeViolations,
  describeViolations,
  eventually,
  flowHarnessForFile,
  openWholeForm,
  reloadOntoLinkedIssue,
  saveShot,
  tickAllAndFile,
  waitForForm,
} from '../support/flow-steps.ts';

async function expectNoSeriousViolations(frame: import('playwright-core').Frame, where: string): Promise<void> {
  const violations = await axeViolations(frame);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

/** The axe suite for one colour scheme (each in its own test file, to keep files short). */
export function axeSuite(scheme: 'light' | 'dark'): void {
  let h: Harness;
  flowHarnessForFile('once', (started) => (h = started));

  describe(`axe-core in ${scheme} mode`, () => {
    it('the form: first view, details with an override picker, checklist, issue preview', async () => {
      const { page, frame } = await openTicket(h, 1011, { colorScheme: scheme });
      await waitForForm(frame);
      await expect.poll(() => frame.locator('[data-color-scheme]').first().getAttribute('data-color-scheme'), eventually).toBe(scheme);
      await openWholeForm(frame);
      await expectNoSeriousViolations(frame, `form (${scheme})`);
      await saveShot(page, `a11y-form-${scheme}`);
      await page.close();
    });

    it('after filing, and the linked issue after a reload', async () => {
      const id = scheme === 'light' ? 1007 : 1003;
      const { page, frame } = await openTicket(h, id, { colorScheme: scheme });
      await waitForForm(frame);
      await tickAllAndFile(frame);
      await expectNoSeriousViolations(frame, `filed view (${scheme})`);
      await saveShot(page, `a11y-filed-${scheme}`);

      const again = await reloadOntoLinkedIssue(page);
      await expectNoSeriousViolations(again, `linked view (${scheme})`);
      await saveShot(page, `a11y-linked-${scheme}`);
      await page.close();
    });

    it('the hand-off panel of a non-engineering team (CE & Sales)', async () => {
      const { page, frame } = await openTicket(h, 1008, { colorScheme: scheme });
      await frame.getByTestId('non-engineering').waitFor({ state: 'visible', timeout: 30_000 });
      await frame.getByTestId('handoff-message').waitFor({ state: 'visible', timeout: 15_000 });
      await expectNoSeriousViolations(frame, `hand-off (${scheme})`);
      await page.close();
    });
  });
}
