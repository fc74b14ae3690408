// The comment that adds a ticket to an existing issue (issue 12, "add this ticket to an existing issue"): the new
// customer's context for the engineers already on the issue, made exactly like a new issue's body (same masking or
// redaction, same escaping, so no mention, reference or HTML gets through), less the full conversation: the
// customer's latest message stands for it, and the ticket link has the rest. It ends with the ticket's "added" link
// line (issue-markers.ts), which is what makes it a link and what the "never twice" check looks for.
import { bodyParts, checkDecisions, teamOrThrow, type ComposeContext } from './compose.ts';
import { linkLine } from './issue-markers.ts';
import { inline } from './markdown.ts';
import { Masker } from './mask.ts';
import { Redactor, redactionContextFor } from './redact.ts';
import { customerLabel } from './slug.ts';
import { GITHUB_BODY_LIMIT } from './split.ts';
import { ticketMarker, ticketUrl } from './links.ts';
import type { FilingDecisions, MaskWhere, MaskedCredential, Redaction } from './types/filing.ts';
import type { TicketModel } from './types/ticket.ts';

export interface AddedComment {
  body: string;
  /** The `customer/<name>` label to add (private tracker only: a public issue never names the customer). */
  customerLabel: string | null;
  /** The ticket's marker: the comment carries it in its last line. */
  marker: string;
  masked: MaskedCredential[];
  redactions?: Redaction[];
}

const CUT_NOTE = '_(cut here: the rest of the message is on the ticket)_';

/**
 * `decisions.tracker` is the tracker of the issue the ticket joins. Throws ComposeError like composeIssue (a team
 * that takes no issue, invalid decisions).
 */
export function composeAddedComment(model: TicketModel, decisions: FilingDecisions, ctx: ComposeContext, limit = GITHUB_BODY_LIMIT): AddedComment {
  checkDecisions(decisions);
  const team = teamOrThrow(ctx.teams, decisions.teamId);
  const isPublic = decisions.tracker === 'public';
  const redactor = isPublic ? new Redactor(redactionContextFor(model, ctx.redaction ?? {})) : null;
  const masker = new Masker();
  const scrub = (s: string, where: MaskWhere): string => (redactor ? redactor.redact(s, where) : masker.mask(s, where));
  // The new issue's summary, facts and Step-1 answers; its conversation blocks are one per message, in order.
  const parts = bodyParts(model, decisions, team, ctx, redactor, scrub);
  const latestIndex = lastCustomerMessage(model, isPublic);
  const who = isPublic ? 'Another customer' : `Another customer: ${inline(model.customerName, 200)}`;
  const lead = `### ${who} ([Zendesk ticket ${model.id}](${ticketUrl(ctx.location)}))`;
  const head = `${lead}\n\n${dropFirstHeading(parts.head)}`;
  // Internal notes are left out of the public tracker's blocks: find the block by counting what bodyParts kept.
  const latest = latestIndex === null ? null : parts.blocks[blockIndexOf(model, latestIndex, isPublic)] ?? null;
  const words = latest === null ? '_The ticket has no message from the customer yet._' : latest;
  const tail = linkLine('added', ctx.location);
  const body = fit(head, `### The customer's latest message\n${words}`, tail, limit);
  const added: AddedComment = {
    body,
    customerLabel: isPublic ? null : customerLabel(model.customerName, ctx.settings.labels.customerPrefix),
    marker: ticketMarker(ctx.location),
    masked: redactor ? redactor.masked : masker.masked,
  };
  if (redactor) added.redactions = redactor.redactions;
  return added;
}

/**
 * The new issue's head less its "## Request for help: …" title (the comment has its own lead) and its closing
 * introduction to the whole conversation (the comment quotes only the latest message).
 */
function dropFirstHeading(head: string): string {
  const at = head.lastIndexOf('\n\n### Conversation\n');
  return (at >= 0 ? head.slice(0, at) : head).replace(/^## [^\n]*\n\n/, '');
}

function lastCustomerMessage(model: TicketModel, isPublic: boolean): number | null {
  for (let i = model.messages.length - 1; i >= 0; i--) {
    const m = model.messages[i]!;
    if (m.authorRole === 'customer' && (m.public || !isPublic) && m.text.trim() !== '') return i;
  }
  return null;
}

function blockIndexOf(model: TicketModel, messageIndex: number, isPublic: boolean): number {
  if (!isPublic) return messageIndex;
  return model.messages.slice(0, messageIndex).filter((m) => m.public).length;
}

/**
 * head + message + tail within `limit`: the message's quote is cut between lines (never inside one: quote lines
 * are at most 2,000 characters, markdown.ts) and then the head's, so the tail (the link line) always survives.
 */
function fit(head: string, message: string, tail: string, limit: number): string {
  const join = (...p: string[]) => p.filter((x) => x !== '').join('\n\n');
  const whole = join(head, message, tail);
  if (whole.length <= limit) return whole;
  const room = limit - tail.length - CUT_NOTE.length - 6;
  const kept: string[] = [];
  let used = 0;
  for (const line of `${head}\n\n${message}`.split('\n')) {
    if (used + line.length + 1 > room) break;
    kept.push(line);
    used += line.length + 1;
  }
  // A cut inside a quote must not leave the note inside it: the blank line ends the quote.
  return join(kept.join('\n').trimEnd(), CUT_NOTE, tail);
}
