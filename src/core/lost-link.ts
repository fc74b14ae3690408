// A lost write-back: the issue exists on GitHub with the ticket's marker (filed from another browser, or this one
// before its storage was cleared) but the link never reached the ticket. What the ticket's opening looks for, and
// what finishing the link writes, without composing the whole issue body: the marker and the customer label are
// made exactly as composeIssue makes them (links.ts, slug.ts), and the decisions are read back from the labels the
// issue was filed with, since the draft that filed it is gone.
import { ticketMarker } from './links.ts';
import { priorityLabel, type RepoRef, type Settings } from './settings.ts';
import { customerLabel } from './slug.ts';
import type { PriorityLevel, Team } from './types/classification.ts';
import type { FilingDecisions, LinkedIssue, WriteBack } from './types/filing.ts';
import type { TicketLocation, TicketModel } from './types/ticket.ts';
import { composeWriteBack, type WriteBackContext } from './writeback.ts';

export interface LostLinkQuery {
  /** The private tracker: where filing goes by default and the only one whose issues carry the customer label. */
  repo: RepoRef;
  marker: string;
  customerLabel: string;
}

export function lostLinkQuery(model: Pick<TicketModel, 'customerName'>, location: TicketLocation, settings: Settings): LostLinkQuery {
  return {
    repo: settings.privateRepo,
    marker: ticketMarker(location),
    customerLabel: customerLabel(model.customerName, settings.labels.customerPrefix),
  };
}

const LEVELS: readonly PriorityLevel[] = [0, 1, 2, 3];

/**
 * The decisions the issue was filed with, as far as its labels tell (team label, priority label, the RFH label);
 * whatever they do not tell (labels dropped, a team label no team has) stays as `suggested` says. Always the
 * private tracker: that is where the lookup looked.
 */
export function decisionsFromLabels(
  labels: readonly string[],
  settings: Settings,
  teams: readonly Team[],
  suggested: FilingDecisions,
): FilingDecisions {
  const has = new Set(labels.map((l) => l.toLowerCase()));
  const team = teams.find((t) => t.githubLabel && has.has(t.githubLabel.toLowerCase()));
  const priority = LEVELS.find((p) => has.has(priorityLabel(settings, p).toLowerCase()));
  const decisions: FilingDecisions = { ...suggested, tracker: 'private' };
  delete decisions.privateIssueUrl;
  if (team) decisions.teamId = team.id;
  if (priority !== undefined) decisions.priority = priority;
  // With the priority label there, the labels were applied: no RFH label then means a defect.
  if (priority !== undefined) decisions.kind = has.has(settings.labels.rfh.toLowerCase()) ? 'rfh' : 'defect';
  // The suggestion the agent saw then is unknown; an override recorded against today's would be a guess.
  delete decisions.override;
  delete decisions.suggested;
  return decisions;
}

/** The line that tells the next reader of the note that the link was finished later, from the issue. */
export const LATE_LINK_LINE = 'Linked later: the filing did not reach this ticket; team and priority are read from the issue labels.';

/** The ticket's write-back for a lost link: the usual one, its note saying how the link came to be. */
export function lostLinkWriteBack(model: TicketModel, decisions: FilingDecisions, issue: LinkedIssue, ctx: WriteBackContext): WriteBack {
  const wb = composeWriteBack(model, decisions, issue, ctx);
  wb.ticket.comment.body = `${wb.ticket.comment.body}\n${LATE_LINK_LINE}`;
  return wb;
}
