import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableLocales, createTranslator, interpolate, loadI18n, matchLocale, type Dictionary } from '../../src/ui/logic/i18n.ts';
import { AGENT_ERROR_CODES } from '../../src/errors/agent-error.ts';

const root = join(import.meta.dirname, '..', '..');
const readLocale = (l: string): Dictionary => JSON.parse(readFileSync(join(root, 'translations', `${l}.json`), 'utf8'));

function lookup(dict: Dictionary, key: string): unknown {
  let node: unknown = dict;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Dictionary)[part] : undefined;
  return node;
}

function leafKeys(d: Dictionary, prefix = ''): string[] {
  return Object.entries(d).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leafKeys(v, `${prefix}${k}.`)));
}

describe('matchLocale', () => {
  const available = ['de', 'en', 'pt-BR'];
  it('takes the exact locale, then the language, then English', () => {
    expect(matchLocale('de', available)).toBe('de');
    expect(matchLocale('de-CH', available)).toBe('de');
    expect(matchLocale('pt_br', available)).toBe('pt-BR');
    expect(matchLocale('pt-PT', available)).toBe('pt-BR');
    expect(matchLocale('fr', available)).toBe('en');
    expect(matchLocale('EN-us', available)).toBe('en');
    expect(matchLocale(null, available)).toBe('en');
    expect(matchLocale('', available)).toBe('en');
  });
});

describe('interpolate', () => {
  it('fills {{name}} placeholders and empties the ones without a value', () => {
    expect(interpolate('Post in {{ channel }} now', { channel: '#x' })).toBe('Post in #x now');
    expect(interpolate('a {{b}} c', { x: 1 })).toBe('a  c');
    expect(interpolate('a {{b}} c', undefined)).toBe('a {{b}} c');
  });
  it('inserts values literally (no second expansion)', () => {
    expect(interpolate('{{a}}', { a: '{{b}}', b: 'no' })).toBe('{{b}}');
    expect(interpolate('{{a}}', { a: '$& $1' })).toBe('$& $1');
  });
});

describe('createTranslator', () => {
  const de: Dictionary = { ui: { hello: 'Hallo {{name}}', n_one: 'ein Punkt', n_other: '{{count}} Punkte' } };
  const en: Dictionary = { ui: { hello: 'Hello {{name}}', only_en: 'English only', n_one: 'one item', n_other: '{{count}} items' } };
  const t = createTranslator('de', de, en);
  it('uses the locale, falls back to English, and shows the key when both lack it', () => {
    expect(t('ui.hello', { name: 'Ana' })).toBe('Hallo Ana');
    expect(t('ui.only_en')).toBe('English only');
    expect(t('ui.missing.key')).toBe('ui.missing.key');
    expect(t('ui')).toBe('ui'); // a section is not a string
  });
  it('picks CLDR plural forms by count', () => {
    expect(t('ui.n', { count: 1 })).toBe('ein Punkt');
    expect(t('ui.n', { count: 3 })).toBe('3 Punkte');
  });
  it('survives an unknown locale tag', () => {
    expect(createTranslator('not a locale!!', en, en)('ui.n', { count: 2 })).toBe('2 items');
  });
});

describe('translation files', () => {
  const locales = readdirSync(join(root, 'translations'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
  const en = readLocale('en');

  it('are found by the lazy loader, at least English and one more', () => {
    expect(availableLocales()).toEqual([...locales].sort());
    expect(locales).toContain('en');
    expect(locales.length).toBeGreaterThanOrEqual(2);
  });

  it('every other locale translates every ui string of English, with the same placeholders', () => {
    const enKeys = leafKeys(en['ui'] as Dictionary);
    for (const locale of locales.filter((l) => l !== 'en')) {
      const other = readLocale(locale);
      expect(other['ui'], locale).toBeTypeOf('object');
      const keys = leafKeys(other['ui'] as Dictionary);
      expect(new Set(keys), locale).toEqual(new Set(enKeys));
      for (const key of enKeys) {
        const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
        expect(placeholders(lookup(other, `ui.${key}`)), `${locale} ui.${key}`).toEqual(placeholders(lookup(en, `ui.${key}`)));
      }
    }
  });

  it('has title, message and next for every AgentError code', () => {
    for (const locale of locales) {
      const dict = readLocale(locale);
      for (const code of AGENT_ERROR_CODES) {
        for (const part of ['title', 'message', 'next']) {
          expect(typeof lookup(dict, `ui.errors.${code}.${part}`), `${locale} ui.errors.${code}.${part}`).toBe('string');
        }
      }
    }
  });

  it('has every key the UI source asks for (static keys, and the enumerable dynamic ones)', () => {
    const dir = join(root, 'src', 'ui');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const used = new Set<string>();
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'(ui\.[\w.-]+)'/g)) used.add(m[1] as string);
    }
    const dynamic = [
      ...['new', 'open', 'pending', 'hold', 'solved', 'closed'].map((s) => `ui.status.${s}`),
      ...['0', '1', '2', '3'].map((l) => `ui.priority.level.${l}`),
      ...['environment', 'repro', 'recent_changes', 'impact', 'urgency', 'teammates'].flatMap((k) => [
        `ui.checklist.items.${k}`,
        `ui.checklist.questions.${k}`,
        `ui.checklist.items_short.${k}`,
      ]),
      ...['found', 'partial', 'missing'].map((s) => `ui.checklist.status.${s}`),
      ...['subject', 'customer', 'agent', 'internal', 'attachment', 'organization', 'tags'].map((f) => `ui.evidence.field.${f}`),
      ...['open', 'closed'].map((s) => `ui.linked.state.${s}`),
      ...['private', 'public'].map((s) => `ui.linked.tracker.${s}`),
      ...['rfh', 'defect'].map((s) => `ui.kind.${s}`),
      ...['team', 'priority', 'both'].map((s) => `ui.override.reason_label_${s}`),
      ...['customer-name', 'email', 'hostname', 'url', 'ip', 'secret', 'internal-note'].map((k) => `ui.redaction.kind.${k}`),
      ...['waiting-for-earlier-attempt', 'looking-up', 'creating', 'writing-back'].map((s) => `ui.file.step.${s}`),
    ];
    expect(used.size).toBeGreaterThan(40);
    const t = createTranslator('en', en, en);
    for (const key of [...used, ...dynamic]) {
      const plain = t(key);
      const plural = t(key, { count: 2 });
      expect(plain !== key || plural !== key, key).toBe(true);
    }
  });
});

describe('loadI18n', () => {
  it('loads German for de-DE, with English behind it', async () => {
    const i18n = await loadI18n('de-DE');
    expect(i18n.locale).toBe('de');
    expect(i18n.t('ui.retry')).toBe('Erneut versuchen');
  });
  it('falls back to English for a locale without a file, and for none', async () => {
    expect((await loadI18n('xx-YY')).locale).toBe('en');
    const en = await loadI18n(null);
    expect(en.t('ui.retry')).toBe('Retry');
    // The settings alert's strings come with it (late-i18n.ts): once loaded, every translator has them.
    expect(en.t('ui.settings_alert.labels.private_repository')).toBe('ui.settings_alert.labels.private_repository');
    await import('../../src/ui/logic/late-i18n.ts');
    expect(en.t("ui.settings_alert.labels.private_repository")).toBe("Private tracker (owner/repo)");
  });
});
