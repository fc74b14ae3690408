import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cutLine, inline, normalizeText, plainText, quote, quoteLines, wrapLine, ZWSP } from '../../src/core/markdown.ts';
import { assertSafeQuote, check, ISSUE_REF, MENTION, PLAIN_INLINE, render, visible } from './core-markdown-check.ts';

// Text that goes after markdown's weak spots: every construct that could leave a quote, hide text, inject HTML,
// notify someone or link an issue, plus odd Unicode. Mixed with arbitrary strings.
const NASTY = [
  '```', '~~~', '```js', '<!--', '-->', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</div>', '<div>',
  '<details>', '<a href="javascript:alert(1)">', '@user', '@org/team', '@', '#12', '#', 'GH-7', 'gh-99', 'owner/repo#3',
  'https://github.com/o/r/issues/5', 'https://github.com/o/r/pull/6', 'https://ghe.corp.com/o/r/issues/7',
  'http://x.y/a_b*c*', 'https://example.com/path?a=1&b=2#frag', 'www.example.com', 'a@b.com', '---', '===', '***',
  '___', '- ', '+ ', '* ', '1. ', '2) ', '| a | b |', '|---|---|', '--|--', ':--', '[x]: http://a.b', '[x]', '[^1]: n',
  '![i](http://e/x.png)', '[t](http://e)', '<https://a.b>', '<mailto:a@b.c>', '&amp;', '&#60;', '&#x3C;', '&lt;',
  '&copy', '&', '\\', '\\\\', '`', '``', '*', '**', '_', '__', '~', '~~', '$', '$$', '$\\phantom{x}$', '>', '> ', '>>',
  '#', '# ', '## h', '    ', '  ', '\t', '\n', '\n\n', '\n\n\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\v', '\f',
  '\u0000', '\u001b[31m', '\u202e', '\uD800', '\uDC00', '\u200B', '\u00A0', '\uFEFF', '😀', 'ǅ', 'é', '漢', ' ', 'a',
  'Z', '0', '9', '.', ')', '(', ':', '=', '|', '-', '+', '<', 'x<y>z', ':+1:', '<?php', '<![CDATA[', '<!DOCTYPE html>',
];
const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const nastyText = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

describe('quote', () => {
  it('puts every line in a quote and keeps blank lines inside it', () => {
    expect(quote('one\ntwo\n\n\n\nthree\n')).toBe('> one\n> two\n>\n> three');
    expect(quote('')).toBe('');
    expect(quote('\n \n\t\n')).toBe('');
  });

  it('defuses mentions and issue references with a zero-width space', () => {
    expect(quote('ping @alice and @org/team')).toBe(`> ping @${ZWSP}alice and @${ZWSP}org/team`);
    expect(quote('see #12, GH-7 and owner/repo#3')).toBe(`> see #${ZWSP}12, GH-${ZWSP}7 and owner/repo#${ZWSP}3`);
    expect(quote('https://github.com/o/r/issues/5')).toBe(`> <https://github.com/o/r/issues/${ZWSP}5>`);
    expect(quote('issue #abc stays')).toBe('> issue #abc stays');
  });

  it('neutralises HTML, comments and entities', () => {
    expect(quote('<!-- hidden -->')).toBe('> &lt;!-- hidden --&gt;');
    expect(quote('<script>x</script>')).toBe('> &lt;script&gt;x&lt;/script&gt;');
    expect(quote('&lt; &#60; &copy; a&b')).toBe(`> &amp;lt; &amp;#${ZWSP}60; &amp;copy; a&b`);
  });

  it('makes block constructs at the start of a line inert', () => {
    expect(quoteLines('# title\n---\n===\n- item\n+ item\n1. one\n2) two\n| a |\n:--\n[x]: http://a.b\n```\n~~~')).toEqual([
      '> \\# title',
      '> \\---',
      '> \\===',
      '> \\- item',
      '> \\+ item',
      '> 1\\. one',
      '> 2\\) two',
      '> \\| a |',
      '> \\:--',
      '> \\[x\\]: <http://a.b>',
      '> \\`\\`\\`',
      '> \\~\\~\\~',
    ]);
  });

  it('keeps indentation visible without making a code block', () => {
    expect(quote('    code\n\tx')).toBe('> \u00A0\u00A0\u00A0\u00A0code\n> \u00A0\u00A0\u00A0\u00A0x');
    const r = render(quote('text\n\n    indented'));
    expect(r.blocks).not.toContain('blockquote>code_block');
  });

  it('turns every line separator into a quoted line', () => {
    expect(quote('a\r\nb\rc\u2028d\u2029e\u0085f\vg\fh')).toBe('> a\n> b\n> c\n> d\n> e\n> f\n> g\n> h');
  });

  it('writes URLs as autolinks so escaping does not mangle them', () => {
    expect(quote('see https://example.com/a_b*c*?x=1&y=2.')).toBe('> see <https://example.com/a_b*c*?x=1&y=2>.');
    expect(quote('(https://en.wikipedia.org/wiki/Foo_(bar))')).toBe('> (<https://en.wikipedia.org/wiki/Foo_(bar)>)');
  });

  it('removes control characters and repairs broken UTF-16', () => {
    expect(quote('a\u0000b\u001b[31mc\u202ed\uD800')).toBe('> a\uFFFDb\\[31mcd\uFFFD');
  });

  it('wraps very long lines so a single line never approaches the body limit', () => {
    const long = 'x'.repeat(5000);
    const lines = quoteLines(long);
    expect(lines).toHaveLength(3);
    expect(lines.join('').replace(/> /g, '')).toBe(long);
    expect(wrapLine(`${'a '.repeat(1500)}`, 2000)[0]!.length).toBeLessThanOrEqual(2000);
    expect(wrapLine('😀'.repeat(1500), 2001).every((p) => !/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });

  it('is safe for any text (property, 10,000 cases)', () => {
    fc.assert(
      fc.property(nastyText, (input) => assertSafeQuote(input, quote(input))),
      { numRuns: 10_000 },
    );
  }, 120_000);
});

describe('inline', () => {
  it('collapses lines and escapes everything that could form structure', () => {
    expect(inline('Acme | Corp\n# 2 <b>@x</b> *y* [z](w)')).toBe(
      `Acme \\| Corp \\# 2 &lt;b&gt;@${ZWSP}x&lt;/b&gt; \\*y\\* \\[z\\](w)`,
    );
    expect(inline('- starts like a list')).toBe('\\- starts like a list');
    expect(inline('a very long value', 10)).toBe('a very…');
    // In a heading, a trailing # would be eaten as the closing sequence.
    expect(render(`## ${inline('Build fails ##')}`).outside).toBe('Build fails ##');
  });

  it('stays one inert line wherever it is placed (property, 10,000 cases)', () => {
    fc.assert(
      fc.property(nastyText, (input) => {
        const value = inline(input);
        check(!/[\r\n\u2028\u2029]/.test(value), 'a line break', value);
        check(!value.includes('<!--'), 'an HTML comment opener');
        check(!/@(?!\u200B)/.test(value), 'an @ without a zero-width space');
        const alone = render(value);
        check(alone.blocks.every((b) => b === 'paragraph'), 'a block construct formed', alone.blocks);
        check(visible(alone.outside) === visible(normalizeText(input)), 'visible text differs', [alone.outside, input]);
        // After a label in a list item, and as a table cell: still one item / one cell of plain text.
        const placed = render(`- **Customer:** ${value}\n\n| a | b |\n|---|---|\n| ${value} | x |`);
        check(placed.blocks.filter((b) => b.endsWith('list_item')).length === 1, 'the list item broke', placed.blocks);
        check(placed.blocks.filter((b) => b.endsWith('>td')).length === 2, 'the table row broke', placed.blocks);
        check(!placed.blocks.some((b) => /code|fence|html|heading|hr|blockquote/.test(b)), 'a block construct formed', placed.blocks);
        for (const r of [alone, placed]) {
          for (const t of r.inlineTypes) check(PLAIN_INLINE.has(t) || t.startsWith('strong_'), 'an inline construct formed', t);
          check(!MENTION.test(r.outside) && !ISSUE_REF.test(r.outside), 'a mention or reference', r.outside);
        }
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);
});

describe('plainText', () => {
  it('gives one line without mentions or references, cut to length', () => {
    expect(plainText('Fix @bob #12\nnow')).toBe(`Fix @${ZWSP}bob #${ZWSP}12 now`);
    expect(plainText('word '.repeat(50), 30).length).toBeLessThanOrEqual(30);
  });
});

describe('cutLine', () => {
  it('keeps every piece quoted and inert', () => {
    const line = quoteLines(`${'a'.repeat(50)}- b <c> &d; @e #1 ${'x'.repeat(50)}`)[0] as string;
    const pieces = cutLine(line, 40);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(40);
      expect(p.startsWith('> ')).toBe(true);
    }
  });

  it('never breaks an escape and never changes the text (property, 10,000 cases)', () => {
    fc.assert(
      fc.property(nastyText, fc.integer({ min: 18, max: 80 }), (input, max) => {
        const lines = quoteLines(input);
        const pieces = lines.flatMap((l) => cutLine(l, max));
        for (const p of pieces) check(p.length <= max, 'a piece is too long', p);
        assertSafeQuote(input, pieces.join('\n'));
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);
});
