// Cleaning a comment body before the engine reads it. E-mail threads drag along what misleads routing: the
// quoted earlier replies (which repeat every keyword of the conversation), signatures ("Kubernetes Platform Lead |
// Acme"), legal disclaimers, and our own agents' greetings and closings. What is left is what this message says.
//
// The result is a NEW string (kept in `TicketMessage.text`); evidence offsets always refer to it, never to the raw
// body. Line-based and linear: every line is looked at once, with anchored patterns that cannot backtrack badly.

export type Author = 'customer' | 'agent';

// "On Mon, 12 Jul 2021 at 10:02, Jane Doe <jane@acme.com> wrote:" and its translations from common clients.
const QUOTE_HEADER = /^\s*(?:On\s.{0,300}\bwrote|Le\s.{0,300}\ba écrit|Am\s.{0,300}\bschrieb|El\s.{0,300}\bescribió)\s?:\s*$/i;
// The same header wrapped over two lines by the mail client: "On Mon, 12 Jul 2021 at 10:02, Jane Doe" / "<jane@acme.com> wrote:".
const QUOTE_HEADER_START = /^\s*On\s.{0,200}$/;
const QUOTE_HEADER_END = /^.{0,200}\bwrote:\s*$/;
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*Original Message\s*-{2,}\s*$/i;
const OUTLOOK_RULE = /^\s*_{8,}\s*$/;
const HEADER_LINE = /^\s*\*?(?:From|Sent|Date|To|Cc|Subject)\*?\s*:/i;
const FROM_LINE = /^\s*\*?From\*?\s*:\s*\S/i;
const SENT_LINE = /^\s*\*?(?:Sent|Date)\*?\s*:\s*\S/i;
const FORWARD_MARKER = /^\s*(?:-{2,}\s*Forwarded message\s*-{2,}|Begin forwarded message:)\s*$/i;
const SIG_DELIMITER = /^--\s?$/;
const MOBILE_FOOTER = /^\s*(?:Sent from my \w[\w ]{0,30}|Get Outlook for \w+|Sent from Mail for Windows.*)\s*$/i;
const VALEDICTION =
  /^\s*(?:best(?: regards| wishes)?|kind regards|warm regards|warmly|regards|many thanks|thanks(?: again| in advance| so much)?|thank you(?: so much| again| in advance)?|cheers|sincerely|yours(?: truly| sincerely)?|all the best|br|talk soon)\s*[,.!]*\s*$/i;
const PHONE_LINE = /^\s*(?:(?:tel|phone|mobile|mob|cell|office|direct|fax|work|[mtpofw])\.?\s*[:.]?\s*)?\+?\(?\d[\d\s().\/-]{6,}\d\s*$/i;
const EMAIL_OR_URL_LINE = /^\s*[<(]?(?:\S+@\S+\.\w+|https?:\/\/\S+|www\.\S+)[>)]?\s*$/i;
// Not anchored: disclaimers often start with the company name ("Acme S.A. - This email and any files...").
const DISCLAIMER =
  /^\s*\**(?:confidentiality notice|disclaimer|legal notice|privileged (?:and|&) confidential)\b|(?:this (?:e-?mail|message|communication|transmission)\b.{0,120}\b(?:confidential|privileged|intended (?:solely|only)|intended recipient)|the information (?:contained )?in this (?:e-?mail|message|communication)|if you (?:are not|have received this) .{0,40}(?:intended recipient|in error))/i;
// Greetings on a line of their own: "Hi Jane,", "Hello team!", "Good morning,".
const GREETING = /^\s*(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\b(?:\s+[\w.'-]+){0,3}\s*[,!.:]?\s*$/i;
// Our agents' stock sentences, removed wherever they sit in a line.
const AGENT_BOILERPLATE: RegExp[] = [
  /\b(?:thanks|thank you) (?:so much )?for (?:reaching out|contacting (?:us|sourcegraph(?: support)?)|getting in touch|your patience|the (?:details|update|additional (?:details|information)))\b[^.!?\n]{0,60}[.!]?/gi,
  /\bI hope (?:you(?:'re| are) (?:doing )?well|this (?:e-?mail|message )?finds you well|you(?:'re| are) having a (?:good|great) (?:day|week))[.!]?/gi,
  /\b(?:please )?(?:don't hesitate to |do not hesitate to |feel free to )?(?:let (?:me|us) know|reach out) if (?:you have any (?:other |further |more )?questions|(?:that|this) (?:helps|works)|anything (?:else )?comes up|you need anything (?:else)?)\b[^.!?\n]{0,40}[.!]?/gi,
  /\b(?:have|enjoy) a (?:great|good|nice|wonderful) (?:day|week|weekend|one)[.!]?/gi,
  /\b(?:I'm|I am) happy to help[^.!?\n]{0,40}[.!]?/gi,
];

function isSignatureLike(line: string): boolean {
  const t = line.trim();
  if (t === '') return true;
  if (PHONE_LINE.test(t) || EMAIL_OR_URL_LINE.test(t) || SIG_DELIMITER.test(t)) return true;
  // Name, title or "Title | Company" lines are short and are not sentences: at most five words unless the line is
  // split by "|" or "," like "Staff Engineer | Acme" or "Support Engineer, Sourcegraph"; no colon.
  if (t.length > 60 || /[.?:;]$/.test(t) || t.includes(':') || /^\d+[.)]\s/.test(t)) return false;
  return /[|,·]/.test(t) || t.split(/\s+/).length <= 5;
}

/** A name under a closing, after a blank line: "Jane", "Jane Doe", "J. R. Smith". */
function isNameLine(line: string): boolean {
  return /^\s*[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*){0,3}\s*$/u.test(line);
}

/** Remove quoted replies, forwarded headers, signatures, disclaimers and (for agents) stock phrases. */
export function cleanText(raw: string, author: Author): string {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  let i = 0;
  outer: while (i < lines.length) {
    const line = lines[i] as string;
    const next = lines[i + 1];
    // Everything from a reply header down is an earlier message.
    if (QUOTE_HEADER.test(line)) break;
    if (next !== undefined && QUOTE_HEADER_START.test(line) && QUOTE_HEADER_END.test(next) && !/wrote:\s*$/.test(line)) break;
    if (ORIGINAL_MESSAGE.test(line)) break;
    if (OUTLOOK_RULE.test(line) && next !== undefined && FROM_LINE.test(next)) break;
    if (FROM_LINE.test(line)) {
      // Outlook's reply header: From:/Sent:/To:/Subject: block with no "Forwarded" marker above it.
      for (let k = i + 1; k < Math.min(lines.length, i + 4); k++) if (SENT_LINE.test(lines[k] as string)) break outer;
    }
    if (FORWARD_MARKER.test(line)) {
      // Keep what was forwarded, drop the marker and its header block.
      i++;
      while (i < lines.length && (HEADER_LINE.test(lines[i] as string) || (lines[i] as string).trim() === '')) i++;
      continue;
    }
    if (SIG_DELIMITER.test(line)) break;
    if (line.trimStart().startsWith('>')) {
      i++;
      continue;
    }
    if (MOBILE_FOOTER.test(line) || PHONE_LINE.test(line) || GREETING.test(line)) {
      i++;
      continue;
    }
    if (DISCLAIMER.test(line)) {
      while (i < lines.length && (lines[i] as string).trim() !== '') i++;
      continue;
    }
    if (VALEDICTION.test(line)) {
      // The closing and the name/title/phone lines under it, up to the first line that reads like prose.
      // At most one blank line between the closing and the name; the block ends at the next blank line.
      i++;
      if (i + 1 < lines.length && (lines[i] as string).trim() === '' && isNameLine(lines[i + 1] as string)) i++;
      let taken = 0;
      while (i < lines.length && taken < 8 && (lines[i] as string).trim() !== '' && isSignatureLike(lines[i] as string)) {
        taken++;
        i++;
      }
      continue;
    }
    let text = line;
    if (author === 'agent') {
      for (const pattern of AGENT_BOILERPLATE) text = text.replace(pattern, '');
      if (text.trim() === '' && line.trim() !== '') {
        i++;
        continue;
      }
    }
    kept.push(text.replace(/[ \t]+$/, ''));
    i++;
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
