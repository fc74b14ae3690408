// A few lines that make tests against the stand-in read like API calls: `await gh.post('/repos/o/r/issues', {...})`.
// Used by the stand-in's own tests, and handy for drills that need to seed or inspect GitHub state in-process.
import type { GitHubStandIn, StandInResponse } from './standin.ts';

export interface StandInCaller {
  request(method: string, path: string, body?: unknown, query?: Record<string, string>, headers?: Record<string, string>): Promise<StandInResponse>;
  get(path: string, query?: Record<string, string>): Promise<StandInResponse>;
  post(path: string, body?: unknown): Promise<StandInResponse>;
  patch(path: string, body?: unknown): Promise<StandInResponse>;
}

/** Calls as the holder of `token` (Authorization: Bearer), or anonymously with `token: null`. */
export function standInCaller(standIn: GitHubStandIn, token: string | null): StandInCaller {
  const request: StandInCaller['request'] = (method, path, body, query = {}, headers = {}) => {
    const all: Record<string, string> = {};
    if (token !== null) all.authorization = `Bearer ${token}`;
    for (const [k, v] of Object.entries(headers)) all[k.toLowerCase()] = v;
    return standIn.handle({ method, path, query: new URLSearchParams(query), headers: all, body });
  };
  return {
    request,
    get: (path, query) => request('GET', path, undefined, query),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
  };
}
