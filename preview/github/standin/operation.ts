// The shape every operation handler shares: what the pipeline has checked and resolved before calling it (the
// operation, typed parameters, the caller, the repository) and the answer it returns before headers are added.
import type { Operation } from '../spec.ts';
import type { IssueRecord, RepoRecord, UserRecord } from '../state.ts';
import type { StandInStore } from './store.ts';

export interface Caller {
  user: UserRecord | null;
  /** Rate-limit bucket key. */
  key: string;
}

export const ANONYMOUS: Caller = { user: null, key: 'anonymous' };

export interface Context {
  op: Operation;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  caller: Caller;
  /** The `{owner}/{repo}` of the path, already found and visible to the caller; null for other routes. */
  repo: RepoRecord | null;
  requestId: string;
}

export type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

export type Handler = (store: StandInStore, ctx: Context) => Answer;

/** The issue `{issue_number}` of the path names, if the repository has it. */
export function findIssue(ctx: Context): IssueRecord | null {
  return ctx.repo?.issues.find((i) => i.number === ctx.path.issue_number) ?? null;
}

/** An answer that creates something: 201 with its `location`, as GitHub answers. */
export function created(json: Record<string, unknown>): Answer {
  return { status: 201, body: json, headers: { location: String(json.url) } };
}
