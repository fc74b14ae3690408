// Everything the stand-in knows, in one object that every handler takes explicitly: its configuration (fixed at
// creation) and what requests change (repositories with their issues and labels, faults, the request log, rate-limit
// counters). `resetStore` puts it back as new, which is what `reset()` promises the tests.
import { loadSpec, type Spec } from '../spec.ts';
import { DEFAULT_LABELS, Urls, timestamp, type IssueRecord, type Permission, type RepoRecord, type UserRecord } from '../state.ts';
import type { FaultRule, StandInOptions } from './api.ts';

export interface StandInConfig {
  spec: Spec;
  now: () => number;
  urls: Urls;
  acceptedTokens: ReadonlySet<string>;
  /** The user every accepted token belongs to. */
  tokenUser: UserRecord;
  checkResponses: boolean;
  enforceRateLimits: boolean;
  initialSearchLagMs: number;
}

export interface StandInStore {
  readonly config: StandInConfig;
  repos: RepoRecord[];
  faults: { rule: FaultRule; left: number }[];
  log: { method: string; path: string; status: number }[];
  /** Primary rate-limit windows by `${caller key}:${resource}`. */
  rate: Map<string, { used: number; resetAt: number }>;
  searchLagMs: number;
  /** Times of recent writes, for the secondary (content creation) limit. */
  writes: number[];
  /** The next ids to hand out; GitHub's ids are global, not per repository. */
  nextId: { issue: number; comment: number; label: number };
}

const ORGANIZATION: UserRecord = {
  login: 'sourcegraph',
  id: 3979584,
  type: 'Organization',
  name: 'Sourcegraph',
  createdAt: '2013-03-20T00:00:00Z',
};

const DEFAULT_REPOS = [
  { name: 'customer', private: true, description: 'Private issue tracker for customer issues and requests for help' },
  { name: 'sourcegraph', private: false, description: 'Code search and intelligence' },
] as const;

export function createStore(options: StandInOptions): StandInStore {
  const config: StandInConfig = {
    spec: loadSpec(),
    now: options.now ?? Date.now,
    urls: new Urls((options.apiBaseUrl ?? 'https://api.github.com').replace(/\/+$/, ''), options.htmlBaseUrl.replace(/\/+$/, '')),
    acceptedTokens: new Set(options.acceptedTokens),
    tokenUser: {
      login: options.login ?? 'engage-preview',
      id: 5001,
      type: 'User',
      name: 'Engage Preview',
      createdAt: '2020-01-01T00:00:00Z',
    },
    checkResponses: options.checkResponses ?? true,
    enforceRateLimits: options.enforceRateLimits ?? false,
    initialSearchLagMs: options.searchLagMs ?? 0,
  };
  const store: StandInStore = {
    config,
    repos: [],
    faults: [],
    log: [],
    rate: new Map(),
    searchLagMs: 0,
    writes: [],
    nextId: { issue: 0, comment: 0, label: 0 },
  };
  resetStore(store);
  return store;
}

/** The two default repositories with GitHub's default labels, no issues, no faults, fresh limits. */
export function resetStore(store: StandInStore): void {
  store.nextId = { issue: 2_000_000_001, comment: 3_000_000_001, label: 4_000_000_001 };
  const created = timestamp(Date.UTC(2014, 0, 1));
  store.repos = DEFAULT_REPOS.map((r, i) => ({
    owner: ORGANIZATION,
    name: r.name,
    id: 1001 + i,
    private: r.private,
    description: r.description,
    permission: 'admin' as Permission,
    labels: DEFAULT_LABELS.map((l) => ({ id: store.nextId.label++, name: l.name, color: l.color, description: l.description, default: true })),
    issues: [],
    createdAt: created,
    pushedAt: created,
  }));
  store.faults = [];
  store.log = [];
  store.rate = new Map();
  store.writes = [];
  store.searchLagMs = store.config.initialSearchLagMs;
}

/** Repository names match case-insensitively, as on GitHub. */
export function findRepo(store: StandInStore, owner: string, name: string): RepoRecord | null {
  const o = owner.toLowerCase();
  const n = name.toLowerCase();
  return store.repos.find((r) => r.owner.login.toLowerCase() === o && r.name.toLowerCase() === n) ?? null;
}

/** Issues of the matching repositories (all when neither is given), newest first. */
export function issuesOf(store: StandInStore, owner?: string, repo?: string): { repo: RepoRecord; issue: IssueRecord }[] {
  const selected = store.repos.filter(
    (r) =>
      (owner === undefined || r.owner.login.toLowerCase() === owner.toLowerCase()) &&
      (repo === undefined || r.name.toLowerCase() === repo.toLowerCase()),
  );
  const all = selected.flatMap((r) => r.issues.map((issue) => ({ repo: r, issue })));
  return all.sort((a, b) => (a.issue.createdAt === b.issue.createdAt ? b.issue.id - a.issue.id : a.issue.createdAt < b.issue.createdAt ? 1 : -1));
}
