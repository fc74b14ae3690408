// Write to the ticket in ONE request: `PUT /api/v2/tickets/{id}.json` carries the internal note, the tags
// (`additional_tags` adds without replacing the agent's own), the configured fields and the optional status. One
// request means the ticket never ends up half-updated (note without tags, or the other way round). Before writing
// again after an answer was lost, the writer reads the ticket's tags to see whether the first write landed.
import { errorMessage } from '../core/guards.ts';
import type { WriteBack } from '../core/types/filing.ts';
import { agentError, type AgentFailure } from '../errors/agent-error.ts';
import type { ZafClient } from '../zaf/client.ts';
import { ZendeskCallError, zendeskCall } from './request.ts';

/** A failed write (or the read before it) as the agent sees it: no answer, or what Zendesk refused and why. */
export function writeBackError(e: unknown, ticketId: number): AgentFailure {
  if (e instanceof ZendeskCallError) {
    if (e.status === 0) return agentError('network_down', { service: 'Zendesk', timeout: e.timedOut ? 1 : 0 }, true, undefined, e);
    // 409 (someone else saved the ticket at the same moment), 429 and 5xx pass; 401/403/404/422 need a person.
    const retryable = e.status === 409 || e.status === 429 || e.status >= 500;
    return agentError('zendesk_writeback_refused', { status: e.status, ticketId, message: e.message }, retryable, undefined, e);
  }
  return agentError('zendesk_writeback_refused', { status: 0, ticketId, message: errorMessage(e) }, true, undefined, e);
}

export async function applyWriteBack(client: ZafClient, ticketId: number, wb: WriteBack): Promise<void> {
  try {
    await zendeskCall(client, { url: `/api/v2/tickets/${ticketId}.json`, type: 'PUT', body: wb });
  } catch (e) {
    throw writeBackError(e, ticketId);
  }
}

/** The ticket's tags as they are now. Throws ZendeskCallError, or an Error when the answer holds no tag list. */
export async function fetchTicketTags(client: ZafClient, ticketId: number): Promise<string[]> {
  const { body } = await zendeskCall(client, { url: `/api/v2/tickets/${ticketId}/tags.json`, type: 'GET' });
  const tags = typeof body === 'object' && body !== null ? (body as { tags?: unknown }).tags : undefined;
  if (!Array.isArray(tags)) throw new Error('Zendesk answered without the ticket\u2019s tags');
  return tags.filter((t): t is string => typeof t === 'string');
}
