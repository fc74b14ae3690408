// The internal note the sync adds to each linked ticket: plain text (Zendesk's `body`, never `html_body`), saying
// what happened on GitHub, who did it and where, with the engineer's words quoted for a comment. Its last line
// records the event's key, which is how a redelivered or re-run event finds its note already there.
import type { SyncEvent } from './event.ts';

/**
 * Zendesk refuses a comment over 64 KB. The note stays under it with room to spare; a longer comment is cut at a
 * line and ends with the link to the whole of it.
 */
export const ZENDESK_COMMENT_LIMIT_BYTES = 64 * 1024;
const NOTE_BUDGET_BYTES = ZENDESK_COMMENT_LIMIT_BYTES - 1024;

export const EVENT_LINE_LEAD = 'Engage sync · GitHub event ';

/** The note's last line, and what the idempotency check looks for. */
export function eventLine(key: string): string {
  return `${EVENT_LINE_LEAD}${key}`;
}

/** True when a ticket comment is the note for this event (its last line names the key). */
export function isNoteFor(commentBody: string | null | undefined, key: string): boolean {
  const lines = (commentBody ?? '').replace(/\r\n?/g, '\n').trimEnd().split('\n');
  return lines[lines.length - 1]?.trim() === eventLine(key);
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function headline(e: SyncEvent): string {
  const where = `${e.repo.fullName}#${e.issue.number} "${e.issue.title}"`;
  switch (e.kind) {
    case 'commented':
      return `${e.actor} commented on ${where} on GitHub:`;
    case 'closed': {
      const why = e.issue.stateReason === 'not_planned' ? ' as not planned' : e.issue.stateReason === 'duplicate' ? ' as a duplicate' : '';
      return `${e.actor} closed ${where} on GitHub${why}.`;
    }
    case 'reopened':
      return `${e.actor} reopened ${where} on GitHub.`;
    case 'assigned':
      return e.assignee === e.actor ? `${e.actor} took ${where} on GitHub (assigned themself).` : `${e.actor} assigned ${e.assignee} to ${where} on GitHub.`;
    case 'labeled':
      return `${e.actor} added the label "${e.label}" to ${where} on GitHub.`;
  }
}

/** "> " before every line, so the engineer's words read as a quote however they are written. */
function quote(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trimEnd()
    .split('\n')
    .map((l) => (l === '' ? '>' : `> ${l}`))
    .join('\n');
}

/** Cut a quote at a line so it fits `budget` bytes; false when nothing had to go. */
function cutToFit(text: string, budget: number): { text: string; cut: boolean } {
  if (bytes(text) <= budget) return { text, cut: false };
  const lines = text.split('\n');
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const size = bytes(line) + 1;
    if (used + size > budget) {
      // A single line longer than the budget is cut inside (by code point, never in the middle of a character).
      if (kept.length === 0) {
        let part = '';
        let size = 1;
        for (const ch of line) {
          size += bytes(ch);
          if (size > budget) break;
          part += ch;
        }
        kept.push(part);
      }
      break;
    }
    kept.push(line);
    used += size;
  }
  return { text: kept.join('\n'), cut: true };
}

export interface NoteOptions {
  /** The ticket is set back to open with this note (reopen-on-close, the issue closed). */
  reopening: boolean;
}

export function composeNote(e: SyncEvent, options: NoteOptions): string {
  const link = e.comment?.url ?? e.issue.url;
  const head = [headline(e), link];
  const tail: string[] = [];
  if (e.kind === 'closed') {
    tail.push(options.reopening ? 'The issue is closed: check the outcome with the customer. Engage set this ticket back to open if it was waiting.' : 'The issue is closed: check the outcome with the customer.');
  }
  tail.push(eventLine(e.key));
  let body = '';
  if (e.comment) {
    const fixed = bytes([...head, '', '', '', ...tail].join('\n'));
    const cutNotice = `[The comment is longer than a Zendesk note can hold; read the rest on GitHub: ${link}]`;
    const words = quote(e.comment.body === '' ? '(empty)' : e.comment.body);
    const fitted = cutToFit(words, NOTE_BUDGET_BYTES - fixed - bytes(cutNotice) - 2);
    body = fitted.cut ? `${fitted.text}\n\n${cutNotice}` : fitted.text;
  }
  return [...head, ...(body ? ['', body] : []), '', ...tail].join('\n');
}
