// Everything Engage suggests for a ticket, in one call: the team and the priority (suggest.ts) and the Step-1
// checklist hints (checklist.ts). Pure: the CLI calls exactly this; the sidebar calls `suggest` for its first view
// and `withChecklist` once the checklist is on its way.
import { checklistHints } from './checklist.ts';
import type { Settings } from './settings.ts';
import { suggest } from './suggest.ts';
import type { Classification, Suggestion, Team } from './types/classification.ts';
import type { TicketModel } from './types/ticket.ts';

/** The suggestion completed with the checklist hints (the urgency hint reuses the suggestion's sales signals). */
export function withChecklist(model: TicketModel, settings: Settings, suggestion: Suggestion): Classification {
  return {
    ticketId: suggestion.ticketId,
    route: suggestion.route,
    priority: suggestion.priority,
    checklist: checklistHints(model, settings, suggestion.sales),
  };
}

export function classify(model: TicketModel, teams: Team[], settings: Settings): Classification {
  return withChecklist(model, settings, suggest(model, teams, settings));
}
