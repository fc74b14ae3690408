// The words shown for a match end on a whole word: a bounded regex may stop mid-word ("upgraded to 3.29.1 and
// th") or inside a pasted string ('update-log4j"}'), and that is what the agent sees and what reaches the issue.

const WORD = /[\p{L}\p{N}_]/u;
// What may not end a snippet: spaces, quotes, brackets and separators left hanging.
const TRAILING = /[\s'`{}[\](,;:|\\/<>=-]+$/;

/**
 * The end of the snippet `text.slice(start, end)` cut back to a word boundary, out of an unclosed quoted string and
 * stripped of trailing debris; `end` itself when nothing would be left.
 */
export function wordEnd(text: string, start: number, end: number): number {
  let e = end;
  // Cut inside a word: back to the space before it (unless the whole snippet is that one word).
  if (e < text.length && e > start && WORD.test(text.charAt(e)) && WORD.test(text.charAt(e - 1))) {
    const space = text.lastIndexOf(' ', e - 1);
    if (space > start) e = space;
  }
  let trimmed = text.slice(start, e).replace(TRAILING, '');
  // An unclosed double quote means the cut fell inside a quoted string: end before it.
  if ((trimmed.match(/"/g)?.length ?? 0) % 2 === 1) trimmed = trimmed.slice(0, trimmed.lastIndexOf('"')).replace(TRAILING, '');
  // A closing parenthesis without its opening one ("changed)") hangs too.
  if (trimmed.endsWith(')') && (trimmed.match(/\(/g)?.length ?? 0) < (trimmed.match(/\)/g)?.length ?? 0)) trimmed = trimmed.slice(0, -1).replace(TRAILING, '');
  return trimmed.length > 0 ? start + trimmed.length : e;
}
