// The linking use cases for one panel session: add the ticket to an existing issue (never twice: a double click
// joins the call in flight, the tabs of one browser take turns through the filing lock, the record covers a reload),
// unlink an issue linked by mistake, point a private issue at its public one, and the similar-issues search.
import { isEngageComment, postedLine } from '../../core/issue-markers.ts';
import { noBacklinkUrl } from '../../core/links.ts';
import type { Settings } from '../../core/settings.ts';
import type { LinkedIssue } from '../../core/types/filing.ts';
import type { TicketLocation } from '../../core/types/ticket.ts';
import { classifyGitHubError } from '../../github/errors.ts';
import type { GitHubService } from '../../github/index.ts';
import { lockName } from '../filing/record.ts';
import type { LockManagerLike } from '../filing/locks.ts';
import { createInFlight } from '../in-flight.ts';
import type { KeyValueStorage } from '../storage.ts';
import { addToIssueSteps, type AddOutcome, type AddToIssueArgs } from './add-to-issue.ts';
import { LinkRecords } from './link-record.ts';
import { createSimilarSearch, type SimilarSearch } from './similar.ts';
import { unlinkSteps, type UnlinkArgs, type UnlinkOutcome } from './unlink.ts';

export interface Linking {
  addToIssue(args: AddToIssueArgs): Promise<AddOutcome>;
  unlink(args: UnlinkArgs): Promise<UnlinkOutcome>;
  /** After a public issue was filed from a private one: a comment on the private issue pointing to it, once. */
  pointToPublic(args: { github: GitHubService; settings: Settings; location: TicketLocation; privateIssue: LinkedIssue; publicIssue: LinkedIssue }): Promise<void>;
  similar: SimilarSearch;
}

export function createLinking(storage: KeyValueStorage, locks: LockManagerLike, now: () => number = Date.now): Linking {
  const records = new LinkRecords(storage, now);
  const once = createInFlight<unknown>().run as <T>(key: string, work: () => Promise<T>) => Promise<T>;
  const key = (location: TicketLocation, issue: LinkedIssue) => `${location.subdomain}/${location.ticketId} ${issue.owner}/${issue.repo}#${issue.number}`;
  const asAgentError = (issue: LinkedIssue) => (e: unknown) => {
    throw classifyGitHubError(e, { repo: { owner: issue.owner, repo: issue.repo } });
  };
  return {
    addToIssue(args) {
      return once(`add ${key(args.location, args.issue)}`, () =>
        locks.request(lockName(args.location), () => addToIssueSteps(records, args)).catch(asAgentError(args.issue)),
      );
    },
    unlink(args) {
      return once(`unlink ${key(args.location, args.link)}`, () =>
        locks.request(lockName(args.location), async () => {
          const outcome = await unlinkSteps(args);
          records.remove(args.location, args.link);
          return outcome;
        }).catch(asAgentError(args.link)),
      );
    },
    pointToPublic({ github, settings, location, privateIssue, publicIssue }) {
      return once(`point ${key(location, privateIssue)}`, async () => {
        const comments = await github.listComments(privateIssue);
        const text = pointerText(publicIssue);
        if (comments.some((c) => c.body.includes(text) && isEngageComment(c.body))) return;
        await github.addComment(privateIssue, pointerComment(settings, location, publicIssue));
      }).catch(asAgentError(privateIssue));
    },
    similar: createSimilarSearch(now),
  };
}

/**
 * The pointer on the private issue. A plain link to the public issue: on github.com through GitHub's redirect host,
 * which GitHub does not turn into a cross-reference (a timeline event on the public issue would show the private
 * repository's name to everyone who can see it).
 */
export function pointerComment(settings: Settings, location: TicketLocation, publicIssue: LinkedIssue): string {
  return [
    `The general problem is now tracked in the public tracker: [${pointerText(publicIssue)}](${noBacklinkUrl(settings, publicIssue.url)}).`,
    '',
    postedLine(location),
  ].join('\n');
}

function pointerText(issue: LinkedIssue): string {
  return `${issue.owner}/${issue.repo} issue ${issue.number}`;
}
