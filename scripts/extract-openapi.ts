// Extracts the GitHub REST operations Engage uses from GitHub's official OpenAPI description (npm `@octokit/openapi`,
// ~385 MB, so not a dependency) into `preview/github/openapi-subset.json`, so the GitHub stand-in accepts exactly
// what GitHub accepts. How to regenerate: preview/github/README.md (the argument is the installed package directory
// or a `.json` description; an optional second argument is the output path). To add an operation, append its
// operationId to OPERATION_IDS below and regenerate.
//
// The output is a self-contained OpenAPI 3.0 document: only the chosen operations, every `$ref` other than to a
// schema inlined, exactly the schemas they reach copied, examples dropped (large, not needed for validation), and
// `info["x-engage-extract"]` recording the package, its version, the source file and the date.
import { readFileSync, writeFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRecord } from '../src/core/guards.ts';

/** The operations Engage (app adapters, preview stand-in) uses. Keep sorted by area. */
export const OPERATION_IDS = [
  'issues/create',
  'issues/get',
  'issues/update',
  'issues/list-for-repo',
  'issues/create-comment',
  'issues/list-comments',
  'issues/update-comment',
  'issues/add-labels',
  'issues/list-labels-for-repo',
  'issues/create-label',
  'issues/get-label',
  'search/issues-and-pull-requests',
  'repos/get',
  'users/get-authenticated',
] as const;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** `isRecord`, narrowed to the JSON type this script walks. */
function isObject(value: Json | undefined): value is JsonObject {
  return isRecord(value);
}

function lookup(doc: JsonObject, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !(key in node)) throw new Error(`unresolvable $ref: ${ref}`);
    node = node[key] as Json;
  }
  return node;
}

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/**
 * Copies `node`, inlining non-schema component refs and dropping examples; records every schema name referenced.
 * `inSchema` is true inside a JSON schema, where `example`/`examples` are annotations (safe to drop too).
 */
function copy(doc: JsonObject, node: Json, schemaNames: Set<string>): Json {
  if (Array.isArray(node)) return node.map((item) => copy(doc, item, schemaNames));
  if (!isObject(node)) return node;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const schemaMatch = SCHEMA_REF.exec(ref);
    if (schemaMatch) {
      schemaNames.add(schemaMatch[1] as string);
      return { $ref: ref };
    }
    return copy(doc, lookup(doc, ref), schemaNames);
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'examples' || key === 'example') continue;
    out[key] = copy(doc, value, schemaNames);
  }
  return out;
}

function packageInfo(input: string): { specFile: string; name: string; version: string } {
  const absolute = resolve(input);
  if (statSync(absolute).isDirectory()) {
    const pkg = JSON.parse(readFileSync(join(absolute, 'package.json'), 'utf8')) as { name: string; version: string };
    return { specFile: join(absolute, 'generated', 'api.github.com.json'), name: pkg.name, version: pkg.version };
  }
  // A file inside the package: find its package.json two levels up (generated/<file>.json).
  const pkgJson = join(dirname(dirname(absolute)), 'package.json');
  if (existsSync(pkgJson)) {
    const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { name: string; version: string };
    return { specFile: absolute, name: pkg.name, version: pkg.version };
  }
  return { specFile: absolute, name: 'unknown', version: 'unknown' };
}

export function extractSubset(
  doc: JsonObject,
  source: { name: string; version: string; file: string; date: string },
  operationIds: readonly string[] = OPERATION_IDS,
): JsonObject {
  const paths = doc.paths;
  if (!isObject(paths)) throw new Error('description has no paths');
  const wanted = new Set<string>(operationIds);
  const found = new Set<string>();
  const schemaNames = new Set<string>();
  const outPaths: JsonObject = {};

  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation) || typeof operation.operationId !== 'string' || !wanted.has(operation.operationId)) {
        continue;
      }
      found.add(operation.operationId);
      const outItem = (outPaths[path] ??= {}) as JsonObject;
      const op = copy(doc, operation, schemaNames) as JsonObject;
      // Path-level parameters apply to every operation of the path: fold them in so each operation stands alone.
      if (Array.isArray(item.parameters)) {
        const shared = copy(doc, item.parameters, schemaNames) as Json[];
        op.parameters = [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])];
      }
      outItem[method] = op;
    }
  }
  const missing = [...wanted].filter((id) => !found.has(id));
  if (missing.length > 0) throw new Error(`operations not found in the description: ${missing.join(', ')}`);

  // Transitive closure over components.schemas.
  const components = doc.components;
  if (!isObject(components) || !isObject(components.schemas)) throw new Error('description has no components.schemas');
  const allSchemas = components.schemas;
  const outSchemas: JsonObject = {};
  const queue = [...schemaNames];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (name in outSchemas) continue;
    const schema = allSchemas[name];
    if (schema === undefined) throw new Error(`schema not found: ${name}`);
    const reached = new Set<string>();
    outSchemas[name] = copy(doc, schema, reached);
    for (const next of reached) if (!(next in outSchemas)) queue.push(next);
  }
  const sortedSchemas: JsonObject = {};
  for (const name of Object.keys(outSchemas).sort()) sortedSchemas[name] = outSchemas[name] as Json;

  const info = isObject(doc.info) ? doc.info : {};
  return {
    openapi: doc.openapi ?? '3.0.3',
    info: {
      title: `Subset of ${String(info.title ?? 'GitHub REST API')} used by Engage`,
      version: info.version ?? source.version,
      'x-engage-extract': {
        package: source.name,
        packageVersion: source.version,
        file: source.file,
        extractedAt: source.date,
        operations: [...operationIds],
        regenerate:
          'mkdir -p /tmp/oa && cd /tmp/oa && npm init -y && npm install @octokit/openapi; then, at the repo root: ' +
          'node --import tsx scripts/extract-openapi.ts /tmp/oa/node_modules/@octokit/openapi',
      },
    },
    servers: doc.servers ?? [{ url: 'https://api.github.com' }],
    paths: outPaths,
    components: { schemas: sortedSchemas },
  };
}

function main(): void {
  const [input, output] = process.argv.slice(2);
  if (!input) {
    console.error('usage: node --import tsx scripts/extract-openapi.ts <@octokit/openapi package dir | description.json> [output]');
    process.exit(2);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const outFile = output ? resolve(output) : join(here, '..', 'preview', 'github', 'openapi-subset.json');
  const { specFile, name, version } = packageInfo(input);
  const doc = JSON.parse(readFileSync(specFile, 'utf8')) as JsonObject;
  const subset = extractSubset(doc, {
    name,
    version,
    file: specFile.split('/').slice(-2).join('/'),
    date: new Date().toISOString().slice(0, 10),
  });
  writeFileSync(outFile, JSON.stringify(subset, null, 1) + '\n');
  const schemas = Object.keys((subset.components as JsonObject).schemas as JsonObject).length;
  console.log(`wrote ${outFile}: ${OPERATION_IDS.length} operations, ${schemas} component schemas (${name}@${version})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
