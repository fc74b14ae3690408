// The host script of the preview's `/insights` page: Zendesk's part for the app in its `nav_bar` location (the
// insights page), with the real ZAF SDK in the iframe. Handshake, registration with `location: 'nav_bar'`, `get`
// (user, account, colour scheme), `invoke`, `request` through the preview server's proxy (no ticket: the preview
// agent), events. Decisions are in protocol.ts and nav-bar-protocol.ts; this file moves data and builds DOM with
// textContent only.
import { answerNavBarGet, navBarIframeUrl, type NavBarState } from './nav-bar-protocol.ts';
import { forwardZafRequest } from './forward.ts';
import {
  answerInvoke,
  appOriginFor,
  encode,
  eventMessage,
  parseIframeMessage,
  registrationMessage,
  type ColorScheme,
  type ZafMetadataShape,
  type ZafUser,
} from './protocol.ts';

interface HostNavBarResponse {
  metadata: ZafMetadataShape;
  currentUser: Omit<ZafUser, 'locale'>;
  subdomain: string;
  appGuid: string;
  locales: string[];
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`host page is missing #${id}`);
  return node as T;
}

const pageParams = new URLSearchParams(location.search);
const locale = pageParams.get('locale') || 'en';
const appOrigin = appOriginFor(location.origin);
const instanceGuid = `preview-nav-bar-${Math.random().toString(36).slice(2, 10)}`;
const frame = byId<HTMLIFrameElement>('app-frame');
let state: NavBarState | null = null;
let metadata: ZafMetadataShape | null = null;
let registered = false;

function post(message: Record<string, unknown>): void {
  frame.contentWindow?.postMessage(encode(message), appOrigin);
}

function log(text: string): void {
  const list = byId('protocol-log');
  const item = document.createElement('li');
  item.textContent = `${new Date().toISOString().slice(11, 19)} ${text}`;
  list.append(item);
  while (list.childElementCount > 200) list.firstElementChild?.remove();
}

function setColorScheme(scheme: ColorScheme, notify: boolean): void {
  document.documentElement.dataset.colorScheme = scheme;
  byId<HTMLInputElement>('color-scheme-toggle').checked = scheme === 'dark';
  if (state) state.colorScheme = scheme;
  if (notify && registered) {
    post(eventMessage('colorScheme.changed', scheme));
    log(`event colorScheme.changed → ${scheme}`);
  }
}

async function forwardRequest(key: string, options: Record<string, unknown>): Promise<void> {
  const reply = await forwardZafRequest(key, options);
  post(reply);
  log(`${key} ${String(options.type ?? 'GET')} ${String(options.url)} → ${String(reply.key).endsWith('.done') ? 'done' : 'fail'}`);
}

function onMessage(event: MessageEvent): void {
  if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
  const msg = parseIframeMessage(event.data);
  if (!msg || !state || !metadata) return;
  switch (msg.kind) {
    case 'handshake':
      post(registrationMessage(metadata, { instanceGuid, product: 'support', account: { subdomain: state.subdomain }, location: 'nav_bar' }));
      registered = true;
      log('registered (zaf.app.registered, nav_bar)');
      post(eventMessage('app.activated', { firstLoad: true }));
      return;
    case 'get':
      post(answerNavBarGet(msg.id, msg.paths, state));
      log(`get ${msg.paths.join(', ')}`);
      return;
    case 'invoke': {
      // `routeTo('ticket', id)`: Zendesk opens the ticket in the agent's workspace; the preview opens its ticket page.
      const route = msg.calls.routeTo;
      if (route && route[0] === 'ticket' && /^\d+$/.test(String(route[1]))) {
        post({ id: msg.id, result: { errors: {} } });
        log(`invoke routeTo ticket ${String(route[1])}`);
        location.assign(`/tickets/${String(route[1])}`);
        return;
      }
      // A nav_bar app fills its pane: a resize is answered but changes nothing here.
      post(answerInvoke(msg.id, msg.calls).message);
      return;
    }
    case 'trigger':
      post(eventMessage(msg.event, msg.data));
      return;
    case 'request':
      void forwardRequest(msg.key, msg.options);
      return;
    case 'set':
      post({ id: msg.id, result: { errors: Object.fromEntries(Object.keys(msg.values).map((p) => [p, { message: `Could not find handler for: "${p}"`, name: 'APIUnavailable', path: p }])) } });
      return;
    default:
      return;
  }
}

async function start(): Promise<void> {
  const res = await fetch('/__host/nav-bar', { cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const data = (await res.json()) as HostNavBarResponse;
  const initial: ColorScheme = pageParams.get('colorScheme') === 'dark' ? 'dark' : 'light';
  state = { currentUser: { ...data.currentUser, locale }, colorScheme: initial, subdomain: data.subdomain };
  metadata = data.metadata;
  setColorScheme(initial, false);
  window.addEventListener('message', onMessage);
  frame.src = navBarIframeUrl(appOrigin, location.origin, data.appGuid, initial);
  byId<HTMLInputElement>('color-scheme-toggle').addEventListener('change', (e) => {
    setColorScheme((e.target as HTMLInputElement).checked ? 'dark' : 'light', true);
  });
  const picker = byId<HTMLSelectElement>('locale-select');
  for (const l of new Set([locale, ...data.locales])) {
    const option = document.createElement('option');
    option.value = l;
    option.textContent = l;
    picker.append(option);
  }
  picker.value = locale;
  picker.addEventListener('change', () => {
    const next = new URLSearchParams(location.search);
    next.set('locale', picker.value);
    location.search = next.toString();
  });
}

start().catch((e: unknown) => {
  const p = document.createElement('p');
  p.className = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = `The preview could not start the insights page: ${String(e)}`;
  document.querySelector('main')?.prepend(p);
});
