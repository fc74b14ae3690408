// The lines Engage writes on a GitHub issue to say which Zendesk tickets it carries (design: "Many-to-many links").
//
// Each ticket on an issue has one visible line of its own, always the last line of the text that carries it:
//   Filed from Zendesk by Engage · ticket marker: engage-zendesk-acme-4242     (the issue body: the filing ticket)
//   Added from Zendesk by Engage · ticket marker: engage-zendesk-acme-4243     (a comment: a ticket added later)
// Unlinking rewrites that line so it no longer holds the marker token, which GitHub's search would still find:
//   Unlinked from Zendesk by Engage · was ticket acme 4243
// Other comments Engage posts (a reply to engineering, the pointer to a public issue) end with a line that names the
// ticket without its marker, so they never count as a link:
//   Posted from Zendesk by Engage · ticket acme 4242
// (never "#4242": GitHub would take that for a reference to issue 4242 of the repository.)
// Readers: the sidebar (which tickets an issue carries), the sync action (which tickets to notify, and which comments
// are Engage's own and must not be echoed back) and the "never twice" checks (is this ticket already on the issue).

import { ticketMarker } from './links.ts';
import type { TicketLocation } from './types/ticket.ts';

export type EngageLineKind = 'filed' | 'added' | 'unlinked' | 'posted';

const LEADS: Readonly<Record<EngageLineKind, string>> = {
  filed: 'Filed from Zendesk by Engage',
  added: 'Added from Zendesk by Engage',
  unlinked: 'Unlinked from Zendesk by Engage',
  posted: 'Posted from Zendesk by Engage',
};

/** The line that links a ticket: in the body of the issue it filed, or ending the comment that added it. */
export function linkLine(kind: 'filed' | 'added', location: TicketLocation): string {
  return `${LEADS[kind]} · ticket marker: ${ticketMarker(location)}`;
}

/** The line a link becomes when the ticket is unlinked: the ticket stays named, its searchable marker goes. */
export function unlinkedLine(location: TicketLocation): string {
  return `${LEADS.unlinked} · was ticket ${markerParts(location)}`;
}

/** The last line of any other comment Engage posts for a ticket (replies, pointers): not a link. */
export function postedLine(location: TicketLocation): string {
  return `${LEADS.posted} · ticket ${markerParts(location)}`;
}

function markerParts(location: TicketLocation): string {
  // The marker's own folding of the subdomain, so the two forms always name the same ticket.
  const m = /^engage-zendesk-(.+)-(\d+)$/.exec(ticketMarker(location))!;
  return `${m[1]} ${m[2]}`;
}

/** A ticket named by one of Engage's lines: the subdomain as folded into markers, and the ticket id. */
export interface MarkedTicket {
  subdomain: string;
  ticketId: number;
}

export interface EngageLine {
  kind: EngageLineKind;
  ticket: MarkedTicket;
}

const LINE = new RegExp(
  `^(${Object.values(LEADS).join('|')}) · (?:ticket marker: engage-zendesk-([a-z0-9-]+)-(\\d{1,15})|(?:was )?ticket ([a-z0-9-]+) (\\d{1,15}))\\s*$`,
);
const KIND_OF_LEAD = new Map(Object.entries(LEADS).map(([k, v]) => [v, k as EngageLineKind]));

/** Read one line, or null when it is not one of Engage's (customer text is quoted with "> ", so it never is). */
export function readEngageLine(line: string): EngageLine | null {
  const m = LINE.exec(line.trim());
  if (!m) return null;
  const kind = KIND_OF_LEAD.get(m[1]!)!;
  const marked = m[2] !== undefined;
  // A marker belongs to filed/added lines only; "was ticket"/"ticket" forms to unlinked/posted. Anything mixed is
  // not ours.
  if (marked !== (kind === 'filed' || kind === 'added')) return null;
  const subdomain = marked ? m[2]! : m[4]!;
  const ticketId = Number(marked ? m[3] : m[5]);
  if (!Number.isSafeInteger(ticketId) || ticketId <= 0) return null;
  return { kind, ticket: { subdomain, ticketId } };
}

/** The Engage line ending a text (trailing blank lines ignored), or null. */
export function lastEngageLine(text: string | null | undefined): EngageLine | null {
  const lines = (text ?? '').replace(/\r\n?/g, '\n').trimEnd().split('\n');
  return readEngageLine(lines[lines.length - 1] ?? '');
}

/** True for a comment Engage posted (a link, an unlinked link, a reply or pointer): never echo it back. */
export function isEngageComment(body: string | null | undefined): boolean {
  return lastEngageLine(body) !== null;
}

/**
 * The tickets an issue carries now: the body's filing line (wherever a long body put it: the line is read anywhere
 * in the body, on a line of its own) and each comment ending in an "added" line. Unlinked lines carry no marker and
 * so drop out by themselves. Each ticket once, in the order it joined; `subdomain` keeps only that account's.
 */
export function linkedTickets(
  body: string | null | undefined,
  comments: readonly { body?: string | null }[],
  subdomain?: string,
): MarkedTicket[] {
  const found: MarkedTicket[] = [];
  const seen = new Set<string>();
  const add = (line: EngageLine | null, kinds: EngageLineKind[]) => {
    if (!line || !kinds.includes(line.kind)) return;
    const key = `${line.ticket.subdomain}/${line.ticket.ticketId}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(line.ticket);
  };
  for (const line of (body ?? '').replace(/\r\n?/g, '\n').split('\n')) add(readEngageLine(line), ['filed']);
  for (const c of comments) add(lastEngageLine(c.body), ['added']);
  const wanted = subdomain === undefined ? null : ticketMarker({ subdomain, ticketId: 1 }).slice('engage-zendesk-'.length, -2);
  return wanted === null ? found : found.filter((t) => t.subdomain === wanted);
}
