// What filing takes and gives: the arguments of each use case and the outcome the sidebar shows.
import type { Settings } from '../../core/settings.ts';
import type { FilingDecisions, IssueRequest, LinkedIssue, WriteBack } from '../../core/types/filing.ts';
import type { TicketLocation, TicketModel } from '../../core/types/ticket.ts';
import type { AgentError } from '../../errors/agent-error.ts';
import type { GitHubService } from '../../github/index.ts';
import type { ZafClient } from '../../zaf/client.ts';

export type WriteBackResult = { ok: true } | { ok: false; error: AgentError };

export interface FilingOutcome {
  issue: LinkedIssue;
  /** true only when THIS call created the issue. */
  created: boolean;
  writeBack: WriteBackResult;
  /** Present when the body overflowed into follow-up comments and not all of them could be posted. */
  followUps?: { posted: number; total: number; error: AgentError };
  /**
   * Labels GitHub dropped on the create: the token lost push access after the remembered check (within its few
   * minutes). The issue exists without them; the agent adds them by hand once access is back.
   */
  labelsDropped?: string[];
}

/** What the sidebar can show while filing runs. */
export type FilingStep = 'claiming' | 'waiting-for-other-agent' | 'waiting-for-earlier-attempt' | 'looking-up' | 'creating' | 'writing-back';

/** Composes the ticket's write-back once the issue is known. */
export type ComposeWriteBack = (issue: LinkedIssue) => WriteBack;

export interface FileTicketArgs {
  client: ZafClient;
  github: GitHubService;
  settings: Settings;
  location: TicketLocation;
  model: TicketModel;
  decisions: FilingDecisions;
  request: IssueRequest;
  writeBack: ComposeWriteBack;
  /** File even though the token cannot push (GitHub then drops the labels). Default false: refuse with github_no_push. */
  allowWithoutPush?: boolean;
  /**
   * Issues the ticket already links that the agent chose to file beside (a defect after a request for help): they
   * do not count as "this ticket's issue" for the never-twice checks. Absent: any link in the tracker is the issue.
   */
  exclude?: readonly number[];
  onProgress?: (step: FilingStep) => void;
}

export interface RetryWriteBackArgs {
  client: ZafClient;
  location: TicketLocation;
  issue: LinkedIssue;
  writeBack: ComposeWriteBack;
  onProgress?: (step: FilingStep) => void;
}

export interface FinishFollowUpsArgs {
  github: GitHubService;
  issue: LinkedIssue;
  request: IssueRequest;
  /** How many of `request.comments` are already on the issue (`FilingOutcome.followUps.posted`). */
  posted: number;
}
