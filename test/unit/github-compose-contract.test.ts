// The core's exact requests (composeIssue / composeWriteBack) through the adapters, for real tickets of the
// routing corpus and an oversized one: GitHub's OpenAPI description (the stand-in) accepts every request, bodies
// and overflow comments stay within 65,536 characters and arrive in order, the write-back is accepted by the
// Zendesk API, and the ticket then links back to exactly that issue, so filing again files nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseBundleFile } from '../../src/cli/read-bundles.ts';
import { classify } from '../../src/core/classify.ts';
import { composeIssue, defaultDecisions } from '../../src/core/compose.ts';
import { findLinkedIssue } from '../../src/core/links.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { findTeam } from '../../src/core/teams.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { composeWriteBack } from '../../src/core/writeback.ts';
import { createFilingOrchestrator } from '../../src/flows/filing/orchestrator.ts';
import { inProcessLocks } from '../../src/flows/filing/locks.ts';
import { memoryStorage } from '../../src/flows/storage.ts';
import { createGitHub } from '../../src/github/index.ts';
import { loadTicketBundle } from '../../src/zendesk/ticket-source.ts';
import { FakeZafClient, SUBDOMAIN, makeBundle } from './github-fake-zaf.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const SILENT = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const LIMIT = 65_536;
const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');

function corpus(): TicketBundle[] {
  return readdirSync(CORPUS)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .flatMap((n) => parseBundleFile(readFileSync(join(CORPUS, n), 'utf8'), n).bundles);
}

/** A ticket far past GitHub's body limit: 500 comments of ~4 KB each (≈ 2 MB of text). */
function hugeTicket(): TicketBundle {
  const b = makeBundle({ id: 777001, comments: 500 });
  b.comments = b.comments.map((c, i) => ({
    ...c,
    body: `${c.body}\n${`Log line ${i}: gitserver-0 repo-updater timeout after 30s @someone #123 <!-- hidden -->\n`.repeat(45)}`,
  }));
  return b;
}

async function fileAndCheck(bundle: TicketBundle, tracker: 'private' | 'public' = 'private') {
  const client = new FakeZafClient({ bundles: [bundle] });
  const location = { subdomain: SUBDOMAIN, ticketId: bundle.ticket.id };
  const model = buildTicketModel(await loadTicketBundle(client, bundle.ticket.id));
  const decisions = { ...defaultDecisions(classify(model, DEFAULT_TEAMS, DEFAULT_SETTINGS), { tracker }) };
  if (!findTeam(DEFAULT_TEAMS, decisions.teamId)?.takesGithubIssues) decisions.teamId = 'distribution';
  const ctx = { settings: DEFAULT_SETTINGS, teams: DEFAULT_TEAMS, location };
  const request = composeIssue(model, decisions, ctx);
  const gh = createGitHub(client, DEFAULT_SETTINGS, { log: SILENT, pacing: false, timeUnitMs: 1, throttleId: `compose-${bundle.ticket.id}` });
  const args = {
    client,
    github: gh,
    settings: DEFAULT_SETTINGS,
    location,
    model,
    decisions,
    request,
    writeBack: (issue: Parameters<typeof composeWriteBack>[2]) => composeWriteBack(model, decisions, issue, ctx),
  };
  const outcome = await createFilingOrchestrator({ storage: memoryStorage(), locks: inProcessLocks() }).fileTicket(args);
  return { client, request, outcome, args, location };
}

describe('composed requests through the adapters', () => {
  it('every engineering ticket of the routing corpus files, writes back and links back', async () => {
    const bundles = corpus();
    expect(bundles.length).toBeGreaterThan(50);
    // Every fourth ticket keeps the run short; the sample still spans all teams and priorities of the corpus.
    for (const bundle of bundles.filter((_, i) => i % 4 === 0)) {
      const { client, request, outcome, args } = await fileAndCheck(bundle);
      expect(outcome.created, `ticket ${bundle.ticket.id}`).toBe(true);
      expect(outcome.writeBack, `ticket ${bundle.ticket.id}`).toEqual({ ok: true });
      const [stored] = client.standIn.storedIssues();
      expect(stored?.body).toBe(request.body);
      expect((stored?.labels as { name: string }[]).map((l) => l.name).sort()).toEqual([...request.labels].sort());
      // The ticket, loaded again, names this very issue; filing again makes no GitHub request at all.
      const reloaded = buildTicketModel(await loadTicketBundle(client, bundle.ticket.id));
      expect(findLinkedIssue(reloaded, DEFAULT_SETTINGS)?.number).toBe(outcome.issue.number);
      const before = client.githubLog().length;
      const again = await createFilingOrchestrator({ storage: memoryStorage(), locks: inProcessLocks() }).fileTicket({ ...args, model: reloaded });
      expect(again.created).toBe(false);
      expect(client.githubLog().length).toBe(before);
    }
  });

  it('a 2 MB ticket: body and follow-up comments within the limit, in order, all of them posted', async () => {
    const { client, request, outcome } = await fileAndCheck(hugeTicket());
    expect(request.comments.length).toBeGreaterThan(0);
    expect(outcome.followUps).toBeUndefined();
    const [stored] = client.standIn.storedIssues();
    expect(stored?.body?.length).toBeLessThanOrEqual(LIMIT);
    const comments = stored?.comment_list.map((c) => String(c.body)) ?? [];
    expect(comments).toEqual(request.comments);
    expect(comments.every((c) => [...c].length <= LIMIT)).toBe(true);
    // Customer text never pings anyone or hides the rest, whatever page it landed on.
    for (const text of [stored?.body ?? '', ...comments]) {
      expect(text).not.toMatch(/(^|[^\w\u200b])@someone/);
      expect(text).not.toContain('<!--');
    }
  });

  it('the public tracker: the redacted request is accepted and linked under its own tag', async () => {
    const bundle = corpus()[0]!;
    const { client, outcome } = await fileAndCheck(bundle, 'public');
    expect(outcome.issue.repo).toBe('sourcegraph');
    const reloaded = buildTicketModel(await loadTicketBundle(client, bundle.ticket.id));
    expect(findLinkedIssue(reloaded, DEFAULT_SETTINGS, 'public')?.number).toBe(outcome.issue.number);
    expect(findLinkedIssue(reloaded, DEFAULT_SETTINGS, 'private')).toBeNull();
  });
});
