// What blocks filing before any click, from the opening's access check (flows/opening.ts): the notice at the top of
// the panel says it in one line for the agent, with the details and the setting to fix for admins. Pure: the
// component only renders what this decides.
import type { AgentError } from '../../errors/agent-error.ts';
import type { RepoRef, Settings } from '../../core/settings.ts';
import type { AccessState } from '../hooks/useFiling.ts';

export type Blocker =
  /** GitHub refused the token (401): missing (the proxy sends it empty) or wrong; the browser cannot tell which. */
  | { kind: 'token'; error: AgentError }
  /** The token can read the tracker but not push to it (GitHub would drop the labels), or GitHub said 403. */
  | { kind: 'no-push'; repo: string; setting: string }
  /** No such tracker, or one the token cannot see. */
  | { kind: 'not-found'; repo: string; setting: string; status: number }
  /** The check itself failed (network, GitHub down, rate limit): filing may work; File checks again. */
  | { kind: 'check-failed'; repo: string; error: AgentError };

/** The repository parameter naming `repo` (the admin's fix), by the settings in force. */
export function repoSetting(repo: RepoRef, settings: Settings): 'private_repository' | 'public_repository' {
  const same = (a: RepoRef) => `${a.owner}/${a.repo}`.toLowerCase() === `${repo.owner}/${repo.repo}`.toLowerCase();
  return same(settings.publicRepo) && !same(settings.privateRepo) ? 'public_repository' : 'private_repository';
}

export function blockerOf(access: AccessState, repo: RepoRef, settings: Settings): Blocker | null {
  const name = `${repo.owner}/${repo.repo}`;
  const setting = repoSetting(repo, settings);
  if (access.state === 'no-push') return { kind: 'no-push', repo: name, setting };
  if (access.state !== 'failed') return null;
  const { error } = access;
  switch (error.code) {
    case 'github_unauthorized':
      return { kind: 'token', error };
    case 'github_no_push':
      return { kind: 'no-push', repo: name, setting };
    case 'github_repo_not_found':
      return { kind: 'not-found', repo: name, setting, status: Number(error.params.status ?? 404) };
    default:
      return { kind: 'check-failed', repo: name, error };
  }
}

/** Whether the notice at the top speaks for `repo` (File then only points to it instead of repeating it). */
export function noticeCovers(repo: RepoRef, settings: Settings): boolean {
  return `${repo.owner}/${repo.repo}`.toLowerCase() === `${settings.privateRepo.owner}/${settings.privateRepo.repo}`.toLowerCase();
}

/**
 * Whether the user sees the admin's details: Zendesk's `currentUser.role` is `admin`. When the host did not say,
 * nothing is hidden (an admin missing the fix is worse than an agent reading one paragraph more).
 */
export function seesAdminDetails(role: string | null): boolean {
  return role === null || role === 'admin';
}
