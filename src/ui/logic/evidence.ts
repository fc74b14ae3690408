// Evidence in context: the words the router matched, cut out of the text they were found in with a little
// surrounding text, as segments the UI renders (matched parts highlighted). Pure: text in, segments out.
import type { Evidence } from '../../core/types/classification.ts';
import type { TextField, TicketModel } from '../../core/types/ticket.ts';

export interface Segment {
  text: string;
  match: boolean;
}

export interface EvidenceSnippet {
  field: TextField;
  /** Who wrote it / where it is, for the label ("customer", "internal note"...). */
  messageIndex?: number;
  segments: Segment[];
  /** The keywords behind the matches in this snippet. */
  terms: string[];
}

/** The cleaned text an evidence's offsets refer to, or null when the model has no such text. */
export function sourceText(model: TicketModel, e: Evidence): string | null {
  switch (e.field) {
    case 'subject':
      return model.subject;
    case 'organization':
      return model.organization?.name ?? null;
    case 'tags':
      return null;
    case 'attachment':
    case 'customer':
    case 'agent':
    case 'internal': {
      if (e.messageIndex === undefined) return null;
      const message = model.messages[e.messageIndex];
      if (!message) return null;
      if (e.field === 'attachment') {
        const name = message.attachments.find((a) => a.fileName.slice(e.start, e.end) === e.matched)?.fileName;
        return name ?? null;
      }
      return message.text;
    }
  }
}

function cutLeft(text: string, from: number, radius: number): { start: number; clipped: boolean } {
  if (from <= radius) return { start: 0, clipped: false };
  let start = from - radius;
  const space = text.indexOf(' ', start);
  if (space !== -1 && space < from) start = space + 1;
  return { start, clipped: true };
}

function cutRight(text: string, to: number, radius: number): { end: number; clipped: boolean } {
  if (text.length - to <= radius) return { end: text.length, clipped: false };
  let end = to + radius;
  const space = text.lastIndexOf(' ', end);
  if (space > to) end = space;
  return { end, clipped: true };
}

const ELLIPSIS = '…';

/**
 * Snippets for a list of evidence: matches in the same text that lie close together share one snippet; each
 * snippet shows about `radius` characters either side. Evidence whose offsets do not match its text (or that has
 * no text, like tags) shows just the matched word. At most `limit` snippets, strongest evidence first.
 */
export function evidenceSnippets(model: TicketModel, evidence: readonly Evidence[], radius = 40, limit = 5): EvidenceSnippet[] {
  const byWeight = [...evidence].sort((a, b) => b.weight - a.weight);
  const groups: { source: string | null; key: string; items: Evidence[] }[] = [];
  for (const e of byWeight) {
    const source = sourceText(model, e);
    const valid = source !== null && source.slice(e.start, e.end) === e.matched;
    const key = valid ? `${e.field}:${e.messageIndex ?? ''}` : `word:${e.field}:${e.matched.toLowerCase()}`;
    const near = groups.find(
      (g) => g.key === key && (!valid || g.items.some((o) => Math.abs(o.start - e.start) <= radius * 2)),
    );
    if (near) {
      if (valid && !near.items.some((o) => o.start === e.start && o.end === e.end)) near.items.push(e);
      continue;
    }
    if (groups.length >= limit) continue;
    groups.push({ source: valid ? source : null, key, items: [e] });
  }
  return groups.map((g) => {
    const first = g.items[0] as Evidence;
    const terms = [...new Set(g.items.map((i) => i.term))];
    const base: Omit<EvidenceSnippet, 'segments'> =
      first.messageIndex === undefined ? { field: first.field, terms } : { field: first.field, messageIndex: first.messageIndex, terms };
    if (g.source === null) return { ...base, segments: [{ text: first.matched, match: true }] };
    return { ...base, segments: highlight(g.source, g.items, radius) };
  });
}

/** The text around the given matches, matches marked; overlapping matches are merged. */
export function highlight(text: string, matches: readonly Pick<Evidence, 'start' | 'end'>[], radius: number): Segment[] {
  const ranges = matches
    .map((m) => ({ start: Math.max(0, m.start), end: Math.min(text.length, m.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  if (merged.length === 0) return [{ text, match: false }];
  const left = cutLeft(text, (merged[0] as { start: number }).start, radius);
  const right = cutRight(text, (merged[merged.length - 1] as { end: number }).end, radius);
  const segments: Segment[] = [];
  let at = left.start;
  const plain = (s: string): void => {
    if (s) segments.push({ text: s.replace(/\s+/g, ' '), match: false });
  };
  if (left.clipped) plain(ELLIPSIS);
  for (const r of merged) {
    plain(text.slice(at, r.start));
    segments.push({ text: text.slice(r.start, r.end), match: true });
    at = r.end;
  }
  plain(text.slice(at, right.end));
  if (right.clipped) plain(ELLIPSIS);
  // adjacent plain segments (ellipsis + text) are fine to keep separate; merge for tidiness
  return segments.reduce<Segment[]>((out, s) => {
    const prev = out[out.length - 1];
    if (prev && !prev.match && !s.match) prev.text += s.text;
    else out.push({ ...s });
    return out;
  }, []);
}
