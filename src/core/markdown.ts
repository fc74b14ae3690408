// Safe quoting of customer and agent text into GitHub-flavoured markdown.
//
// Whatever the text holds, once it passes through here it renders as the same visible characters, inside its
// `> ` quote, and nothing else: no @-mention (U+200B after `@`), no issue reference (`#123`, `GH-123`,
// `owner/repo#123`, GitHub issue URLs), no hidden content (`<!--`, link reference definitions, math), no HTML, no
// code block, heading, list, table or thematic break, no way out of the quote.
//
// The approach is "escape by construction", not "detect the bad things":
// - every line becomes its own quote line (`> ...`, or `>` when blank) so no line can leave the blockquote;
// - the first visible character of every line is made inert (backslash, or leading blanks turned into U+00A0, which
//   CommonMark does not count as indentation) so no block construct can start;
// - inline characters that start markdown constructs are backslash-escaped (`\ \` * _ ~ [ ] $`), `<` `>` and
//   entity-forming `&` become character references, so no inline HTML, code span, emphasis, link or math forms;
// - URLs are written as CommonMark autolinks `<https://...>`, whose content is taken literally, so they stay
//   clickable and are not mangled by the escaping above;
// - a zero-width space goes after `@`, between `#` and a digit and between `GH-` and a digit, and before the number
//   of a GitHub issue/pull-request URL, so GitHub's mention and reference filters never fire.
// The property tests parse the output with a real CommonMark parser to prove these claims.

export const ZWSP = '\u200B';
const NBSP = '\u00A0';

/** Longest piece of one original line kept on one quote line; longer lines are wrapped (see `wrapLine`). */
export const MAX_SOURCE_LINE = 2000;

// Line separators that some renderers and editors honour although CommonMark does not: all become `\n`.
const LINE_BREAKS = /\r\n|[\r\u2028\u2029\u0085\u000B\u000C]/g;
// C0/C1 control characters other than tab and newline, DEL, and the bidirectional overrides/isolates
// (they can visually reorder text, "Trojan source"). NUL becomes U+FFFD first, as CommonMark requires.
const CONTROLS = /[\u0001-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u202A-\u202E\u2066-\u2069]/g;
// Unpaired UTF-16 surrogates: GitHub's JSON API refuses them.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Line endings to `\n`, control characters removed, NUL and lone surrogates to U+FFFD. */
export function normalizeText(text: string): string {
  return text
    .replace(LINE_BREAKS, '\n')
    .replace(/\u0000/g, '\uFFFD')
    .replace(CONTROLS, '')
    .replace(LONE_SURROGATE, '\uFFFD');
}

// GitHub issue/PR/discussion URLs (github.com or an Enterprise host with "github" in its name): GitHub turns them
// into cross-references; a ZWSP before the number stops that and leaves the text readable.
const GITHUB_ISSUE_URL = /(github[^\s/]*\/[^\s/]+\/[^\s/]+\/(?:issues|pull|pulls|discussions)\/)(?=\d)/gi;

/**
 * Insert U+200B where GitHub would otherwise notify or cross-reference: after every `@`, between `#` and a digit,
 * between `GH-` and a digit, and before the number of an issue URL. The visible text does not change.
 */
export function neutralizeReferences(text: string): string {
  return text
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/(gh-)(?=\d)/gi, `$1${ZWSP}`)
    .replace(GITHUB_ISSUE_URL, `$1${ZWSP}`);
}

// A URL as GitHub would autolink it; it ends at whitespace or a character an autolink cannot hold, and trailing
// sentence punctuation is not part of it (see trimUrl).
// It may follow any character but a letter or digit ("_https://..." is still linked by GitHub).
const URL_RE = /(?<![A-Za-z0-9])(?:https?|ftp):\/\/[^\s<>"'`[\]\\{}|^]+/gi;

function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const ch = url[end - 1];
    if (ch === undefined) break;
    if ('.,;:!?*_~'.includes(ch)) {
      end--;
      continue;
    }
    if (ch === ')') {
      const body = url.slice(0, end);
      const open = body.split('(').length - 1;
      const close = body.split(')').length - 1;
      if (close > open) {
        end--;
        continue;
      }
    }
    break;
  }
  return url.slice(0, end);
}

/** Characters that start an inline construct anywhere in a line, escaped with a backslash. */
const INLINE_SPECIAL = new Set(['\\', '`', '*', '_', '~', '[', ']', '$']);
/**
 * Extra characters escaped in single-line values, which may land in a table cell (`|`) or at the end of an ATX
 * heading, where a trailing run of `#` would be taken as the heading's closing sequence and disappear.
 */
const INLINE_VALUE_SPECIAL = new Set(['|', '#']);

// An `&` followed by this would form a character reference (`&amp;`, `&#60;`, `&#x3C;`): it gets escaped.
const ENTITY_TAIL = /^(?:#|[A-Za-z][A-Za-z0-9]{0,40};)/;

// Every character escapeRun may change; anything else is copied as is (one regex pass, no per-character loop).
const RUN_SPECIAL = /[<>&\\`*_~[\]$:|#]/g;

/** Escape `text.slice(from, to)`, a run of non-URL text; `text` gives the context after the run. */
function escapeRun(text: string, from: number, to: number, extra: ReadonlySet<string> | null): string {
  return text.slice(from, to).replace(RUN_SPECIAL, (ch: string, offset: number) => {
    const i = from + offset;
    switch (ch) {
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '&':
        return ENTITY_TAIL.test(text.slice(i + 1, i + 43)) ? '&amp;' : '&';
      case ':':
        // A scheme we did not turn into an autolink must not be linked from the raw text either (GitHub and
        // markdown-it link `scheme://...` from the source, escapes and all): `\:` stops that.
        return text.startsWith('//', i + 1) || /mailto$/i.test(text.slice(Math.max(0, i - 6), i)) ? '\\:' : ':';
      case '|':
        return extra !== null && extra.has('|') ? '\\|' : '|';
      default:
        return INLINE_SPECIAL.has(ch) || (extra !== null && extra.has(ch)) ? `\\${ch}` : ch;
    }
  });
}

/** Escape inline content: URLs become autolinks (taken literally), the rest is escaped character by character. */
function escapeInline(text: string, extra: ReadonlySet<string> | null): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    // Character references inside autolinks are decoded by renderers: the URL ends before one.
    const entity = m[0].search(/&(?:#|[A-Za-z][A-Za-z0-9]{0,40};)/);
    const url = trimUrl(entity < 0 ? m[0] : m[0].slice(0, entity));
    // Needs a host; `http://` alone stays plain text.
    if (!/^[a-z]+:\/\/[^/]/i.test(url)) continue;
    out += escapeRun(text, last, m.index, extra);
    out += `<${url}>`;
    last = m.index + url.length;
  }
  out += escapeRun(text, last, text.length, extra);
  return out;
}

/**
 * Make the start of a line inert: no heading, list, thematic break, setext underline, table delimiter row, fence,
 * HTML block, blockquote or link reference definition can begin with what `escaped` starts with.
 * (`*`, `_`, `~`, `` ` ``, `[`, `<`, `>` are already escaped everywhere.)
 */
function escapeLineStart(escaped: string): string {
  const first = escaped[0];
  if (first === undefined) return escaped;
  if ('#-+=|:'.includes(first)) return `\\${escaped}`;
  const ordered = /^(\d{1,9})([.)])/.exec(escaped);
  if (ordered) return `${ordered[1]}\\${escaped.slice(ordered[1]!.length)}`;
  return escaped;
}

/** Leading blanks → U+00A0 (kept visible, never indentation); trailing blanks dropped. */
function splitIndent(line: string): { indent: string; rest: string } {
  const trimmed = line.replace(/[ \t]+$/, '');
  const m = /^[ \t]*/.exec(trimmed);
  const lead = m ? m[0] : '';
  const indent = lead.replace(/\t/g, '    ').replace(/ /g, NBSP);
  return { indent, rest: trimmed.slice(lead.length) };
}

/**
 * Escape one normalized line (no line breaks) so it is inert markdown paragraph text.
 * The result may be placed after `> ` or at the start of a line.
 */
export function escapeLine(line: string, extra: ReadonlySet<string> | null = null): string {
  const { indent, rest } = splitIndent(line);
  if (rest === '') return '';
  const escaped = escapeInline(neutralizeReferences(rest), extra);
  return indent === '' ? escapeLineStart(escaped) : indent + escapeLineStart(escaped);
}

/**
 * Break an over-long line into pieces of at most `max` UTF-16 units, preferring the last blank inside the window
 * and never splitting a surrogate pair. Keeps each quote line far below GitHub's body limit.
 */
export function wrapLine(line: string, max = MAX_SOURCE_LINE): string[] {
  if (line.length <= max) return [line];
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/**
 * Quote arbitrary text: one `> ` line per line (blank lines become `>`, runs of them collapse to one, leading and
 * trailing ones are dropped). Returns the quote lines; empty text gives no lines.
 */
export function quoteLines(text: string): string[] {
  const lines = normalizeText(text).split('\n');
  const out: string[] = [];
  let pendingBlank = false;
  for (const source of lines) {
    for (const piece of wrapLine(source)) {
      const escaped = escapeLine(piece);
      if (escaped === '') {
        pendingBlank = out.length > 0;
        continue;
      }
      if (pendingBlank) out.push('>');
      pendingBlank = false;
      out.push(`> ${escaped}`);
    }
  }
  return out;
}

/** `quoteLines` joined with newlines. */
export function quote(text: string): string {
  return quoteLines(text).join('\n');
}

/** Collapse all whitespace (line breaks included) to single spaces and cut to `max` characters with an ellipsis. */
export function oneLine(text: string, max = Infinity): string {
  const flat = normalizeText(text).replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = Math.max(0, max - 1);
  const space = flat.lastIndexOf(' ', cut);
  if (space >= cut * 0.6) cut = space;
  const code = flat.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${flat.slice(0, cut).trimEnd()}…`;
}

/**
 * A single-line value (customer name, note, file name) made safe anywhere inside our own markdown: in a paragraph,
 * a list item, a heading, link text or a table cell. Line breaks collapse to spaces.
 */
export function inline(text: string, max = Infinity): string {
  const flat = oneLine(text, max);
  if (flat === '') return '';
  return escapeLineStart(escapeInline(neutralizeReferences(flat), INLINE_VALUE_SPECIAL));
}

/**
 * A plain-text value for places GitHub does not render as markdown but does scan for references (issue titles):
 * one line, at most `max` characters, no mention or reference.
 */
export function plainText(text: string, max = Infinity): string {
  return neutralizeReferences(oneLine(text, max));
}

// A token that must never be cut: a backslash escape, a character reference, an autolink, a surrogate pair, each
// with a zero-width space that follows it (that space is what neutralises a mention or reference).
const TOKEN_AT = /\\[\s\S]|&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#[xX][0-9A-Fa-f]+);|<[A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*>|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/y;

/** Positions in `line` where it may be cut without breaking an escape, an entity, an autolink or a ZWSP pairing. */
function tokenEnds(line: string, from: number, upTo: number): number[] {
  const ends: number[] = [];
  let i = from;
  while (i < line.length && i <= upTo) {
    TOKEN_AT.lastIndex = i;
    const m = TOKEN_AT.exec(line);
    let end = i + (m ? m[0].length : 1);
    while (line[end] === ZWSP) end++;
    if (end > upTo) break;
    ends.push(end);
    i = end;
  }
  return ends;
}

/**
 * Cut one line of our markdown into pieces of at most `max` characters, for when even a single line does not fit
 * into a GitHub comment. A quote line (`> ...`) stays a quote line in every piece, and every continuation starts
 * inert (its first character escaped, leading blanks as U+00A0), so the cut changes only where the line breaks.
 */
export function cutLine(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const quoted = line.startsWith('> ');
  const prefix = quoted ? '> ' : '';
  const minimum = prefix.length + 16;
  if (max < minimum) throw new RangeError(`cannot cut a line into pieces of ${max} characters`);
  const pieces: string[] = [];
  let rest = line.slice(prefix.length);
  while (prefix.length + rest.length > max) {
    const ends = tokenEnds(rest, 0, max - prefix.length);
    const cut = ends[ends.length - 1];
    if (cut === undefined) {
      // Only an autolink can be longer than the room left: write its URL as escaped text, which can be cut.
      const auto = /^<([^<>\s]*)>/.exec(rest);
      if (!auto) throw new RangeError(`cannot cut a line into pieces of ${max} characters`);
      const url = auto[1] as string;
      rest = escapeRun(url, 0, url.length, null) + rest.slice(auto[0].length);
      continue;
    }
    pieces.push(prefix + rest.slice(0, cut));
    rest = reopenLine(rest.slice(cut));
  }
  pieces.push(prefix + rest);
  return pieces;
}

/** The continuation of a cut line, made inert at its new line start. */
function reopenLine(rest: string): string {
  const m = /^[ \t]*/.exec(rest);
  const lead = m ? m[0] : '';
  const body = rest.slice(lead.length);
  const indent = lead.replace(/\t/g, '    ').replace(/ /g, NBSP);
  return indent + escapeLineStart(body);
}
