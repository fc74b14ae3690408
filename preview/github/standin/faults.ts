// Injected faults, the way the drills and the adapters' tests need GitHub to fail: an error status, a dropped
// connection, a slow answer, or the work done but the answer lost (the "did it file or not?" case). Every request
// not marked internal goes through `handle`, which applies the first matching rule and logs what the client saw.
import * as E from '../errors.ts';
import { NetworkFault, type FaultRule, type HandleOptions, type StandInRequest, type StandInResponse } from './api.ts';
import { dispatch } from './dispatch.ts';
import { baseHeaders, newRequestId, splitPath } from './envelope.ts';
import { ANONYMOUS } from './operation.ts';
import { rateHeaders, rateResource } from './rate-limits.ts';
import { identify } from './repository.ts';
import type { StandInStore } from './store.ts';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function addFault(store: StandInStore, rule: FaultRule): void {
  store.faults.push({ rule: { ...rule }, left: rule.times ?? 1 });
}

/** The first rule with uses left that matches, counted down. */
function takeFault(store: StandInStore, method: string, path: string): FaultRule | null {
  for (const f of store.faults) {
    if (f.left <= 0) continue;
    if (f.rule.method && f.rule.method.toUpperCase() !== method) continue;
    if (f.rule.path !== undefined && !new RegExp(f.rule.path).test(path)) continue;
    f.left--;
    return f.rule;
  }
  return null;
}

/** The rule's answer with GitHub's headers, and GitHub's body for that status when the rule brings none. */
function faultResponse(store: StandInStore, rule: FaultRule, req: StandInRequest, requestId: string, status: number): StandInResponse {
  const [path] = splitPath(req.path);
  const routed = store.config.spec.route(req.method, path);
  const docs = routed.operation?.documentationUrl ?? E.DOCS;
  const caller = identify(store, req.headers);
  const who = caller === 'bad' ? ANONYMOUS : caller;
  const resource = rateResource(routed.operation?.operationId);
  const ruleHeaders = Object.fromEntries(Object.entries(rule.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  if ((status === 429 || (status === 403 && 'retry-after' in ruleHeaders)) && ruleHeaders['retry-after'] === undefined) {
    ruleHeaders['retry-after'] = '60';
  }
  if (status === 403 && 'retry-after' in ruleHeaders) {
    ruleHeaders['x-ratelimit-remaining'] ??= rateHeaders(store, who, resource)['x-ratelimit-remaining'] as string;
  }
  const body =
    rule.body !== undefined ? rule.body : E.defaultFaultBody(status, ruleHeaders, { userId: store.config.tokenUser.id, requestId, docs });
  const headers = { ...baseHeaders(requestId), ...rateHeaders(store, who, resource), ...ruleHeaders };
  if (ruleHeaders['x-ratelimit-remaining'] === '0' && !('x-ratelimit-reset' in ruleHeaders)) {
    headers['x-ratelimit-reset'] = String(Math.ceil(store.config.now() / 1000) + 60);
  }
  return { status, headers, body };
}

export async function handle(store: StandInStore, req: StandInRequest, options: HandleOptions = {}): Promise<StandInResponse> {
  const requestId = newRequestId();
  const method = req.method.toUpperCase();
  const [path] = splitPath(req.path);
  const record = (status: number): void => {
    if (!options.internal) store.log.push({ method, path, status });
  };
  const rule = options.internal ? null : takeFault(store, method, path);
  if (!rule) {
    const response = dispatch(store, req, requestId);
    record(response.status);
    return response;
  }
  const wait = async (): Promise<void> => {
    if (rule.delayMs) await sleep(rule.delayMs);
  };
  if (rule.commitThenFail) {
    // GitHub did the work at once; the answer is lost (network) or replaced (status, default its 504 timeout),
    // after the delay if any — the "it did succeed but the client saw an error or gave up" case.
    const real = dispatch(store, req, requestId);
    // A success status (or a failed operation) means no fault to add: the real answer, only late.
    const late = !rule.network && ((rule.status !== undefined && rule.status < 400) || real.status >= 400);
    const status = rule.network ? 0 : late ? real.status : (rule.status ?? 504);
    record(status);
    await wait();
    if (rule.network) throw new NetworkFault('GitHub stand-in: connection dropped after the request was processed (injected fault)');
    return late ? real : faultResponse(store, rule, req, requestId, status);
  }
  if (rule.network) {
    // The request never reached GitHub.
    record(0);
    await wait();
    throw new NetworkFault();
  }
  if (rule.status !== undefined) {
    const response = faultResponse(store, rule, req, requestId, rule.status);
    record(response.status);
    await wait();
    return response;
  }
  // A delay alone: GitHub handles the request on arrival and its answer takes `delayMs` to come back, so a
  // client that gives up meanwhile has still changed GitHub's state.
  const response = dispatch(store, req, requestId);
  record(response.status);
  await wait();
  return response;
}
