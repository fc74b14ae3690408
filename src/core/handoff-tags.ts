// The hand-off tag's prefix and the test for it, apart from the rest of the hand-off record (handoff-record.ts): the
// sidebar's entry chunk needs only this to choose the recorded view, and everything it imports weighs on first paint.

export const HANDOFF_TAG_PREFIX = 'engage_handoff_';

/** The first line of the hand-off's internal note (handoff-record.ts writes it; engage-notes.ts recognises it). */
export const HANDOFF_NOTE_LEAD = 'Engage: handed off to';

/** True when the ticket carries any hand-off tag (the sidebar then opens on the recorded hand-off). */
export function hasHandoffTag(tags: readonly string[]): boolean {
  return tags.some((t) => t.startsWith(HANDOFF_TAG_PREFIX) && t.length > HANDOFF_TAG_PREFIX.length);
}
