// Anything caught, as an AgentError the UI can translate: AgentErrors pass through, anything else becomes `code`
// (or `unknown`) with its message, retryable.
import { errorMessage } from '../core/guards.ts';
import { agentError, isAgentError, type AgentError } from './agent-error.ts';

export function toAgentError(e: unknown, code: AgentError['code'] = 'unknown'): AgentError {
  if (isAgentError(e)) return e;
  return agentError(code, { status: 0, message: errorMessage(e) }, true);
}
