// Redaction for the public tracker (handbook: "The issue must not include any private information").
// Removes, writing `REDACTED`: the customer's names (organisation, requester, every end-user who wrote), e-mail
// addresses, hostnames and URLs of their systems (anything not on a short public allow-list), IP addresses (v4, v6),
// and secrets: the credentials every tracker masks (secrets.ts, written `[masked <kind>]` as in the private tracker)
// plus long random-looking strings, which only the public tracker removes (in private they are commit SHAs and ids
// an engineer needs). Internal notes are dropped by the composer (compose.ts), which records them here too.
//
// All detectors run on the original text and their matches are merged (earliest, then longest wins), so one
// replacement never creates or hides another match. Each removal is reported for the agent's preview.

import { maskContext, MaskLog } from './mask.ts';
import { each, findSecrets, maskFor, type SecretKind } from './secrets.ts';
import type { MaskedCredential, MaskWhere, Redaction } from './types/filing.ts';
import type { TicketModel } from './types/ticket.ts';

export const REDACTED = 'REDACTED';

export interface RedactionContext {
  /** Names to remove wherever they appear (case-insensitive, whole words): organisation, requester, end-users. */
  names: string[];
  /** Single name parts removed only when written with their capital (first names like "Will" or "Mark"). */
  nameParts: string[];
  /** Domains of the customer (organisation `domain_names`, e-mail domains): the domain and all its subdomains. */
  domains: string[];
}

/**
 * Hosts whose URLs are public knowledge and stay; exact names only (a customer's managed instance is
 * `<customer>.sourcegraph.com`, and a bucket `<name>.s3.amazonaws.com`). github.com only under /sourcegraph/.
 */
const ALLOWED_HOSTS = [
  'sourcegraph.com',
  'www.sourcegraph.com',
  'docs.sourcegraph.com',
  'about.sourcegraph.com',
  'handbook.sourcegraph.com',
  'sourcegraph.github.io',
];
const ALLOWED_GITHUB_PATH = /^\/sourcegraph(?:[/?#]|$)/i;
/** Hostnames that are fine as bare words (not URLs): public services every ticket mentions. Exact names only. */
const ALLOWED_BARE_HOSTS = [
  ...ALLOWED_HOSTS,
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'docker.io',
  'docker.com',
  'hub.docker.com',
  'k8s.io',
  'kubernetes.io',
  'gcr.io',
  'ghcr.io',
  'quay.io',
  'npmjs.com',
  'golang.org',
  'go.dev',
  'helm.sh',
  'zendesk.com',
];

// Words that appear in names but are not identifying (and would otherwise blank out the ticket).
const GENERIC_NAME_WORDS = new Set(
  (
    'inc incorporated corp corporation co company llc ltd limited plc gmbh ag sa sas bv nv ab oy as spa srl kk ' +
    'group holding holdings international global services service solutions systems technologies technology tech ' +
    'software labs lab bank university college the of and for de la le les der die das von van und et ' +
    'sourcegraph github gitlab admin administrator support user users team teams customer engineering devops ops ' +
    'it info help service desk account accounts security platform infra infrastructure dev test demo'
  ).split(' '),
);

const FREE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'proton.me',
  'protonmail.com',
  'aol.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'qq.com',
  '163.com',
]);

function uniq(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

function nameWords(name: string): string[] {
  return name.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w.length >= 3 && !GENERIC_NAME_WORDS.has(w.toLowerCase()));
}

/**
 * What to redact for one ticket: the organisation and customer name (and their distinctive words), the requester
 * and every end-user author (full names; first/last names when capitalised), the requester's e-mail domain unless it
 * is a free-mail provider. `extra` adds what the model does not carry: more organisation names, more people (e.g.
 * every end-user of the bundle), the organisation's `domain_names`.
 */
export function redactionContextFor(
  model: TicketModel,
  extra: { names?: string[]; people?: string[]; domains?: string[] } = {},
): RedactionContext {
  const orgNames = uniq([model.customerName, model.organization?.name ?? '', ...(extra.names ?? [])]);
  const people = uniq([
    model.requester.name,
    ...model.messages.filter((m) => m.authorRole === 'customer').map((m) => m.authorName),
    ...(extra.people ?? []),
  ]).filter((n) => !/^User \d+$/.test(n));
  const domains: string[] = [...(extra.domains ?? [])];
  const emailDomain = model.requester.email?.split('@')[1]?.toLowerCase();
  if (emailDomain && !FREE_MAIL_DOMAINS.has(emailDomain)) domains.push(emailDomain);
  // A customer name that is itself a domain (no organisation: the e-mail domain) is a domain too.
  for (const n of orgNames) if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(n)) domains.push(n.toLowerCase());
  // The distinctive label of each domain ("acme" of acme.com) is a name the customer goes by.
  const domainWords = domains.map((d) => d.split('.').slice(-2, -1)[0] ?? '').filter((w) => w.length >= 3);
  return {
    names: uniq([...orgNames, ...people, ...orgNames.flatMap(nameWords), ...domainWords.filter((w) => !GENERIC_NAME_WORDS.has(w))]),
    nameParts: uniq(people.flatMap(nameWords)),
    domains: uniq(domains.map((d) => d.toLowerCase().replace(/^\.+|\.+$/g, ''))),
  };
}

interface Span {
  start: number;
  end: number;
  kind: Redaction['kind'];
  /** Kind `secret`: which credential, and how specific its detector is (secrets.ts `rank`). */
  secret?: SecretKind;
  rank?: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** Is the character at `i` (before a match when `before`, so a surrogate pair is read backwards) a letter/digit? */
function isWordChar(text: string, i: number, before: boolean): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  const start = before && code >= 0xdc00 && code <= 0xdfff && i > 0 ? i - 1 : i;
  const cp = text.codePointAt(start);
  return cp !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---- addresses --------------------------------------------------------------------------------------------------

// Starts only where a run of local-part characters starts (the look-behind), so a long word costs one pass, not n².
const EMAIL = /(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const URL = /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s<>"'`]+/gi;
const IPV4 = /(?<![0-9.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?::\d{1,5})?(?![0-9]|\.\d)/g;
const IPV6_RUN = /(?<![0-9A-Fa-f:.])[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:%[A-Za-z0-9._-]+)?/g;
// Hostnames ending in a real-looking top-level domain (a list, so "values.yaml" and "v3.29.1" are left alone).
const TLDS =
  'com|net|org|io|dev|app|ai|co|cloud|tech|info|biz|us|uk|de|fr|nl|be|ch|at|se|no|dk|fi|es|it|pt|pl|cz|ie|ca|au|nz|jp|cn|kr|in|sg|hk|tw|br|mx|ar|za|il|ru|eu|me|tv|xyz|site|online|systems|local|internal|intranet|corp|lan|home|localdomain|gov|edu|mil';
const HOSTNAME = new RegExp(
  `(?<![A-Za-z0-9@._-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+(?:${TLDS})(?::\\d{1,5})?(?![A-Za-z0-9-]|\\.[A-Za-z0-9])`,
  'gi',
);

function bareHost(host: string): string {
  return host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

function hostAllowed(host: string, allowed: readonly string[]): boolean {
  return allowed.includes(bareHost(host));
}

function inDomains(host: string, domains: readonly string[]): boolean {
  const h = bareHost(host);
  return domains.some((d) => h === d || h.endsWith(`.${d}`));
}

function urlAllowed(url: string): boolean {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#\s]*@)?([^/?#:\s]+)(?::\d+)?([^\s]*)$/i.exec(url);
  if (!m) return false;
  if (/@/.test(url.split(/[/?#]/, 3).slice(0, 3).join('/'))) return false; // credentials in the URL
  const host = (m[1] as string).toLowerCase();
  const path = m[2] ?? '';
  if (hostAllowed(host, ALLOWED_HOSTS)) return true;
  if (host === 'github.com' || host === 'www.github.com') return ALLOWED_GITHUB_PATH.test(path);
  return false;
}

/** A full IPv6 address check (with `::` compression and an embedded IPv4 tail). */
export function isIPv6(candidate: string): boolean {
  const s = candidate.replace(/%[A-Za-z0-9._-]+$/, '');
  if (!s.includes(':')) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string): string[] | null => {
    if (part === '') return [];
    const g = part.split(':');
    const last = g[g.length - 1] as string;
    const out: string[] = [];
    for (let i = 0; i < g.length; i++) {
      const x = g[i] as string;
      if (i === g.length - 1 && last.includes('.')) {
        if (!/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(x)) return null;
        out.push('v4a', 'v4b');
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(x)) out.push(x);
      else return null;
    }
    return out;
  };
  if (halves.length === 2) {
    const a = groups(halves[0] as string);
    const b = groups(halves[1] as string);
    if (!a || !b) return false;
    return a.length + b.length <= 7;
  }
  const all = groups(s);
  return all !== null && all.length === 8;
}

const WORD_CHAR = /[A-Za-z0-9_]/;

/**
 * The IPv6 address inside a run of hex digits, colons and dots, if any: the run may carry a prefix such as `addr:`
 * or `ip=` glued on with a colon, and trailing sentence punctuation. Not inside a longer word ("Cafe::Bar").
 */
function findIPv6(text: string, runStart: number, run: string): { start: number; end: number } | null {
  let candidate = run.replace(/[.:]+$/, (tail) => (tail.endsWith('::') ? '::' : ''));
  const end = runStart + candidate.length;
  if (WORD_CHAR.test(text[end] ?? '')) return null;
  let offset = 0;
  for (;;) {
    const glued = offset > 0 || !WORD_CHAR.test(text[runStart - 1] ?? '');
    if (glued && isIPv6(candidate)) return { start: runStart + offset, end };
    const colon = candidate.indexOf(':');
    if (colon < 0 || candidate[colon + 1] === ':') return null;
    candidate = candidate.slice(colon + 1);
    offset += colon + 1;
  }
}

// ---- the redactor ------------------------------------------------------------------------------------------------

interface Matchers {
  names: RegExp[];
  domains: RegExp | null;
}

const matcherCache = new WeakMap<RedactionContext, Matchers>();

/**
 * The patterns of a context, compiled once per context (a redactor applies them to every message).
 * Names of 3+ characters match in any case; shorter ones ("HP") and first/last names only as written, else they
 * would hit ordinary words. Whole words only: the boundary is checked by hand (isWordChar), because a RegExp with
 * \p{L} look-arounds costs milliseconds to compile.
 */
function matchers(ctx: RedactionContext): Matchers {
  const cached = matcherCache.get(ctx);
  if (cached) return cached;
  const names = [...ctx.names].sort((a, b) => b.length - a.length);
  const long = names.filter((n) => n.length >= 3);
  const exact = [...ctx.nameParts.filter((p) => /^\p{Lu}/u.test(p)), ...names.filter((n) => n.length < 3)].sort((a, b) => b.length - a.length);
  const out: Matchers = { names: [], domains: null };
  if (long.length > 0) out.names.push(new RegExp(long.map(escapeRegExp).join('|'), 'gi'));
  if (exact.length > 0) out.names.push(new RegExp(exact.map(escapeRegExp).join('|'), 'g'));
  if (ctx.domains.length > 0) {
    out.domains = new RegExp(`(?<![A-Za-z0-9-])(?:[A-Za-z0-9-]+\\.)*(?:${ctx.domains.map(escapeRegExp).join('|')})(?![A-Za-z0-9-])`, 'gi');
  }
  matcherCache.set(ctx, out);
  return out;
}

function collect(text: string, ctx: RedactionContext): Span[] {
  const spans: Span[] = [];
  const add = (start: number, end: number, kind: Redaction['kind']): void => {
    if (end > start) spans.push({ start, end, kind });
  };

  // The same detectors as every tracker's masking (secrets.ts), plus random-looking strings: stricter in public.
  for (const f of findSecrets(text, { suspects: true })) spans.push({ start: f.start, end: f.end, kind: 'secret', secret: f.kind, rank: f.rank });

  for (const m of each(URL, text)) {
    let url = m[0].replace(/[.,;:!?)\]}*_~'"]+$/, '');
    if (m[0].slice(url.length).startsWith(')') && url.includes('(')) url += ')';
    if (!urlAllowed(url)) add(m.index, m.index + url.length, 'url');
  }
  if (text.includes('@')) for (const m of each(EMAIL, text)) add(m.index, m.index + m[0].length, 'email');
  for (const m of each(IPV4, text)) add(m.index, m.index + m[0].length, 'ip');
  if (text.includes(':')) for (const m of each(IPV6_RUN, text)) {
    const found = findIPv6(text, m.index, m[0]);
    if (found) add(found.start, found.end, 'ip');
  }
  for (const m of each(HOSTNAME, text)) {
    const host = m[0];
    const bare = host.toLowerCase().replace(/:\d+$/, '');
    if (hostAllowed(bare, ALLOWED_BARE_HOSTS) && !inDomains(bare, ctx.domains)) continue;
    add(m.index, m.index + host.length, 'hostname');
  }
  // The customer's own domains also when written without a known TLD or inside longer hostnames.
  const domains = matchers(ctx).domains;
  if (domains) for (const m of each(domains, text)) add(m.index, m.index + m[0].length, 'hostname');

  for (const re of matchers(ctx).names) {
    for (const m of each(re, text)) {
      const end = m.index + m[0].length;
      if (isWordChar(text, m.index - 1, true) || isWordChar(text, end, false)) continue;
      add(m.index, end, 'customer-name');
    }
  }
  return spans;
}

/**
 * Merge overlapping spans: an overlap becomes one span covering both, with the kind of the earliest/longest. One
 * pass decides the replacement: a group that starts as a secret is masked with its most specific credential kind
 * (`[masked GitHub token]`), anything else (a URL that holds a password, a name) becomes REDACTED whole.
 */
function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (last.kind === 'secret' && s.kind === 'secret' && (s.rank ?? 9) < (last.rank ?? 9)) {
        last.secret = s.secret;
        last.rank = s.rank;
      }
    } else out.push({ ...s });
  }
  return out;
}

interface Replaced extends Redaction {
  /** Where the replacement is in the output. */
  at: number;
}

function redactSpans(text: string, ctx: RedactionContext): { text: string; redactions: Replaced[] } {
  const spans = merge(collect(text, ctx));
  const redactions: Replaced[] = [];
  let out = '';
  let last = 0;
  for (const s of spans) {
    out += text.slice(last, s.start);
    const replacement = s.kind === 'secret' && s.secret ? maskFor(s.secret) : REDACTED;
    const r: Replaced = { kind: s.kind, original: text.slice(s.start, s.end), replacement, at: out.length };
    if (s.kind === 'secret' && s.secret) r.secret = s.secret;
    redactions.push(r);
    out += replacement;
    last = s.end;
  }
  out += text.slice(last);
  return { text: out, redactions };
}

/** Redact one text. Returns the new text and what was removed (one entry per removal, in order). */
export function redactText(text: string, ctx: RedactionContext): { text: string; redactions: Redaction[] } {
  const result = redactSpans(text, ctx);
  return { text: result.text, redactions: result.redactions.map(({ at: _at, ...r }) => r) };
}

/**
 * A redactor for one issue: redacts every piece of text it is given and keeps one list of what it removed
 * (duplicates folded), for the agent's preview.
 */
export class Redactor {
  private readonly seen = new Set<string>();
  private readonly list: Redaction[] = [];

  constructor(readonly context: RedactionContext) {}

  private readonly log = new MaskLog();

  /** Redact one text; `where` says where it goes in the issue, for the list of masked credentials. */
  redact(text: string, where: MaskWhere = { part: 'summary' }): string {
    const result = redactSpans(text, this.context);
    for (const { at, ...r } of result.redactions) {
      this.record(r);
      if (r.secret) this.log.add(r.secret, where, maskContext(result.text, at, at + r.replacement.length));
    }
    return result.text;
  }

  /** The credentials among the removals, with where they were (the same list a private issue has). */
  get masked(): MaskedCredential[] {
    return this.log.masked;
  }

  record(r: Redaction): void {
    const key = `${r.kind}\u0000${r.original}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(r);
  }

  get redactions(): Redaction[] {
    return [...this.list];
  }
}
