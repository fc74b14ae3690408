// What the panel asks GitHub when a ticket opens, after the first paint, once per open and shared by every part of
// the panel: whether the token can push to a tracker (the notice at the top of the panel and the warning beside
// File read the same answer, so the check stays one request), and whether an issue already carries this ticket's
// marker though the ticket has no link (a lost write-back).
//
// Cost: the access check (1 request, which the File click then reuses) and, for a ticket without a link, the
// lookup (1 listing request by customer label, never search), both after the first paint. Issue 12's
// similar-issues search may later answer the lookup too, saving its request.
import type { LostLinkQuery } from '../core/lost-link.ts';
import type { RepoRef, Settings } from '../core/settings.ts';
import type { TicketLocation } from '../core/types/ticket.ts';
import type { FoundIssue, GitHubService } from '../github/index.ts';

export interface Opening {
  /**
   * Whether the token can push to `repo`, asked once per open whatever the answer (a failure too: the panel's parts
   * show the same one). The File click asks again through the service unless a positive answer is remembered.
   */
  access(settings: Settings, repo: RepoRef): Promise<{ push: boolean }>;
  /**
   * The issue in the private tracker carrying this ticket's marker, when the token can push there and this browser
   * has no record of a filing for the ticket (its own steps cover those). Null when there is none, or when a filing
   * started while the lookup was out (its issue is not lost).
   */
  lostLink(args: { settings: Settings; location: TicketLocation; query: LostLinkQuery }): Promise<FoundIssue | null>;
}

/** `busyWith`: whether this browser is filing (or has filed) the ticket in that tracker (the orchestrator's). */
export function createOpening(
  github: (settings: Settings) => GitHubService,
  busyWith: (location: TicketLocation, repo: RepoRef) => boolean,
): Opening {
  const asked = new Map<string, Promise<{ push: boolean }>>();
  const access = (settings: Settings, repo: RepoRef): Promise<{ push: boolean }> => {
    const key = `${settings.githubApiUrl} ${repo.owner}/${repo.repo}`.toLowerCase();
    let answer = asked.get(key);
    if (!answer) {
      answer = github(settings).checkAccess(repo);
      asked.set(key, answer);
    }
    return answer;
  };
  return {
    access,
    async lostLink({ settings, location, query }) {
      if (busyWith(location, query.repo)) return null;
      // Without push access GitHub dropped the labels, so the listing cannot see the issue (and search is not for
      // every opening): the notice about the token comes first anyway.
      const { push } = await access(settings, query.repo);
      if (!push) return null;
      const found = await github(settings).findByMarker(query.repo, query.marker, { customerLabel: query.customerLabel, listOnly: true });
      // A filing of this browser that started meanwhile (its own or a rival's issue it is waiting for) is not lost.
      return found && !busyWith(location, query.repo) ? found : null;
    },
  };
}
