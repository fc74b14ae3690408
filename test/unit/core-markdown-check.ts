// Test helper: parse our markdown with a real CommonMark parser (markdown-it, GFM tables and strikethrough on, raw
// HTML on, URL autolinking on, as GitHub renders comments) and report what it really contains.
import MarkdownIt from 'markdown-it';
import { normalizeText } from '../../src/core/markdown.ts';

const md = new MarkdownIt({ html: true, linkify: true });
type Token = ReturnType<typeof md.parse>[number];
// Show link text exactly as written (markdown-it would otherwise percent-decode it), so text can be compared.
md.normalizeLinkText = (s: string) => s;

export interface Rendered {
  /** Block token types at the top level and their nesting, e.g. "blockquote>paragraph". */
  blocks: string[];
  /** Every inline token type that occurred (text, softbreak, link_open...). */
  inlineTypes: Set<string>;
  /** Links: href and how they came about (autolink, linkify or a markdown link). */
  links: { href: string; markup: string }[];
  /** Visible text inside blockquotes, in order (soft breaks as "\n", paragraphs separated by "\n\n"). */
  quoted: string;
  /** Visible text outside blockquotes, in order. */
  outside: string;
  /** The HTML markdown-it renders. */
  html: string;
  /** Contents of inline code spans. */
  code: string[];
}

function inlineText(children: Token[]): string {
  let s = '';
  for (const c of children) {
    if (c.type === 'text') s += c.content;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') s += '\n';
    else if (c.type === 'code_inline' || c.type === 'html_inline') s += c.content;
  }
  return s;
}

export function render(markdown: string): Rendered {
  const tokens = md.parse(markdown, {});
  const blocks: string[] = [];
  const inlineTypes = new Set<string>();
  const links: Rendered['links'] = [];
  const code: string[] = [];
  const stack: string[] = [];
  let quoted = '';
  let outside = '';
  for (const t of tokens) {
    if (t.nesting === 1) {
      stack.push(t.type.replace(/_open$/, ''));
      blocks.push(stack.join('>'));
    } else if (t.nesting === -1) stack.pop();
    else if (t.type !== 'inline') blocks.push([...stack, t.type].join('>'));
    if (t.type === 'inline') {
      for (const c of t.children ?? []) {
        inlineTypes.add(c.type);
        if (c.type === 'code_inline') code.push(c.content);
        if (c.type === 'link_open') links.push({ href: String(c.attrGet('href') ?? ''), markup: c.markup });
        if (c.type === 'image') links.push({ href: String(c.attrGet('src') ?? ''), markup: 'image' });
      }
      const text = inlineText(t.children ?? []);
      if (stack.includes('blockquote')) quoted += (quoted === '' ? '' : '\n\n') + text;
      else outside += (outside === '' ? '' : '\n\n') + text;
    }
  }
  return { blocks, inlineTypes, links, quoted, outside, html: md.renderer.render(tokens, md.options, {}), code };
}

/** Visible content for comparisons: no whitespace of any kind, no zero-width spaces. */
export function visible(text: string): string {
  return text.replace(/[\s\u200B\uFEFF]/g, '');
}

/** The inline token types plain quoted text may produce: text, line breaks and autolinks (and their text). */
export const PLAIN_INLINE = new Set(['text', 'softbreak', 'hardbreak', 'link_open', 'link_close']);

/** A mention GitHub would notify: `@` directly followed by a user/team name character. */
export const MENTION = /@[A-Za-z0-9]/;
/** Issue references GitHub would link: `#12`, `GH-12`, `owner/repo#12`. */
export const ISSUE_REF = /#\d|\bGH-\d/i;
/** A URL GitHub would turn into an issue/PR cross-reference. */
export const ISSUE_URL = /github[^\s/]*\/[^\s/]+\/[^\s/]+\/(?:issues|pull|pulls|discussions)\/\d/i;

/** A cheap assertion for property tests (vitest's expect is too slow for 10,000 cases times many checks). */
export function check(condition: boolean, message: string, detail?: unknown): asserts condition {
  if (!condition) throw new Error(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
}

/** Everything the quoted output of `input` must satisfy; throws (failing the property) otherwise. */
export function assertSafeQuote(input: string, output: string): void {
  const lines = output === '' ? [] : output.split('\n');
  for (const line of lines) check(line === '>' || line.startsWith('> '), 'a line is outside the quote', line);
  check(!output.includes('<!--'), 'an HTML comment opener survived');
  check(!/<(?![a-z]+:\/\/[^<>\s]*>)/i.test(output), 'a raw < that is not an autolink');
  check(!/@(?!\u200B)/.test(output), 'an @ without a zero-width space');

  const r = render(output);
  // Only a blockquote holding paragraphs: no heading, list, code, table, hr, html block, nested quote.
  for (const b of r.blocks) check(b === 'blockquote' || b === 'blockquote>paragraph', 'a block construct formed', b);
  check(r.blocks.filter((b) => b === 'blockquote').length <= 1, 'the quote was broken into several');
  // Only text, line breaks and autolinks inline: no HTML, code span, emphasis, link, image.
  for (const t of r.inlineTypes) check(PLAIN_INLINE.has(t), 'an inline construct formed', t);
  for (const l of r.links) {
    check(l.markup === 'autolink' || l.markup === 'linkify', 'a markdown link formed', l);
    check(!ISSUE_URL.test(safeDecode(l.href)), 'a link to an issue', l.href);
  }
  check(r.outside === '', 'text outside the quote', r.outside);
  check(!/<(?!\/?(?:blockquote|p|br|a)\b)[a-z!?/]/i.test(r.html), 'unexpected HTML', r.html);
  // Nothing hidden, nothing added: the visible characters are the input's, in order.
  check(visible(r.quoted) === visible(normalizeText(input)), 'visible text differs', [r.quoted, input]);
  // And GitHub's filters find nothing to notify or link.
  check(!MENTION.test(r.quoted), 'a mention', r.quoted);
  check(!ISSUE_REF.test(r.quoted), 'an issue reference', r.quoted);
  check(!ISSUE_URL.test(r.quoted), 'an issue URL', r.quoted);
}

function safeDecode(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

