// The router: which team should help with this ticket, why, and who else could.
//
// One pass over each text (subject, every cleaned message, attachment names) with a phrase index built once per
// catalogue (text-scan.ts). Each match becomes a hit weighed by where it was written (subject and the customer's own
// words count most, then our agents' replies, then internal notes, then attachment names; log lines and stack traces
// barely count) and by how strong the term is. The hits also build the ticket's context (is it about syncing? about
// the browser extension? about the deployment itself? about search?), and the handbook's rules then settle the
// ambiguous terms with that context: GitHub is code-host sync or native integration, Kubernetes is the problem or
// only the environment, "slow" is search or the deployment, a language name is code navigation or just the stack.
import { ALERT_SERVICES, findAlert, findBareAlert, findSilenceName, isAlertService, type AlertRef } from './alerts.ts';
import { PhraseIndex, phraseTokens, type ScanView } from './text-scan.ts';
import { ROLE_TEAMS, VOCABULARY, type ContextKind, type Role, type VocabEntry } from './routing/vocabulary.ts';
import type { Evidence, RouteResult, Team, TeamId, TeamScore, TextField, TicketModel } from './types.ts';

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
  entry: VocabEntry;
  /** Teams this term may count for (the catalogue teams that list it, within the role's teams). */
  teams: TeamId[];
}

interface Hit {
  payload: Payload | null;
  alert: AlertRef | null;
  field: TextField;
  messageIndex: number | undefined;
  start: number;
  end: number;
  matched: string;
  /** Term weight × field weight × noise factor. */
  weight: number;
}

interface Router {
  index: PhraseIndex<Payload>;
  teams: readonly Team[];
}

const routers = new WeakMap<readonly Team[], Router>();

function norm(term: string): string {
  return phraseTokens(term).join(' ');
}

/** Build (once per catalogue) the phrase index: vocabulary roles for the built-in terms, plain keywords otherwise. */
function buildRouter(teams: readonly Team[]): Router {
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
  const entries: { phrase: string; payload: Payload }[] = [];
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
      entries.push({ phrase: term, payload: { term, entry, teams: candidates } });
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
      entries.push({ phrase: kw, payload: { term: kw, entry: { terms: [kw], role: 'plain', team: team.id, weight: 2 }, teams: [team.id] } });
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
  for (const m of model.messages) {
    const field: TextField = m.authorRole === 'customer' ? 'customer' : m.public ? 'agent' : 'internal';
    out.push({ field, text: m.text, messageIndex: m.index });
    for (const a of m.attachments) out.push({ field: 'attachment', text: a.fileName, messageIndex: m.index });
  }
  return out;
}

function collectHits(model: TicketModel, router: Router): Hit[] {
  const hits: Hit[] = [];
  for (const source of sourcesOf(model)) {
    const fieldWeight = FIELD_WEIGHTS[source.field];
    if (fieldWeight === 0 || source.text === '') continue;
    const alertHits: { alert: AlertRef; start: number; end: number; line: number }[] = [];
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
      if (alert) alertHits.push({ alert, start, end: view.end(i), line: view.line(i) });
    };
    const { matches, noisyLines } = router.index.scan(source.text, accept, onIdentifier);
    for (const m of matches) {
      const noise = noisyLines[m.line] ? NOISE_FACTOR : 1;
      const matched = source.text.slice(m.start, m.end);
      for (const payload of m.payloads) {
        hits.push({
          payload,
          alert: null,
          field: source.field,
          messageIndex: source.messageIndex,
          start: m.start,
          end: m.end,
          matched,
          weight: payload.entry.weight * fieldWeight * noise,
        });
      }
    }
    for (const a of alertHits) {
      // Alert names are pasted from notifications; they count even on a log-like line, a little less.
      const noise = noisyLines[a.line] ? 0.5 : 1;
      hits.push({
        payload: null,
        alert: a.alert,
        field: source.field,
        messageIndex: source.messageIndex,
        start: a.start,
        end: a.end,
        matched: source.text.slice(a.start, a.end),
        weight: ALERT_WEIGHT * fieldWeight * noise,
      });
    }
  }
  return hits;
}

type Context = Record<ContextKind, number>;

function contextOf(hits: Hit[]): Context {
  const ctx: Context = { sync: 0, integration: 0, deploy: 0, codenav: 0, search: 0, batch: 0, license: 0, usage: 0, auth: 0 };
  for (const h of hits) {
    const kind = h.payload?.entry.ctx;
    if (kind) ctx[kind] += h.weight;
  }
  return ctx;
}

interface Assigned {
  hit: Hit;
  team: TeamId;
  weight: number;
}

/** Thresholds on context strength: 2 = one mention in the customer's words (weight-1 term × field weight 2). */
const STRONG = 2;

function pick(candidates: TeamId[], preferred: TeamId, fallback?: TeamId): TeamId | null {
  if (candidates.includes(preferred)) return preferred;
  if (fallback && candidates.includes(fallback)) return fallback;
  return candidates[0] ?? null;
}

/** The handbook's rules: decide, for every hit, which team it counts for and how much. */
function assign(hits: Hit[], ctx: Context, notes: Map<TeamId, Map<string, string>>): Assigned[] {
  const out: Assigned[] = [];
  // One note per rule and team (the first term that triggered it names it).
  const note = (team: TeamId, rule: string, text: string): void => {
    let rules = notes.get(team);
    if (!rules) notes.set(team, (rules = new Map()));
    if (!rules.has(rule)) rules.set(rule, text);
  };
  // The strongest named alert decides where monitoring words go.
  let alertTeam: TeamId | null = null;
  let alertWeight = 0;
  for (const h of hits) {
    if (h.alert && h.weight > alertWeight) {
      alertWeight = h.weight;
      alertTeam = h.alert.team;
    }
  }
  const batchWins = ctx.batch >= 3 && ctx.batch >= ctx.sync;
  const searchFirst = ctx.search >= STRONG && ctx.search >= ctx.deploy * 0.5;

  const deferredSearch: Hit[] = [];
  for (const h of hits) {
    if (h.alert) {
      out.push({ hit: h, team: h.alert.team, weight: h.weight });
      note(h.alert.team, `alert:${h.alert.service}/${h.alert.alert}`, `alert ${h.alert.service === '*' ? '' : `${h.alert.service}: `}${h.alert.alert} is owned by this team (Alert solutions)`);
      continue;
    }
    const p = h.payload as Payload;
    const role: Role = p.entry.role;
    const c = p.teams;
    switch (role) {
      case 'context':
        break;
      case 'plain': {
        const team = c[0];
        if (!team) break;
        // Batch changes publish to code hosts with code-host tokens: those words belong to the batch change.
        if (batchWins && team === 'core-application' && p.entry.ctx === 'sync') {
          out.push({ hit: h, team: 'batch-changes', weight: h.weight * 0.5 });
          break;
        }
        out.push({ hit: h, team, weight: h.weight });
        break;
      }
      case 'codehost': {
        let team: TeamId | null;
        let weight = h.weight;
        if (batchWins) {
          out.push({ hit: h, team: 'batch-changes', weight: weight * 0.5 });
          note('batch-changes', 'batch-beats-codehost', `${p.term} is where the changesets go: Batch Changes beats the code host`);
          break;
        }
        if (ctx.integration > ctx.sync) {
          team = pick(c, 'web', 'core-application');
          if (team === 'web') note('web', 'codehost-integration', `${p.term} with extension/integration words: native integration`);
        } else {
          team = pick(c, 'core-application', 'web');
          if (ctx.sync === 0) weight *= 0.6;
          else if (team === 'core-application') note('core-application', 'codehost-sync', `${p.term} with cloning/syncing/token words: code-host sync`);
        }
        if (team) out.push({ hit: h, team, weight });
        break;
      }
      case 'env': {
        const team = c[0];
        if (!team) break;
        if (ctx.deploy >= STRONG * 0.75) out.push({ hit: h, team, weight: h.weight });
        else {
          out.push({ hit: h, team, weight: h.weight * 0.25 });
          note(team, 'env-only', `${p.term} mentioned as the environment only`);
        }
        break;
      }
      case 'perf': {
        if (searchFirst) {
          out.push({ hit: h, team: 'search-core', weight: h.weight });
          note('search-core', 'perf-search', 'performance of search');
        } else if (ctx.codenav >= STRONG && ctx.codenav > ctx.search) {
          out.push({ hit: h, team: 'code-intelligence', weight: h.weight * 0.5 });
        } else {
          out.push({ hit: h, team: 'distribution', weight: h.weight });
          note('distribution', 'perf-deploy', 'performance of the deployment');
        }
        break;
      }
      case 'monitoring': {
        if (alertTeam) out.push({ hit: h, team: alertTeam, weight: h.weight * 0.5 });
        else {
          out.push({ hit: h, team: 'distribution', weight: h.weight });
          note('distribution', 'monitoring', 'monitoring without a named alert');
        }
        break;
      }
      case 'language': {
        // A language name is about code intelligence only next to navigation words; else it is the customer's stack.
        if (ctx.codenav >= STRONG * 0.75 && c.includes('code-intelligence')) out.push({ hit: h, team: 'code-intelligence', weight: h.weight });
        break;
      }
      case 'hover': {
        const team = ctx.integration >= STRONG * 0.75 ? pick(c, 'web', 'code-intelligence') : pick(c, 'code-intelligence', 'web');
        if (team) out.push({ hit: h, team, weight: h.weight });
        break;
      }
      case 'browser': {
        const team = c[0];
        if (!team) break;
        out.push({ hit: h, team, weight: ctx.integration >= STRONG * 0.75 ? h.weight : h.weight * 0.3 });
        break;
      }
      case 'expiry': {
        const team = c[0];
        if (team && ctx.license >= STRONG * 0.75) out.push({ hit: h, team, weight: h.weight });
        break;
      }
      case 'search':
        deferredSearch.push(h);
        break;
    }
  }
  // Generic search words go to the sub-team the specific words point at: index, scale and speed → core;
  // features, query language and results → product (also when nothing says which).
  let core = 0;
  let product = 0;
  for (const a of out) {
    if (a.team === 'search-core') core += a.weight;
    else if (a.team === 'search-product') product += a.weight;
  }
  for (const h of deferredSearch) {
    const c = (h.payload as Payload).teams;
    const team = core > product ? pick(c, 'search-core', 'search-product') : pick(c, 'search-product', 'search-core');
    if (team) out.push({ hit: h, team, weight: h.weight });
  }
  return out;
}

const FIELD_PHRASE: Record<TextField, string> = {
  subject: 'subject',
  customer: "customer's words",
  agent: 'agent replies',
  internal: 'internal notes',
  attachment: 'attachment names',
  organization: 'organisation',
  tags: 'tags',
};

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function scoreTeam(team: Team, assigned: Assigned[], notes: Map<string, string> | undefined): TeamScore {
  // Repeating a word adds less each time: the best mention counts fully, the others a quarter, at most twice the best.
  const byTerm = new Map<string, { max: number; rest: number }>();
  for (const a of assigned) {
    const key = a.hit.alert ? `alert:${a.hit.alert.service}/${a.hit.alert.alert}` : norm(a.hit.payload?.term ?? '');
    const s = byTerm.get(key) ?? { max: 0, rest: 0 };
    if (a.weight > s.max) {
      s.rest += s.max;
      s.max = a.weight;
    } else s.rest += a.weight;
    byTerm.set(key, s);
  }
  let score = 0;
  for (const s of byTerm.values()) score += s.max + Math.min(s.rest * 0.25, s.max * 2);

  const evidence: Evidence[] = assigned
    .slice()
    .sort((a, b) => b.weight - a.weight || (a.hit.messageIndex ?? -1) - (b.hit.messageIndex ?? -1) || a.hit.start - b.hit.start)
    .slice(0, 12)
    .map((a) => {
      const e: Evidence = {
        term: a.hit.alert ? `alert:${a.hit.alert.service}/${a.hit.alert.alert}` : (a.hit.payload?.term ?? ''),
        matched: a.hit.matched,
        field: a.hit.field,
        start: a.hit.start,
        end: a.hit.end,
        weight: round(a.weight),
      };
      if (a.hit.messageIndex !== undefined) e.messageIndex = a.hit.messageIndex;
      return e;
    });
  return { teamId: team.id, score: round(score), evidence, why: explain(team, evidence, notes) };
}

function explain(team: Team, evidence: Evidence[], notes: Map<string, string> | undefined): string {
  if (evidence.length === 0) return `${team.name}: no matching words`;
  const words: string[] = [];
  for (const e of evidence) {
    const w = e.matched.length > 60 ? `${e.matched.slice(0, 57)}...` : e.matched;
    if (!words.some((x) => x.toLowerCase() === w.toLowerCase())) words.push(w);
    if (words.length === 4) break;
  }
  const fields: string[] = [];
  for (const e of evidence) if (!fields.includes(FIELD_PHRASE[e.field])) fields.push(FIELD_PHRASE[e.field]);
  const rule = notes && notes.size ? `; ${[...notes.values()].slice(0, 2).join('; ')}` : '';
  return `${team.name}: ${words.map((w) => `"${w}"`).join(', ')} in the ${fields.slice(0, 2).join(' and ')}${rule}`;
}

/** Suggest the team for a ticket, with evidence, a one-line reason and up to three runners-up. */
export function route(model: TicketModel, teams: readonly Team[]): RouteResult {
  const router = routerFor(teams);
  const hits = collectHits(model, router);
  const ctx = contextOf(hits);
  const notes = new Map<TeamId, Map<string, string>>();
  const assigned = assign(hits, ctx, notes);

  const perTeam = new Map<TeamId, Assigned[]>();
  for (const a of assigned) {
    const list = perTeam.get(a.team) ?? [];
    list.push(a);
    perTeam.set(a.team, list);
  }
  const order = new Map(teams.map((t, i) => [t.id, i] as const));
  const scores: TeamScore[] = [];
  for (const team of teams) {
    const list = perTeam.get(team.id);
    if (list && list.length) scores.push(scoreTeam(team, list, notes.get(team.id)));
  }
  scores.sort((a, b) => b.score - a.score || (order.get(a.teamId) ?? 0) - (order.get(b.teamId) ?? 0));
  const best = scores[0];
  if (!best || best.score <= 0) {
    const fallback = teams.find((t) => t.id === FALLBACK_TEAM) ?? teams[0];
    if (!fallback) throw new Error('route: the team catalogue is empty');
    return {
      team: { teamId: fallback.id, score: 0, evidence: [], why: 'No routing keywords found: choose the team yourself' },
      alternatives: [],
    };
  }
  return { team: best, alternatives: scores.slice(1, 4).filter((s) => s.score > 0) };
}
