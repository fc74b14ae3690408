// Size figures of the built app: what the iframe needs before its first paint (static import graph), the whole
// package, and the uploadable zip. Sizes are gzip level 9 (node:zlib), in kB of 1000 bytes as Vite reports them;
// the zip is in KiB because Zendesk's upload limit is 2 MiB.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { init as initLexer, parse as parseModule } from 'es-module-lexer';

export function gzipBytes(content: Uint8Array | string): number {
  return gzipSync(content, { level: constants.Z_BEST_COMPRESSION }).length;
}

export interface AssetSize {
  /** Path relative to the dist folder, e.g. `assets/iframe-abc.js`. */
  path: string;
  bytes: number;
  gzipBytes: number;
}

/** Every `<script src>`, `<link rel=stylesheet|modulepreload href>` of an HTML page, in document order. */
export function htmlReferences(html: string): string[] {
  const refs: string[] = [];
  const tag = /<(script|link)\b([^>]*)>/gi;
  for (const m of html.matchAll(tag)) {
    const name = (m[1] ?? '').toLowerCase();
    const attrs = m[2] ?? '';
    const attr = (a: string): string | null => {
      const found = new RegExp(`\\b${a}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
      return found ? (found[2] ?? found[3] ?? found[4] ?? null) : null;
    };
    if (name === 'script') {
      const src = attr('src');
      if (src) refs.push(src);
    } else {
      const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr('href');
      // Preloads of other kinds (fonts, images) are fetched eagerly too, so they count.
      if (href && (rel.includes('stylesheet') || rel.includes('modulepreload') || rel.includes('preload'))) refs.push(href);
    }
  }
  return refs;
}

function isLocal(ref: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(ref) && !ref.startsWith('//');
}

/** Static `import`/`export ... from` specifiers of an ES module (dynamic `import()` excluded: those are lazy). */
export async function staticImports(code: string): Promise<string[]> {
  await initLexer;
  const [imports] = parseModule(code);
  const out: string[] = [];
  for (const imp of imports) {
    // d === -1: static import; d === -2: import.meta; d >= 0: dynamic import()
    if (imp.d === -1 && imp.n) out.push(imp.n);
  }
  return out;
}

/**
 * What the iframe fetches before any code runs: the HTML, what it references, and the static import graph of its
 * module scripts. Lazy chunks (dynamic `import()`) are left out: they are fetched when the agent needs them.
 * The browser measurement (bench/browser.ts) cross-checks this against the requests actually made before paint.
 */
export async function initialAssets(
  distDir: string,
  htmlPath = 'assets/iframe.html',
  /** URL prefix that maps to `distDir` for absolute references (the baseline is built with base `/__bench_baseline/`). */
  absoluteBase?: string,
): Promise<AssetSize[]> {
  const seen = new Set<string>();
  const result: AssetSize[] = [];
  const queue: string[] = [resolve(distDir, htmlPath)];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const content = readFileSync(file);
    result.push({ path: relative(distDir, file), bytes: content.length, gzipBytes: gzipBytes(content) });
    const text = content.toString('utf8');
    let refs: string[] = [];
    if (file.endsWith('.html')) refs = htmlReferences(text);
    else if (file.endsWith('.js') || file.endsWith('.mjs')) refs = await staticImports(text);
    else if (file.endsWith('.css')) refs = [...text.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)].map((m) => m[1] as string);
    for (const ref of refs) {
      if (!isLocal(ref)) continue;
      const clean = ref.split(/[?#]/)[0] as string;
      if (clean.startsWith('/')) {
        if (absoluteBase && clean.startsWith(absoluteBase)) queue.push(resolve(distDir, clean.slice(absoluteBase.length)));
        else throw new Error(`${relative(distDir, file)} references ${ref}, which is outside the package`);
      } else queue.push(resolve(dirname(file), clean));
    }
  }
  return result;
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out.sort();
}

/** Every file of the package (dist/), each gzipped on its own, as a CDN would serve it. */
export function packageAssets(distDir: string): AssetSize[] {
  return listFiles(distDir).map((file) => {
    const content = readFileSync(file);
    return { path: relative(distDir, file), bytes: content.length, gzipBytes: gzipBytes(content) };
  });
}

export const kB = (bytes: number): number => bytes / 1000;
export const KiB = (bytes: number): number => bytes / 1024;

/**
 * Every local module specifier (static imports and string-literal dynamic imports) of every JS file in `dir`,
 * resolved, that does not exist: empty for a complete build. Used to check a copy of dist/ taken while other
 * builds may be writing it.
 */
export async function missingModules(dir: string): Promise<string[]> {
  await initLexer;
  const missing: string[] = [];
  for (const file of listFiles(dir)) {
    if (!file.endsWith('.js')) continue;
    const [imports] = parseModule(readFileSync(file, 'utf8'));
    for (const imp of imports) {
      if (!imp.n || !isLocal(imp.n) || imp.n.startsWith('/')) continue;
      const target = resolve(dirname(file), imp.n.split(/[?#]/)[0] as string);
      try {
        statSync(target);
      } catch {
        missing.push(`${relative(dir, file)} → ${imp.n}`);
      }
    }
  }
  return missing;
}
