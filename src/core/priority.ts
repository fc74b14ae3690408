// Priority, as the handbook's Step 4 sets it: start from the severity, then raise it for context.
//   ce/p0  outage: the whole instance unusable; sourcegraph.com about, /search or docs unreachable
//   ce/p1  severe production impact (contractual severity 1)
//   ce/p2  partial loss of use, questions (severity 2) — the default
//   ce/p3  feature requests
// A customer in a sales process (trial, POC, evaluation, pre-sales) raises it one level, never into p0.
// A licence, renewal or billing question has no severity: CE & Sales or BizOps take it as a hand-off, not an
// engineering issue, so it stays at the default ce/p2 ("a question") and is not raised.
// Every decision comes with its reasons and the words that led to it: the first names the base level, the last
// what raised it, so that they agree with the final level the panel shows.
import { list, msg, type Message } from './types/message.ts';
import { scanModel, toEvidence, type ModelHit } from './routing/model-scan.ts';
import { priorityLabel, type Settings } from './settings.ts';
import { PhraseIndex, type ScanView } from './text-scan.ts';
import type { Evidence, PriorityLevel, PriorityReason, PriorityResult, SalesSignal } from './types/classification.ts';
import type { TicketModel } from './types/ticket.ts';

type Signal =
  | 'outage' // enough on its own: "down for everyone", "complete outage"
  | 'outage-word' // "down", "unreachable": an outage only with a scope word in the same message
  | 'scope' // "everyone", "nobody", "whole company", "sourcegraph.com"
  | 'production'
  | 'urgency'
  | 'breadth' // "all users", "all developers"
  | 'not-urgent' // "not urgent", "no rush": cancels urgency words
  | 'feature'
  | 'feature-weak'
  | 'business' // licence, renewal, seats, invoices: a hand-off to CE & Sales or BizOps
  | 'sales';

const PHRASES: Record<Signal, string[]> = {
  outage: [
    'outage', 'complete outage', 'full outage', 'completely down', 'down for everyone', 'down for everybody', 'down for the whole',
    'down for all', 'is down for', 'completely unavailable', 'completely unusable', 'unusable for', 'instance unusable',
    'instance is unusable', 'nobody can', 'no one can', 'site is down', 'instance is down', 'sourcegraph is down',
    'sourcegraph is unreachable', 'unreachable for everyone', 'site is unreachable', 'everyone is locked out', 'all users are locked out',
  ],
  'outage-word': ['down', 'unreachable', 'not reachable', 'unavailable', 'unusable', 'crash loop', 'crashloop', 'locked out', '502', '503', 'not loading', "can't access", 'cannot access', "can't reach", 'cannot reach'],
  scope: [
    'everyone', 'everybody', 'nobody', 'no one', 'all users', 'whole company', 'entire company', 'whole instance', 'entire instance',
    'whole org', 'entire org', 'completely', 'complete', 'all pages', 'every page', 'every request', 'sourcegraph.com', 'docs.sourcegraph.com',
    'about.sourcegraph.com',
  ],
  production: ['production', 'prod', 'production instance', 'production work', 'in production'],
  urgency: [
    'urgent', 'urgently', 'urgency', 'asap', 'as soon as possible', 'critical', 'severe', 'severely', 'blocking', 'blocker', 'blocked', 'blocks',
    'hard deadline', 'big problem', 'major impact', "can't work", 'cannot work', 'showstopper', 'emergency',
  ],
  breadth: ['all users', 'all of our users', 'all developers', 'all engineers', 'all our developers', 'all our engineers', 'most users', 'many users', 'the whole team', 'whole company', 'everyone'],
  'not-urgent': ['not urgent', 'nothing urgent', 'no urgency', 'no rush', 'not blocking', 'not critical', 'low priority', 'not a blocker', 'not a problem report'],
  feature: [
    'feature request', 'on the roadmap', 'roadmap', 'any plans', 'plans to support', 'plans to add', 'would you consider', 'could you add',
    'please add', 'is that something you could add', 'request a feature', 'enhancement request', 'wish list', 'wishlist', 'is this on the roadmap',
  ],
  'feature-weak': ['would be nice', 'would be great', 'would be even better', 'would love', 'would be really nice', 'it would help', 'support for', 'a wish'],
  business: [
    'license key', 'licence key', 'license renewal', 'licence renewal', 'renewal', 'renewals', 'renew our license', 'renew our licence',
    'license expires', 'license expired', 'license expiry', 'license expiration', 'licence expires', 'licence expired', 'licence expiry',
    'licence expiration', 'expiring license', 'expiring licence', 'license count', 'licence count', 'licensed users', 'user limit', 'seat count',
    'seats', 'invoice', 'invoices', 'billing', 'procurement', 'purchase order', 'order form', 'true-up', 'send us a quote', 'a quote for',
    'pricing', 'subscription',
  ],
  sales: [
    'trial', 'trialing', 'trialling', 'trial license', 'trial licence', 'trial instance', 'poc', 'proof of concept', 'pre-sales', 'presales',
    'our evaluation', 'an evaluation', 'evaluation period', 'evaluation phase', 'evaluation review', 'evaluation license', "we're evaluating",
    'we are evaluating', 'currently evaluating', 'evaluating sourcegraph', 'of evaluating', 'into evaluating', 'pilot', 'prospect',
  ],
};

// Built on first use (or by `preparePriority`), not when the module loads (see settings.ts's schemas for why).
let index: PhraseIndex<Signal> | null = null;

/** Build the signal index now rather than on the first assessment: the sidebar does it while the ticket is on its
 * way (like `prepareRouter`). */
export function preparePriority(): void {
  signalIndex();
}

function signalIndex(): PhraseIndex<Signal> {
  return (index ??= new PhraseIndex<Signal>(
    (Object.keys(PHRASES) as Signal[]).flatMap((signal) => PHRASES[signal].map((phrase) => ({ phrase, payload: signal }))),
  ));
}

// "1,400 engineers", "~2,000 of our developers", "700 researchers": how many people a problem reaches.
const PEOPLE_COUNT =
  /\b(\d{1,3}(?:,\d{3})+|\d{2,7})\+?\s+(?:of\s+(?:our|the|their)\s+)?(?:active\s+|internal\s+)?(?:users|developers|devs|engineers|people|employees|researchers|students|staff|colleagues)\b/gi;
const BROAD_IMPACT = 100;

// The sales-process words a lifecycle field or organisation field value may hold.
const SALES_VALUES = ['trial', 'poc', 'proof of concept', 'evaluation', 'evaluating', 'pre-sales', 'presales', 'prospect', 'pilot'];

function accept(p: Signal, view: ScanView, first: number): boolean {
  // "down" in "slow down", "scroll down", "dropdown": only after a verb form that reports an outage.
  if (p === 'outage-word' && view.lower(first) === 'down') {
    const prev = view.lower(first - 1);
    return ['is', 'are', 'was', 'went', 'been', 'be', 'goes', 'completely', 'totally', 'still', 'sourcegraph'].includes(prev);
  }
  return true;
}

function evidenceOf(hits: ModelHit<Signal>[], term: string): Evidence[] {
  return hits.slice(0, 4).map((h) => toEvidence(h, term, 1));
}

function hitsFor(hits: ModelHit<Signal>[], signal: Signal): ModelHit<Signal>[] {
  return hits.filter((h) => h.payload === signal);
}

function salesFromValue(value: unknown, tags: readonly string[]): string | null {
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) {
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    const s = String(v).toLowerCase();
    for (const word of [...SALES_VALUES, ...tags]) if (word && s.includes(word)) return String(v);
  }
  return null;
}


/** Where the ticket says the customer is in a sales process: text, ticket tags, organisation tags or fields. */
export function salesProcessSignals(model: TicketModel, settings: Settings, textHits?: ModelHit<Signal>[]): SalesSignal[] {
  const out: SalesSignal[] = [];
  const salesTags = settings.salesProcessTags.map((t) => t.toLowerCase());
  const hits = (textHits ?? scanModel(model, signalIndex(), accept)).filter((h) => h.payload === 'sales' && !h.noisy);
  if (hits.length) out.push({ reason: msg('ui.sales.mentions', { words: quoteList(hits.map((h) => h.matched)) }), evidence: evidenceOf(hits, 'sales-process') });
  const ticketTags = model.tags.filter((t) => salesTags.includes(t.toLowerCase()));
  if (ticketTags.length)
    out.push({ reason: msg('ui.sales.ticket_tag', { tags: quoteList(ticketTags) }), evidence: ticketTags.map((t) => ({ term: 'sales-process-tag', matched: t, field: 'tags', start: 0, end: t.length, weight: 1 })) });
  const orgTags = (model.organization?.tags ?? []).filter((t) => salesTags.includes(t.toLowerCase()));
  if (orgTags.length)
    out.push({ reason: msg('ui.sales.org_tag', { tags: quoteList(orgTags) }), evidence: orgTags.map((t) => ({ term: 'sales-process-tag', matched: t, field: 'organization', start: 0, end: t.length, weight: 1 })) });
  if (settings.salesProcessOrgField && model.organization?.fields) {
    const value = salesFromValue(model.organization.fields[settings.salesProcessOrgField], salesTags);
    if (value)
      out.push({ reason: msg('ui.sales.org_field', { field: settings.salesProcessOrgField, value }), evidence: [{ term: 'sales-process-org-field', matched: value, field: 'organization', start: 0, end: value.length, weight: 1 }] });
  }
  if (settings.fields.lifecycle !== null) {
    const value = salesFromValue(model.customFields[String(settings.fields.lifecycle)], salesTags);
    if (value)
      out.push({ reason: msg('ui.sales.lifecycle', { value }), evidence: [{ term: 'sales-process-lifecycle', matched: value, field: 'tags', start: 0, end: value.length, weight: 1 }] });
  }
  return out;
}

function quoteList(words: string[]): string {
  const unique: string[] = [];
  for (const w of words) if (!unique.some((u) => u.toLowerCase() === w.toLowerCase())) unique.push(w);
  return unique
    .slice(0, 3)
    .map((w) => `"${w}"`)
    .join(', ');
}

/** Zendesk's own priority as Zendesk names it in the agent's language (only the two that count as severe). */
export function zendeskPriorityName(priority: 'urgent' | 'high'): Message {
  return priority === 'urgent' ? msg('ui.reason.zendesk_value.urgent') : msg('ui.reason.zendesk_value.high');
}

/** The signals the reasons name, with the English word the customer's own words are compared with. */
const SIGNAL_LABEL = {
  production: [msg('ui.reason.signal.production'), 'production'],
  breadth: [msg('ui.reason.signal.breadth'), 'broad impact'],
  urgency: [msg('ui.reason.signal.urgency'), 'urgency'],
  'not-urgent': [msg('ui.reason.signal.not_urgent'), 'not urgent'],
} as const;

/** "urgency (\"asap\")": the label, then the words that matched, without the label itself ("urgency", not
 * 'urgency ("urgency")'). */
function labelled(signal: keyof typeof SIGNAL_LABEL, words: string[]): Message {
  const [label, word] = SIGNAL_LABEL[signal];
  const rest = otherWords(word, words);
  return rest ? msg('ui.reason.labelled', { label, words: rest }) : label;
}

/** The matched words other than the label itself, quoted; '' when none is left. */
function otherWords(label: string, words: string[]): string {
  return quoteList(words.filter((w) => w.toLowerCase() !== label.toLowerCase()));
}

function peopleCounts(model: TicketModel): Evidence[] {
  const out: Evidence[] = [];
  const texts: { text: string; field: Evidence['field']; messageIndex?: number }[] = [{ text: model.subject, field: 'subject' }];
  for (const m of model.messages) if (m.authorRole === 'customer') texts.push({ text: m.text, field: 'customer', messageIndex: m.index });
  for (const t of texts) {
    PEOPLE_COUNT.lastIndex = 0;
    for (let m = PEOPLE_COUNT.exec(t.text); m; m = PEOPLE_COUNT.exec(t.text)) {
      const n = Number((m[1] as string).replace(/,/g, ''));
      if (n >= BROAD_IMPACT) {
        const e: Evidence = { term: 'people-affected', matched: m[0], field: t.field, start: m.index, end: m.index + m[0].length, weight: 1 };
        if (t.messageIndex !== undefined) e.messageIndex = t.messageIndex;
        out.push(e);
      }
    }
  }
  return out;
}

export function assessPriority(model: TicketModel, settings: Settings): PriorityResult {
  return assessPriorityWithSignals(model, settings).priority;
}

/** The priority and the sales-process signals found on the way (the checklist's urgency hint reuses them). */
export function assessPriorityWithSignals(model: TicketModel, settings: Settings): { priority: PriorityResult; sales: SalesSignal[] } {
  const all = scanModel(model, signalIndex(), accept).filter((h) => !h.noisy);
  // Severity is what the customer (or our internal summary) says, not what our replies ask ("how many users...?").
  const told = all.filter((h) => h.field !== 'agent');
  const reasons: PriorityReason[] = [];

  // Outage: a phrase that says so, or an outage word with a scope word in the same message.
  const outage = hitsFor(all, 'outage');
  const scopedWords: ModelHit<Signal>[] = [];
  const scopes = hitsFor(all, 'scope');
  for (const w of hitsFor(all, 'outage-word')) {
    const scope = scopes.find((s) => s.source === w.source);
    if (scope) scopedWords.push(w, scope);
  }
  const isOutage = outage.length > 0 || scopedWords.length > 0;

  // Severity 1: at least two of production impact, broad impact, urgency words, a high/urgent Zendesk priority.
  const notUrgent = hitsFor(all, 'not-urgent');
  const severity: { signal: Message; evidence: Evidence[] }[] = [];
  const production = hitsFor(told, 'production');
  if (production.length) severity.push({ signal: labelled('production', production.map((h) => h.matched)), evidence: evidenceOf(production, 'production') });
  const breadth = [...hitsFor(told, 'breadth').map((h) => toEvidence(h, 'breadth', 1)), ...peopleCounts(model)];
  if (breadth.length) severity.push({ signal: labelled('breadth', breadth.map((e) => e.matched)), evidence: breadth.slice(0, 4) });
  const urgency = notUrgent.length ? [] : hitsFor(told, 'urgency');
  if (urgency.length) severity.push({ signal: labelled('urgency', urgency.map((h) => h.matched)), evidence: evidenceOf(urgency, 'urgency') });
  if (!notUrgent.length && (model.zendeskPriority === 'urgent' || model.zendeskPriority === 'high'))
    severity.push({ signal: msg('ui.reason.zendesk_priority', { priority: zendeskPriorityName(model.zendeskPriority) }), evidence: [] });

  // Feature request: a clear phrase (subject counts double), or two softer ones.
  const featureScore = hitsFor(all, 'feature').reduce((s, h) => s + (h.field === 'subject' ? 2 : h.field === 'customer' ? 2 : 1), 0) +
    hitsFor(all, 'feature-weak').reduce((s, h) => s + (h.field === 'customer' || h.field === 'subject' ? 1 : 0), 0);
  const featureHits = [...hitsFor(all, 'feature'), ...hitsFor(all, 'feature-weak')];
  const featureRequest = !isOutage && severity.length < 2 && featureScore >= 2;

  // A licence or renewal question: the customer's words (subject counts double), not our replies.
  const businessHits = hitsFor(all, 'business').filter((h) => h.field === 'subject' || h.field === 'customer');
  const business = !isOutage && !featureRequest && businessHits.reduce((s, h) => s + (h.field === 'subject' ? 2 : 1), 0) >= 2;

  const sales = salesProcessSignals(model, settings, all);
  const salesProcess = sales.length > 0;
  // Raised one level for a sales process, never into p0 and never for a hand-off (it has no severity to raise).
  let base: PriorityLevel = 2;
  if (isOutage) base = 0;
  else if (featureRequest) base = 3;
  else if (!business && severity.length >= 2) base = 1;
  const raised = salesProcess && !business && base >= 2;
  const level = (raised ? base - 1 : base) as PriorityLevel;
  // "(ce/p2)" when the base is final, "(base ce/p2)" when a raise follows: the reasons end at the headline's level.
  const at: Message | string = raised ? msg('ui.reason.base', { label: priorityLabel(settings, base) }) : priorityLabel(settings, base);

  if (isOutage) {
    const ev = [...outage, ...scopedWords];
    const words = otherWords('outage', ev.map((h) => h.matched));
    reasons.push({ message: words ? msg('ui.reason.outage_words', { at, words }) : msg('ui.reason.outage', { at }), evidence: evidenceOf(ev, 'outage') });
  } else if (featureRequest) {
    const words = otherWords('feature request', featureHits.map((h) => h.matched));
    reasons.push({ message: words ? msg('ui.reason.feature_words', { at, words }) : msg('ui.reason.feature', { at }), evidence: evidenceOf(featureHits, 'feature-request') });
  } else if (business) {
    reasons.push({
      message: msg('ui.reason.business', { at, words: quoteList(businessHits.map((h) => h.matched)) }),
      evidence: evidenceOf(businessHits, 'licence-renewal'),
    });
  } else if (base === 1) {
    reasons.push({ message: msg('ui.reason.severe', { at, signals: list(severity.map((s) => s.signal)) }), evidence: severity.flatMap((s) => s.evidence) });
  } else {
    reasons.push({
      message: severity.length ? msg('ui.reason.partial_only', { at, signals: list(severity.map((s) => s.signal)) }) : msg('ui.reason.partial', { at }),
      evidence: severity.flatMap((s) => s.evidence),
    });
  }
  if (notUrgent.length) reasons.push({ message: msg('ui.reason.not_urgent', { signal: labelled('not-urgent', notUrgent.map((h) => h.matched)) }), evidence: evidenceOf(notUrgent, 'not-urgent') });

  if (salesProcess) {
    const evidence = sales.flatMap((s) => s.evidence);
    const why = msg('ui.reason.sales_process', { signals: list(sales.map((s) => s.reason)) });
    const label = priorityLabel(settings, level);
    let message: Message;
    if (raised) message = msg('ui.reason.raised', { label, why });
    else if (business) message = msg('ui.reason.not_raised', { why });
    else if (base === 1) message = msg('ui.reason.stays', { label, why, outage: priorityLabel(settings, 0) });
    else message = msg('ui.reason.already', { label, why });
    reasons.push({ message, evidence });
  }
  return { priority: { level, label: priorityLabel(settings, level), baseLevel: base, salesProcess, featureRequest: base === 3, reasons }, sales };
}
