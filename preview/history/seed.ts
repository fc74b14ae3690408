// Files the history's issues in the GitHub stand-in through its public API (the same requests the app makes),
// in the order they happened: each request runs with the stand-in's clock set to its moment, so the issues'
// created_at, updated_at and closed_at are those of the plan. Numbers are checked against the plan, whose tickets
// already carry them in their tags.
import type { GitHubStandIn } from '../github/standin.ts';
import { PRIVATE_REPO, PUBLIC_REPO, type PlannedIssue } from './generate.ts';

/** The clock handed to the stand-in (`StandInOptions.now`): the real time unless a seeding has set it back. */
export interface SeedClock {
  at: number | null;
}

type Step = { at: number; run: () => Promise<void> };

export async function seedIssues(standIn: GitHubStandIn, issues: readonly PlannedIssue[], clock: SeedClock, token: string): Promise<void> {
  const call = async (method: string, path: string, body: unknown): Promise<Record<string, unknown>> => {
    const res = await standIn.handle(
      { method, path, query: new URLSearchParams(), headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json' }, body },
      { internal: true },
    );
    if (res.status >= 300) throw new Error(`history: ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  const steps: Step[] = [];
  for (const issue of issues) {
    const repo = issue.tracker === 'private' ? PRIVATE_REPO : PUBLIC_REPO;
    const base = `/repos/${repo.owner}/${repo.repo}/issues`;
    steps.push({
      at: issue.createdAt,
      run: async () => {
        const created = await call('POST', base, { title: issue.title, body: issue.body, labels: issue.labels });
        if (created.number !== issue.number) throw new Error(`history: ${repo.repo} issue filed as #${String(created.number)}, planned #${issue.number}`);
      },
    });
    for (const c of issue.comments) steps.push({ at: c.at, run: async () => void (await call('POST', `${base}/${issue.number}/comments`, { body: c.body })) });
    if (issue.closedAt !== null) steps.push({ at: issue.closedAt, run: async () => void (await call('PATCH', `${base}/${issue.number}`, { state: 'closed' })) });
  }
  // Stable sort: an issue's creation comes before anything else planned for the same moment.
  steps.sort((a, b) => a.at - b.at);
  try {
    for (const step of steps) {
      clock.at = step.at;
      await step.run();
    }
  } finally {
    clock.at = null;
  }
}
