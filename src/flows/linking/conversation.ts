// The conversation with engineering on a linked issue: what is new since this agent last looked (read with at most
// one request per issue, and none when the issue's own state read shows nothing happened), and a reply from the
// sidebar, posted once: a double click joins the post in flight, and a retry after a lost answer looks for the
// same comment before posting again.
import { mayHaveNews, readSince, whatsNew, type News, type SeenIssue } from '../../core/conversation.ts';
import type { LinkedIssue, LinkedIssueState } from '../../core/types/filing.ts';
import type { TicketLocation } from '../../core/types/ticket.ts';
import { classifyGitHubError } from '../../github/errors.ts';
import type { GitHubService, IssueComment } from '../../github/index.ts';
import { createInFlight } from '../in-flight.ts';
import type { KeyValueStorage } from '../storage.ts';

export interface Conversation {
  /** What the agent saw last time (null on a first visit from this browser). */
  seen(location: TicketLocation, issue: LinkedIssue): SeenIssue | null;
  /** Remember what the agent sees now (the issue's state), for the next visit. */
  markSeen(location: TicketLocation, issue: LinkedIssue, state: 'open' | 'closed', at: Date, comments?: number): void;
  news(github: GitHubService, issue: LinkedIssue, state: LinkedIssueState, seen: SeenIssue | null): Promise<News>;
  reply(args: { github: GitHubService; location: TicketLocation; issue: LinkedIssue; body: string }): Promise<IssueComment>;
}

const key = (location: TicketLocation, issue: LinkedIssue, what: string) =>
  `engage:${what}:${location.subdomain}:${location.ticketId}:${issue.owner}/${issue.repo}#${issue.number}`.toLowerCase();

export function createConversation(storage: KeyValueStorage, now: () => number = Date.now): Conversation {
  const once = createInFlight<IssueComment>().run;
  const read = <T>(k: string): T | null => {
    try {
      const raw = storage.getItem(k);
      return raw === null ? null : (JSON.parse(raw) as T);
    } catch {
      return null;
    }
  };
  const write = (k: string, value: unknown): void => {
    try {
      storage.setItem(k, JSON.stringify(value));
    } catch {
      // Refused storage: the next visit shows no news rather than wrong news.
    }
  };
  return {
    seen(location, issue) {
      const s = read<SeenIssue>(key(location, issue, 'seen'));
      return s && typeof s.at === 'string' && (s.state === 'open' || s.state === 'closed') ? s : null;
    },
    markSeen(location, issue, state, at, comments) {
      const seen: SeenIssue = { at: at.toISOString(), state };
      if (comments !== undefined) seen.comments = comments;
      write(key(location, issue, 'seen'), seen);
    },
    async news(github, issue, state, seen) {
      if (!mayHaveNews(state, seen) || !seen) return whatsNew(state, [], seen);
      const comments = state.comments > 0 ? await github.commentsSince(issue, readSince(seen)) : [];
      return whatsNew(state, comments, seen);
    },
    reply({ github, location, issue, body }) {
      const postKey = key(location, issue, 'reply');
      return once(`${postKey} ${body}`, async () => {
        try {
          // A post of this very text whose answer never came (a reload, a timeout) may be on the issue: look first.
          const pending = read<{ body: string; at: string }>(postKey);
          if (pending && pending.body === body) {
            const landed = (await github.commentsSince(issue, pending.at)).find((c) => c.body.trim() === body.trim());
            if (landed) {
              storage.removeItem(postKey);
              return landed;
            }
          }
          write(postKey, { body, at: new Date(now() - 60_000).toISOString() });
          const posted = await github.addComment(issue, body);
          storage.removeItem(postKey);
          return posted;
        } catch (e) {
          throw classifyGitHubError(e, { repo: { owner: issue.owner, repo: issue.repo } });
        }
      });
    },
  };
}
