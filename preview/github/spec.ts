// The committed OpenAPI subset (scripts/extract-openapi.ts) turned into a router and ajv validators: the stand-in
// accepts exactly what GitHub's description accepts for these operations, and can check its own answers against
// the description's response schemas.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; depending on the loader its plugin is the default export or hangs off `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
}

interface OpenApiOperation {
  operationId: string;
  externalDocs?: { url: string };
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonObject }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonObject }> }>;
}

interface OpenApiSubset {
  openapi: string;
  info: { version: string; 'x-engage-extract': { packageVersion: string; extractedAt: string } };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonObject> };
}

export interface ValidationProblem {
  /** Dotted path in the request, e.g. `labels` or `title`; '' for the whole body. */
  field: string;
  /** Array index inside `field`, when the problem is in one element. */
  index?: number;
  keyword: string;
  message: string;
}

export interface Operation {
  operationId: string;
  method: string;
  pathTemplate: string;
  documentationUrl: string;
  /** Matches a request path (raw, percent-encoded) and yields decoded path parameters, or null. */
  match(path: string): Record<string, string> | null;
  /** Validates (and coerces, and fills defaults of) path parameters: false means GitHub would not route it. */
  checkPath(params: Record<string, string>): { ok: true; values: Record<string, unknown> } | { ok: false };
  /** Validates query parameters (coerced from strings, defaults filled in). */
  checkQuery(query: URLSearchParams): { ok: true; values: Record<string, unknown> } | { ok: false; problems: ValidationProblem[] };
  /** Validates a parsed JSON body; undefined when the operation takes none. */
  checkBody(body: unknown): ValidationProblem[];
  /** Validates a response body against the description; null when the status has no JSON schema there. */
  checkResponse(status: number, body: unknown): ValidationProblem[] | null;
  /** Compiles every validator now instead of on first use. */
  compileAll(): void;
}

const SUBSET_URL = new URL('./openapi-subset.json', import.meta.url);
const DEFS_ID = 'https://engage.invalid/github-openapi-subset.json';
const DROP_KEYS = new Set(['nullable', 'example', 'examples', 'discriminator', 'xml', 'externalDocs', 'deprecated', 'readOnly', 'writeOnly', 'description', 'title']);

/**
 * OpenAPI 3.0 schema → JSON Schema draft-07 for ajv: `nullable: true` becomes an explicit null alternative (also
 * next to `$ref`/`allOf`, where ajv's own `nullable` support refuses), annotations are dropped, and refs into
 * components.schemas point at the shared definitions schema.
 */
export function toJsonSchema(node: Json, parentKey = ''): Json {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item));
  if (typeof node !== 'object' || node === null) return node;
  // Inside `properties` the keys are property names, not keywords: never drop them.
  if (parentKey === 'properties') {
    const props: JsonObject = {};
    for (const [name, value] of Object.entries(node)) props[name] = toJsonSchema(value);
    return props;
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROP_KEYS.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/components/schemas/', `${DEFS_ID}#/definitions/`);
      continue;
    }
    out[key] = toJsonSchema(value, key);
  }
  if (node.nullable !== true) return out;
  const composite = '$ref' in out || 'allOf' in out || 'oneOf' in out || 'anyOf' in out || typeof out.type !== 'string';
  if (composite) return { anyOf: [out, { type: 'null' }] };
  out.type = [out.type as string, 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}

function newAjv(coerce: boolean): Ajv {
  // inlineRefs: false compiles each component schema once per instance and shares it (inlining made every
  // operation recompile the whole issue/repository tree: seconds instead of milliseconds).
  const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: coerce, useDefaults: coerce, inlineRefs: false });
  addFormats(ajv);
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
  return ajv;
}

function problemsFrom(errors: ErrorObject[] | null | undefined): ValidationProblem[] {
  const seen = new Map<string, ValidationProblem>();
  for (const error of errors ?? []) {
    const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (error.keyword === 'required') segments.push(String((error.params as { missingProperty: string }).missingProperty));
    if (error.keyword === 'additionalProperties') {
      segments.push(String((error.params as { additionalProperty: string }).additionalProperty));
    }
    const indexAt = segments.findIndex((s) => /^\d+$/.test(s));
    const fieldSegments = indexAt === -1 ? segments : segments.slice(0, indexAt);
    const field = fieldSegments.join('.');
    const problem: ValidationProblem = {
      field,
      keyword: error.keyword,
      message:
        error.keyword === 'required'
          ? `"${segments.join('.')}" wasn't supplied`
          : `${segments.join('.') || 'body'} ${error.message ?? 'is invalid'}`,
    };
    if (indexAt !== -1) problem.index = Number(segments[indexAt]);
    // oneOf/anyOf produce one error per branch: keep the first (most specific) per field.
    const key = `${field}#${problem.index ?? ''}`;
    const previous = seen.get(key);
    if (!previous || (previous.keyword !== 'required' && error.keyword === 'required')) seen.set(key, problem);
  }
  return [...seen.values()];
}

function lazy<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

function templateToRegExp(template: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (param) {
        names.push(param[1] as string);
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { regex: new RegExp(`^${source}$`), names };
}

function objectSchema(params: OpenApiParameter[]): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const p of params) {
    properties[p.name] = toJsonSchema(p.schema ?? {}) as JsonObject;
    if (p.required) required.push(p.name);
  }
  return { type: 'object', properties, required };
}

export interface Spec {
  operations: Operation[];
  /** Package version and extraction date of the committed subset (for headers and reports). */
  version: { packageVersion: string; extractedAt: string };
  /** Finds the operation for a method and raw path. `pathKnown` says whether any method exists at that path. */
  route(method: string, path: string): { operation: Operation; params: Record<string, string> } | { operation: null; pathKnown: boolean };
  /** Validates any JSON value against a component schema by name (e.g. 'issue'): tests use it. */
  checkSchema(name: string, value: unknown): ValidationProblem[];
  /** Compiles every operation's validators now (a test's beforeAll, or a server that prefers a slower start). */
  compileAll(): void;
}

function buildSpec(subset: OpenApiSubset): Spec {
  const definitions: JsonObject = {};
  for (const [name, schema] of Object.entries(subset.components.schemas)) definitions[name] = toJsonSchema(schema);
  const strictAjv = newAjv(false);
  const coercingAjv = newAjv(true);
  for (const ajv of [strictAjv, coercingAjv]) ajv.addSchema({ $id: DEFS_ID, definitions });

  const operations: Operation[] = [];
  for (const [pathTemplate, item] of Object.entries(subset.paths)) {
    const { regex, names } = templateToRegExp(pathTemplate);
    for (const [method, op] of Object.entries(item)) {
      const params = op.parameters ?? [];
      const queryParams = params.filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content['application/json']?.schema;
      // Compiled on first use: a process that touches three operations should not pay for thirteen.
      const pathValidator = lazy(() => coercingAjv.compile(objectSchema(params.filter((p) => p.in === 'path'))));
      const queryValidator = lazy(() => coercingAjv.compile(objectSchema(queryParams)));
      const bodyValidator = lazy(() => (bodySchema ? strictAjv.compile(toJsonSchema(bodySchema) as JsonObject) : null));
      const responseValidators = new Map<number, ValidateFunction>();
      const responseSchemas = new Map<number, JsonObject>();
      for (const [status, response] of Object.entries(op.responses)) {
        const schema = response.content?.['application/json']?.schema;
        if (schema) responseSchemas.set(Number(status), schema);
      }
      const responseValidator = (status: number): ValidateFunction | null => {
        let validator = responseValidators.get(status);
        if (!validator) {
          const schema = responseSchemas.get(status);
          if (!schema) return null;
          validator = strictAjv.compile(toJsonSchema(schema) as JsonObject);
          responseValidators.set(status, validator);
        }
        return validator;
      };
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        pathTemplate,
        documentationUrl: op.externalDocs?.url ?? 'https://docs.github.com/rest',
        match(path) {
          const m = regex.exec(path);
          if (!m) return null;
          const values: Record<string, string> = {};
          try {
            names.forEach((name, i) => (values[name] = decodeURIComponent(m[i + 1] as string)));
          } catch {
            return null; // malformed percent-encoding: GitHub answers 404 for such paths
          }
          return values;
        },
        checkPath(values) {
          const data: Record<string, unknown> = { ...values };
          return pathValidator()(data) ? { ok: true, values: data } : { ok: false };
        },
        checkQuery(query) {
          const data: Record<string, unknown> = {};
          const known = new Set(queryParams.map((p) => p.name));
          // GitHub ignores query parameters it does not know; repeated ones: the last wins.
          for (const [key, value] of query) if (known.has(key)) data[key] = value;
          const validate = queryValidator();
          if (validate(data)) return { ok: true, values: data };
          return { ok: false, problems: problemsFrom(validate.errors) };
        },
        checkBody(body) {
          const validate = bodyValidator();
          if (!validate) return [];
          return validate(body) ? [] : problemsFrom(validate.errors);
        },
        checkResponse(status, body) {
          const validator = responseValidator(status);
          if (!validator) return null;
          return validator(body) ? [] : problemsFrom(validator.errors);
        },
        compileAll() {
          pathValidator();
          queryValidator();
          bodyValidator();
          for (const status of responseSchemas.keys()) responseValidator(status);
        },
      });
    }
  }

  const componentValidators = new Map<string, ValidateFunction>();
  return {
    operations,
    version: {
      packageVersion: subset.info['x-engage-extract'].packageVersion,
      extractedAt: subset.info['x-engage-extract'].extractedAt,
    },
    route(method, path) {
      let pathKnown = false;
      for (const operation of operations) {
        const params = operation.match(path);
        if (!params) continue;
        pathKnown = true;
        if (operation.method === method.toUpperCase()) return { operation, params };
      }
      return { operation: null, pathKnown };
    },
    compileAll() {
      for (const operation of operations) operation.compileAll();
    },
    checkSchema(name, value) {
      let validator = componentValidators.get(name);
      if (!validator) {
        validator = strictAjv.compile({ $ref: `${DEFS_ID}#/definitions/${name}` });
        componentValidators.set(name, validator);
      }
      return validator(value) ? [] : problemsFrom(validator.errors);
    },
  };
}

let cached: Spec | null = null;

/** The spec, loaded and compiled once per process (compiling takes ~100 ms; every stand-in shares it). */
export function loadSpec(): Spec {
  cached ??= buildSpec(JSON.parse(readFileSync(SUBSET_URL, 'utf8')) as OpenApiSubset);
  return cached;
}
