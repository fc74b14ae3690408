// One ticket → one issue per tracker, each step cheaper and more local than the next:
//   (a) the ticket's own link (tags / linked-issue field) on the loaded model: no request;
//   (b) this browser's record of a filing for the ticket: no request;
//   (c) the claim (claim.ts): a safe update of the ticket that only one agent's browser wins: 1 request. It stands
//       in for the tracker lookup: nobody creates without a claim, and only the write-back (which links the ticket)
//       removes one, so a ticket with neither link nor claim has no issue yet. The tracker is looked up (1 request)
//       only when a claim was there before ours (a takeover) or this browser may have created already;
//   (d) create: 1 request (+ overflow comments);
//   (e) the write-back, which also removes the claim: 1 request.
// So a first filing costs 3 requests from the click to the link (access is checked when the form opens and
// remembered), and a retried write-back costs only the write-back.
import { findLinks, trackerOf } from '../../core/links.ts';
import type { RepoRef } from '../../core/settings.ts';
import type { LinkedIssue } from '../../core/types/filing.ts';
import { agentError, type AgentError } from '../../errors/agent-error.ts';
import { classifyGitHubError } from '../../github/errors.ts';
import type { GitHubService } from '../../github/index.ts';
import { claimTicket, type ClaimClock } from './claim.ts';
import type { OwnClaims } from './own-claims.ts';
import { repoKey, type RecordStore } from './record.ts';
import type { FileTicketArgs, FilingOutcome, FilingStep } from './types.ts';
import { removeTags } from '../../zendesk/safe-update.ts';
import { writeBackStep } from './write-back.ts';

/** Error codes after which the create certainly did not happen (GitHub answered and refused). */
const NOT_CREATED: ReadonlySet<AgentError['code']> = new Set([
  'github_unauthorized',
  'github_no_push',
  'github_repo_not_found',
  'github_validation',
  'github_rate_limited',
]);

export interface FilingClock extends ClaimClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** How long after a create was sent it may still land on GitHub when no answer came back. */
  settleMs: number;
  /** After a create failed without an answer (dropped connection, timeout): how much longer it may still land. */
  afterNoAnswerMs: number;
}

/** Steps (a)–(e) for one ticket and tracker; the caller serialises calls per ticket. */
export async function fileTicketSteps(records: RecordStore, owned: OwnClaims, clock: FilingClock, args: FileTicketArgs): Promise<FilingOutcome> {
  const { client, github, settings, location, model, request } = args;
  const repo: RepoRef = { owner: request.owner, repo: request.repo };
  const tracker = trackerOf(repo, settings);
  const progress = args.onProgress ?? (() => {});
  // The write-back takes this browser's claim off the ticket with the link (one request), and forgets it once done.
  const writeBack = async (issue: LinkedIssue, checkFirst: boolean) => {
    const claim = owned.read(location, repo);
    const result = await writeBackStep(records, { client, location, repo, issue, compose: args.writeBack, checkFirst, removeTags: claim ? [claim.tag] : [] });
    if (result.ok) owned.remove(location, repo);
    return result;
  };

  const excluded = new Set(args.exclude ?? []);
  // (a) The ticket's own link for this tracker (one issue per tracker: a private link does not stop a public filing;
  // nor does a link the agent chose to file beside).
  const linked = findLinks(model, settings).find((l) => l.tracker === tracker && repoKey(l) === repoKey(repo) && !excluded.has(l.number));
  if (linked) {
    const { tracker: _tracker, ...issue } = linked;
    return { issue, created: false, writeBack: { ok: true } };
  }

  // (b) This browser's record (of an earlier filing the agent now files beside: not this one's).
  const kept = records.read(location, repo);
  const record = kept?.issue && excluded.has(kept.issue.number) ? null : kept;
  if (record?.phase === 'done' && record.issue) {
    return { issue: record.issue, created: false, writeBack: { ok: true } };
  }
  if (record?.phase === 'created' && record.issue) {
    progress('writing-back');
    return { issue: record.issue, created: false, writeBack: await writeBack(record.issue, true) };
  }

  // Labels make the issue findable (and are the handbook's rule): without push access GitHub drops them.
  const { push } = await github.checkAccess(repo);
  if (!push && !args.allowWithoutPush) {
    const setting = repoKey(repo) === repoKey(settings.publicRepo) ? 'public_repository' : 'private_repository';
    throw agentError('github_no_push', { repo: `${repo.owner}/${repo.repo}`, setting }, false);
  }

  // (c) The claim. A retry of this browser's own filing whose create may have landed still holds its claim while no
  // one could have taken over (the create's window ends well before the bound): it skips straight to the lookup.
  const own = owned.read(location, repo);
  const mayHaveCreated = record?.phase === 'creating';
  if (!(mayHaveCreated && own && clock.now() - own.atMs + clock.settleMs < clock.claimTimeoutMs)) {
    const claimed = await claimTicket({ client, settings, location, model, repo, tracker, clock, onProgress: progress, ownTags: own ? [own.tag] : [], exclude: [...excluded] });
    if (claimed.kind === 'linked') {
      // Another agent filed it: its link is on the ticket now (its write-back made it), nothing to write.
      records.write(location, repo, { phase: 'done', issue: claimed.issue });
      return { issue: claimed.issue, created: false, writeBack: { ok: true } };
    }
    owned.write(location, repo, { tag: claimed.tag, atMs: clock.now() });
    if (!claimed.lookUp && !mayHaveCreated) return createAndLink(records, owned, clock, args, { repo, push, writeBack, progress });
  }
  return lookUpThenCreate(records, owned, clock, args, { repo, push, writeBack, progress });
}

interface Step {
  repo: RepoRef;
  push: boolean;
  writeBack: (issue: LinkedIssue, checkFirst: boolean) => ReturnType<typeof writeBackStep>;
  progress: (step: FilingStep) => void;
}

/** (c') The tracker, looked up for the ticket's marker, before (d) and (e). */
async function lookUpThenCreate(records: RecordStore, owned: OwnClaims, clock: FilingClock, args: FileTicketArgs, step: Step): Promise<FilingOutcome> {
  const { settings, location, request, github } = args;
  const { repo, push, progress } = step;
  const record = records.read(location, repo);
  progress('looking-up');
  const customerLabel = request.labels.find((l) => l.startsWith(settings.labels.customerPrefix));
  const findOptions: { customerLabel?: string; labelsApplied: boolean; exclude?: readonly number[] } = { labelsApplied: push };
  if (args.exclude?.length) findOptions.exclude = args.exclude;
  if (customerLabel) findOptions.customerLabel = customerLabel;
  let found = await github.findByMarker(repo, request.marker, findOptions);
  // An earlier create whose answer never came (a reload mid-filing, a timeout) may still be on its way: when it is
  // not there yet, wait out its window and look once more. Usually it has landed and this costs nothing.
  if (!found && record?.phase === 'creating' && record.settleAt !== undefined && record.settleAt > clock.now()) {
    progress('waiting-for-earlier-attempt');
    await clock.sleep(record.settleAt - clock.now());
    progress('looking-up');
    found = await github.findByMarker(repo, request.marker, findOptions);
  }
  if (found) {
    records.write(location, repo, { phase: 'created', issue: found });
    progress('writing-back');
    return { issue: found, created: false, writeBack: await step.writeBack(found, true) };
  }
  return createAndLink(records, owned, clock, args, step);
}

/** (d) Create and (e) write back. */
async function createAndLink(records: RecordStore, owned: OwnClaims, clock: FilingClock, args: FileTicketArgs, step: Step): Promise<FilingOutcome> {
  const { location, request, github, client } = args;
  const { repo, progress } = step;
  // (d) Create.
  progress('creating');
  records.write(location, repo, { phase: 'creating', settleAt: clock.now() + clock.settleMs });
  let created: Awaited<ReturnType<GitHubService['createIssue']>>;
  try {
    created = await github.createIssue(request);
  } catch (e) {
    const error = classifyGitHubError(e, { repo });
    if (NOT_CREATED.has(error.code)) {
      records.remove(location, repo);
      // Nothing was created: give the claim back so another agent need not wait it out.
      const own = owned.read(location, repo);
      owned.remove(location, repo);
      if (own) await removeTags(client, location.ticketId, [own.tag]);
    } else if (error.code === 'network_down') {
      // No answer: it may have landed, or still be on its way for a moment.
      records.write(location, repo, { phase: 'creating', settleAt: clock.now() + clock.afterNoAnswerMs });
    } else {
      // GitHub (or the proxy) answered: the request is over, whether it landed or not; nothing to wait for.
      records.write(location, repo, { phase: 'creating', settleAt: clock.now() });
    }
    throw error;
  }
  const issue: LinkedIssue = { owner: created.owner, repo: created.repo, number: created.number, url: created.url };
  records.write(location, repo, { phase: 'created', issue });

  // (e) Write back.
  progress('writing-back');
  const outcome: FilingOutcome = { issue, created: true, writeBack: await step.writeBack(issue, false) };
  if (created.commentsError) {
    outcome.followUps = { posted: created.commentsPosted, total: request.comments.length, error: created.commentsError };
  }
  if (created.labelsDropped?.length) outcome.labelsDropped = created.labelsDropped;
  return outcome;
}
