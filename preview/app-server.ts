// The preview server: a local stand-in for Zendesk Support around the built app (host page, ZAF bridge, REST API).
// `startPreview` is used by preview/server.ts (npm start) and, in-process on a free port, by the browser tests,
// drills and benchmarks.
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { isRecord } from '../src/core/guards.ts';
import type { ZendeskUser } from '../src/core/types/zendesk.ts';
import { createGitHubStandIn, type GitHubStandIn } from './github/standin.ts';
import { handleIssuePage } from './github/issue-page-routes.ts';
import type { SyncRunSummary } from './github/issue-page.ts';
import { defaultZendeskFaultBody, FaultList, parseFaultRule, type FaultRule } from './faults.ts';
import { HttpError, isAllowedOrigin, isLoopbackHost, readJsonBody, send, sendJson, sendText } from './http-util.ts';
import { readManifestInfo, type ManifestInfo } from './manifest.ts';
import { githubPage, indexPage, insightsPage, notFoundPage, ticketPage } from './pages.ts';
import { generateHistory, type History } from './history/generate.ts';
import { seedIssues, type SeedClock } from './history/seed.ts';
import { proxyAbsolute, type ProxyAnswer, type ProxyRequestOptions } from './proxy.ts';
import { loadSettings, metadataSettings, normaliseSettings, previewToken, type PreviewSettings } from './settings.ts';
import { loadBundleDirs, TicketStore } from './tickets.ts';
import { handleZendeskApi, PREVIEW_TICKET_FIELDS, zendeskError, type ApiResponse } from './zendesk-api.ts';
import { checkApiAuth, newApiCredentials, type ZendeskApiCredentials } from './zendesk-auth.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILTIN_TICKETS = join(REPO_ROOT, 'preview', 'tickets');
export const SUBDOMAIN = 'engage-preview';
/** Zendesk API URLs the app may build from `links.next` etc.; treated like relative `/api/v2/...`. */
export const ZENDESK_ORIGIN = `https://${SUBDOMAIN}.zendesk.com`;
export const APP_GUID = 'engage-preview-app';

/** The agent the preview acts as when a ticket has no agent assignee in its bundle. */
export const PREVIEW_AGENT: ZendeskUser = {
  id: 900000000001,
  name: 'Preview Agent',
  email: 'agent@engage-preview.example',
  role: 'admin',
  organization_id: null,
};

/** The GitHub stand-in (preview/github/standin.ts); tests may hand in another implementation. */
export type StandIn = GitHubStandIn;
type StandInFactoryOptions = { acceptedTokens: string[]; htmlBaseUrl: string; now?: () => number };

export interface PreviewOptions {
  /** 0 picks a free port; default env PORT or 4567. */
  port?: number;
  /** Extra folders of ticket bundles (`--tickets`, ENGAGE_TICKETS). */
  ticketDirs?: string[];
  /** Load preview/tickets (default true). */
  builtinTickets?: boolean;
  /** The built app (default <repo>/dist). */
  distDir?: string;
  /** Default <repo>/manifest.json. */
  manifestPath?: string;
  /** Settings file; default engage.settings.json in cwd when present. */
  settingsFile?: string;
  /** Settings to start with instead of a file (tests). */
  settings?: { settings?: Record<string, unknown>; secure?: Record<string, string | null> };
  cwd?: string;
  /** Env GITHUB_TOKEN: when set, GitHub requests go to the real API and this is the default secure token. */
  githubToken?: string | null;
  /** Replace the GitHub stand-in (unit tests). */
  standIn?: (opts: { acceptedTokens: string[]; htmlBaseUrl: string }) => StandIn;
  /** fetch for real upstream requests (tests pass a double). */
  fetch?: typeof fetch;
  /** Where server-side notes go (default: nowhere). */
  log?: (line: string) => void;
  /** The API token (and its agent's e-mail) direct `/api/v2` calls must present (default: a new random token). */
  zendeskApi?: ZendeskApiCredentials;
  /**
   * A generated past for the insights page (`--history`, preview/history/): ~1,400 tickets over the 12 weeks up to
   * `now` (default: the start), their issues filed and closed in the GitHub stand-in. Not with `githubToken`.
   */
  history?: boolean | { now?: number; seed?: number };
}

export interface PreviewServer {
  url: string;
  port: number;
  standIn: StandIn;
  /** Zendesk API-token credentials for direct `/api/v2` calls (`{email}/token:{token}` basic auth). */
  zendeskApi: ZendeskApiCredentials;
  /** The stand-in's REST root over HTTP (`/github/api`) and a token it accepts (a workflow's GITHUB_TOKEN). */
  githubApi: { url: string; token: string };
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const statusText = (status: number) => STATUS_CODES[status] ?? '';

async function bundleHostScript(entry = 'host.ts'): Promise<string> {
  const result = await build({
    entryPoints: [join(REPO_ROOT, 'preview', 'host', entry)],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2020',
    platform: 'browser',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function agentFor(bundle: { users: ZendeskUser[]; ticket: { assignee_id?: number | null } } | undefined): ZendeskUser {
  const assignee = bundle?.users.find((u) => u.id === bundle.ticket.assignee_id);
  return assignee && assignee.role !== 'end-user' ? assignee : PREVIEW_AGENT;
}

export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? (() => undefined);
  const distDir = resolve(options.distDir ?? join(REPO_ROOT, 'dist'));
  const manifest: ManifestInfo = readManifestInfo(options.manifestPath ?? join(REPO_ROOT, 'manifest.json'));
  const realGitHub = !!options.githubToken;
  const defaultToken = options.githubToken || previewToken();

  const dirs = [...(options.builtinTickets === false ? [] : [BUILTIN_TICKETS]), ...(options.ticketDirs ?? [])];
  // ---- the generated history (insights) ----
  const historyOptions = options.history ? (options.history === true ? {} : options.history) : null;
  if (historyOptions && options.githubToken) throw new Error('history needs the GitHub stand-in: unset GITHUB_TOKEN');
  const history: History | null = historyOptions ? generateHistory({ now: historyOptions.now ?? Date.now(), seed: historyOptions.seed }) : null;
  const historyClock: SeedClock = { at: null };
  const loadedDirs = loadBundleDirs(dirs);
  if (history) loadedDirs.tickets.push(...history.bundles.map((bundle) => ({ bundle, source: 'generated history (--history)' })));
  const store = new TicketStore(loadedDirs);
  for (const p of store.problems) log(`ticket bundle problem: ${p.source}: ${p.message}`);

  const loaded = options.settings
    ? { ...(() => {
        const n = normaliseSettings(options.settings, manifest, defaultToken);
        return { value: n.value, problems: n.problems };
      })(), source: 'given by the caller' }
    : loadSettings(options.settingsFile, cwd, manifest, defaultToken);
  for (const p of loaded.problems) log(`settings: ${p}`);
  const initialSettings: PreviewSettings = structuredClone(loaded.value);
  let settings: PreviewSettings = structuredClone(initialSettings);

  // A token only the server knows, so `/github/api/...` can read the stand-in whatever the app's token is.
  const viewerToken = `ghp_viewer${randomBytes(18).toString('hex')}`;
  const startupToken = initialSettings.secure.github_token;

  const zendeskApi: ZendeskApiCredentials = options.zendeskApi ?? newApiCredentials(PREVIEW_AGENT.email!);
  const zendeskFaults = new FaultList();
  const issuePageShown = new Map<string, { run: SyncRunSummary | null; problem: string | null }>();
  let zendeskLog: { method: string; path: string; status: number }[] = [];
  let githubLog: { method: string; path: string; status: number }[] = [];
  const hostScript = await bundleHostScript();
  const navBarScript = await bundleHostScript('nav-bar.ts');
  const locales = await readdir(join(REPO_ROOT, 'translations'))
    .then((names) => names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)).sort())
    .catch(() => ['en']);
  const hostCss = await readFile(join(REPO_ROOT, 'preview', 'host', 'host.css'), 'utf8');

  let standIn: StandIn | null = null;
  let port = 0;

  const githubRoots = (): string[] => {
    const configured = settings.settings.github_api_url;
    const roots = ['https://api.github.com'];
    if (typeof configured === 'string' && configured.trim()) roots.push(configured.trim().replace(/\/+$/, ''));
    return roots;
  };

  async function zendeskRequest(
    method: string,
    url: URL,
    data: unknown,
    agent: ZendeskUser,
  ): Promise<ProxyAnswer> {
    const path = url.pathname;
    if ((method === 'GET' || method === 'HEAD') && typeof data === 'string' && data !== '') {
      // jQuery (and so ZAF) sends the data of a GET as query parameters.
      for (const [k, v] of new URLSearchParams(data)) url.searchParams.append(k, v);
      data = undefined;
    }
    const rule = zendeskFaults.take(method, path, typeof data === 'string' ? data : '');
    if (rule?.delayMs) await new Promise((r) => setTimeout(r, rule.delayMs));
    let res: ApiResponse | null = null;
    const performs = !rule || rule.commitThenFail || (rule.status === undefined && !rule.network);
    if (performs) {
      let body: unknown;
      if (typeof data === 'string' && data.trim() !== '') {
        try {
          body = JSON.parse(data) as unknown;
        } catch {
          res = zendeskError(400, 'InvalidJSON', 'The request body is not valid JSON');
        }
      } else if (data !== undefined && data !== null && data !== '') {
        body = data;
      }
      res ??= handleZendeskApi(store, { method, path, query: url.searchParams, body }, { agent, apiOrigin: ZENDESK_ORIGIN, now: () => new Date() });
    }
    if (rule?.network) {
      zendeskLog.push({ method, path, status: 0 });
      return { network: true, message: 'injected network fault' };
    }
    if (rule?.status !== undefined) {
      res = {
        status: rule.status,
        headers: { 'content-type': 'application/json; charset=utf-8', ...(rule.headers ?? {}) },
        body: rule.body ?? defaultZendeskFaultBody(rule.status),
      };
    }
    const final = res!;
    zendeskLog.push({ method, path, status: final.status });
    return {
      status: final.status,
      statusText: statusText(final.status),
      headers: final.headers,
      body: final.body === undefined ? '' : JSON.stringify(final.body),
    };
  }

  async function zafRequest(json: unknown): Promise<ProxyAnswer> {
    if (!isRecord(json) || !isRecord(json.options) || typeof json.options.url !== 'string') {
      throw new HttpError(400, 'expected {"ticketId": n, "options": {"url": "...", ...}}');
    }
    const opts = json.options as unknown as ProxyRequestOptions;
    const ticketId = typeof json.ticketId === 'number' ? json.ticketId : undefined;
    const method = String(opts.type ?? opts.method ?? 'GET').toUpperCase();
    const agent = agentFor(ticketId !== undefined ? store.get(ticketId) : undefined);
    if (opts.url.startsWith('/') && !opts.url.startsWith('//')) {
      const url = new URL(opts.url, ZENDESK_ORIGIN);
      if (!url.pathname.startsWith('/api/v2/')) {
        const res = zendeskError(404, 'InvalidEndpoint', 'Not found');
        return { status: 404, statusText: statusText(404), headers: res.headers, body: JSON.stringify(res.body) };
      }
      return zendeskRequest(method, url, opts.data, agent);
    }
    let absolute: URL | null = null;
    try {
      absolute = new URL(opts.url);
    } catch {
      /* the proxy reports it */
    }
    if (absolute && absolute.origin === ZENDESK_ORIGIN) return zendeskRequest(method, absolute, opts.data, agent);
    return proxyAbsolute(opts, {
      domainWhitelist: manifest.domainWhitelist,
      secureValues: settings.secure,
      secureScopes: manifest.secureParameters,
      githubApiRoots: githubRoots(),
      realGitHub,
      standIn: standIn!,
      fetch: options.fetch ?? fetch,
      statusText,
      logGitHub: (entry) => githubLog.push(entry),
    });
  }

  function hostTicket(id: number): unknown {
    const bundle = store.get(id);
    if (!bundle) return null;
    const agent = agentFor(bundle);
    return {
      bundle,
      writes: store.writesFor(id),
      metadata: {
        appId: 1,
        installationId: 1,
        name: manifest.name,
        version: manifest.version,
        settings: metadataSettings(manifest, settings),
      },
      currentUser: {
        id: agent.id,
        name: agent.name,
        email: agent.email ?? null,
        role: agent.role,
        timeZone: { ianaName: 'Etc/UTC' },
        avatarUrl: '',
        organizations: [],
        tags: [],
      },
      subdomain: SUBDOMAIN,
      appGuid: APP_GUID,
      locales,
      fieldTitles: Object.fromEntries(PREVIEW_TICKET_FIELDS.map((f) => [f.id, f.title])),
    };
  }

  async function serveApp(res: ServerResponse, urlPath: string): Promise<void> {
    let rel: string;
    try {
      rel = decodeURIComponent(urlPath.slice('/app/'.length));
    } catch {
      return sendText(res, 400, 'bad path');
    }
    const file = resolve(distDir, rel);
    if (file !== distDir && !file.startsWith(distDir + sep)) return sendText(res, 403, 'outside dist/');
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      const hint = existsSync(join(distDir, 'assets', 'iframe.html')) ? '' : ' (dist/ has no app yet: run `npm run build`)';
      return sendText(res, 404, `not found: /app/${rel}${hint}`);
    }
    send(res, 200, data, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
  }

  function pageHeaders(req: IncomingMessage): Record<string, string> {
    const host = req.headers.host ?? '';
    const appOrigin = host.startsWith('localhost:') ? `http://127.0.0.1:${port}` : `http://localhost:${port}`;
    return {
      'content-type': 'text/html; charset=utf-8',
      // Ticket text is rendered by the host script with textContent; the policy is a second wall: no inline
      // script can run even if some text slipped into the HTML.
      'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src ${appOrigin}; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'`,
      'referrer-policy': 'no-referrer',
    };
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackHost(req.headers.host, port)) return sendText(res, 403, 'the preview answers only to localhost / 127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && !isAllowedOrigin(req.headers.origin, port)) {
      return sendText(res, 403, 'cross-origin requests are refused');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const path = url.pathname;
    let m: RegExpExecArray | null;

    if (method === 'GET' && path === '/') {
      return send(
        res,
        200,
        indexPage({
          tickets: store.list().map((bundle) => ({
            bundle,
            source: store.source(bundle.ticket.id),
            writes: store.writesFor(bundle.ticket.id).length,
          })),
          problems: store.problems,
          settingsSource: loaded.source,
          settingsProblems: loaded.problems,
          manifestSource: manifest.source,
          github: realGitHub ? 'real GitHub (env GITHUB_TOKEN is set)' : 'the local stand-in (set env GITHUB_TOKEN to file on real GitHub)',
        }),
        pageHeaders(req),
      );
    }
    if (method === 'GET' && (m = /^\/tickets\/(\d+)\/?$/.exec(path))) {
      const id = Number(m[1]);
      if (!store.get(id)) return send(res, 404, notFoundPage(`There is no ticket #${id} in this preview.`), pageHeaders(req));
      return send(res, 200, ticketPage(id), pageHeaders(req));
    }
    // ---- the insights page (support.nav_bar) ----
    if (method === 'GET' && (path === '/insights' || path === '/insights/')) return send(res, 200, insightsPage(history !== null), pageHeaders(req));
    if (method === 'GET' && path === '/__host/nav-bar.js') return send(res, 200, navBarScript, { 'content-type': 'text/javascript; charset=utf-8' });
    if (method === 'GET' && path === '/__host/nav-bar') {
      const navBar = {
        metadata: { appId: 1, installationId: 1, name: manifest.name, version: manifest.version, settings: metadataSettings(manifest, settings) },
        currentUser: { id: PREVIEW_AGENT.id, name: PREVIEW_AGENT.name, email: PREVIEW_AGENT.email ?? null, role: PREVIEW_AGENT.role, timeZone: { ianaName: 'Etc/UTC' }, avatarUrl: '', organizations: [], tags: [] },
        subdomain: SUBDOMAIN,
        appGuid: APP_GUID,
        locales,
      };
      return sendJson(res, 200, navBar);
    }
    if (method === 'GET' && path === '/__host/host.js') {
      return send(res, 200, hostScript, { 'content-type': 'text/javascript; charset=utf-8' });
    }
    if (method === 'GET' && path === '/__host/host.css') return send(res, 200, hostCss, { 'content-type': 'text/css; charset=utf-8' });
    if (method === 'GET' && path === '/__host/revision') return sendJson(res, 200, { revision: store.revision });
    if (method === 'GET' && (m = /^\/__host\/tickets\/(\d+)$/.exec(path))) {
      const data = hostTicket(Number(m[1]));
      return data ? sendJson(res, 200, data) : sendJson(res, 404, { error: 'RecordNotFound', description: 'Not found' });
    }
    if ((method === 'GET' || method === 'HEAD') && path.startsWith('/app/')) return serveApp(res, path);
    if (method === 'POST' && path === '/__zaf/request') {
      const answer = await zafRequest(await readJsonBody(req));
      return sendJson(res, 200, answer);
    }
    // The Zendesk API directly, for tools, the sync action and drills (the app itself goes through /__zaf/request),
    // with Zendesk's API-token authentication.
    if (path.startsWith('/api/v2/')) {
      const refused = checkApiAuth(req.headers.authorization, zendeskApi);
      if (refused) {
        zendeskLog.push({ method, path, status: refused.status });
        return sendJson(res, refused.status, refused.body, refused.headers);
      }
      const body = method === 'GET' ? undefined : await readJsonBody(req);
      const answer = await zendeskRequest(method, new URL(`${path}${url.search}`, ZENDESK_ORIGIN), body, PREVIEW_AGENT);
      if ('network' in answer) {
        res.destroy();
        return;
      }
      return send(res, answer.status, answer.body, answer.headers);
    }
    if (method === 'GET' && (path === '/github' || path === '/github/')) {
      return send(
        res,
        200,
        githubPage(standIn!.renderHtml(), realGitHub ? 'The preview files on real GitHub; this list only shows the stand-in.' : 'Nothing here reaches github.com.'),
        {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'",
        },
      );
    }
    if (
      !path.startsWith('/github/api/') &&
      (await handleIssuePage(req, res, {
        standIn: standIn!,
        token: viewerToken,
        repoRoot: REPO_ROOT,
        subdomain: SUBDOMAIN,
        ticket: (id) => {
          const t = store.get(id);
          return t
            ? { id, subject: t.ticket.subject, organization: t.organization?.name ?? null, status: t.ticket.status, stateTag: t.ticket.tags.find((x) => x.startsWith('rfh_state_')) ?? null }
            : { id };
        },
        origin: (r) => `http://${r.headers.host}`,
        zendeskInputs: (origin) => ({ 'zendesk-email': zendeskApi.email, 'zendesk-api-token': zendeskApi.token, 'zendesk-api-url': origin }),
        page: (html) => githubPage(html, 'The stand-in issue: act as the engineer; each change runs the Engage sync action.'),
        log,
        shown: issuePageShown,
      }))
    ) {
      return;
    }
    if (method === 'GET' && path.startsWith('/github/api/')) {
      const ghPath = path.slice('/github/api'.length);
      if (!/^\/repos\/[^/]+\/[^/]+\/issues(\/\d+(\/comments)?)?$/.test(ghPath)) {
        return sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
      }
      // With its own token (a workflow's GITHUB_TOKEN) a caller is a client like the app: the stand-in checks the
      // token, faults apply, the request is logged. Without one it is an inspection by a person or a test: no
      // injected faults, not in requestLog().
      const own = typeof req.headers.authorization === 'string' && req.headers.authorization !== '';
      const answer = await standIn!.handle({
        method: 'GET',
        path: ghPath,
        query: url.searchParams,
        headers: { authorization: own ? req.headers.authorization! : `Bearer ${viewerToken}`, accept: 'application/vnd.github+json' },
        body: undefined,
      }, { internal: !own });
      // Pages link to GitHub's API root; here they must lead back to this route (nothing may reach github.com).
      const headers = { ...answer.headers };
      if (headers.link) headers.link = headers.link.split('https://api.github.com').join(`http://${req.headers.host}/github/api`);
      return sendJson(res, answer.status, answer.body ?? null, headers);
    }

    // ---- test controls ----
    if (method === 'POST' && (m = /^\/__faults\/(github|zendesk)$/.exec(path))) {
      let rule: FaultRule;
      try {
        rule = parseFaultRule(await readJsonBody(req));
      } catch (e) {
        throw new HttpError(400, (e as Error).message);
      }
      if (m[1] === 'github') standIn!.addFault(rule);
      else zendeskFaults.add(rule);
      return sendJson(res, 200, { ok: true });
    }
    if (method === 'DELETE' && path === '/__faults') {
      standIn!.clearFaults();
      zendeskFaults.clear();
      return sendJson(res, 200, { ok: true });
    }
    if (method === 'POST' && path === '/__reset') {
      store.reset();
      standIn!.reset();
      if (history) await seedIssues(standIn!, history.issues, historyClock, viewerToken);
      standIn!.clearFaults();
      zendeskFaults.clear();
      zendeskLog = [];
      githubLog = [];
      settings = structuredClone(initialSettings);
      return sendJson(res, 200, { ok: true });
    }
    if (method === 'PUT' && path === '/__settings') {
      const { value, problems } = normaliseSettings(await readJsonBody(req), manifest, defaultToken);
      if (problems.length) return sendJson(res, 400, { problems });
      settings = value;
      return sendJson(res, 200, { ok: true });
    }
    if (method === 'GET' && path === '/__log') return sendJson(res, 200, { zendesk: zendeskLog, github: githubLog });
    if (method === 'GET' && (m = /^\/__state\/tickets\/(\d+)$/.exec(path))) {
      const bundle = store.get(Number(m[1]));
      return bundle ? sendJson(res, 200, bundle) : sendJson(res, 404, { error: 'RecordNotFound', description: 'Not found' });
    }
    if (method === 'GET' && path === '/favicon.ico') return send(res, 204, '', {});
    return send(res, 404, notFoundPage(`Nothing at ${path}.`), pageHeaders(req));
  }

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) log(`error on ${req.method} ${req.url}: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) sendJson(res, status, { error: status === 500 ? 'PreviewError' : 'BadRequest', description: (e as Error).message });
      else res.destroy();
    });
  });

  const wanted = options.port ?? 4567;
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(wanted, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : wanted;

  const acceptedTokens = [viewerToken, ...(startupToken ? [startupToken] : [])];
  const factory = options.standIn ?? createGitHubStandIn;
  // The stand-in's clock is the real one, except while the history's issues are filed at their past moments.
  standIn = factory({ acceptedTokens, htmlBaseUrl: `http://localhost:${port}/github`, now: () => historyClock.at ?? Date.now() } as StandInFactoryOptions);
  if (history) await seedIssues(standIn, history.issues, historyClock, viewerToken);

  return {
    url: `http://localhost:${port}/`,
    port,
    standIn,
    zendeskApi,
    githubApi: { url: `http://localhost:${port}/github/api`, token: viewerToken },
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
