// Labels: GitHub matches names case-insensitively and creates unknown ones silently when an issue names them;
// without push access they are dropped silently (add) or refused (create).
import * as E from '../errors.ts';
import { labelJson, timestamp, type LabelRecord, type RepoRecord } from '../state.ts';
import { charLength, LABEL_DESCRIPTION_LIMIT, LABEL_NAME_LIMIT, tooLong } from './limits.ts';
import { linkHeader, paginate } from './listing.ts';
import { created, findIssue, type Answer, type Context } from './operation.ts';
import { canPush } from './repository.ts';
import type { StandInStore } from './store.ts';

/** Label names from a request: plain names or `{name}` objects, as GitHub accepts both. */
export function labelNames(items: unknown[]): string[] {
  const names: string[] = [];
  for (const item of items) {
    const name = typeof item === 'string' ? item : (item as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
  }
  return names;
}

/** GitHub's 422 for an empty or too long name, or null when every name is fine. */
export function checkLabelNames(names: string[], docs: string): Answer | null {
  for (const name of names) {
    if (name.trim() === '') {
      return { status: 422, body: E.validationFailed([{ resource: 'Label', field: 'name', code: 'missing_field' }], docs) };
    }
    if (charLength(name) > LABEL_NAME_LIMIT) {
      return {
        status: 422,
        body: E.validationFailed(
          [{ resource: 'Label', field: 'name', code: 'custom', message: `name is too long (maximum is ${LABEL_NAME_LIMIT} characters)` }],
          docs,
        ),
      };
    }
  }
  return null;
}

/** Existing labels by name (case-insensitive, as GitHub matches them); unknown ones are created silently. */
export function resolveLabels(store: StandInStore, repo: RepoRecord, names: string[]): LabelRecord[] {
  const out: LabelRecord[] = [];
  for (const raw of names) {
    const name = raw.trim();
    let label = repo.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (!label) {
      label = { id: store.nextId.label++, name, color: 'ededed', description: null, default: false };
      repo.labels.push(label);
    }
    if (!out.includes(label)) out.push(label);
  }
  return out;
}

export function addLabels(store: StandInStore, ctx: Context): Answer {
  const repo = ctx.repo as RepoRecord;
  const docs = ctx.op.documentationUrl;
  const issue = findIssue(ctx);
  if (!issue) return { status: 404, body: E.notFound() };
  if (canPush(repo) && Array.isArray(ctx.body.labels)) {
    const names = labelNames(ctx.body.labels);
    const problem = checkLabelNames(names, docs);
    if (problem) return problem;
    for (const label of resolveLabels(store, repo, names)) if (!issue.labels.includes(label)) issue.labels.push(label);
    issue.updatedAt = timestamp(store.config.now());
  }
  return { status: 200, body: issue.labels.map((l) => labelJson(repo, l, store.config.urls)) };
}

export function listLabels(store: StandInStore, ctx: Context): Answer {
  const repo = ctx.repo as RepoRecord;
  const { page, link } = paginate(store, repo.labels, ctx, `/repos/${repo.owner.login}/${repo.name}/labels`);
  return { status: 200, body: page.map((l) => labelJson(repo, l, store.config.urls)), headers: linkHeader(link) };
}

export function createLabel(store: StandInStore, ctx: Context): Answer {
  const repo = ctx.repo as RepoRecord;
  const docs = ctx.op.documentationUrl;
  if (!canPush(repo)) return { status: 403, body: E.noPushAccess(docs) };
  const name = String(ctx.body.name);
  const problem = checkLabelNames([name], docs);
  if (problem) return problem;
  if (repo.labels.some((l) => l.name.toLowerCase() === name.trim().toLowerCase())) {
    return { status: 422, body: E.validationFailed([{ resource: 'Label', field: 'name', code: 'already_exists' }], docs) };
  }
  let color = 'ededed';
  if (typeof ctx.body.color === 'string') {
    color = ctx.body.color.replace(/^#/, '');
    if (!/^[0-9a-fA-F]{6}$/.test(color)) {
      return { status: 422, body: E.validationFailed([{ resource: 'Label', field: 'color', code: 'invalid' }], docs) };
    }
    color = color.toLowerCase();
  }
  const description = typeof ctx.body.description === 'string' ? ctx.body.description : null;
  if (description !== null && charLength(description) > LABEL_DESCRIPTION_LIMIT) {
    return tooLong('Label', 'description', LABEL_DESCRIPTION_LIMIT, docs);
  }
  const label: LabelRecord = { id: store.nextId.label++, name: name.trim(), color, description, default: false };
  repo.labels.push(label);
  return created(labelJson(repo, label, store.config.urls));
}

export function getLabel(store: StandInStore, ctx: Context): Answer {
  const repo = ctx.repo as RepoRecord;
  const name = String(ctx.path.name).toLowerCase();
  const label = repo.labels.find((l) => l.name.toLowerCase() === name);
  if (!label) return { status: 404, body: E.notFound() };
  return { status: 200, body: labelJson(repo, label, store.config.urls) };
}
