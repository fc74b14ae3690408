// The internal notes Engage itself writes on a ticket (a filing, an added or unlinked issue, a hand-off). They
// repeat the decisions ("Team: Distribution", "Priority: ce/p1"), so on a later visit they must not count as
// evidence for the router, the priority or the checklist: only people's words do. The router imports it, so it sits
// in the first view's chunk (vite.config.ts) and imports only what is there or in the entry.
import { HANDOFF_NOTE_LEAD } from './handoff-tags.ts';
import { ADDED_NOTE_LEAD, NOTE_LEAD, UNLINKED_NOTE_LEAD } from './links.ts';
import type { TicketMessage, TicketModel } from './types/ticket.ts';

const LEADS = [NOTE_LEAD, ADDED_NOTE_LEAD, UNLINKED_NOTE_LEAD, HANDOFF_NOTE_LEAD];

export function isEngageNote(m: Pick<TicketMessage, 'authorRole' | 'public' | 'raw'>): boolean {
  if (m.authorRole === 'customer' || m.public) return false;
  const first = m.raw.trimStart();
  return LEADS.some((lead) => first.startsWith(lead));
}

/** The ticket's messages as evidence: everything but Engage's own notes. */
export function peoplesMessages(model: TicketModel): TicketMessage[] {
  return model.messages.filter((m) => !isEngageNote(m));
}
