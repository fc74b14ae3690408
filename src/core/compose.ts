// The GitHub issue for a ticket (handbook Step 4): exactly what Engage sends, as plain data.
//
// Everything that comes from the ticket or the agent goes through markdown.ts (quoted or inline-escaped), so it
// cannot mention anyone, link issues, hide text or break the layout; for the public tracker it first goes through
// redact.ts and internal notes are left out; for the private one through mask.ts, so that no credential a customer
// pasted leaves Zendesk (the public redaction masks the same credentials itself, in the same single pass). The
// marker line is made from the subdomain and ticket id only. The body is cut to GitHub's limits by split.ts.

import { english } from './english.ts';
import type { MessageKey } from './types/message.ts';
import { checklistHints } from './checklist.ts';
import { trimEmail, type TrimmedPart } from './email-trim.ts';
import { inline, oneLine, plainText, quoteLines } from './markdown.ts';
import { Masker } from './mask.ts';
import { assessPriority } from './priority.ts';
import { Redactor, redactionContextFor } from './redact.ts';
import { requirementsFor, unconfirmedItems, type RequirementItem, type SkipReason } from './requirements.ts';
import { priorityLabel, type Settings } from './settings.ts';
import { customerLabel, GITHUB_LABEL_MAX } from './slug.ts';
import { splitBody } from './split.ts';
import { findTeam } from './teams.ts';
import { linkLine } from './issue-markers.ts';
import { noBacklinkUrl, parseIssueUrl, ticketMarker, ticketUrl } from './links.ts';
import {
  CHECKLIST_KEYS,
  type ChecklistHints,
  type ChecklistKey,
  type Classification,
  type PriorityLevel,
  type PriorityResult,
  type Team,
} from './types/classification.ts';
import type { FilingDecisions, IssueRequest, MaskWhere } from './types/filing.ts';
import type { TicketAttachment, TicketLocation, TicketMessage, TicketModel } from './types/ticket.ts';

export interface ComposeContext {
  settings: Settings;
  teams: Team[];
  location: TicketLocation;
  /**
   * The ticket's classification, when the caller has it: its checklist hints and priority (was it raised for a
   * sales process?) enrich the body. Without it, both are computed here (both are cheap).
   */
  classification?: Classification;
  /** Public tracker: more to redact than the model knows (organisation `domain_names`, other people's names). */
  redaction?: { names?: string[]; people?: string[]; domains?: string[] };
}

export type ComposeErrorCode = 'unknown-team' | 'team-takes-no-issue' | 'label-too-long' | 'invalid-decisions';

/** A request that cannot be composed; `message` says why in words an agent (or a CLI user) understands. */
export class ComposeError extends Error {
  constructor(
    readonly code: ComposeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ComposeError';
  }
}

/** GitHub's issue title limit is 256; a title anyone can scan is much shorter. */
export const TITLE_MAX = 120;
/** Longest agent note or hint kept in the body (they are one-liners; the conversation carries the detail). */
const NOTE_MAX = 1500;

const CHECKLIST_TITLES: Record<ChecklistKey, string> = {
  environment: 'Environment and versions',
  repro: 'Steps to reproduce (screenshots, logs)',
  recent_changes: 'Recent changes',
  impact: 'Impact: who is and is not affected',
  urgency: 'Urgency and timeline',
};

const TEAMMATES_TITLE = 'Asked in #customer-support-chat first (Step 2)';

const SKIP_TEXT: Record<SkipReason, string> = {
  'feature-request': 'not needed for a feature request',
  defect: 'not needed for a defect',
};

function itemTitle(item: RequirementItem): string {
  return item === 'teammates' ? TEAMMATES_TITLE : CHECKLIST_TITLES[item];
}

// ---- small pieces ------------------------------------------------------------------------------------------------

/** "2024-05-01 10:22 UTC" from an ISO time; the raw text (escaped by the caller) if it is not one. */
export function formatTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)} UTC`;
}

function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function teamOrThrow(teams: Team[], id: string): Team {
  const team = findTeam(teams, id);
  if (!team) throw new ComposeError('unknown-team', `Unknown team "${id}": it is not in the team catalogue (check the routing overrides setting).`);
  if (!team.takesGithubIssues || !team.githubLabel) {
    throw new ComposeError(
      'team-takes-no-issue',
      `${team.name} takes no GitHub issue: post the hand-off in ${team.slackChannel} instead (handbook: teams outside engineering).`,
    );
  }
  return team;
}

/** A subject that says nothing ("Help", "Question", "Urgent!!") is replaced by the start of the customer's first message. */
function specificSubject(model: TicketModel): string {
  const subject = oneLine(model.subject);
  const words = subject.replace(/[^\p{L}\p{N}\s]/gu, ' ').trim().split(/\s+/).filter(Boolean);
  const generic = /^(?:help|question|questions|issue|issues|problem|problems|urgent|support|request|hi|hello|ticket|bug|error|re|fwd?)$/i;
  if (words.length >= 2 && !words.every((w) => generic.test(w))) return subject;
  const first = model.messages.find((m) => m.authorRole === 'customer' && m.public && m.text.trim() !== '');
  if (!first) return subject === '' ? `Ticket ${model.id}` : subject;
  const sentence = oneLine(first.text).split(/(?<=[.!?])\s/)[0] ?? '';
  return subject === '' ? sentence : `${subject}: ${sentence}`;
}

/**
 * The issue title: "<Customer>: <subject>" in the private tracker, the (redacted) subject in the public one.
 * `scrub` masks (private) or redacts (public) it; the default masks credentials, so no caller can forget to.
 */
export function composeTitle(model: TicketModel, publicTracker: boolean, scrub?: (s: string) => string): string {
  const subject = specificSubject(model);
  const title = publicTracker ? subject : `${oneLine(model.customerName)}: ${subject}`;
  const clean = scrub ?? ((s: string) => new Masker().mask(s, { part: 'title' }));
  return plainText(clean(title), TITLE_MAX);
}

/** Labels: `customer/<slug>` (private only), `rfh` (requests for help only), the priority label, the team label. */
export function composeLabels(model: TicketModel, decisions: FilingDecisions, team: Team, settings: Settings): string[] {
  const labels: string[] = [];
  if (decisions.tracker === 'private') labels.push(customerLabel(model.customerName, settings.labels.customerPrefix));
  if (decisions.kind === 'rfh') labels.push(settings.labels.rfh);
  labels.push(priorityLabel(settings, decisions.priority));
  if (team.githubLabel) labels.push(team.githubLabel);
  for (const l of labels) {
    if (l.length > GITHUB_LABEL_MAX) {
      throw new ComposeError('label-too-long', `The label "${l}" is longer than GitHub's ${GITHUB_LABEL_MAX} characters: shorten it in the settings.`);
    }
  }
  return [...new Set(labels)];
}

/** The priority reasons that say what a sales process did to the level (the last reason, when there is one). */
const SALES_REASONS: readonly MessageKey[] = ['ui.reason.raised', 'ui.reason.not_raised', 'ui.reason.stays', 'ui.reason.already'];

function salesContext(model: TicketModel, settings: Settings, priority: PriorityResult | null): string[] {
  const marks = new Set(settings.salesProcessTags.map((t) => t.toLowerCase()));
  const tags = [...model.tags, ...(model.organization?.tags ?? [])].filter((t) => marks.has(t.toLowerCase()));
  const lines: string[] = [];
  if (tags.length > 0) lines.push(`In a sales process (tags: ${[...new Set(tags)].join(', ')}).`);
  if (lines.length === 0 && priority?.salesProcess) {
    const reason = priority.reasons.find((r) => SALES_REASONS.includes(r.message.key));
    lines.push(reason ? english(reason.message) : 'In a sales process.');
  }
  return lines;
}

function roleLabel(m: TicketMessage): string {
  if (m.authorRole === 'customer') return 'Customer';
  return m.public ? 'Support (public reply)' : 'Support, internal note';
}

// ---- the body ----------------------------------------------------------------------------------------------------

export interface BodyParts {
  head: string;
  blocks: string[];
  tail: string;
}

export function bodyParts(
  model: TicketModel,
  decisions: FilingDecisions,
  team: Team,
  ctx: ComposeContext,
  redactor: Redactor | null,
  scrub: (s: string, where: MaskWhere) => string,
): BodyParts {
  const { settings, location } = ctx;
  const isPublic = redactor !== null;
  // Agent and customer text: masked or redacted first, then escaped (the detectors must see the original text).
  const summary: MaskWhere = { part: 'summary' };
  const text = (s: string, max = NOTE_MAX): string => inline(scrub(s, summary), max);
  const link = ticketUrl(location);
  const hints: ChecklistHints = ctx.classification?.checklist ?? checklistHints(model, settings);
  const priority: PriorityResult | null = ctx.classification?.priority ?? assessPriority(model, settings);
  const label = priorityLabel(settings, decisions.priority);
  const kindText = decisions.kind === 'rfh' ? 'Request for help' : 'Defect';
  const out: string[] = [];

  // Summary: what, for whom, from where, how urgent.
  out.push(`## ${kindText}: ${text(specificSubject(model), TITLE_MAX)}`);
  out.push(
    decisions.kind === 'rfh'
      ? `Support needs help from **${inline(team.name)}** with a customer ticket.`
      : `A customer reported a defect for **${inline(team.name)}**.`,
  );

  const facts: string[] = [`- **Zendesk ticket:** [ticket ${model.id}](${link})`];
  if (!isPublic) {
    facts.push(`- **Customer:** ${inline(model.customerName, 200)}`);
    facts.push(`- **Requester:** ${inline(model.requester.name, 200)}`);
  }
  facts.push(`- **Priority:** \`${label}\``);
  facts.push(`  - ${priorityInWords(decisions.priority, priority)}`);
  // The team only: how the router scored it (keywords, weights) is the agent's business, not the engineers'.
  facts.push(`- **Team:** ${inline(team.name)} (\`${team.githubLabel ?? ''}\`)`);
  facts.push(`- **Kind:** ${decisions.kind === 'rfh' ? 'request for help (`rfh`)' : 'defect'}`);
  if (isPublic && decisions.privateIssueUrl && /^https?:\/\/[^\s<>]+$/.test(decisions.privateIssueUrl)) {
    // A link, not a cross-reference: the private issue's timeline would otherwise show the public one, and GitHub
    // would notify its watchers of a public mention (links.ts noBacklinkUrl).
    const privateIssue = parseIssueUrl(decisions.privateIssueUrl);
    const text = privateIssue ? `${privateIssue.owner}/${privateIssue.repo} issue ${privateIssue.number}` : 'the private issue';
    facts.push(`- **Private issue:** [${inline(text)}](${noBacklinkUrl(settings, decisions.privateIssueUrl)})`);
  }
  out.push(facts.join('\n'));

  // What the kind and priority ask (requirements.ts). An outage is filed before the context is complete, so the
  // engineers see at once what support is still confirming rather than a gap that reads as "not asked".
  const requirements = requirementsFor(decisions.kind, decisions.priority);
  const gathering = requirements.blocks ? [] : unconfirmedItems(requirements, decisions);
  if (gathering.length > 0) {
    out.push(
      [
        '### Still gathering',
        `Filed at once for an outage (\`${label}\`) so that the customer does not wait: support is still confirming these and will add them in a comment.`,
        ...gathering.map((item) => `- ${itemTitle(item)}`),
      ].join('\n'),
    );
  }
  const open = (key: RequirementItem): string => {
    const skip = requirements.skipped[key];
    if (skip) return ` (${SKIP_TEXT[skip]})`;
    return gathering.includes(key) ? ' (still gathering)' : ' (not confirmed)';
  };

  // Step 1: the agent's answers, with what the ticket already shows.
  const step1: string[] = ['### Step 1: what we know'];
  for (const key of CHECKLIST_KEYS) {
    const answer = decisions.checklist[key];
    const hint = hints[key];
    const lines = [`**${CHECKLIST_TITLES[key]}**${answer?.done ? ' ✓' : open(key)}`];
    if (answer && answer.note.trim() !== '') lines.push(`- Agent: ${text(answer.note)}`);
    // What the ticket shows, without the engine's status word; a "missing" hint is an instruction to the agent
    // ("ask the customer…"), which the title's "(not confirmed)" already says for the engineers.
    const summary = hint && hint.status !== 'missing' ? shownSummary(key, english(hint.summary)) : '';
    if (summary !== '') lines.push(`- From the ticket: ${text(summary)}`);
    if (key === 'urgency' && decisions.timeline && decisions.timeline.trim() !== '') lines.push(`- Timeline: ${text(decisions.timeline, 400)}`);
    if (key === 'urgency') for (const s of salesContext(model, settings, priority)) lines.push(`- Sales context: ${text(s, 400)}`);
    step1.push(lines.join('\n'));
  }
  out.push(step1.join('\n\n'));

  const people: string[] = [];
  if (decisions.kind === 'rfh') {
    const asked = decisions.teammatesAsked;
    const answer = asked.done ? 'yes' : gathering.includes('teammates') ? 'not yet (still gathering)' : 'no';
    people.push(`- **Asked in #customer-support-chat first:** ${answer}${asked.note.trim() ? `: ${text(asked.note)}` : ''}`);
  }
  if (decisions.ceToInclude && decisions.ceToInclude.trim() !== '') {
    people.push(`- **Include:** ${text(decisions.ceToInclude, 300)} (CE / sales, please loop them in)`);
  }
  if (decisions.escalateAnywayReason && decisions.escalateAnywayReason.trim() !== '') {
    people.push(`- **Escalated before the checklist was complete, because:** ${text(decisions.escalateAnywayReason)}`);
  }
  const o = decisions.override;
  if (o && (o.suggestedTeamId !== undefined || o.suggestedPriority !== undefined || (o.reason ?? '').trim() !== '')) {
    const parts: string[] = [];
    if (o.suggestedTeamId !== undefined && o.suggestedTeamId !== team.id) {
      const suggested = findTeam(ctx.teams, o.suggestedTeamId);
      parts.push(`team suggested: ${inline(suggested?.name ?? o.suggestedTeamId)}`);
    }
    if (o.suggestedPriority !== undefined && o.suggestedPriority !== decisions.priority) {
      parts.push(`priority suggested: \`${priorityLabel(settings, o.suggestedPriority as PriorityLevel)}\``);
    }
    const reason = (o.reason ?? '').trim() !== '' ? `; reason: ${text(o.reason ?? '')}` : '';
    people.push(`- **Override by the agent** (${parts.length ? parts.join(', ') : 'suggestion changed'})${reason}`);
  }
  if (people.length > 0) out.push(`### Context\n${people.join('\n')}`);

  out.push(
    `### Conversation\nEvery message of the ticket, oldest first, quoted as written${isPublic ? ' (without signatures and quoted replies, redacted; internal notes left out)' : ', without e-mail signatures, disclaimers and the earlier messages quoted below a reply (the ticket has them)'}. Attachments stay on the ticket.`,
  );

  // The conversation: one block per message.
  const blocks: string[] = [];
  model.messages.forEach((m, i) => {
    if (isPublic && !m.public) {
      redactor.record({ kind: 'internal-note', original: oneLine(m.raw, 120), replacement: '(internal note left out)' });
      return;
    }
    blocks.push(messageBlock(m, link, isPublic, (s) => scrub(s, { part: 'message', index: i + 1 }), (s) => scrub(s, { part: 'attachment', index: i + 1 })));
  });
  if (blocks.length === 0) blocks.push('_The ticket has no messages._');

  // Visible (GitHub search indexes visible text only) and plain: the "never twice" lookup searches for it.
  const tail = linkLine('filed', location);
  return { head: out.join('\n\n'), blocks, tail };
}

function messageBlock(
  m: TicketMessage,
  link: string,
  isPublic: boolean,
  clean: (s: string) => string,
  cleanName: (s: string) => string,
): string {
  // Names stay out of the public tracker; the role says enough there.
  const name = isPublic ? '' : ` · ${inline(m.authorName, 100)}`;
  const header = `**${roleLabel(m)}**${name} · ${inline(formatTime(m.createdAt), 60)}`;
  // Private: the message as written, less what an engineer does not need (email-trim.ts: earlier replies quoted
  // below it, signature, disclaimers; conservative, the ticket keeps all of it). Public: the routing's cleaned text
  // (clean-text.ts), stricter, since signatures are where names, titles and phone numbers live.
  const trimmed = isPublic ? { text: m.text, removed: [] } : trimEmail(m.raw);
  const lines = quoteLines(clean(trimmed.text));
  const parts = [header, lines.length > 0 ? lines.join('\n') : '> (no text)'];
  // After a blank line: a line right below a quote would continue the quote's paragraph.
  if (trimmed.removed.length > 0) parts.push('', `_${leftOut(trimmed.removed)}_`);
  if (m.attachments.length > 0) parts.push('', attachmentLine(m.attachments, link, cleanName));
  return parts.join('\n');
}

const LEFT_OUT: Record<TrimmedPart, string> = {
  'reply-chain': 'earlier messages quoted below it',
  signature: 'signature',
  disclaimer: 'disclaimer',
};

/** "Left out here: signature, disclaimer (on the ticket)." */
function leftOut(parts: TrimmedPart[]): string {
  return `Left out here: ${parts.map((p) => LEFT_OUT[p]).join(', ')} (on the ticket).`;
}

/** A hint's summary for engineers: urgency's "sales process (the ticket mentions …)" is said by "Sales context". */
function shownSummary(key: ChecklistKey, summary: string): string {
  if (key !== 'urgency') return summary.trim();
  return summary
    .replace(/(?:^|;\s*)sales process \((?:[^()]|\([^()]*\))*\)/, '')
    .replace(/^;\s*/, '')
    .trim();
}

/**
 * What the priority means, in words (the level the agent chose, which may not be the suggested one). The engine's
 * reasons list matched keywords and tags; the engineers need the level's meaning and whether a sales process
 * raised it, and the conversation below has the customer's own words.
 */
function priorityInWords(level: PriorityLevel, suggested: PriorityResult | null): string {
  const meaning: Record<PriorityLevel, string> = {
    0: 'Outage: the customer cannot use the instance',
    1: 'Severe production impact',
    2: 'Partial loss of use, or a question',
    3: 'Feature request',
  };
  const raised = suggested && suggested.level === level && suggested.salesProcess && suggested.baseLevel > level;
  return raised ? `${meaning[level]}; raised because the customer is in a sales process.` : `${meaning[level]}.`;
}

/** Attachments are listed and linked to the ticket: GitHub has no upload API and Zendesk's file links are private. */
function attachmentLine(attachments: TicketAttachment[], link: string, clean: (s: string) => string): string {
  const items = attachments.map((a) => `[${inline(clean(a.fileName), 120)}](${link}) (${a.kind}, ${formatSize(a.size)})`);
  return `📎 Attachments on the ticket: ${items.join(', ')}`;
}

/** Decisions come from a draft the agent edits (and may have been stored by an older version): check the enums. */
export function checkDecisions(d: FilingDecisions): void {
  const problems: string[] = [];
  if (![0, 1, 2, 3].includes(d.priority)) problems.push(`priority must be 0 to 3, not ${String(d.priority)}`);
  if (d.kind !== 'rfh' && d.kind !== 'defect') problems.push(`kind must be "rfh" or "defect", not "${String(d.kind)}"`);
  if (d.tracker !== 'private' && d.tracker !== 'public') problems.push(`tracker must be "private" or "public", not "${String(d.tracker)}"`);
  if (problems.length > 0) throw new ComposeError('invalid-decisions', `Cannot compose the issue: ${problems.join('; ')}.`);
}

// ---- the request -------------------------------------------------------------------------------------------------

/**
 * The exact GitHub request for a ticket and the agent's decisions. Throws `ComposeError` when no issue can be
 * composed (a team outside engineering takes the hand-off instead — see handoff.ts; an unknown team; a label
 * longer than GitHub allows).
 */
export function composeIssue(model: TicketModel, decisions: FilingDecisions, ctx: ComposeContext): IssueRequest {
  checkDecisions(decisions);
  const team = teamOrThrow(ctx.teams, decisions.teamId);
  const isPublic = decisions.tracker === 'public';
  const repo = isPublic ? ctx.settings.publicRepo : ctx.settings.privateRepo;
  const redactor = isPublic ? new Redactor(redactionContextFor(model, ctx.redaction ?? {})) : null;
  const masker = new Masker();
  const scrub = (s: string, where: MaskWhere): string => (redactor ? redactor.redact(s, where) : masker.mask(s, where));
  const title = composeTitle(model, isPublic, (s) => scrub(s, { part: 'title' }));
  const parts = bodyParts(model, decisions, team, ctx, redactor, scrub);
  const { body, comments } = splitBody(parts);
  const request: IssueRequest = {
    owner: repo.owner,
    repo: repo.repo,
    title,
    body,
    labels: composeLabels(model, decisions, team, ctx.settings),
    comments,
    marker: ticketMarker(ctx.location),
    masked: redactor ? redactor.masked : masker.masked,
  };
  if (redactor) request.redactions = redactor.redactions;
  return request;
}

/**
 * The decisions Engage proposes before the agent changes anything: the suggested team and priority, a request for
 * help in the private tracker, checklist items the ticket already answers marked done (with no note), Step 2 not
 * yet done. The CLI composes with these; the sidebar starts its draft from them.
 */
export function defaultDecisions(
  classification: Classification,
  options: { kind?: FilingDecisions['kind']; tracker?: FilingDecisions['tracker']; privateIssueUrl?: string } = {},
): FilingDecisions {
  const checklist = Object.fromEntries(
    CHECKLIST_KEYS.map((k) => [k, { done: classification.checklist[k]?.status === 'found', note: '' }]),
  ) as FilingDecisions['checklist'];
  const decisions: FilingDecisions = {
    teamId: classification.route.team.teamId,
    priority: classification.priority.level,
    kind: options.kind ?? 'rfh',
    tracker: options.tracker ?? 'private',
    checklist,
    teammatesAsked: { done: classification.checklist.teammates?.status === 'found', note: '' },
    suggested: { teamId: classification.route.team.teamId, priority: classification.priority.level },
  };
  if (options.privateIssueUrl) decisions.privateIssueUrl = options.privateIssueUrl;
  return decisions;
}
