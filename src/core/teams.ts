// The team catalogue: the handbook's Step-3 destinations (plus the two outside engineering) as data.
// Keywords are the handbook's, with the variants people actually type. The router (router.ts) adds context rules on
// top of them: a keyword listed here always counts for its team, and the built-in rules decide the ambiguous ones
// (GitHub: sync vs native integration; Kubernetes as mere environment; "performance" of what; language names).
//
// Settings may override or extend the catalogue with `routing_overrides` (JSON); see `buildCatalogue`.
// Validation uses `zod/mini` (tree-shakable, see settings.ts); it loads no locale, so every check that can fail
// carries its message here and `issueText` words the structural ones (wrong type, unknown field).
import * as z from 'zod/mini';
import type { SettingProblem } from './settings.ts';
import type { Team, TeamId } from './types.ts';

const HANDBOOK = 'https://about.sourcegraph.com/handbook';

export const DEFAULT_TEAMS: Team[] = [
  {
    id: 'distribution',
    name: 'Distribution',
    keywords: [
      'deploy', 'deployment', 'deploying', 'deployed', 'install', 'installation', 'Docker', 'docker-compose', 'docker compose',
      'container', 'containers', 'image', 'Kubernetes', 'k8s', 'cluster', 'Helm', 'pod', 'pods', 'AWS', 'Google Cloud', 'GCP',
      'GKE', 'EKS', 'AKS', 'Azure', 'OpenShift', 'scaling', 'resources', 'performance', 'perf', 'monitoring', 'Grafana',
      'Prometheus', 'alert', 'alerts', 'alerting', 'Alertmanager', 'dashboard', 'dashboards', 'Jaeger', 'OOMKilled',
      'CrashLoopBackOff', 'ImagePullBackOff', 'persistent volume', 'PVC', 'ingress', 'disk space', 'memory limit',
      'upgrade', 'upgrading', 'migrator', 'database migration', 'database migrations', 'db migration', 'migration', 'migrations',
      'migrating', 'capacity', 'capacity planning', 'disk', 'storage', 'volume', 'volumes', 'EBS', 'snapshot', 'backup', 'restore',
      'reboot', 'rebooted', 'pgsql', 'postgres', 'PostgreSQL', 'single container', 'pure-docker', 'statefulset', 'replicas',
      'helm chart', 'kustomize', 'deploy-sourcegraph', 'node pool', 'terraform', 'rollback', 'roll back', 'upgraded', 'sizing', 'images', 'kubectl', 'namespace', 'EC2', 'VM', 'slow', 'slowness', 'latency', 'scale', 'CPU', 'memory', 'timeout', 'timeouts', 'timing out', 'timed out', 'panel', 'metrics',
    ],
    githubLabel: 'team/distribution',
    slackChannel: '#distribution',
    slackHandle: '@distribution-support',
    handbookUrl: `${HANDBOOK}/engineering/distribution`,
    takesGithubIssues: true,
  },
  {
    id: 'core-application',
    name: 'Core Application',
    keywords: [
      'code host', 'code hosts', 'code host connection', 'external service', 'cloning', 'clone', 'cloned', 'syncing', 'sync',
      'synced', 'token', 'GitHub', 'GitHub Enterprise', 'GitLab', 'Bitbucket', 'Bitbucket Server', 'Phabricator', 'Gerrit',
      'repository', 'repositories', 'repo', 'repos', 'project', 'Perforce', 'src-expose', 'gitserver', 'repo-updater',
      'permissions', 'permission', 'ACL', 'ACLs', 'access', 'authorization', 'authz', 'authentication', 'authn', 'SSO',
      'single sign-on', 'SAML', 'OAuth', 'auth proxy', 'http-header', 'OpenID Connect', 'OpenIDConnect', 'OIDC', 'login',
      'log in', 'sign in', 'LDAP', 'SCIM', 'site-admin', 'site admin',
      'GitHub.com', 'GHE', 'GitLab.com', 'Bitbucket Cloud', 'git fetch', 'rate limit', 'access token', 'auth.providers', 'identity provider', 'Azure AD', 'Okta', 'sign-in',
    ],
    githubLabel: 'team/core-application',
    slackChannel: '#core-application-support',
    slackHandle: '@core-app-support',
    handbookUrl: `${HANDBOOK}/engineering/core-application`,
    takesGithubIssues: true,
  },
  {
    id: 'code-intelligence',
    name: 'Code Intelligence',
    keywords: [
      'code intelligence', 'code intel', 'codeintel', 'precise', 'precise code intelligence', 'navigation', 'code navigation',
      'LSIF', 'SCIP', 'language server', 'LSP', 'go to definition', 'goto definition', 'jump to definition', 'hover',
      'find references', 'references', 'ctags', 'auto-indexing', 'lsif upload', 'Go', 'Golang', 'Java', 'Python', 'COBOL',
      'JavaScript', 'TypeScript', 'C++', 'C#', 'Rust', 'Ruby', 'Scala', 'Kotlin', 'PHP', 'Swift', 'Haskell', 'Clojure',
      'precise code intel', 'precise-code-intel-worker', 'lsif-go', 'lsif-java', 'lsif-node', 'lsif-tsc', 'lsif-py', 'lsif-clang', 'definition', 'definitions', 'indexer', 'hovers', 'hovering', 'tooltip', 'tooltips',
    ],
    githubLabel: 'team/code-intelligence',
    slackChannel: '#code-intel',
    slackHandle: '@code-intel-support',
    handbookUrl: `${HANDBOOK}/engineering/code-intelligence`,
    takesGithubIssues: true,
  },
  {
    id: 'search-core',
    name: 'Search core',
    keywords: [
      'search', 'indexed search', 'indexing', 'index', 'indexed', 'reindex', 'zoekt', 'zoekt-indexserver', 'zoekt-webserver',
      'indexserver', 'shards', 'index size', 'unindexed search', 'searcher', 'global index',
      'performance', 'perf', 'slow', 'slowness', 'latency', 'scaling', 'scale', 'CPU', 'memory', 'timeout', 'timeouts', 'timing out', 'timed out', 'searches', 'searching', 'searched', 'query', 'queries', 'indexed-search', 'reindexing', 'shard', 'unindexed',
    ],
    githubLabel: 'team/search-core',
    slackChannel: '#search',
    slackHandle: '@search-core-support',
    handbookUrl: `${HANDBOOK}/engineering/search/core`,
    takesGithubIssues: true,
  },
  {
    id: 'search-product',
    name: 'Search product',
    keywords: [
      'search', 'search context', 'search contexts', 'search predicate', 'predicates', 'saved search', 'saved searches',
      'code monitoring', 'code monitor', 'query syntax', 'structural search', 'diff search', 'commit search', 'symbols',
      'keyword', 'filter', 'filters', 'scope', 'version context', 'repogroup', 'search results', 'regex', 'regexp',
      'case-sensitive', 'search notebooks',
      'searches', 'searching', 'searched', 'query', 'queries', 'search predicates', 'code monitors', 'patterntype', 'predicate', 'lang',
    ],
    githubLabel: 'team/search-product',
    slackChannel: '#search',
    slackHandle: '@search-product-support',
    handbookUrl: `${HANDBOOK}/engineering/search/product`,
    takesGithubIssues: true,
  },
  {
    id: 'web',
    name: 'Web / Extensibility',
    keywords: [
      'browser extension', 'browser extensions', 'native integration', 'native integrations', 'code host integration', 'Chrome',
      'Firefox', 'Safari', 'GitHub', 'GitLab', 'Bitbucket', 'Phabricator', 'extensions', 'extension', 'Sourcegraph extensions',
      'extension registry', 'plugins', 'plugin', 'add-on', 'addon', 'integration', 'integrations', 'blame', 'git-extras', 'Codecov', 'tooltip', 'tooltips', 'JetBrains',
      'VS Code', 'VSCode', 'IntelliJ',
      'GitHub Enterprise', 'GitHub.com', 'GHE', 'GitLab.com', 'Bitbucket Server', 'Bitbucket Cloud', 'hover', 'hovers', 'hovering', 'view on Sourcegraph',
    ],
    githubLabel: 'team/extensibility',
    slackChannel: '#extensibility',
    slackHandle: '@extensibility-support',
    handbookUrl: `${HANDBOOK}/engineering/web`,
    takesGithubIssues: true,
  },
  {
    id: 'batch-changes',
    name: 'Batch Changes',
    keywords: [
      'batch changes', 'batch change', 'campaigns', 'campaign', 'batch spec', 'batch specs', 'changesets', 'changeset',
      'src-cli', 'src batch', 'large scale code changes', 'large-scale code changes', 'refactoring', 'automation',
      'src campaign',
    ],
    githubLabel: 'team/batchers',
    slackChannel: '#batch-changes',
    slackHandle: '@batchers-support',
    handbookUrl: `${HANDBOOK}/engineering/batch-changes`,
    takesGithubIssues: true,
  },
  {
    id: 'ce-sales',
    name: 'CE & Sales',
    keywords: [
      'subscription', 'license', 'licence', 'licensing', 'license key', 'licence key', 'renew', 'renewal', 'expire', 'expired',
      'expiring', 'expiry', 'contract', 'seats', 'seat count', 'true-up', 'pricing', 'invoice', 'quote', 'user limit',
      'invoices', 'billing', 'expires',
    ],
    githubLabel: null,
    slackChannel: '#ce',
    // The handbook asks to @-mention the assigned sales rep and the CE by name; there is no group handle.
    slackHandle: '@ the assigned sales rep and CE',
    handbookUrl: `${HANDBOOK}/sales`,
    takesGithubIssues: false,
  },
  {
    id: 'bizops',
    name: 'BizOps',
    keywords: ['usage statistics', 'usage stats', 'usage data', 'usage', 'DAU', 'WAU', 'MAU', 'active users', 'user count', 'pings', 'analytics', 'daily active users', 'weekly active users', 'monthly active users', 'adoption'],
    githubLabel: null,
    slackChannel: '#bizops',
    slackHandle: '@bizops',
    handbookUrl: `${HANDBOOK}/ops/bizops`,
    takesGithubIssues: false,
  },
];

export function findTeam(teams: readonly Team[], id: TeamId): Team | undefined {
  return teams.find((t) => t.id === id);
}

// ---------------------------------------------------------------------------------------------------------------
// Overrides. Shape (JSON, the `routing_overrides` setting):
//   {"teams": [ {"id": "search-core", "slackChannel": "#search-core", "addKeywords": ["sourcegraph-indexer"]},
//               {"id": "security", "name": "Security", "keywords": ["CVE", "vulnerability"], "githubLabel": "team/security"} ]}
// A bare array of team entries is accepted too. Per entry: any Team field replaces the default; `keywords` replaces
// the list, `addKeywords` / `removeKeywords` edit it. A new id adds a team (name and keywords required).
// Each entry is checked on its own: a bad one is reported with its path and skipped, the others still apply.
// ---------------------------------------------------------------------------------------------------------------

const SETTING = 'routing_overrides';

// Built on first use: most installs have no overrides, so the first view need not pay for constructing it.
function makeOverrideSchema() {
  const keywordList = z.array(
    z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(80, 'must be at most 80 characters')),
  ).check(z.maxLength(500, 'must list at most 500 keywords'));

  /** A non-empty trimmed string of at most `max` characters. */
  const shortText = (max: number) =>
    z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`));

  return z.strictObject({
    id: z
      .string()
      .check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and hyphens (e.g. "search-core"), at most 40 characters')),
    name: z.optional(shortText(80)),
    keywords: z.optional(keywordList),
    addKeywords: z.optional(keywordList),
    removeKeywords: z.optional(keywordList),
    githubLabel: z.optional(
      z.nullable(
        z.string().check(
          z.trim(),
          z.minLength(1, 'must not be empty (use null for a team that takes no GitHub issue)'),
          z.maxLength(50, 'must be at most 50 characters (GitHub label limit)'),
          z.regex(/^[^,]*$/, 'must not contain a comma'),
        ),
      ),
    ),
    slackChannel: z.optional(z.string().check(z.trim(), z.regex(/^#[\w.-]{1,80}$/, 'must look like "#channel-name"'))),
    slackHandle: z.optional(shortText(120)),
    handbookUrl: z.optional(
      z.string().check(z.trim(), z.refine((v: string) => v === '' || /^https?:\/\/\S+$/.test(v), 'must be an http(s) URL or empty')),
    ),
    takesGithubIssues: z.optional(z.boolean()),
  });
}

let overrideSchema: ReturnType<typeof makeOverrideSchema> | undefined;

type TeamOverride = z.output<ReturnType<typeof makeOverrideSchema>>;

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  number: 'a number',
};

function issueText(issue: z.core.$ZodIssue, prefix: string): string {
  const where = prefix + issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    return `${where} must be ${expected}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `${where} has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (known: id, name, keywords, addKeywords, removeKeywords, githubLabel, slackChannel, slackHandle, handbookUrl, takesGithubIssues)`;
  }
  return `${where} ${issue.message}`;
}

function applyOverride(teams: Team[], o: TeamOverride, where: string): string | null {
  const existing = teams.find((t) => t.id === o.id);
  if (!existing) {
    if (!o.name) return `${where}.name is required for the new team "${o.id}"`;
    const keywords = [...(o.keywords ?? []), ...(o.addKeywords ?? [])];
    if (keywords.length === 0) return `${where}.keywords must list at least one keyword for the new team "${o.id}"`;
    teams.push({
      id: o.id,
      name: o.name,
      keywords,
      githubLabel: o.githubLabel === undefined ? `team/${o.id}` : o.githubLabel,
      slackChannel: o.slackChannel ?? `#${o.id}`,
      slackHandle: o.slackHandle ?? `@${o.id}`,
      handbookUrl: o.handbookUrl ?? '',
      takesGithubIssues: o.takesGithubIssues ?? o.githubLabel !== null,
    });
    return null;
  }
  const next: Team = { ...existing, keywords: [...(o.keywords ?? existing.keywords)] };
  if (o.addKeywords) for (const k of o.addKeywords) if (!next.keywords.includes(k)) next.keywords.push(k);
  if (o.removeKeywords) {
    const drop = new Set(o.removeKeywords.map((k) => k.toLowerCase()));
    next.keywords = next.keywords.filter((k) => !drop.has(k.toLowerCase()));
  }
  if (o.name !== undefined) next.name = o.name;
  if (o.githubLabel !== undefined) next.githubLabel = o.githubLabel;
  if (o.slackChannel !== undefined) next.slackChannel = o.slackChannel;
  if (o.slackHandle !== undefined) next.slackHandle = o.slackHandle;
  if (o.handbookUrl !== undefined) next.handbookUrl = o.handbookUrl;
  if (o.takesGithubIssues !== undefined) next.takesGithubIssues = o.takesGithubIssues;
  if (next.takesGithubIssues && next.githubLabel === null) {
    return `${where}.githubLabel must be set for a team that takes GitHub issues (or set takesGithubIssues to false)`;
  }
  teams[teams.indexOf(existing)] = next;
  return null;
}

/**
 * The catalogue in force: the defaults with the `routing_overrides` setting applied. Never throws; anything wrong
 * is returned as problems naming the setting and the path (`teams[2].githubLabel must be a string`).
 */
export function buildCatalogue(overridesJson: string): { teams: Team[]; problems: SettingProblem[] } {
  const teams: Team[] = DEFAULT_TEAMS.map((t) => ({ ...t, keywords: [...t.keywords] }));
  const problems: SettingProblem[] = [];
  const text = (overridesJson ?? '').trim();
  if (text === '') return { teams, problems };

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    problems.push({ setting: SETTING, message: `is not valid JSON (${detail}); the default teams are used` });
    return { teams, problems };
  }

  let entries: unknown[];
  let prefix: string;
  if (Array.isArray(json)) {
    entries = json;
    prefix = '';
  } else if (typeof json === 'object' && json !== null && Array.isArray((json as { teams?: unknown }).teams)) {
    const extra = Object.keys(json).filter((k) => k !== 'teams');
    if (extra.length) problems.push({ setting: SETTING, message: `has unknown field${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')} (only "teams" is read)` });
    entries = (json as { teams: unknown[] }).teams;
    prefix = 'teams';
  } else {
    problems.push({ setting: SETTING, message: 'must be {"teams": [...]} or a list of team entries; the default teams are used' });
    return { teams, problems };
  }

  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const where = `${prefix}[${i}]`;
    const parsed = (overrideSchema ??= makeOverrideSchema()).safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ setting: SETTING, message: `${issueText(issue, where)}; this entry is ignored` });
      return;
    }
    if (seen.has(parsed.data.id)) {
      problems.push({ setting: SETTING, message: `${where}.id "${parsed.data.id}" appears twice; only the first entry is used` });
      return;
    }
    seen.add(parsed.data.id);
    const problem = applyOverride(teams, parsed.data, where);
    if (problem) problems.push({ setting: SETTING, message: `${problem}; this entry is ignored` });
  });
  return { teams, problems };
}
