// The core speaks in message keys: every key it can produce is in every shipped locale with the parameters it fills
// in, the core's results carry keys (never English), and the English rendering is the en catalogue's.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { english } from '../../src/core/english.ts';
import { formatMessage, isMessage, list, MESSAGE_PARAMS, msg, type Message, type MessageKey, type MessageParam } from '../../src/core/types/message.ts';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/settings.ts';
import { buildCatalogue } from '../../src/core/teams.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import { createTranslator, lookup, type Dictionary } from '../../src/core/translate.ts';
import type { Classification } from '../../src/core/types/classification.ts';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { modelOf } from './core-route-fixtures.ts';

const root = join(import.meta.dirname, '..', '..');
const locales = readdirSync(join(root, 'translations'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const catalogue = (locale: string): Dictionary => JSON.parse(readFileSync(join(root, 'translations', `${locale}.json`), 'utf8')) as Dictionary;
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] as string).sort();
const KEYS = Object.keys(MESSAGE_PARAMS) as MessageKey[];

/** The strings a key stands for: `<key>` itself, or its plural forms when it takes a count. */
function forms(key: MessageKey): string[] {
  const params: readonly string[] = MESSAGE_PARAMS[key];
  return params.includes('count') ? [`${key}_one`, `${key}_other`] : [key];
}

/** Every message in a classification, nested ones included. */
function messagesOf(c: Classification): Message[] {
  const out: Message[] = [];
  const visit = (p: MessageParam): void => {
    if (typeof p === 'string' || typeof p === 'number') return;
    if ('items' in p) return p.items.forEach(visit);
    out.push(p);
    for (const v of Object.values(p.params ?? {})) visit(v);
  };
  visit(c.route.team.why);
  c.route.alternatives.forEach((a) => visit(a.why));
  c.priority.reasons.forEach((r) => visit(r.message));
  Object.values(c.checklist).forEach((h) => visit(h.summary));
  return out;
}

/** What a catalogue lacks for the core: missing keys (or plural forms) and placeholders other than the key's parameters. */
function catalogueProblems(dict: Dictionary): string[] {
  const problems: string[] = [];
  for (const key of KEYS) {
    const want: readonly string[] = [...MESSAGE_PARAMS[key]].sort();
    for (const form of forms(key)) {
      const text = lookup(dict, form);
      if (text === undefined) {
        problems.push(`${form} is missing`);
        continue;
      }
      // Every parameter shown (a plural's count may only choose the form: "has unknown fields"), nothing unknown.
      const used = placeholders(text);
      if (want.some((p) => p !== 'count' && !used.includes(p)) || used.some((p) => !want.includes(p)))
        problems.push(`${form} uses {${used.join(', ')}}, the core fills in {${want.join(', ')}}`);
    }
  }
  return problems.sort();
}

describe('the core message catalogue', () => {
  it('ships at least English and German', () => {
    expect(locales).toContain('en');
    expect(locales).toContain('de');
  });

  for (const locale of locales) {
    it(`${locale}: has every key the core can produce, each form with exactly the parameters the key fills in`, () => {
      expect(catalogueProblems(catalogue(locale))).toEqual([]);
    });
  }

  it('names a missing key and a dropped parameter of a locale (the check above can fail)', () => {
    const broken = structuredClone(catalogue('en'));
    const ui = broken['ui'] as Dictionary;
    delete (ui['why'] as Dictionary)['no_keywords'];
    (ui['reason'] as Dictionary)['raised'] = 'Raised: {{why}}';
    expect(catalogueProblems(broken)).toEqual(['ui.reason.raised uses {why}, the core fills in {label, why}', 'ui.why.no_keywords is missing']);
  });
});

describe('what the core returns', () => {
  const bundles: TicketBundle[] = readdirSync(join(root, 'test', 'fixtures', 'corpus'))
    .filter((f) => f.endsWith('.json'))
    .slice(0, 40)
    .map((f) => JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'corpus', f), 'utf8')) as TicketBundle);

  it('is keys with their parameters, never English: every message of 40 corpus tickets is a known key with its parameters', () => {
    expect(bundles.length).toBeGreaterThan(10);
    const seen = new Set<string>();
    for (const bundle of bundles) {
      const c = classify(buildTicketModel(bundle), DEFAULT_TEAMS, DEFAULT_SETTINGS);
      expect(isMessage(c.route.team.why)).toBe(true);
      for (const m of messagesOf(c)) {
        expect(KEYS, m.key).toContain(m.key);
        expect(Object.keys(m.params ?? {}).sort(), m.key).toEqual([...MESSAGE_PARAMS[m.key]].sort());
        seen.add(m.key);
      }
    }
    // The corpus reaches the why line, the reasons and every checklist item.
    for (const prefix of ['ui.why.', 'ui.reason.', 'deferred.hint.environment.', 'deferred.hint.repro.', 'deferred.hint.urgency.', 'deferred.hint.teammates.'])
      expect([...seen].some((k) => k.startsWith(prefix)), prefix).toBe(true);
  });

  it('reads in German with a German catalogue, and in English from the en catalogue', () => {
    const model = modelOf({
      subject: 'Search is down for everyone',
      customer: ['Our production instance is down for everyone since the upgrade to 5.1.2 on Kubernetes (Helm). We are on a trial.'],
    });
    const c = classify(model, DEFAULT_TEAMS, { ...DEFAULT_SETTINGS, salesProcessTags: ['trial'] });
    const de = createTranslator('de', catalogue('de'), catalogue('en'));
    const reason = c.priority.reasons[0];
    expect(reason && english(reason.message)).toMatch(/^Outage \(ce\/p0\): the instance is unusable/);
    expect(reason && formatMessage(reason.message, de)).toMatch(/^Ausfall \(ce\/p0\): Die Instanz ist unbenutzbar/);
    expect(formatMessage(c.checklist.environment.summary, de)).toMatch(/5\.1\.2; Kubernetes \(Helm\)/);
    expect(formatMessage(c.checklist.recent_changes.summary, de)).toMatch(/^Erwähnte Änderungen: /);
    expect(formatMessage(c.route.team.why, de)).not.toBe(english(c.route.team.why));
  });

  it('renders nested messages, lists and plurals in the translator given', () => {
    const en = createTranslator('en', catalogue('en'), undefined);
    const de = createTranslator('de', catalogue('de'), catalogue('en'));
    const parts = msg('deferred.hint.repro.no_artifacts', { parts: list([msg('deferred.hint.repro.listed_steps', { count: 1 }), msg('deferred.hint.repro.steps_described')], ', ') });
    expect(formatMessage(parts, en)).toBe('1 listed step, steps described (no screenshots or logs yet)');
    expect(formatMessage(parts, de)).toBe('1 aufgezählter Schritt, Schritte beschrieben (noch keine Screenshots oder Logs)');
    expect(english(msg('deferred.hint.repro.screenshots', { count: 3 }))).toBe('3 screenshots');
    // Customer words are parameters: inserted as they are, never read as a key or a placeholder.
    expect(english(msg('deferred.hint.impact.found', { words: '{{words}} ui.why.no_keywords' }))).toBe('Impact: {{words}} ui.why.no_keywords');
  });

  it('says what is wrong with a setting as keys too: an admin reads it in German, the CLI in English', () => {
    const de = createTranslator('de', catalogue('de'), catalogue('en'));
    const [repo] = parseSettings({ private_repository: 'nope', label_rfh: 'x'.repeat(51) }).problems;
    expect(repo?.message.key).toBe('deferred.settings_problem.repo');
    expect(repo && formatMessage(repo.message, de)).toBe('muss „owner/repo“ lauten, z. B. „sourcegraph/customer“');
    const [label] = parseSettings({ label_rfh: 'x'.repeat(51) }).problems;
    expect(label && formatMessage(label.message, de)).toBe('darf höchstens 50 Zeichen lang sein');
    const { problems } = buildCatalogue(JSON.stringify([{ id: 'web', colour: 1 }, { id: 'x' }]));
    expect(problems.map((p) => english(p.message))).toEqual([
      '[0] has unknown field "colour" (known: id, name, keywords, addKeywords, removeKeywords, githubLabel, slackChannel, slackHandle, handbookUrl, takesGithubIssues); this entry is ignored',
      '[1].name is required for the new team "x"; this entry is ignored',
    ]);
    expect(problems.map((p) => formatMessage(p.message, de))).toEqual([
      '[0] hat ein unbekanntes Feld "colour" (bekannt: id, name, keywords, addKeywords, removeKeywords, githubLabel, slackChannel, slackHandle, handbookUrl, takesGithubIssues); dieser Eintrag wird ignoriert',
      '[1].name ist für das neue Team „x“ erforderlich; dieser Eintrag wird ignoriert',
    ]);
  });
});
