// A generated past for the preview (`npm start -- --history`), so the insights page has real figures to show: about
// 1,400 tickets over the 12 ISO weeks up to `now`, from a dozen customers, of which roughly one in ten needed
// engineering (the share drifts from week to week, some weeks over the 10% goal), a few defects and hand-offs,
// and the suggestion tags with the agent's own choice (mostly kept, sometimes changed). Every filing links an issue
// in the private tracker (a new one, or one a recent ticket of the same team already filed), some also a public
// one; the issues are filed, commented on and closed in the GitHub stand-in at the times the plan says
// (preview/history/seed.ts). Seeded: the same `now` and seed give the same history.
import type { TicketBundle } from '../../src/core/types/zendesk.ts';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
export const HISTORY_FIRST_ID = 60_001;
export const HISTORY_TICKETS = 1400;
export const HISTORY_WEEKS = 12;
export const PRIVATE_REPO = { owner: 'sourcegraph', repo: 'customer' } as const;
export const PUBLIC_REPO = { owner: 'sourcegraph', repo: 'sourcegraph' } as const;
/** The preview's account, as in the ticket marker `engage-zendesk-<subdomain>-<ticket id>`. */
const SUBDOMAIN = 'engage-preview';

/** mulberry32: a small seeded generator, so a generated past is the same on every run (tests and benchmarks use it
 * too, through test/support/seeded.ts). Not for anything that needs real randomness. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** `[item, weight]` pairs → one item, in proportion to the weights. */
function weighted<T>(rand: () => number, list: readonly (readonly [T, number])[]): T {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of list) {
    r -= w;
    if (r < 0) return item;
  }
  return list[list.length - 1]![0];
}

const TEAMS: readonly (readonly [string, number])[] = [
  ['distribution', 5],
  ['core-application', 6],
  ['code-intelligence', 3],
  ['search-core', 4],
  ['search-product', 2],
  ['web', 2],
  ['batch-changes', 2],
];

const SUBJECTS: Record<string, readonly string[]> = {
  distribution: ['Frontend pods OOMKilled after upgrade', 'Helm upgrade fails on gitserver', 'Migrator job fails during upgrade'],
  'core-application': ['Repositories not syncing from GitLab', 'SAML login fails for some users', 'Permissions not enforced for Bitbucket'],
  'code-intelligence': ['Go to definition broken for Java', 'SCIP upload succeeds but no references', 'Auto-indexing jobs stuck'],
  'search-core': ['Indexed search misses recent commits', 'zoekt-indexserver keeps restarting', 'Search results incomplete for monorepo'],
  'search-product': ['Code monitors stopped firing', 'Saved searches send no e-mails', 'Search context ignores repositories'],
  web: ['Browser extension buttons missing on GitHub', 'VS Code extension cannot connect', 'JetBrains plugin shows a blank panel'],
  'batch-changes': ['Batch change stuck publishing changesets', 'Batch spec steps fail in src batch', 'Changesets outdated after push'],
};
const EVERYDAY = ['How do I rotate the admin password?', 'Question about the release notes', 'Invite link expired', 'Where are the usage statistics?', 'Can we change the instance URL?', 'Request for a product demo recording'];

/** Customers, some much busier than others. */
const CUSTOMERS: readonly (readonly [{ id: number; name: string }, number])[] = [
  [{ id: 7101, name: 'Acme Corp' }, 14],
  [{ id: 7102, name: 'Globex' }, 11],
  [{ id: 7103, name: 'Initech' }, 9],
  [{ id: 7104, name: 'Umbrella' }, 8],
  [{ id: 7105, name: 'Stark Industries' }, 7],
  [{ id: 7106, name: 'Wayne Enterprises' }, 6],
  [{ id: 7107, name: 'Cyberdyne' }, 5],
  [{ id: 7108, name: 'Soylent' }, 4],
  [{ id: 7109, name: 'Hooli' }, 4],
  [{ id: 7110, name: 'Vandelay Industries' }, 3],
  [{ id: 7111, name: 'Northwind' }, 3],
  [{ id: 7112, name: 'Tyrell' }, 2],
];

export interface PlannedIssue {
  tracker: 'private' | 'public';
  /** The number the stand-in gives it: issues are filed in order into a fresh repository. */
  number: number;
  title: string;
  labels: string[];
  createdAt: number;
  /** Tickets added later: one marker comment each, at the ticket's time. */
  comments: { at: number; body: string }[];
  closedAt: number | null;
  body: string;
}

export interface History {
  bundles: TicketBundle[];
  issues: PlannedIssue[];
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const tagPart = (id: string) => id.replace(/-/g, '_');
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const marker = (ticketId: number) => `engage-zendesk-${SUBDOMAIN}-${ticketId}`;

export function generateHistory(options: { now: number; seed?: number; tickets?: number }): History {
  const rand = seeded(options.seed ?? 14);
  const count = options.tickets ?? HISTORY_TICKETS;
  const day = Math.floor(options.now / DAY_MS) * DAY_MS;
  const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
  const start = monday - (HISTORY_WEEKS - 1) * WEEK_MS;
  const span = options.now - start;
  // The RFH share per week: around 10%, so some weeks are over the goal and some under.
  const weekShare = Array.from({ length: HISTORY_WEEKS }, () => 0.07 + rand() * 0.07);
  // The suggestion tags exist since the third week (issue 14, item 1): older filings carry none.
  const suggestionsSince = start + 2 * WEEK_MS;

  const times = Array.from({ length: count }, () => start + Math.floor(rand() * span)).sort((a, b) => a - b);
  const issues: PlannedIssue[] = [];
  const openByTeam = new Map<string, PlannedIssue[]>();
  let privateNumber = 0;
  let publicNumber = 0;
  const bundles: TicketBundle[] = [];

  times.forEach((at, i) => {
    const id = HISTORY_FIRST_ID + i;
    const customer = weighted(rand, CUSTOMERS);
    const share = weekShare[Math.min(HISTORY_WEEKS - 1, Math.floor((at - start) / WEEK_MS))] as number;
    const roll = rand();
    const kind = roll < share ? 'rfh' : roll < share + 0.03 ? 'defect' : roll < share + 0.05 ? 'handoff' : 'other';
    const tags: string[] = [];
    let subject = pick(rand, EVERYDAY);
    let status: TicketBundle['ticket']['status'] = rand() < 0.85 ? 'solved' : 'open';
    if (kind === 'handoff') tags.push('engage_handoff_ce_sales');
    if (kind === 'rfh' || kind === 'defect') {
      const team = weighted(rand, TEAMS);
      const level = weighted(rand, [[0, 1], [1, 4], [2, 8], [3, 3]] as const);
      subject = pick(rand, SUBJECTS[team] as readonly string[]);
      tags.push(kind === 'rfh' ? 'rfh' : 'engage_defect', `rfh_team_${tagPart(team)}`, `rfh_priority_p${level}`);
      if (at >= suggestionsSince) {
        // Agents keep most suggestions; the ones they change show where the router needs teaching.
        const suggestedTeam = rand() < 0.78 ? team : weighted(rand, TEAMS.filter(([t]) => t !== team));
        const suggestedLevel = rand() < 0.85 ? level : Math.min(3, Math.max(0, level + (rand() < 0.5 ? -1 : 1)));
        tags.push(`rfh_suggested_team_${tagPart(suggestedTeam)}`, `rfh_suggested_priority_p${suggestedLevel}`);
      }
      // A recent open issue of the same team carries this ticket too (the same problem at another customer).
      const recent = (openByTeam.get(team) ?? []).filter((x) => at - x.createdAt < 3 * WEEK_MS && (x.closedAt === null || x.closedAt > at));
      let issue: PlannedIssue;
      if (recent.length && rand() < 0.3) {
        issue = pick(rand, recent);
        issue.comments.push({ at, body: `Another customer hit this.\n\n${marker(id)}` });
        const label = `customer/${slug(customer.name)}`;
        if (!issue.labels.includes(label)) issue.labels.push(label);
      } else {
        // Most issues close within weeks; the recent ones are more often still open.
        const closeAfter = Math.round((2 + rand() * rand() * 40) * DAY_MS);
        const closedAt = rand() < 0.75 && at + closeAfter < options.now ? at + closeAfter : null;
        issue = {
          tracker: 'private',
          number: ++privateNumber,
          title: `${customer.name}: ${subject}`,
          labels: ['rfh', `ce/p${level}`, `customer/${slug(customer.name)}`],
          createdAt: at,
          comments: [],
          closedAt,
          body: `Filed from Zendesk ticket #${id}.\n\n${marker(id)}`,
        };
        issues.push(issue);
        openByTeam.set(team, [...(openByTeam.get(team) ?? []), issue]);
      }
      tags.push(`rfh_issue_${issue.number}`);
      if (kind === 'rfh' && rand() < 0.12) {
        const pub: PlannedIssue = {
          tracker: 'public',
          number: ++publicNumber,
          title: subject,
          labels: [],
          createdAt: at,
          comments: [],
          closedAt: rand() < 0.5 && at + 10 * DAY_MS < options.now ? at + 10 * DAY_MS : null,
          body: `Reported by a customer.\n\n${marker(id)}`,
        };
        issues.push(pub);
        tags.push(`rfh_public_issue_${pub.number}`);
      }
      if (issue.closedAt === null) status = 'open';
    }
    const created = iso(at);
    const requester = 800_000 + customer.id;
    bundles.push({
      ticket: {
        id,
        subject,
        description: `${subject}.`,
        status,
        priority: 'normal',
        type: 'problem',
        tags,
        requester_id: requester,
        organization_id: customer.id,
        created_at: created,
        updated_at: created,
      },
      comments: [{ id: id * 10, author_id: requester, body: `${subject}. Could you help?`, public: true, created_at: created, attachments: [] }],
      users: [{ id: requester, name: `${customer.name} admin`, email: `admin@${slug(customer.name)}.example`, role: 'end-user', organization_id: customer.id }],
      organization: { id: customer.id, name: customer.name },
    });
  });
  return { bundles, issues };
}
