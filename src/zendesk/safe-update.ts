// The ticket as a lock: what filing needs to read (its tags, fields and `updated_at`) and to write a tag change that
// Zendesk refuses when the ticket changed since it was read (`safe_update: true` with the `updated_stamp` last read;
// Zendesk answers 409 UpdateConflict). One request each.
import { isRecord } from '../core/guards.ts';
import type { ZendeskCustomFieldValue } from '../core/types/zendesk.ts';
import { agentError, isAgentError, type AgentError, type AgentFailure } from '../errors/agent-error.ts';
import type { ZafClient } from '../zaf/client.ts';
import { ZendeskCallError, zendeskCall } from './request.ts';

/** The parts of a ticket that say who is filing it and whether it is linked already. */
export interface TicketState {
  updatedAt: string;
  tags: string[];
  customFields: ZendeskCustomFieldValue[];
}

/** A refused or unanswered read/write as the agent sees it (nothing was filed: the claim comes first). */
export function claimError(e: unknown, ticketId: number): AgentFailure | AgentError {
  if (e instanceof ZendeskCallError) {
    if (e.status === 0) return agentError('network_down', { service: 'Zendesk', timeout: e.timedOut ? 1 : 0 }, true, undefined, e);
    // 401/403/404/422 (permissions, a closed ticket) will not pass by retrying; 409/429/5xx may.
    const retryable = e.status === 409 || e.status === 429 || e.status >= 500;
    return agentError('zendesk_claim_refused', { status: e.status, ticketId, message: e.message }, retryable, undefined, e);
  }
  if (isAgentError(e)) return e;
  return agentError('zendesk_claim_refused', { status: 0, ticketId, message: String(e) }, true, undefined, e);
}

function readState(body: unknown, ticketId: number): TicketState {
  const t = isRecord(body) && isRecord(body.ticket) ? body.ticket : null;
  if (!t || typeof t.updated_at !== 'string' || !Array.isArray(t.tags)) {
    throw agentError('zendesk_claim_refused', { status: 0, ticketId, message: 'Zendesk answered without the ticket' }, true);
  }
  return {
    updatedAt: t.updated_at,
    tags: t.tags.filter((x): x is string => typeof x === 'string'),
    customFields: Array.isArray(t.custom_fields) ? (t.custom_fields as ZendeskCustomFieldValue[]) : [],
  };
}

export async function readTicketState(client: ZafClient, ticketId: number): Promise<TicketState> {
  try {
    const { body } = await zendeskCall(client, { url: `/api/v2/tickets/${ticketId}.json`, type: 'GET' });
    return readState(body, ticketId);
  } catch (e) {
    throw claimError(e, ticketId);
  }
}

/**
 * Add and remove tags only if the ticket is still as read at `stamp`: the new state, or 'conflict' (409: someone
 * changed the ticket meanwhile). Any other failure throws an AgentError.
 */
export async function safeUpdateTags(
  client: ZafClient,
  ticketId: number,
  change: { add: string[]; remove: string[]; stamp: string },
): Promise<TicketState | 'conflict'> {
  const ticket: Record<string, unknown> = { additional_tags: change.add, safe_update: true, updated_stamp: change.stamp };
  if (change.remove.length) ticket.remove_tags = change.remove;
  try {
    const { body } = await zendeskCall(client, { url: `/api/v2/tickets/${ticketId}.json`, type: 'PUT', body: { ticket } });
    return readState(body, ticketId);
  } catch (e) {
    if (e instanceof ZendeskCallError && e.status === 409) return 'conflict';
    throw claimError(e, ticketId);
  }
}

/** Remove tags whatever changed meanwhile (giving a claim back). Best effort: the claim then simply expires. */
export async function removeTags(client: ZafClient, ticketId: number, tags: string[]): Promise<void> {
  if (!tags.length) return;
  try {
    await zendeskCall(client, { url: `/api/v2/tickets/${ticketId}.json`, type: 'PUT', body: { ticket: { remove_tags: tags } } });
  } catch {
    // A claim left behind expires on its own (takeover after the bound).
  }
}
