// The first view's half of the classification: the team (router.ts) and the priority (priority.ts). The checklist
// hints, the other half, are added after the first paint by `withChecklist` (classify.ts), so this module must not
// import the checklist's rules: it is what the sidebar's first chunk carries.
import { assessPriorityWithSignals } from './priority.ts';
import { route } from './router.ts';
import type { Settings } from './settings.ts';
import type { Suggestion, Team } from './types/classification.ts';
import type { TicketModel } from './types/ticket.ts';

export function suggest(model: TicketModel, teams: Team[], settings: Settings): Suggestion {
  const { priority, sales } = assessPriorityWithSignals(model, settings);
  return { ticketId: model.id, route: route(model, teams), priority, sales };
}
