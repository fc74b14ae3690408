// The ticket's headline from the agent's own page (ZAF `get`, no REST round trip), so the panel shows which
// ticket and customer it is about while the full conversation loads.
import type { ZafClient, ZafGetResult } from '../../zaf/client.ts';

export interface TicketSummary {
  id: number | null;
  subject: string;
  status: string;
  organization: string | null;
  requester: string | null;
}

const PATHS = ['ticket.id', 'ticket.subject', 'ticket.status', 'ticket.organization', 'ticket.requester'];

function nameOf(value: unknown): string | null {
  if (value && typeof value === 'object') {
    const name = (value as { name?: unknown }).name;
    if (typeof name === 'string' && name.trim()) return name;
  }
  return null;
}

/** Plain strings from a `get` answer; any field Zendesk did not give is empty rather than an error. */
export function summaryFrom(result: ZafGetResult): TicketSummary {
  const id = result['ticket.id'];
  const subject = result['ticket.subject'];
  const status = result['ticket.status'];
  return {
    id: typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : null,
    subject: typeof subject === 'string' ? subject : '',
    status: typeof status === 'string' ? status : '',
    organization: nameOf(result['ticket.organization']),
    requester: nameOf(result['ticket.requester']),
  };
}

export async function readTicketSummary(client: ZafClient): Promise<TicketSummary> {
  return summaryFrom(await client.get(PATHS));
}
