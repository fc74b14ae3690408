// What the built-in routing rules know about the handbook's keywords: which are ambiguous and how context settles
// them, how strong each one is, and which words are context only. The catalogue (teams.ts) decides WHICH terms
// route to a team; this table adds roles and weights on top. A term here that is tied to a team only counts when
// that team's catalogue keywords list it, so a routing override that removes a keyword really removes it.
import type { TeamId } from '../types/classification.ts';

/**
 * - plain: counts for its team.
 * - codehost: GitHub/GitLab/...: code-host sync (Core App) or native integration (Web) by context; Batch Changes
 *   when the ticket is about batch changes.
 * - env: deployment environment words (Kubernetes, Docker, AWS...): full weight only when the ticket is about the
 *   deployment itself, otherwise they describe where the customer runs us and barely count.
 * - perf: performance words: Search core when about search, Code Intelligence when about navigation, else Distribution.
 * - monitoring: monitoring words: the team owning a named alert, else Distribution.
 * - language: programming language names: Code Intelligence only next to code-navigation words.
 * - search: generic search words: whichever search sub-team the specific words point to (search-product by default).
 * - hover: hover/tooltip: Web when on a code host through the extension/integration, else Code Intelligence.
 * - browser: Chrome/Firefox/Safari: Web with extension context, otherwise a weak hint.
 * - expiry: expire/expired: CE & Sales only next to licence words (tokens and certificates expire too).
 * - context: no team; only feeds the context of other rules.
 */
export type Role = 'plain' | 'codehost' | 'env' | 'perf' | 'monitoring' | 'language' | 'search' | 'hover' | 'browser' | 'expiry' | 'context';

export type ContextKind = 'sync' | 'integration' | 'deploy' | 'codenav' | 'search' | 'batch' | 'license' | 'usage' | 'auth';

export interface VocabEntry {
  terms: string[];
  role: Role;
  /** The team for 'plain', 'env', 'expiry' roles; absent for roles that decide by context. */
  team?: TeamId;
  weight: number;
  /** Context this term gives to other rules (with its field weight). */
  ctx?: ContextKind;
  /** Match only this exact spelling (case-sensitive), e.g. "Go" the language, not "go". */
  exact?: string[];
}

/** Teams a multi-team role may go to (the candidates that list the term in their keywords). */
export const ROLE_TEAMS: Partial<Record<Role, TeamId[]>> = {
  codehost: ['core-application', 'web'],
  perf: ['distribution', 'search-core'],
  monitoring: ['distribution'],
  language: ['code-intelligence'],
  search: ['search-core', 'search-product'],
  hover: ['code-intelligence', 'web'],
  browser: ['web'],
};

export const VOCABULARY: VocabEntry[] = [
  // --- Distribution: deployment itself
  { terms: ['deploy', 'deployment', 'deploying', 'deployed', 'install', 'installation', 'helm', 'helm chart', 'kustomize', 'deploy-sourcegraph'], role: 'plain', team: 'distribution', weight: 1.5, ctx: 'deploy' },
  { terms: ['OOMKilled', 'CrashLoopBackOff', 'ImagePullBackOff', 'persistent volume', 'PVC', 'ingress', 'statefulset', 'replicas', 'memory limit', 'disk space', 'node pool', 'terraform', 'single container', 'pure-docker', 'rollback', 'roll back'], role: 'plain', team: 'distribution', weight: 2, ctx: 'deploy' },
  { terms: ['upgrade', 'upgrading', 'upgraded'], role: 'plain', team: 'distribution', weight: 0.5 },
  { terms: ['migrator', 'database migration', 'database migrations', 'db migration'], role: 'plain', team: 'distribution', weight: 2, ctx: 'deploy' },
  { terms: ['migration', 'migrations', 'migrating'], role: 'plain', team: 'distribution', weight: 1, ctx: 'deploy' },
  { terms: ['resources', 'sizing', 'capacity', 'capacity planning', 'disk', 'storage'], role: 'plain', team: 'distribution', weight: 1.2, ctx: 'deploy' },
  { terms: ['volume', 'volumes', 'EBS', 'snapshot', 'backup', 'restore', 'reboot', 'rebooted', 'pgsql', 'postgres', 'PostgreSQL'], role: 'plain', team: 'distribution', weight: 1, ctx: 'deploy' },
  // --- Distribution: the environment (counts fully only when the deployment is the problem)
  { terms: ['Docker', 'docker-compose', 'docker compose', 'container', 'containers', 'image', 'images', 'Kubernetes', 'k8s', 'kubectl', 'cluster', 'pod', 'pods', 'namespace', 'AWS', 'Google Cloud', 'GCP', 'GKE', 'EKS', 'AKS', 'Azure', 'OpenShift', 'EC2', 'VM'], role: 'env', team: 'distribution', weight: 1 },
  // --- Performance and monitoring
  { terms: ['performance', 'perf', 'slow', 'slowness', 'latency', 'scaling', 'scale', 'CPU', 'memory', 'timeout', 'timeouts', 'timing out', 'timed out'], role: 'perf', weight: 1 },
  { terms: ['monitoring', 'Grafana', 'Prometheus', 'alert', 'alerts', 'alerting', 'Alertmanager', 'dashboard', 'dashboards', 'panel', 'Jaeger', 'metrics'], role: 'monitoring', weight: 1.2 },

  // --- Core Application: code hosts and sync
  { terms: ['GitHub', 'GitHub Enterprise', 'GitHub.com', 'GHE', 'GitLab', 'GitLab.com', 'Bitbucket', 'Bitbucket Server', 'Bitbucket Cloud', 'Phabricator', 'Gerrit'], role: 'codehost', weight: 1.5 },
  { terms: ['code host', 'code hosts', 'code host connection', 'external service', 'cloning', 'clone', 'cloned', 'syncing', 'sync', 'synced', 'repo-updater', 'gitserver', 'git fetch', 'rate limit'], role: 'plain', team: 'core-application', weight: 1.5, ctx: 'sync' },
  { terms: ['token', 'access token'], role: 'plain', team: 'core-application', weight: 1, ctx: 'sync' },
  { terms: ['Perforce', 'src-expose'], role: 'plain', team: 'core-application', weight: 2.5, ctx: 'sync' },
  // --- Core Application: permissions and authentication
  { terms: ['permissions', 'permission', 'ACL', 'ACLs', 'authorization', 'authz', 'authentication', 'authn', 'SSO', 'single sign-on', 'SAML', 'OAuth', 'auth proxy', 'http-header', 'OpenID Connect', 'OpenIDConnect', 'OIDC', 'LDAP', 'SCIM', 'auth.providers', 'identity provider', 'Azure AD', 'Okta'], role: 'plain', team: 'core-application', weight: 2, ctx: 'auth' },
  { terms: ['login', 'log in', 'sign in', 'sign-in'], role: 'plain', team: 'core-application', weight: 1, ctx: 'auth' },
  // Everything is about repositories: these barely count on their own.
  { terms: ['repository', 'repositories', 'repo', 'repos', 'project', 'access', 'site admin', 'site-admin'], role: 'plain', team: 'core-application', weight: 0.3 },

  // --- Code Intelligence
  { terms: ['code intelligence', 'code intel', 'codeintel', 'precise', 'precise code intelligence', 'precise code intel', 'navigation', 'code navigation', 'LSIF', 'SCIP', 'language server', 'LSP', 'go to definition', 'goto definition', 'jump to definition', 'find references', 'auto-indexing', 'lsif upload', 'precise-code-intel-worker', 'lsif-go', 'lsif-java', 'lsif-node', 'lsif-tsc', 'lsif-py', 'lsif-clang'], role: 'plain', team: 'code-intelligence', weight: 2, ctx: 'codenav' },
  { terms: ['references', 'definition', 'definitions', 'ctags', 'indexer'], role: 'plain', team: 'code-intelligence', weight: 1, ctx: 'codenav' },
  { terms: ['hover', 'hovers', 'hovering', 'tooltip', 'tooltips'], role: 'hover', weight: 1.5 },
  { terms: ['Go'], exact: ['Go', 'GO'], role: 'language', weight: 0.8 },
  { terms: ['Golang', 'Java', 'Python', 'COBOL', 'JavaScript', 'TypeScript', 'C++', 'C#', 'Rust', 'Ruby', 'Scala', 'Kotlin', 'PHP', 'Swift', 'Haskell', 'Clojure'], role: 'language', weight: 0.8 },

  // --- Search
  { terms: ['search', 'searches', 'searching', 'searched', 'query', 'queries'], role: 'search', weight: 1, ctx: 'search' },
  { terms: ['indexed search', 'indexed-search', 'zoekt', 'zoekt-indexserver', 'zoekt-webserver', 'indexserver', 'unindexed search', 'global index', 'index size', 'reindex', 'reindexing', 'shards'], role: 'plain', team: 'search-core', weight: 2.5, ctx: 'search' },
  { terms: ['indexing', 'index', 'indexed', 'searcher', 'shard', 'unindexed'], role: 'plain', team: 'search-core', weight: 1.5, ctx: 'search' },
  { terms: ['search context', 'search contexts', 'search predicate', 'search predicates', 'saved search', 'saved searches', 'code monitoring', 'code monitor', 'code monitors', 'structural search', 'diff search', 'commit search', 'query syntax', 'version context', 'repogroup', 'search notebooks', 'patterntype'], role: 'plain', team: 'search-product', weight: 3, ctx: 'search' },
  { terms: ['predicate', 'predicates', 'symbols', 'filter', 'filters', 'regex', 'regexp', 'search results', 'case-sensitive', 'lang'], role: 'plain', team: 'search-product', weight: 1.2, ctx: 'search' },
  { terms: ['keyword', 'scope'], role: 'plain', team: 'search-product', weight: 0.5 },

  // --- Web / Extensibility
  { terms: ['browser extension', 'browser extensions', 'native integration', 'native integrations', 'code host integration', 'Sourcegraph extensions', 'extension registry', 'view on Sourcegraph'], role: 'plain', team: 'web', weight: 3, ctx: 'integration' },
  { terms: ['extension', 'extensions', 'plugin', 'plugins', 'add-on', 'addon', 'integration', 'integrations'], role: 'plain', team: 'web', weight: 1.5, ctx: 'integration' },
  { terms: ['blame', 'git-extras', 'Codecov'], role: 'plain', team: 'web', weight: 2.5, ctx: 'integration' },
  // Editor extensions are Web's too, but they are not a code host: they say nothing about where a hover happens.
  { terms: ['JetBrains', 'VS Code', 'VSCode', 'IntelliJ'], role: 'plain', team: 'web', weight: 2 },
  { terms: ['Chrome', 'Firefox', 'Safari'], role: 'browser', weight: 1.5 },
  { terms: ['merge request', 'merge requests', 'pull request', 'pull requests', 'code review', 'Content-Security-Policy', 'CSP'], role: 'context', weight: 1, ctx: 'integration' },

  // --- Batch Changes
  { terms: ['batch changes', 'batch change', 'batch spec', 'batch specs', 'changesets', 'changeset', 'src batch', 'src campaign', 'large scale code changes', 'large-scale code changes', 'campaigns', 'campaign'], role: 'plain', team: 'batch-changes', weight: 3, ctx: 'batch' },
  { terms: ['src-cli', 'refactoring', 'automation'], role: 'plain', team: 'batch-changes', weight: 1.2, ctx: 'batch' },

  // --- CE & Sales
  { terms: ['license', 'licence', 'licensing', 'license key', 'licence key', 'subscription', 'renewal', 'renew', 'true-up', 'seats', 'seat count'], role: 'plain', team: 'ce-sales', weight: 3, ctx: 'license' },
  { terms: ['contract', 'pricing', 'invoice', 'invoices', 'billing', 'quote', 'user limit'], role: 'plain', team: 'ce-sales', weight: 1.5, ctx: 'license' },
  { terms: ['expire', 'expired', 'expiring', 'expiry', 'expires'], role: 'expiry', team: 'ce-sales', weight: 1.5 },

  // --- BizOps
  { terms: ['usage statistics', 'usage stats', 'usage data', 'DAU', 'WAU', 'MAU', 'daily active users', 'weekly active users', 'monthly active users', 'active users'], role: 'plain', team: 'bizops', weight: 3, ctx: 'usage' },
  { terms: ['usage', 'user count', 'pings', 'analytics', 'adoption'], role: 'plain', team: 'bizops', weight: 1.5, ctx: 'usage' },
];
