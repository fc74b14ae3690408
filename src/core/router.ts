// The router: which team should help with this ticket, why, and who else could.
//
// One pass over each text (subject, every cleaned message, attachment names) with a phrase index built once per
// catalogue (text-scan.ts). Each match becomes a hit weighed by where it was written (subject and the customer's own
// words count most, then our agents' replies, then internal notes, then attachment names; log lines and stack traces
// barely count) and by how strong the term is. The hits also build the ticket's context (is it about syncing? about
// the browser extension? about the deployment itself? about search?), and the handbook's rules then settle the
// ambiguous terms with that context: GitHub is code-host sync or native integration, Kubernetes is the problem or
// only the environment, "slow" is search or the deployment, a language name is code navigation or just the stack.
import { peoplesMessages } from './engage-notes.ts';
import { list, msg, type Message } from './types/message.ts';
import { ALERT_SERVICES, findAlert, findBareAlert, findSilenceName, isAlertService, type AlertRef } from './alerts.ts';
import { PhraseIndex, phraseTokens, type PhraseEntry, type ScanView } from './text-scan.ts';
import { ROLE_TEAMS, VOCABULARY, type ContextKind, type Role, type VocabEntry } from './routing/vocabulary.ts';
import type { Evidence, RouteResult, Team, TeamId, TeamScore } from './types/classification.ts';
import type { TextField, TicketModel } from './types/ticket.ts';

/** How much a word counts by where it was written. */
export const FIELD_WEIGHTS: Record<TextField, number> = {
  subject: 3,
  customer: 2,
  agent: 1,
  internal: 0.6,
  attachment: 0.4,
  organization: 0,
  tags: 0,
};
/** A word inside pasted log output, a stack trace or a table counts this much of a word in a sentence. */
export const NOISE_FACTOR = 0.15;
/** A built-in alert named in the ticket is the strongest signal there is: the handbook routes it to its owner. */
export const ALERT_WEIGHT = 5;
/** Where a ticket goes when nothing matched at all (the agent must choose; the score of 0 says so). */
export const FALLBACK_TEAM: TeamId = 'core-application';

interface Payload {
  /** The term as the catalogue spells it, shown as evidence. */
  term: string;
  /** The term's tokens joined by spaces: the key repeated mentions are grouped by. */
  key: string;
  entry: VocabEntry;
  /** Teams this term may count for (the catalogue teams that list it, within the role's teams). */
  teams: TeamId[];
}

/** One mention of a term: where it is and how much it weighs (term weight × field weight × noise factor). */
interface Hit {
  field: TextField;
  messageIndex: number | undefined;
  start: number;
  end: number;
  /** The text the offsets refer to (the matched words are cut from it only for the evidence shown). */
  text: string;
  weight: number;
}

/** How many mentions of one term are kept for evidence; the rest only add to the term's weight. */
const KEEP_PER_TERM = 12;

/**
 * All mentions of one term (or one named alert) in the ticket, aggregated as they are found: the best weight, the
 * sum of the others, and the strongest few mentions for evidence. A 1 MB ticket thus keeps a few hundred objects,
 * not one per mention, and the rules below decide once per term instead of once per mention.
 */
interface TermHits {
  payload: Payload | null;
  alert: AlertRef | null;
  /** Grouping key within a team: the term's tokens, or `alert:service/name`. */
  key: string;
  max: number;
  rest: number;
  top: Hit[];
}

interface Router {
  index: PhraseIndex<Payload>;
  teams: readonly Team[];
}

const routers = new WeakMap<readonly Team[], Router>();

/** A term's tokens, computed once per catalogue build: the same keyword is looked up several times. */
type Tokenizer = (term: string) => readonly string[];

function memoTokenizer(): Tokenizer {
  const cache = new Map<string, readonly string[]>();
  return (term) => {
    let tokens = cache.get(term);
    if (!tokens) cache.set(term, (tokens = phraseTokens(term)));
    return tokens;
  };
}

/** Build (once per catalogue) the phrase index: vocabulary roles for the built-in terms, plain keywords otherwise. */
function buildRouter(teams: readonly Team[]): Router {
  const tokensOf = memoTokenizer();
  const norm = (term: string): string => tokensOf(term).join(' ');
  const listing = new Map<string, TeamId[]>();
  for (const team of teams) {
    for (const kw of team.keywords) {
      const key = norm(kw);
      if (!key) continue;
      const list = listing.get(key) ?? [];
      if (!list.includes(team.id)) list.push(team.id);
      listing.set(key, list);
    }
  }
  const entries: PhraseEntry<Payload>[] = [];
  const covered = new Map<string, Set<TeamId>>();
  for (const entry of VOCABULARY) {
    for (const term of entry.terms) {
      const key = norm(term);
      const listedBy = listing.get(key) ?? [];
      let candidates: TeamId[];
      if (entry.role === 'context') candidates = [];
      else if (entry.team) candidates = listedBy.includes(entry.team) ? [entry.team] : [];
      else candidates = (ROLE_TEAMS[entry.role] ?? []).filter((t) => listedBy.includes(t));
      // A term no team lists any more (removed by an override) only keeps its context role, if it has one.
      if (entry.role !== 'context' && candidates.length === 0 && !entry.ctx) continue;
      entries.push({ phrase: term, tokens: tokensOf(term), payload: { term, key, entry, teams: candidates } });
      const set = covered.get(key) ?? new Set<TeamId>();
      for (const t of candidates) set.add(t);
      if (entry.role === 'language' || entry.role === 'perf' || entry.role === 'monitoring' || entry.role === 'codehost' || entry.role === 'search' || entry.role === 'hover' || entry.role === 'browser') {
        for (const t of ROLE_TEAMS[entry.role] ?? []) set.add(t);
      }
      covered.set(key, set);
    }
  }
  // Keywords the vocabulary does not know (custom teams, added keywords) count plainly for the teams listing them.
  for (const team of teams) {
    for (const kw of team.keywords) {
      const key = norm(kw);
      if (!key || covered.get(key)?.has(team.id)) continue;
      entries.push({ phrase: kw, tokens: tokensOf(kw), payload: { term: kw, key, entry: { terms: [kw], role: 'plain', team: team.id, weight: 2 }, teams: [team.id] } });
      const set = covered.get(key) ?? new Set<TeamId>();
      set.add(team.id);
      covered.set(key, set);
    }
  }
  // Alert service names stay whole tokens ("repo-updater: src_repoupdater_max_sync_backoff").
  return { index: new PhraseIndex(entries, ALERT_SERVICES), teams };
}

function routerFor(teams: readonly Team[]): Router {
  let r = routers.get(teams);
  if (!r) {
    r = buildRouter(teams);
    routers.set(teams, r);
  }
  return r;
}

/**
 * Build this catalogue's phrase index now rather than on the first `route`: the sidebar does it while the ticket
 * is still on its way, so the classification that follows the ticket's arrival only scans.
 */
export function prepareRouter(teams: readonly Team[]): void {
  routerFor(teams);
}

function accept(p: Payload, view: ScanView, first: number, last: number): boolean {
  const exact = p.entry.exact;
  if (exact) {
    const surface = view.text.slice(view.start(first), view.end(last));
    if (!exact.includes(surface)) return false;
    // "Go to settings", "Go ahead": the verb, not the language.
    if (p.entry.role === 'language' && ['to', 'ahead', 'back', 'through', 'into', 'over', 'on'].includes(view.lower(last + 1))) return false;
  }
  return true;
}

interface Source {
  field: TextField;
  text: string;
  messageIndex?: number;
}

function sourcesOf(model: TicketModel): Source[] {
  const out: Source[] = [{ field: 'subject', text: model.subject }];
  for (const m of peoplesMessages(model)) {
    const field: TextField = m.authorRole === 'customer' ? 'customer' : m.public ? 'agent' : 'internal';
    out.push({ field, text: m.text, messageIndex: m.index });
    for (const a of m.attachments) out.push({ field: 'attachment', text: a.fileName, messageIndex: m.index });
  }
  return out;
}

function before<H extends Hit>(a: H, b: H): boolean {
  if (a.weight !== b.weight) return a.weight > b.weight;
  const ma = a.messageIndex ?? -1;
  const mb = b.messageIndex ?? -1;
  return ma !== mb ? ma < mb : a.start < b.start;
}

/** Insert into a best-first list capped at `k` (insertion into a short list: linear overall). */
function keepStrongest<H extends Hit>(top: H[], hit: H, k: number): void {
  if (top.length === k && !before(hit, top[k - 1] as H)) return;
  let i = top.length === k ? k - 1 : top.length;
  while (i > 0 && before(hit, top[i - 1] as H)) {
    top[i] = top[i - 1] as H;
    i--;
  }
  top[i] = hit;
}

type Context = Record<ContextKind, number>;

interface Collected {
  terms: TermHits[];
  ctx: Context;
}

function collect(model: TicketModel, router: Router): Collected {
  const byPayload = new Map<Payload, TermHits>();
  const byAlert = new Map<string, TermHits>();
  const ctx: Context = { sync: 0, integration: 0, deploy: 0, codenav: 0, search: 0, batch: 0, license: 0, usage: 0, auth: 0 };
  const add = (group: TermHits, source: Source, start: number, end: number, weight: number): void => {
    if (weight > group.max) {
      group.rest += group.max;
      group.max = weight;
    } else group.rest += weight;
    if (group.top.length < KEEP_PER_TERM || weight >= (group.top[KEEP_PER_TERM - 1] as Hit).weight) {
      keepStrongest(group.top, { field: source.field, messageIndex: source.messageIndex, start, end, text: source.text, weight }, KEEP_PER_TERM);
    }
  };
  for (const source of sourcesOf(model)) {
    const fieldWeight = FIELD_WEIGHTS[source.field];
    if (fieldWeight === 0 || source.text === '') continue;
    const onIdentifier = (view: ScanView, i: number): void => {
      const name = view.lower(i);
      let alert = findSilenceName(name);
      let start = view.start(i);
      if (!alert && i > 0 && isAlertService(view.lower(i - 1)) && view.start(i) - view.end(i - 1) <= 3) {
        // "frontend: 99th_percentile_search_request_duration" / "gitserver/disk_space_remaining"
        alert = findAlert(view.lower(i - 1), name);
        if (alert) start = view.start(i - 1);
      }
      alert ??= findBareAlert(name);
      if (!alert) return;
      const key = `alert:${alert.service}/${alert.alert}`;
      let group = byAlert.get(key);
      if (!group) byAlert.set(key, (group = { payload: null, alert, key, max: 0, rest: 0, top: [] }));
      // Alert names are pasted from notifications; they count even on a log-like line, a little less.
      add(group, source, start, view.end(i), ALERT_WEIGHT * fieldWeight * (view.noisy(i) ? 0.5 : 1));
    };
    const onMatch = (payloads: readonly Payload[], start: number, end: number, noisy: boolean): void => {
      const noise = noisy ? NOISE_FACTOR : 1;
      for (const payload of payloads) {
        const weight = payload.entry.weight * fieldWeight * noise;
        const kind = payload.entry.ctx;
        if (kind) ctx[kind] += weight;
        let group = byPayload.get(payload);
        if (!group) byPayload.set(payload, (group = { payload, alert: null, key: payload.key, max: 0, rest: 0, top: [] }));
        add(group, source, start, end, weight);
      }
    };
    router.index.scan(source.text, accept, onIdentifier, onMatch);
  }
  return { terms: [...byPayload.values(), ...byAlert.values()], ctx };
}

/** A term's decision: which team it counts for and with what factor on its weights. */
interface Assigned {
  terms: TermHits;
  team: TeamId;
  factor: number;
}

/** Thresholds on context strength: 2 = one mention in the customer's words (weight-1 term × field weight 2). */
const STRONG = 2;

function pick(candidates: TeamId[], preferred: TeamId, fallback?: TeamId): TeamId | null {
  if (candidates.includes(preferred)) return preferred;
  if (fallback && candidates.includes(fallback)) return fallback;
  return candidates[0] ?? null;
}

/** The handbook's rules: decide, for every term found, which team it counts for and how much. */
function assign(terms: TermHits[], ctx: Context, notes: Map<TeamId, Map<string, Message>>): Assigned[] {
  const out: Assigned[] = [];
  // One note per rule and team (the first term that triggered it names it).
  const note = (team: TeamId, rule: string, text: Message): void => {
    let rules = notes.get(team);
    if (!rules) notes.set(team, (rules = new Map()));
    if (!rules.has(rule)) rules.set(rule, text);
  };
  const push = (t: TermHits, team: TeamId, factor: number): void => {
    out.push({ terms: t, team, factor });
  };
  // The strongest named alert decides where monitoring words go.
  let alertTeam: TeamId | null = null;
  let alertWeight = 0;
  for (const t of terms) {
    if (t.alert && t.max > alertWeight) {
      alertWeight = t.max;
      alertTeam = t.alert.team;
    }
  }
  const batchWins = ctx.batch >= 3 && ctx.batch >= ctx.sync;
  const searchFirst = ctx.search >= STRONG && ctx.search >= ctx.deploy * 0.5;

  const deferredSearch: TermHits[] = [];
  for (const t of terms) {
    if (t.alert) {
      push(t, t.alert.team, 1);
      note(t.alert.team, t.key, msg('ui.why.rule.alert', { alert: `${t.alert.service === '*' ? '' : `${t.alert.service}: `}${t.alert.alert}` }));
      continue;
    }
    const p = t.payload as Payload;
    const role: Role = p.entry.role;
    const c = p.teams;
    switch (role) {
      case 'context':
        break;
      case 'plain': {
        const team = c[0];
        if (!team) break;
        // Batch changes publish to code hosts with code-host tokens: those words belong to the batch change.
        if (batchWins && team === 'core-application' && p.entry.ctx === 'sync') push(t, 'batch-changes', 0.5);
        else push(t, team, 1);
        break;
      }
      case 'codehost': {
        if (batchWins) {
          push(t, 'batch-changes', 0.5);
          note('batch-changes', 'batch-beats-codehost', msg('ui.why.rule.batch_beats_codehost', { term: p.term }));
          break;
        }
        if (ctx.integration > ctx.sync) {
          const team = pick(c, 'web', 'core-application');
          if (team === 'web') note('web', 'codehost-integration', msg('ui.why.rule.codehost_integration', { term: p.term }));
          if (team) push(t, team, 1);
        } else {
          const team = pick(c, 'core-application', 'web');
          if (team && ctx.sync > 0 && team === 'core-application') note('core-application', 'codehost-sync', msg('ui.why.rule.codehost_sync', { term: p.term }));
          if (team) push(t, team, ctx.sync === 0 ? 0.6 : 1);
        }
        break;
      }
      case 'env': {
        const team = c[0];
        if (!team) break;
        if (ctx.deploy >= STRONG * 0.75) push(t, team, 1);
        else {
          push(t, team, 0.25);
          note(team, 'env-only', msg('ui.why.rule.env_only', { term: p.term }));
        }
        break;
      }
      case 'perf': {
        if (searchFirst) {
          push(t, 'search-core', 1);
          note('search-core', 'perf-search', msg('ui.why.rule.perf_search'));
        } else if (ctx.codenav >= STRONG && ctx.codenav > ctx.search) {
          push(t, 'code-intelligence', 0.5);
        } else {
          push(t, 'distribution', 1);
          note('distribution', 'perf-deploy', msg('ui.why.rule.perf_deploy'));
        }
        break;
      }
      case 'monitoring': {
        if (alertTeam) push(t, alertTeam, 0.5);
        else {
          push(t, 'distribution', 1);
          note('distribution', 'monitoring', msg('ui.why.rule.monitoring'));
        }
        break;
      }
      case 'language': {
        // A language name is about code intelligence only next to navigation words; else it is the customer's stack.
        if (ctx.codenav >= STRONG * 0.75 && c.includes('code-intelligence')) push(t, 'code-intelligence', 1);
        break;
      }
      case 'hover': {
        const team = ctx.integration >= STRONG * 0.75 ? pick(c, 'web', 'code-intelligence') : pick(c, 'code-intelligence', 'web');
        if (team) push(t, team, 1);
        break;
      }
      case 'browser': {
        const team = c[0];
        if (team) push(t, team, ctx.integration >= STRONG * 0.75 ? 1 : 0.3);
        break;
      }
      case 'expiry': {
        const team = c[0];
        if (team && ctx.license >= STRONG * 0.75) push(t, team, 1);
        break;
      }
      case 'search':
        deferredSearch.push(t);
        break;
    }
  }
  // Generic search words go to the sub-team the specific words point at: index, scale and speed → core;
  // features, query language and results → product (also when nothing says which).
  let core = 0;
  let product = 0;
  for (const a of out) {
    const w = (a.terms.max + a.terms.rest) * a.factor;
    if (a.team === 'search-core') core += w;
    else if (a.team === 'search-product') product += w;
  }
  for (const t of deferredSearch) {
    const c = (t.payload as Payload).teams;
    const team = core > product ? pick(c, 'search-core', 'search-product') : pick(c, 'search-product', 'search-core');
    if (team) push(t, team, 1);
  }
  return out;
}

const FIELD_PHRASE: Record<TextField, Message> = {
  subject: msg('ui.why.field.subject'),
  customer: msg('ui.why.field.customer'),
  agent: msg('ui.why.field.agent'),
  internal: msg('ui.why.field.internal'),
  attachment: msg('ui.why.field.attachment'),
  organization: msg('ui.why.field.organization'),
  tags: msg('ui.why.field.tags'),
};

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function scoreOf(assigned: Assigned[]): number {
  // Repeating a word adds less each time: the best mention counts fully, the others a quarter, at most twice the
  // best. Terms sharing a key (the same words in two vocabulary roles) are one term.
  const byKey = new Map<string, { max: number; rest: number }>();
  for (const a of assigned) {
    const max = a.terms.max * a.factor;
    const rest = a.terms.rest * a.factor;
    const s = byKey.get(a.terms.key);
    if (!s) byKey.set(a.terms.key, { max, rest });
    else {
      s.rest += rest + Math.min(s.max, max);
      s.max = Math.max(s.max, max);
    }
  }
  let score = 0;
  for (const s of byKey.values()) score += s.max + Math.min(s.rest * 0.25, s.max * 2);
  return round(score);
}

/** The shown part of a score: the strongest evidence (at most 12) and the one-line reason. */
function detail(team: Team, score: number, assigned: Assigned[], notes: Map<string, Message> | undefined): TeamScore {
  const shown: (Hit & { term: string })[] = [];
  for (const a of assigned) {
    const term = a.terms.alert ? a.terms.key : (a.terms.payload?.term ?? '');
    for (const h of a.terms.top) {
      const weight = h.weight * a.factor;
      const last = shown[11];
      // Mentions are best first within a term: once one cannot enter, the rest of this term cannot either.
      if (last && (weight < last.weight || (weight === last.weight && !before<Hit>({ ...h, weight }, last)))) break;
      keepStrongest(shown, { field: h.field, messageIndex: h.messageIndex, start: h.start, end: h.end, text: h.text, weight, term }, 12);
    }
  }
  const evidence: Evidence[] = shown.map((h) => {
    const e: Evidence = { term: h.term, matched: h.text.slice(h.start, h.end), field: h.field, start: h.start, end: h.end, weight: round(h.weight) };
    if (h.messageIndex !== undefined) e.messageIndex = h.messageIndex;
    return e;
  });
  return { teamId: team.id, score, evidence, why: explain(team, evidence, notes) };
}

function explain(team: Team, evidence: Evidence[], notes: Map<string, Message> | undefined): Message {
  if (evidence.length === 0) return msg('ui.why.no_match', { team: team.name });
  const words: string[] = [];
  for (const e of evidence) {
    const w = e.matched.length > 60 ? `${e.matched.slice(0, 57)}...` : e.matched;
    if (!words.some((x) => x.toLowerCase() === w.toLowerCase())) words.push(w);
    if (words.length === 4) break;
  }
  const fields: Message[] = [];
  for (const e of evidence) if (!fields.includes(FIELD_PHRASE[e.field])) fields.push(FIELD_PHRASE[e.field]);
  const [first, second] = fields as [Message, Message | undefined];
  const params = { team: team.name, words: words.map((w) => `"${w}"`).join(', '), fields: second ? msg('ui.why.fields_two', { first, second }) : first };
  // The team's name, the customer's words and the catalogue's terms are shown as they are; the rest is translated.
  return notes && notes.size ? msg('ui.why.match_rules', { ...params, rules: list([...notes.values()].slice(0, 2)) }) : msg('ui.why.match', params);
}

/** Suggest the team for a ticket, with evidence, a one-line reason and up to three runners-up. */
export function route(model: TicketModel, teams: readonly Team[]): RouteResult {
  const router = routerFor(teams);
  const { terms, ctx } = collect(model, router);
  const notes = new Map<TeamId, Map<string, Message>>();
  const assigned = assign(terms, ctx, notes);

  const perTeam = new Map<TeamId, Assigned[]>();
  for (const a of assigned) {
    const list = perTeam.get(a.team) ?? [];
    list.push(a);
    perTeam.set(a.team, list);
  }
  const ranked: { team: Team; index: number; score: number; assigned: Assigned[] }[] = [];
  teams.forEach((team, index) => {
    const list = perTeam.get(team.id);
    if (list && list.length) ranked.push({ team, index, score: scoreOf(list), assigned: list });
  });
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  // Evidence and reasons only for what is shown: the suggestion and up to three runners-up.
  const scores: TeamScore[] = ranked.slice(0, 4).map((r) => detail(r.team, r.score, r.assigned, notes.get(r.team.id)));
  const best = scores[0];
  if (!best || best.score <= 0) {
    const fallback = teams.find((t) => t.id === FALLBACK_TEAM) ?? teams[0];
    if (!fallback) throw new Error('route: the team catalogue is empty');
    return {
      team: { teamId: fallback.id, score: 0, evidence: [], why: msg('ui.why.no_keywords') },
      alternatives: [],
    };
  }
  return { team: best, alternatives: scores.slice(1, 4).filter((s) => s.score > 0) };
}
