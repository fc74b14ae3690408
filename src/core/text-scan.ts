// One pass over a text: a tokenizer and a phrase matcher over its tokens (a trie of lower-cased tokens, built once
// per catalogue). Linear in the text: every character is visited once by the tokenizer, and the matcher walks at
// most `maxPhraseTokens` tokens from each position. No per-keyword regular expressions, no rescans.
//
// Tokens are runs of letters, digits and `_`, joined through a single inner `-` or `.` ("src-cli", "k8s",
// "docker-compose", "3.29.1", "github.com", "repo-updater"); "C++" and "C#" keep their suffix. A joined token that is
// not itself a known term is matched as its parts ("gitlab-ci" → "gitlab", "ci"), so phrases still find them.
// Tokens with `_` ("99th_percentile_search_request_duration") stay whole: they are identifiers, and the caller
// gets them through `onIdentifier` (the router looks them up in the alert table).
//
// Each line is also classified as prose or noise (log lines, stack traces, tables of command output, code
// fences), so the caller can weigh pasted logs far below what the customer wrote.

export interface PhraseEntry<T> {
  /** The phrase as written in the catalogue, e.g. "go to definition"; tokenized like the text. */
  phrase: string;
  payload: T;
  /** `phraseTokens(phrase)`, when the caller has it already (building a catalogue's index tokenizes each term once). */
  tokens?: readonly string[];
}

interface TrieNode<T> {
  children: Map<string, TrieNode<T>> | null;
  payloads: T[] | null;
}

export interface Match<T> {
  payloads: readonly T[];
  /** Offsets into the scanned text. */
  start: number;
  end: number;
  /** 0-based line of the match. */
  line: number;
  /** Token positions [first, last] of the match, for context checks through `ScanView`. */
  firstToken: number;
  lastToken: number;
}

/** Read access to the token stream, for context rules (e.g. "Go" followed by "to"). */
export interface ScanView {
  readonly text: string;
  tokenCount(): number;
  lower(i: number): string;
  start(i: number): number;
  end(i: number): number;
  /** 0-based line of token i. */
  line(i: number): number;
  /** Whether token i sits on a noise line (log output, stack trace, table, code fence). */
  noisy(i: number): boolean;
}

export interface ScanResult<T> {
  matches: Match<T>[];
  /** Per line: true when the line is log output, a stack trace, a table or inside a code fence. */
  noisyLines: boolean[];
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c > 127 && isLetter(c));
}

const LETTER = /\p{L}|\p{N}/u;
function isLetter(c: number): boolean {
  return LETTER.test(String.fromCharCode(c));
}

// A phrase of ASCII letters, digits and single spaces: its tokens are its words. Most catalogue terms are such
// phrases, and building the indexes tokenizes some thousand of them during the sidebar's start.
const PLAIN_PHRASE = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/** Split a phrase into lower-cased tokens the same way the text is split (used when building the trie). */
export function phraseTokens(phrase: string): string[] {
  // The tokenizer would give the same (test/unit/core-route-scan.test.ts checks it on arbitrary such phrases).
  if (PLAIN_PHRASE.test(phrase)) return phrase.toLowerCase().split(' ');
  return tokenizedPhrase(phrase);
}

/** phraseTokens through the tokenizer itself. */
export function tokenizedPhrase(phrase: string): string[] {
  const tokens = new TokenStream(phrase);
  tokenizeInto(tokens, () => true);
  return Array.from({ length: tokens.tokenCount() }, (_, i) => tokens.lower(i));
}

// Line starts that mark machine output: timestamps, log levels, key=value logs, stack frames, shell prompts,
// docker-compose prefixes ("sourcegraph-frontend-0  | "), JSON objects. Sticky and bounded: O(1) per line.
const NOISE_LINE_START =
  /[ \t]*(?:\d{4}[-/]\d\d[-/]\d\d[T ]\d|\d\d:\d\d:\d\d|t=\d{4}-|ts=|level=|lvl=|\[?(?:ERROR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL|eror|warn|info|dbug)\]?[\s:]|at [\w$.<>]{1,200}\(|goroutine \d|panic:|Traceback|File "|\$ |[\w.-]{1,80}[ \t]+\|[ \t]|\{"|E\d{4} |[\w.-]{1,40}=\S{1,200} [\w.-]{1,40}=)/y;
const FENCE = /[ \t]*```/y;

/** Whether the line starting at `at` begins like machine output (the scanner's own test, for the checklist). */
export function isMachineLineStart(text: string, at = 0): boolean {
  NOISE_LINE_START.lastIndex = at;
  return NOISE_LINE_START.test(text);
}
const LOG_KEYS = new Set(['lvl', 'level', 'msg', 'caller', 'ts', 'err']);

/**
 * The tokens of one text and the noise flag of each line: parallel arrays of numbers, no object or string kept per
 * token (a 1 MB ticket has some 200,000 tokens; their lower-cased strings are cut when looked up and die young).
 */
class TokenStream implements ScanView {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly lines: number[] = [];
  readonly noisyLines: boolean[] = [];
  /** The text lower-cased once; per-token slices of it are the lookup keys. */
  private readonly lowerText: string;

  constructor(readonly text: string) {
    const lower = text.toLowerCase();
    // Lower-casing may change the length for a few characters (e.g. "İ"); offsets must stay those of `text`.
    this.lowerText = lower.length === text.length ? lower : '';
  }

  push(start: number, end: number, line: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.lines.push(line);
  }

  lowerOf(start: number, end: number): string {
    return this.lowerText ? this.lowerText.slice(start, end) : this.text.slice(start, end).toLowerCase();
  }

  tokenCount(): number {
    return this.starts.length;
  }
  lower(i: number): string {
    const start = this.starts[i];
    return start === undefined ? '' : this.lowerOf(start, this.ends[i] as number);
  }
  start(i: number): number {
    return this.starts[i] ?? -1;
  }
  end(i: number): number {
    return this.ends[i] ?? -1;
  }
  line(i: number): number {
    return this.lines[i] ?? 0;
  }
  noisy(i: number): boolean {
    return this.noisyLines[this.lines[i] ?? -1] === true;
  }
}

/**
 * The tokenizer: one pass over the characters, filling `tokens`. `isKnownWhole(lower)` says whether a joined
 * token is a term by itself (else its parts are the tokens).
 */
function tokenizeInto(tokens: TokenStream, isKnownWhole: (lower: string) => boolean): void {
  const text = tokens.text;
  const n = text.length;
  let line = 0;
  let inFence = false;
  let lineNoisy = false;
  let spaceRuns = 0;
  let logKeys = 0;

  let at = 0;
  // Classify the line starting at `at` (fences toggle; inside a fence everything is noise).
  const startLine = (): void => {
    FENCE.lastIndex = at;
    if (FENCE.test(text)) {
      inFence = !inFence;
      lineNoisy = true;
      return;
    }
    if (inFence) {
      lineNoisy = true;
      return;
    }
    NOISE_LINE_START.lastIndex = at;
    lineNoisy = NOISE_LINE_START.test(text);
  };

  startLine();
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      // Rows of command output ("NAME  READY  STATUS  RESTARTS") are tables, not sentences.
      tokens.noisyLines.push(lineNoisy || spaceRuns >= 3);
      line++;
      spaceRuns = 0;
      logKeys = 0;
      i++;
      at = i;
      startLine();
      continue;
    }
    if (c === 32 && i + 1 < n && text.charCodeAt(i + 1) === 32) {
      let j = i + 2;
      while (j < n && text.charCodeAt(j) === 32) j++;
      if (j < n && text.charCodeAt(j) !== 10 && i > 0 && text.charCodeAt(i - 1) !== 10) spaceRuns++;
      i = j;
      continue;
    }
    if (!isWordCode(c)) {
      i++;
      continue;
    }
    const start = i;
    let joined = false;
    let underscore = false;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isWordCode(d)) {
        if (d === 95) underscore = true;
        i++;
      } else if ((d === 45 || d === 46) && i + 1 < n && isWordCode(text.charCodeAt(i + 1))) {
        joined = true;
        i += 2;
      } else break;
    }
    // "C++", "C#", "F#": a short token directly followed by the suffix and then no word character.
    if (i - start <= 2 && i < n) {
      const d = text.charCodeAt(i);
      if (d === 43 && text.charCodeAt(i + 1) === 43 && !isWordCode(text.charCodeAt(i + 2))) i += 2;
      else if (d === 35 && !isWordCode(text.charCodeAt(i + 1))) i += 1;
    }
    // Two log keys on a line ("lvl=eror msg=...") make it a log line wherever they sit; one may be prose.
    if (i < n && text.charCodeAt(i) === 61 /* = */ && i - start <= 6 && LOG_KEYS.has(tokens.lowerOf(start, i)) && ++logKeys >= 2) lineNoisy = true;
    if (joined && !underscore && !isKnownWhole(tokens.lowerOf(start, i))) {
      // Report the parts of an unknown joined token ("gitlab-ci" → "gitlab", "ci").
      let s = start;
      for (let k = start; k <= i; k++) {
        const d = k < i ? text.charCodeAt(k) : 0;
        if (k === i || d === 45 || d === 46) {
          if (k > s) tokens.push(s, k, line);
          s = k + 1;
        }
      }
    } else tokens.push(start, i, line);
  }
  tokens.noisyLines.push(lineNoisy || spaceRuns >= 3);
}

/** A phrase index: built once per catalogue, then used to scan any number of texts. */
export class PhraseIndex<T> {
  private readonly root = new Map<string, TrieNode<T>>();
  private readonly wholeTokens = new Set<string>();
  private readonly isKnownWhole = (lower: string): boolean => this.wholeTokens.has(lower);
  readonly maxPhraseTokens: number;

  constructor(entries: readonly PhraseEntry<T>[], extraWholeTokens: Iterable<string> = []) {
    let max = 1;
    for (const e of entries) {
      const tokens = e.tokens ?? phraseTokens(e.phrase);
      if (tokens.length === 0) continue;
      max = Math.max(max, tokens.length);
      for (const t of tokens) this.wholeTokens.add(t);
      let level = this.root;
      let node: TrieNode<T> | undefined;
      for (const t of tokens) {
        node = level.get(t);
        if (!node) {
          node = { children: null, payloads: null };
          level.set(t, node);
        }
        level = node.children ??= new Map();
      }
      if (node) (node.payloads ??= []).push(e.payload);
    }
    for (const t of extraWholeTokens) this.wholeTokens.add(t);
    this.maxPhraseTokens = max;
  }

  /**
   * Scan a text. `accept` may reject a payload in context (returning false); the longest accepted phrase at a
   * position wins and its tokens are consumed. `onIdentifier` sees every token holding `_` that no phrase matched.
   * With `onMatch`, matches are handed over as they are found (with their line's noise flag) instead of being
   * collected, so a 1 MB text keeps no match objects alive.
   */
  scan(
    text: string,
    accept: (payload: T, view: ScanView, first: number, last: number) => boolean,
    onIdentifier?: (view: ScanView, index: number) => void,
    onMatch?: (payloads: readonly T[], start: number, end: number, noisy: boolean) => void,
  ): ScanResult<T> {
    const tokens = new TokenStream(text);
    tokenizeInto(tokens, this.isKnownWhole);
    const { starts, ends, lines } = tokens;
    const matches: Match<T>[] = [];
    const count = starts.length;
    for (let t = 0; t < count; t++) {
      const first = tokens.lowerOf(starts[t] as number, ends[t] as number);
      let node = this.root.get(first);
      if (!node) {
        if (onIdentifier && first.includes('_')) onIdentifier(tokens, t);
        continue;
      }
      let bestEnd = -1;
      let bestPayloads: readonly T[] | null = null;
      let j = t;
      for (;;) {
        const payloads = node.payloads;
        if (payloads) {
          const accepted = acceptAll(payloads, accept, tokens, t, j);
          if (accepted) {
            bestEnd = j;
            bestPayloads = accepted;
          }
        }
        if (j + 1 >= count || j - t + 1 >= this.maxPhraseTokens || !node.children) break;
        if (lines[j + 1] !== lines[j] || !joinable(text, ends[j] as number, starts[j + 1] as number)) break;
        const next: TrieNode<T> | undefined = node.children.get(tokens.lowerOf(starts[j + 1] as number, ends[j + 1] as number));
        if (!next) break;
        node = next;
        j++;
      }
      if (bestPayloads && onMatch) {
        onMatch(bestPayloads, starts[t] as number, ends[bestEnd] as number, tokens.noisyLines[lines[t] as number] === true);
        t = bestEnd;
      } else if (bestPayloads) {
        matches.push({
          payloads: bestPayloads,
          start: starts[t] as number,
          end: ends[bestEnd] as number,
          line: lines[t] as number,
          firstToken: t,
          lastToken: bestEnd,
        });
        t = bestEnd;
      } else if (onIdentifier && first.includes('_')) onIdentifier(tokens, t);
    }
    return { matches, noisyLines: tokens.noisyLines };
  }
}

/** The payloads `accept` keeps; the same array when it keeps all (the usual case: no allocation), null when none. */
function acceptAll<T>(payloads: T[], accept: (payload: T, view: ScanView, first: number, last: number) => boolean, view: ScanView, first: number, last: number): readonly T[] | null {
  let kept: T[] | null = null;
  for (let k = 0; k < payloads.length; k++) {
    const p = payloads[k] as T;
    if (accept(p, view, first, last)) {
      if (kept) kept.push(p);
    } else if (!kept) kept = payloads.slice(0, k);
  }
  if (!kept) return payloads;
  return kept.length ? kept : null;
}

/**
 * Words of a phrase may be separated by spaces, tabs or hyphens ("go to definition", "large-scale"), or by one
 * `.`, `/` or apostrophe ("github.com", "we're").
 */
function joinable(text: string, from: number, to: number): boolean {
  const gap = to - from;
  if (gap < 1 || gap > 3) return false;
  if (gap === 1) {
    const c = text.charCodeAt(from);
    return c === 32 || c === 9 || c === 45 || c === 46 || c === 47 || c === 39 || c === 0x2019;
  }
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 45) return false;
  }
  return true;
}
