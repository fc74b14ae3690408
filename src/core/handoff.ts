// The Step-5 hand-off (handbook: "alert the relevant engineering team ... in Slack. Keep it simple and always provide
// 1) a brief description of what you need, 2) link to the GitHub issue, and 3) the context around timeline").
// Channel and handle come from the team catalogue (teams.ts): @distribution-support, #core-application-support with
// @core-app-support, @batchers-support, @search-core-support / @search-product-support in #search, ...
// For CE & Sales and BizOps there is no GitHub issue: the message links the Zendesk ticket instead, and CE & Sales is
// addressed to the account's CE / sales rep when the ticket names them (sales-rep.ts), else to a visible blank.
// The message leaves Zendesk, so credentials a customer put in the subject (or an agent in a field) are masked.

import { oneLine } from './markdown.ts';
import { Masker } from './mask.ts';
import { priorityLabel, type Settings } from './settings.ts';
import { findTeam } from './teams.ts';
import { ticketUrl } from './links.ts';
import { findSalesReps, HANDOFF_BLANK, repMentions } from './sales-rep.ts';
import type { PriorityLevel, Team } from './types/classification.ts';
import type { FilingDecisions, Handoff } from './types/filing.ts';
import type { TicketLocation, TicketModel } from './types/ticket.ts';

export { HANDOFF_BLANK };

export interface HandoffContext {
  settings: Settings;
  teams: Team[];
  location: TicketLocation;
  /** The filed issue; without it (not filed yet, or a team outside engineering) the message links the ticket. */
  issueUrl?: string;
}

/** What the timeline is when the agent gave none: from the priority (handbook Step 4 and 5). */
export function defaultTimeline(priority: PriorityLevel): string {
  switch (priority) {
    case 0:
      return 'Outage-level urgency: please look at it now.';
    case 1:
      return 'Urgent: please look at it today.';
    case 2:
      return "It's okay to look at this tomorrow or later in the week.";
    default:
      return 'No rush: whenever it fits your planning.';
  }
}

/**
 * Text from the ticket pasted into Slack must not notify anyone: `@here`, `@channel` or `@name` typed in the
 * message would. A zero-width space after `@` and `<!` keeps it readable and silent.
 */
function silent(text: string): string {
  return text.replace(/@/g, '@\u200B').replace(/<!/g, '<\u200B!');
}

/**
 * Whom a CE & Sales hand-off mentions: the people the agent typed, else the CE / sales rep the ticket names
 * (sales-rep.ts), else a configured handle that is one (`@ce-team`; the built-in entry is a reminder in words),
 * else a visible blank. Never the catalogue's reminder itself: pasted into Slack it mentions nobody.
 */
function salesHandle(model: TicketModel, team: Team, include: string): string {
  if (include !== '') return silent(oneLine(include, 120));
  const reps = repMentions(findSalesReps(model));
  if (reps) return reps;
  return /^@[\w.-]+$/.test(team.slackHandle) ? team.slackHandle : HANDOFF_BLANK;
}

function description(model: TicketModel, decisions: FilingDecisions, team: Team): string {
  const subject = oneLine(model.subject, 140) || `ticket ${model.id}`;
  const customer = oneLine(model.customerName, 60);
  if (!team.takesGithubIssues) return `${customer} needs help from ${team.name}: ${subject}`;
  const what = decisions.kind === 'rfh' ? 'Request for help' : 'Defect report';
  return `${what} for ${customer}: ${subject}`;
}

/** The Slack message for the chosen team, ready to paste. Works for every team, with or without an issue. */
export function composeHandoff(model: TicketModel, decisions: FilingDecisions, ctx: HandoffContext): Handoff {
  const team = findTeam(ctx.teams, decisions.teamId);
  if (!team) throw new Error(`Unknown team "${decisions.teamId}": it is not in the team catalogue (check the routing overrides setting).`);
  const timeline = (decisions.timeline ?? '').trim() !== '' ? oneLine(decisions.timeline ?? '', 300) : defaultTimeline(decisions.priority);
  const label = priorityLabel(ctx.settings, decisions.priority);
  const lines: string[] = [];

  // Who: the team's support handle; for CE & Sales the assigned sales rep and CE (handbook), see salesHandle.
  const include = (decisions.ceToInclude ?? '').trim();
  const handle = team.id === 'ce-sales' ? salesHandle(model, team, include) : team.slackHandle;
  const sep = team.takesGithubIssues ? ' ' : ': ';
  lines.push(`${handle}${sep}${silent(description(model, decisions, team))}`);

  if (team.takesGithubIssues) {
    lines.push(ctx.issueUrl ? `Issue: ${ctx.issueUrl} (${label})` : `Issue: not filed yet (${label}). Zendesk: ${ticketUrl(ctx.location)}`);
  } else {
    lines.push(`Zendesk: ${ticketUrl(ctx.location)}`);
  }
  lines.push(`Timeline: ${silent(timeline)}`);
  if (team.takesGithubIssues && include !== '') lines.push(`CE / sales to include: ${silent(oneLine(include, 120))}`);

  // Masked once it is whole: the links and handles have nothing to mask, and one pass sees every line.
  const masker = new Masker();
  const message = masker.mask(lines.join('\n'), { part: 'handoff' });
  const handoff: Handoff = { teamId: team.id, channel: team.slackChannel, handle: masker.mask(handle, { part: 'handoff' }), message };
  if (masker.masked.length > 0) handoff.masked = masker.masked;
  return handoff;
}
