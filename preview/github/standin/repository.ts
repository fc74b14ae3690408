// Who is calling and what they may do: tokens to users, push access to author association, and the two read-only
// operations about identity and access (`GET /user`, `GET /repos/{owner}/{repo}`).
import { authenticatedUserJson, repoJson, type AuthorAssociation, type RepoRecord, type UserRecord } from '../state.ts';
import { ANONYMOUS, type Answer, type Caller, type Context } from './operation.ts';
import type { StandInStore } from './store.ts';

/** The caller behind an Authorization header; 'bad' for a token GitHub would not accept (401 Bad credentials). */
export function identify(store: StandInStore, headers: Record<string, string>): Caller | 'bad' {
  const auth = headers.authorization;
  if (auth === undefined || auth.trim() === '') return ANONYMOUS;
  const m = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(auth);
  if (!m || !store.config.acceptedTokens.has(m[1] as string)) return 'bad';
  const user = store.config.tokenUser;
  return { user, key: `user:${user.id}` };
}

export function canPush(repo: RepoRecord): boolean {
  return repo.permission !== 'read';
}

export function association(repo: RepoRecord): AuthorAssociation {
  return canPush(repo) ? 'MEMBER' : 'NONE';
}

export function getAuthenticatedUser(store: StandInStore, ctx: Context): Answer {
  return { status: 200, body: authenticatedUserJson(ctx.caller.user as UserRecord, store.config.urls) };
}

export function getRepository(store: StandInStore, ctx: Context): Answer {
  const repo = ctx.repo as RepoRecord;
  return { status: 200, body: repoJson(repo, store.config.urls, ctx.caller.user ? repo.permission : null) };
}
