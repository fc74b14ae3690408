// Fitting an issue into GitHub's limits: bodies and comments are at most 65,536 characters. What does not fit in the
// body goes, in order, into follow-up comments; the body says how many. Cuts fall between blocks (one block = one
// conversation message) whenever possible, else between lines of a block, else (only for absurdly long lines)
// inside a line at a point that keeps every escape intact and the line quoted (markdown.ts `cutLine`).

import { cutLine } from './markdown.ts';

/** GitHub's limit on issue and comment bodies. Counted in UTF-16 units, which is never fewer than GitHub counts. */
export const GITHUB_BODY_LIMIT = 65_536;

export interface SplitInput {
  /** Everything before the conversation (summary, Step-1 answers...). Kept in the body when it fits. */
  head: string;
  /** Conversation blocks in order, each one message with its header and quote lines. */
  blocks: string[];
  /** Always the last thing in the body (the ticket's marker line): the body must carry it. */
  tail: string;
  limit?: number;
}

export interface SplitResult {
  body: string;
  comments: string[];
}

const SEP = '\n\n';

/** The line the body ends with (before the tail) when the rest follows in comments. */
export function continuationNotice(count: number): string {
  return count === 1
    ? '**Continued:** the rest of the conversation did not fit here; it is in the next comment.'
    : `**Continued:** the rest of the conversation did not fit here; it is in the next ${count} comments.`;
}

/** The first line of each follow-up comment. */
export function commentHeader(index: number, count: number): string {
  return `**Conversation, continued (${index} of ${count})**`;
}

/** Cut a block into pieces of at most `max` characters, between lines where possible. */
function cutBlock(block: string, max: number): string[] {
  if (block.length <= max) return [block];
  const lines = block.split('\n').flatMap((line) => cutLine(line, max));
  const pieces: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length <= max) current = next;
    else {
      pieces.push(current);
      current = line;
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Greedy packing of blocks into pages of at most `room` characters (blocks joined by a blank line). */
function pack(blocks: string[], room: number): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let size = 0;
  for (const block of blocks.flatMap((b) => cutBlock(b, room))) {
    const added = page.length === 0 ? block.length : size + SEP.length + block.length;
    if (added <= room) {
      page.push(block);
      size = added;
    } else {
      pages.push(page);
      page = [block];
      size = block.length;
    }
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

function join(parts: string[]): string {
  return parts.filter((p) => p !== '').join(SEP);
}

/**
 * Assemble the body, and the follow-up comments when it is too long. Invariants (property-tested): every output is
 * at most `limit` characters; the body ends with `tail`; reading the body then the comments gives back `head`,
 * then every block in order (modulo the notice, the comment headers and the places where a block was cut).
 */
export function splitBody(input: SplitInput): SplitResult {
  const limit = input.limit ?? GITHUB_BODY_LIMIT;
  const whole = join([input.head, ...input.blocks, input.tail]);
  if (whole.length <= limit) return { body: whole, comments: [] };

  // Room in the body: the tail, a notice with room for a 6-digit count, and separators are reserved.
  const reserve = input.tail.length + continuationNotice(999_999).length + 3 * SEP.length;
  const bodyRoom = limit - reserve;
  const headerRoom = commentHeader(999_999, 999_999).length + SEP.length;
  const commentRoom = limit - headerRoom;
  if (bodyRoom < 200 || commentRoom < 200) throw new RangeError(`a body limit of ${limit} characters is too small`);

  // Fill the body in order with whole blocks; stop at the first that does not fit (order is kept), unless the
  // body is still empty, in which case that block is cut so the body carries its start.
  const units = [input.head, ...input.blocks].filter((b) => b !== '');
  const inBody: string[] = [];
  let size = 0;
  let i = 0;
  for (; i < units.length; i++) {
    const unit = units[i] as string;
    const added = inBody.length === 0 ? unit.length : size + SEP.length + unit.length;
    if (added > bodyRoom) break;
    inBody.push(unit);
    size = added;
  }
  let rest = units.slice(i);
  if (inBody.length === 0 && rest.length > 0) {
    const [firstPiece, ...others] = cutBlock(rest[0] as string, bodyRoom);
    inBody.push(firstPiece as string);
    rest = [...others, ...rest.slice(1)];
  }

  const pages = pack(rest, commentRoom);
  const comments = pages.map((page, n) => join([commentHeader(n + 1, pages.length), ...page]));
  const body = join([...inBody, continuationNotice(pages.length), input.tail]);
  return { body, comments };
}
