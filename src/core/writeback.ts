// What Engage writes back to the ticket after filing, so the next agent sees the issue without opening GitHub: one
// `PUT /api/v2/tickets/{id}.json` carrying an internal note with the issue link and the decisions, the tags
// `rfh` (requests for help only), `rfh_team_<team id with _>`, `rfh_priority_p<n>`, `rfh_issue_<n>` (or
// `rfh_public_issue_<n>` for the public tracker), the report tags (`engage_defect`, the suggestion the agent saw:
// report-tags.ts), the configured ticket fields, and on-hold when the settings say so.
// `findLinkedIssue` (links.ts) reads the note, tags and field back on later visits; `engage eval` reads the tags.

import { CHECKLIST_KEYS, type Team } from './types/classification.ts';
import type { FilingDecisions, LinkedIssue, WriteBack } from './types/filing.ts';
import type { TicketLocation, TicketModel } from './types/ticket.ts';
import type { ZendeskCustomFieldValue } from './types/zendesk.ts';
import { oneLine } from './markdown.ts';
import { priorityLabel, type Settings } from './settings.ts';
import { findTeam } from './teams.ts';
import { ADDED_NOTE_LEAD, issueTag, NOTE_LEAD, UNLINKED_NOTE_LEAD, type TicketLink } from './links.ts';
import { tagPart } from './tags.ts';
import { DEFECT_TAG, suggestedPriorityTag, suggestedTeamTag } from './report-tags.ts';

export interface WriteBackContext {
  settings: Settings;
  teams: Team[];
  location?: TicketLocation;
}

export { tagPart };

export function teamTag(teamId: string): string {
  return `rfh_team_${tagPart(teamId)}`;
}

export function priorityTag(level: number): string {
  return `rfh_priority_p${level}`;
}

const CHECK_NAMES: Record<(typeof CHECKLIST_KEYS)[number], string> = {
  environment: 'environment',
  repro: 'repro',
  recent_changes: 'recent changes',
  impact: 'impact',
  urgency: 'urgency',
};

/** The internal note: plain text (Zendesk shows `body` as text), first line is what links.ts looks for. */
export function writeBackNote(model: TicketModel, decisions: FilingDecisions, issue: LinkedIssue, ctx: WriteBackContext, how: LinkHow = 'filed'): string {
  const team = findTeam(ctx.teams, decisions.teamId);
  const trackerName = decisions.tracker === 'public' ? 'public tracker' : 'private tracker';
  const lines = [`${how === 'added' ? ADDED_NOTE_LEAD : NOTE_LEAD} (${trackerName}): ${issue.url}`];
  lines.push(`Kind: ${decisions.kind === 'rfh' ? 'request for help' : 'defect'}`);
  lines.push(`Team: ${team ? team.name : decisions.teamId}${team?.githubLabel ? ` (${team.githubLabel})` : ''}`);
  lines.push(`Priority: ${priorityLabel(ctx.settings, decisions.priority)}`);
  const o = decisions.override;
  if (o) {
    const parts: string[] = [];
    if (o.suggestedTeamId !== undefined && o.suggestedTeamId !== decisions.teamId) {
      parts.push(`suggested team ${findTeam(ctx.teams, o.suggestedTeamId)?.name ?? o.suggestedTeamId}`);
    }
    if (o.suggestedPriority !== undefined && o.suggestedPriority !== decisions.priority) {
      parts.push(`suggested priority ${priorityLabel(ctx.settings, o.suggestedPriority)}`);
    }
    if (parts.length || (o.reason ?? '').trim()) lines.push(`Override: ${parts.join(', ') || 'suggestion changed'}${(o.reason ?? '').trim() ? ` (${oneLine(o.reason ?? '', 300)})` : ''}`);
  }
  const done = CHECKLIST_KEYS.filter((k) => decisions.checklist[k]?.done).map((k) => CHECK_NAMES[k]);
  const open = CHECKLIST_KEYS.filter((k) => !decisions.checklist[k]?.done).map((k) => CHECK_NAMES[k]);
  lines.push(`Step 1 checklist: ${done.length ? `done: ${done.join(', ')}` : 'nothing confirmed'}${open.length ? `; open: ${open.join(', ')}` : ''}`);
  if ((decisions.escalateAnywayReason ?? '').trim()) lines.push(`Escalated anyway: ${oneLine(decisions.escalateAnywayReason ?? '', 300)}`);
  if (decisions.kind === 'rfh') lines.push(`Asked in #customer-support-chat: ${decisions.teammatesAsked.done ? 'yes' : 'no'}`);
  if ((decisions.ceToInclude ?? '').trim()) lines.push(`Include: ${oneLine(decisions.ceToInclude ?? '', 200)}`);
  if ((decisions.timeline ?? '').trim()) lines.push(`Timeline: ${oneLine(decisions.timeline ?? '', 300)}`);
  if (decisions.tracker === 'public' && decisions.privateIssueUrl) lines.push(`Private issue: ${decisions.privateIssueUrl}`);
  lines.push(`Ticket: ${model.id}`);
  return lines.join('\n');
}

/** How the ticket came to the issue: it filed it, or it was added to an issue filed for another ticket. */
export type LinkHow = 'filed' | 'added';

/** The one PUT body that records the filing (or the adding to an existing issue) on the ticket. */
export function composeWriteBack(model: TicketModel, decisions: FilingDecisions, issue: LinkedIssue, ctx: WriteBackContext, how: LinkHow = 'filed'): WriteBack {
  const { settings } = ctx;
  const tags = [teamTag(decisions.teamId), priorityTag(decisions.priority), issueTag(decisions.tracker, issue.number)];
  if (decisions.kind === 'rfh') tags.unshift('rfh');
  else tags.push(DEFECT_TAG);
  if (decisions.suggested) tags.push(suggestedTeamTag(decisions.suggested.teamId), suggestedPriorityTag(decisions.suggested.priority));

  const fields: ZendeskCustomFieldValue[] = [];
  if (settings.fields.engineeringTeam !== null) fields.push({ id: settings.fields.engineeringTeam, value: decisions.teamId });
  if (settings.fields.officialPriority !== null) fields.push({ id: settings.fields.officialPriority, value: `p${decisions.priority}` });
  if (settings.fields.linkedIssue !== null) {
    // The field holds one link: the private issue wins; a public filing fills it only when it is empty.
    const current = model.customFields[String(settings.fields.linkedIssue)];
    const empty = current === null || current === undefined || (typeof current === 'string' && current.trim() === '');
    if (how === 'added' && !empty && typeof current === 'string') {
      // Added to one more issue: the field lists every link, separated by blanks (findLinks reads them all).
      if (!current.split(/[\s,]+/).includes(issue.url)) fields.push({ id: settings.fields.linkedIssue, value: `${current.trim()} ${issue.url}` });
    } else if (decisions.tracker === 'private' || empty) fields.push({ id: settings.fields.linkedIssue, value: issue.url });
  }

  const wb: WriteBack = {
    ticket: {
      comment: { body: writeBackNote(model, decisions, issue, ctx, how), public: false },
      additional_tags: [...new Set(tags)],
    },
  };
  if (fields.length > 0) wb.ticket.custom_fields = fields;
  if (settings.statusAfterFiling === 'hold') wb.ticket.status = 'hold';
  return wb;
}

/** The tags a filing leaves that say "this ticket has an RFH": they go with the ticket's last link. */
const FILING_TAG = /^(?:rfh|engage_defect|rfh_team_.+|rfh_priority_p[0-3]|rfh_suggested_team_.+|rfh_suggested_priority_p[0-3])$/;

/**
 * The PUT that unlinks `link` from the ticket: a note saying so (it cancels the link notes before it: links.ts),
 * the issue's tag off, the linked-issue field without its URL; when no link remains, the filing's tags too, so the
 * ticket no longer counts as an RFH in the reports. `by` is the agent's name, for the note.
 */
export function composeUnlink(model: TicketModel, link: TicketLink, remaining: readonly TicketLink[], ctx: WriteBackContext & { by?: string }): WriteBack {
  const { settings } = ctx;
  const remove = new Set([issueTag(link.tracker, link.number)]);
  if (remaining.length === 0) for (const tag of model.tags) if (FILING_TAG.test(tag) && tag !== settings.labels.rfh) remove.add(tag);
  if (remaining.length === 0 && model.tags.includes(settings.labels.rfh)) remove.add(settings.labels.rfh);
  const lines = [
    `${UNLINKED_NOTE_LEAD}: ${link.url}`,
    `${ctx.by ? `${oneLine(ctx.by, 100)} unlinked it` : 'Unlinked'}: the ticket was linked to this issue by mistake. The issue's comment for this ticket now says so.`,
    remaining.length ? `Still linked: ${remaining.map((l) => l.url).join(', ')}` : 'The ticket has no linked issue now.',
  ];
  const wb: WriteBack = { ticket: { comment: { body: lines.join('\n'), public: false }, additional_tags: [], remove_tags: [...remove] } };
  const fieldId = settings.fields.linkedIssue;
  const current = fieldId === null ? undefined : model.customFields[String(fieldId)];
  if (fieldId !== null && typeof current === 'string' && current.includes(link.url)) {
    const kept = current.split(/[\s,]+/).filter((u) => u !== '' && u !== link.url);
    wb.ticket.custom_fields = [{ id: fieldId, value: kept.length ? kept.join(' ') : null }];
  }
  return wb;
}
