// Offline checks of a built Zendesk app package (the contents of `dist/` or of the uploadable zip).
// Zendesk's own validator (`zcli apps:validate`, gem `zendesk_apps_support`) uploads the app, so it needs an
// account; these rules re-state the ones it applies to a private ticket-sidebar app (see the project's notes in
// README "Validating the package"), plus the checks a packaging mistake would otherwise only reveal in Zendesk:
// logos, the 2 MB limit, scripts loaded from a CDN, missing bundles and secrets left in the package.
// Pure: no file system, no Node built-ins; `scripts/validate.ts` reads the files and prints the result.
import { english } from '../src/core/english.ts';
import { isRecord } from '../src/core/guards.ts';
import { DEFAULT_SETTINGS, PARAMETER_NAMES, parseSettings } from '../src/core/settings.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Stable id of the rule, e.g. `manifest.required`; tests and scripts match on it. */
  rule: string;
  /** What is wrong, naming the file and field. */
  message: string;
  /** What to change to make it right. */
  fix: string;
}

/** The package as a flat set of files, paths relative to its root with `/` separators. */
export interface AppPackage {
  paths(): string[];
  read(path: string): Uint8Array | undefined;
}

export interface ValidateOptions {
  /** Size in bytes of the uploadable zip, when one exists. */
  zipBytes?: number;
  /** Its file name, for messages. */
  zipName?: string;
}

/** Zendesk refuses private app uploads over 2 MB. */
export const ZIP_LIMIT_BYTES = 2 * 1024 * 1024;

/** Parameter types Zendesk's validator accepts. */
export const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'] as const;

/** Logos Zendesk shows in the admin and marketplace pages, with the sizes it expects. */
export const LOGOS = [
  { path: 'assets/logo.png', width: 320, height: 320 },
  { path: 'assets/logo-small.png', width: 128, height: 128 },
] as const;

// Names Zendesk's validator treats as secrets when a text parameter is not secure.
const SECRET_NAME = /token|key|pwd|password/i;
// The locale format of translation files (`en`, `pt-br`, `zh-cn`).
const VALID_LOCALE = /^[a-z]{2}(-\w{2,3})?$/;
const SUPPORT_LOCATIONS = new Set([
  'ticket_sidebar',
  'new_ticket_sidebar',
  'user_sidebar',
  'organization_sidebar',
  'top_bar',
  'nav_bar',
  'ticket_editor',
  'background',
  'modal',
]);
const KNOWN_HOSTS = new Set(['support', 'chat', 'sell', 'standalone_chat', 'other']);
// Credentials that must never ship inside the package: GitHub tokens of every kind, private keys.
const SECRET_PATTERNS: { name: string; re: RegExp }[] = [
  { name: 'GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/ },
  { name: 'private key', re: /-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----/ },
];

const decoder = new TextDecoder('utf-8');

function readText(pkg: AppPackage, path: string): string | undefined {
  const bytes = pkg.read(path);
  return bytes === undefined ? undefined : decoder.decode(bytes);
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  // The first chunk must be IHDR: 4-byte length, "IHDR", then width and height as big-endian u32.
  if (decoder.decode(bytes.subarray(12, 16)) !== 'IHDR') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

interface HtmlReference {
  tag: 'script' | 'link';
  url: string;
}

/** `src` of every `<script>` and `href` of every stylesheet / preload `<link>` in an HTML document. */
export function htmlReferences(html: string): HtmlReference[] {
  const refs: HtmlReference[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of withoutComments.matchAll(/<script\b([^>]*)>/gi)) {
    const src = attribute(m[1] ?? '', 'src');
    if (src !== null) refs.push({ tag: 'script', url: src });
  }
  for (const m of withoutComments.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = m[1] ?? '';
    const rel = (attribute(attrs, 'rel') ?? '').toLowerCase();
    const href = attribute(attrs, 'href');
    if (href !== null && /\b(stylesheet|modulepreload|preload)\b/.test(rel)) refs.push({ tag: 'link', url: href });
  }
  return refs;
}

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attrs);
  if (!m) return null;
  return m[1] ?? m[2] ?? m[3] ?? '';
}

function isRemote(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url) && !/^data:/i.test(url);
}

/** Resolve a relative URL found in `fromPath` against the package root; null when it leaves the package. */
function resolveInPackage(fromPath: string, url: string): string | null {
  const clean = url.split(/[?#]/)[0] ?? '';
  const parts = clean.startsWith('/') ? [] : fromPath.split('/').slice(0, -1);
  for (const seg of clean.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

/**
 * Zendesk's published limits for Marketplace content ("Create content" in the apps documentation): the app name at
 * most 40 characters and the short description at most 80, spaces included. The Marketplace shows the English text,
 * so translations/en.json is what is checked. Characters are counted as the reader sees them (code points).
 */
export const LISTING_LIMITS = { name: 40, short_description: 80 } as const;

function checkListingLengths(app: Record<string, unknown>, add: (severity: Severity, rule: string, message: string, fix: string) => void): void {
  for (const [key, limit] of Object.entries(LISTING_LIMITS)) {
    const value = app[key];
    if (typeof value !== 'string') continue;
    const length = Array.from(value).length;
    if (length > limit) {
      add(
        'error',
        'translations.listing-length',
        `translations/en.json "app.${key}" is ${length} characters; Zendesk's Marketplace allows at most ${limit}, spaces included.`,
        `Shorten "app.${key}" by ${length - limit} characters.`,
      );
    }
  }
}

/** Check a built package; returns every problem found (errors and warnings), in a stable order. */
export function validateAppPackage(pkg: AppPackage, options: ValidateOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const add = (severity: Severity, rule: string, message: string, fix: string) =>
    problems.push({ severity, rule, message, fix });
  const paths = new Set(pkg.paths());

  if (!paths.has('manifest.json')) {
    const nested = [...paths].find((p) => /^[^/]+\/manifest\.json$/.test(p));
    if (nested) {
      add(
        'error',
        'package.nested-manifest',
        `manifest.json is at ${nested}, inside a folder; Zendesk looks for it at the root of the package.`,
        'Zip the contents of dist/ (npm run package does this), not the dist folder itself.',
      );
    } else {
      add('error', 'package.missing-manifest', 'The package has no manifest.json.', 'Run npm run build, which copies manifest.json into dist/.');
    }
    checkSize(options, add);
    return problems;
  }

  let manifest: unknown;
  try {
    manifest = JSON.parse(readText(pkg, 'manifest.json') ?? '');
  } catch (e) {
    add('error', 'manifest.json', `manifest.json is not valid JSON: ${(e as Error).message}.`, 'Fix the JSON syntax in manifest.json.');
    checkSize(options, add);
    return problems;
  }
  if (!isRecord(manifest)) {
    add('error', 'manifest.json', 'manifest.json must hold a JSON object.', 'Make manifest.json an object with name, author, defaultLocale, location, frameworkVersion and parameters.');
    checkSize(options, add);
    return problems;
  }

  checkManifestFields(manifest, add);
  const translations = checkTranslations(pkg, paths, manifest, add);
  checkLocation(manifest, pkg, paths, add);
  const parameters = checkParameters(manifest, add);
  checkParameterTranslations(parameters, translations, add);
  checkAppSettings(parameters, add);
  checkLogos(pkg, paths, add);
  checkHtml(pkg, paths, add);
  checkChunks(pkg, paths, add);
  checkSecrets(pkg, paths, add);
  checkSize(options, add);
  return problems;
}

type Add = (severity: Severity, rule: string, message: string, fix: string) => void;

function checkManifestFields(m: Record<string, unknown>, add: Add): void {
  const author = m.author;
  if (author === undefined) {
    add('error', 'manifest.required', 'manifest.json has no "author".', 'Add "author": {"name": "...", "email": "..."} (the email receives support requests).');
  } else if (!isRecord(author)) {
    add('error', 'manifest.author', '"author" must be an object.', 'Write "author": {"name": "...", "email": "..."}.');
  } else {
    for (const key of ['name', 'email'] as const) {
      if (typeof author[key] !== 'string' || (author[key] as string).trim() === '') {
        add('error', 'manifest.author', `"author.${key}" is missing or empty.`, `Set "author.${key}" to a non-empty string.`);
      }
    }
    if (author.url !== undefined && (typeof author.url !== 'string' || !/^https?:\/\/\S+$/.test(author.url))) {
      add('error', 'manifest.author', '"author.url" is not a valid http(s) URL.', 'Set "author.url" to a full URL such as https://example.com, or remove it.');
    }
  }

  if (m.defaultLocale === undefined) {
    add('error', 'manifest.required', 'manifest.json has no "defaultLocale".', 'Add "defaultLocale": "en" and ship translations/en.json.');
  } else if (typeof m.defaultLocale !== 'string' || !VALID_LOCALE.test(m.defaultLocale)) {
    add('error', 'manifest.default-locale', `"defaultLocale" ${JSON.stringify(m.defaultLocale)} is not a locale such as "en" or "pt-br".`, 'Set "defaultLocale": "en".');
  }

  if (m.frameworkVersion === undefined) {
    add('error', 'manifest.required', 'manifest.json has no "frameworkVersion".', 'Add "frameworkVersion": "2.0".');
  } else if (m.frameworkVersion !== '2.0') {
    add('error', 'manifest.framework-version', `"frameworkVersion" is ${JSON.stringify(m.frameworkVersion)}; this app uses the ZAF v2 SDK.`, 'Set "frameworkVersion": "2.0" (a string).');
  }

  if (m.name !== undefined && (typeof m.name !== 'string' || m.name.trim() === '')) {
    add('error', 'manifest.name', '"name" must be a non-empty string.', 'Set "name" to the app name, e.g. "Engage".');
  }
  if (m.version !== undefined && typeof m.version !== 'string') {
    add('error', 'manifest.version', `"version" must be a string, not ${JSON.stringify(m.version)}.`, 'Write the version in quotes, e.g. "version": "1.0.0".');
  }
  if (m.private !== undefined && typeof m.private !== 'boolean') {
    add('error', 'manifest.private', '"private" must be true or false.', 'Set "private": true for an app uploaded to one account.');
  }
  const whitelist = m.domainWhitelist;
  if (whitelist !== undefined && !(Array.isArray(whitelist) && whitelist.every((d) => typeof d === 'string'))) {
    add('error', 'manifest.domain-whitelist', '"domainWhitelist" must be an array of domain names.', 'Write e.g. "domainWhitelist": ["api.github.com"].');
  }
}

interface TranslationInfo {
  en: Record<string, unknown> | null;
}

function checkTranslations(pkg: AppPackage, paths: Set<string>, m: Record<string, unknown>, add: Add): TranslationInfo {
  const info: TranslationInfo = { en: null };
  for (const path of [...paths].sort()) {
    const match = /^translations\/(.*)\.json$/.exec(path);
    if (!match) continue;
    const locale = match[1] ?? '';
    if (!VALID_LOCALE.test(locale)) {
      add('error', 'translations.locale', `${path}: "${locale}" is not a locale name.`, 'Name translation files by locale, e.g. translations/en.json or translations/pt-br.json.');
    }
    let json: unknown;
    try {
      json = JSON.parse(readText(pkg, path) ?? '');
    } catch (e) {
      add('error', 'translations.json', `${path} is not valid JSON: ${(e as Error).message}.`, `Fix the JSON syntax in ${path}.`);
      continue;
    }
    if (!isRecord(json)) {
      add('error', 'translations.json', `${path} must hold a JSON object.`, `Make ${path} an object with an "app" section.`);
      continue;
    }
    if (locale === 'en') info.en = json;
  }

  if (typeof m.defaultLocale === 'string' && VALID_LOCALE.test(m.defaultLocale) && !paths.has(`translations/${m.defaultLocale}.json`)) {
    add('error', 'translations.default-locale', `The default locale's file translations/${m.defaultLocale}.json is missing.`, `Create translations/${m.defaultLocale}.json and make sure npm run build copies it into dist/.`);
  }

  if (paths.has('translations/en.json') && info.en !== null) {
    const app = info.en.app;
    if (!isRecord(app) || typeof app.name !== 'string' || app.name.trim() === '') {
      add('error', 'translations.app-name', 'translations/en.json has no "app.name".', 'Add "app": {"name": "Engage", ...} to translations/en.json.');
    }
    if (isRecord(app)) {
      checkListingLengths(app, add);
      for (const key of ['short_description', 'long_description', 'installation_instructions']) {
        if (typeof app[key] !== 'string' || (app[key] as string).trim() === '') {
          add('warning', 'translations.app-description', `translations/en.json has no "app.${key}" (required for a public app, shown to admins).`, `Add "app.${key}" to translations/en.json.`);
        }
      }
    }
  }
  return info;
}

function checkLocation(m: Record<string, unknown>, pkg: AppPackage, paths: Set<string>, add: Add): void {
  const location = m.location;
  if (location === undefined) {
    add('error', 'manifest.required', 'manifest.json has no "location".', 'Add "location": {"support": {"ticket_sidebar": {"url": "assets/iframe.html", "flexible": true}}}.');
    return;
  }
  if (!isRecord(location)) {
    add('error', 'location.shape', '"location" must be an object of hosts (e.g. "support").', 'Write "location": {"support": {"ticket_sidebar": {"url": "assets/iframe.html", "flexible": true}}}.');
    return;
  }
  let count = 0;
  for (const [host, locations] of Object.entries(location)) {
    if (!KNOWN_HOSTS.has(host)) {
      add('error', 'location.host', `Unknown location host "${host}".`, 'Use "support" for Zendesk Support.');
      continue;
    }
    if (!isRecord(locations)) {
      add('error', 'location.shape', `"location.${host}" must be an object of locations.`, 'Write e.g. "support": {"ticket_sidebar": {"url": "assets/iframe.html"}}.');
      continue;
    }
    for (const [name, options] of Object.entries(locations)) {
      count += 1;
      const where = `location.${host}.${name}`;
      if (host === 'support' && !SUPPORT_LOCATIONS.has(name)) {
        add('error', 'location.name', `Unknown Support location "${name}".`, 'Use a documented location such as "ticket_sidebar".');
      }
      const url = typeof options === 'string' ? options : isRecord(options) ? options.url : undefined;
      if (isRecord(options) && options.flexible !== undefined && typeof options.flexible !== 'boolean') {
        add('error', 'location.flexible', `"${where}.flexible" must be true or false.`, `Set "${where}.flexible": true so the sidebar can be resized.`);
      }
      if (typeof url !== 'string' || url === '') {
        add('error', 'location.url', `"${where}" has no url.`, `Set "${where}.url": "assets/iframe.html".`);
        continue;
      }
      if (url.includes('{{setting.')) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
        if (!/^https:\/\//i.test(url) && !/^https?:\/\/localhost(?::\d+)?\//i.test(url)) {
          add('error', 'location.url', `"${where}.url" ${url} must use https (or point at localhost).`, 'Serve the app from the package (assets/iframe.html) or an https URL.');
        }
        continue;
      }
      // Zendesk draws nav_bar and top_bar apps with their own SVG icon in its bars, and refuses a package without it.
      if (host === 'support' && (name === 'nav_bar' || name === 'top_bar')) {
        const icon = `assets/icon_${name}.svg`;
        const svg = pkg.read(icon);
        if (!svg) add('error', 'location.icon', `"${where}" needs ${icon}, which is not in the package.`, `Add an SVG icon at ${icon} (Zendesk shows it in the ${name === 'nav_bar' ? 'left navigation bar' : 'top bar'}).`);
        else if (!/<svg[\s>]/.test(new TextDecoder().decode(svg))) add('error', 'location.icon', `${icon} is not an SVG file.`, `Save ${icon} as SVG.`);
      }
      const path = url.split(/[?#]/)[0] ?? '';
      if (!path.startsWith('assets/')) {
        add('error', 'location.url', `"${where}.url" ${url} must start with assets/.`, 'Put the iframe page in assets/ and set the url to "assets/iframe.html".');
      } else if (!paths.has(path)) {
        add('error', 'location.file', `"${where}.url" points at ${path}, which is not in the package.`, 'Run npm run build, which writes dist/assets/iframe.html.');
      }
    }
  }
  if (count === 0) {
    add('error', 'manifest.required', '"location" names no location.', 'Add "support": {"ticket_sidebar": {"url": "assets/iframe.html", "flexible": true}}.');
  }
}

interface Parameter {
  name: string;
  type: string;
  secure: boolean;
  required: boolean;
  hasDefault: boolean;
  default: unknown;
  scopes: unknown;
}

function checkParameters(m: Record<string, unknown>, add: Add): Parameter[] {
  const raw = m.parameters;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    add('error', 'parameters.shape', '"parameters" must be an array.', 'Write "parameters": [{"name": "...", "type": "text"}, ...].');
    return [];
  }
  const out: Parameter[] = [];
  const seen = new Map<string, number>();
  raw.forEach((p, i) => {
    if (!isRecord(p) || typeof p.name !== 'string' || p.name === '') {
      add('error', 'parameters.name', `Parameter #${i + 1} has no name.`, 'Give every parameter a "name".');
      return;
    }
    const name = p.name;
    seen.set(name, (seen.get(name) ?? 0) + 1);
    const type = p.type === undefined ? 'text' : p.type;
    const param: Parameter = {
      name,
      type: typeof type === 'string' ? type : String(type),
      secure: p.secure === true,
      required: p.required === true,
      hasDefault: Object.prototype.hasOwnProperty.call(p, 'default'),
      default: p.default,
      scopes: p.scopes,
    };
    out.push(param);

    if (name === 'name') {
      add('error', 'parameters.reserved-name', 'A parameter is called "name", which Zendesk reserves for the app name.', 'Rename the parameter.');
    }
    if (!(PARAMETER_TYPES as readonly string[]).includes(param.type)) {
      add('error', 'parameters.type', `Parameter "${name}" has type "${param.type}".`, `Use one of: ${PARAMETER_TYPES.join(', ')}.`);
    }
    for (const flag of ['required', 'secure'] as const) {
      if (p[flag] !== undefined && typeof p[flag] !== 'boolean') {
        add('error', 'parameters.boolean', `Parameter "${name}": "${flag}" must be true or false.`, `Write "${flag}": true or "${flag}": false (no quotes).`);
      }
    }
    if (param.type === 'hidden' && param.required) {
      add('error', 'parameters.hidden-required', `Parameter "${name}" is hidden and required; an admin could never fill it in.`, `Remove "required": true from "${name}", or make it visible.`);
    }
    if (param.type === 'oauth' && param.secure) {
      add('error', 'parameters.oauth-secure', `The oauth parameter "${name}" cannot be secure.`, `Remove "secure" from "${name}".`);
    }
    if (p.scopes !== undefined && !param.secure) {
      add('error', 'parameters.scopes-not-secure', `Parameter "${name}" has "scopes" but is not secure; scopes only restrict where a secure setting may be inserted.`, `Add "secure": true to "${name}", or remove its "scopes".`);
    }
    if (p.scopes !== undefined && !(Array.isArray(p.scopes) && p.scopes.every((s) => typeof s === 'string'))) {
      add('error', 'parameters.scopes-shape', `Parameter "${name}": "scopes" must be an array such as ["header"].`, 'Write "scopes": ["header"] for a token sent in the Authorization header.');
    }
    if (param.secure && !(Array.isArray(p.scopes) && p.scopes.length > 0)) {
      add('warning', 'parameters.secure-without-scopes', `Secure parameter "${name}" has no "scopes", so Zendesk would insert it anywhere in a request (URL, body, header).`, `Add "scopes": ["header"] to "${name}" if it is only sent in a header.`);
    }
    if (SECRET_NAME.test(name) && param.type === 'text' && !param.secure) {
      add('warning', 'parameters.insecure-secret', `Parameter "${name}" looks like a secret but is not secure, so agents' browsers would receive it.`, `Add "secure": true (and "scopes": ["header"]) to "${name}".`);
    }
    if (param.hasDefault && (param.secure || param.type === 'hidden')) {
      add('error', 'parameters.secret-default', `Parameter "${name}" is ${param.secure ? 'secure' : 'hidden'} and has a default; the default would ship in the package for everyone.`, `Remove "default" from "${name}".`);
    }
    if (param.hasDefault && !defaultFitsType(param)) {
      add('error', 'parameters.default-type', `Parameter "${name}" (${param.type}) has default ${JSON.stringify(param.default)} of the wrong kind.`, defaultFix(param));
    }
  });
  for (const [name, n] of seen) {
    if (n > 1) add('error', 'parameters.duplicate', `Parameter "${name}" is listed ${n} times.`, `Keep one "${name}".`);
  }
  return out;
}

function defaultFitsType(p: Parameter): boolean {
  switch (p.type) {
    case 'checkbox':
      return typeof p.default === 'boolean';
    case 'number':
      return typeof p.default === 'number' || (typeof p.default === 'string' && /^-?\d+(\.\d+)?$/.test(p.default));
    case 'url':
      return typeof p.default === 'string' && /^https?:\/\/\S+$/.test(p.default);
    default:
      return typeof p.default === 'string';
  }
}

function defaultFix(p: Parameter): string {
  switch (p.type) {
    case 'checkbox':
      return `Write "default": true or false for "${p.name}".`;
    case 'number':
      return `Write a number as the default of "${p.name}".`;
    case 'url':
      return `Write a full http(s) URL as the default of "${p.name}".`;
    default:
      return `Write the default of "${p.name}" as a string.`;
  }
}

function checkParameterTranslations(parameters: Parameter[], t: TranslationInfo, add: Add): void {
  if (t.en === null) return;
  const app = isRecord(t.en.app) ? t.en.app : {};
  const labels = isRecord(app.parameters) ? app.parameters : {};
  for (const p of parameters) {
    const entry = labels[p.name];
    if (!isRecord(entry) || typeof entry.label !== 'string' || entry.label.trim() === '') {
      add('error', 'translations.parameter-label', `translations/en.json has no "app.parameters.${p.name}.label".`, `Add "app.parameters.${p.name}": {"label": "...", "helpText": "..."} to translations/en.json.`);
    } else if (typeof entry.helpText !== 'string' || entry.helpText.trim() === '') {
      add('warning', 'translations.parameter-help', `translations/en.json has no "app.parameters.${p.name}.helpText"; admins see only the label.`, `Add "app.parameters.${p.name}.helpText" explaining the setting.`);
    }
  }
}

/**
 * Engage's own consistency: the manifest's parameters are exactly the settings the app reads
 * (`PARAMETER_NAMES`), and their defaults parse to `DEFAULT_SETTINGS`, so an admin who leaves a setting alone
 * gets what the code assumes.
 */
function checkAppSettings(parameters: Parameter[], add: Add): void {
  const names = parameters.map((p) => p.name);
  for (const expected of PARAMETER_NAMES) {
    if (!names.includes(expected)) {
      add('error', 'app.parameter-missing', `The manifest lacks the parameter "${expected}" that src/core/settings.ts reads.`, `Add "${expected}" to "parameters" in manifest.json.`);
    }
  }
  for (const name of names) {
    if (!(PARAMETER_NAMES as readonly string[]).includes(name)) {
      add('warning', 'app.parameter-unused', `The manifest parameter "${name}" is not read by the app (not in PARAMETER_NAMES).`, `Remove "${name}" from manifest.json, or add it to src/core/settings.ts.`);
    }
  }
  const defaults: Record<string, unknown> = {};
  for (const p of parameters) if (p.hasDefault) defaults[p.name] = p.default;
  const { settings, problems } = parseSettings(defaults);
  for (const problem of problems) {
    add('error', 'app.default-invalid', `The default of "${problem.setting}" is rejected by the app: ${english(problem.message)}.`, `Fix "default" of "${problem.setting}" in manifest.json.`);
  }
  if (problems.length === 0 && JSON.stringify(settings) !== JSON.stringify(DEFAULT_SETTINGS)) {
    add('error', 'app.default-mismatch', 'The manifest defaults do not produce the app\'s DEFAULT_SETTINGS, so a fresh install behaves differently from the code and the preview.', 'Make each manifest "default" match DEFAULT_SETTINGS in src/core/settings.ts.');
  }
}

function checkLogos(pkg: AppPackage, paths: Set<string>, add: Add): void {
  for (const logo of LOGOS) {
    if (!paths.has(logo.path)) {
      add('warning', 'assets.logo-missing', `${logo.path} is missing; Zendesk shows a blank tile for the app.`, `Add a ${logo.width}×${logo.height} PNG at ${logo.path} (npm run logos renders assets/logo.svg).`);
      continue;
    }
    const size = pngSize(pkg.read(logo.path) ?? new Uint8Array());
    if (size === null) {
      add('error', 'assets.logo-format', `${logo.path} is not a PNG file.`, `Save ${logo.path} as PNG (npm run logos).`);
    } else if (size.width !== logo.width || size.height !== logo.height) {
      add('error', 'assets.logo-size', `${logo.path} is ${size.width}×${size.height}; Zendesk expects ${logo.width}×${logo.height}.`, `Render ${logo.path} at ${logo.width}×${logo.height} (npm run logos).`);
    }
  }
}

function checkHtml(pkg: AppPackage, paths: Set<string>, add: Add): void {
  for (const path of [...paths].sort()) {
    if (!path.startsWith('assets/') || !path.endsWith('.html')) continue;
    const html = readText(pkg, path) ?? '';
    for (const ref of htmlReferences(html)) {
      if (isRemote(ref.url)) {
        add('error', 'html.remote', `${path} loads ${ref.tag === 'script' ? 'a script' : 'a stylesheet'} from ${ref.url}; the app must not depend on a CDN.`, 'Import the library from npm so Vite bundles it into assets/.');
        continue;
      }
      if (/^(?:data|blob):/i.test(ref.url)) continue;
      const target = resolveInPackage(path, ref.url);
      if (target === null || !paths.has(target)) {
        add('error', 'html.missing-file', `${path} loads ${ref.url}, which is not in the package.`, 'Rebuild with npm run build; keep vite base "./" so bundle paths stay relative.');
      }
    }
  }
}

/**
 * Every chunk a bundle imports (`import "./x-hash.js"`, `import("./y-hash.js")`, `new URL("./z.css", …)`) is in
 * the package: a lazily loaded chunk that is missing only fails when the agent reaches that part of the panel.
 */
export function chunkReferences(js: string): string[] {
  const refs = new Set<string>();
  for (const m of js.matchAll(/["'`](\.\.?\/[\w./-]+\.(?:m?js|css))["'`]/g)) refs.add(m[1]!);
  return [...refs];
}

function checkChunks(pkg: AppPackage, paths: Set<string>, add: Add): void {
  for (const path of [...paths].sort()) {
    if (!path.startsWith('assets/') || !/\.m?js$/.test(path)) continue;
    for (const ref of chunkReferences(readText(pkg, path) ?? '')) {
      const target = resolveInPackage(path, ref);
      if (target === null || !paths.has(target)) {
        add('error', 'bundle.missing-chunk', `${path} imports ${ref}, which is not in the package.`, 'Rebuild with npm run build and package the whole dist/ folder.');
      }
    }
  }
}

function checkSecrets(pkg: AppPackage, paths: Set<string>, add: Add): void {
  for (const path of [...paths].sort()) {
    if (!/\.(?:js|mjs|html|css|json|map|txt|md)$/i.test(path)) continue;
    const text = readText(pkg, path) ?? '';
    for (const { name, re } of SECRET_PATTERNS) {
      if (re.test(text)) {
        add('error', 'package.secret', `${path} contains what looks like a ${name}; everything in the package reaches every agent's browser.`, 'Remove it from the source and keep the token in the secure "github_token" setting.');
      }
    }
  }
}

function checkSize(options: ValidateOptions, add: Add): void {
  if (options.zipBytes === undefined) return;
  if (options.zipBytes > ZIP_LIMIT_BYTES) {
    const name = options.zipName ?? 'the app zip';
    add('error', 'package.size', `${name} is ${(options.zipBytes / 1024 / 1024).toFixed(2)} MB; Zendesk accepts at most 2 MB.`, 'Drop unused dependencies or assets, and check that source maps are not shipped.');
  }
}

/** One line per problem, errors first, each with its fix. */
export function formatProblems(problems: Problem[]): string {
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return sorted.map((p) => `${p.severity === 'error' ? 'ERROR' : 'WARN '} [${p.rule}] ${p.message}\n      fix: ${p.fix}`).join('\n');
}

/** An AppPackage over an in-memory map of files (used for dist/, an unzipped package, and tests). */
export function packageFromFiles(files: Record<string, Uint8Array | string>): AppPackage {
  const encoder = new TextEncoder();
  const map = new Map<string, Uint8Array>();
  for (const [path, content] of Object.entries(files)) {
    map.set(path, typeof content === 'string' ? encoder.encode(content) : content);
  }
  return { paths: () => [...map.keys()], read: (path) => map.get(path) };
}
