// Bad settings drill: malformed routing JSON, an override for a team id that does not exist, a repository name
// that is not "owner/repo", no GitHub token. Each gives one clear alert naming the setting (its admin label and
// parameter name); the rest of the panel works with the defaults — suggestions shown, and filing files (except
// without a token, where filing is what cannot work and the agent is told why).
import { describe, expect, it } from 'vitest';
import type { DrillEnv } from '../support/drill-env.ts';
import { TICKET_IDS, typicalTicket } from '../support/bundles.ts';
import { openTicket } from '../support/harness.ts';
import { clickFile, readyToFile, waitForIssueLink } from '../support/panel.ts';
import { drillEnvForFile, expectExactlyOneIssue } from '../support/drill-scenario.ts';

const ID = TICKET_IDS.typical;
let env: DrillEnv;
drillEnvForFile([typicalTicket(ID)], {}, (started) => (env = started));

const cases: { name: string; settings: Record<string, unknown>; setting: string; label: RegExp }[] = [
  {
    name: 'malformed routing JSON',
    settings: { routing_overrides: '{"teams": [{"id": "distribution", "addKeywords": ["helm"]' },
    setting: 'routing_overrides',
    label: /Routing overrides/,
  },
  {
    name: 'routing override for an unknown team id',
    settings: { routing_overrides: JSON.stringify({ teams: [{ id: 'distributon', slackChannel: '#typo' }] }) },
    setting: 'routing_overrides',
    label: /distributon/,
  },
  {
    name: 'repository name that is not owner/repo',
    settings: { private_repository: 'https://github.com/sourcegraph/customer/issues' },
    setting: 'private_repository',
    label: /Private tracker/,
  },
];

describe('bad settings', () => {
  for (const c of cases) {
    it(`${c.name}: one alert naming ${c.setting}; suggestions and filing work with the defaults`, async () => {
      await env.control.reset();
      await env.control.putSettings({ require_checklist: 'false', ...c.settings });
      const { page, close } = await env.newPage();
      try {
        // As an admin: agents read one line without the parameter names (test/browser/flow-blockers.test.ts).
        const { frame: app } = await openTicket(env, ID, { page, until: 'team-decision', role: 'admin' });
        const alerts = app.getByTestId('settings-alert');
        await alerts.first().waitFor();
        expect(await alerts.count()).toBe(1);
        const text = await alerts.innerText();
        expect(text).toContain(c.setting);
        expect(text).toMatch(c.label);
        // Only the broken setting is named.
        const named = ['routing_overrides', 'private_repository', 'public_repository', 'github_token'].filter((s) => text.includes(s));
        expect(named).toEqual([c.setting]);
        // The rest works: the default routing suggests Distribution for this Kubernetes ticket, and filing files.
        expect(await app.getByTestId('team-decision').getAttribute('data-team-id')).toBe('distribution');
        await expect.poll(() => app.getByTestId('priority-decision').innerText()).toMatch(/p\d/);
        await readyToFile(app);
        await clickFile(app);
        const link = await waitForIssueLink(app);
        expect(link).toContain('/sourcegraph/customer/issues/');
        await expectExactlyOneIssue(env, ID, link);
      } finally {
        await close();
      }
    });
  }

  it('no GitHub token: suggestions still shown; the agent is told the "GitHub token" setting is missing', async () => {
    await env.control.reset();
    await env.control.putSettings({ require_checklist: 'false' }, { github_token: null });
    const { page, close } = await env.newPage();
    try {
      const { frame: app } = await openTicket(env, ID, { page, until: 'team-decision' });
      expect(await app.getByTestId('team-decision').getAttribute('data-team-id')).toBe('distribution');
      // The token is secure: the sidebar can only learn it is missing from GitHub's answer (when the form opens or
      // at the latest when filing). Either way: one alert that names the setting.
      await readyToFile(app);
      const alert = app.locator('[data-testid="settings-alert"], [data-testid="filing-error"]');
      if ((await alert.count()) === 0) await clickFile(app);
      await alert.first().waitFor();
      expect(await alert.count()).toBe(1);
      expect(await alert.innerText()).toMatch(/GitHub token/);
      expect(await env.control.issues()).toHaveLength(0);
    } finally {
      await close();
    }
  });
});
