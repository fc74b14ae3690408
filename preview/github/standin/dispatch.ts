// One request through the checks GitHub makes, in GitHub's order: credentials, route, path parameters, rate limits,
// repository visibility, authentication, JSON, query and body against the description; then the operation's
// handler, whose answer is checked against the description's response schema (a mismatch is a stand-in bug).
import * as E from '../errors.ts';
import type { ValidationProblem } from '../spec.ts';
import type { RepoRecord } from '../state.ts';
import type { StandInRequest, StandInResponse } from './api.ts';
import { baseHeaders, splitPath } from './envelope.ts';
import { ANONYMOUS, type Answer, type Caller, type Context } from './operation.ts';
import { HANDLERS } from './operations.ts';
import { rateHeaders, rateResource, takeRateLimit, type RateResource } from './rate-limits.ts';
import { identify } from './repository.ts';
import { findRepo, type StandInStore } from './store.ts';

/** The `resource` GitHub names in a 422's field errors for an operation. */
function resourceName(operationId: string): string {
  if (operationId.startsWith('search/')) return 'Search';
  if (operationId.includes('label')) return 'Label';
  if (operationId.includes('comment')) return 'IssueComment';
  if (operationId.startsWith('repos/')) return 'Repository';
  if (operationId.startsWith('users/')) return 'User';
  return 'Issue';
}

function fieldErrors(resource: string, problems: ValidationProblem[]): E.GitHubFieldError[] {
  return problems.map((p) => {
    const error: E.GitHubFieldError = {
      resource,
      field: p.field,
      code: p.keyword === 'required' ? 'missing_field' : 'invalid',
      message: p.message,
    };
    if (p.index !== undefined) error.index = p.index;
    return error;
  });
}

/** A request body as JSON: a string is the raw request text (blank = no body); not ok when it does not parse. */
function parseBody(body: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof body !== 'string') return { ok: true, value: body };
  if (body.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

export function dispatch(store: StandInStore, req: StandInRequest, requestId: string): StandInResponse {
  const method = req.method.toUpperCase();
  const [path, inlineQuery] = splitPath(req.path);
  const query = new URLSearchParams(req.query);
  if (inlineQuery) for (const [k, v] of new URLSearchParams(inlineQuery)) query.append(k, v);

  const identified = identify(store, req.headers);
  const answer = (a: Answer, who: Caller, resource: RateResource): StandInResponse => ({
    status: a.status,
    headers: { ...baseHeaders(requestId), ...rateHeaders(store, who, resource), ...(a.headers ?? {}) },
    body: a.body,
  });
  if (identified === 'bad') return answer({ status: 401, body: E.badCredentials() }, ANONYMOUS, 'core');
  const caller = identified;

  const routed = store.config.spec.route(method, path);
  if (!routed.operation) return answer({ status: 404, body: E.notFound() }, caller, 'core');
  const op = routed.operation;
  const docs = op.documentationUrl;
  const resource = rateResource(op.operationId);
  const pathCheck = op.checkPath(routed.params);
  if (!pathCheck.ok) return answer({ status: 404, body: E.notFound() }, caller, resource);

  const limited = takeRateLimit(store, caller, resource, method, requestId);
  if (limited) return answer(limited, caller, resource);

  let repo: RepoRecord | null = null;
  if (typeof pathCheck.values.owner === 'string' && typeof pathCheck.values.repo === 'string') {
    repo = findRepo(store, pathCheck.values.owner, pathCheck.values.repo);
    // A private repository the caller cannot see does not exist, as far as GitHub says.
    if (!repo || (repo.private && !caller.user)) return answer({ status: 404, body: E.notFound() }, caller, resource);
  }
  if (!caller.user && (method !== 'GET' || op.operationId === 'users/get-authenticated')) {
    return answer({ status: 401, body: E.requiresAuthentication(docs) }, caller, resource);
  }

  const parsed = parseBody(req.body);
  if (!parsed.ok) return answer({ status: 400, body: E.problemsParsingJson(docs) }, caller, resource);
  let body = parsed.value;

  const queryCheck = op.checkQuery(query);
  if (!queryCheck.ok) {
    return answer({ status: 422, body: E.validationFailed(fieldErrors(resourceName(op.operationId), queryCheck.problems), docs) }, caller, resource);
  }
  const takesBody = method !== 'GET' && method !== 'HEAD' && method !== 'DELETE';
  if (takesBody) {
    const candidate = body === undefined ? {} : body;
    const problems = op.checkBody(candidate);
    if (problems.length > 0) {
      const whole = problems.find((p) => p.field === '' && p.keyword === 'type');
      const errorBody = whole
        ? E.errorBody(400, 'Body should be a JSON object', docs)
        : E.validationFailed(fieldErrors(resourceName(op.operationId), problems), docs);
      return answer({ status: whole ? 400 : 422, body: errorBody }, caller, resource);
    }
    body = candidate;
  }

  const handler = HANDLERS[op.operationId];
  if (!handler) return answer({ status: 404, body: E.notFound() }, caller, resource);
  const ctx: Context = {
    op,
    path: pathCheck.values,
    query: queryCheck.values,
    body: (body ?? {}) as Record<string, unknown>,
    caller,
    repo,
    requestId,
  };
  const result = handler(store, ctx);
  if (store.config.checkResponses) {
    const problems = op.checkResponse(result.status, result.body);
    if (problems && problems.length > 0) {
      const detail = problems.slice(0, 5).map((p) => p.message).join('; ');
      console.error(`[github stand-in] ${op.operationId} ${result.status} answer does not match GitHub's schema: ${detail}`);
      return answer({ status: 500, body: E.errorBody(500, `Stand-in answer does not match GitHub's schema: ${detail}`, E.DOCS) }, caller, resource);
    }
  }
  return answer(result, caller, resource);
}
