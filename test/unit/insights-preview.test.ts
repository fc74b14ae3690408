// The preview's side of the insights page: Zendesk's Search API over the tickets (export with its cursor, count,
// the query syntax it understands), the generated history (enough tickets, the same for the same moment, its
// tickets linking the issues it plans), and the nav_bar host's answers.
import { describe, expect, it } from 'vitest';
import { generateHistory, HISTORY_FIRST_ID } from '../../preview/history/generate.ts';
import { answerNavBarGet, navBarIframeUrl } from '../../preview/host/nav-bar-protocol.ts';
import { handleSearch, parseTicketQuery, SearchQueryError } from '../../preview/zendesk-search.ts';
import { ticket } from './report-fixtures.ts';

const ORIGIN = 'https://engage-preview.zendesk.com';
const bundles = [
  ticket(1, '2026-11-02T09:00:00Z', ['rfh', 'rfh_team_web'], 'Acme'),
  ticket(2, '2026-11-03T09:00:00Z', ['engage_defect'], 'Acme'),
  ticket(3, '2026-11-04T09:00:00Z', ['vip']),
  ticket(4, '2026-11-10T09:00:00Z', ['rfh_team_distribution']),
];
const get = (path: string, params: Record<string, string>) => handleSearch(bundles, 'GET', path, new URLSearchParams(params), ORIGIN);

describe("the preview's search", () => {
  it('parses the query syntax the page uses and refuses the rest with what it understands', () => {
    expect(parseTicketQuery('type:ticket created>=2026-11-02 created<2026-11-09 tags:rfh tags:rfh_team_*')).toEqual({
      from: Date.parse('2026-11-02T00:00:00Z'),
      to: Date.parse('2026-11-09T00:00:00Z'),
      tags: [
        { tag: 'rfh', prefix: false },
        { tag: 'rfh_team_', prefix: true },
      ],
    });
    expect(parseTicketQuery('created:2026-11-03')).toMatchObject({ from: Date.parse('2026-11-03T00:00:00Z'), to: Date.parse('2026-11-04T00:00:00Z') });
    expect(() => parseTicketQuery('status:open')).toThrow(SearchQueryError);
    expect(() => parseTicketQuery('created>=2026-02-30')).toThrow(/not a day/);
  });

  it('counts', () => {
    expect(get('/api/v2/search/count.json', { query: 'type:ticket created>=2026-11-02 created<2026-11-09' })).toEqual({ status: 200, body: { count: 3 } });
    expect(get('/api/v2/search/count.json', { query: 'type:ticket tags:rfh tags:engage_defect tags:rfh_team_*' })).toEqual({ status: 200, body: { count: 3 } });
    expect(get('/api/v2/search/count.json', { query: 'what' })?.status).toBe(400);
  });

  it('exports with a cursor, as Zendesk pages it, organisations sideloaded', () => {
    const query = 'type:ticket tags:rfh tags:engage_defect tags:rfh_team_*';
    const first = get('/api/v2/search/export.json', { query, 'filter[type]': 'ticket', 'page[size]': '2', include: 'tickets(organizations)' });
    const body = first?.body as { results: { id: number; result_type: string }[]; organizations: { name: string }[]; meta: { has_more: boolean; after_cursor: string }; links: { next: string } };
    expect(body.results.map((r) => r.id)).toEqual([1, 2]);
    expect(body.results[0]?.result_type).toBe('ticket');
    expect(body.organizations.map((o) => o.name)).toEqual(['Acme']);
    expect(body.meta.has_more).toBe(true);
    expect(body.links.next.startsWith(`${ORIGIN}/api/v2/search/export.json?`)).toBe(true);
    const second = get('/api/v2/search/export.json', { query, 'filter[type]': 'ticket', 'page[size]': '2', 'page[after]': body.meta.after_cursor });
    const rest = second?.body as { results: { id: number }[]; meta: { has_more: boolean; after_cursor: string | null } };
    expect(rest.results.map((r) => r.id)).toEqual([4]);
    expect(rest.meta).toEqual({ has_more: false, after_cursor: null, before_cursor: null });
  });

  it('refuses an export without filter[type], a page over 1000 and a forged cursor', () => {
    expect(get('/api/v2/search/export.json', { query: 'type:ticket' })?.status).toBe(400);
    expect(get('/api/v2/search/export.json', { query: 'type:ticket', 'filter[type]': 'ticket', 'page[size]': '1001' })?.status).toBe(400);
    expect(get('/api/v2/search/export.json', { query: 'type:ticket', 'filter[type]': 'ticket', 'page[after]': 'nonsense' })?.status).toBe(400);
    expect(handleSearch(bundles, 'POST', '/api/v2/search/count.json', new URLSearchParams({ query: 'x' }), ORIGIN)?.status).toBe(405);
    expect(handleSearch(bundles, 'GET', '/api/v2/tickets.json', new URLSearchParams(), ORIGIN)).toBeNull();
  });
});

describe('the generated history', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  const history = generateHistory({ now });

  it('has over 1,000 tickets in the 12 weeks up to now, the same for the same moment', () => {
    expect(history.bundles.length).toBeGreaterThanOrEqual(1000);
    const times = history.bundles.map((b) => Date.parse(b.ticket.created_at));
    expect(Math.max(...times)).toBeLessThanOrEqual(now);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-09-14T00:00:00Z'));
    expect(history.bundles[0]?.ticket.id).toBe(HISTORY_FIRST_ID);
    expect(JSON.stringify(generateHistory({ now }))).toBe(JSON.stringify(history));
  });

  it('mixes teams, priorities, customers, defects, changed suggestions, and open and closed issues', () => {
    const tags = history.bundles.flatMap((b) => b.ticket.tags);
    expect(new Set(tags.filter((t) => t.startsWith('rfh_team_'))).size).toBe(7);
    expect(new Set(tags.filter((t) => /^rfh_priority_p/.test(t))).size).toBe(4);
    expect(new Set(history.bundles.map((b) => b.organization?.name)).size).toBeGreaterThanOrEqual(10);
    expect(tags.filter((t) => t === 'engage_defect').length).toBeGreaterThan(10);
    const changed = history.bundles.filter((b) => {
      const team = b.ticket.tags.find((t) => t.startsWith('rfh_team_'))?.slice('rfh_team_'.length);
      const suggested = b.ticket.tags.find((t) => t.startsWith('rfh_suggested_team_'))?.slice('rfh_suggested_team_'.length);
      return suggested !== undefined && suggested !== team;
    });
    expect(changed.length).toBeGreaterThan(10);
    expect(history.issues.filter((i) => i.closedAt === null).length).toBeGreaterThan(0);
    expect(history.issues.filter((i) => i.closedAt !== null).length).toBeGreaterThan(0);
  });

  it("numbers each tracker's issues from 1 in filing order, and every ticket links a planned issue", () => {
    for (const tracker of ['private', 'public'] as const) {
      const planned = history.issues.filter((i) => i.tracker === tracker);
      expect(planned.map((i) => i.number)).toEqual(planned.map((_, k) => k + 1));
      const sorted = [...planned].sort((a, b) => a.createdAt - b.createdAt);
      expect(sorted.map((i) => i.number)).toEqual(planned.map((i) => i.number));
    }
    const keys = new Set(history.issues.map((i) => `${i.tracker}#${i.number}`));
    for (const b of history.bundles) {
      for (const t of b.ticket.tags) {
        const m = /^rfh_(public_)?issue_(\d+)$/.exec(t);
        if (m) expect(keys.has(`${m[1] ? 'public' : 'private'}#${m[2]}`), t).toBe(true);
      }
    }
  });
});

describe('the nav_bar host', () => {
  const state = {
    currentUser: { id: 1, name: 'Agent', email: null, role: 'admin', locale: 'de', timeZone: { ianaName: 'Etc/UTC' }, avatarUrl: '', organizations: [], tags: [] },
    colorScheme: 'dark' as const,
    subdomain: 'engage-preview',
  };

  it('answers the user, the account and the scheme, and has no ticket', () => {
    const answer = answerNavBarGet(7, ['currentUser.locale', 'colorScheme', 'ticket.id'], state) as { id: number; result: Record<string, unknown> & { errors: Record<string, unknown> } };
    expect(answer.id).toBe(7);
    expect(answer.result['currentUser.locale']).toBe('de');
    expect(answer.result.colorScheme).toBe('dark');
    expect(Object.keys(answer.result.errors)).toEqual(['ticket.id']);
  });

  it('opens the insights page of the app', () => {
    expect(navBarIframeUrl('http://127.0.0.1:1', 'http://localhost:1', 'g', 'light')).toBe('http://127.0.0.1:1/app/assets/insights.html?origin=http%3A%2F%2Flocalhost%3A1&app_guid=g&colorScheme=light');
  });
});
