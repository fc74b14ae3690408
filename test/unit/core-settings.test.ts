// Settings and routing overrides: each bad value gets its own clear message naming the setting (and the JSON path),
// falls back to its default, and costs nothing else. The messages are Engage's own: zod/mini loads no locale, so a
// check without a message of its own would surface zod's bare fallback ("Invalid input") to the admin.
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { DEFAULT_SETTINGS, PARAMETER_NAMES, parseSettings } from '../../src/core/settings.ts';
import { buildCatalogue, findTeam } from '../../src/core/teams.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { english } from '../../src/core/english.ts';

const URL_SHAPE = 'must be a URL such as https://api.github.com or https://github.example.com/api/v3';
const URL_SCHEME = 'must start with https:// (or http:// for a local GitHub stand-in)';
const OWNER_REPO = 'must be "owner/repo", e.g. "sourcegraph/customer"';
const FIELD_ID = 'must be a Zendesk ticket field id (digits only), or empty';

describe('parseSettings', () => {
  it('reads what ZAF hands over: trimmed text, checkbox booleans or words, numeric field ids, lists', () => {
    const { settings, problems } = parseSettings({
      github_api_url: ' https://ghe.example.com/api/v3/ ',
      private_repository: 'acme/support',
      public_repository: 'acme/product',
      label_rfh: 'help-wanted',
      label_priority_prefix: 'prio/',
      label_customer_prefix: 'cust/',
      routing_overrides: ' [] ',
      sales_process_tags: 'Trial, POC  eval',
      sales_process_org_field: 'stage',
      lifecycle_field_id: ' 42 ',
      engineering_team_field_id: 7,
      official_priority_field_id: '',
      linked_issue_field_id: null,
      require_checklist: 'No',
      status_after_filing: ' hold ',
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      githubApiUrl: 'https://ghe.example.com/api/v3',
      privateRepo: { owner: 'acme', repo: 'support' },
      publicRepo: { owner: 'acme', repo: 'product' },
      labels: { rfh: 'help-wanted', priorityPrefix: 'prio/', customerPrefix: 'cust/' },
      routingOverrides: '[]',
      salesProcessTags: ['trial', 'poc', 'eval'],
      salesProcessOrgField: 'stage',
      fields: { lifecycle: 42, engineeringTeam: 7, officialPriority: null, linkedIssue: null },
      requireChecklist: false,
      statusAfterFiling: 'hold',
    });
  });

  it('treats unset values (missing, null, empty) as the defaults, without a problem', () => {
    expect(parseSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(parseSettings({ private_repository: '', label_rfh: '  ', github_api_url: null, require_checklist: '' })).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [],
    });
    for (const [v, expected] of [[true, true], [false, false], ['TRUE', true], ['1', true], ['yes', true], [0, false], ['no', false]] as const) {
      expect(parseSettings({ require_checklist: v }).settings.requireChecklist).toBe(expected);
    }
  });

  const bad: [string, unknown, string][] = [
    ['github_api_url', 'api.github.com', `${URL_SHAPE}; ${URL_SCHEME}`],
    ['github_api_url', 'ftp://github.example.com', URL_SCHEME],
    ['github_api_url', 'https://', URL_SHAPE],
    ['private_repository', 'https://github.com/sourcegraph/customer/issues', OWNER_REPO],
    ['public_repository', 'sourcegraph/..', 'is not a valid repository name'],
    ['label_rfh', 'x'.repeat(51), 'must be at most 50 characters'],
    ['label_priority_prefix', 'x'.repeat(41), 'must be at most 40 characters'],
    ['label_customer_prefix', 'a,b', 'must not contain a comma'],
    ['lifecycle_field_id', '12a', FIELD_ID],
    ['linked_issue_field_id', -3, FIELD_ID],
    ['require_checklist', 'maybe', 'must be true or false'],
    ['require_checklist', { on: true }, 'must be true or false'],
    ['status_after_filing', 'closed', 'must be "none" or "hold"'],
    ['sales_process_tags', ['trial'], 'must be text'],
    ['routing_overrides', { teams: [] }, 'must be text'],
  ];
  for (const [setting, value, message] of bad) {
    it(`${setting} = ${JSON.stringify(value)}: "${message}", the default, and the rest still applies`, () => {
      const { settings, problems } = parseSettings({ [setting]: value, sales_process_org_field: 'stage' });
      expect(problems.map((p) => ({ setting: p.setting, message: english(p.message) }))).toEqual([{ setting, message }]);
      expect(settings).toEqual({ ...DEFAULT_SETTINGS, salesProcessOrgField: 'stage' });
    });
  }

  it('reports every bad setting on its own', () => {
    const { settings, problems } = parseSettings({ private_repository: 'nope', status_after_filing: 'x', public_repository: 'acme/public' });
    expect(problems.map((p) => p.setting)).toEqual(['private_repository', 'status_after_filing']);
    expect(settings.privateRepo).toEqual(DEFAULT_SETTINGS.privateRepo);
    expect(settings.publicRepo).toEqual({ owner: 'acme', repo: 'public' });
  });
});

describe('buildCatalogue limits', () => {
  it('words every limit in Engage terms, with the JSON path', () => {
    const { teams, problems } = buildCatalogue(
      JSON.stringify([
        { id: 'web', name: 'x'.repeat(81) },
        { id: 'web', slackHandle: 'h'.repeat(121) },
        { id: 'search-core', addKeywords: Array.from({ length: 501 }, (_, i) => `k${i}`) },
        { id: 'batch-changes', keywords: ['x'.repeat(81)] },
        { id: 'bizops', githubLabel: 'x'.repeat(51) },
      ]),
    );
    expect(problems.map((p) => english(p.message))).toEqual([
      '[0].name must be at most 80 characters; this entry is ignored',
      '[1].slackHandle must be at most 120 characters; this entry is ignored',
      '[2].addKeywords must list at most 500 keywords; this entry is ignored',
      '[3].keywords[0] must be at most 80 characters; this entry is ignored',
      '[4].githubLabel must be at most 50 characters (GitHub label limit); this entry is ignored',
    ]);
    expect(teams).toEqual(DEFAULT_TEAMS);
  });

  it('trims what it keeps', () => {
    const { teams, problems } = buildCatalogue('[{"id": "web", "name": " Web ", "slackChannel": " #web ", "addKeywords": [" wasm "]}]');
    expect(problems).toEqual([]);
    expect(findTeam(teams, 'web')).toMatchObject({ name: 'Web', slackChannel: '#web' });
    expect(findTeam(teams, 'web')?.keywords).toContain('wasm');
  });
});

describe('messages do not depend on a zod locale', () => {
  // zod's locale is process-wide: whatever else loads zod must not change what an admin reads.
  const previous = z.config().localeError;
  afterEach(() => {
    z.config({ localeError: previous });
  });

  it('every problem comes with its own words', () => {
    z.config({ localeError: () => 'FROM-ZOD-LOCALE' });
    const values: unknown[] = ['x', 'a,b', 'x'.repeat(60), 'ftp://x', 'https://', 'a/..', {}, [], Number.NaN, 'maybe', 12.5];
    const messages: string[] = [];
    for (const setting of PARAMETER_NAMES) {
      for (const value of values) messages.push(...parseSettings({ [setting]: value }).problems.map((p) => english(p.message)));
    }
    const overrides = [
      [{ id: 3 }, { id: 'Bad' }, 7, { id: 'web', colour: 1 }, { id: 'web', name: '' }, { id: 'web', name: 'x'.repeat(81) }],
      [{ id: 'web', keywords: 'k' }, { id: 'web', keywords: [''] }, { id: 'web', addKeywords: Array(501).fill('k') }, { id: 'web', githubLabel: 5 }],
      [{ id: 'web', githubLabel: '' }, { id: 'web', githubLabel: 'a,b' }, { id: 'web', slackChannel: 'web' }, { id: 'web', slackHandle: '' }],
      [{ id: 'web', handbookUrl: 'ftp://x' }, { id: 'web', takesGithubIssues: 'yes' }, { id: 'x' }, { id: 'ce-sales', takesGithubIssues: true }],
    ];
    for (const list of overrides) messages.push(...buildCatalogue(JSON.stringify(list)).problems.map((p) => english(p.message)));
    expect(messages.length).toBeGreaterThan(60);
    expect(messages.filter((m) => /FROM-ZOD-LOCALE|Invalid input/.test(m))).toEqual([]);
  });
});
