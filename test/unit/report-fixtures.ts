// Small hand-made ticket sets for the report tests: only what the report reads (id, tags, created_at, organisation).
import type { TicketBundle } from '../../src/core/types/zendesk.ts';

export function ticket(id: number, createdAt: string, tags: string[] = [], org: string | null = null): TicketBundle {
  return {
    ticket: {
      id,
      subject: `Ticket ${id}`,
      status: 'open',
      priority: null,
      type: null,
      tags,
      requester_id: 10,
      organization_id: org === null ? null : 1,
      created_at: createdAt,
      updated_at: createdAt,
    },
    comments: [{ id: id * 10, author_id: 10, body: 'Hello', public: true, created_at: createdAt, attachments: [] }],
    users: [{ id: 10, name: 'Customer', role: 'end-user' }],
    organization: org === null ? null : { id: 1, name: org },
  };
}

/** `n` plain tickets from id `first`, all created on `day` (a `YYYY-MM-DD`). */
export function plain(first: number, n: number, day: string): TicketBundle[] {
  return Array.from({ length: n }, (_, i) => ticket(first + i, `${day}T09:00:00Z`));
}

export const RFH = (team: string, p: number): string[] => ['rfh', `rfh_team_${team}`, `rfh_priority_p${p}`];
