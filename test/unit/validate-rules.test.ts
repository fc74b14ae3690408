// The offline package validator: a correct package passes, and each rule Zendesk's validator applies (plus the
// packaging checks of scripts/validate-rules.ts) catches its bad variant with a message and a fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import {
  chunkReferences,
  formatProblems,
  htmlReferences,
  packageFromFiles,
  pngSize,
  validateAppPackage,
  ZIP_LIMIT_BYTES,
  type Problem,
} from '../../scripts/validate-rules.ts';
import { PARAMETER_NAMES } from '../../src/core/settings.ts';

const root = join(import.meta.dirname, '..', '..');
const realManifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const realEn = JSON.parse(readFileSync(join(root, 'translations', 'en.json'), 'utf8')) as Record<string, unknown>;
const logo = readFileSync(join(root, 'assets', 'logo.png'));
const logoSmall = readFileSync(join(root, 'assets', 'logo-small.png'));

const IFRAME = `<!doctype html><html><head><script type="module" crossorigin src="./iframe-abc123.js"></script>
<link rel="stylesheet" crossorigin href="./iframe-abc123.css"></head><body><div id="root"></div></body></html>`;

const INSIGHTS = `<!doctype html><html><head><script type="module" crossorigin src="./insights-abc123.js"></script></head><body><div id="root"></div></body></html>`;

type Files = Record<string, Uint8Array | string>;
type Json = Record<string, unknown>;

function clone<T>(v: T): T {
  return structuredClone(v);
}

function goodFiles(): Files {
  return {
    'manifest.json': JSON.stringify(realManifest),
    'translations/en.json': JSON.stringify(realEn),
    'assets/iframe.html': IFRAME,
    'assets/iframe-abc123.js': 'console.log("app")',
    'assets/iframe-abc123.css': 'body{}',
    'assets/logo.png': logo,
    'assets/logo-small.png': logoSmall,
    // The insights page (support.nav_bar) and the icon Zendesk requires for it.
    'assets/insights.html': INSIGHTS,
    'assets/insights-abc123.js': 'console.log("insights")',
    'assets/icon_nav_bar.svg': readFileSync(join(root, 'assets', 'icon_nav_bar.svg')),
  };
}

function withManifest(edit: (m: Json) => void): Files {
  const m = clone(realManifest);
  edit(m);
  return { ...goodFiles(), 'manifest.json': JSON.stringify(m) };
}

function withEn(edit: (t: Json) => void): Files {
  const t = clone(realEn);
  edit(t);
  return { ...goodFiles(), 'translations/en.json': JSON.stringify(t) };
}

function params(m: Json): Json[] {
  return m.parameters as Json[];
}

function param(m: Json, name: string): Json {
  const p = params(m).find((x) => x.name === name);
  if (!p) throw new Error(`no parameter ${name} in the manifest`);
  return p;
}

function check(files: Files, options = {}): Problem[] {
  return validateAppPackage(packageFromFiles(files), options);
}

function only(problems: Problem[], rule: string): Problem {
  const hits = problems.filter((p) => p.rule === rule);
  expect(hits, `expected exactly one ${rule} in:\n${formatProblems(problems)}`).toHaveLength(1);
  return hits[0]!;
}

describe('a correct package', () => {
  it('passes without errors or warnings (the real manifest and en.json)', () => {
    expect(check(goodFiles())).toEqual([]);
  });

  it('lists exactly the settings the app reads, token first and secure with header scope', () => {
    expect(params(realManifest).map((p) => p.name)).toEqual([...PARAMETER_NAMES]);
    expect(param(realManifest, 'github_token')).toMatchObject({ type: 'text', secure: true, required: true, scopes: ['header'] });
    expect(param(realManifest, 'github_token')).not.toHaveProperty('default');
    expect(realManifest.domainWhitelist).toContain('api.github.com');
    expect(realManifest).toMatchObject({
      frameworkVersion: '2.0',
      defaultLocale: 'en',
      location: { support: { ticket_sidebar: { url: 'assets/iframe.html', flexible: true } } },
    });
  });
});

describe('package layout', () => {
  it('reports a missing manifest', () => {
    const files = goodFiles();
    delete files['manifest.json'];
    expect(only(check(files), 'package.missing-manifest').severity).toBe('error');
  });

  it('reports a manifest nested in a folder (the dist folder zipped instead of its contents)', () => {
    const nested: Files = {};
    for (const [k, v] of Object.entries(goodFiles())) nested[`dist/${k}`] = v;
    const p = only(check(nested), 'package.nested-manifest');
    expect(p.message).toContain('dist/manifest.json');
    expect(p.fix).toMatch(/contents of dist/);
  });

  it('reports malformed manifest JSON', () => {
    expect(only(check({ ...goodFiles(), 'manifest.json': '{"name": ' }), 'manifest.json').message).toMatch(/not valid JSON/);
  });

  it('reports a zip over 2 MB and accepts one at the limit', () => {
    const p = only(check(goodFiles(), { zipBytes: ZIP_LIMIT_BYTES + 1, zipName: 'engage-1.zip' }), 'package.size');
    expect(p.message).toMatch(/engage-1\.zip is 2\.00 MB; Zendesk accepts at most 2 MB/);
    expect(check(goodFiles(), { zipBytes: ZIP_LIMIT_BYTES })).toEqual([]);
  });

  it('finds the manifest at the root of a zip built like npm run package, and nested when zipped wrongly', async () => {
    const { unzipSync } = await import('fflate');
    const enc = new TextEncoder();
    const asBytes = (f: Files) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'string' ? enc.encode(v) : v]));
    const good = unzipSync(zipSync(asBytes(goodFiles())));
    expect(check(good)).toEqual([]);
    const wrong = unzipSync(zipSync({ dist: asBytes(goodFiles()) }));
    only(check(wrong), 'package.nested-manifest');
  });
});

describe('manifest required fields', () => {
  it.each([
    ['author', /no "author"/],
    ['defaultLocale', /no "defaultLocale"/],
    ['frameworkVersion', /no "frameworkVersion"/],
    ['location', /no "location"/],
  ])('reports a missing %s', (field, message) => {
    const problems = check(withManifest((m) => delete m[field]));
    const hit = problems.find((p) => p.rule === 'manifest.required');
    expect(hit?.message).toMatch(message);
    expect(hit?.severity).toBe('error');
  });

  it('reports an author without email', () => {
    const p = only(check(withManifest((m) => delete (m.author as Json).email)), 'manifest.author');
    expect(p.message).toBe('"author.email" is missing or empty.');
  });

  it('reports a framework version other than "2.0"', () => {
    expect(only(check(withManifest((m) => (m.frameworkVersion = 2))), 'manifest.framework-version').fix).toMatch(/"2\.0"/);
  });

  it('reports a default locale without its translation file', () => {
    const p = only(check(withManifest((m) => (m.defaultLocale = 'de'))), 'translations.default-locale');
    expect(p.message).toContain('translations/de.json');
  });

  it('reports a malformed default locale', () => {
    only(check(withManifest((m) => (m.defaultLocale = 'English'))), 'manifest.default-locale');
  });

  it('reports a domainWhitelist that is not a list of strings', () => {
    only(check(withManifest((m) => (m.domainWhitelist = 'api.github.com'))), 'manifest.domain-whitelist');
  });
});

describe('location', () => {
  const sidebar = (m: Json) => (m.location as { support: { ticket_sidebar: Json } }).support.ticket_sidebar;

  it('reports a relative url outside assets/', () => {
    const p = only(check(withManifest((m) => (sidebar(m).url = 'iframe.html'))), 'location.url');
    expect(p.message).toMatch(/must start with assets\//);
  });

  it('reports a url whose file is not in the package', () => {
    const p = only(check(withManifest((m) => (sidebar(m).url = 'assets/sidebar.html'))), 'location.file');
    expect(p.message).toContain('assets/sidebar.html');
  });

  it('reports an http (not https) absolute url', () => {
    only(check(withManifest((m) => (sidebar(m).url = 'http://example.com/app.html'))), 'location.url');
  });

  it('reports a nav_bar location without its SVG icon, or with an icon that is not SVG', () => {
    const missing = { ...goodFiles() };
    delete missing['assets/icon_nav_bar.svg'];
    expect(only(check(missing), 'location.icon').message).toContain('assets/icon_nav_bar.svg');
    only(check({ ...goodFiles(), 'assets/icon_nav_bar.svg': 'not an icon' }), 'location.icon');
  });

  it('accepts a localhost url (zcli apps:server style)', () => {
    expect(check(withManifest((m) => (sidebar(m).url = 'http://localhost:4567/app/assets/iframe.html')))).toEqual([]);
  });

  it('reports a non-boolean flexible', () => {
    only(check(withManifest((m) => (sidebar(m).flexible = 'yes'))), 'location.flexible');
  });

  it('reports unknown hosts and locations', () => {
    only(check(withManifest((m) => ((m.location as Json).zupport = { ticket_sidebar: 'assets/iframe.html' }))), 'location.host');
    only(check(withManifest((m) => (((m.location as Json).support as Json).ticket_sidebr = { url: 'assets/iframe.html' }))), 'location.name');
  });
});

describe('parameters', () => {
  it('reports an unknown type', () => {
    const p = only(check(withManifest((m) => (param(m, 'routing_overrides').type = 'json'))), 'parameters.type');
    expect(p.fix).toContain('text, checkbox, url, number, multiline, hidden, oauth');
  });

  it('reports a hidden parameter that is required', () => {
    const files = withManifest((m) => params(m).push({ name: 'internal_id', type: 'hidden', required: true }));
    expect(only(check(files), 'parameters.hidden-required').message).toContain('internal_id');
  });

  it('reports scopes on a parameter that is not secure', () => {
    const files = withManifest((m) => (param(m, 'github_api_url').scopes = ['header']));
    expect(only(check(files), 'parameters.scopes-not-secure').fix).toContain('"secure": true');
  });

  it('warns about a secure parameter without scopes', () => {
    const p = only(check(withManifest((m) => delete param(m, 'github_token').scopes)), 'parameters.secure-without-scopes');
    expect(p.severity).toBe('warning');
    expect(p.fix).toContain('"scopes": ["header"]');
  });

  it.each(['github_token', 'api_key', 'admin_password', 'zendesk_pwd'])('warns when a text parameter named like a secret (%s) is not secure', (name) => {
    const files = withManifest((m) => {
      m.parameters = params(m).filter((p) => p.name !== 'github_token');
      params(m).push({ name, type: 'text' });
    });
    const p = only(check(files), 'parameters.insecure-secret');
    expect(p.severity).toBe('warning');
    expect(p.message).toContain(name);
  });

  it('reports a default on a secure parameter', () => {
    const p = only(check(withManifest((m) => (param(m, 'github_token').default = 'ghp_x'))), 'parameters.secret-default');
    expect(p.fix).toBe('Remove "default" from "github_token".');
  });

  it('reports a default on a hidden parameter', () => {
    const files = withManifest((m) => params(m).push({ name: 'internal_id', type: 'hidden', default: '1' }));
    only(check(files), 'parameters.secret-default');
  });

  it('reports duplicate parameters and the reserved name "name"', () => {
    only(check(withManifest((m) => params(m).push({ ...param(m, 'label_rfh') }))), 'parameters.duplicate');
    only(check(withManifest((m) => params(m).push({ name: 'name', type: 'text' }))), 'parameters.reserved-name');
  });

  it('reports required/secure written as strings', () => {
    only(check(withManifest((m) => (param(m, 'github_token').secure = 'true'))), 'parameters.boolean');
  });

  it('reports a default of the wrong kind for its type', () => {
    only(check(withManifest((m) => (param(m, 'require_checklist').default = 'yes'))), 'parameters.default-type');
  });
});

describe('translations', () => {
  it('reports a missing app.name', () => {
    only(check(withEn((t) => delete (t.app as Json).name)), 'translations.app-name');
  });

  it('reports a parameter without a label, naming the key to add', () => {
    const p = only(check(withEn((t) => delete ((t.app as Json).parameters as Json).label_rfh)), 'translations.parameter-label');
    expect(p.message).toContain('app.parameters.label_rfh.label');
  });

  it('warns about a parameter without help text and a missing description', () => {
    const files = withEn((t) => {
      delete (((t.app as Json).parameters as Json).status_after_filing as Json).helpText;
      delete (t.app as Json).long_description;
    });
    expect(only(check(files), 'translations.parameter-help').severity).toBe('warning');
    expect(only(check(files), 'translations.app-description').message).toContain('app.long_description');
  });

  it("holds the listing to Zendesk's Marketplace limits: name at most 40 characters, short description at most 80", () => {
    expect(check(withEn((t) => ((t.app as Json).name = 'E'.repeat(40)))).filter((p) => p.rule === 'translations.listing-length')).toEqual([]);
    const name = only(check(withEn((t) => ((t.app as Json).name = 'E'.repeat(41)))), 'translations.listing-length');
    expect(name.severity).toBe('error');
    expect(name.message).toContain('"app.name" is 41 characters');
    expect(name.fix).toContain('by 1 characters');
    // Counted as characters, not UTF-16 units or bytes: 80 accented letters and an emoji-free text pass.
    expect(check(withEn((t) => ((t.app as Json).short_description = 'é'.repeat(80)))).filter((p) => p.rule === 'translations.listing-length')).toEqual([]);
    const short = only(check(withEn((t) => ((t.app as Json).short_description = `${'x'.repeat(80)} `))), 'translations.listing-length');
    expect(short.message).toContain('at most 80');
  });

  it('reports a translation file that is not JSON or badly named', () => {
    only(check({ ...goodFiles(), 'translations/de.json': '{oops' }), 'translations.json');
    only(check({ ...goodFiles(), 'translations/german.json': '{}' }), 'translations.locale');
  });

  it('reports a missing default-locale file', () => {
    const files = goodFiles();
    delete files['translations/en.json'];
    only(check(files), 'translations.default-locale');
  });
});

describe('app settings consistency', () => {
  it('reports a setting the app reads but the manifest lacks', () => {
    const p = only(check(withManifest((m) => (m.parameters = params(m).filter((x) => x.name !== 'linked_issue_field_id')))), 'app.parameter-missing');
    expect(p.message).toContain('linked_issue_field_id');
  });

  it('reports a manifest default the app would reject', () => {
    const p = only(check(withManifest((m) => (param(m, 'private_repository').default = 'customer'))), 'app.default-invalid');
    expect(p.message).toMatch(/private_repository.*owner\/repo/);
  });

  it('reports a manifest default that differs from DEFAULT_SETTINGS', () => {
    only(check(withManifest((m) => (param(m, 'label_rfh').default = 'help-wanted'))), 'app.default-mismatch');
  });
});

describe('logos', () => {
  it('reads PNG sizes from the header', () => {
    expect(pngSize(logo)).toEqual({ width: 320, height: 320 });
    expect(pngSize(logoSmall)).toEqual({ width: 128, height: 128 });
    expect(pngSize(new TextEncoder().encode('GIF89a not a png at all....'))).toBeNull();
  });

  it('warns about a missing logo', () => {
    const files = goodFiles();
    delete files['assets/logo-small.png'];
    const p = only(check(files), 'assets.logo-missing');
    expect(p.fix).toContain('128×128');
  });

  it('reports a logo of the wrong size or format', () => {
    expect(only(check({ ...goodFiles(), 'assets/logo.png': logoSmall }), 'assets.logo-size').message).toBe(
      'assets/logo.png is 128×128; Zendesk expects 320×320.',
    );
    only(check({ ...goodFiles(), 'assets/logo.png': '<svg/>' }), 'assets.logo-format');
  });
});

describe('iframe page', () => {
  it('finds script and stylesheet references, ignoring comments', () => {
    expect(htmlReferences(`${IFRAME}<!-- <script src="https://x/y.js"></script> -->`)).toEqual([
      { tag: 'script', url: './iframe-abc123.js' },
      { tag: 'link', url: './iframe-abc123.css' },
    ]);
  });

  it.each([
    '<script src="https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js"></script>',
    "<script src='//cdn.jsdelivr.net/npm/react.js'></script>",
    '<link rel="stylesheet" href="https://unpkg.com/@zendeskgarden/css-bedrock">',
  ])('reports a CDN reference: %s', (tag) => {
    const html = IFRAME.replace('</head>', `${tag}</head>`);
    const p = only(check({ ...goodFiles(), 'assets/iframe.html': html }), 'html.remote');
    expect(p.fix).toMatch(/npm/);
  });

  it('reports a bundle the page loads but the package lacks', () => {
    const files = goodFiles();
    delete files['assets/iframe-abc123.js'];
    expect(only(check(files), 'html.missing-file').message).toContain('./iframe-abc123.js');
  });
});

describe('bundles', () => {
  it('finds static and dynamic chunk imports', () => {
    const js = 'import{a}from"./jsx-runtime-CCph.js";const p=()=>import("./RfhPanel-DAHP.js");const c=new URL(`./x.css`,import.meta.url);"https://cdn/x.js";';
    expect(chunkReferences(js)).toEqual(['./jsx-runtime-CCph.js', './RfhPanel-DAHP.js', './x.css']);
  });

  it('reports a lazily imported chunk missing from the package', () => {
    const files = { ...goodFiles(), 'assets/iframe-abc123.js': 'const p = () => import("./Workbench-9f8e.js");' };
    expect(only(check(files), 'bundle.missing-chunk').message).toBe('assets/iframe-abc123.js imports ./Workbench-9f8e.js, which is not in the package.');
    expect(check({ ...files, 'assets/Workbench-9f8e.js': 'export {}' })).toEqual([]);
  });
});

describe('secrets', () => {
  it('reports a GitHub token left in a bundle', () => {
    const files = { ...goodFiles(), 'assets/iframe-abc123.js': `const t = "ghp_${'a1B2'.repeat(9)}";` };
    only(check(files), 'package.secret');
  });
});

describe('formatProblems', () => {
  it('prints errors first, each with its fix', () => {
    const text = formatProblems([
      { severity: 'warning', rule: 'w', message: 'warned', fix: 'do w' },
      { severity: 'error', rule: 'e', message: 'broken', fix: 'do e' },
    ]);
    expect(text).toBe('ERROR [e] broken\n      fix: do e\nWARN  [w] warned\n      fix: do w');
  });
});
