// The team catalogue: the handbook's destinations as data, and overrides that fail loudly but harmlessly.
import { describe, expect, it } from 'vitest';
import { ROLE_TEAMS, VOCABULARY } from '../../src/core/routing/vocabulary.ts';
import { buildCatalogue, findTeam } from '../../src/core/teams.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { phraseTokens } from '../../src/core/text-scan.ts';
import { DEFAULT_TEAM_IDS } from '../../src/core/teams/default-teams.ts';
import { english } from '../../src/core/english.ts';

describe('DEFAULT_TEAMS', () => {
  it('has the nine destinations with their labels, channels and handles', () => {
    expect(DEFAULT_TEAMS.map((t) => t.id)).toEqual([...DEFAULT_TEAM_IDS]);
    const by = (id: string) => findTeam(DEFAULT_TEAMS, id);
    expect(by('distribution')).toMatchObject({ githubLabel: 'team/distribution', slackHandle: '@distribution-support', takesGithubIssues: true });
    expect(by('core-application')).toMatchObject({ githubLabel: 'team/core-application', slackChannel: '#core-application-support', slackHandle: '@core-app-support' });
    expect(by('code-intelligence')).toMatchObject({ githubLabel: 'team/code-intelligence', slackChannel: '#code-intel', slackHandle: '@code-intel-support' });
    expect(by('search-core')).toMatchObject({ githubLabel: 'team/search-core', slackChannel: '#search', slackHandle: '@search-core-support' });
    expect(by('search-product')).toMatchObject({ githubLabel: 'team/search-product', slackChannel: '#search', slackHandle: '@search-product-support' });
    expect(by('web')).toMatchObject({ githubLabel: 'team/extensibility', slackChannel: '#extensibility', slackHandle: '@extensibility-support' });
    expect(by('batch-changes')).toMatchObject({ githubLabel: 'team/batchers', slackHandle: '@batchers-support' });
    expect(by('ce-sales')).toMatchObject({ githubLabel: null, slackChannel: '#ce', takesGithubIssues: false });
    expect(by('bizops')).toMatchObject({ githubLabel: null, slackChannel: '#bizops', slackHandle: '@bizops', takesGithubIssues: false });
    for (const t of DEFAULT_TEAMS) expect(t.handbookUrl).toMatch(/^https:\/\//);
    expect(findTeam(DEFAULT_TEAMS, 'nope')).toBeUndefined();
  });

  it('lists the variants people type', () => {
    const kw = (id: string) => findTeam(DEFAULT_TEAMS, id)?.keywords ?? [];
    expect(kw('distribution')).toEqual(expect.arrayContaining(['Kubernetes', 'k8s']));
    expect(kw('core-application')).toEqual(expect.arrayContaining(['authentication', 'authn', 'OIDC', 'OpenID Connect']));
    expect(kw('batch-changes')).toEqual(expect.arrayContaining(['src-cli', 'campaigns']));
  });

  it('lists every term the routing vocabulary gives a team (so no built-in rule is silently inert)', () => {
    const norm = (s: string) => phraseTokens(s).join(' ');
    const missing: string[] = [];
    for (const entry of VOCABULARY) {
      if (entry.role === 'context') continue;
      const teams = entry.team ? [entry.team] : (ROLE_TEAMS[entry.role] ?? []);
      for (const term of entry.terms) {
        const listedBy = teams.filter((id) => findTeam(DEFAULT_TEAMS, id)?.keywords.some((k) => norm(k) === norm(term)));
        if (listedBy.length === 0) missing.push(`${term} (${teams.join('/')})`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('buildCatalogue', () => {
  it('without overrides is the defaults, as copies', () => {
    const { teams, problems } = buildCatalogue('');
    expect(problems).toEqual([]);
    expect(teams).toEqual(DEFAULT_TEAMS);
    teams[0]?.keywords.push('mutated');
    expect(DEFAULT_TEAMS[0]?.keywords).not.toContain('mutated');
  });

  it('changes fields and keywords of a team and adds new teams', () => {
    const { teams, problems } = buildCatalogue(
      JSON.stringify({
        teams: [
          { id: 'search-core', slackChannel: '#search-core', addKeywords: ['indexer-x'], removeKeywords: ['zoekt'] },
          { id: 'security', name: 'Security', keywords: ['CVE'] },
          { id: 'bizops', takesGithubIssues: true, githubLabel: 'team/bizops' },
        ],
      }),
    );
    expect(problems).toEqual([]);
    const sc = findTeam(teams, 'search-core');
    expect(sc?.slackChannel).toBe('#search-core');
    expect(sc?.keywords).toContain('indexer-x');
    expect(sc?.keywords).not.toContain('zoekt');
    expect(findTeam(teams, 'security')).toEqual({
      id: 'security',
      name: 'Security',
      keywords: ['CVE'],
      githubLabel: 'team/security',
      slackChannel: '#security',
      slackHandle: '@security',
      handbookUrl: '',
      takesGithubIssues: true,
    });
    expect(findTeam(teams, 'bizops')).toMatchObject({ takesGithubIssues: true, githubLabel: 'team/bizops' });
  });

  it('accepts a bare list of entries', () => {
    const { teams, problems } = buildCatalogue('[{"id": "web", "slackHandle": "@web-oncall"}]');
    expect(problems).toEqual([]);
    expect(findTeam(teams, 'web')?.slackHandle).toBe('@web-oncall');
  });

  it('rejects a bad entry with its path, applies the good ones and keeps the defaults for the rest', () => {
    const { teams, problems } = buildCatalogue(
      JSON.stringify({ teams: [{ id: 'web', slackChannel: '#ext' }, { id: 'x' }, { id: 'search-core', githubLabel: 5 }, { id: 'Bad Id' }, 7, { id: 'web', colour: 'red' }] }),
    );
    expect(problems.map((p) => p.setting)).toEqual(Array(problems.length).fill('routing_overrides'));
    const messages = problems.map((p) => english(p.message));
    expect(messages).toContain('teams[1].name is required for the new team "x"; this entry is ignored');
    expect(messages).toContain('teams[2].githubLabel must be a string; this entry is ignored');
    expect(messages.some((m) => m.startsWith('teams[3].id must be lower-case letters'))).toBe(true);
    expect(messages).toContain('teams[4] must be an object; this entry is ignored');
    expect(messages.some((m) => m.startsWith('teams[5] has unknown field "colour"'))).toBe(true);
    expect(findTeam(teams, 'web')?.slackChannel).toBe('#ext');
    expect(findTeam(teams, 'search-core')?.githubLabel).toBe('team/search-core');
    expect(teams.map((t) => t.id)).toEqual([...DEFAULT_TEAM_IDS]);
  });

  it('rejects invalid JSON and wrong shapes as a whole, keeping the defaults', () => {
    for (const bad of ['{oops', '42', '{"teams": {}}', '"text"']) {
      const { teams, problems } = buildCatalogue(bad);
      expect(problems).toHaveLength(1);
      expect(english(problems[0]!.message)).toMatch(/default teams are used/);
      expect(teams).toEqual(DEFAULT_TEAMS);
    }
  });

  it('refuses a GitHub-issue team without a label', () => {
    const { problems } = buildCatalogue('[{"id": "ce-sales", "takesGithubIssues": true}]');
    expect(english(problems[0]!.message)).toMatch(/\[0\]\.githubLabel must be set for a team that takes GitHub issues/);
  });
});
