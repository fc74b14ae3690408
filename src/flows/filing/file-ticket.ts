// One ticket → one issue per tracker, each step cheaper and more local than the next:
//   (a) the ticket's own link (tags / linked-issue field) on the loaded model: no request;
//   (b) this browser's record of a filing for the ticket: no request;
//   (c) the tracker, looked up for the ticket's visible marker: 1 request;
//   (d) create: 1 request (+ overflow comments);
//   (e) the write-back: 1 request.
// So a first filing costs 3 requests from the click to the link (access is checked when the form opens and
// remembered), and a retried write-back costs only the write-back.
import { findLinkedIssue, trackerOf } from '../../core/links.ts';
import type { RepoRef } from '../../core/settings.ts';
import type { LinkedIssue } from '../../core/types/filing.ts';
import { agentError, type AgentError } from '../../errors/agent-error.ts';
import { classifyGitHubError } from '../../github/errors.ts';
import type { GitHubService } from '../../github/index.ts';
import { repoKey, type RecordStore } from './record.ts';
import type { FileTicketArgs, FilingOutcome } from './types.ts';
import { writeBackStep } from './write-back.ts';

/** Error codes after which the create certainly did not happen (GitHub answered and refused). */
const NOT_CREATED: ReadonlySet<AgentError['code']> = new Set([
  'github_unauthorized',
  'github_no_push',
  'github_repo_not_found',
  'github_validation',
  'github_rate_limited',
]);

export interface FilingClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** How long after a create was sent it may still land on GitHub when no answer came back. */
  settleMs: number;
  /** After a create failed without an answer (dropped connection, timeout): how much longer it may still land. */
  afterNoAnswerMs: number;
}

/** Steps (a)–(e) for one ticket and tracker; the caller serialises calls per ticket. */
export async function fileTicketSteps(records: RecordStore, clock: FilingClock, args: FileTicketArgs): Promise<FilingOutcome> {
  const { client, github, settings, location, model, request } = args;
  const repo: RepoRef = { owner: request.owner, repo: request.repo };
  const progress = args.onProgress ?? (() => {});
  const writeBack = (issue: LinkedIssue, checkFirst: boolean) =>
    writeBackStep(records, { client, location, repo, issue, compose: args.writeBack, checkFirst });

  // (a) The ticket's own link for this tracker (one issue per tracker: a private link does not stop a public filing).
  const linked = findLinkedIssue(model, settings, trackerOf(repo, settings));
  if (linked && repoKey(linked) === repoKey(repo)) {
    return { issue: linked, created: false, writeBack: { ok: true } };
  }

  // (b) This browser's record.
  const record = records.read(location, repo);
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

  // (c) The tracker.
  progress('looking-up');
  const customerLabel = request.labels.find((l) => l.startsWith(settings.labels.customerPrefix));
  const findOptions: { customerLabel?: string; labelsApplied: boolean } = { labelsApplied: push };
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
    return { issue: found, created: false, writeBack: await writeBack(found, true) };
  }

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
  const outcome: FilingOutcome = { issue, created: true, writeBack: await writeBack(issue, false) };
  if (created.commentsError) {
    outcome.followUps = { posted: created.commentsPosted, total: request.comments.length, error: created.commentsError };
  }
  if (created.labelsDropped?.length) outcome.labelsDropped = created.labelsDropped;
  return outcome;
}
