// GitHub's error bodies, word for word where GitHub's wording matters to clients (Octokit's throttling plugin
// recognises a secondary rate limit by the words "secondary rate" in the message).

export const DOCS = 'https://docs.github.com/rest';
const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
const SECONDARY_DOCS =
  'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';

export interface GitHubErrorBody {
  message: string;
  documentation_url: string;
  status: string;
  errors?: GitHubFieldError[];
}

/** One entry of a 422's `errors`: GitHub codes are missing, missing_field, invalid, already_exists, unprocessable, custom. */
export interface GitHubFieldError {
  resource: string;
  field: string;
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom';
  message?: string;
  index?: number;
  value?: string | number | string[];
}

export function errorBody(status: number, message: string, documentationUrl = DOCS): GitHubErrorBody {
  return { message, documentation_url: documentationUrl, status: String(status) };
}

export const notFound = (): GitHubErrorBody => errorBody(404, 'Not Found', DOCS);
export const badCredentials = (): GitHubErrorBody => errorBody(401, 'Bad credentials', DOCS);
export const requiresAuthentication = (docs = DOCS): GitHubErrorBody => errorBody(401, 'Requires authentication', docs);
export const problemsParsingJson = (docs = DOCS): GitHubErrorBody => errorBody(400, 'Problems parsing JSON', docs);
export const noPushAccess = (docs = DOCS): GitHubErrorBody => errorBody(403, 'Must have admin rights to Repository.', docs);

export function validationFailed(errors: GitHubFieldError[], docs = DOCS): GitHubErrorBody {
  return { message: 'Validation Failed', errors, documentation_url: docs, status: '422' };
}

export function secondaryRateLimit(requestId: string): GitHubErrorBody {
  return errorBody(
    403,
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
      `If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
    SECONDARY_DOCS,
  );
}

export function primaryRateLimit(userId: number, requestId: string): GitHubErrorBody {
  return errorBody(
    403,
    `API rate limit exceeded for user ID ${userId}. If you reach out to GitHub Support for help, please include the request ID ${requestId} ` +
      'and timestamp ' +
      new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') +
      '.',
    RATE_LIMIT_DOCS,
  );
}

/** The body GitHub sends with a given status when a fault rule does not bring its own. */
export function defaultFaultBody(
  status: number,
  headers: Record<string, string>,
  ctx: { userId: number; requestId: string; docs: string },
): GitHubErrorBody {
  switch (status) {
    case 400:
      return problemsParsingJson(ctx.docs);
    case 401:
      return badCredentials();
    case 403:
      if (headers['retry-after'] !== undefined) return secondaryRateLimit(ctx.requestId);
      if (headers['x-ratelimit-remaining'] === '0') return primaryRateLimit(ctx.userId, ctx.requestId);
      return noPushAccess(ctx.docs);
    case 404:
      return notFound();
    case 410:
      return errorBody(410, 'Issues are disabled for this repo', ctx.docs);
    case 422:
      return validationFailed([{ resource: 'Issue', field: 'title', code: 'invalid' }], ctx.docs);
    case 429:
      return { ...secondaryRateLimit(ctx.requestId), status: '429' };
    case 500:
      return errorBody(500, 'Server Error', DOCS);
    case 502:
      return errorBody(502, 'Server Error', DOCS);
    case 503:
      return errorBody(503, 'Service Unavailable', DOCS);
    case 504:
      return errorBody(
        504,
        "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
        DOCS,
      );
    default:
      return errorBody(status, status >= 500 ? 'Server Error' : 'Error', DOCS);
  }
}
