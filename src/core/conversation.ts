// The conversation with engineering, as the sidebar shows it on a visit: what is new on a linked issue since this
// agent last looked (comments and state changes, newest first, with an unread count), and the reply an agent posts
// from the sidebar. Pure: the reads and the post are the flows' (flows/linking/conversation.ts).
import { isEngageComment, postedLine } from './issue-markers.ts';
import { escapeLine, normalizeText, quoteLines, wrapLine } from './markdown.ts';
import { maskCredentials } from './mask.ts';
import { GITHUB_BODY_LIMIT } from './split.ts';
import type { LinkedIssueState } from './types/filing.ts';
import type { TicketLocation } from './types/ticket.ts';

/** What this agent saw of an issue on the last visit. */
export interface SeenIssue {
  /** When the agent last looked (ISO time). */
  at: string;
  state: 'open' | 'closed';
  /**
   * How many comments the issue had then. GitHub's times are whole seconds, so a comment made in the second the agent
   * looked cannot be told from one seen by its time alone; the count can.
   */
  comments?: number;
}

export type NewsItem =
  | { kind: 'comment'; id: number; author: string; at: string; text: string; url: string; fromEngage: boolean }
  | { kind: 'closed' | 'reopened'; at: string };

export interface News {
  items: NewsItem[];
  /** What counts as unread: the items not written from Engage itself (this agent's own replies are not news). */
  unread: number;
}

/** The time to read comments from: a second before the look, since GitHub's times are whole seconds. */
export function readSince(seen: SeenIssue): string {
  return new Date(Date.parse(seen.at) - 1000).toISOString();
}

/** Whether the comments must be read at all: something happened since the agent looked. */
export function mayHaveNews(state: LinkedIssueState, seen: SeenIssue | null): boolean {
  if (!seen) return false; // a first visit: everything is new, nothing is "news"; the agent starts from here
  if (seen.comments !== undefined && state.comments !== seen.comments) return true;
  return Date.parse(state.updatedAt) > Date.parse(seen.at) || state.state !== seen.state;
}

/** The news, newest first: comments since the last look, and the state change when there was one. */
export function whatsNew(
  state: LinkedIssueState,
  comments: readonly { id: number; author: string; createdAt: string; body: string; url: string }[],
  seen: SeenIssue | null,
): News {
  if (!seen) return { items: [], unread: 0 };
  const since = Date.parse(seen.at);
  // With the count: the newest comments beyond it (GitHub lists oldest first); else those after the look.
  const added = seen.comments === undefined ? null : Math.max(0, state.comments - seen.comments);
  const fresh = added === null ? comments.filter((c) => Date.parse(c.createdAt) > since) : added === 0 ? [] : comments.slice(-added);
  const items: NewsItem[] = fresh
    .map((c) => ({ kind: 'comment', id: c.id, author: c.author, at: c.createdAt, text: plainExcerpt(c.body), url: c.url, fromEngage: isEngageComment(c.body) }));
  if (state.state !== seen.state) {
    const at = state.state === 'closed' ? (state.closedAt ?? state.updatedAt) : state.updatedAt;
    items.push({ kind: state.state === 'closed' ? 'closed' : 'reopened', at });
  }
  // Newest first; within the same second a state change is taken as the later event ("commented and closed").
  items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.kind === 'comment' ? 1 : 0) - (b.kind === 'comment' ? 1 : 0));
  return { items, unread: items.filter((i) => !(i.kind === 'comment' && i.fromEngage)).length };
}

/** A comment as one short plain line for the sidebar (React escapes it; Markdown marks are dropped for reading). */
function plainExcerpt(body: string, max = 280): string {
  const lines = normalizeText(body)
    .split('\n')
    .filter((l) => !/^(?:Filed|Added|Unlinked|Posted) from Zendesk by Engage · /.test(l.trim()));
  const flat = lines.join(' ').replace(/[*_`#>]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The reply an agent posts to engineering from the sidebar: the agent's words as paragraphs (escaped like any text
 * Engage writes: no mention, no reference, no HTML), the customer's words it quotes as a `> ` quote made safe the
 * same way, credentials masked in both, and the ticket's "posted" line last (so the sync never echoes it back to
 * the ticket, and it never counts as a link). Within GitHub's comment limit.
 */
export function composeReply(text: string, quote: string | null, location: TicketLocation): string {
  const own = normalizeText(maskCredentials(text))
    .split('\n')
    // No indentation: four spaces would make a code block of the agent's line.
    .flatMap((l) => wrapLine(l.trimStart()))
    .map((l) => escapeLine(l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const quoted = quote && quote.trim() !== '' ? ['**The customer wrote:**', ...quoteLines(maskCredentials(quote))].join('\n') : '';
  const tail = postedLine(location);
  const room = GITHUB_BODY_LIMIT - tail.length - 8;
  let body = [own, quoted].filter((p) => p !== '').join('\n\n');
  // Cut between lines (each at most 2,000 characters, markdown.ts), so no escape is split.
  if (body.length > room) body = body.slice(0, body.lastIndexOf('\n', room));
  return `${body}\n\n${tail}`;
}
