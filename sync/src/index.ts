// The action's entry (sync/action.yml → dist/index.js): started by the Actions runner with the event in
// GITHUB_EVENT_PATH and the inputs as INPUT_* variables.
import * as core from '@actions/core';
import { context, getOctokit } from '@actions/github';
import { readEvent } from './event.ts';
import { InputError, readInputs } from './inputs.ts';
import { syncEvent, type IssueReader } from './run.ts';

async function main(): Promise<void> {
  const inputs = readInputs();
  const read = readEvent(context.eventName, context.payload);
  if ('skip' in read) {
    core.info(`Nothing to sync: ${read.skip}.`);
    return;
  }
  const event = read.event;
  if (event.kind === 'commented' && inputs.comments === 'none') {
    core.info('Nothing to sync: comments are not reported (input "comments" is none).');
    return;
  }
  if (inputs.ignoreActors.has(event.actor.toLowerCase())) {
    core.info(`Nothing to sync: ${event.actor} is listed in "ignore-actors".`);
    return;
  }
  const octokit = getOctokit(inputs.githubToken);
  const github: IssueReader = {
    async commentBodies(owner, repo, issue) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 });
      return comments.map((c) => c.body ?? '');
    },
  };
  const backoff = Number(process.env.ENGAGE_SYNC_BACKOFF_MS);
  const result = await syncEvent(event, inputs, github, { info: core.info, warning: core.warning, error: core.error }, {
    backoffMs: Number.isFinite(backoff) && backoff > 0 ? backoff : undefined,
  });
  const count = (o: string) => result.tickets.filter((t) => t.outcome === o).length;
  core.setOutput('tickets', String(result.tickets.length));
  core.setOutput('notes-added', String(count('noted')));
  core.setOutput('zendesk-requests', String(result.zendeskRequests));
  if (result.fatal) {
    core.setFailed(result.fatal);
    return;
  }
  const failed = count('failed');
  core.info(
    `Done: ${count('noted')} note(s) added, ${count('already-noted')} already there, ${count('skipped')} ticket(s) skipped, ${failed} failed; ${result.zendeskRequests} Zendesk request(s).`,
  );
  if (failed > 0) core.setFailed(`${failed} ticket(s) did not get their note; re-run this workflow to finish (notes already added are not repeated).`);
}

main().catch((e: unknown) => {
  core.setFailed(e instanceof InputError ? e.message : `Engage sync failed: ${(e as Error).message ?? String(e)}`);
});
