// Octokit for Engage: REST methods, the throttling plugin (GitHub's pacing of writes and searches, and rate-limit
// handling) and the retry plugin (idempotent calls on 5xx / no answer), with every request going through Zendesk's
// secure proxy (zaf-fetch.ts). GitHub Enterprise Server works by giving its API URL (https://host/api/v3).
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import type { Settings } from '../core/settings.ts';
import type { ZafClient } from '../zaf/client.ts';
import { createZafFetch, DEFAULT_GITHUB_TIMEOUT_MS } from './zaf-fetch.ts';

const EngageOctokit = Octokit.plugin(throttling, retry);
export type EngageOctokit = InstanceType<typeof EngageOctokit>;

/** Longest advised wait we sit through before retrying a rate-limited call once; longer waits go to the agent. */
export const MAX_AUTO_WAIT_SECONDS = 60;

export interface OctokitOptions {
  /** Client timeout per request (ms). */
  timeoutMs?: number;
  /**
   * Milliseconds per second of advised wait (rate limits) and per unit of retry back-off (1 s, 4 s...). Tests pass a
   * small value to run the real plugins without sleeping; production keeps 1000.
   */
  timeUnitMs?: number;
  /** How many times an idempotent call is retried on 5xx / no answer. */
  retries?: number;
  /**
   * Key of the plugin's pacing queues (writes ≥ 1 s apart, searches ≥ 2 s apart). Instances with the same key share
   * the pacing; the sidebar has one instance, tests give each their own key.
   */
  throttleId?: string;
  /**
   * GitHub asks integrators to space content-creating calls (the plugin keeps writes ≥ 1 s apart, and issue or
   * comment creation ≥ 3 s apart) and searches ≥ 2 s apart. Default true; tests that create many issues in a row
   * turn it off, keeping writes one at a time.
   */
  pacing?: boolean;
  /** Longest advised rate-limit wait sat through automatically (seconds; default MAX_AUTO_WAIT_SECONDS). */
  maxAutoWaitSeconds?: number;
  /** Called when a rate limit is waited out, so the UI can say "waiting N s for GitHub". */
  onRateLimitWait?: (seconds: number) => void;
  /** Where Octokit logs (failed requests go to `error`); default: the console, without debug/info chatter. */
  log?: OctokitLog;
}

export interface OctokitLog {
  debug: (message: string, ...rest: unknown[]) => void;
  info: (message: string, ...rest: unknown[]) => void;
  warn: (message: string, ...rest: unknown[]) => void;
  error: (message: string, ...rest: unknown[]) => void;
}

const CONSOLE_LOG: OctokitLog = {
  debug: () => {},
  info: () => {},
  warn: (...args) => console.warn(...args),
  error: (...args) => console.error(...args),
};

// Rate limits and "not found"-style answers are never worth an automatic retry: rate limits belong to the
// throttling plugin, and 4xx answers will not change by asking again.
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];

/** Request options may carry `request: { noWait: true }`: answer a rate limit at once instead of waiting it out. */
function noWait(requestOptions: unknown): boolean {
  const request = (requestOptions as { request?: { noWait?: unknown } } | null)?.request;
  return request?.noWait === true;
}

export function createOctokit(client: ZafClient, settings: Pick<Settings, 'githubApiUrl'>, options: OctokitOptions = {}): EngageOctokit {
  const unit = options.timeUnitMs ?? 1000;
  const maxWait = options.maxAutoWaitSeconds ?? MAX_AUTO_WAIT_SECONDS;
  const onLimit = (retryAfter: number, requestOptions: unknown, _octokit: unknown, retryCount: number): boolean => {
    // Retry once when GitHub advises a short wait; otherwise let the error through: the agent sees
    // github_rate_limited with the number of seconds, and the draft is kept. A request marked `noWait` (the
    // similar-issues search, a nicety) never waits: the panel says so instead.
    if (noWait(requestOptions)) return false;
    if (retryCount < 1 && retryAfter <= maxWait) {
      options.onRateLimitWait?.(retryAfter);
      return true;
    }
    return false;
  };
  const unpaced = options.pacing === false
    ? {
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        search: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      }
    : {};
  return new EngageOctokit({
    baseUrl: settings.githubApiUrl.replace(/\/+$/, ''),
    // No auth strategy on purpose: the Authorization header is the proxy placeholder set by the fetch adapter.
    userAgent: 'engage-zendesk-app',
    request: {
      fetch: createZafFetch(client, { timeoutMs: options.timeoutMs ?? DEFAULT_GITHUB_TIMEOUT_MS }),
    },
    throttle: {
      id: options.throttleId ?? 'engage',
      retryAfterBaseValue: unit,
      onRateLimit: onLimit,
      onSecondaryRateLimit: onLimit,
      ...unpaced,
    },
    retry: {
      doNotRetry: DO_NOT_RETRY,
      retries: options.retries ?? 2,
      retryAfterBaseValue: unit,
    },
    log: options.log ?? CONSOLE_LOG,
  });
}
