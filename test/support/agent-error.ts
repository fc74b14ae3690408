// Unit tests' way to await a call that must fail with an AgentError (the only error the panel ever shows).
import { expect } from 'vitest';
import { isAgentError, type AgentError } from '../../src/errors/agent-error.ts';

/** The AgentError `p` rejects with; fails the test when it resolves or rejects with anything else. */
export async function rejection(p: Promise<unknown>): Promise<AgentError> {
  try {
    await p;
  } catch (e) {
    expect(isAgentError(e)).toBe(true);
    return e as AgentError;
  }
  throw new Error('expected a rejection');
}
