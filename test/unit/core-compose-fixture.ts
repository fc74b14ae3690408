// Test helper: small ticket bundles built in code, turned into models by the real ticket-model code.
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import { CHECKLIST_KEYS } from '../../src/core/types/classification.ts';
import type { FilingDecisions } from '../../src/core/types/filing.ts';
import type { TicketModel } from '../../src/core/types/ticket.ts';
import type { TicketBundle, ZendeskComment } from '../../src/core/types/zendesk.ts';

export const LOCATION = { subdomain: 'sourcegraph', ticketId: 4242 };

export interface MessageSpec {
  from: 'customer' | 'agent';
  body: string;
  public?: boolean;
  at?: string;
  attachments?: ZendeskComment['attachments'];
}

export function bundle(opts: {
  subject?: string;
  messages?: MessageSpec[];
  tags?: string[];
  org?: string | null;
  requester?: string;
  requesterEmail?: string;
  customFields?: { id: number; value: string | null }[];
}): TicketBundle {
  const messages = opts.messages ?? [{ from: 'customer', body: 'Our frontend pods crash after the upgrade to 3.30.' }];
  const comments: ZendeskComment[] = messages.map((m, i) => ({
    id: 1000 + i,
    author_id: m.from === 'customer' ? 1 : 2,
    body: m.body,
    public: m.public ?? true,
    created_at: m.at ?? new Date(Date.UTC(2024, 4, 1, 10, i)).toISOString(),
    attachments: m.attachments ?? [],
  }));
  return {
    ticket: {
      id: LOCATION.ticketId,
      subject: opts.subject ?? 'Frontend pods crash-loop after upgrade',
      status: 'open',
      priority: 'high',
      type: 'problem',
      tags: opts.tags ?? [],
      requester_id: 1,
      organization_id: opts.org === null ? null : 77,
      created_at: '2024-05-01T10:00:00Z',
      updated_at: '2024-05-01T12:00:00Z',
      custom_fields: opts.customFields ?? [],
    },
    comments,
    users: [
      { id: 1, name: opts.requester ?? 'Jane Doe', email: opts.requesterEmail ?? 'jane.doe@acme.com', role: 'end-user', organization_id: 77 },
      { id: 2, name: 'Sam Support', email: 'sam@sourcegraph.com', role: 'agent' },
    ],
    organization: opts.org === null ? null : { id: 77, name: opts.org ?? 'Acme Corp', tags: [], domain_names: ['acme.com'] },
  };
}

export function model(opts: Parameters<typeof bundle>[0] = {}): TicketModel {
  return buildTicketModel(bundle(opts));
}

export function decisions(over: Partial<FilingDecisions> = {}): FilingDecisions {
  const checklist = Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, { done: true, note: '' }])) as FilingDecisions['checklist'];
  return {
    teamId: 'distribution',
    priority: 1,
    kind: 'rfh',
    tracker: 'private',
    checklist,
    teammatesAsked: { done: true, note: '' },
    ...over,
  };
}

export function ctx(settings: Settings = DEFAULT_SETTINGS) {
  return { settings, teams: DEFAULT_TEAMS, location: LOCATION };
}
