// Any failure as an AgentError the UI can translate: AgentErrors pass through, anything else becomes `code` (or
// `unknown`) with its message, retryable.
import { agentError, isAgentError, type AgentError } from '../github/errors.ts';

export function toAgentError(e: unknown, code: AgentError['code'] = 'unknown'): AgentError {
  if (isAgentError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return agentError(code, { status: 0, message }, true);
}
