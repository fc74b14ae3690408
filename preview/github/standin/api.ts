// What the stand-in's users see: the request and answer shapes, fault rules and the stand-in's methods. The preview
// server, the ZAF adapter, the tests and the fault drills all program against these; add to them, never change them.

export interface StandInRequest {
  method: string;
  /** After the API root, e.g. '/repos/o/r/issues'; raw (percent-encoded) as in the URL. A '?query' suffix is merged into `query`. */
  path: string;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON, or undefined. A string is taken as the raw request text and parsed here (bad JSON → GitHub's 400). */
  body: unknown;
}

export interface StandInResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON-able, or undefined for 204. */
  body: unknown;
}

export interface FaultRule {
  method?: string;
  /** A RegExp source matched against StandInRequest.path; absent = any. */
  path?: string;
  /** Zendesk side only: a RegExp source matched against the raw request body (`"comment"`: the write-back, not
   * filing's claim on the same endpoint); absent = any. */
  bodyMatch?: string;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Wait before answering. Alone: the request is handled on arrival and the answer comes `delayMs` later (a slow
   * response). With status/network: the failure comes after the wait. With commitThenFail: handled on arrival.
   */
  delayMs?: number;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  /**
   * Perform the real operation first, then answer with the fault (status default 504, GitHub's timeout). With a
   * 2xx/3xx status, or when the operation itself failed, the real answer is given (after `delayMs`).
   */
  commitThenFail?: boolean;
  /** Simulate a dropped connection: handle() rejects with NetworkFault. */
  network?: boolean;
}

export class NetworkFault extends Error {
  constructor(message = 'GitHub stand-in: connection dropped (injected network fault)') {
    super(message);
    this.name = 'NetworkFault';
  }
}

/** GitHub issue JSON as the API returns it, plus its comments (`comment_list`, as the comments API lists them). */
export interface StoredIssue extends Record<string, unknown> {
  number: number;
  title: string;
  body: string | null;
  html_url: string;
  state: string;
  comment_list: Record<string, unknown>[];
}

export interface HandleOptions {
  /**
   * A read by the preview itself (e.g. `/github/api/...` for tests that inspect state), not by the app: injected
   * faults neither apply nor count down, and the request is not in requestLog(). Default false.
   */
  internal?: boolean;
}

export interface GitHubStandIn {
  handle(req: StandInRequest, options?: HandleOptions): Promise<StandInResponse>;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  reset(): void;
  /** Default 'admin' for sourcegraph/customer and sourcegraph/sourcegraph. */
  setPermission(owner: string, repo: string, level: 'admin' | 'write' | 'read'): void;
  /** GitHub issue JSON, newest first. */
  listIssues(owner?: string, repo?: string): unknown[];
  /** The /github page body: every filed issue with title, labels, body (escaped), comments. */
  renderHtml(): string;
  /** For counting requests in drills/bench (status 0 = injected network fault). */
  requestLog(): { method: string; path: string; status: number }[];
  /** Issues with their comments, newest first. */
  storedIssues(owner?: string, repo?: string): StoredIssue[];
  /** Search results lag creation on GitHub: issues become searchable `ms` after creation (default 0). */
  setSearchLag(ms: number): void;
}

export interface StandInOptions {
  acceptedTokens: string[];
  /** e.g. http://localhost:4567/github — html_url of issues is `${htmlBaseUrl}/{owner}/{repo}/issues/{n}`. */
  htmlBaseUrl: string;
  /** Base of the `url` fields and Link headers (default https://api.github.com). */
  apiBaseUrl?: string;
  /** Login of the user every accepted token belongs to (default 'engage-preview'). */
  login?: string;
  /** Clock in ms (tests); default Date.now. */
  now?: () => number;
  /**
   * Answer like GitHub when the limits are used up (default false: headers only): primary limits core 5000/h and
   * search 30/min (403, x-ratelimit-remaining 0); the secondary limit on content creation, 80 writes/min
   * (403 with retry-after).
   */
  enforceRateLimits?: boolean;
  /** Check every answer against the description's response schema; a mismatch is a stand-in bug → 500 (default true). */
  checkResponses?: boolean;
  /** Initial search lag in ms (default 0). */
  searchLagMs?: number;
}
