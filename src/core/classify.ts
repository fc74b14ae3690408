// Everything Engage suggests for a ticket, in one call: the team (router.ts), the priority (priority.ts) and the
// Step-1 checklist hints (checklist.ts). Pure: the sidebar and the CLI call exactly this.
import { checklistHints } from './checklist.ts';
import { assessPriorityWithSignals } from './priority.ts';
import { route } from './router.ts';
import type { Settings } from './settings.ts';
import type { Classification, Team } from './types/classification.ts';
import type { TicketModel } from './types/ticket.ts';

export function classify(model: TicketModel, teams: Team[], settings: Settings): Classification {
  const { priority, sales } = assessPriorityWithSignals(model, settings);
  return {
    ticketId: model.id,
    route: route(model, teams),
    priority,
    checklist: checklistHints(model, settings, sales),
  };
}
