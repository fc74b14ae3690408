// The ticket the sidebar sits on as a TicketBundle: the REST answers (ticket-fetch.ts) go through the same
// `parseBundle` as the CLI and the preview, so a malformed answer fails here with a message naming the field, never
// later with a TypeError. Every failure becomes an AgentError the panel can show.
import { BundleError, parseBundle } from '../core/bundle.ts';
import type { TicketBundle } from '../core/types/zendesk.ts';
import { agentError, type AgentFailure } from '../errors/agent-error.ts';
import { ZendeskCallError } from './request.ts';
import { fetchTicketParts, MalformedAnswer, type TicketParts } from './ticket-fetch.ts';
import type { ZafClient } from '../zaf/client.ts';
import { errorMessage } from '../core/guards.ts';

export { COMMENTS_PAGE_SIZE } from './ticket-fetch.ts';

/**
 * Load and check the ticket. `parts`, when given, is a fetch already under way for this ticket (started at boot);
 * its failures are reported exactly like those of a fetch started here.
 */
export async function loadTicketBundle(client: ZafClient, ticketId: number, parts?: Promise<TicketParts>): Promise<TicketBundle> {
  if (!Number.isSafeInteger(ticketId) || ticketId <= 0) {
    throw agentError('ticket_load_failed', { status: 0, ticketId: String(ticketId), message: 'not a ticket id', field: 'ticket.id' }, false);
  }
  try {
    const { ticket, comments, users, organization } = await (parts ?? fetchTicketParts(client, ticketId));
    return parseBundle({ ticket, comments, users, organization }, `Zendesk ticket ${ticketId}`);
  } catch (e) {
    throw toLoadError(e instanceof MalformedAnswer ? new BundleError(e.message, e.field) : e, ticketId);
  }
}

function toLoadError(e: unknown, ticketId: number): AgentFailure {
  if (e instanceof ZendeskCallError) {
    if (e.status === 0) return agentError('network_down', { service: 'Zendesk', timeout: e.timedOut ? 1 : 0 }, true, undefined, e);
    // 429/5xx are passing troubles worth a retry; 401/403/404 will not change by retrying.
    const retryable = e.status === 429 || e.status >= 500;
    return agentError('ticket_load_failed', { status: e.status, ticketId, message: e.message, field: '' }, retryable, undefined, e);
  }
  if (e instanceof BundleError) {
    return agentError('ticket_load_failed', { status: 0, ticketId, message: e.message, field: e.field }, false, undefined, e);
  }
  const message = errorMessage(e);
  return agentError('ticket_load_failed', { status: 0, ticketId, message, field: '' }, false, undefined, e);
}

