// The host script of the preview's ticket page (bundled for the browser by the preview server with esbuild).
// It plays Zendesk's part for the real ZAF SDK in the app iframe: handshake, registration, get/set/invoke,
// request (through the preview server's proxy), events and the save hook, and it renders the ticket.
// All decisions are in protocol.ts and view.ts (pure, unit-tested); this file only moves data and builds DOM
// with textContent: ticket text never goes through innerHTML.
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { forwardZafRequest } from './forward.ts';
import {
  answerGet,
  answerInvoke,
  answerSet,
  appOriginFor,
  encode,
  eventMessage,
  iframeUrl,
  isTicketWrite,
  parseIframeMessage,
  registrationMessage,
  saveHookMessage,
  ticketChangeEvents,
  type ColorScheme,
  type HostState,
  type ZafMetadataShape,
  type ZafUser,
} from './protocol.ts';
import { formatTime, ticketView, writesView, type WriteRecordLike } from './view.ts';

interface HostTicketResponse {
  bundle: TicketBundle;
  writes: WriteRecordLike[];
  metadata: ZafMetadataShape;
  currentUser: Omit<ZafUser, 'locale'>;
  subdomain: string;
  appGuid: string;
  /** Locales the app has translations for, for the page's locale picker. */
  locales: string[];
  /** Ticket field titles by id (the preview account's ticket form). */
  fieldTitles: Record<number, string>;
}

const POLL_MS = 1500;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`host page is missing #${id}`);
  return node as T;
}

const pageParams = new URLSearchParams(location.search);
const ticketId = Number(document.body.dataset.ticketId);
const locale = pageParams.get('locale') || 'en';
// `?role=admin|agent` opens the ticket as that kind of user (Zendesk answers `currentUser.role`); without it the
// role is the assignee's from the bundle.
const role = pageParams.get('role');
const appOrigin = appOriginFor(location.origin);
const instanceGuid = `preview-${ticketId}-${Math.random().toString(36).slice(2, 10)}`;

let state: HostState | null = null;
let writes: WriteRecordLike[] = [];
let lastSnapshot = '';
let registered = false;
const subscriptions = new Map<string, number>();
let fieldTitles: Record<number, string> = {};
let pendingSave: ((error: string | null) => void) | null = null;

const frame = byId<HTMLIFrameElement>('app-frame');

function post(message: Record<string, unknown>): void {
  frame.contentWindow?.postMessage(encode(message), appOrigin);
}

function log(text: string): void {
  const list = byId('protocol-log');
  list.append(el('li', {}, `${new Date().toISOString().slice(11, 19)} ${text}`));
  while (list.childElementCount > 200) list.firstElementChild?.remove();
}

function setColorScheme(scheme: ColorScheme, notify: boolean): void {
  document.documentElement.dataset.colorScheme = scheme;
  const toggle = byId<HTMLInputElement>('color-scheme-toggle');
  toggle.checked = scheme === 'dark';
  if (state) state.colorScheme = scheme;
  if (notify && registered) {
    post(eventMessage('colorScheme.changed', scheme));
    log(`event colorScheme.changed → ${scheme}`);
  }
}

// ---- rendering ---------------------------------------------------------------------------------------------------

function render(): void {
  if (!state) return;
  const view = ticketView(state.bundle, writes, fieldTitles);
  document.title = `#${view.id} ${view.subject} – Engage preview`;

  const header = el(
    'div',
    { class: 'ticket-header' },
    el('h1', { 'data-testid': 'ticket-subject' }, view.subject),
    el(
      'dl',
      { class: 'ticket-props' },
      el('dt', {}, 'Ticket'),
      el('dd', {}, `#${view.id}`),
      el('dt', {}, 'Status'),
      el('dd', { 'data-testid': 'ticket-status', class: `status status-${view.status}` }, view.status),
      el('dt', {}, 'Priority'),
      el('dd', {}, view.priority),
      el('dt', {}, 'Type'),
      el('dd', {}, view.type),
      el('dt', {}, 'Requester'),
      el('dd', { 'data-testid': 'ticket-requester' }, view.requester),
      el('dt', {}, 'Organization'),
      el(
        'dd',
        { 'data-testid': 'ticket-organization' },
        view.organization ?? '—',
        view.organizationTags.length ? el('span', { class: 'muted' }, ` (${view.organizationTags.join(', ')})`) : null,
      ),
      el('dt', {}, 'Tags'),
      el('dd', { 'data-testid': 'ticket-tags' }, ...view.tags.map((t) => el('span', { class: 'tag' }, t))),
      ...view.customFields.flatMap((f) => [el('dt', { title: `Ticket field ${f.id}` }, f.title), el('dd', { 'data-testid': `ticket-field-${f.id}` }, f.value)]),
    ),
  );

  const conversation = el(
    'ol',
    { class: 'conversation', 'data-testid': 'conversation' },
    ...view.comments.map((c) =>
      el(
        'li',
        {
          class: `comment${c.internal ? ' internal' : ''}${c.writtenByApp ? ' by-app' : ''}`,
          'data-testid': `comment-${c.id}`,
        },
        el(
          'div',
          { class: 'comment-meta' },
          el('strong', {}, c.author),
          el('span', { class: `role role-${c.authorRole}` }, c.authorRole),
          c.internal ? el('span', { class: 'badge internal-badge' }, 'Internal note') : null,
          c.writtenByApp ? el('span', { class: 'badge app-badge' }, 'Written by the app') : null,
          el('time', { datetime: c.createdAt }, formatTime(c.createdAt)),
        ),
        el('div', { class: 'comment-body' }, c.body),
        c.attachments.length
          ? el(
              'ul',
              { class: 'attachments' },
              ...c.attachments.map((a) =>
                el(
                  'li',
                  {},
                  a.href ? el('a', { href: a.href, rel: 'noopener noreferrer nofollow', target: '_blank' }, a.name) : el('span', {}, a.name),
                  el('span', { class: 'muted' }, ` ${a.contentType}, ${a.size}`),
                ),
              ),
            )
          : null,
      ),
    ),
  );
  byId('ticket').replaceChildren(header);
  byId('conversation-box').replaceChildren(conversation);

  const written = writesView(writes);
  byId('written-by-app').replaceChildren(
    el('h2', {}, `Written by the app (${written.length})`),
    written.length
      ? el(
          'ol',
          {},
          ...written.map((w) => el('li', {}, el('time', {}, formatTime(w.at)), el('ul', {}, ...w.what.map((x) => el('li', {}, x))))),
        )
      : el('p', { class: 'muted' }, 'Nothing yet. Internal notes, tags and fields the app writes through the Zendesk API show here.'),
  );

  const draftEntries = Object.entries(state.draft);
  byId('draft-changes').hidden = draftEntries.length === 0;
  byId('draft-changes').replaceChildren(
    el('h2', {}, 'Unsaved form changes (client.set)'),
    draftEntries.length
      ? el('ul', {}, ...draftEntries.map(([k, v]) => el('li', {}, el('code', {}, k), ` = ${JSON.stringify(v)}`)))
      : el('p', { class: 'muted' }, 'None.'),
  );
}

// ---- state -------------------------------------------------------------------------------------------------------

async function fetchState(): Promise<HostTicketResponse> {
  const res = await fetch(`/__host/tickets/${ticketId}`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`loading ticket ${ticketId} failed: HTTP ${res.status}`);
  return (await res.json()) as HostTicketResponse;
}

let lastRevision = -1;

/** Poll the server's change counter; reload the ticket only when something was written (tickets can be MBs). */
async function poll(): Promise<void> {
  const res = await fetch('/__host/revision', { cache: 'no-store' });
  if (!res.ok) return;
  const { revision } = (await res.json()) as { revision: number };
  if (revision === lastRevision) return;
  lastRevision = revision;
  await refresh();
}

/** Reload the live ticket; fire the ZAF events a change implies and re-render when something changed. */
async function refresh(): Promise<void> {
  const data = await fetchState();
  const snapshot = JSON.stringify([data.bundle, data.writes]);
  if (!state || snapshot === lastSnapshot) return;
  const before = state.bundle;
  state.bundle = data.bundle;
  writes = data.writes;
  lastSnapshot = snapshot;
  if (registered) {
    for (const e of ticketChangeEvents(before, data.bundle)) {
      post(eventMessage(e.event, e.data));
      log(`event ${e.event}`);
    }
  }
  render();
}

// ---- the protocol ------------------------------------------------------------------------------------------------

let metadata: ZafMetadataShape | null = null;

function register(): void {
  if (!state || !metadata) return;
  post(
    registrationMessage(metadata, {
      instanceGuid,
      product: 'support',
      account: { subdomain: state.subdomain },
      location: 'ticket_sidebar',
      ticketId,
    }),
  );
  registered = true;
  log('registered (zaf.app.registered)');
  // Zendesk activates a sidebar app when it is first shown.
  post(eventMessage('app.activated', { firstLoad: true }));
}

async function forwardRequest(key: string, options: Record<string, unknown>): Promise<void> {
  const reply = await forwardZafRequest(key, options, { ticketId });
  post(reply);
  log(`${key} ${String(options.type ?? 'GET')} ${String(options.url)} → ${String(reply.key).endsWith('.done') ? 'done' : 'fail'}`);
  if (isTicketWrite(options)) await refresh().catch(() => undefined);
}

function onMessage(event: MessageEvent): void {
  if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
  const msg = parseIframeMessage(event.data);
  if (!msg || !state) return;
  switch (msg.kind) {
    case 'handshake':
      log(`handshake (SDK ${msg.version ?? '?'})`);
      register();
      return;
    case 'get':
      post(answerGet(msg.id, msg.paths, state));
      log(`get ${msg.paths.join(', ')}`);
      return;
    case 'set': {
      const { message, accepted } = answerSet(msg.id, msg.values, state);
      Object.assign(state.draft, accepted);
      post(message);
      log(`set ${Object.keys(msg.values).join(', ')}`);
      if ('ticket.tags' in accepted) post(eventMessage('ticket.tags.changed', accepted['ticket.tags']));
      render();
      return;
    }
    case 'invoke': {
      const { message, effects } = answerInvoke(msg.id, msg.calls);
      post(message);
      if (effects.resize) {
        if (effects.resize.height !== undefined) frame.style.height = `${effects.resize.height}px`;
        if (effects.resize.width !== undefined) frame.style.width = `${effects.resize.width}px`;
        log(`invoke resize ${JSON.stringify(effects.resize)}`);
      }
      if (effects.notify) showNotice(effects.notify.message, effects.notify.kind);
      return;
    }
    case 'subscribe':
      subscriptions.set(msg.event, msg.count);
      return;
    case 'unsubscribe':
      if (msg.count <= 0) subscriptions.delete(msg.event);
      else subscriptions.set(msg.event, msg.count);
      return;
    case 'trigger':
      // Zendesk delivers a triggered event to the app's instances, this one included.
      post(eventMessage(msg.event, msg.data));
      log(`trigger ${msg.event}`);
      return;
    case 'request':
      void forwardRequest(msg.key, msg.options);
      return;
    case 'reply':
      if (msg.event === 'ticket.save' && pendingSave) pendingSave(msg.error);
      return;
    case 'ignored':
      return;
  }
}

function showNotice(message: string, kind: string): void {
  const box = byId('notifications');
  const item = el('div', { class: `notice notice-${kind}`, role: 'status' }, message);
  box.append(item);
  setTimeout(() => item.remove(), 6000);
}

/** The "Submit" button: Zendesk's ticket.save hook, which an app may refuse. The preview saves nothing itself. */
async function submit(): Promise<void> {
  const out = byId('save-result');
  if (!subscriptions.has('ticket.save')) {
    out.textContent = 'Submitted (the app has no ticket.save handler).';
    return;
  }
  const result = await new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => resolve('no answer from the app within 30 s'), 30_000);
    pendingSave = (error) => {
      clearTimeout(timer);
      resolve(error);
    };
    post(saveHookMessage());
  });
  pendingSave = null;
  out.textContent = result === null ? 'Submitted: the app allowed the save.' : `The app refused the save: ${result}`;
}

async function start(): Promise<void> {
  const data = await fetchState();
  const initial: ColorScheme = pageParams.get('colorScheme') === 'dark' ? 'dark' : 'light';
  state = {
    bundle: data.bundle,
    draft: {},
    currentUser: { ...data.currentUser, locale, ...(role ? { role } : {}) },
    colorScheme: initial,
    subdomain: data.subdomain,
    formFieldIds: Object.keys(data.fieldTitles).map(Number),
  };
  writes = data.writes;
  fieldTitles = data.fieldTitles;
  lastSnapshot = JSON.stringify([data.bundle, data.writes]);
  metadata = data.metadata;
  setColorScheme(initial, false);
  render();

  window.addEventListener('message', onMessage);
  frame.src = iframeUrl(appOrigin, location.origin, data.appGuid, initial);

  byId<HTMLInputElement>('color-scheme-toggle').addEventListener('change', (e) => {
    setColorScheme((e.target as HTMLInputElement).checked ? 'dark' : 'light', true);
  });
  byId('submit-button').addEventListener('click', () => void submit());
  const picker = byId<HTMLSelectElement>('locale-select');
  for (const l of new Set([locale, ...data.locales])) picker.append(el('option', { value: l }, l));
  picker.value = locale;
  picker.addEventListener('change', () => {
    // Zendesk reloads apps when the agent changes language; so does the preview.
    const next = new URLSearchParams(location.search);
    next.set('locale', picker.value);
    location.search = next.toString();
  });
  setInterval(() => void poll().catch(() => undefined), POLL_MS);
}

start().catch((e: unknown) => {
  byId('ticket').replaceChildren(el('p', { class: 'error', role: 'alert' }, `The preview could not load this ticket: ${String(e)}`));
});
