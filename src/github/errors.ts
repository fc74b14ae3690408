// GitHub's failures (Octokit's RequestError, a dropped connection, a rate limit) classified into the agent-facing
// error model, with the repository and setting to name in the message.
import type { RepoRef } from '../core/settings.ts';
import { errorMessage } from '../core/guards.ts';
import { AgentFailure, agentError, isAgentError } from '../errors/agent-error.ts';
import { ZafNoAnswer } from '../zaf/request.ts';

// No answer at all: the ZAF request wrapper throws ZafNoAnswer (the connection dropped, the proxy was unreachable,
// or the client's timeout fired). Octokit wraps what fetch throws in a RequestError with status 500, so the
// classifier follows `cause` to tell "GitHub said 500" from "no answer".
function findNoAnswer(e: unknown): ZafNoAnswer | null {
  let current: unknown = e;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof ZafNoAnswer) return current;
    if (typeof current === 'object' && current !== null && 'cause' in current) {
      current = (current as { cause?: unknown }).cause;
    } else break;
  }
  return null;
}

/** Where the failing call was aimed, so messages can name the repository and its setting. */
export interface GitHubErrorContext {
  repo?: RepoRef;
  /** The manifest parameter that names the repository (`private_repository` / `public_repository`). */
  repoSetting?: string;
  apiUrl?: string;
}

interface HttpLikeError {
  status: number;
  message: string;
  headers: Record<string, string>;
  data: unknown;
}

function asHttpError(e: unknown): HttpLikeError | null {
  if (typeof e !== 'object' || e === null) return null;
  const o = e as { status?: unknown; message?: unknown; response?: { headers?: unknown; data?: unknown } };
  if (typeof o.status !== 'number') return null;
  const headers: Record<string, string> = {};
  const raw = o.response?.headers;
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (v !== undefined && v !== null) headers[k.toLowerCase()] = String(v);
    }
  }
  return { status: o.status, message: typeof o.message === 'string' ? o.message : '', headers, data: o.response?.data };
}

function githubMessage(data: unknown, fallback: string): string {
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') {
    return (data as { message: string }).message;
  }
  if (typeof data === 'string' && data.trim()) return data.trim().slice(0, 300);
  return fallback;
}

/** The seconds to wait GitHub advises, for primary and secondary rate limits; null when it is not a rate limit. */
export function rateLimitWait(
  status: number,
  headers: Record<string, string>,
  message: string,
  nowMs: number = Date.now(),
): { seconds: number; kind: 'primary' | 'secondary' } | null {
  if (status !== 403 && status !== 429) return null;
  const retryAfter = Number(headers['retry-after']);
  const secondary = /secondary rate limit|abuse detection/i.test(message);
  if (headers['x-ratelimit-remaining'] === '0' && !secondary) {
    const reset = Number(headers['x-ratelimit-reset']);
    const seconds = Number.isFinite(retryAfter) && retryAfter > 0
      ? retryAfter
      : Number.isFinite(reset) && reset > 0
        ? Math.max(1, Math.ceil(reset - nowMs / 1000) + 1)
        : 60;
    return { seconds, kind: 'primary' };
  }
  if (secondary || status === 429 || (Number.isFinite(retryAfter) && headers['retry-after'] !== undefined)) {
    // GitHub's guidance for a secondary limit without retry-after: wait at least a minute.
    return { seconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? Math.max(1, retryAfter) : 60, kind: 'secondary' };
  }
  if (/rate limit/i.test(message)) return { seconds: 60, kind: 'primary' };
  return null;
}

function repoName(ctx: GitHubErrorContext): string {
  return ctx.repo ? `${ctx.repo.owner}/${ctx.repo.repo}` : '';
}

/** Classify anything a GitHub call threw (Octokit RequestError, a network failure, ours) into an AgentError. */
export function classifyGitHubError(e: unknown, ctx: GitHubErrorContext = {}): AgentFailure {
  if (e instanceof AgentFailure) return e;
  if (isAgentError(e)) return new AgentFailure(e);
  const down = findNoAnswer(e);
  if (down) return agentError('network_down', { service: 'GitHub', timeout: down.timedOut ? 1 : 0 }, true, undefined, e);
  const http = asHttpError(e);
  if (!http) {
    const message = errorMessage(e);
    return agentError('unknown', { status: 0, message }, true, undefined, e);
  }
  const proxyRefusal = zendeskProxyRefusal(http.data);
  if (proxyRefusal !== null) {
    // Zendesk's proxy itself refused to forward the call (e.g. the API host is not in the manifest's
    // domainWhitelist): not GitHub's answer, so none of GitHub's codes fits; say what Zendesk said.
    return agentError('unknown', { status: http.status, message: `Zendesk did not forward the request to GitHub: ${proxyRefusal}` }, false, undefined, e);
  }
  const message = githubMessage(http.data, http.message);
  const repo = repoName(ctx);
  const setting = ctx.repoSetting ?? '';
  const wait = rateLimitWait(http.status, http.headers, message);
  if (wait) {
    return agentError('github_rate_limited', { seconds: wait.seconds, kind: wait.kind }, true, wait.seconds, e);
  }
  switch (http.status) {
    case 401:
      return agentError('github_unauthorized', { status: 401, apiUrl: ctx.apiUrl ?? '', message }, false, undefined, e);
    case 403:
      // Not a rate limit: the token is valid but may not write here (fine-grained token without Issues: write,
      // or an organisation policy). The fix is the same as for missing push access: an admin grants it.
      return agentError('github_no_push', { repo, setting, message }, false, undefined, e);
    case 404:
    case 410:
      // GitHub answers 404 both for a missing repository and for one the token may not see; 410 = issues disabled.
      return agentError('github_repo_not_found', { repo, setting, status: http.status }, false, undefined, e);
    case 400:
    case 422: {
      const first = firstValidationError(http.data);
      return agentError(
        'github_validation',
        { field: first.field, code: first.code, resource: first.resource, message: first.message || message },
        false,
        undefined,
        e,
      );
    }
    default:
      if (http.status >= 500) return agentError('github_unavailable', { status: http.status }, true, undefined, e);
      return agentError('unknown', { status: http.status, message }, true, undefined, e);
  }
}

/** GitHub error bodies always carry `message`; Zendesk's carry `error` (+ `description`) instead. */
function zendeskProxyRefusal(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const o = data as Record<string, unknown>;
  if (typeof o.message === 'string' || typeof o.error !== 'string') return null;
  return typeof o.description === 'string' && o.description !== '' ? `${o.error}: ${o.description}` : o.error;
}

function firstValidationError(data: unknown): { field: string; code: string; resource: string; message: string } {
  const errors = typeof data === 'object' && data !== null ? (data as { errors?: unknown }).errors : undefined;
  if (Array.isArray(errors)) {
    for (const item of errors) {
      if (typeof item === 'string') return { field: '', code: '', resource: '', message: item };
      if (typeof item === 'object' && item !== null) {
        const o = item as Record<string, unknown>;
        return {
          field: typeof o.field === 'string' ? o.field : '',
          code: typeof o.code === 'string' ? o.code : '',
          resource: typeof o.resource === 'string' ? o.resource : '',
          message: typeof o.message === 'string' ? o.message : '',
        };
      }
    }
  }
  return { field: '', code: '', resource: '', message: githubMessage(data, '') };
}
