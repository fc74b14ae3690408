// The ZAF host protocol as pure functions (preview/README.md describes it): parse what the
// real SDK in the iframe posts, and build what a Zendesk host answers. host.ts only wires these to the DOM, so
// everything here is unit-tested without a browser. Runs in the browser: no Node built-ins.
import { isRecord } from '../../src/core/guards.ts';
import type { TicketBundle, ZendeskComment, ZendeskUser } from '../../src/core/types/zendesk.ts';

export type ColorScheme = 'light' | 'dark';

/** What the host knows to answer `get`: the live bundle, the unsaved form changes made with `set`, the user. */
export interface HostState {
  bundle: TicketBundle;
  /** Values set with `client.set` (the ticket form, unsaved), by ZAF path. */
  draft: Record<string, unknown>;
  currentUser: ZafUser;
  colorScheme: ColorScheme;
  subdomain: string;
  /** Ticket field ids of the account's ticket form: a field on the form but without a value on the ticket is null. */
  formFieldIds?: number[];
}

export interface ZafUser {
  id: number;
  name: string;
  email: string | null;
  role: string;
  locale: string;
  timeZone: { ianaName: string };
  avatarUrl: string;
  organizations: { id: number; name: string }[];
  tags: string[];
}

// ---- messages from the iframe ------------------------------------------------------------------------------------

export type IframeMessage =
  | { kind: 'handshake'; version: string | undefined }
  | { kind: 'get'; id: number; paths: string[] }
  | { kind: 'set'; id: number; values: Record<string, unknown> }
  | { kind: 'invoke'; id: number; calls: Record<string, unknown[]> }
  | { kind: 'subscribe'; event: string; count: number }
  | { kind: 'unsubscribe'; event: string; count: number }
  | { kind: 'trigger'; event: string; data: unknown }
  | { kind: 'request'; key: string; options: Record<string, unknown> }
  | { kind: 'reply'; event: string; error: string | null }
  | { kind: 'ignored'; key: string };

/** Parse one postMessage payload (a JSON string or an object); null when it is not a ZAF SDK message. */
export function parseIframeMessage(data: unknown): IframeMessage | null {
  let msg = data;
  if (typeof msg === 'string') {
    try {
      msg = JSON.parse(msg) as unknown;
    } catch {
      return null;
    }
  }
  if (!isRecord(msg)) return null;
  if (typeof msg.request === 'string' && typeof msg.id === 'number') {
    if (msg.request === 'get' && Array.isArray(msg.params) && msg.params.every((p) => typeof p === 'string')) {
      return { kind: 'get', id: msg.id, paths: msg.params as string[] };
    }
    if (msg.request === 'set' && isRecord(msg.params)) return { kind: 'set', id: msg.id, values: msg.params };
    if (msg.request === 'invoke' && isRecord(msg.params)) {
      const calls: Record<string, unknown[]> = {};
      for (const [name, args] of Object.entries(msg.params)) calls[name] = Array.isArray(args) ? args : [args];
      return { kind: 'invoke', id: msg.id, calls };
    }
    return null;
  }
  if (typeof msg.key !== 'string') return null;
  const key = msg.key;
  const message = msg.message;
  if (key === 'iframe.handshake') {
    return { kind: 'handshake', version: isRecord(message) && typeof message.version === 'string' ? message.version : undefined };
  }
  const count = isRecord(message) && typeof message.subscriberCount === 'number' ? message.subscriberCount : 0;
  if (key.startsWith('iframe.on:')) return { kind: 'subscribe', event: key.slice('iframe.on:'.length), count };
  if (key.startsWith('iframe.off:')) return { kind: 'unsubscribe', event: key.slice('iframe.off:'.length), count };
  if (key.startsWith('iframe.trigger:')) return { kind: 'trigger', event: key.slice('iframe.trigger:'.length), data: message };
  if (key.startsWith('iframe.reply:')) {
    const err = isRecord(msg.error) ? String(msg.error.msg ?? 'refused') : null;
    return { kind: 'reply', event: key.slice('iframe.reply:'.length), error: err };
  }
  if (/^request:\d+$/.test(key) && isRecord(message) && typeof message.url === 'string') {
    return { kind: 'request', key, options: message };
  }
  return { kind: 'ignored', key };
}

// ---- messages to the iframe --------------------------------------------------------------------------------------

export interface ZafContextShape {
  instanceGuid: string;
  product: 'support';
  account: { subdomain: string };
  location: 'ticket_sidebar' | 'nav_bar';
  /** Only in a ticket location. */
  ticketId?: number;
}

export interface ZafMetadataShape {
  appId: number;
  installationId: number;
  name: string;
  version: string;
  settings: Record<string, unknown>;
}

/** Host → iframe messages are sent as JSON strings, which the SDK parses. */
export function encode(message: Record<string, unknown>): string {
  return JSON.stringify(message);
}

export function registrationMessage(metadata: ZafMetadataShape, context: ZafContextShape): Record<string, unknown> {
  return { key: 'zaf.app.registered', message: { metadata, context } };
}

export function eventMessage(event: string, data: unknown): Record<string, unknown> {
  return { key: `zaf.${event}`, message: data };
}

export function saveHookMessage(): Record<string, unknown> {
  return { key: 'zaf.ticket.save', needsReply: true };
}

// ---- get / set ---------------------------------------------------------------------------------------------------

export interface PathError {
  message: string;
  name: string;
  path: string;
}

function pathError(path: string, message = `Could not find handler for: "${path}"`): PathError {
  return { message, name: 'APIUnavailable', path };
}

function userById(bundle: TicketBundle, id: number | null | undefined): ZendeskUser | undefined {
  return id == null ? undefined : bundle.users.find((u) => u.id === id);
}

export function zafUser(user: ZendeskUser, bundle: TicketBundle): Record<string, unknown> {
  const org = bundle.organization && user.organization_id === bundle.organization.id ? bundle.organization : null;
  return {
    id: user.id,
    name: user.name,
    email: user.email ?? null,
    role: user.role,
    avatarUrl: '',
    externalId: null,
    organizations: org ? [{ id: org.id, name: org.name }] : [],
    tags: [],
  };
}

/** Plain text to the minimal HTML Zendesk shows for a comment (ZAF's `comment.value` is HTML). */
export function textToHtml(text: string): string {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return esc
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function zafComment(c: ZendeskComment, bundle: TicketBundle): Record<string, unknown> {
  const author = userById(bundle, c.author_id);
  const isImage = (a: { content_type: string }) => a.content_type.startsWith('image/');
  const attachment = (a: ZendeskComment['attachments'][number]) => ({
    id: a.id,
    contentType: a.content_type,
    contentUrl: a.content_url,
    filename: a.file_name,
    size: a.size,
  });
  return {
    id: c.id,
    // Zendesk hands the app the comment's HTML; the app must treat it as data (the preview does not sanitise,
    // so a careless app shows the same injection here as in Zendesk).
    value: c.html_body ?? textToHtml(c.body),
    author: author ? zafUser(author, bundle) : { id: c.author_id, name: 'Unknown user', role: 'end-user' },
    isPublic: c.public,
    createdAt: c.created_at,
    imageAttachments: c.attachments.filter(isImage).map(attachment),
    nonImageAttachments: c.attachments.filter((a) => !isImage(a)).map(attachment),
  };
}

const CUSTOM_FIELD = /^ticket\.customField:custom_field_(\d+)$/;

/** Paths the host answers at the top level; longer paths descend into these values (`ticket.requester.email`). */
function rootValue(path: string, state: HostState): { found: true; value: unknown } | { found: false } {
  const b = state.bundle;
  const t = b.ticket;
  if (path in state.draft) return { found: true, value: state.draft[path] };
  const field = CUSTOM_FIELD.exec(path);
  if (field) {
    const id = Number(field[1]);
    const f = (t.custom_fields ?? []).find((x) => x.id === id);
    if (f) return { found: true, value: f.value };
    return state.formFieldIds?.includes(id) ? { found: true, value: null } : { found: false };
  }
  const requester = userById(b, t.requester_id);
  const assignee = userById(b, t.assignee_id);
  const values: Record<string, () => unknown> = {
    'ticket.id': () => t.id,
    'ticket.subject': () => t.subject,
    'ticket.description': () => t.description ?? b.comments[0]?.body ?? '',
    'ticket.status': () => t.status,
    'ticket.priority': () => t.priority ?? '-',
    'ticket.type': () => t.type ?? 'ticket',
    'ticket.tags': () => t.tags,
    'ticket.createdAt': () => t.created_at,
    'ticket.updatedAt': () => t.updated_at,
    'ticket.requester': () => (requester ? zafUser(requester, b) : null),
    'ticket.assignee': () => ({ user: assignee ? zafUser(assignee, b) : null, group: null }),
    'ticket.organization': () =>
      b.organization
        ? {
            id: b.organization.id,
            name: b.organization.name,
            tags: b.organization.tags ?? [],
            domains: (b.organization.domain_names ?? []).join(' '),
            organizationFields: b.organization.organization_fields ?? {},
          }
        : null,
    'ticket.comments': () => b.comments.map((c) => zafComment(c, b)),
    'ticket.customFields': () => (t.custom_fields ?? []).map((f) => ({ id: `custom_field_${f.id}`, value: f.value })),
    currentUser: () => state.currentUser,
    currentAccount: () => ({ subdomain: state.subdomain, planName: 'enterprise' }),
    colorScheme: () => state.colorScheme,
    viewport: () => ({ width: 1280, height: 800 }),
  };
  const fn = values[path];
  return fn ? { found: true, value: fn() } : { found: false };
}

export function resolvePath(path: string, state: HostState): { found: true; value: unknown } | { found: false } {
  const direct = rootValue(path, state);
  if (direct.found) return direct;
  // `ticket.requester.email`: find the longest known prefix and walk the rest.
  const parts = path.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const base = rootValue(parts.slice(0, i).join('.'), state);
    if (!base.found) continue;
    let value: unknown = base.value;
    for (const key of parts.slice(i)) {
      if (!isRecord(value) && !Array.isArray(value)) return { found: false };
      if (!(key in (value as Record<string, unknown>))) return { found: false };
      value = (value as Record<string, unknown>)[key];
    }
    return { found: true, value };
  }
  return { found: false };
}

/** `{id, result: {errors, <path>: value}}`: unknown paths go to `errors` (a single-path get then rejects). */
export function answerGet(id: number, paths: string[], state: HostState): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const errors: Record<string, PathError> = {};
  for (const path of paths) {
    const r = resolvePath(path, state);
    if (r.found) result[path] = r.value;
    else errors[path] = pathError(path);
  }
  return { id, result: { ...result, errors } };
}

const SETTABLE_STATUS = ['new', 'open', 'pending', 'hold', 'solved'];

/** Validate `set` values against what a ticket sidebar may change; returns the answer and the accepted values. */
export function answerSet(
  id: number,
  values: Record<string, unknown>,
  state: HostState,
): { message: Record<string, unknown>; accepted: Record<string, unknown> } {
  const errors: Record<string, PathError> = {};
  const accepted: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    let problem: string | null = null;
    if (path === 'ticket.subject') {
      if (typeof value !== 'string' || value.trim() === '') problem = 'must be a non-empty string';
    } else if (path === 'ticket.status') {
      if (typeof value !== 'string' || !SETTABLE_STATUS.includes(value)) problem = `must be one of ${SETTABLE_STATUS.join(', ')}`;
    } else if (path === 'ticket.tags') {
      if (!Array.isArray(value) || value.some((t) => typeof t !== 'string')) problem = 'must be an array of strings';
    } else if (path === 'ticket.priority') {
      if (!['low', 'normal', 'high', 'urgent', '-'].includes(String(value))) problem = 'must be low, normal, high or urgent';
    } else if (path === 'ticket.type') {
      if (!['question', 'incident', 'problem', 'task', 'ticket'].includes(String(value))) problem = 'must be question, incident, problem or task';
    } else if (CUSTOM_FIELD.test(path)) {
      const fieldId = Number(CUSTOM_FIELD.exec(path)![1]);
      const onTicket = (state.bundle.ticket.custom_fields ?? []).some((f) => f.id === fieldId);
      if (!onTicket && !state.formFieldIds?.includes(fieldId)) problem = 'is not a field of this ticket form';
    } else {
      errors[path] = pathError(path);
      continue;
    }
    if (problem) errors[path] = pathError(path, `Invalid value: ${problem}`);
    else accepted[path] = path === 'ticket.tags' ? [...new Set((value as string[]).map((t) => t.toLowerCase()))] : value;
  }
  return { message: { id, result: { ...accepted, errors } }, accepted };
}

// ---- invoke ------------------------------------------------------------------------------------------------------

export const SIDEBAR_WIDTH = { min: 320, max: 380 };
export const APP_HEIGHT = { min: 40, max: 4000 };

function toPixels(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/.exec(v);
    if (m) return Number(m[1]);
  }
  return null;
}

/** `resize` arguments → the iframe size the host applies, clamped to what the sidebar allows. */
export function resizeTarget(arg: unknown): { width?: number; height?: number } {
  if (!isRecord(arg)) return {};
  const out: { width?: number; height?: number } = {};
  const h = toPixels(arg.height);
  if (h !== null) out.height = Math.round(Math.min(APP_HEIGHT.max, Math.max(APP_HEIGHT.min, h)));
  const w = toPixels(arg.width);
  if (w !== null) out.width = Math.round(Math.min(SIDEBAR_WIDTH.max, Math.max(SIDEBAR_WIDTH.min, w)));
  return out;
}

/** Invokes a sidebar app may make that the preview accepts and does nothing for (analytics, pane preloading). */
const IGNORED_INVOKES = new Set(['track', 'preloadPane', 'appRoute']);

export interface InvokeEffects {
  resize?: { width?: number; height?: number };
  notify?: { message: string; kind: string };
  popover?: unknown;
}

export function answerInvoke(id: number, calls: Record<string, unknown[]>): { message: Record<string, unknown>; effects: InvokeEffects } {
  const errors: Record<string, PathError> = {};
  const result: Record<string, unknown> = {};
  const effects: InvokeEffects = {};
  for (const [name, args] of Object.entries(calls)) {
    if (name === 'resize') {
      effects.resize = resizeTarget(args[0]);
      result[name] = null;
    } else if (name === 'notify') {
      effects.notify = { message: String(args[0] ?? ''), kind: String(args[1] ?? 'notice') };
      result[name] = null;
    } else if (IGNORED_INVOKES.has(name)) {
      result[name] = null;
    } else {
      errors[name] = pathError(name, `Could not find handler for: "${name}" (not available in the preview's ticket sidebar)`);
    }
  }
  return { message: { id, result: { ...result, errors } }, effects };
}

// ---- request -----------------------------------------------------------------------------------------------------

export type ServerAnswer =
  | { status: number; statusText?: string; headers: Record<string, string>; body: string }
  | { network: true; message?: string };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The server's answer from the HTTP response of `POST /__zaf/request`: normally a JSON ServerAnswer; when the
 * preview itself refused the call (HTTP error, e.g. options without a URL) that refusal is what the app gets.
 */
export function serverAnswerFrom(httpStatus: number, contentType: string, text: string): ServerAnswer {
  if (httpStatus >= 200 && httpStatus < 300) {
    try {
      const v = JSON.parse(text) as unknown;
      if (isRecord(v) && (v.network === true || (typeof v.status === 'number' && typeof v.body === 'string' && isRecord(v.headers)))) {
        return v as ServerAnswer;
      }
    } catch {
      /* fall through: a broken preview answer is reported like a broken upstream */
    }
    return { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/plain' }, body: `unexpected answer from the preview server: ${text.slice(0, 200)}` };
  }
  return { status: httpStatus, headers: { 'content-type': contentType }, body: text };
}

/** The part of `client.request` options the host forwards to `POST /__zaf/request` (JSON-able only). */
export function forwardableOptions(options: Record<string, unknown>): Record<string, unknown> {
  const keep = ['url', 'type', 'method', 'headers', 'data', 'contentType', 'dataType', 'secure', 'cors', 'httpCompleteResponse', 'timeout'];
  const out: Record<string, unknown> = {};
  for (const k of keep) if (options[k] !== undefined) out[k] = options[k];
  return out;
}

/**
 * Translate the server's answer into the SDK's `zaf.request:<n>.done|fail` message, as Zendesk's jQuery-based
 * framework does: done for 2xx/304 with `[data, textStatus, xhr]` (or `{status, headers, responseText, responseJSON}`
 * with `httpCompleteResponse`), fail with `[{status, statusText, responseText, responseJSON, headers}]`.
 * `timedOut`: the host aborted because `options.timeout` passed.
 */
export function requestReply(key: string, options: Record<string, unknown>, answer: ServerAnswer | { timedOut: true }): Record<string, unknown> {
  const fail = (args: Record<string, unknown>) => ({ key: `zaf.${key}.fail`, message: { responseArgs: [args] } });
  if ('timedOut' in answer) return fail({ status: 0, statusText: 'timeout', responseText: '', headers: {} });
  if ('network' in answer) return fail({ status: 0, statusText: 'error', responseText: '', headers: {} });

  const { status, headers, body } = answer;
  const statusText = answer.statusText ?? '';
  const contentType = headers['content-type'] ?? '';
  const parsed = body === '' ? { ok: false as const } : parseJson(body);
  const responseJSON = /json/i.test(contentType) && parsed.ok ? parsed.value : undefined;
  const success = (status >= 200 && status < 300) || status === 304;

  if (!success) {
    const args: Record<string, unknown> = { status, statusText, responseText: body, headers };
    if (responseJSON !== undefined) args.responseJSON = responseJSON;
    return fail(args);
  }
  if (options.httpCompleteResponse === true) {
    const complete: Record<string, unknown> = { status, headers, responseText: body };
    if (responseJSON !== undefined) complete.responseJSON = responseJSON;
    return { key: `zaf.${key}.done`, message: { responseArgs: [complete] } };
  }
  // jQuery's "intelligent guess": JSON when asked for or when the server says so, else the text.
  const dataType = options.dataType;
  let data: unknown = body;
  if (status === 204 || status === 304 || body === '') {
    data = undefined;
  } else if (dataType === 'json' || (dataType !== 'text' && /json/i.test(contentType))) {
    if (!parsed.ok) {
      return fail({ status, statusText: 'parsererror', responseText: body, headers });
    }
    data = parsed.value;
  }
  const textStatus = status === 204 ? 'nocontent' : status === 304 ? 'notmodified' : 'success';
  const xhr: Record<string, unknown> = { status, statusText, responseText: body, readyState: 4 };
  if (responseJSON !== undefined) xhr.responseJSON = responseJSON;
  return { key: `zaf.${key}.done`, message: { responseArgs: [data, textStatus, xhr] } };
}

// ---- events after writes -----------------------------------------------------------------------------------------

/** The ZAF events a change of the live ticket fires (tags, status, custom fields, new comments). */
export function ticketChangeEvents(before: TicketBundle, after: TicketBundle): { event: string; data: unknown }[] {
  const events: { event: string; data: unknown }[] = [];
  const a = before.ticket;
  const b = after.ticket;
  if (JSON.stringify(a.tags) !== JSON.stringify(b.tags)) events.push({ event: 'ticket.tags.changed', data: b.tags });
  if (a.status !== b.status) events.push({ event: 'ticket.status.changed', data: b.status });
  const old = new Map((a.custom_fields ?? []).map((f) => [f.id, JSON.stringify(f.value)]));
  for (const f of b.custom_fields ?? []) {
    if (old.get(f.id) !== JSON.stringify(f.value)) events.push({ event: `ticket.custom_field_${f.id}.changed`, data: f.value });
  }
  if (after.comments.length !== before.comments.length) {
    events.push({ event: 'ticket.conversation.changed', data: after.comments.map((c) => c.id) });
  }
  if (events.length) events.push({ event: 'ticket.updated', data: { id: b.id, updatedAt: b.updated_at } });
  return events;
}

/** Whether a `client.request` may have changed the ticket (then the host reloads the state and fires events). */
export function isTicketWrite(options: Record<string, unknown>): boolean {
  const method = String(options.type ?? options.method ?? 'GET').toUpperCase();
  return method !== 'GET' && typeof options.url === 'string' && /\/api\/v2\/tickets\//.test(options.url);
}

/** The iframe URL, with the query Zendesk gives the app: `/app/assets/iframe.html?origin=...&app_guid=...&colorScheme=...`. */
export function iframeUrl(appOrigin: string, hostOrigin: string, appGuid: string, colorScheme: ColorScheme): string {
  const q = new URLSearchParams({ origin: hostOrigin, app_guid: appGuid, colorScheme });
  return `${appOrigin}/app/assets/iframe.html?${q.toString()}`;
}

/**
 * Zendesk serves apps from another origin than the agent's page; the preview does the same by serving the page on
 * one loopback name and the app on the other, so the app cannot reach into the page (and tests catch apps that try).
 */
export function appOriginFor(pageOrigin: string): string {
  const u = new URL(pageOrigin);
  const other = u.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return `${u.protocol}//${other}${u.port ? `:${u.port}` : ''}`;
}
