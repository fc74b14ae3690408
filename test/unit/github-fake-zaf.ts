// A ZafClient for unit tests that behaves like the SDK inside Zendesk, in-process:
// - relative `/api/v2/...` calls go to the preview's Zendesk API stand-in (the agent's session, no token);
// - absolute calls go through a miniature of Zendesk's proxy (domain must be the GitHub API root, header names
//   without underscores, `{{setting.github_token}}` replaced ONLY with `secure: true`) to the preview's
//   OpenAPI-checking GitHub stand-in;
// - answers come back in the shapes the ZAF SDK gives `client.request`: done → `{status, headers, responseText,
//   responseJSON}` (httpCompleteResponse), fail → `{status, statusText, responseText, responseJSON}` (+ headers,
//   as the preview's host adds them; `failHeaders: false` drops them as a stricter host might);
// - `timeout` is honoured like jQuery's: after that many ms the call fails with status 0, statusText 'timeout'.
// Everything the "browser" sent is kept in `sent`, so tests can prove the token never left it.
import { createAccessMemo } from '../../src/github/index.ts';
import { createGitHubStandIn, NetworkFault, type GitHubStandIn } from '../../preview/github/standin.ts';
import { handleZendeskApi, type ApiContext } from '../../preview/zendesk-api.ts';
import { TicketStore } from '../../preview/tickets.ts';
import type { TicketBundle, ZendeskUser } from '../../src/core/types/zendesk.ts';
import type {
  ZafClient,
  ZafContext,
  ZafGetResult,
  ZafMetadata,
  ZafRequestOptions,
} from '../../src/zaf/client.ts';

export const TEST_TOKEN = 'ghp_unitTestSecret0123456789abcdefABCDEF';
export const GITHUB_ROOT = 'https://api.github.com';
export const SUBDOMAIN = 'engage-test';

export interface ZendeskFault {
  method?: string;
  /** RegExp source matched against the path (without query). */
  path?: string;
  /** RegExp source matched against the request body (e.g. `"comment"`: the write-back, not filing's claim). */
  bodyMatch?: string;
  status?: number;
  body?: unknown;
  network?: boolean;
  times?: number;
  /** Apply the write, then answer with the fault (the "it did land but we never heard" case). */
  commitThenFail?: boolean;
}

export interface FakeZafOptions {
  standIn?: GitHubStandIn;
  /** The secure setting the "proxy" substitutes; null = the admin never set it. */
  token?: string | null;
  /** GitHub API root the "proxy" routes to the stand-in (GitHub Enterprise: https://host/api/v3). */
  githubRoot?: string;
  bundles?: TicketBundle[];
  /** Include response headers in fail answers (default true, like the preview's host page). */
  failHeaders?: boolean;
}

const AGENT: ZendeskUser = { id: 900001, name: 'Avery Agent', email: 'avery@sourcegraph.com', role: 'agent' };

export function newStandIn(): GitHubStandIn {
  return createGitHubStandIn({ acceptedTokens: [TEST_TOKEN], htmlBaseUrl: 'http://localhost:4567/github' });
}

type Answer = { status: number; statusText: string; headers: Record<string, string>; body: unknown };

export class FakeZafClient implements ZafClient {
  readonly standIn: GitHubStandIn;
  readonly store: TicketStore;
  readonly sent: ZafRequestOptions[] = [];
  readonly zendeskLog: { method: string; path: string; status: number }[] = [];
  readonly zendeskFaults: (ZendeskFault & { left: number })[] = [];
  token: string | null;
  private readonly githubRoot: string;
  private readonly failHeaders: boolean;
  private detached = false;
  /** The access answers every service over this client shares, as the panel's session shares them. */
  readonly access = createAccessMemo();
  /** A slow proxy: how long to hold a GitHub call before it reaches GitHub (null = forward at once). */
  holdGitHub: ((options: ZafRequestOptions) => number) | null = null;

  constructor(options: FakeZafOptions = {}) {
    this.standIn = options.standIn ?? newStandIn();
    this.token = options.token === undefined ? TEST_TOKEN : options.token;
    this.githubRoot = (options.githubRoot ?? GITHUB_ROOT).replace(/\/+$/, '');
    this.failHeaders = options.failHeaders ?? true;
    this.store = new TicketStore({ tickets: (options.bundles ?? []).map((bundle) => ({ bundle, source: 'test' })), problems: [] });
  }

  /**
   * The page went away (reload, closed tab): answers to calls in flight never arrive and new calls go nowhere, while
   * whatever already reached the servers carries on there.
   */
  detach(): void {
    this.detached = true;
  }

  addZendeskFault(fault: ZendeskFault): void {
    this.zendeskFaults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** GitHub requests as the stand-in logged them. */
  githubLog(): { method: string; path: string; status: number }[] {
    return this.standIn.requestLog();
  }

  async context(): Promise<ZafContext> {
    return { instanceGuid: 'test-instance', product: 'support', account: { subdomain: SUBDOMAIN }, location: 'ticket_sidebar' };
  }

  async metadata(): Promise<ZafMetadata> {
    return { appId: 1, installationId: 1, name: 'Engage', version: '0.1.0', settings: {} };
  }

  async get(): Promise<ZafGetResult> {
    throw new Error('FakeZafClient.get is not used by the adapters under test');
  }

  async set(): Promise<ZafGetResult> {
    throw new Error('FakeZafClient.set is not used by the adapters under test');
  }

  async invoke(): Promise<ZafGetResult> {
    throw new Error('FakeZafClient.invoke is not used by the adapters under test');
  }

  on(): void {}
  off(): void {}
  trigger(): void {}

  request<T = unknown>(options: ZafRequestOptions): Promise<T> {
    if (this.detached) return new Promise<T>(() => {});
    const settled = this.send<T>(options);
    return new Promise<T>((resolve, reject) => {
      settled.then(
        (v) => {
          if (!this.detached) resolve(v);
        },
        (e: unknown) => {
          if (!this.detached) reject(e);
        },
      );
    });
  }

  private send<T>(options: ZafRequestOptions): Promise<T> {
    this.sent.push(structuredClone(options));
    const work = this.route(options);
    const timeout = options.timeout ?? 0;
    const answered: Promise<Answer | 'network'> = timeout > 0
      ? Promise.race([work, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeout))]).then((a) =>
          a === 'timeout' ? (Promise.reject(Object.assign(new Error('timeout'), { zafTimeout: true })) as never) : a,
        )
      : work;
    return answered.then(
      (answer) => {
        if (answer === 'network') throw { status: 0, statusText: 'error', responseText: '' };
        return this.reply(options, answer) as T;
      },
      (e: unknown) => {
        if (e && typeof e === 'object' && 'zafTimeout' in e) throw { status: 0, statusText: 'timeout', responseText: '' };
        throw e;
      },
    );
  }

  private reply(options: ZafRequestOptions, answer: Answer): unknown {
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    // jQuery fills responseJSON only when it parsed JSON itself; asked for text, it leaves it out.
    const json = options.dataType !== 'text' && answer.body !== undefined;
    if (answer.status < 200 || answer.status >= 300) {
      const fail: Record<string, unknown> = { status: answer.status, statusText: answer.statusText, responseText: text };
      if (json) fail.responseJSON = answer.body;
      if (this.failHeaders) fail.headers = answer.headers;
      throw fail;
    }
    if (options.httpCompleteResponse) {
      const done: Record<string, unknown> = { status: answer.status, headers: answer.headers, responseText: text };
      if (json) done.responseJSON = answer.body;
      return done;
    }
    return answer.body;
  }

  private async route(options: ZafRequestOptions): Promise<Answer | 'network'> {
    if (options.url.startsWith('/api/v2/')) return this.zendesk(options);
    return this.proxy(options);
  }

  private async zendesk(options: ZafRequestOptions): Promise<Answer | 'network'> {
    const url = new URL(options.url, `https://${SUBDOMAIN}.zendesk.com`);
    const method = (options.type ?? 'GET').toUpperCase();
    const body = options.data === undefined ? undefined : (JSON.parse(options.data) as unknown);
    const fault = this.zendeskFaults.find(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method === method) &&
        (!f.path || new RegExp(f.path).test(url.pathname)) &&
        (!f.bodyMatch || new RegExp(f.bodyMatch).test(options.data ?? '')),
    );
    if (fault) fault.left--;
    const run = () => {
      const ctx: ApiContext = { agent: AGENT, apiOrigin: `https://${SUBDOMAIN}.zendesk.com`, now: () => new Date() };
      return handleZendeskApi(this.store, { method, path: url.pathname, query: url.searchParams, body }, ctx);
    };
    if (fault) {
      if (fault.commitThenFail) run();
      this.zendeskLog.push({ method, path: url.pathname, status: fault.network ? 0 : (fault.status ?? 500) });
      if (fault.network) return 'network';
      const status = fault.status ?? 500;
      return {
        status,
        statusText: 'Fault',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: fault.body ?? { error: 'InjectedFault', description: `injected ${status}` },
      };
    }
    const res = run();
    this.zendeskLog.push({ method, path: url.pathname, status: res.status });
    return { status: res.status, statusText: String(res.status), headers: res.headers, body: res.body };
  }

  /** Zendesk's proxy in miniature: what it accepts, what it substitutes, where it goes. */
  private async proxy(options: ZafRequestOptions): Promise<Answer | 'network'> {
    const refuse = (status: number, description: string): Answer => ({
      status,
      statusText: 'Refused',
      headers: { 'content-type': 'application/json' },
      body: { error: 'ProxyRefused', description },
    });
    const secure = options.secure === true && options.cors !== true;
    const substitute = (text: string) =>
      secure ? text.replace(/\{\{setting\.github_token\}\}/g, this.token ?? '') : text;
    const url = new URL(substitute(options.url));
    if (!(url.href === this.githubRoot || url.href.startsWith(`${this.githubRoot}/`))) {
      return refuse(403, `${url.host} is not in the domainWhitelist`);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (name.includes('_')) return refuse(400, `header names must not contain "_": ${name}`);
      headers[name.toLowerCase()] = substitute(value);
    }
    const rootPath = new URL(this.githubRoot).pathname.replace(/\/+$/, '');
    const path = url.pathname.slice(rootPath.length) || '/';
    let body: unknown;
    if (options.data !== undefined) body = JSON.parse(substitute(options.data)) as unknown;
    const hold = this.holdGitHub?.(options) ?? 0;
    if (hold > 0) await new Promise((r) => setTimeout(r, hold));
    try {
      const res = await this.standIn.handle({
        method: (options.type ?? 'GET').toUpperCase(),
        path,
        query: url.searchParams,
        headers,
        body,
      });
      return { status: res.status, statusText: String(res.status), headers: res.headers, body: res.body };
    } catch (e) {
      if (e instanceof NetworkFault) return 'network';
      throw e;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ticket bundles for the tests: a customer (end-user in an organisation) and an agent talking.
// ---------------------------------------------------------------------------------------------------------------

export const REQUESTER: ZendeskUser = { id: 5001, name: 'Casey Customer', email: 'casey@acme-corp.example', role: 'end-user', organization_id: 7001 };
export const AGENT_USER: ZendeskUser = { id: 5002, name: 'Sam Support', email: 'sam@sourcegraph.com', role: 'agent' };

export function makeBundle(options: { id?: number; comments?: number; tags?: string[]; organization?: boolean } = {}): TicketBundle {
  const id = options.id ?? 1234;
  const count = options.comments ?? 3;
  const start = Date.parse('2026-11-02T09:00:00Z');
  const comments = Array.from({ length: count }, (_, i) => ({
    id: id * 1000 + i + 1,
    type: 'Comment' as const,
    author_id: i % 2 === 0 ? REQUESTER.id : AGENT_USER.id,
    body:
      i === 0
        ? 'Our Kubernetes deployment of Sourcegraph 5.2.1 fails to start after the upgrade. Pods crash-loop; all users are affected.'
        : `Message ${i + 1} about the deployment.`,
    public: i % 5 !== 4,
    created_at: new Date(start + i * 60_000).toISOString().replace('.000', ''),
    attachments: [],
  }));
  const withOrg = options.organization ?? true;
  return {
    ticket: {
      id,
      subject: 'Sourcegraph pods crash-loop after upgrade',
      description: comments[0]?.body ?? '',
      status: 'open',
      priority: 'high',
      type: 'problem',
      tags: options.tags ?? ['kubernetes'],
      requester_id: REQUESTER.id,
      submitter_id: REQUESTER.id,
      assignee_id: AGENT_USER.id,
      organization_id: withOrg ? 7001 : null,
      created_at: '2026-11-02T09:00:00Z',
      updated_at: '2026-11-02T10:00:00Z',
      custom_fields: [],
    },
    comments,
    users: [REQUESTER, AGENT_USER],
    organization: withOrg ? { id: 7001, name: 'Acme Corp', tags: ['enterprise'], domain_names: ['acme-corp.example'] } : null,
  };
}
