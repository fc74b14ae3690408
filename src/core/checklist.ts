// Step 1 of the handbook: gather the details before asking engineering. For each checklist item, what the ticket
// already shows (with the words that show it), and whether that is enough: `found`, `partial` or `missing`.
// `found` pre-ticks the item in the sidebar, so it rests only on what the customer wrote in prose (never on our own
// replies or notes for a customer fact, nor on pasted logs, traces, JSON/YAML, code or alerts: see checklist/prose.ts);
// urgency may also come from our internal notes (CE/Sales relay it), and Step 2 only from them (checklist/teammates.ts).
// The agent still confirms every item; these hints save re-reading the thread.
import { list, msg, type Message } from './types/message.ts';
import { salesProcessSignals, zendeskPriorityName } from './priority.ts';
import type { Settings } from './settings.ts';
import type { ChecklistHint, ChecklistHints, Evidence, SalesSignal } from './types/classification.ts';
import type { TextField, TicketModel } from './types/ticket.ts';
import { proseOf } from './checklist/prose.ts';
import { wordEnd } from './checklist/snippet.ts';
import { teammatesHint } from './checklist/teammates.ts';

interface Source {
  /** The prose of the text: pasted parts masked with spaces (same offsets as `original`). */
  text: string;
  /** The cleaned text, which evidence quotes. */
  original: string;
  field: TextField;
  messageIndex?: number;
  /** Whether the author pasted output (a log, trace, command output or error JSON). */
  pastedOutput: boolean;
}

/** What the customer wrote: the subject (from the customer's first e-mail) and their messages. */
function customerSources(model: TicketModel): Source[] {
  const out: Source[] = [{ text: model.subject, original: model.subject, field: 'subject', pastedOutput: false }];
  for (const m of model.messages) {
    if (m.authorRole !== 'customer') continue;
    const prose = proseOf(m.text);
    out.push({ text: prose.text, original: m.text, field: 'customer', messageIndex: m.index, pastedOutput: prose.pastedOutput });
  }
  return out;
}

/** Our internal notes (never shown to the customer): where CE/Sales urgency is relayed. */
function internalSources(model: TicketModel): Source[] {
  const out: Source[] = [];
  for (const m of model.messages) {
    if (m.authorRole !== 'agent' || m.public) continue;
    const prose = proseOf(m.text);
    out.push({ text: prose.text, original: m.text, field: 'internal', messageIndex: m.index, pastedOutput: prose.pastedOutput });
  }
  return out;
}

/** The end of a match within the prose: before the first masked character, then back to a whole word. */
function proseEnd(s: Source, start: number, end: number): number {
  let e = start;
  while (e < end && s.text.charCodeAt(e) === s.original.charCodeAt(e)) e++;
  return wordEnd(s.original, start, e);
}

/** Every match of a global regex in every source, as evidence (offsets into the cleaned texts). */
function findAll(re: RegExp, srcs: Source[], term: string, limit = 6): Evidence[] {
  const out: Evidence[] = [];
  for (const s of srcs) {
    re.lastIndex = 0;
    for (let m = re.exec(s.text); m; m = re.exec(s.text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const end = proseEnd(s, m.index, m.index + m[0].length);
      if (end <= m.index) continue;
      const e: Evidence = { term, matched: s.original.slice(m.index, end), field: s.field, start: m.index, end, weight: 1 };
      if (s.messageIndex !== undefined) e.messageIndex = s.messageIndex;
      out.push(e);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

function unique(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) if (!out.some((x) => x.toLowerCase() === w.toLowerCase())) out.push(w);
  return out;
}

function hint(key: ChecklistHint['key'], status: ChecklistHint['status'], summary: Message, evidence: Evidence[]): ChecklistHint {
  return { key, status, summary, evidence };
}

// --- environment --------------------------------------------------------------------------------------------
const PRODUCT_VERSION =
  /\b(?:Sourcegraph|GitLab|GitHub Enterprise(?: Server)?|GHE|Bitbucket(?: Server| Data Center| Cloud)?|Kubernetes|k8s|EKS|GKE|AKS|OpenShift|Helm chart|Docker Desktop|Docker|src-cli|lsif-\w+|Phabricator|Gerrit|Perforce|Chrome|Firefox|Safari|JDK|Postgres(?:QL)?)(?: (?:version|v))? ?v?\d+(?:\.\d+){1,3}\b/gi;
// A Sourcegraph version without the product name: "upgraded from 3.29.1 to 3.30.2", "on 3.29".
const BARE_VERSION = /\b(?:(?:version|release|from|to|on|running|v)\s+v?)?[3-6]\.\d{1,2}(?:\.\d{1,2})?\b/gi;
const DEPLOYMENT: [RegExp, string][] = [
  [/\bdocker[- ]compose\b/gi, 'docker-compose'],
  [/\b(?:single[- ]container|docker run|single docker container|sourcegraph\/server)\b/gi, 'single container'],
  [/\b(?:helm)\b/gi, 'Kubernetes (Helm)'],
  [/\b(?:kubernetes|k8s|kustomize|kubectl|EKS|GKE|AKS|OpenShift|deploy-sourcegraph)\b/gi, 'Kubernetes'],
  [/\b(?:managed instance|Sourcegraph Cloud|sourcegraph\.com)\b/gi, 'managed / Cloud'],
];
// The deployment kinds as the summary names them (the evidence's term keeps the English kind).
const DEPLOYMENT_NAME: Record<string, Message> = {
  'docker-compose': msg('deferred.hint.deployment.docker_compose'),
  'single container': msg('deferred.hint.deployment.single_container'),
  'Kubernetes (Helm)': msg('deferred.hint.deployment.helm'),
  Kubernetes: msg('deferred.hint.deployment.kubernetes'),
  'managed / Cloud': msg('deferred.hint.deployment.cloud'),
};

function environment(srcs: Source[]): ChecklistHint {
  const versions = findAll(PRODUCT_VERSION, srcs, 'version');
  const bare = findAll(BARE_VERSION, srcs, 'sourcegraph-version').filter((e) => /\d\.\d/.test(e.matched) && /^(?:version|release|from|to|on|running|v)\b|^\d+\.\d+\.\d+$/i.test(e.matched));
  const allVersions = [...versions, ...bare.filter((b) => !versions.some((v) => v.messageIndex === b.messageIndex && b.start >= v.start && b.end <= v.end))];
  const deployments: Evidence[] = [];
  const kinds: string[] = [];
  for (const [re, kind] of DEPLOYMENT) {
    const found = findAll(re, srcs, `deployment:${kind}`, 2);
    if (found.length) {
      deployments.push(...found);
      if (!kinds.includes(kind) && !(kind === 'Kubernetes' && kinds.includes('Kubernetes (Helm)'))) kinds.push(kind);
    }
  }
  const versionList = unique(allVersions.map((v) => v.matched)).slice(0, 3).join(', ');
  const kindList = list(kinds.map((k) => DEPLOYMENT_NAME[k] ?? k), ', ');
  const status = allVersions.length && kinds.length ? 'found' : allVersions.length || kinds.length ? 'partial' : 'missing';
  const summary =
    status === 'missing'
      ? msg('deferred.hint.environment.missing')
      : !allVersions.length
        ? msg('deferred.hint.environment.no_version', { kinds: kindList })
        : !kinds.length
          ? msg('deferred.hint.environment.no_deployment', { versions: versionList })
          : msg('deferred.hint.environment.found', { versions: versionList, kinds: kindList });
  return hint('environment', status, summary, [...allVersions, ...deployments].slice(0, 8));
}

// --- reproduction -------------------------------------------------------------------------------------------
const NUMBERED_STEP = /^[ \t]*(?:\d{1,2}[.)]|step \d{1,2}:?)[ \t]+\S.*$/gim;
// "1) create a monitor 2) push a commit 3) wait": numbered steps inside one line.
const INLINE_STEPS = /(?:^|[\s(:])1[.)]\s+\S[^\n]{0,200}?\s2[.)]\s+\S[^\n]*/gim;
// "- sign in as a non-admin", "* open Settings": a bulleted list (two items or more count, like numbered steps).
const BULLET_STEP = /^[ \t]*[-*•][ \t]+\S.*$/gm;
// "Steps: click X, authenticate, land on /sign-in": a list of actions after "steps" or "repro".
const STEPS_LINE = /\b(?:steps|repro(?:duction)?)\s*:\s*[^\n,;]{2,80}(?:[,;]|->|→|>)\s*[^\n]{2,}/gi;
const REPRO_WORDS = /\b(?:steps to reproduce|to reproduce|repro(?:duce|duced|duction)?|reproducible|every time|each time|whenever|when (?:I|we|users?) \w+|after (?:clicking|entering|running)|example:)/gi;
const ERROR_OUTPUT = /\b(?:error|exception|panic|failed|fatal|refused)\b[^\n]{0,200}/gi;

function repro(model: TicketModel, srcs: Source[]): ChecklistHint {
  const numbered = findAll(NUMBERED_STEP, srcs, 'numbered-step');
  const bullets = findAll(BULLET_STEP, srcs, 'bulleted-step');
  const lists = [...(numbered.length >= 2 ? numbered : []), ...(bullets.length >= 2 ? bullets : [])];
  const inline = findAll(INLINE_STEPS, srcs, 'inline-steps', 2);
  const stepsLine = findAll(STEPS_LINE, srcs, 'steps-line', 2);
  const described = findAll(REPRO_WORDS, srcs, 'repro-words', 3);
  const errors = findAll(ERROR_OUTPUT, srcs.filter((s) => s.field === 'customer'), 'error-output', 3);
  const pasted = srcs.some((s) => s.pastedOutput);
  const fromCustomer = new Set(model.messages.filter((m) => m.authorRole === 'customer').map((m) => m.commentId));
  const attachments = model.attachments.filter((a) => fromCustomer.has(a.commentId));
  const screenshots = attachments.filter((a) => a.kind === 'screenshot');
  const logs = attachments.filter((a) => a.kind === 'log' || a.kind === 'archive' || a.kind === 'config');
  const steps = [...lists, ...inline, ...stepsLine];
  const parts: Message[] = [];
  if (numbered.length >= 2) parts.push(msg('deferred.hint.repro.numbered_steps', { count: numbered.length }));
  else if (lists.length) parts.push(msg('deferred.hint.repro.listed_steps', { count: lists.length }));
  else if (steps.length || described.length) parts.push(msg('deferred.hint.repro.steps_described'));
  if (screenshots.length) parts.push(msg('deferred.hint.repro.screenshots', { count: screenshots.length }));
  if (logs.length) parts.push(msg('deferred.hint.repro.log_files', { count: logs.length }));
  if (errors.length) parts.push(msg('deferred.hint.repro.error_output'));
  else if (pasted) parts.push(msg('deferred.hint.repro.output_pasted'));
  const shown = list(parts, ', ');
  const hasSteps = steps.length > 0 || described.length > 0;
  const hasArtifacts = screenshots.length > 0 || logs.length > 0 || errors.length > 0 || pasted;
  const status = hasSteps && hasArtifacts ? 'found' : hasSteps || hasArtifacts ? 'partial' : 'missing';
  const summary =
    status === 'missing'
      ? msg('deferred.hint.repro.missing')
      : !hasSteps
        ? msg('deferred.hint.repro.no_steps', { parts: shown })
        : !hasArtifacts
          ? msg('deferred.hint.repro.no_artifacts', { parts: shown })
          : msg('deferred.hint.repro.found', { parts: shown });
  return hint('repro', status, summary, [...(steps.length ? steps : described), ...errors].slice(0, 8));
}

// --- recent changes -----------------------------------------------------------------------------------------
// The change runs to the end of its sentence (at most 80 characters): a full stop ends it, but a dot inside a word
// or number ("3.29.1", "v5.2.0", "values.yaml") does not, or "upgraded to 3.29.1" would read "upgraded to 3".
// A verb joined to a name ("update-log4j", "upgrade_db", "commit.diff.added") is an identifier, not a change.
const CHANGE =
  /(?<![\w.\-/:@])(?:upgrad(?:e|ed|ing)|updated?|migrat(?:ed|ion|ing)|moved|rotated|renewed|changed|switched|added|enabled|disabled|installed|reconfigured|config(?:uration)? change|since (?:we|our|the|last)|after (?:we|our|the|upgrading|updating))\b(?![-_])(?:[^\n.]|\.(?=\w)){0,80}/gi;
// "upgrade"/"update" in the present is a plan or a question ("Upgrade question", "we need to upgrade") unless
// something before it makes it an event: "after the upgrade", "since our update", "Helm upgrade to 3.29.1".
// So is an "-ing" form ("we're migrating", "need help migrating") unless it follows "after", "since", "while"...
const PRESENT_VERB = /^(?:upgrade|update)\b/i;
const EVENT_BEFORE = /\b(?:after|since|the|our|an?|recent|last|latest|helm|kubectl)\s+(?:[\w.-]+\s+)?$/i;
const ING_VERB = /^(?:upgrading|updating|migrating)\b/i;
const ING_EVENT_BEFORE = /\b(?:after|since|while|during|when)\s+(?:[\w.-]+\s+)?$/i;
// A plan, a future or a doubt before the verb: "will be switched", "are switched off", "not sure if anything changed".
const NOT_AN_EVENT_BEFORE = /\b(?:will(?: be)?|to(?: be)?|are|is|be|once|(?:if|whether) (?:anything|something|someone|somebody|it))\s+$/i;
// An alert changing state ("changed to firing") is not a change on the customer's side.
const ALERT_STATE = /^(?:changed|switched|moved|updated)\s+(?:state\s+)?(?:to\s+)?(?:firing|alerting|resolved|pending)\b/i;
const NO_CHANGE =
  /\b(?:nothing (?:else )?(?:has |had |was |have )?(?:been )?(?:changed|upgraded|updated|modified|touched|deployed)|changed nothing|no (?:recent |config(?:uration)? )?changes|(?:didn't|did not|haven't|have not|hasn't|has not|haven't) (?:changed?|touched|touch|upgraded?|updated?|modified|modify) (?:anything|a thing)|haven't touched (?:the|our) (?:instance|deployment|config(?:uration)?|setup))\b/gi;

function recentChanges(srcs: Source[]): ChecklistHint {
  const none = findAll(NO_CHANGE, srcs, 'no-change', 2);
  const textOf = (e: Evidence): string => srcs.find((s) => s.field === e.field && s.messageIndex === e.messageIndex)?.text ?? '';
  // "nothing changed" is the answer "no changes", not a change.
  const changes = findAll(CHANGE, srcs, 'change', 8)
    .filter((c) => !none.some((n) => n.field === c.field && n.messageIndex === c.messageIndex && c.start < n.end && n.start < c.end))
    .filter((c) => {
      const before = textOf(c).slice(Math.max(0, c.start - 30), c.start);
      if (NOT_AN_EVENT_BEFORE.test(before)) return false;
      if (PRESENT_VERB.test(c.matched)) return EVENT_BEFORE.test(before);
      if (ING_VERB.test(c.matched)) return ING_EVENT_BEFORE.test(before);
      return true;
    })
    .filter((c) => !ALERT_STATE.test(c.matched))
    .slice(0, 4);
  if (changes.length)
    return hint('recent_changes', 'found', msg('deferred.hint.recent_changes.found', { changes: unique(changes.map((c) => c.matched.trim())).slice(0, 2).join('; ') }), [...changes, ...none]);
  if (none.length) return hint('recent_changes', 'found', msg('deferred.hint.recent_changes.nothing_changed', { words: none[0]?.matched ?? '' }), none);
  return hint('recent_changes', 'missing', msg('deferred.hint.recent_changes.missing'), []);
}

// --- impact -------------------------------------------------------------------------------------------------
const PEOPLE =
  '(?:users|developers|devs|engineers|teams|people|employees|staff|colleagues|contractors|consultants|analysts|lawyers|designers|testers|scientists|researchers|students|interns|members|accounts|seats|repos(?:itories)?)';
const BROAD = new RegExp(
  `\\b(?:all (?:\\d[\\d,]* )?(?:of )?(?:our |the )?(?:\\d[\\d,]* )?${PEOPLE}|every (?:single )?(?:user|developer|engineer|student|employee|team member|one of (?:us|our users))|every(?:one|body)(?! else)|all of (?:us|them)|(?:nobody|no one)\\b[^.\\n]{0,40}?\\b(?:can(?:not|'t)?|could(?:n't)?|is able|are able|has access|gets?|sees?|receives?)|whole (?:company|org(?:anization)?|team)|entire (?:company|org(?:anization)?))\\b`,
  'gi',
);
const PARTIAL = new RegExp(
  `\\b(?:only (?:some|a few|admins|site admins|one|two|\\d+|certain|for)\\b[^\\n.]{0,40}|every(?:one|body) else\\b[^\\n.;]{0,30}|(?:about |roughly |around )?(?:some|a few|several|many|most|half|a third|a quarter) (?:of (?:our|the) )?(?:\\d[\\d,]* )?${PEOPLE}|other (?:repos(?:itories)?|users|\\d+ users) (?:are|work|get|see)\\b[^\\n.]{0,30}|works? (?:fine )?for (?:other|some|admins)|(?:admins|existing sessions) (?:can )?still|\\d+ (?:of|out of) (?:our |the )?\\d[\\d,]*)\\b`,
  'gi',
);
const COUNT = new RegExp(`\\b(?:~|about |around |over )?\\d{1,3}(?:,\\d{3})*\\+? (?:of (?:our|the) )?(?:${PEOPLE}|devs|new hires)\\b`, 'gi');

function impact(srcs: Source[]): ChecklistHint {
  const broad = findAll(BROAD, srcs, 'impact:all', 3);
  const partial = findAll(PARTIAL, srcs, 'impact:some', 3);
  const counts = findAll(COUNT, srcs, 'impact:count', 3);
  const evidence = [...broad, ...partial, ...counts];
  if (!evidence.length) return hint('impact', 'missing', msg('deferred.hint.impact.missing'), []);
  const words = unique(evidence.map((e) => e.matched.trim())).slice(0, 3).join('; ');
  // Both sides (who is and who is not affected), or everyone: the picture is complete.
  const status = broad.length || (partial.length && counts.length) || partial.length >= 2 ? 'found' : 'partial';
  return hint('impact', status, msg('deferred.hint.impact.found', { words }), evidence);
}

// --- urgency ------------------------------------------------------------------------------------------------
// "deadline" in "context deadline exceeded" is an error message, not a timeline.
const URGENT = /\b(?:urgent(?:ly)?|asap|as soon as possible|critical|blocking|(?:are|is|am|we're|I'm) (?:completely |fully |totally )?blocked|blocker|blocks|hard deadline|deadline(?! exceeded)|emergency|outage)\b/gi;
const NOT_URGENT = /\b(?:not urgent|nothing urgent|no rush|not blocking|not critical|low priority|whenever you can)\b/gi;
const DEADLINE =
  /\b(?:by|before|until|due|next|this|end of (?:the|next|this))\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|week(?:end)?|month|quarter|tomorrow)\b|\b(?:by|before|until|due|on)\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2})\b|\b(?:before|by) (?:the |our )?(?:term|semester|release|launch|go-live|cut-?over|renewal|audit)\b|\b(?:in|within) (?:\d+|two|three|a few) (?:days|weeks)\b|\b(?:renewal|deal|contract) (?:is )?at risk\b|\b(?:(?:fixed|resolved|working) (?:today|tonight|by tomorrow))\b|\bdemo\b(?! (?:instance|site|environment|server|account|repo))|\bsteering (?:committee|meeting)\b/gi;

// "on Friday" is a deadline when the sentence looks ahead ("the trial expires on Friday", "we have a review on
// Thursday"), and the past otherwise ("we rotated the token on Friday", "upgraded on Tuesday").
const ON_WEEKDAY = /\bon (?:mon|tues|wednes|thurs|fri|satur|sun)day\b/gi;
const LOOKS_AHEAD = /\b(?:expires?|ends?|due|deadline|review|demo|meeting|presentation|go-live|launch|release|freeze|cut-?over|switched off|starts?|is|are|will|have|has|need|needs)\b/i;

function upcomingWeekdays(srcs: Source[]): Evidence[] {
  return findAll(ON_WEEKDAY, srcs, 'deadline', 6).filter((e) => {
    const text = srcs.find((s) => s.field === e.field && s.messageIndex === e.messageIndex)?.text ?? '';
    const before = text.slice(Math.max(0, e.start - 80), e.start);
    return LOOKS_AHEAD.test(before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n'), before.lastIndexOf('!'), before.lastIndexOf('?')) + 1));
  });
}

/** `srcs`: the customer's words and our internal notes (where CE/Sales urgency is relayed). */
function urgency(model: TicketModel, srcs: Source[], settings: Settings, knownSales?: SalesSignal[]): ChecklistHint {
  const notUrgent = findAll(NOT_URGENT, srcs, 'not-urgent', 2);
  const urgent = notUrgent.length ? [] : findAll(URGENT, srcs, 'urgency', 3);
  const deadlines = [...findAll(DEADLINE, srcs, 'deadline', 3), ...upcomingWeekdays(srcs)].slice(0, 3);
  const sales = knownSales ?? salesProcessSignals(model, settings);
  const parts: Message[] = [];
  if (notUrgent.length) parts.push(msg('deferred.hint.urgency.not_urgent', { words: notUrgent[0]?.matched ?? '' }));
  if (urgent.length) parts.push(msg('deferred.hint.urgency.urgent', { words: unique(urgent.map((e) => e.matched)).slice(0, 3).join(', ') }));
  if (deadlines.length) parts.push(msg('deferred.hint.urgency.timeline', { words: unique(deadlines.map((e) => e.matched)).slice(0, 2).join(', ') }));
  const stated = [...notUrgent, ...urgent, ...deadlines];
  // Say so when only our own note relays it (the CE's word, not the customer's).
  if (stated.length && stated.every((e) => e.field === 'internal')) parts.push(msg('deferred.hint.urgency.internal_note'));
  const firstSale = sales[0];
  if (firstSale) parts.push(msg('deferred.hint.urgency.sales', { reason: firstSale.reason }));
  if (model.zendeskPriority === 'urgent' || model.zendeskPriority === 'high') parts.push(msg('deferred.hint.urgency.zendesk_priority', { priority: zendeskPriorityName(model.zendeskPriority) }));
  const evidence = [...notUrgent, ...urgent, ...deadlines, ...sales.flatMap((s) => s.evidence)].slice(0, 8);
  const status = stated.length ? 'found' : parts.length ? 'partial' : 'missing';
  const summary = status === 'missing' ? msg('deferred.hint.urgency.missing') : msg('deferred.hint.urgency.summary', { parts: list(parts) });
  return hint('urgency', status, summary, evidence);
}

/** `sales`: the sales-process signals if already known (classify passes the ones priority found). */
export function checklistHints(model: TicketModel, settings: Settings, sales?: SalesSignal[]): ChecklistHints {
  const customer = customerSources(model);
  return {
    environment: environment(customer),
    repro: repro(model, customer),
    recent_changes: recentChanges(customer),
    impact: impact(customer),
    urgency: urgency(model, [...customer, ...internalSources(model)], settings, sales),
    teammates: teammatesHint(model),
  };
}
