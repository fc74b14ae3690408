// Two agents in two browsers, one ticket, one issue: before creating, a filing claims the ticket with a tag written
// as a Zendesk safe update (`updated_stamp` = the `updated_at` it last read). Zendesk serialises those writes, so of
// two agents who read the same ticket one claim lands and the other gets 409. The loser re-reads the ticket:
//   - the winner's link is there → it is the answer (no request to GitHub);
//   - the winner's claim is there → wait for the link, polling the ticket, for at most `claimTimeoutMs` of this
//     browser's own time since it first saw that claim (no comparison of two machines' clocks); then take over;
//   - nothing is there (the panel's ticket was merely stale: someone else changed it) → claim again, once.
// A claim that lands is checked in Zendesk's answer: another live claim beside it (two writes within the same
// second, which Zendesk's whole-second stamps cannot tell apart) means the other one was first: give way.
// The claim tag is `engage_filing_<tracker>_<unix seconds>_<token>`; the write-back removes it with the link.
// Its time stamp only speeds up the takeover of a claim abandoned long ago (beyond any plausible clock skew).
import { findLinks } from '../../core/links.ts';
import type { RepoRef, Settings } from '../../core/settings.ts';
import type { LinkedIssue, Tracker } from '../../core/types/filing.ts';
import type { TicketLocation, TicketModel } from '../../core/types/ticket.ts';
import { agentError } from '../../errors/agent-error.ts';
import type { ZafClient } from '../../zaf/client.ts';
import { readTicketState, removeTags, safeUpdateTags, type TicketState } from '../../zendesk/safe-update.ts';
import { repoKey } from './record.ts';
import type { FilingStep } from './types.ts';

export interface ClaimClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** How long a claim may stand without a link before another agent takes over (the winner vanished). */
  claimTimeoutMs: number;
  /** How often a waiting agent re-reads the ticket (the first re-reads come sooner). */
  pollMs: number;
}

/** A claim whose own time stamp is older than the bound plus this is abandoned at first sight (clocks may differ). */
const CLOCK_SKEW_MS = 10 * 60_000;
/** Unexplained 409s (no claim, no link on re-reading) tolerated before giving up: the stale panel's one retry. */
const MAX_UNEXPLAINED_CONFLICTS = 1;

const CLAIM = /^engage_filing_(private|public)_(\d{1,12})_([a-z0-9]{4,32})$/;

export function claimTag(tracker: Tracker, nowMs: number, token: string): string {
  return `engage_filing_${tracker}_${Math.floor(nowMs / 1000)}_${token}`;
}

export function newClaimToken(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The claim tags on a ticket for one tracker, with the time each says it was written. */
export function claimsOn(tags: readonly string[], tracker: Tracker): { tag: string; atMs: number }[] {
  const out: { tag: string; atMs: number }[] = [];
  for (const tag of tags) {
    const m = CLAIM.exec(tag);
    if (m && m[1] === tracker) out.push({ tag, atMs: Number(m[2]) * 1000 });
  }
  return out;
}

export type ClaimOutcome =
  /** This browser holds the ticket for this tracker. `lookUp`: an earlier filer may have created the issue (a
   * takeover, or our own earlier claim), so look the tracker up before creating. */
  | { kind: 'won'; tag: string; lookUp: boolean }
  /** Another agent's filing linked the ticket meanwhile. */
  | { kind: 'linked'; issue: LinkedIssue };

export interface ClaimArgs {
  client: ZafClient;
  settings: Settings;
  location: TicketLocation;
  model: TicketModel;
  repo: RepoRef;
  tracker: Tracker;
  clock: ClaimClock;
  onProgress: (step: FilingStep) => void;
  /** This browser's own earlier claims (a retry): replaced at once, and the tracker is looked up first. */
  ownTags?: readonly string[];
  /** Links the agent files beside (FileTicketArgs.exclude): another agent's filing is a link not among them. */
  exclude?: readonly number[];
}

function linkIn(args: ClaimArgs, state: TicketState): LinkedIssue | null {
  const customFields: TicketModel['customFields'] = {};
  for (const f of state.customFields) customFields[String(f.id)] = f.value;
  const model: TicketModel = { ...args.model, tags: state.tags, customFields: { ...args.model.customFields, ...customFields } };
  const excluded = new Set(args.exclude ?? []);
  const linked = findLinks(model, args.settings).find((l) => l.tracker === args.tracker && repoKey(l) === repoKey(args.repo) && !excluded.has(l.number));
  if (!linked) return null;
  const { tracker: _tracker, ...issue } = linked;
  return issue;
}

/** Claim the ticket for `args.tracker`, waiting for (or taking over from) another agent's filing when needed. */
export async function claimTicket(args: ClaimArgs): Promise<ClaimOutcome> {
  const { client, location, clock, tracker } = args;
  const ticketId = location.ticketId;
  const tag = claimTag(tracker, clock.now(), newClaimToken());
  const firstSeen = new Map<string, number>();
  let unexplained = 0;
  let polls = 0;
  const maxPolls = 20 + 4 * Math.ceil(clock.claimTimeoutMs / Math.max(1, clock.pollMs));
  const own = new Set(args.ownTags ?? []);
  const others = (tags: readonly string[]) => claimsOn(tags, tracker).filter((c) => c.tag !== tag && !own.has(c.tag));
  const mine = (tags: readonly string[]) => tags.filter((t) => own.has(t));
  // The first attempt uses the ticket as the panel loaded it: no read on the normal path. A claim already on it
  // (someone was filing when the panel loaded) is judged on a fresh read first.
  let state: TicketState = { updatedAt: args.model.updatedAt, tags: args.model.tags, customFields: [] };
  let attempt: { remove: string[]; lookUp: boolean } | null = null;
  let readNow = others(state.tags).length > 0;
  if (!readNow) attempt = { remove: mine(state.tags), lookUp: own.size > 0 };
  args.onProgress('claiming');

  for (;;) {
    let refused = false;
    if (attempt) {
      refused = true;
      const written = await safeUpdateTags(client, ticketId, { add: [tag], remove: attempt.remove, stamp: state.updatedAt });
      if (written !== 'conflict') {
        if (others(written.tags).length === 0) return { kind: 'won', tag, lookUp: attempt.lookUp };
        // Same-second writes: the rival's claim was there first. Give ours back and wait like any loser.
        await removeTags(client, ticketId, [tag]);
      }
      attempt = null;
    } else if (readNow) {
      readNow = false;
    } else {
      // Waiting for the other agent's link: the first re-reads come quickly (a filing takes a second or two).
      // Bounded: a takeover comes after claimTimeoutMs; this only stops a ticket whose claims keep changing.
      if (polls > maxPolls) throw agentError('zendesk_claim_stalled', { ticketId }, true);
      args.onProgress('waiting-for-other-agent');
      await clock.sleep(Math.min(clock.pollMs, 250 * 2 ** Math.min(polls, 4)));
      polls++;
    }

    state = await readTicketState(client, ticketId);
    const linked = linkIn(args, state);
    if (linked) return { kind: 'linked', issue: linked };
    const claims = others(state.tags);
    const now = clock.now();
    if (claims.length === 0) {
      // Nobody is filing: the 409 came from another change to the ticket (the panel's copy was stale), or the
      // other filing gave up. Claim again with what was just read.
      if (refused && unexplained++ >= MAX_UNEXPLAINED_CONFLICTS) {
        throw agentError('zendesk_claim_unsettled', { ticketId }, true);
      }
      attempt = { remove: mine(state.tags), lookUp: own.size > 0 };
      args.onProgress('claiming');
      continue;
    }
    for (const c of claims) if (!firstSeen.has(c.tag)) firstSeen.set(c.tag, now);
    const abandoned = claims.every(
      (c) => now - (firstSeen.get(c.tag) ?? now) >= clock.claimTimeoutMs || now - c.atMs >= clock.claimTimeoutMs + CLOCK_SKEW_MS,
    );
    if (abandoned) {
      // The winner vanished mid-filing: take over, replacing its claim. It may have created the issue: look first.
      attempt = { remove: [...claims.map((c) => c.tag), ...mine(state.tags)], lookUp: true };
      args.onProgress('claiming');
    }
  }
}
