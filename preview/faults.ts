// Fault injection for the preview's Zendesk API (`POST /__faults/zendesk`), with the same rule shape the GitHub
// stand-in takes, so drills and browser tests script both sides the same way.
import { isRecord } from '../src/core/guards.ts';
// One rule shape for both sides: the stand-in's is the definition.
import type { FaultRule } from './github/standin.ts';
export type { FaultRule };

/** Check a rule posted by a test; the message says what is wrong so a drill's typo fails loudly. */
export function parseFaultRule(json: unknown): FaultRule {
  if (!isRecord(json)) throw new Error('a fault rule must be a JSON object');
  const rule: FaultRule = {};
  const str = (k: string) => {
    const v = json[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw new Error(`fault rule "${k}" must be a string`);
    return v;
  };
  const num = (k: string, min: number) => {
    const v = json[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new Error(`fault rule "${k}" must be an integer ≥ ${min}`);
    return v;
  };
  const bool = (k: string) => {
    const v = json[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') throw new Error(`fault rule "${k}" must be true or false`);
    return v;
  };
  const method = str('method');
  if (method !== undefined) rule.method = method.toUpperCase();
  const path = str('path');
  if (path !== undefined) {
    try {
      new RegExp(path);
    } catch (e) {
      throw new Error(`fault rule "path" is not a valid RegExp: ${(e as Error).message}`);
    }
    rule.path = path;
  }
  const bodyMatch = str('bodyMatch');
  if (bodyMatch !== undefined) {
    try {
      new RegExp(bodyMatch);
    } catch (e) {
      throw new Error(`fault rule "bodyMatch" is not a valid RegExp: ${(e as Error).message}`);
    }
    rule.bodyMatch = bodyMatch;
  }
  const status = num('status', 100);
  if (status !== undefined) {
    if (status > 599) throw new Error('fault rule "status" must be an HTTP status (100-599)');
    rule.status = status;
  }
  if (json.body !== undefined) rule.body = json.body;
  if (json.headers !== undefined) {
    if (!isRecord(json.headers) || Object.values(json.headers).some((v) => typeof v !== 'string')) {
      throw new Error('fault rule "headers" must be an object of strings');
    }
    rule.headers = json.headers as Record<string, string>;
  }
  const delayMs = num('delayMs', 0);
  if (delayMs !== undefined) rule.delayMs = delayMs;
  const times = num('times', 1);
  if (times !== undefined) rule.times = times;
  const commitThenFail = bool('commitThenFail');
  if (commitThenFail !== undefined) rule.commitThenFail = commitThenFail;
  const network = bool('network');
  if (network !== undefined) rule.network = network;
  if (rule.status === undefined && !rule.network && rule.delayMs === undefined) {
    throw new Error('a fault rule needs "status", "network": true or "delayMs"');
  }
  return rule;
}

/** Active rules; `take` consumes one use of the first rule that matches. */
export class FaultList {
  private rules: { rule: FaultRule; left: number }[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule, left: rule.times ?? 1 });
  }

  clear(): void {
    this.rules = [];
  }

  take(method: string, path: string, body = ''): FaultRule | null {
    const i = this.rules.findIndex(
      ({ rule }) =>
        (rule.method === undefined || rule.method === method.toUpperCase()) &&
        (rule.path === undefined || new RegExp(rule.path).test(path)) &&
        (rule.bodyMatch === undefined || new RegExp(rule.bodyMatch).test(body)),
    );
    if (i < 0) return null;
    const entry = this.rules[i]!;
    entry.left -= 1;
    if (entry.left <= 0) this.rules.splice(i, 1);
    return entry.rule;
  }
}

/** A Zendesk-shaped error body for an injected status, when the rule gives none. */
export function defaultZendeskFaultBody(status: number): unknown {
  if (status === 404) return { error: 'RecordNotFound', description: 'Not found' };
  if (status === 401) return { error: "Couldn't authenticate you" };
  if (status === 403) return { error: 'Forbidden', description: 'You do not have access to this page' };
  if (status === 409) return { error: 'Conflict', description: 'The ticket was updated by someone else' };
  if (status === 422) return { error: 'RecordInvalid', description: 'Record validation errors', details: {} };
  if (status === 429) return { error: 'TooManyRequests', description: 'Rate limit exceeded' };
  return { error: 'InternalError', description: `Injected fault (HTTP ${status})` };
}
