// Who to @-mention in a CE & Sales hand-off (handbook: "@ the assigned sales rep and CE"). There is no setting that
// names a ticket field for them, so the ticket says it the two ways accounts usually record it: the organisation's
// fields (`ce`, `account_executive`, `sales_rep`, `csm`, ...) and an agent's internal note with a line such as
// "CE: @riley" or "AE: Ana Lopez". What neither names stays a visible blank the agent fills in (HANDOFF_BLANK).

import type { TicketModel } from './types/ticket.ts';

export type RepRole = 'CE' | 'AE' | 'CSM';

export interface SalesRep {
  role: RepRole;
  /** The name as recorded, without a leading `@`. */
  name: string;
  source: 'organization' | 'note';
}

/** What the message says when the ticket names nobody: obviously a blank, so it is replaced before posting. */
export const HANDOFF_BLANK = '@<CE/sales rep>';

/** Organisation field keys per role, in order of preference (compared lower-case, `-`/space as `_`). */
const ORG_KEYS: Record<RepRole, string[]> = {
  CE: ['ce', 'customer_engineer', 'ce_name', 'assigned_ce'],
  AE: ['account_executive', 'ae', 'sales_rep', 'sales_representative', 'account_owner'],
  CSM: ['csm', 'customer_success_manager'],
};

const ROLES: RepRole[] = ['CE', 'AE', 'CSM'];

/** "CE: @name", "AE - name", "Sales rep: name" at the start of a line of an internal note. */
const NOTE_LINE = /^[ \t>*-]*(ce|ae|csm|customer engineer|account executive|sales rep(?:resentative)?|customer success manager)[ \t]*[:=–-][ \t]*@?([^\n,;()]+)/gim;

const NOTE_ROLE: Record<string, RepRole> = {
  ce: 'CE',
  'customer engineer': 'CE',
  ae: 'AE',
  'account executive': 'AE',
  'sales rep': 'AE',
  'sales representative': 'AE',
  csm: 'CSM',
  'customer success manager': 'CSM',
};

/** Slack words that would notify a whole channel, never a person's name. */
const BROADCAST = new Set(['here', 'channel', 'everyone']);

/** A plausible person's name or handle, else null: what the ticket holds is typed by admins and agents, not vetted. */
export function cleanRepName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const name = value.trim().replace(/^@+/, '').replace(/\s+/g, ' ').trim();
  if (name === '' || name.length > 60) return null;
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._'’-]*$/u.test(name)) return null;
  if (BROADCAST.has(name.toLowerCase())) return null;
  // "AE: Riley Chen is out this week" names Riley Chen, not a five-word person.
  if (name.split(' ').length > 4) return null;
  return name;
}

function orgKey(key: string): string {
  return key.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** The CE, AE and CSM the ticket names: organisation fields first (the account's record), then the newest note. */
export function findSalesReps(model: TicketModel): SalesRep[] {
  const found = new Map<RepRole, SalesRep>();
  const fields = model.organization?.fields ?? {};
  const byKey = new Map(Object.entries(fields).map(([k, v]) => [orgKey(k), v] as const));
  for (const role of ROLES) {
    for (const key of ORG_KEYS[role]) {
      const name = cleanRepName(byKey.get(key));
      if (name) {
        found.set(role, { role, name, source: 'organization' });
        break;
      }
    }
  }
  const notes = model.messages.filter((m) => m.authorRole === 'agent' && !m.public).reverse();
  for (const note of notes) {
    for (const m of note.raw.matchAll(NOTE_LINE)) {
      const role = NOTE_ROLE[(m[1] ?? '').toLowerCase().replace(/\s+/g, ' ')];
      const name = cleanRepName(m[2]);
      if (role && name && !found.has(role)) found.set(role, { role, name, source: 'note' });
    }
  }
  return ROLES.flatMap((r) => (found.has(r) ? [found.get(r)!] : []));
}

/** "@Riley Chen (AE), @raj (CE)" for the message, or null when the ticket names nobody. */
export function repMentions(reps: readonly SalesRep[]): string | null {
  if (reps.length === 0) return null;
  return reps.map((r) => `@${r.name} (${r.role})`).join(', ');
}
