// Zendesk's REST API for the sync: the two requests it makes per ticket, over plain fetch (Node 20's), with p-retry
// for the retries and backoff. Zendesk's answers sort into: done; skip this ticket (404 deleted, 422 closed);
// stop the whole run (401/403: the credentials, which no retry fixes); retry (429 after Retry-After, 5xx, a dropped
// connection or a timeout).
import pRetry, { AbortError } from 'p-retry';

export interface ZendeskConfig {
  apiUrl: string;
  email: string;
  apiToken: string;
  /** Waits between retries start here and double (default 500 ms; 4 retries). */
  backoffMs?: number;
  /** The longest Retry-After the run waits for before it gives the ticket up (default 120 s). */
  maxRetryAfterSeconds?: number;
  log?: (line: string) => void;
}

/** 401/403: no ticket can be written with these credentials. The message names the input to fix. */
export class ZendeskAuthError extends Error {}

/** A ticket the sync leaves alone, with why (a deleted ticket, a closed one Zendesk will not update). */
export class ZendeskSkip extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A failure worth another try: 429, 5xx, no answer. */
class Retryable extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export interface TicketComment {
  id: number;
  body?: string;
  plain_body?: string;
  public?: boolean;
}

export interface TicketUpdate {
  comment: { body: string; public: false };
  additional_tags: string[];
  remove_tags: string[];
  status?: 'open';
}

const REQUEST_TIMEOUT_MS = 30_000;

function describe(body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const text = [b.error, b.description].filter((x) => typeof x === 'string').join(': ');
    const details = b.details ? ` ${JSON.stringify(b.details)}` : '';
    if (text) return text + details;
  }
  return typeof body === 'string' && body ? body.slice(0, 300) : 'no explanation given';
}

export class ZendeskClient {
  private readonly auth: string;
  /** Every request sent, retries included (the bench counts them). */
  requests = 0;

  constructor(private readonly config: ZendeskConfig) {
    // Zendesk's API-token authentication: "{email}/token:{token}" as basic auth.
    this.auth = `Basic ${Buffer.from(`${config.email}/token:${config.apiToken}`, 'utf8').toString('base64')}`;
  }

  /** The ticket's newest comments (one page, newest first): the idempotency check reads them. */
  async newestComments(ticketId: number): Promise<TicketComment[]> {
    const body = await this.request('GET', `/api/v2/tickets/${ticketId}/comments.json?sort_order=desc&page[size]=100`, ticketId);
    const comments = (body as { comments?: unknown }).comments;
    return Array.isArray(comments) ? (comments as TicketComment[]) : [];
  }

  async updateTicket(ticketId: number, update: TicketUpdate): Promise<void> {
    await this.request('PUT', `/api/v2/tickets/${ticketId}.json`, ticketId, { ticket: update });
  }

  /** Retries a whole unit of work (check + write), so a write whose answer was lost is checked again, not repeated. */
  retrying<T>(what: string, work: () => Promise<T>): Promise<T> {
    const backoff = this.config.backoffMs ?? 500;
    const maxWait = this.config.maxRetryAfterSeconds ?? 120;
    return pRetry(
      async () => {
        try {
          return await work();
        } catch (e) {
          if (e instanceof Retryable) throw e;
          // Anything else is final: no retry changes a 401, a 404 or a 422.
          throw new AbortError(e as Error);
        }
      },
      {
        retries: 4,
        minTimeout: backoff,
        factor: 2,
        // A 429 is Zendesk saying when: its wait replaces the backoff and uses no retry (maxRetryTime bounds it).
        shouldConsumeRetry: ({ error }) => !(error instanceof Retryable && error.retryAfterSeconds !== null),
        maxRetryTime: (maxWait + 60) * 1000,
        onFailedAttempt: async ({ error, retriesLeft }) => {
          const r = error instanceof Retryable ? error : null;
          if (r?.retryAfterSeconds !== null && r?.retryAfterSeconds !== undefined) {
            if (r.retryAfterSeconds > maxWait) {
              throw new Error(`${what}: Zendesk asked to wait ${r.retryAfterSeconds} s (Retry-After), longer than the ${maxWait} s this run waits`);
            }
            this.config.log?.(`${what}: Zendesk is rate limiting (429); waiting ${r.retryAfterSeconds} s as its Retry-After says`);
            await new Promise((resolve) => setTimeout(resolve, r.retryAfterSeconds! * 1000));
          } else if (retriesLeft > 0) {
            this.config.log?.(`${what}: ${error.message}; trying again (${retriesLeft} ${retriesLeft === 1 ? 'try' : 'tries'} left)`);
          }
        },
      },
    );
  }

  private async request(method: 'GET' | 'PUT', path: string, ticketId: number, json?: unknown): Promise<unknown> {
    this.requests += 1;
    let res: Response;
    try {
      res = await fetch(`${this.config.apiUrl}${path}`, {
        method,
        headers: {
          authorization: this.auth,
          accept: 'application/json',
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: json === undefined ? undefined : JSON.stringify(json),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new Retryable(`${method} ${path}: no answer from Zendesk (${cause?.code ?? cause?.message ?? (e as Error).message})`);
    }
    const text = await res.text().catch(() => '');
    let body: unknown = text;
    try {
      body = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      /* keep the text */
    }
    if (res.ok) return body;
    const said = describe(body);
    if (res.status === 401) {
      throw new ZendeskAuthError(
        `Zendesk refused the credentials (401 ${said}). Check the inputs "zendesk-email" (the agent the token was made for) and "zendesk-api-token" (Admin Center → Apps and integrations → APIs → Zendesk API, token access enabled), and "zendesk-subdomain".`,
      );
    }
    if (res.status === 403) {
      throw new ZendeskAuthError(
        `Zendesk forbade the request (403 ${said}). The user in "zendesk-email" must be an agent allowed to edit ticket ${ticketId}; check "zendesk-email" and "zendesk-api-token".`,
      );
    }
    if (res.status === 404) throw new ZendeskSkip(404, `ticket ${ticketId} was not found in Zendesk (deleted?): ${said}`);
    if (res.status === 422) throw new ZendeskSkip(422, `Zendesk refused to update ticket ${ticketId} (closed tickets cannot change): ${said}`);
    if (res.status === 429) {
      const after = Number(res.headers.get('retry-after'));
      throw new Retryable(`${method} ${path}: 429 ${said}`, Number.isFinite(after) && after >= 0 ? Math.ceil(after) : 60);
    }
    if (res.status >= 500) throw new Retryable(`${method} ${path}: HTTP ${res.status} ${said}`);
    throw new Error(`${method} ${path}: HTTP ${res.status} ${said}`);
  }
}
