// What every request and answer carries around the operation itself: the request id, GitHub's standard headers,
// and the path split from an inline query string.
import { randomBytes } from 'node:crypto';

/** An id shaped like GitHub's `x-github-request-id` (four groups of four hex digits). */
export function newRequestId(): string {
  return randomBytes(8).toString('hex').toUpperCase().replace(/(.{4})(.{4})(.{4})(.{4})/, '$1:$2:$3:$4');
}

export function baseHeaders(requestId: string): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': requestId,
    'cache-control': 'private, max-age=60, s-maxage=60',
    vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
  };
}

/** `/repos/o/r/issues?state=all` → [`/repos/o/r/issues`, `state=all`]. */
export function splitPath(raw: string): [string, string] {
  const q = raw.indexOf('?');
  return q === -1 ? [raw, ''] : [raw.slice(0, q), raw.slice(q + 1)];
}
