// The operations the stand-in implements, by GitHub's operationId. To add one, extract it into the OpenAPI subset
// (scripts/extract-openapi.ts) and add its handler here.
import { createComment, listComments, updateComment } from './comments.ts';
import { createIssue, getIssue, listIssuesForRepo, updateIssue } from './issues.ts';
import { addLabels, createLabel, getLabel, listLabels } from './labels.ts';
import type { Handler } from './operation.ts';
import { getAuthenticatedUser, getRepository } from './repository.ts';
import { searchIssues } from './search-issues.ts';

export const HANDLERS: Readonly<Record<string, Handler>> = {
  'users/get-authenticated': getAuthenticatedUser,
  'repos/get': getRepository,
  'issues/create': createIssue,
  'issues/get': getIssue,
  'issues/update': updateIssue,
  'issues/list-for-repo': listIssuesForRepo,
  'issues/create-comment': createComment,
  'issues/list-comments': listComments,
  'issues/update-comment': updateComment,
  'issues/add-labels': addLabels,
  'issues/list-labels-for-repo': listLabels,
  'issues/create-label': createLabel,
  'issues/get-label': getLabel,
  'search/issues-and-pull-requests': searchIssues,
};
