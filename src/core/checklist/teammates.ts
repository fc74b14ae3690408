// Step 2 of the handbook: "Asked in #customer-support-chat?". Only our own internal notes can say so ("Asked in
// #customer-support-chat, Mia thinks…", "Posted in #customer-support-chat: <link>"); a plan ("will ask", "need to
// ask", "haven't asked yet") is not an answer, and a customer's own chat channel is not ours.
import { msg } from '../types/message.ts';
import type { Evidence, TeammatesHint } from '../types/classification.ts';
import type { TicketModel } from '../types/ticket.ts';
import { proseOf } from './prose.ts';

// A past-tense act, then within the clause the channel (with or without "#", or "support chat").
const ASKED =
  /\b(?:asked|posted|checked|raised|pinged|brought (?:it|this) up|discussed|flagged)\b[^.\n]{0,50}?(?:#customer-support-chat\b|#?customer[- ]support[- ]chat\b|#support-chat\b|\bsupport chat\b)/gi;
// What before the verb turns it into a plan or a denial: "haven't asked", "not yet posted", "should have asked".
const NOT_DONE = /(?:\bnot|n't|\bnever|\bnot yet|\bto be|\bshould(?: have)?|\bwill|\bwould|\bcould)\s+(?:yet\s+|have\s+|be\s+)?$/i;

export function teammatesHint(model: TicketModel): TeammatesHint {
  const evidence: Evidence[] = [];
  for (const m of model.messages) {
    if (m.authorRole !== 'agent' || m.public) continue;
    const text = proseOf(m.text).text;
    ASKED.lastIndex = 0;
    for (let x = ASKED.exec(text); x; x = ASKED.exec(text)) {
      if (NOT_DONE.test(text.slice(Math.max(0, x.index - 24), x.index))) continue;
      evidence.push({ term: 'teammates-asked', matched: m.text.slice(x.index, x.index + x[0].length), field: 'internal', messageIndex: m.index, start: x.index, end: x.index + x[0].length, weight: 1 });
      break;
    }
    if (evidence.length >= 2) break;
  }
  if (evidence.length) return { key: 'teammates', status: 'found', summary: msg('deferred.hint.teammates.found', { words: evidence[0]?.matched ?? '' }), evidence };
  return { key: 'teammates', status: 'missing', summary: msg('deferred.hint.teammates.missing'), evidence: [] };
}
