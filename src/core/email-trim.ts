// What of an e-mail the issue body leaves out: the earlier messages quoted below a reply ("On … wrote:" + "> "
// lines, Outlook's "From: … Sent: … To: …" block), and at the end a signature ("-- ", "Best regards," + name and
// title lines), a mobile footer ("Sent from my iPhone") and legal disclaimers. Only the issue body uses this; the
// ticket keeps the original, and the issue links to it.
//
// Why not a library: the maintained npm one (`email-reply-parser`) imports Node's `module` (no browser build) and
// asks for Node 22; it also drops every "> " line (a pasted shell prompt or heredoc) and everything under a lone
// "--" or "____" line, and keeps "Best regards,\nName\nTitle". The routing cleaner (clean-text.ts) is tuned to
// remove anything that misleads the router, greetings and quotes included. Here a false cut loses the customer's
// problem, which is worse than a leftover signature, so every rule asks for strong evidence:
// - a reply header cuts only when every non-blank line below it is quoted, and it names a time or an address;
// - an Outlook header needs From:, then Sent:/Date: and To:/Subject: on the lines right below it;
// - signatures, footers and disclaimers are removed only at the very end of the message, and only when every line
//   of the block looks like one (short, no sentence, no list item, no code);
// - nothing inside a ``` or ~~~ fence counts, nothing below a forwarded-message marker is cut (it is what the
//   customer forwarded), and a message that would be left empty is kept whole.
// Line-based and linear; the patterns are anchored and bounded.

export type TrimmedPart = 'reply-chain' | 'signature' | 'disclaimer';

export interface TrimResult {
  text: string;
  /** What was left out, in the order found (empty when the message is kept whole). */
  removed: TrimmedPart[];
}

const REPLY_HEADER = /^(?:On|Am|Le|El|Op)\s.{4,300}\s(?:wrote|schrieb|a écrit|escribió|schreef)\s?:\s*$/i;
const REPLY_HEADER_START = /^On\s.{4,200}$/;
const REPLY_HEADER_END = /^.{0,200}\swrote:\s*$/;
// A real header names when or who: a time (10:02), a year, or an address.
const HEADER_EVIDENCE = /\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b|@[\w-]+\.\w/;
const ORIGINAL_MESSAGE = /^-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}$/i;
const OUTLOOK_RULE = /^_{8,}$/;
const FROM = /^\*?(?:From|Von|De)\*?\s?:\s*\S/i;
const SENT = /^\*?(?:Sent|Date|Gesendet|Datum|Envoyé)\*?\s?:\s*\S/i;
const TO_OR_SUBJECT = /^\*?(?:To|Subject|An|Betreff|À|Objet)\*?\s?:/i;
const FORWARDED = /^(?:-{2,}\s*Forwarded message\s*-{2,}|Begin forwarded message:|-{2,}\s*Weitergeleitete Nachricht\s*-{2,})$/i;
const FENCE = /^(?:`{3,}|~{3,})/;

const SIG_DELIMITER = /^--\s?$/;
const MOBILE_FOOTER = /^(?:Sent from my [\w ]{2,30}|Get Outlook for \w+|Sent from Mail for Windows(?: \d+)?|Von meinem \w+ gesendet)\.?$/i;
const VALEDICTION =
  /^(?:best(?: regards| wishes)?|kind regards|warm regards|regards|many thanks|thanks(?: again| in advance| so much)?|thank you(?: so much| again| in advance)?|cheers|sincerely|yours(?: truly| sincerely)?|all the best|br|mit freundlichen grüßen|viele grüße|beste grüße|gruß|grüße)\s*[,.!]*$/i;
// A disclaimer's first line: a notice heading about the message ("CONFIDENTIALITY NOTICE:", "CONFIDENTIAL: This
// message is…"), or "This e-mail … intended recipient / privileged". Being confidential alone is not enough: "This
// message is confidential, please do not share the repo names below" is the customer talking.
const DISCLAIMER_START =
  /^\**(?:(?:confidentiality notice|confidential|disclaimer|legal notice|privileged (?:and|&) confidential)\b[*:\s-]*(?:$|.{0,60}\b(?:e-?mail|message|communication|transmission|intended|recipient|addressee))|(?:this|the information (?:contained )?in this) (?:e-?mail|message|communication|transmission)\b.{0,120}\b(?:privileged|intended (?:solely|only|recipient|for)|addressee|recipient))/i;
const PHONE = /^(?:(?:tel|phone|mobile|mob|cell|office|direct|fax|[mtpf])\.?\s*[:.]?\s*)?\+?\(?\d[\d\s().\/-]{6,}\d$/i;
const CONTACT = /^(?:(?:e-?mail|web|www|linkedin|twitter|x)\s*:\s*)?[<(]?(?:[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\/\S+|www\.\S+)[>)]?$/i;

/** A line of a signature block: a name, a title, a company, a phone number, an address; not prose, a list or code. */
function isSignatureLine(line: string): boolean {
  const t = line.trim();
  if (PHONE.test(t) || CONTACT.test(t)) return true;
  if (t.length > 80 || /[`${}=<>[\]\\]/.test(t) || /^(?:[-*+•]\s|\d+[.)]\s|p\.?s\.?\b)/i.test(t)) return false;
  if (/[?!:;]$/.test(t) || /^\p{Ll}/u.test(t)) return false;
  const words = t.split(/\s+/).length;
  if (t.endsWith('.')) return words <= 4; // "Acme Corp.", "J. R. Smith", never a sentence
  return words <= 8 || /[|·•]/.test(t);
}

const blank = (line: string): boolean => line.trim() === '';

/** Index where the earlier messages start, or -1. `fenced[i]`: line i is inside a code fence. */
function replyChainStart(lines: string[], fenced: boolean[]): number {
  // quoted[i]: every non-blank line from i to the end is quoted, and there is one (one pass from the end, so that
  // a ticket with many header-like lines stays linear).
  const quoted: boolean[] = new Array<boolean>(lines.length + 1).fill(false);
  let seen = false;
  let all = true;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as string;
    if (!blank(line)) {
      seen = true;
      all = all && line.trimStart().startsWith('>');
    }
    quoted[i] = seen && all;
  }
  const quotedToEnd = (from: number): boolean => quoted[from] === true;
  for (let i = 0; i < lines.length; i++) {
    if (fenced[i]) continue;
    const line = (lines[i] as string).trim();
    if (FORWARDED.test(line)) return -1; // below it is what the customer forwarded
    const next = (lines[i + 1] ?? '').trim();
    if (REPLY_HEADER.test(line) && HEADER_EVIDENCE.test(line) && quotedToEnd(i + 1)) return i;
    if (REPLY_HEADER_START.test(line) && !/wrote:\s*$/.test(line) && REPLY_HEADER_END.test(next)) {
      if (HEADER_EVIDENCE.test(`${line} ${next}`) && quotedToEnd(i + 2)) return i;
    }
    if (ORIGINAL_MESSAGE.test(line)) return i;
    if (FROM.test(line)) {
      const block = lines.slice(i + 1, i + 5).map((l) => l.trim());
      const sent = block.findIndex((l) => SENT.test(l));
      const to = block.findIndex((l) => TO_OR_SUBJECT.test(l));
      const contiguous = block.slice(0, Math.max(sent, to) + 1).every((l) => !blank(l));
      if (sent >= 0 && to >= 0 && contiguous) return i > 0 && OUTLOOK_RULE.test((lines[i - 1] as string).trim()) ? i - 1 : i;
    }
  }
  return -1;
}

/** Remove one trailing block (footer, disclaimer paragraph, signature); null when the end is the message itself. */
function trimEnd(lines: string[], fenced: boolean[]): { lines: string[]; part: TrimmedPart } | null {
  let end = lines.length;
  while (end > 0 && blank(lines[end - 1] as string)) end--;
  if (end === 0 || fenced[end - 1]) return null;
  const last = (lines[end - 1] as string).trim();
  if (MOBILE_FOOTER.test(last)) return { lines: lines.slice(0, end - 1), part: 'signature' };
  // A disclaimer from one of the last paragraph's lines to the end (they are long: no length test, only how they
  // start; mail clients often glue them right under the signature, without a blank line).
  let start = end;
  while (start > 0 && !blank(lines[start - 1] as string)) start--;
  // (Only its last 40 lines: a pasted log of thousands of lines is not scanned again for every block removed.)
  for (let k = Math.max(start, end - 40); k < end; k++) {
    if (DISCLAIMER_START.test((lines[k] as string).trim())) return { lines: lines.slice(0, k), part: 'disclaimer' };
  }
  // A signature: a delimiter or a closing, then only signature lines (at most one blank line, eight lines).
  for (let i = end - 1; i >= 0 && i >= end - 10; i--) {
    const line = (lines[i] as string).trim();
    if (fenced[i]) return null;
    if (SIG_DELIMITER.test(lines[i] as string) || VALEDICTION.test(line)) {
      const below = lines.slice(i + 1, end);
      const blanks = below.filter(blank).length;
      const limit = SIG_DELIMITER.test(lines[i] as string) ? 2 : 1;
      if (blanks <= limit && below.every((l) => blank(l) || isSignatureLine(l))) return { lines: lines.slice(0, i), part: 'signature' };
      return null;
    }
    if (!blank(line) && !isSignatureLine(line)) return null;
  }
  return null;
}

/** The message without earlier replies, signature, footer and disclaimers; the original when in doubt. */
export function trimEmail(raw: string): TrimResult {
  const original = raw.replace(/\r\n?/g, '\n');
  let lines = original.split('\n');
  const fenced: boolean[] = [];
  let open = false;
  for (const line of lines) {
    const isFence = FENCE.test(line.trim());
    fenced.push(open || isFence);
    if (isFence) open = !open;
  }
  const removed: TrimmedPart[] = [];
  const chain = replyChainStart(lines, fenced);
  if (chain >= 0) {
    lines = lines.slice(0, chain);
    removed.push('reply-chain');
  }
  for (let step = trimEnd(lines, fenced); step; step = trimEnd(lines, fenced)) {
    lines = step.lines;
    if (!removed.includes(step.part)) removed.push(step.part);
  }
  const text = lines.join('\n').trimEnd();
  if (text.trim() === '') return { text: original, removed: [] };
  return { text, removed };
}
