// The router, rule by rule: each test states one thing an experienced support engineer knows about the handbook.
import { english } from '../../src/core/english.ts';
import { describe, expect, it } from 'vitest';
import { route } from '../../src/core/router.ts';
import { buildCatalogue } from '../../src/core/teams.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import type { RouteResult } from '../../src/core/types/classification.ts';
import type { TicketModel } from '../../src/core/types/ticket.ts';
import { modelOf, type TicketSpec } from './core-route-fixtures.ts';

function teamOf(spec: TicketSpec): string {
  return route(modelOf(spec), DEFAULT_TEAMS).team.teamId;
}

function routeOf(spec: TicketSpec): RouteResult {
  return route(modelOf(spec), DEFAULT_TEAMS);
}

function textOf(model: TicketModel, e: { field: string; messageIndex?: number }): string {
  if (e.field === 'subject') return model.subject;
  const m = model.messages[e.messageIndex ?? -1];
  if (!m) throw new Error('evidence points to no message');
  return m.text;
}

describe('router: the handbook table', () => {
  it.each([
    ['Our Helm upgrade fails: the gitserver StatefulSet cannot be patched', 'distribution'],
    ['SAML sign in fails after we rotated the Okta certificate', 'core-application'],
    ['Precise code intel: LSIF uploads never finish processing', 'code-intelligence'],
    ['zoekt-indexserver keeps reindexing the same shards', 'search-core'],
    ['Saved searches do not send notifications', 'search-product'],
    ['The browser extension does not load in Firefox', 'web'],
    ['Our batch changes are stuck publishing changesets', 'batch-changes'],
    ['We need a quote to renew our subscription with 200 more seats', 'ce-sales'],
    ['Where can we see monthly active users (MAU) for last quarter?', 'bizops'],
  ])('%s → %s', (subject, team) => {
    expect(teamOf({ subject, customer: [subject] })).toBe(team);
  });

  it('matches whole words and phrases only', () => {
    // "cloning" must not match inside "mycloningtool", "sso" not inside "lasso".
    const r = routeOf({ subject: 'Question', customer: ['The lasso tool in mycloningtool is nice, and the dashboards feel fast.'] });
    const terms = [r.team, ...r.alternatives].flatMap((t) => t.evidence.map((e) => e.term.toLowerCase()));
    expect(terms).not.toContain('sso');
    expect(terms).not.toContain('cloning');
  });

  it('gives evidence with offsets into the cleaned text of the right field and message', () => {
    const model = modelOf({
      subject: 'GitLab repositories not syncing',
      customer: ['Hi,\n\nSince we rotated the token, GitLab projects are not cloning anymore.\n\nThanks,\nJane\nPlatform | Acme'],
    });
    const r = route(model, DEFAULT_TEAMS);
    expect(r.team.teamId).toBe('core-application');
    expect(r.team.evidence.length).toBeGreaterThan(2);
    for (const e of r.team.evidence) {
      expect(textOf(model, e).slice(e.start, e.end)).toBe(e.matched);
    }
    expect(r.team.evidence.some((e) => e.field === 'subject')).toBe(true);
    expect(english(r.team.why)).toMatch(/Core Application/);
    expect(english(r.team.why)).toMatch(/code-host sync/);
  });

  it('weighs the subject and the customer above agents, internal notes and attachment names', () => {
    const customerSays = routeOf({ subject: 'Help', customer: ['Our saved search is broken'], internal: ['maybe check the helm chart and kubernetes pods?'] });
    expect(customerSays.team.teamId).toBe('search-product');
    const ev = customerSays.alternatives.find((a) => a.teamId === 'distribution')?.evidence ?? [];
    for (const e of ev) expect(e.field).toBe('internal');
    const w = (field: string) => customerSays.team.evidence.find((e) => e.field === field)?.weight ?? 0;
    expect(w('customer')).toBeGreaterThan(0);
    const agentOnly = routeOf({ subject: 'Help', customer: ['It is broken'], agent: ['Is this about your saved search?'] });
    const agentWeight = agentOnly.team.evidence.find((e) => e.term === 'saved search')?.weight ?? 0;
    expect(agentWeight).toBeGreaterThan(0);
    expect(agentWeight).toBeLessThan(w('customer'));
  });

  it('barely counts words in pasted logs and stack traces', () => {
    const r = routeOf({
      subject: 'Batch spec fails to run',
      customer: [
        'Our batch spec fails on every repository.\n\n' +
          't=2021-07-01T10:00:00+0000 lvl=eror msg="gitserver: clone failed" repo=github.com/acme/api err="kubernetes pod evicted"\n' +
          't=2021-07-01T10:00:01+0000 lvl=eror msg="gitserver: clone failed" repo=github.com/acme/web err="kubernetes pod evicted"',
      ],
    });
    expect(r.team.teamId).toBe('batch-changes');
    const logWords = r.alternatives.flatMap((a) => a.evidence).filter((e) => ['gitserver', 'clone', 'Kubernetes', 'pod'].includes(e.term));
    for (const e of logWords) expect(e.weight).toBeLessThan(1);
  });

  it('returns runners-up best first, at most three, and a fallback with score 0 when nothing matched', () => {
    const r = routeOf({ subject: 'Search is slow on our Kubernetes cluster; also the browser extension and our license', customer: ['see subject'] });
    expect(r.alternatives.length).toBeLessThanOrEqual(3);
    const scores = [r.team.score, ...r.alternatives.map((a) => a.score)];
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const none = routeOf({ subject: 'Hello', customer: ['Thank you, all good now.'] });
    expect(none.team.score).toBe(0);
    expect(none.team.evidence).toEqual([]);
    expect(none.alternatives).toEqual([]);
  });
});

describe('router: code hosts', () => {
  it('GitHub with cloning/syncing/token words is code-host sync (Core Application)', () => {
    expect(teamOf({ subject: 'GitHub Enterprise repos stopped syncing', customer: ['Cloning fails since we changed the token on the GitHub connection.'] })).toBe('core-application');
  });

  it('GitHub with browser extension/hover words is the native integration (Web)', () => {
    expect(teamOf({ subject: 'No hover tooltips on GitHub', customer: ['The browser extension shows nothing on GitHub pull requests.'] })).toBe('web');
  });

  it('a GitLab integration configured in GitLab is Web even without the words "native integration"', () => {
    expect(teamOf({ subject: 'Sourcegraph icon missing on GitLab', customer: ['The Sourcegraph integration in GitLab no longer shows hover cards on our merge requests.'] })).toBe('web');
  });

  it('campaigns and changesets are Batch Changes even when they name the code host and its token', () => {
    const r = routeOf({
      subject: 'Campaign changesets fail on GitLab',
      customer: ['Publishing our campaign fails for every GitLab merge request with 403. The GitLab token has api scope.'],
    });
    expect(r.team.teamId).toBe('batch-changes');
    expect(english(r.team.why)).toMatch(/Batch Changes beats the code host/);
  });
});

describe('router: environment words', () => {
  it('Kubernetes/Docker mentioned only as the environment do not outvote the problem', () => {
    const r = routeOf({
      subject: 'Saved search notifications missing',
      customer: ['We run Sourcegraph 3.29 on Kubernetes (EKS) with Docker images from our registry. Saved search emails never arrive.'],
    });
    expect(r.team.teamId).toBe('search-product');
    const dist = r.alternatives.find((a) => a.teamId === 'distribution');
    expect(dist ? english(dist.why) : '').toMatch(/environment only/);
  });

  it('Kubernetes counts fully when the deployment itself is the problem', () => {
    expect(teamOf({ subject: 'Pods stuck', customer: ['After the deploy all pods are in CrashLoopBackOff on our Kubernetes cluster.'] })).toBe('distribution');
  });

  it('"Azure AD" is identity, not the Azure cloud', () => {
    expect(teamOf({ subject: 'Login with Azure AD fails', customer: ['Sign in with OpenID Connect against Azure AD returns an error.'] })).toBe('core-application');
  });
});

describe('router: performance', () => {
  it('performance of search goes to Search core', () => {
    const r = routeOf({ subject: 'Search is very slow', customer: ['Searches take 30 seconds since we added 20k repositories; indexed search latency is high.'] });
    expect(r.team.teamId).toBe('search-core');
    expect(english(r.team.why)).toMatch(/performance of search/);
  });

  it('performance of the deployment goes to Distribution', () => {
    const r = routeOf({ subject: 'Everything is slow', customer: ['Every page is slow and CPU is at 100% on the VM; do we need more resources?'] });
    expect(r.team.teamId).toBe('distribution');
    expect(english(r.team.why)).toMatch(/performance of the deployment/);
  });
});

describe('router: search core vs search product', () => {
  it.each([
    ['Index size doubled and zoekt shards fill the disk of indexed-search', 'search-core'],
    ['Unindexed search on a branch times out in searcher', 'search-core'],
    ['Search contexts are not shared across our organization', 'search-product'],
    ['The repo:has.file predicate returns no results', 'search-product'],
    ['Our code monitoring trigger never fires', 'search-product'],
    ['Structural search with patterntype:structural finds nothing', 'search-product'],
  ])('%s → %s', (text, team) => {
    expect(teamOf({ subject: text, customer: [text] })).toBe(team);
  });
});

describe('router: languages and case rules', () => {
  it('a language name counts toward Code Intelligence only next to code-navigation words', () => {
    const nav = routeOf({ subject: 'Go to definition fails in our Go repo', customer: ['Jump to definition does not work for Go code.'] });
    expect(nav.team.teamId).toBe('code-intelligence');
    expect(nav.team.evidence.some((e) => e.term === 'Go')).toBe(true);
    const stack = routeOf({ subject: 'GitLab projects not syncing', customer: ['Our Go and Java services on GitLab are not syncing; cloning fails.'] });
    expect(stack.team.teamId).toBe('core-application');
    expect([stack.team, ...stack.alternatives].some((t) => t.teamId === 'code-intelligence')).toBe(false);
  });

  it('"go to settings" is the verb, "Go to definition" is code navigation', () => {
    const verb = routeOf({ subject: 'Question', customer: ['Please go to settings and then Go to the repository page. The code intelligence works fine.'] });
    const ci = [verb.team, ...verb.alternatives].find((t) => t.teamId === 'code-intelligence');
    expect(ci?.evidence.some((e) => e.term === 'Go')).toBe(false);
    const nav = routeOf({ subject: 'Question', customer: ['Go to definition does nothing on this file.'] });
    expect(nav.team.teamId).toBe('code-intelligence');
    expect(nav.team.evidence[0]?.term).toBe('go to definition');
  });

  it('Java and JavaScript are different words', () => {
    const r = routeOf({ subject: 'Hover broken', customer: ['Hover and find references show nothing in our JavaScript files.'] });
    const terms = r.team.evidence.map((e) => e.term);
    expect(terms).toContain('JavaScript');
    expect(terms).not.toContain('Java');
  });

  it('lowercase "go" is never the language', () => {
    const r = routeOf({ subject: 'Code navigation', customer: ['find references and go to definition; we go home at 5, lets go.'] });
    expect(r.team.evidence.some((e) => e.term === 'Go')).toBe(false);
  });
});

describe('router: alerts and monitoring', () => {
  it('"service: alert" goes to the team that owns the alert', () => {
    const r = routeOf({ subject: 'Alert firing', customer: ['Grafana shows frontend: 99th_percentile_search_request_duration firing every afternoon.'] });
    expect(r.team.teamId).toBe('search-core');
    expect(r.team.evidence[0]?.term).toBe('alert:frontend/99th_percentile_search_request_duration');
    expect(english(r.team.why)).toMatch(/owned by this team/);
  });

  it('a silence name goes to the owner too, service names with hyphens included', () => {
    expect(teamOf({ subject: 'Noisy alert', customer: ['We keep getting critical_repo-updater_src_repoupdater_max_sync_backoff in Alertmanager.'] })).toBe('core-application');
    expect(teamOf({ subject: 'Noisy alert', customer: ['Paged for warning_precise-code-intel-worker_container_memory_usage again.'] })).toBe('code-intelligence');
  });

  it('a generic alert name needs its service to know the owner', () => {
    const r = routeOf({ subject: 'alert', customer: ['container_memory_usage is firing'] });
    expect([r.team, ...r.alternatives].flatMap((t) => t.evidence).some((e) => e.term.startsWith('alert:'))).toBe(false);
    expect(teamOf({ subject: 'alert', customer: ['zoekt-webserver: container_memory_usage is firing'] })).toBe('search-core');
  });

  it('monitoring questions without a named alert go to Distribution', () => {
    expect(teamOf({ subject: 'Grafana dashboards empty', customer: ['Prometheus shows all targets down and the dashboards have no data.'] })).toBe('distribution');
  });
});

describe('router: outside engineering', () => {
  it('licence, subscription and renewal go to CE & Sales', () => {
    expect(teamOf({ subject: 'Licence renewal', customer: ['Our licence key expires next month; how do we renew the subscription?'] })).toBe('ce-sales');
  });

  it('"expired" alone is not a licence question', () => {
    expect(teamOf({ subject: 'GitLab token expired', customer: ['The GitLab access token expired and repositories stopped syncing.'] })).toBe('core-application');
  });

  it('DAU/WAU/MAU and usage statistics go to BizOps', () => {
    expect(teamOf({ subject: 'Usage statistics', customer: ['Where do we find DAU and WAU for our instance?'] })).toBe('bizops');
  });
});

describe('router: catalogue overrides', () => {
  it('a keyword added to a team routes to it', () => {
    const { teams, problems } = buildCatalogue(JSON.stringify({ teams: [{ id: 'search-core', addKeywords: ['sourcegraph-indexer'] }] }));
    expect(problems).toEqual([]);
    expect(route(modelOf({ subject: 'sourcegraph-indexer crashed', customer: ['The sourcegraph-indexer crashed again'] }), teams).team.teamId).toBe('search-core');
  });

  it('a new team with its keywords can win', () => {
    const { teams } = buildCatalogue(JSON.stringify({ teams: [{ id: 'security', name: 'Security', keywords: ['CVE', 'vulnerability'], githubLabel: 'team/security' }] }));
    const r = route(modelOf({ subject: 'CVE in our image', customer: ['Is Sourcegraph affected by this vulnerability (CVE-2021-44228)?'] }), teams);
    expect(r.team.teamId).toBe('security');
  });

  it('a keyword removed by an override no longer routes', () => {
    const { teams } = buildCatalogue(JSON.stringify({ teams: [{ id: 'bizops', removeKeywords: ['MAU'] }] }));
    const r = route(modelOf({ subject: 'MAU', customer: ['MAU'] }), teams);
    expect([r.team, ...r.alternatives].some((t) => t.teamId === 'bizops')).toBe(false);
  });
});
