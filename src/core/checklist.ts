// Step 1 of the handbook: gather the details before asking engineering. For each checklist item, what the ticket
// already shows (with the words that show it), and whether that is enough: `found`, `partial` or `missing`.
// The agent still confirms every item; these hints save re-reading the thread.
import { salesProcessSignals, type SalesSignal } from './priority.ts';
import type { Settings } from './settings.ts';
import type { ChecklistHint, ChecklistHints, Evidence } from './types/classification.ts';
import type { TextField, TicketModel } from './types/ticket.ts';

interface Source {
  text: string;
  field: TextField;
  messageIndex?: number;
}

function sources(model: TicketModel): Source[] {
  const out: Source[] = [{ text: model.subject, field: 'subject' }];
  for (const m of model.messages) {
    out.push({ text: m.text, field: m.authorRole === 'customer' ? 'customer' : m.public ? 'agent' : 'internal', messageIndex: m.index });
  }
  return out;
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
      const e: Evidence = { term, matched: m[0], field: s.field, start: m.index, end: m.index + m[0].length, weight: 1 };
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

function hint(key: ChecklistHint['key'], status: ChecklistHint['status'], summary: string, evidence: Evidence[]): ChecklistHint {
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
  const parts: string[] = [];
  if (allVersions.length) parts.push(unique(allVersions.map((v) => v.matched)).slice(0, 3).join(', '));
  if (kinds.length) parts.push(kinds.join(', '));
  const status = allVersions.length && kinds.length ? 'found' : allVersions.length || kinds.length ? 'partial' : 'missing';
  const summary =
    status === 'missing'
      ? 'No version or deployment type yet: ask for the Sourcegraph version and how it is deployed'
      : `${parts.join('; ')}${!allVersions.length ? ' (no version yet)' : !kinds.length ? ' (deployment type unknown)' : ''}`;
  return hint('environment', status, summary, [...allVersions, ...deployments].slice(0, 8));
}

// --- reproduction -------------------------------------------------------------------------------------------
const NUMBERED_STEP = /^[ \t]*(?:\d{1,2}[.)]|step \d{1,2}:?)[ \t]+\S.*$/gim;
const REPRO_WORDS = /\b(?:steps to reproduce|to reproduce|repro(?:duce|duced|duction)?|reproducible|every time|each time|whenever|when (?:I|we|users?) \w+|after (?:clicking|entering|running)|example:)/gi;
const ERROR_OUTPUT = /\b(?:error|exception|panic|failed|fatal|refused)\b[^\n]{0,200}/gi;

function repro(model: TicketModel, srcs: Source[]): ChecklistHint {
  const steps = findAll(NUMBERED_STEP, srcs, 'numbered-step');
  const described = findAll(REPRO_WORDS, srcs, 'repro-words', 3);
  const errors = findAll(ERROR_OUTPUT, srcs.filter((s) => s.field === 'customer'), 'error-output', 3);
  const screenshots = model.attachments.filter((a) => a.kind === 'screenshot');
  const logs = model.attachments.filter((a) => a.kind === 'log' || a.kind === 'archive' || a.kind === 'config');
  const parts: string[] = [];
  if (steps.length >= 2) parts.push(`${steps.length} numbered steps`);
  else if (described.length) parts.push('steps described');
  if (screenshots.length) parts.push(`${screenshots.length} screenshot${screenshots.length > 1 ? 's' : ''}`);
  if (logs.length) parts.push(`${logs.length} log/config file${logs.length > 1 ? 's' : ''}`);
  if (errors.length) parts.push('error output quoted');
  const hasSteps = steps.length >= 2 || described.length > 0;
  const hasArtifacts = screenshots.length > 0 || logs.length > 0 || errors.length > 0;
  const status = hasSteps && hasArtifacts ? 'found' : hasSteps || hasArtifacts ? 'partial' : 'missing';
  const summary =
    status === 'missing'
      ? 'No steps, screenshots or logs yet'
      : `${parts.join(', ')}${!hasSteps ? ' (no steps to reproduce yet)' : !hasArtifacts ? ' (no screenshots or logs yet)' : ''}`;
  return hint('repro', status, summary, [...(steps.length >= 2 ? steps : described), ...errors].slice(0, 8));
}

// --- recent changes -----------------------------------------------------------------------------------------
// The change runs to the end of its sentence (at most 80 characters): a full stop ends it, but a dot inside a word
// or number ("3.29.1", "v5.2.0", "values.yaml") does not, or "upgraded to 3.29.1" would read "upgraded to 3".
const CHANGE =
  /\b(?:upgrad(?:e|ed|ing)|updated?|migrat(?:ed|ion|ing)|moved|rotated|renewed|changed|switched|added|enabled|disabled|installed|reconfigured|config(?:uration)? change|since (?:we|our|the|last)|after (?:we|our|the|upgrading|updating))\b(?:[^\n.]|\.(?=\w)){0,80}/gi;
const NO_CHANGE = /\b(?:nothing (?:else )?(?:has )?changed|no (?:recent )?changes|we (?:didn't|did not|haven't|have not) change(?:d)? anything)\b/gi;

function recentChanges(srcs: Source[]): ChecklistHint {
  const customer = srcs.filter((s) => s.field === 'customer' || s.field === 'subject');
  const none = findAll(NO_CHANGE, srcs, 'no-change', 2);
  // "nothing changed" is the answer "no changes", not a change.
  const changes = findAll(CHANGE, customer, 'change', 6)
    .filter((c) => !none.some((n) => n.field === c.field && n.messageIndex === c.messageIndex && c.start < n.end && n.start < c.end))
    .slice(0, 4);
  if (changes.length)
    return hint('recent_changes', 'found', `Changes mentioned: ${unique(changes.map((c) => c.matched.trim())).slice(0, 2).join('; ')}`, [...changes, ...none]);
  if (none.length) return hint('recent_changes', 'found', 'The customer says nothing changed', none);
  return hint('recent_changes', 'missing', 'No recent changes mentioned: ask about upgrades, migrations and config changes', []);
}

// --- impact -------------------------------------------------------------------------------------------------
const BROAD = /\b(?:all (?:of )?(?:our |the )?(?:users|developers|engineers|teams|repos(?:itories)?)|every(?:one|body)|nobody|no one|whole (?:company|org(?:anization)?|team)|entire (?:company|org(?:anization)?))\b/gi;
const PARTIAL =
  /\b(?:only (?:some|a few|admins|site admins|one|two|\d+|certain|for)\b[^\n.]{0,40}|(?:some|a few|several|many|most) (?:of (?:our|the) )?(?:users|developers|engineers|people|repos(?:itories)?)|other (?:repos(?:itories)?|users) (?:are|work) fine|works? (?:fine )?for (?:other|some|admins)|(?:admins|existing sessions) (?:can )?still)\b/gi;
const COUNT = /\b(?:~|about |around |over )?\d{1,3}(?:,\d{3})*\+? (?:of (?:our|the) )?(?:users|developers|devs|engineers|people|employees|researchers|students|new hires|repos(?:itories)?)\b/gi;

function impact(srcs: Source[]): ChecklistHint {
  const broad = findAll(BROAD, srcs, 'impact:all', 3);
  const partial = findAll(PARTIAL, srcs, 'impact:some', 3);
  const counts = findAll(COUNT, srcs, 'impact:count', 3);
  const evidence = [...broad, ...partial, ...counts];
  if (!evidence.length) return hint('impact', 'missing', 'Who is affected is not stated: ask for impacted and unimpacted users', []);
  const words = unique(evidence.map((e) => e.matched.trim())).slice(0, 3).join('; ');
  // Both sides (who is and who is not affected), or everyone: the picture is complete.
  const status = broad.length || (partial.length && counts.length) || partial.length >= 2 ? 'found' : 'partial';
  return hint('impact', status, `Impact: ${words}`, evidence);
}

// --- urgency ------------------------------------------------------------------------------------------------
const URGENT = /\b(?:urgent(?:ly)?|asap|as soon as possible|critical|blocking|blocker|blocks|hard deadline|deadline|emergency|outage)\b/gi;
const NOT_URGENT = /\b(?:not urgent|nothing urgent|no rush|not blocking|not critical|low priority|whenever you can)\b/gi;
const DEADLINE =
  /\b(?:by|before|until|on|next|this|end of (?:the|next|this))\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|week(?:end)?|month|quarter|tomorrow|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2})\b|\b(?:in|within) (?:\d+|two|three|a few) (?:days|weeks)\b|\bdemo\b|\bsteering (?:committee|meeting)\b/gi;

function urgency(model: TicketModel, srcs: Source[], settings: Settings, knownSales?: SalesSignal[]): ChecklistHint {
  const notUrgent = findAll(NOT_URGENT, srcs, 'not-urgent', 2);
  const urgent = notUrgent.length ? [] : findAll(URGENT, srcs, 'urgency', 3);
  const deadlines = findAll(DEADLINE, srcs, 'deadline', 3);
  const sales = knownSales ?? salesProcessSignals(model, settings);
  const parts: string[] = [];
  if (notUrgent.length) parts.push(`not urgent ("${notUrgent[0]?.matched}")`);
  if (urgent.length) parts.push(`urgent: ${unique(urgent.map((e) => e.matched)).slice(0, 3).join(', ')}`);
  if (deadlines.length) parts.push(`timeline: ${unique(deadlines.map((e) => e.matched)).slice(0, 2).join(', ')}`);
  if (sales.length) parts.push(`sales process (${sales[0]?.reason})`);
  if (model.zendeskPriority === 'urgent' || model.zendeskPriority === 'high') parts.push(`Zendesk priority ${model.zendeskPriority}`);
  const evidence = [...notUrgent, ...urgent, ...deadlines, ...sales.flatMap((s) => s.evidence)].slice(0, 8);
  const status = notUrgent.length || urgent.length || deadlines.length ? 'found' : parts.length ? 'partial' : 'missing';
  const summary = status === 'missing' ? 'No urgency or timeline stated: ask the customer and CE how urgent this is' : parts.join('; ');
  return hint('urgency', status, summary, evidence);
}

/** `sales`: the sales-process signals if already known (classify passes the ones priority found). */
export function checklistHints(model: TicketModel, settings: Settings, sales?: SalesSignal[]): ChecklistHints {
  const srcs = sources(model);
  return {
    environment: environment(srcs),
    repro: repro(model, srcs),
    recent_changes: recentChanges(srcs),
    impact: impact(srcs),
    urgency: urgency(model, srcs, settings, sales),
  };
}
