// Scanning every text of a ticket model with one phrase index: the subject, each cleaned message (customer,
// agent reply or internal note) and, optionally, attachment names. Shared by priority and checklist hints, which
// look for phrases ("down for everyone", "steps to reproduce") rather than team keywords.
import { peoplesMessages } from '../engage-notes.ts';
import type { PhraseIndex, ScanView } from '../text-scan.ts';
import type { Evidence } from '../types/classification.ts';
import type { TextField, TicketModel } from '../types/ticket.ts';

export interface ModelHit<T> {
  payload: T;
  field: TextField;
  messageIndex: number | undefined;
  start: number;
  end: number;
  matched: string;
  /** True when the match sits on a log line, stack trace, table row or in a code fence. */
  noisy: boolean;
  /** Index of the text source in scan order (subject = 0), to group hits "in the same message". */
  source: number;
}

export interface ScanOptions {
  attachments?: boolean;
}

export function messageField(authorRole: 'customer' | 'agent', isPublic: boolean): TextField {
  return authorRole === 'customer' ? 'customer' : isPublic ? 'agent' : 'internal';
}

export function scanModel<T>(
  model: TicketModel,
  index: PhraseIndex<T>,
  accept: (payload: T, view: ScanView, first: number, last: number) => boolean = () => true,
  options: ScanOptions = {},
): ModelHit<T>[] {
  const hits: ModelHit<T>[] = [];
  let source = 0;
  const run = (text: string, field: TextField, messageIndex: number | undefined): void => {
    if (text === '') {
      source++;
      return;
    }
    const { matches, noisyLines } = index.scan(text, accept);
    for (const m of matches) {
      for (const payload of m.payloads) {
        hits.push({ payload, field, messageIndex, start: m.start, end: m.end, matched: text.slice(m.start, m.end), noisy: noisyLines[m.line] === true, source });
      }
    }
    source++;
  };
  run(model.subject, 'subject', undefined);
  for (const m of peoplesMessages(model)) {
    run(m.text, messageField(m.authorRole, m.public), m.index);
    if (options.attachments) for (const a of m.attachments) run(a.fileName, 'attachment', m.index);
  }
  return hits;
}

export function toEvidence(h: { field: TextField; messageIndex: number | undefined; start: number; end: number; matched: string }, term: string, weight: number): Evidence {
  const e: Evidence = { term, matched: h.matched, field: h.field, start: h.start, end: h.end, weight };
  if (h.messageIndex !== undefined) e.messageIndex = h.messageIndex;
  return e;
}
