import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quote } from '../../src/core/markdown.ts';
import { commentHeader, continuationNotice, GITHUB_BODY_LIMIT, splitBody } from '../../src/core/split.ts';
import { check, render, visible } from './core-markdown-check.ts';

describe('splitBody', () => {
  it('keeps a body that fits as it is', () => {
    const r = splitBody({ head: 'Head', blocks: ['> one', '> two'], tail: 'marker' });
    expect(r).toEqual({ body: 'Head\n\n> one\n\n> two\n\nmarker', comments: [] });
  });

  it('moves whole messages to comments, says how many, and keeps the marker in the body', () => {
    const block = (n: number) => `**Message ${n}**\n${quote(`${'word '.repeat(4000)}${n}`)}`;
    const blocks = [1, 2, 3, 4, 5].map(block);
    const r = splitBody({ head: '## Summary', blocks, tail: 'engage-zendesk-x-1' });
    expect(r.body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(r.body.endsWith('engage-zendesk-x-1')).toBe(true);
    expect(r.body).toContain(continuationNotice(r.comments.length));
    expect(r.comments.length).toBeGreaterThan(0);
    r.comments.forEach((c, i) => {
      expect(c.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
      expect(c.startsWith(commentHeader(i + 1, r.comments.length))).toBe(true);
    });
    // Message boundaries: each message is whole in exactly one place.
    const all = [r.body, ...r.comments];
    for (const b of blocks) expect(all.filter((x) => x.includes(b))).toHaveLength(1);
  });

  it('cuts a single message larger than a comment between its lines, every piece still quoted', () => {
    const huge = quote(Array.from({ length: 3000 }, (_, i) => `line ${i} ${'x'.repeat(60)}`).join('\n'));
    const r = splitBody({ head: 'H', blocks: [huge], tail: 'T' });
    const all = [r.body, ...r.comments];
    for (const part of all) expect(part.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    const quotedLines = all.flatMap((p) => p.split('\n')).filter((l) => l.startsWith('>'));
    expect(quotedLines.join('\n')).toBe(huge);
  });

  it('says "the next comment" for one', () => {
    expect(continuationNotice(1)).toMatch(/next comment\./);
    expect(continuationNotice(3)).toMatch(/next 3 comments/);
  });

  const LIMIT = 420;
  const text = fc
    .array(
      fc.oneof(
        fc.constantFrom('<', '&', '@', '#1', '\n', '\n\n', ' ', '- ', '```', '*', 'word ', 'https://a.b/c_d '),
        fc.string({ maxLength: 12 }),
        fc.string({ minLength: 20, maxLength: 160, unit: fc.constantFrom('a', '<', '&', '@', '-', ' ') }),
      ),
      { maxLength: 10 },
    )
    .map((p) => p.join(''));
  const input = fc.record({
    blocks: fc.array(text, { maxLength: 5 }).map((ts) => ts.map(quote).filter((b) => b !== '')),
    head: fc.string({ maxLength: 40 }).map((h) => `Head: ${h.replace(/[^A-Za-z0-9]/g, '')}`),
  });
  const tail = 'engage-zendesk-sub-42';

  function checkShape(r: { body: string; comments: string[] }): void {
    for (const part of [r.body, ...r.comments]) check(part.length <= LIMIT, 'a part is too long', part.length);
    check(r.body.endsWith(tail), 'the marker left the body');
    if (r.comments.length > 0) check(r.body.includes(continuationNotice(r.comments.length)), 'the body does not say how many');
    r.comments.forEach((c, i) => check(c.startsWith(commentHeader(i + 1, r.comments.length)), 'a comment lacks its header', i));
  }

  it('respects the limit and keeps every quote line, in order (property, 10,000 cases)', () => {
    fc.assert(
      fc.property(input, ({ blocks, head }) => {
        const r = splitBody({ head, blocks, tail, limit: LIMIT });
        checkShape(r);
        // Every line is a quote line or one of ours; the quote lines are the blocks' lines in order (a line cut in
        // pieces differs only by the escapes/blanks that make its continuation inert, see the markdown tests).
        const ours = new Set([head, tail, continuationNotice(r.comments.length), '']);
        const lines = [r.body, ...r.comments].flatMap((p) => p.split('\n'));
        for (const l of lines) check(l.startsWith('>') || ours.has(l) || /^\*\*Conversation, continued/.test(l), 'a stray line', l);
        const flat = (ls: string[]) => ls.filter((l) => l.startsWith('>')).map((l) => l.replace(/^> ?/, '')).join('').replace(/[\\\s]/g, '');
        check(flat(lines) === flat(blocks.flatMap((b) => b.split('\n'))), 'content lost or reordered');
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it('renders as the same quoted text, with nothing else outside quotes (property, 600 cases through markdown-it)', () => {
    fc.assert(
      fc.property(input, ({ blocks, head }) => {
        const r = splitBody({ head, blocks, tail, limit: LIMIT });
        checkShape(r);
        let quoted = '';
        for (const part of [r.body, ...r.comments]) {
          const rendered = render(part);
          for (const b of rendered.blocks) check(b === 'paragraph' || b === 'blockquote' || b === 'blockquote>paragraph', 'a block formed', b);
          quoted += rendered.quoted;
          const ours = visible(rendered.outside)
            .replace(visible(head), '')
            .replace(visible(tail), '')
            .replace(visible(continuationNotice(r.comments.length)).replace(/\*/g, ''), '')
            .replace(/Conversation,continued\(\d+of\d+\)/, '');
          check(ours === '', 'unexpected text outside quotes', ours);
        }
        const expected = blocks.map((b) => render(b).quoted).join('');
        check(visible(quoted) === visible(expected), 'content lost or reordered');
      }),
      { numRuns: 600 },
    );
  }, 120_000);
});
