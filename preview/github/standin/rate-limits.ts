// GitHub's rate limits: the primary hourly (core) and per-minute (search) windows, reported on every answer, and
// the secondary limit on content creation. Enforced only with `enforceRateLimits`; counted always.
import * as E from '../errors.ts';
import type { Answer, Caller } from './operation.ts';
import type { StandInStore } from './store.ts';

const RATE_LIMITS = {
  core: { authenticated: 5000, anonymous: 60, windowMs: 3_600_000 },
  search: { authenticated: 30, anonymous: 10, windowMs: 60_000 },
} as const;
const CONTENT_CREATION_PER_MINUTE = 80;

export type RateResource = keyof typeof RATE_LIMITS;

/** Which limit an operation counts against. */
export function rateResource(operationId: string | undefined): RateResource {
  return operationId?.startsWith('search/') ? 'search' : 'core';
}

function rateState(store: StandInStore, caller: Caller, resource: RateResource): { limit: number; used: number; resetAt: number } {
  const window = RATE_LIMITS[resource];
  const limit = caller.user ? window.authenticated : window.anonymous;
  const key = `${caller.key}:${resource}`;
  let state = store.rate.get(key);
  const t = store.config.now();
  if (!state || state.resetAt <= t) {
    state = { used: 0, resetAt: t + window.windowMs };
    store.rate.set(key, state);
  }
  return { limit, used: state.used, resetAt: state.resetAt };
}

export function rateHeaders(store: StandInStore, caller: Caller, resource: RateResource): Record<string, string> {
  const s = rateState(store, caller, resource);
  return {
    'x-ratelimit-limit': String(s.limit),
    'x-ratelimit-remaining': String(Math.max(0, s.limit - s.used)),
    'x-ratelimit-reset': String(Math.ceil(s.resetAt / 1000)),
    'x-ratelimit-used': String(s.used),
    'x-ratelimit-resource': resource,
  };
}

/**
 * Counts the request against its limits; GitHub's 403 when one is used up and limits are enforced, else null.
 * Writes count against the secondary limit only when they are let through.
 */
export function takeRateLimit(store: StandInStore, caller: Caller, resource: RateResource, method: string, requestId: string): Answer | null {
  rateState(store, caller, resource);
  const state = store.rate.get(`${caller.key}:${resource}`);
  if (state) state.used++;
  const limits = rateState(store, caller, resource);
  if (!store.config.enforceRateLimits) return null;
  if (limits.used > limits.limit) {
    const body = caller.user ? E.primaryRateLimit(caller.user.id, requestId) : E.errorBody(403, 'API rate limit exceeded.', E.DOCS);
    return { status: 403, body };
  }
  if (method !== 'GET') {
    const t = store.config.now();
    store.writes = store.writes.filter((w) => w > t - 60_000);
    if (store.writes.length >= CONTENT_CREATION_PER_MINUTE) {
      const retryAfter = Math.max(1, Math.ceil(((store.writes[0] as number) + 60_000 - t) / 1000));
      return { status: 403, body: E.secondaryRateLimit(requestId), headers: { 'retry-after': String(retryAfter) } };
    }
    store.writes.push(t);
  }
  return null;
}
