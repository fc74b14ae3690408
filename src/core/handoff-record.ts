// The trace a hand-off to a team outside engineering (CE & Sales, BizOps) leaves on the ticket once the agent has
// posted the Slack message: one internal note (team, channel, who posted, the message) and the tag
// `engage_handoff_<team id with _>`, in the same single `PUT /api/v2/tickets/{id}.json` as the filing write-back.
// The tag is what later visits, the "never twice" check (flows/handoff.ts) and `engage eval` read; the note is
// for people. The prefix and its test live in handoff-tags.ts, which the sidebar's entry chunk reads.

import { HANDOFF_NOTE_LEAD, HANDOFF_TAG_PREFIX } from './handoff-tags.ts';
import { tagPart } from './tags.ts';
import type { Handoff, WriteBack } from './types/filing.ts';
import type { TicketModel } from './types/ticket.ts';

export { HANDOFF_TAG_PREFIX, hasHandoffTag } from './handoff-tags.ts';

/** The first words of the note; `findHandoffNote` looks for them. */
export { HANDOFF_NOTE_LEAD };

/** `ce-sales` → `engage_handoff_ce_sales`. */
export function handoffTag(teamId: string): string {
  return `${HANDOFF_TAG_PREFIX}${tagPart(teamId)}`;
}

/**
 * The team ids the ticket was handed off to, from its tags: a known team whose id gives the tag, else the tag's
 * word with `_` read as `-` (a team since removed from the catalogue still counts).
 */
export function handedOffTeams(tags: readonly string[], teams: readonly { id: string }[]): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    if (!tag.startsWith(HANDOFF_TAG_PREFIX)) continue;
    const word = tag.slice(HANDOFF_TAG_PREFIX.length);
    if (word === '') continue;
    const id = teams.find((t) => tagPart(t.id) === word)?.id ?? word.replace(/_/g, '-');
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** The note, plain text (Zendesk shows `body` as text): where, by whom when known, and the message as posted. */
export function handoffNote(handoff: Handoff, teamName: string, postedBy: string | null): string {
  const lines = [`${HANDOFF_NOTE_LEAD} ${teamName} in Slack ${handoff.channel} (no GitHub issue)`];
  if (postedBy && postedBy.trim() !== '') lines.push(`Posted by: ${postedBy.trim().replace(/\s+/g, ' ')}`);
  lines.push('Message posted:', handoff.message);
  return lines.join('\n');
}

/** The one PUT body that records the hand-off: the internal note and the tag together, never one without the other. */
export function composeHandoffWriteBack(handoff: Handoff, teamName: string, postedBy: string | null): WriteBack {
  return {
    ticket: {
      comment: { body: handoffNote(handoff, teamName, postedBy), public: false },
      additional_tags: [handoffTag(handoff.teamId)],
    },
  };
}

export interface RecordedHandoff {
  teamId: string;
  /** From Engage's note, when the ticket still has it (the tag alone says only that it happened). */
  note?: { postedBy: string | null; at: string; channel: string | null };
}

/** Engage's newest hand-off note naming `teamName`, read back for the revisit view. */
export function findHandoffNote(model: TicketModel, teamName: string): RecordedHandoff['note'] | undefined {
  const lead = `${HANDOFF_NOTE_LEAD} ${teamName} in Slack `;
  const notes = model.messages.filter((m) => m.authorRole === 'agent' && !m.public).reverse();
  for (const note of notes) {
    const lines = note.raw.split('\n');
    const first = lines[0]?.trim() ?? '';
    if (!first.startsWith(lead)) continue;
    const channel = /^(\S+)/.exec(first.slice(lead.length))?.[1] ?? null;
    const by = lines.find((l) => l.startsWith('Posted by: '))?.slice('Posted by: '.length).trim() || null;
    return { postedBy: by ?? (note.authorName || null), at: note.createdAt, channel };
  }
  return undefined;
}

/** Every hand-off the ticket records, with its note when found. */
export function recordedHandoffs(model: TicketModel, teams: readonly { id: string; name: string }[]): RecordedHandoff[] {
  return handedOffTeams(model.tags, teams).map((teamId) => {
    const name = teams.find((t) => t.id === teamId)?.name ?? teamId;
    const note = findHandoffNote(model, name);
    return note ? { teamId, note } : { teamId };
  });
}
