// Zendesk tag words, shared by the filing write-back (writeback.ts) and the hand-off record (handoff-record.ts).
// A leaf with no imports, so the sidebar's first chunk can read hand-off tags without pulling in the rest of core.

/** Zendesk tags are lower-case words of letters, digits and underscores here (hyphens and the rest become `_`). */
export function tagPart(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
