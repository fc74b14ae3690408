// The one set of credential detectors. Customers paste tokens, keys and passwords into tickets; nothing that leaves
// Zendesk (issue, comments, hand-off) may carry them, whatever the tracker. mask.ts replaces what these find with
// `[masked <kind>]` for every tracker; redact.ts merges them with its name/host/e-mail spans for the public one.
//
// Each detector reports the span of the credential only (the key, scheme word, user name and host stay: they are
// the debugging context). Guards keep what merely looks like a credential: placeholders (`""`, `<redacted>`,
// `${VAR}`, `****`), prose ("token expired", "password reset"), settings about credentials
// (`token_expiry=3600`, `password_min_length: 8`), file paths, Kubernetes secret names. Commit SHAs, UUIDs and
// base64 data are left to the public tracker's stricter "random-looking string" detectors (`suspects`).

export type SecretKind =
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'aws-access-key'
  | 'aws-secret-key'
  | 'google-api-key'
  | 'private-key'
  | 'jwt'
  | 'npm-token'
  | 'stripe-key'
  | 'sourcegraph-token'
  | 'password'
  | 'api-key'
  | 'token'
  | 'secret'
  | 'credentials'
  | 'license-key'
  | 'random-string';

/** What the masked text says the credential was: `[masked GitHub token]`. English: it is written into GitHub/Slack. */
export const SECRET_LABELS: Record<SecretKind, string> = {
  'github-token': 'GitHub token',
  'gitlab-token': 'GitLab token',
  'slack-token': 'Slack token',
  'slack-webhook': 'Slack webhook',
  'aws-access-key': 'AWS access key ID',
  'aws-secret-key': 'AWS secret key',
  'google-api-key': 'Google API key',
  'private-key': 'private key',
  jwt: 'JWT',
  'npm-token': 'npm token',
  'stripe-key': 'Stripe key',
  'sourcegraph-token': 'Sourcegraph token',
  password: 'password',
  'api-key': 'API key',
  token: 'token',
  secret: 'secret',
  credentials: 'credentials',
  'license-key': 'license key',
  'random-string': 'key-like string',
};

export interface SecretSpan {
  start: number;
  end: number;
  kind: SecretKind;
  /** 0: a token with a known shape; 1: a value found by its key or scheme; 2: a random-looking string. */
  rank: 0 | 1 | 2;
}

/** The placeholder for a credential of `kind`; every detector skips it, so masking twice changes nothing. */
export function maskFor(kind: SecretKind): string {
  return `[masked ${SECRET_LABELS[kind]}]`;
}

/**
 * All matches of a global RegExp, without `matchAll` (it clones the RegExp per call; its compilation dominated
 * redacting many short texts).
 */
export function each(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') re.lastIndex++;
    out.push(m);
  }
  re.lastIndex = 0;
  return out;
}

// ---- tokens with a recognisable shape: the whole match is the credential ----------------------------------------

/**
 * Where a credential may start: a word boundary, or right after an escape such as the `\n` of a JSON log line
 * (`"detail":"key:\nAKIA..."`), where `\b` sees the letter `n` glued to the token.
 */
const START = String.raw`(?:\b|(?<=\\[nrt]))`;

function shape(source: string, flags = 'g'): RegExp {
  return new RegExp(START + source, flags);
}

const SHAPED: [RegExp, SecretKind][] = [
  [shape('gh[pousr]_[A-Za-z0-9]{20,}'), 'github-token'], // classic, OAuth, user-to-server, server-to-server, refresh
  [shape('github_pat_[A-Za-z0-9_]{20,}'), 'github-token'], // fine-grained
  [shape('sg[a-z]_[A-Za-z0-9_]{16,}'), 'sourcegraph-token'], // sgp_..., with or without an instance part
  [shape('(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16}\\b'), 'aws-access-key'],
  [shape('glpat-[A-Za-z0-9_-]{20,}'), 'gitlab-token'],
  [shape('gl(?:dt|rt|ptt|cbt|oas|soat|ffct|imt|agent)-[A-Za-z0-9_-]{16,}'), 'gitlab-token'],
  [shape('xox[abposr]-[A-Za-z0-9-]{10,}'), 'slack-token'],
  [shape('https:\\/\\/hooks\\.slack\\.com\\/(?:services|workflows|triggers)\\/[A-Za-z0-9/_-]+'), 'slack-webhook'],
  [shape('AIza[0-9A-Za-z_-]{35}\\b'), 'google-api-key'],
  [shape('(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{16,}'), 'stripe-key'],
  [shape('whsec_[0-9A-Za-z]{24,}'), 'stripe-key'],
  [shape('npm_[A-Za-z0-9]{36}\\b'), 'npm-token'],
  // Header and payload are base64url JSON (`{"` encodes as `eyJ`); the signature may be empty (alg "none").
  [shape('ey[JK][A-Za-z0-9_-]{8,}\\.ey[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*'), 'jwt'],
];

/** An AWS secret key is 40 base64 characters with no prefix: only recognisable right after its access key id. */
const AWS_PAIR = shape(String.raw`(?:AKIA|ASIA)[A-Z0-9]{16}(?:[\s,:;|"'=]|\\[nrt])+([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`, 'gd');

// ---- private keys: every line of the block ----------------------------------------------------------------------

const PEM_BEGIN = /-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_END = /-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g;
/** Key material glued to the BEGIN line, e.g. a JSON string's `\nMIIE...` (service-account files). */
const PEM_SAME_LINE = /(?:\\[nr]|[A-Za-z0-9+/=])*/y;
const PEM_HEADER_LINE = /^[ \t>]*(?:Proc-Type|DEK-Info|Comment|Version):/;

/** A line of base64 key material: long, or short with what words lack (a digit, `+/=`, several capitals). */
function keyMaterialLine(line: string): boolean {
  const s = line.replace(/^[ \t>]*/, '').trimEnd();
  if (!/^[A-Za-z0-9+/=]+$/.test(s)) return false;
  if (s.length >= 16) return true;
  return s.length >= 4 && (/[0-9+/=]/.test(s) || (s.match(/[A-Z]/g) ?? []).length >= 2);
}

function privateKeys(text: string, add: (start: number, end: number, kind: SecretKind, rank: 0 | 1 | 2) => void): void {
  if (!text.includes('PRIVATE KEY')) return;
  for (const m of each(PEM_BEGIN, text)) {
    PEM_END.lastIndex = m.index + m[0].length;
    const end = PEM_END.exec(text);
    PEM_END.lastIndex = 0;
    if (end) {
      add(m.index, end.index + end[0].length, 'private-key', 0);
      continue;
    }
    // Unterminated (a truncated paste): the BEGIN line, then the lines that look like key material.
    PEM_SAME_LINE.lastIndex = m.index + m[0].length;
    PEM_SAME_LINE.exec(text);
    let stop = PEM_SAME_LINE.lastIndex;
    for (;;) {
      if (text[stop] !== '\n') break;
      const next = text.indexOf('\n', stop + 1);
      const lineEnd = next < 0 ? text.length : next;
      const line = text.slice(stop + 1, lineEnd);
      if (!keyMaterialLine(line) && !PEM_HEADER_LINE.test(line)) break;
      stop = lineEnd;
    }
    add(m.index, stop, 'private-key', 0);
  }
}

// ---- values found by their key or scheme --------------------------------------------------------------------------

/** Values that stand for "no credential here": masking them would hide the useful fact that none was set. */
const PLACEHOLDER =
  /^(?:\*+|[xX]{3,}|\.{2,}|…|-+|~|_+|\?+|null|nil|none|undefined|true|false|yes|no|on|off|redacted|filtered|hidden|removed|omitted|[|>{}()[\]]|\[.*\]|<.*>|\$\{?[A-Za-z_][A-Za-z0-9_.]*\}?|%s|%\(.*\)s|\{\{.*)$/i;
/** The start of a placeholder that a value pattern may have cut at a space (`[masked password]`, `{{ .Values.x }}`). */
const PLACEHOLDER_START = /^(?:\[masked\b|\[redacted|\{\{|\$\{|<)/i;
/** Prose after "password:"/"token " ("Password: reset yesterday", "--token flag"): lower-case words, not credentials. */
const PROSE_WORDS = new Set(
  'a an the is was are be been and or to of for with in on at by from not no it this that as if when field flag option argument parameter value values reset expired invalid required missing changed empty set unset wrong incorrect rejected revoked error failed works here there below above instead again please'.split(
    ' ',
  ),
);

function placeholder(value: string): boolean {
  return value === '' || PLACEHOLDER.test(value) || PLACEHOLDER_START.test(value);
}

/** A file path (`/run/secrets/db`, `~/.aws/credentials`, `./key.json`): where a credential is, not the credential. */
function filePath(value: string): boolean {
  const m = /^(?:~|\.{1,2})?\/(.*)$/.exec(value);
  if (!m) return false;
  const segments = (m[1] as string).split('/').filter((s) => s !== '');
  const wordy = segments.every((s) => /^[a-z0-9._@-]+$/.test(s) || /^[A-Z][a-z0-9._-]*$/.test(s));
  return wordy && (segments.length >= 2 || /\./.test(value));
}

/** Does a value found by a generic key (token, secret, api key) look like one? Tokens carry digits or are long. */
function credentialLike(value: string): boolean {
  if (/^\d{1,7}$/.test(value)) return false; // `max_token=4096`, a count or a duration
  return /\d/.test(value) || value.length >= 16 || (/[A-Z]/.test(value) && /[a-z]/.test(value) && value.length >= 8);
}

/** The kind a setting's key names: `DB_PASSWORD` a password, `aws_secret_access_key` an AWS secret key. */
export function kindForKey(key: string): SecretKind {
  const k = key.toLowerCase();
  if (/aws/.test(k) && /secret/.test(k)) return 'aws-secret-key';
  if (/pass|pwd/.test(k)) return 'password';
  if (/private[_-]?key/.test(k)) return 'private-key';
  if (/licen[cs]e/.test(k)) return 'license-key';
  if (/secret/.test(k)) return 'secret';
  if (/api[_-]?key|apikey|access[_-]?key/.test(k)) return 'api-key';
  if (/token/.test(k)) return 'token';
  return 'credentials';
}

const KEYWORDS =
  'password|passwd|passphrase|pass|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?|license[_-]?key|auth';

/**
 * `key = value`, `key: value`, `"key": "value"`, `KEY="value"`, `--key=value`, `?key=value&`, also inside an
 * escaped JSON string (`\"password\":\"...\"`). The key must end in a keyword, so `token_expiry=3600` and
 * `password_min_length: 8` are settings about credentials, not credentials.
 */
const ASSIGNMENT = new RegExp(
  `${START}((?:[A-Za-z0-9_.-]{0,40}?)(?:${KEYWORDS}))(?:\\\\?["'])?[ \\t]*(?::=|=>|[:=])[ \\t]*(\\\\"[^"\\\\\\n]*\\\\"|"[^"\\n]*"|'[^'\\n]*'|(?:[^\\s,;&"'}\\\\]|&(?![A-Za-z_][\\w.-]*=))+)`,
  'gid',
);

/** `--password hunter2`, `--api-key "..."` (`-p` is left alone: it means port, path or profile as often). */
const CLI_FLAG = /(?:(?<![\w-])|(?<=\\[nrt]))--([A-Za-z0-9-]{0,30}?(?:password|passwd|passphrase|secret|token|api-?key|access-?key|private-?key))[ \t]+(?!-)("[^"\n]*"|'[^'\n]*'|[^\s"']+)/gid;

/** `scheme://user:password@host`: the password only (the user and host say which system it was). */
const URL_PASSWORD = /(?:\b|(?<=\\[nrt]))[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/?#@[\]]*:([^\s/?#]+)@(?=[A-Za-z0-9[])/gid;

/** `Authorization: Bearer xyz`, `authorization=Basic xyz`, `"Authorization": "token xyz"`: the credential only. */
const AUTH_HEADER =
  /(?:\b|(?<=\\[nrt]))(?:Proxy-)?Authorization\\?["']?[ \t]*[:=][ \t]*\\?["']?(?:(Bearer|Basic|Digest|token|Negotiate|Bot|ApiKey|NTLM)[ \t]+)?([A-Za-z0-9._~+/=:-]{8,})/gid;
/** A bare `Bearer xyz` / `Basic xyz` outside a header line (curl commands, logs). */
const SCHEME_CREDENTIAL = /(?:\b|(?<=\\[nrt]))(Bearer|Basic)[ \t]+([A-Za-z0-9._~+/=-]{8,})/gid;
const SCHEME_WORD = /^(?:Bearer|Basic|Digest|token|Negotiate|Bot|ApiKey|NTLM|AWS4-HMAC-SHA256)$/i;

// ---- random-looking strings (public tracker only) ------------------------------------------------------------------

/** Long hex strings (32+): API keys, session ids; but also commit SHAs, so only where everything private goes. */
const LONG_HEX = /(?<![A-Za-z0-9:])[0-9a-fA-F]{32,}(?![A-Za-z0-9])/g;
/** Base64/base64url-looking runs of 32+ characters: tested for entropy before being called a secret. */
const LONG_B64 = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{32,}={0,2}(?![A-Za-z0-9+/=_-])/g;

function looksRandom(s: string): boolean {
  const body = s.replace(/=+$/, '');
  if (/^[a-z0-9/_.-]+$/.test(body) && body.includes('/')) return false; // a path
  if ((body.match(/\//g) ?? []).length > body.length / 12) return false; // mostly path separators
  const upper = (body.match(/[A-Z]/g) ?? []).length;
  const lower = (body.match(/[a-z]/g) ?? []).length;
  const digit = (body.match(/[0-9]/g) ?? []).length;
  const classes = (upper > 1 ? 1 : 0) + (lower > 1 ? 1 : 0) + (digit > 1 ? 1 : 0);
  if (classes < 2) return false;
  // Words in camelCase or snake_case are not random: require many distinct characters and few long letter runs.
  if (new Set(body).size < 16) return false;
  const longestWord = Math.max(0, ...(body.match(/[A-Za-z]+/g) ?? []).map((w) => w.length));
  return longestWord < 20 || digit > 4;
}

// ---- all together ---------------------------------------------------------------------------------------------------

export interface FindOptions {
  /** Also random-looking strings (long hex, high-entropy base64): the public tracker's stricter rule. */
  suspects?: boolean;
}

/** Every credential in `text`, unmerged (spans may overlap; `mergeSecretSpans` folds them). */
export function findSecrets(text: string, options: FindOptions = {}): SecretSpan[] {
  const spans: SecretSpan[] = [];
  const add = (start: number, end: number, kind: SecretKind, rank: 0 | 1 | 2): void => {
    if (end > start) spans.push({ start, end, kind, rank });
  };
  /** Group `g` of match `m` as a span, quotes (plain or JSON-escaped) excluded, unless a guard says it is none. */
  const value = (m: RegExpExecArray, g: number, kind: SecretKind, ok: (v: string) => boolean): void => {
    let v = m[g] as string;
    // The `d` flag's indices: the group is not always at the end of the match (`user:pass@`).
    let start = m.indices?.[g]?.[0] ?? m.index + m[0].length - v.length;
    const quote = /^(?:\\"|"|')/.exec(v)?.[0] ?? '';
    if (quote !== '' && v.length >= 2 * quote.length) {
      start += quote.length;
      v = v.slice(quote.length, v.length - quote.length);
    } else if (/[)\]]$/.test(v) && !/[([]/.test(v)) {
      v = v.slice(0, -1); // `(password=hunter2)`: the bracket closes the prose around it
    }
    if (placeholder(v) || !ok(v)) return;
    add(start, start + v.length, kind, 1);
  };

  privateKeys(text, add);
  for (const [re, kind] of SHAPED) for (const m of each(re, text)) add(m.index, m.index + m[0].length, kind, 0);
  for (const m of each(AWS_PAIR, text)) {
    const v = m[1] as string;
    add(m.index + m[0].length - v.length, m.index + m[0].length, 'aws-secret-key', 0);
  }

  for (const m of each(URL_PASSWORD, text)) value(m, 1, 'password', (v) => !/^\d{1,5}$/.test(v));
  for (const m of each(AUTH_HEADER, text)) {
    const kind = /^basic$/i.test(m[1] ?? '') ? 'credentials' : 'token';
    value(m, 2, kind, (v) => !SCHEME_WORD.test(v) && (m[1] !== undefined || /\d/.test(v) || v.length >= 20));
  }
  for (const m of each(SCHEME_CREDENTIAL, text)) {
    const kind = /^basic$/i.test(m[1] as string) ? 'credentials' : 'token';
    value(m, 2, kind, (v) => !SCHEME_WORD.test(v) && (/\d/.test(v) || v.length >= 20));
  }
  for (const m of each(ASSIGNMENT, text)) {
    const key = m[1] as string;
    // `https://x-access-token:ghs_...@host` is URL user info (URL_PASSWORD's), `@pwd:6379/db` a host and port.
    if (text.slice(Math.max(0, m.index - 2), m.index) === '//' || text.charAt(m.index - 1) === '@') continue;
    if (/^:\d{1,5}[/?#]/.test(m[0].slice(key.length))) continue; // `pwd:6379/db` without the `@` before it
    // `existingSecret: pgsql-auth` names a Kubernetes Secret; `bypass`, `compass` are not "pass".
    if (/existing|secretname/i.test(key)) continue;
    if (/pass$/i.test(key) && /[A-Za-z]/.test(key.charAt(key.length - 5))) continue;
    // Generic keys (token, secret, auth) must hold something token-like, except in public where doubt removes it.
    const kind = kindForKey(key);
    const strict = kind !== 'password' && !options.suspects;
    value(m, 2, kind, (v) => !filePath(v) && !PROSE_WORDS.has(v) && (!strict || credentialLike(v)));
  }
  for (const m of each(CLI_FLAG, text)) {
    const kind = kindForKey(m[1] as string);
    const strict = kind !== 'password' && !options.suspects;
    value(m, 2, kind, (v) => !filePath(v) && !PROSE_WORDS.has(v.toLowerCase()) && (!strict || credentialLike(v)));
  }

  if (options.suspects) {
    for (const m of each(LONG_HEX, text)) {
      if (/sha(?:256|512|1)?:$/i.test(text.slice(Math.max(0, m.index - 7), m.index))) continue; // public image digests
      add(m.index, m.index + m[0].length, 'random-string', 2);
    }
    for (const m of each(LONG_B64, text)) {
      if (/base64,$/i.test(text.slice(Math.max(0, m.index - 7), m.index))) continue; // data: URLs (images in logs)
      if (looksRandom(m[0])) add(m.index, m.index + m[0].length, 'random-string', 2);
    }
  }
  return spans;
}

/** Fold overlapping spans into one covering both, of the most specific kind (the lowest rank, then the earliest). */
export function mergeSecretSpans(spans: SecretSpan[]): SecretSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SecretSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (s.rank < last.rank) {
        last.kind = s.kind;
        last.rank = s.rank;
      }
    } else out.push({ ...s });
  }
  return out;
}
