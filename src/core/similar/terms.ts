// The ticket's query terms for "similar issues": a handful of weighted terms from the customer's own words (subject
// and customer messages, already cleaned of quoted replies, signatures and disclaimers by ticket-model.ts), never
// our agents' replies or internal notes: those restate the problem in support's vocabulary and would find the
// issues support wrote, not the ones about this failure. Versions, paths, numbers and ids are dropped so that the
// same failure on another version or host gives the same terms.
import { ALERT_SERVICES } from '../alerts.ts';
import type { RouteResult } from '../types/classification.ts';
import type { TicketModel } from '../types/ticket.ts';
import { GENERIC, STOP } from './stopwords.ts';

export type TermKind = 'error' | 'component' | 'evidence' | 'word';

export interface SimilarTerm {
  /** As shown ("why it was picked") and as searched: lower case, words separated by single spaces. */
  text: string;
  /** The normalised tokens the text consists of (what ranking compares). */
  tokens: string[];
  kind: TermKind;
  weight: number;
}

/** How many terms a ticket contributes: enough for ranking, few enough to say why. */
export const MAX_TERMS = 10;

const KIND_WEIGHT: Record<TermKind, number> = { error: 3, component: 2, evidence: 1, word: 1 };

// Sourcegraph's services as customers name them: the alert owners' services plus the ones alerts do not cover.
const COMPONENTS = new Set<string>([
  ...ALERT_SERVICES,
  'zoekt', 'syntect', 'codeintel-db', 'codeinsights-db', 'redis-cache', 'redis-store', 'minio', 'blobstore', 'migrator',
  'sourcegraph-frontend', 'src-cli', 'src-expose', 'indexserver', 'webserver', 'jaeger', 'grafana', 'cadvisor',
  'otel-collector', 'executors', 'batcheshelper', 'scip', 'lsif', 'ctags', 'universal-ctags', 'pgsql', 'precise-code-intel',
]);

/** Lower case; a version, number, hex id, path or URL becomes nothing; punctuation splits words except `-` and `_`. */
export function normalizeTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}_\-./:]+/u)) {
    let w = raw.replace(/^[-./:_]+|[-./:_]+$/g, '');
    if (!w || /^(?:https?:|\/|\.\/)/.test(raw) || w.includes('/') || w.includes(':')) continue;
    if (/^[45]\d\d$/.test(w)) {
      out.push(w); // an HTTP status says which failure it is
      continue;
    }
    if (/^v?\d[\d.x-]*$/.test(w) || /^(?:0x)?[0-9a-f]{7,}$/.test(w) || /\d{3,}/.test(w) && !/^[a-z]+\d{3}$/.test(w)) continue;
    w = w.replace(/\.+/g, '.');
    if (w.includes('.')) {
      // file.go, values.yaml, sourcegraph.com: keep the name part only when it says something.
      const head = w.split('.')[0] as string;
      if (head.length < 3) continue;
      w = head;
    }
    out.push(w.replace(/-\d+$/, '')); // gitserver-0 and gitserver-1 are the same component
  }
  return out;
}

function contentTokens(text: string): string[] {
  return normalizeTokens(text).filter((t) => t.length > 2 && !STOP.has(t) && !GENERIC.has(t));
}

// Error messages as customers paste them: quoted strings, what follows "logs:", "says:", "with:" and the like up to
// the end of the sentence, log lines (indented, or starting with a level), exception and status names, snake_case
// codes. Prose around them ("cannot finish the upgrade") is the customer's wording, not the error's.
const QUOTED = /["“”`]([^"“”`\n]{6,120})["“”`]/g;
const AFTER_COLON = /\b(?:logs?|says?|said|with|error|errors|shows?|prints?|output|reports?|returns?|message|fails?|failed|fatal|panic|exits?)\s*:\s*([^\n]{6,160}?)(?=\.\s|\.?$|\n)/gim;
const LOG_LINE = /^(?: {2,}|\t)(\S[^\n]{5,160})$|^((?:ERROR|FATAL|PANIC|WARN|error|fatal|panic)\b[^\n]{5,160})$/gm;
// An error told in a log's words: from the start of a line or a "component:" prefix, through an error word, to the
// end of the sentence ("precise-code-intel-worker: failed to process upload: context deadline exceeded").
const ERROR_SEGMENT = /(?:^|:\s)[ \t]*([^:\n]{0,60}\b(?:failed|failure|denied|not found|timed out|refused|exceeded|unauthorized|forbidden|invalid|cannot|unable|no space|eof)\b[^\n]{0,120}?)(?=\.\s|\.?$|\n)/gim;
const STATUS_NAME = /\b([45]\d\d)\b(?=\s*\(?[A-Z])/g;
const EXCEPTION = /\b[A-Z][A-Za-z]+(?:Exception|Error|BackOff|Killed)\b|\b[a-z]+_[a-z]+(?:_[a-z]+)*\b/g;
const HTTP_STATUS = /\b(?:HTTP|status(?: code)?|error|got|returns?|returned|with a|with)\s*:?\s*([45]\d\d)\b/gi;

interface Candidate {
  tokens: string[];
  kind: TermKind;
  weight: number;
}

/** An error message without its variable parts (paths, ids, versions) and filler words: at most six words. */
function errorPhrase(text: string): string[] {
  return normalizeTokens(text)
    .filter((t) => t.length > 1 && !STOP.has(t) && !/^(?:error|err|fatal|panic|warn|level|msg)$/.test(t))
    .slice(0, 6);
}

/** The customer's own words: subject first (counted twice), then each customer message. */
function customerTexts(model: TicketModel): { text: string; factor: number }[] {
  const texts = [{ text: model.subject, factor: 2 }];
  for (const m of model.messages) if (m.authorRole === 'customer' && m.public) texts.push({ text: m.text, factor: 1 });
  return texts;
}

function collect(model: TicketModel, route: RouteResult | null): Candidate[] {
  const found: Candidate[] = [];
  for (const { text, factor } of customerTexts(model)) {
    for (const m of text.matchAll(EXCEPTION)) found.push({ tokens: [m[0].toLowerCase()], kind: 'error', weight: KIND_WEIGHT.error * factor });
    for (const m of text.matchAll(STATUS_NAME)) found.push({ tokens: [m[1] as string], kind: 'error', weight: KIND_WEIGHT.error * factor });
    for (const m of text.matchAll(HTTP_STATUS)) found.push({ tokens: [m[1] as string], kind: 'error', weight: KIND_WEIGHT.error * factor });
    for (const re of [QUOTED, AFTER_COLON, LOG_LINE, ERROR_SEGMENT]) {
      for (const m of text.matchAll(re)) {
        const t = errorPhrase((m[1] ?? m[2] ?? '') as string);
        if (t.length >= 2) found.push({ tokens: t, kind: 'error', weight: KIND_WEIGHT.error * factor });
      }
    }
    const words = contentTokens(text);
    for (const w of words) {
      if (COMPONENTS.has(w)) found.push({ tokens: [w], kind: 'component', weight: KIND_WEIGHT.component * factor });
      else found.push({ tokens: [w], kind: 'word', weight: (KIND_WEIGHT.word * factor) / 2 + (/[-_]|[a-z][A-Z]/.test(w) ? 0.5 : 0) });
    }
  }
  // The router's evidence in the customer's words: the catalogue keywords that decided the team.
  for (const e of route?.team.evidence ?? []) {
    if (e.field !== 'subject' && e.field !== 'customer') continue;
    const t = contentTokens(e.term);
    if (t.length) found.push({ tokens: t, kind: t.length === 1 && COMPONENTS.has(t[0] as string) ? 'component' : 'evidence', weight: KIND_WEIGHT.evidence });
  }
  return found;
}

/** The ticket's weighted terms, strongest first, at most MAX_TERMS; deterministic (ties by text). */
export function similarTerms(model: TicketModel, route: RouteResult | null = null): SimilarTerm[] {
  const merged = new Map<string, SimilarTerm>();
  for (const c of collect(model, route)) {
    const text = c.tokens.join(' ');
    const prev = merged.get(text);
    if (!prev) merged.set(text, { text, tokens: c.tokens, kind: c.kind, weight: c.weight });
    else {
      // Repetition adds, with diminishing returns; the strongest kind wins (a component named in an error stays one).
      prev.weight = Math.max(prev.weight, c.weight) + Math.min(prev.weight, c.weight) * 0.25;
      if (KIND_WEIGHT[c.kind] > KIND_WEIGHT[prev.kind]) prev.kind = c.kind;
    }
  }
  const sorted = [...merged.values()].sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text));
  const out: SimilarTerm[] = [];
  const covered = new Set<string>();
  for (const t of sorted) {
    // A word already inside a chosen error phrase adds nothing new to search or rank.
    if (t.tokens.length === 1 && covered.has(t.text) && t.kind !== 'component') continue;
    if (t.tokens.length > 1 && out.some((o) => o.tokens.length > 1 && overlap(o.tokens, t.tokens) >= 0.6)) continue;
    out.push({ ...t, weight: Math.round(t.weight * 100) / 100 });
    for (const tok of t.tokens) covered.add(tok);
    if (out.length === MAX_TERMS) break;
  }
  return out;
}

function overlap(a: string[], b: string[]): number {
  const sb = new Set(b);
  return a.filter((x) => sb.has(x)).length / Math.min(a.length, b.length);
}
