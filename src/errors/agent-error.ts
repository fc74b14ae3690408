// Every failure the agent can meet while loading a ticket, talking to GitHub or writing back to Zendesk, as one
// plain value the sidebar translates (`ui.errors.<code>.title|message|next`) and decides on (retry or not).
// A leaf: both adapters throw it and the UI shows it, so neither needs to import the other. It stays light (the
// first paint loads it) and imports nothing.

export const AGENT_ERROR_CODES = [
  'github_unauthorized',
  'github_no_push',
  'github_repo_not_found',
  'github_issue_not_found',
  'github_validation',
  'github_rate_limited',
  'github_unavailable',
  'network_down',
  'zendesk_writeback_refused',
  'zendesk_claim_refused',
  'zendesk_claim_stalled',
  'zendesk_claim_unsettled',
  'ticket_load_failed',
  'unknown',
] as const;
export type AgentErrorCode = (typeof AGENT_ERROR_CODES)[number];

/**
 * Params per code (all optional for the strings, always present when known):
 * - github_unauthorized: `status`, `apiUrl`, `message` (GitHub's own words)
 * - github_no_push: `repo` ("owner/name"), `setting` (the repository parameter name)
 * - github_repo_not_found: `repo`, `setting`, `status`
 * - github_issue_not_found: `repo`, `number` (an issue the agent named to add the ticket to; the repository is there)
 * - github_validation: `field` (from GitHub's `errors[].field`, '' when GitHub names none), `code`, `resource`, `message`
 * - github_rate_limited: `seconds` (same as `retryAfterSeconds`), `kind` ('primary' | 'secondary')
 * - github_unavailable: `status`
 * - network_down: `service` ('GitHub' | 'Zendesk'), `timeout` (1 when the client gave up waiting, else 0)
 * - zendesk_writeback_refused: `status`, `ticketId`, `message`
 * - zendesk_claim_refused: `status`, `ticketId`, `message` (reserving the ticket for filing; nothing was filed)
 * - zendesk_claim_stalled: `ticketId` (another agent's filing of the ticket never finished while this one waited)
 * - zendesk_claim_unsettled: `ticketId` (the ticket kept changing under the reservation; nothing was filed)
 * - ticket_load_failed: `status` (0 = the data was there but malformed), `ticketId`, `message`, `field`
 * - unknown: `status`, `message`
 */
export interface AgentError {
  code: AgentErrorCode;
  params: Record<string, string | number>;
  retryable: boolean;
  retryAfterSeconds?: number;
}

/**
 * The thrown form: an `Error` (so stacks and `instanceof Error` work for anyone catching it) that is also a plain
 * `AgentError`. `toJSON` keeps it storable in the agent's draft.
 */
export class AgentFailure extends Error implements AgentError {
  readonly code: AgentErrorCode;
  readonly params: Record<string, string | number>;
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;

  constructor(error: AgentError, options?: { cause?: unknown }) {
    super(`${error.code}: ${describeParams(error.params)}`, options);
    this.name = 'AgentFailure';
    this.code = error.code;
    this.params = error.params;
    this.retryable = error.retryable;
    if (error.retryAfterSeconds !== undefined) this.retryAfterSeconds = error.retryAfterSeconds;
  }

  toJSON(): AgentError {
    return toPlain(this);
  }
}

function describeParams(params: Record<string, string | number>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

export function agentError(
  code: AgentErrorCode,
  params: Record<string, string | number>,
  retryable: boolean,
  retryAfterSeconds?: number,
  cause?: unknown,
): AgentFailure {
  const plain: AgentError = { code, params, retryable };
  if (retryAfterSeconds !== undefined) plain.retryAfterSeconds = retryAfterSeconds;
  return new AgentFailure(plain, cause === undefined ? undefined : { cause });
}

export function toPlain(e: AgentError): AgentError {
  const plain: AgentError = { code: e.code, params: { ...e.params }, retryable: e.retryable };
  if (e.retryAfterSeconds !== undefined) plain.retryAfterSeconds = e.retryAfterSeconds;
  return plain;
}

export function isAgentError(e: unknown): e is AgentError {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Record<string, unknown>;
  return (
    typeof o.code === 'string' &&
    (AGENT_ERROR_CODES as readonly string[]).includes(o.code) &&
    typeof o.params === 'object' &&
    o.params !== null &&
    typeof o.retryable === 'boolean'
  );
}
