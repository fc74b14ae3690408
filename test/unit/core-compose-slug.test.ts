import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { customerLabel, fingerprint, GITHUB_LABEL_MAX, slugify } from '../../src/core/slug.ts';

describe('slugify', () => {
  it('ASCII-folds, lower-cases and hyphenates', () => {
    expect(slugify('Acme Corp.')).toBe('acme-corp');
    expect(slugify('Zürich Ænergy & Co.')).toBe('zurich-aenergy-and-co');
    expect(slugify('Straße Łódź Øresund')).toBe('strasse-lodz-oresund');
    expect(slugify('  --Foo__Bar--  ')).toBe('foo-bar');
    expect(slugify('ＡＣＭＥ')).toBe('acme'); // full-width letters
    expect(slugify('株式会社')).toBe('');
  });
});

describe('customerLabel', () => {
  it('is the prefix and the slug when it fits', () => {
    expect(customerLabel('Acme Corp')).toBe('customer/acme-corp');
    expect(customerLabel('Acme Corp', 'cust:')).toBe('cust:acme-corp');
  });

  it('is stable across case, accents, spacing and Unicode forms', () => {
    expect(customerLabel('ACME  corp')).toBe(customerLabel('acme corp'));
    expect(customerLabel('Cafe\u0301 Inc')).toBe(customerLabel('Café Inc'));
  });

  it('shortens long names with a hash of the full name, so names sharing a start stay apart', () => {
    const a = customerLabel('The Extraordinarily Long Named International Conglomerate of Things');
    const b = customerLabel('The Extraordinarily Long Named International Conglomerate of Stuff');
    expect(a.length).toBeLessThanOrEqual(50);
    expect(b.length).toBeLessThanOrEqual(50);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^customer\/the-extraordinarily-long-named-[0-9a-f]{8}$/);
  });

  it('gives names without Latin letters a hash label, and an empty name "unknown"', () => {
    expect(customerLabel('株式会社テスト')).toMatch(/^customer\/n-[0-9a-f]{8}$/);
    expect(customerLabel('株式会社テスト')).not.toBe(customerLabel('株式会社サンプル'));
    expect(customerLabel('   ')).toBe('customer/unknown');
  });

  it('refuses a prefix that leaves no room', () => {
    expect(() => customerLabel('x', 'p'.repeat(45))).toThrow(/no room/);
  });

  it('always fits GitHub, uses only safe characters, and is deterministic (property, 10,000 cases)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.constantFrom('customer/', 'c/', 'org-customer-label-prefix/', 'x'.repeat(30)),
        (name, prefix) => {
          const label = customerLabel(name, prefix);
          if (label.length > GITHUB_LABEL_MAX) throw new Error(`too long: ${label}`);
          if (!label.startsWith(prefix)) throw new Error(`prefix lost: ${label}`);
          if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(label.slice(prefix.length))) throw new Error(`bad slug: ${label}`);
          if (customerLabel(name, prefix) !== label) throw new Error('not deterministic');
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('fingerprint is an 8-digit hex FNV-1a', () => {
    expect(fingerprint('')).toBe('811c9dc5');
    expect(fingerprint('a')).toBe('e40c292c');
  });
});
