// Fault drills, GitHub refusing: bad token (401), no push access (403), repository not found (404), validation
// (422), primary and secondary rate limits (403/429 with retry-after). Each through the real panel in Chromium
// against the preview: a clear Garden alert with the next step, the draft intact, retry succeeds, exactly one issue.
import { describe, expect, it } from 'vitest';
import type { DrillEnv } from '../support/drill-env.ts';
import { TICKET_IDS, typicalTicket } from '../support/bundles.ts';
import {
  CREATE_ISSUE,
  clickRetry,
  createFault,
  drillEnvForFile,
  expectClearAlert,
  expectExactlyOneIssue,
  faultDrill,
  filingError,
  openPrepared,
} from '../support/drill-scenario.ts';
import { openTicket } from '../support/harness.ts';
import { clickFile, pumpClockUntil, readDraft, waitForIssueLink } from '../support/panel.ts';

const ID = TICKET_IDS.typical;
let env: DrillEnv;
drillEnvForFile([typicalTicket(ID)], {}, (started) => (env = started));

describe('GitHub refuses', () => {
  it('401: the token was revoked → names the GitHub token setting; works again once it is put back', async () => {
    await faultDrill(env, ID, {
      breakIt: () => env.control.putSettings({}, { github_token: 'ghp_revoked000000000000000000000000000000' }).then(() => undefined),
      code: 'github_unauthorized',
      mention: /GitHub token/,
      recover: () => env.control.putSettings({}, { github_token: env.token }).then(() => undefined),
    });
  });

  it('401 on every GitHub call (injected) → alert, then retry succeeds', async () => {
    await faultDrill(env, ID, {
      breakIt: () => env.control.addGitHubFault({ status: 401, times: 100 }).then(() => undefined),
      code: 'github_unauthorized',
      mention: /token/i,
    });
  });

  // The form asks GitHub for access when it opens (a positive answer is then trusted for a few minutes, which spares
  // the click a request), so the read-only token is in place before the panel opens: the agent is warned before
  // filing, and the click, which asks again (a negative answer is never remembered), refuses.
  it('403 without push access: warned before filing, refused before anything is created, names the repository', async () => {
    await env.control.reset();
    env.setPermission('sourcegraph', 'customer', 'read');
    const opened = await openPrepared(env, ID);
    const { app } = opened;
    try {
      const warning = app.getByTestId('access-warning');
      await warning.waitFor({ state: 'visible', timeout: 30_000 });
      expect(await warning.getAttribute('data-state')).toBe('no-push');
      expect(await warning.innerText()).toMatch(/sourcegraph\/customer/);
      expect(await app.getByTestId('file-button').isEnabled(), 'File stays enabled: the click checks again').toBe(true);
      await clickFile(app);
      const alert = await filingError(app);
      expect(alert.code).toBe('github_no_push');
      await expectClearAlert(app, alert.text, /sourcegraph\/customer/);
      expect(await readDraft(app), 'the draft after the error').toEqual(opened.draft);
      expect(await env.control.issuesForTicket(ID)).toHaveLength(0);
      env.setPermission('sourcegraph', 'customer', 'admin');
      await clickRetry(app);
      const issue = await expectExactlyOneIssue(env, ID, await waitForIssueLink(app));
      // The issue has its labels: it was filed with push access, not with them silently dropped.
      expect(issue.labels.length).toBeGreaterThan(0);
    } finally {
      await opened.drill.close();
    }
  });

  it('404: a repository setting that does not exist → names the setting; fixed setting + reload files, draft kept', async () => {
    await env.control.reset();
    await env.control.putSettings({ private_repository: 'sourcegraph/no-such-repo' });
    const opened = await openPrepared(env, ID);
    try {
      await clickFile(opened.app);
      const alert = await filingError(opened.app);
      expect(alert.code).toBe('github_repo_not_found');
      await expectClearAlert(opened.app, alert.text, /sourcegraph\/no-such-repo[\s\S]*private_repository|Private tracker/);
      expect(await readDraft(opened.app)).toEqual(opened.draft);
      expect(await env.control.issues()).toHaveLength(0);
      // The administrator fixes the setting; the agent reloads the ticket: the draft is still there.
      await env.control.putSettings({});
      await opened.page.reload();
      const { frame: app } = await openTicket(env, ID, { page: opened.page, until: 'file-button' });
      expect(await readDraft(app), 'the draft after a reload').toEqual(opened.draft);
      await clickFile(app);
      await expectExactlyOneIssue(env, ID, await waitForIssueLink(app));
    } finally {
      await opened.drill.close();
    }
  });

  it('422 validation → names the field GitHub complained about', async () => {
    await faultDrill(env, ID, {
      breakIt: createFault(env, {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }],
          documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
        },
      }),
      code: 'github_validation',
      mention: /title/,
    });
  });
});

describe('GitHub rate limits', () => {
  const wait2 = { 'retry-after': '2' };

  it('429 with retry-after: the automatic wait is not enough → alert with the wait; retry succeeds', async () => {
    await faultDrill(env, ID, {
      // Twice: the throttling plugin waits the advised 2 s and retries once by itself.
      breakIt: createFault(env, { status: 429, headers: wait2, times: 2 }),
      code: 'github_rate_limited',
      mention: /\b2\b|seconds/,
    });
  });

  it('primary rate limit (403, x-ratelimit-remaining 0) → alert with the wait; retry succeeds', async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 2);
    await faultDrill(env, ID, {
      breakIt: createFault(env, {
        status: 403,
        headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'x-ratelimit-resource': 'core' },
        body: { message: 'API rate limit exceeded for user ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' },
        times: 2,
      }),
      code: 'github_rate_limited',
      mention: /seconds/,
    });
  });

  it('secondary rate limit (403 + retry-after) → alert with the wait; retry succeeds', async () => {
    await faultDrill(env, ID, {
      breakIt: createFault(env, {
        status: 403,
        headers: wait2,
        body: {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        },
        times: 2,
      }),
      code: 'github_rate_limited',
      mention: /seconds/,
    });
  });

  it('a long secondary limit (retry-after 120) counts down; Retry is enabled only after the wait', async () => {
    await faultDrill(env, ID, {
      clock: true,
      breakIt: createFault(env, {
        status: 403,
        headers: { 'retry-after': '120' },
        body: { message: 'You have exceeded a secondary rate limit.' },
      }),
      code: 'github_rate_limited',
      mention: /120/,
      recover: async () => {
        await env.control.clearFaults();
      },
      afterClick: async ({ page, app }) => {
        await app.getByTestId('filing-error').waitFor();
        expect(await app.getByTestId('file-button').isEnabled(), 'Retry during the advised wait').toBe(false);
        await pumpClockUntil(page, () => app.getByTestId('file-button').isEnabled(), { stepMs: 20_000 });
      },
    });
  });

  it('429 with a short retry-after is waited out by itself: no alert, one issue', async () => {
    await env.control.reset();
    const opened = await openPrepared(env, ID);
    try {
      await env.control.addGitHubFault({ ...CREATE_ISSUE, status: 429, headers: { 'retry-after': '1' } });
      await clickFile(opened.app);
      const link = await waitForIssueLink(opened.app);
      expect(await opened.app.getByTestId('filing-error').count()).toBe(0);
      await expectExactlyOneIssue(env, ID, link);
    } finally {
      await opened.drill.close();
    }
  });
});
