// The whole sidebar in a DOM, in-process: the real ZafProvider and panel over a ZAF-shaped client whose requests
// go to the preview's Zendesk API and the OpenAPI-checking GitHub stand-in (test/unit/github-fake-zaf.ts).
// Browser-level behaviour (the real SDK, layout, axe) is covered by the browser tests; this proves the data flow:
// registration, translations, suggestions, checklist gating, filing exactly once, the write-back, the linked view.
import { domWindow } from './ui-dom.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeZafClient, SUBDOMAIN } from './github-fake-zaf.ts';
import { parseBundle } from '../../src/core/bundle.ts';
import type { ZafContext, ZafGetResult, ZafMetadata } from '../../src/zaf/client.ts';
import { ZafProvider } from '../../src/ui/shell/ZafProvider.tsx';
import { startSession } from '../../src/ui/start/session.ts';
import { Location } from '../../src/ui/panel/Location.tsx';

type Handler = (data: unknown) => void;

/** The fake client plus what the SDK itself does for the shell: registration, get, invoke, events. */
class ShellClient extends FakeZafClient {
  ready = false;
  settings: Record<string, unknown> = {};
  locale = 'en-US';
  scheme = 'light';
  readonly invoked: unknown[][] = [];
  private readonly handlers = new Map<string, Set<Handler>>();
  constructor(
    private readonly ticketId: number,
    bundles: ReturnType<typeof parseBundle>[],
  ) {
    super({ bundles });
  }
  override async context(): Promise<ZafContext> {
    return { ...(await super.context()), ticketId: this.ticketId };
  }
  override async metadata(): Promise<ZafMetadata> {
    return { ...(await super.metadata()), settings: this.settings };
  }
  // Parameters are optional only because the base class's unused stubs take none.
  override async get(path?: string | string[]): Promise<ZafGetResult> {
    const result: ZafGetResult = { errors: {} };
    for (const p of Array.isArray(path) ? path : [path ?? '']) {
      if (p === 'currentUser') result[p] = { id: 1, name: 'Agent', locale: this.locale };
      else if (p === 'colorScheme') result[p] = this.scheme;
      else result.errors[p] = { message: `no ${p} in this test` };
    }
    return result;
  }
  override async invoke(...args: unknown[]): Promise<ZafGetResult> {
    this.invoked.push(args);
    return { errors: {} };
  }
  override on(event?: string, handler?: Handler): void {
    if (!event || !handler) return;
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)?.add(handler);
  }
  override off(event?: string, handler?: Handler): void {
    if (event && handler) this.handlers.get(event)?.delete(handler);
  }
  override trigger(event?: string, data?: unknown): void {
    if (!event) return;
    if (event === 'app.registered') this.ready = true;
    for (const h of [...(this.handlers.get(event) ?? [])]) h(data);
  }
}

const fixture = (name: string) =>
  parseBundle(JSON.parse(readFileSync(join(import.meta.dirname, '../../preview/tickets', name), 'utf8')), name);

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  localStorage.clear();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  root.unmount();
  container.remove();
});
afterAll(async () => {
  await domWindow.happyDOM.close();
});

async function until<T>(find: () => T | null | undefined | false, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; panel text: ${container.textContent?.slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const byId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

function mount(client: ShellClient): void {
  root.render(
    <ZafProvider session={startSession(client)}>
      <Location />
    </ZafProvider>,
  );
}

// Filing goes through Octokit's throttling (spacing content-creating requests as GitHub asks), so allow seconds.
describe('the sidebar over the preview APIs', { timeout: 60_000 }, () => {
  it('waits for registration, then shows the suggestions, gates filing on the checklist, files once and links back', async () => {
    const bundle = fixture('1004-globex-zoekt-index-stale.json');
    const client = new ShellClient(bundle.ticket.id, [bundle]);
    mount(client);
    await new Promise((r) => setTimeout(r, 50));
    expect(byId('engage-panel')).toBeNull(); // nothing before Zendesk registers the app
    client.trigger('app.registered', {});

    const team = await until(() => byId('team-decision'), 'the suggested team');
    expect(team.textContent).toBe('Search core');
    expect(byId('priority-decision')?.textContent).toMatch(/^ce\/p[0-3]$/);
    expect(byId('customer-name')?.textContent).toBe('Globex Financial');
    expect(byId('team-why')?.textContent).not.toBe('');
    expect(client.invoked.some((a) => a[0] === 'resize')).toBe(true);

    const file = await until(() => byId('file-button') as HTMLButtonElement | null, 'the file button');
    // Step 2 is not pre-ticked here (no internal note says #customer-support-chat was asked): filing waits, with the reason in words.
    expect(file.disabled).toBe(true);
    expect(byId('file-disabled-reason')?.textContent).toContain('teammates asked');

    for (const key of ['environment', 'repro', 'recent_changes', 'impact', 'urgency', 'teammates']) {
      const box = byId(`checklist-check-${key}`) as HTMLInputElement;
      if (!box.checked) box.click();
    }
    // An item is one line; its evidence and note open on demand.
    expect(byId('checklist-note-impact')).toBeNull();
    byId('checklist-toggle-impact')?.click();
    await until(() => byId('checklist-note-impact'), 'the note field of an opened item');
    await until(() => !(byId('file-button') as HTMLButtonElement).disabled, 'File enabled');

    (byId('file-button') as HTMLButtonElement).click();
    (byId('file-button') as HTMLButtonElement | null)?.click(); // a double click files once
    const link = await until(() => byId('filed-issue-link'), 'the issue link', 20_000);
    expect(link.getAttribute('href')).toMatch(/\/sourcegraph\/customer\/issues\/1$/);
    await until(() => byId('writeback-status')?.dataset['state'] === 'ok', 'the write-back');
    expect(byId('handoff-message')).not.toBeNull();
    expect((byId('handoff-message') as HTMLTextAreaElement).value).toContain('/issues/1');

    const issues = client.standIn.listIssues('sourcegraph', 'customer') as { labels: { name: string }[]; body: string }[];
    expect(issues).toHaveLength(1);
    expect(issues[0]?.labels.map((l) => l.name).sort()).toEqual(['ce/p2', 'customer/globex-financial', 'rfh', 'team/search-core'].sort());
    expect(localStorage.getItem(`engage:draft:${SUBDOMAIN}:${bundle.ticket.id}`)).toBeNull(); // cleared after filing

    // A later visit opens on the linked issue instead of the form.
    root.unmount();
    root = createRoot(container);
    const again = new ShellClient(bundle.ticket.id, []);
    Object.assign(again, { store: client.store, standIn: client.standIn });
    mount(again);
    again.trigger('app.registered', {});
    const state = await until(() => byId('linked-issue-state'), 'the linked issue state');
    expect(state.textContent).toBe('Open');
    expect(byId('linked-issue-labels')?.textContent).toContain('team/search-core');
    expect(byId('file-button')).toBeNull();
  });

  it('keeps the draft per ticket across a reload, follows the colour scheme live, and speaks German', async () => {
    const bundle = fixture('1003-helix-java-lsif.json');
    const client = new ShellClient(bundle.ticket.id, [bundle]);
    client.locale = 'de-DE';
    client.scheme = 'dark';
    mount(client);
    client.trigger('app.registered', {});
    await until(() => byId('checklist-toggle-repro'), 'the checklist');
    expect(byId('file-button')?.textContent).toContain('anlegen');
    expect(container.querySelector('[data-color-scheme]')?.getAttribute('data-color-scheme')).toBe('dark');
    client.trigger('colorScheme.changed', 'light');
    await until(() => container.querySelector('[data-color-scheme="light"]'), 'the light scheme');

    byId('checklist-toggle-repro')?.click();
    const note = await until(() => byId('checklist-note-repro') as HTMLInputElement | null, 'the note field');
    // React tracks the value property; set it the way a user's typing does.
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(note, 'Fails on 3.29 <script>alert(1)</script>');
    note.dispatchEvent(new domWindow.Event('input', { bubbles: true }) as unknown as Event);
    byId('kind-tracker-change')?.click();
    (await until(() => byId('kind-defect') as HTMLInputElement | null, 'the kind choices')).click();
    await until(() => byId('teammates-skipped'), 'Step 2 skipped for a defect');

    root.unmount();
    root = createRoot(container);
    const reloaded = new ShellClient(bundle.ticket.id, [bundle]);
    mount(reloaded);
    reloaded.trigger('app.registered', {});
    const restored = await until(() => byId('checklist-note-repro') as HTMLInputElement | null, 'the restored checklist');
    expect(restored.value).toBe('Fails on 3.29 <script>alert(1)</script>');
    expect((byId('kind-defect') as HTMLInputElement).checked).toBe(true);
    expect(container.querySelector('script')).toBeNull();
  });

  it('shows one alert naming a bad setting and still works with the defaults', async () => {
    const bundle = fixture('1002-northwind-gitlab-sync.json');
    const client = new ShellClient(bundle.ticket.id, [bundle]);
    client.settings = { private_repository: 'not a repo', routing_overrides: '{nope' };
    mount(client);
    client.trigger('app.registered', {});
    const alert = await until(() => byId('settings-alert'), 'the settings alert');
    expect(container.querySelectorAll('[data-testid="settings-alert"]')).toHaveLength(1);
    expect(alert.textContent).toContain('private_repository');
    expect(alert.textContent).toContain('routing_overrides');
    await until(() => byId('team-decision'), 'the suggestions');
    // The work area mounts right after the suggestions have painted.
    const file = await until(() => byId('file-button'), 'the File button');
    expect(file.textContent).toContain('sourcegraph/customer'); // the default tracker
  });

  it('turns a failed ticket load into an alert with a retry that recovers', async () => {
    const bundle = fixture('1001-acme-helm-gitserver.json');
    const client = new ShellClient(bundle.ticket.id, [bundle]);
    client.zendeskFaults.push({ method: 'GET', path: '/comments', status: 500, left: 1 });
    mount(client);
    client.trigger('app.registered', {});
    const alert = await until(() => byId('ticket-error'), 'the load error');
    expect(alert.textContent).toContain('Could not load this ticket');
    (byId('retry-button') as HTMLButtonElement).click();
    await until(() => byId('team-decision'), 'the suggestions after retry');
    expect(byId('ticket-error')).toBeNull();
  });
});
