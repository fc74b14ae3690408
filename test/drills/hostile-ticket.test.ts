// Hostile ticket drill: 58 script payloads spread over the subject, comments (public and internal), organisation
// and user names, attachment file names and tags. Opened in the preview, every panel section unfolded, filed, and
// the filed issue viewed on the stand-in's /github page: not one payload may run — in the app's iframe or in the
// preview page around it — and none may become an element; the panel shows them as text.
//
// Detection: `__xss(n)` (exposed in every frame) records a call, any dialog (alert/confirm/prompt) is recorded and
// dismissed, and after each step both documents are searched for elements the payloads would create.
import { expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { DrillEnv } from '../support/drill-env.ts';
import { drillEnvForFile } from '../support/drill-scenario.ts';
import { TICKET_IDS, hostileTicket } from '../support/bundles.ts';
import { appFrame, openTicket } from '../support/harness.ts';
import { clickFile, readyToFile, waitForIssueLink } from '../support/panel.ts';

const ID = TICKET_IDS.hostile;
const { bundle, payloads } = hostileTicket(ID);
let env: DrillEnv;
drillEnvForFile([bundle], { settings: { require_checklist: 'false' } }, (started) => (env = started));

/** Elements a payload would leave behind if it were parsed as HTML instead of shown as text. */
const INJECTED = [
  '[data-xss]',
  'xss-el',
  'script:not([src])',
  '[onerror]',
  '[onload]',
  '[onfocus]',
  '[ontoggle]',
  '[onbegin]',
  '[onstart]',
  '[onmouseover]',
  '[onpointerover]',
  'a[href^="javascript:" i]',
  '[formaction]',
  'iframe[srcdoc]',
  'meta[http-equiv]',
  'base[href]',
  'marquee',
  'keygen',
].join(',');

async function injectedIn(frame: Frame | Page): Promise<string[]> {
  return frame.evaluate(
    (selector) => [...document.querySelectorAll(selector)].map((el) => el.outerHTML.slice(0, 120)),
    INJECTED,
  );
}

it(`renders ${payloads.length} XSS payloads as text: 0 executions, 0 injected elements, in the iframe and the preview page`, async () => {
  expect(payloads.length).toBeGreaterThanOrEqual(50);
  await env.control.reset();
  const { page, context, close } = await env.newPage();
  const hits: { n: string; url: string }[] = [];
  const dialogs: string[] = [];
  try {
    await context.exposeBinding('__xss', (source, n: unknown) => {
      hits.push({ n: String(n), url: source.frame.url() });
    });
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    context.on('page', (p) => hits.push({ n: 'popup', url: p.url() })); // a payload opening a window counts too

    const { frame } = await openTicket(env, ID, { page, until: 'team-decision' });
    const app = frame;
    // Unfold everything that shows ticket text: the details (evidence snippets) and the issue preview (quoted body).
    await app.getByTestId('details-toggle').click();
    await app.getByTestId('details').waitFor();
    await app.getByTestId('issue-preview').getByRole('button').first().click();
    await app.getByTestId('preview-body').waitFor();
    // Pointer and focus payloads need a pointer and focus: move over and tab through the panel.
    await page.mouse.move(200, 200);
    await page.mouse.move(1100, 400);
    for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
    await page.waitForTimeout(500); // onerror/onload fire asynchronously

    expect(await injectedIn(frame), 'injected elements in the app iframe').toEqual([]);
    expect(await injectedIn(page), 'injected elements in the preview page').toEqual([]);

    // Shown as text, exactly as written.
    const orgName = bundle.organization!.name;
    expect(await app.getByTestId('customer-name').innerText()).toContain(orgName);
    expect(await app.getByTestId('ticket-subject').innerText()).toBe(bundle.ticket.subject);
    // The issue preview renders the Markdown as GitHub will: the payloads are there as text (`<script>__xss(1)`),
    // one per payload number (a few payloads write the call differently, e.g. `alert(41)`), and none of them is an
    // element (injectedIn above). The exact source that goes to GitHub has them escaped (`&lt;script&gt;\_\_xss(1)`).
    await app.locator('[data-testid="preview-body"][data-view="rendered"]').waitFor();
    const previewBody = await app.getByTestId('preview-body').innerText();
    const shown = new Set([...previewBody.matchAll(/xss(?:\\)?(?:\(|&(?:amp;)?#40;)(\d+)/g)].map((m) => m[1]));
    expect(shown.size, 'payloads visible as text in the issue preview').toBeGreaterThanOrEqual(payloads.length - 5);
    await app.getByTestId('preview-source-toggle').click();
    await app.locator('[data-testid="preview-body"][data-view="source"]').waitFor();
    expect(await app.getByTestId('preview-body').innerText()).not.toMatch(/<script>/); // HTML is neutralised in what goes to GitHub
    expect(await injectedIn(frame), 'injected elements with the source shown').toEqual([]);

    // File it, then look at what GitHub would show.
    await readyToFile(app);
    await clickFile(app);
    await waitForIssueLink(app);
    await page.waitForTimeout(300);
    expect(await injectedIn(frame), 'injected elements after filing').toEqual([]);

    await page.goto(new URL('/github', env.baseUrl).href);
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    expect(await injectedIn(page), 'injected elements on the /github page').toEqual([]);

    // Reopen the ticket: the linked-issue view shows the (hostile) title and labels from GitHub.
    const { frame: again } = await openTicket(env, ID, { page, until: 'linked-issue' });
    await again.getByTestId('linked-issue').waitFor();
    await page.waitForTimeout(300);
    expect(await injectedIn(await appFrame(page)), 'injected elements in the linked-issue view').toEqual([]);
    expect(await injectedIn(page)).toEqual([]);

    expect(hits, 'payload executions (__xss calls, popups)').toEqual([]);
    expect(dialogs, 'dialogs opened by payloads').toEqual([]);
  } finally {
    await close();
  }
});
