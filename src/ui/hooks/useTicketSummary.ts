// The ticket's headline from the agent's own page (ZAF `get`, no REST round trip), so the panel shows which
// ticket and customer it is about while the full conversation loads.
import { useEffect, useState } from 'react';
import type { ZafClient, ZafGetResult } from '../../zendesk/zaf.ts';
import { useClient } from './useApp.ts';

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

const early = new WeakMap<ZafClient, Promise<TicketSummary>>();

/** Ask for the headline as soon as Zendesk has registered the app, alongside the shell's own start-up reads. */
export function prefetchTicketSummary(client: ZafClient): void {
  const summary = readTicketSummary(client);
  summary.catch(() => undefined); // the hook reports nothing either: the headline is a nicety
  early.set(client, summary);
}

function takeSummary(client: ZafClient): Promise<TicketSummary> {
  const summary = early.get(client);
  early.delete(client);
  return summary ?? readTicketSummary(client);
}

/** The headline once Zendesk answered (`summary` stays null when it could not); `settled` once it has answered. */
export function useTicketSummary(): { summary: TicketSummary | null; settled: boolean } {
  const client = useClient();
  const [state, setState] = useState<{ summary: TicketSummary | null; settled: boolean }>({ summary: null, settled: false });
  useEffect(() => {
    let live = true;
    takeSummary(client).then(
      (s) => live && setState({ summary: s, settled: true }),
      // The full bundle load reports errors; the headline is a nicety.
      () => live && setState({ summary: null, settled: true }),
    );
    return () => {
      live = false;
    };
  }, [client]);
  return state;
}
