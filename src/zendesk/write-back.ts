// Write the filing back to the ticket in ONE request: `PUT /api/v2/tickets/{id}.json` carries the internal note,
// the tags (`additional_tags` adds without replacing the agent's own), the configured fields and the optional status.
// One request means the ticket never ends up half-updated (note without tags, or the other way round).
import type { WriteBack } from '../core/types/filing.ts';
import { agentError } from '../errors/agent-error.ts';
import { ZendeskCallError, zendeskCall } from './request.ts';
import type { ZafClient } from '../zaf/client.ts';
import { errorMessage } from '../core/guards.ts';

export async function applyWriteBack(client: ZafClient, ticketId: number, wb: WriteBack): Promise<void> {
  try {
    await zendeskCall(client, { url: `/api/v2/tickets/${ticketId}.json`, type: 'PUT', body: wb });
  } catch (e) {
    if (e instanceof ZendeskCallError) {
      if (e.status === 0) {
        throw agentError('network_down', { service: 'Zendesk', timeout: e.timedOut ? 1 : 0 }, true, undefined, e);
      }
      // 409 (someone else saved the ticket at the same moment), 429 and 5xx pass; 401/403/404/422 need a person.
      const retryable = e.status === 409 || e.status === 429 || e.status >= 500;
      throw agentError('zendesk_writeback_refused', { status: e.status, ticketId, message: e.message }, retryable, undefined, e);
    }
    throw agentError('zendesk_writeback_refused', { status: 0, ticketId, message: errorMessage(e) }, true, undefined, e);
  }
}
