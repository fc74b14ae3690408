// The action's inputs (sync/action.yml), read and checked once. A bad value fails the run with a message naming the
// input, before anything is written anywhere.
import * as core from '@actions/core';

export interface SyncInputs {
  subdomain: string;
  email: string;
  apiToken: string;
  /** Zendesk's API root without a trailing slash, e.g. https://acme.zendesk.com. */
  apiUrl: string;
  reopenOnClose: boolean;
  comments: 'all' | 'none';
  /** GitHub logins (lower-case) whose events are never sent to Zendesk. */
  ignoreActors: Set<string>;
  githubToken: string;
}

export class InputError extends Error {}

const SUBDOMAIN = /^[a-z0-9][a-z0-9-]*$/i;

/** `getInput` is given as a parameter so the same checks read a plain record in unit tests. */
export function readInputs(get: (name: string) => string = (name) => core.getInput(name)): SyncInputs {
  const required = (name: string) => {
    const v = get(name).trim();
    if (v === '') throw new InputError(`The input "${name}" is required (see sync/engage-sync.yml).`);
    return v;
  };
  const subdomain = required('zendesk-subdomain').toLowerCase();
  if (!SUBDOMAIN.test(subdomain)) {
    throw new InputError(`The input "zendesk-subdomain" must be the account's subdomain only (acme for acme.zendesk.com), not "${subdomain}".`);
  }
  const email = required('zendesk-email');
  if (!email.includes('@')) throw new InputError('The input "zendesk-email" must be the e-mail address of the Zendesk agent the API token belongs to.');
  const apiToken = required('zendesk-api-token');
  // Before anything can print it: the Actions log masks it from here on.
  core.setSecret(apiToken);

  const urlText = get('zendesk-api-url').trim() || `https://${subdomain}.zendesk.com`;
  let apiUrl: URL;
  try {
    apiUrl = new URL(urlText);
  } catch {
    throw new InputError(`The input "zendesk-api-url" is not a URL: "${urlText}".`);
  }
  if (apiUrl.protocol !== 'https:' && apiUrl.protocol !== 'http:') {
    throw new InputError('The input "zendesk-api-url" must be an http(s) URL.');
  }

  const reopenText = (get('reopen-on-close').trim() || 'false').toLowerCase();
  if (reopenText !== 'true' && reopenText !== 'false') {
    throw new InputError(`The input "reopen-on-close" must be true or false, not "${reopenText}".`);
  }
  const commentsText = (get('comments').trim() || 'all').toLowerCase();
  if (commentsText !== 'all' && commentsText !== 'none') {
    throw new InputError(`The input "comments" must be all or none, not "${commentsText}".`);
  }
  const ignoreActors = new Set(
    get('ignore-actors')
      .split(/[\s,]+/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
  const githubToken = required('github-token');
  core.setSecret(githubToken);
  return {
    subdomain,
    email,
    apiToken,
    apiUrl: apiUrl.toString().replace(/\/+$/, ''),
    reopenOnClose: reopenText === 'true',
    comments: commentsText,
    ignoreActors,
    githubToken,
  };
}
