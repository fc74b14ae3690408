// Issue comments: the same body limit as issues; a locked issue takes comments only from those with push access.
import * as E from '../errors.ts';
import { commentJson, timestamp, type RepoRecord, type UserRecord } from '../state.ts';
import { BODY_LIMIT, charLength, tooLong } from './limits.ts';
import { linkHeader, paginate } from './listing.ts';
import { created, findIssue, type Answer, type Context } from './operation.ts';
import { association, canPush } from './repository.ts';
import type { StandInStore } from './store.ts';

export function createComment(store: StandInStore, ctx: Context): Answer {
  const repo = ctx.repo as RepoRecord;
  const docs = ctx.op.documentationUrl;
  const issue = findIssue(ctx);
  if (!issue) return { status: 404, body: E.notFound() };
  if (issue.locked && !canPush(repo)) return { status: 403, body: E.errorBody(403, 'Unable to create comment because issue is locked.', docs) };
  const body = String(ctx.body.body);
  if (body.trim() === '') {
    return { status: 422, body: E.validationFailed([{ resource: 'IssueComment', field: 'body', code: 'missing_field' }], docs) };
  }
  if (charLength(body) > BODY_LIMIT) return tooLong('IssueComment', 'body', BODY_LIMIT, docs);
  const t = timestamp(store.config.now());
  const comment = {
    id: store.nextId.comment++,
    body,
    user: ctx.caller.user as UserRecord,
    authorAssociation: association(repo),
    createdAt: t,
    updatedAt: t,
  };
  issue.comments.push(comment);
  issue.updatedAt = t;
  return created(commentJson(repo, issue, comment, store.config.urls));
}

export function listComments(store: StandInStore, ctx: Context): Answer {
  const repo = ctx.repo as RepoRecord;
  const issue = findIssue(ctx);
  if (!issue) return { status: 404, body: E.notFound() };
  let items = issue.comments;
  if (typeof ctx.query.since === 'string') {
    const since = timestamp(Date.parse(ctx.query.since));
    items = items.filter((c) => c.updatedAt >= since);
  }
  const { page, link } = paginate(store, items, ctx, `/repos/${repo.owner.login}/${repo.name}/issues/${issue.number}/comments`);
  return { status: 200, body: page.map((c) => commentJson(repo, issue, c, store.config.urls)), headers: linkHeader(link) };
}

/** PATCH a comment: its author or anyone with push access may, as on GitHub; the body limit holds for edits too. */
export function updateComment(store: StandInStore, ctx: Context): Answer {
  const repo = ctx.repo as RepoRecord;
  const docs = ctx.op.documentationUrl;
  const id = ctx.path.comment_id;
  const issue = repo.issues.find((i) => i.comments.some((c) => c.id === id));
  const comment = issue?.comments.find((c) => c.id === id);
  if (!issue || !comment) return { status: 404, body: E.notFound() };
  if (comment.user.id !== ctx.caller.user?.id && !canPush(repo)) {
    return { status: 403, body: E.errorBody(403, 'Must have admin rights to Repository.', docs) };
  }
  const body = String(ctx.body.body);
  if (charLength(body) > BODY_LIMIT) return tooLong('IssueComment', 'body', BODY_LIMIT, docs);
  const t = timestamp(store.config.now());
  comment.body = body;
  comment.updatedAt = t;
  issue.updatedAt = t;
  return { status: 200, body: commentJson(repo, issue, comment, store.config.urls) };
}
