// The use cases that move data between Zendesk and GitHub, for one ZAF client: file a ticket, read its linked
// issue's live state, check the tracker's access, record a hand-off to a team outside engineering. Loaded lazily by the sidebar (Octokit comes with it) and made
// once per panel session, so the access answers and the filing in flight are shared by every part of the panel.
import type { Settings } from '../core/settings.ts';
import type { LinkedIssue, LinkedIssueState } from '../core/types/filing.ts';
import { createAccessMemo, createGitHub, type CreateGitHubOptions, type GitHubService } from '../github/index.ts';
import type { ZafClient } from '../zaf/client.ts';
import { createFilingOrchestrator, type FilingOrchestrator, type FilingOrchestratorOptions } from './filing/orchestrator.ts';
import { createHandoffRecorder, type HandoffRecorder } from './handoff.ts';
import { createOpening, type Opening } from './opening.ts';
import { browserLocks } from './filing/locks.ts';
import { createLinking, type Linking } from './linking/linking.ts';
import { createConversation, type Conversation } from './linking/conversation.ts';
import { browserStorage, memoryStorage } from './storage.ts';

export interface Flows {
  /** A GitHub service under `settings`, sharing this session's remembered access answers. */
  github(settings: Settings): GitHubService;
  filing: FilingOrchestrator;
  /** The linked issue as GitHub has it now (state, assignees, labels, last activity). */
  linkedIssueState(settings: Settings, link: LinkedIssue): Promise<LinkedIssueState>;
  /** "Mark as posted": the hand-off's note and tag on the ticket, once. */
  handoff: HandoffRecorder;
  /** What the ticket's opening asks GitHub (access, a lost write-back), once per open. */
  opening: Opening;
  /** Add to an existing issue, unlink, point a private issue to its public one, similar issues. */
  linking: Linking;
  /** What is new on a linked issue since the agent looked, and the reply to engineering. */
  conversation: Conversation;
}

/** Where the panel's parts get the use cases (the session): the client, and the flows loaded on first use. */
export interface FlowsSource {
  client: ZafClient;
  flows(): Promise<Flows>;
}

export interface FlowsOptions {
  filing?: FilingOrchestratorOptions;
  github?: Omit<CreateGitHubOptions, 'access'>;
}

export function createFlows(client: ZafClient, options: FlowsOptions = {}): Flows {
  const access = createAccessMemo();
  const storage = options.filing?.storage ?? browserStorage() ?? memoryStorage();
  const github = (settings: Settings): GitHubService => createGitHub(client, settings, { ...options.github, access });
  const filing = createFilingOrchestrator(options.filing);
  return {
    github,
    filing,
    linkedIssueState: (settings, link) => github(settings).getIssueState(link),
    handoff: createHandoffRecorder(),
    opening: createOpening(github, (location, repo) => filing.busyWith(location, repo)),
    linking: createLinking(storage, options.filing?.locks ?? browserLocks(), options.filing?.now),
    conversation: createConversation(storage, options.filing?.now),
  };
}
