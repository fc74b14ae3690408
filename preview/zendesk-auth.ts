// Zendesk's API-token authentication for direct calls to the preview's `/api/v2/...` (tools, the sync action, the
// drills): HTTP basic auth with `{email}/token:{token}`, answered as Zendesk answers a wrong or missing one. The app
// itself reaches the API through `/__zaf/request` (the signed-in agent's session), which needs none of this.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiResponse } from './zendesk-api.ts';

export interface ZendeskApiCredentials {
  /** The agent the API token belongs to. */
  email: string;
  token: string;
}

/** Fresh credentials for one preview run (`npm start` prints them). */
export function newApiCredentials(email: string): ZendeskApiCredentials {
  return { email, token: `preview${randomBytes(15).toString('base64url')}` };
}

/** The Authorization header a client sends for these credentials. */
export function basicAuthHeader(c: ZendeskApiCredentials): string {
  return `Basic ${Buffer.from(`${c.email}/token:${c.token}`, 'utf8').toString('base64')}`;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** null when the request may go on; otherwise Zendesk's 401 (the same body whatever was wrong, as Zendesk does). */
export function checkApiAuth(authorization: string | undefined, c: ZendeskApiCredentials): ApiResponse | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (m) {
    const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
    const sep = decoded.indexOf(':');
    const user = sep < 0 ? decoded : decoded.slice(0, sep);
    const secret = sep < 0 ? '' : decoded.slice(sep + 1);
    // E-mail addresses compare case-insensitively in Zendesk; the token exactly.
    if (user.toLowerCase() === `${c.email.toLowerCase()}/token` && same(secret, c.token)) return null;
  }
  return {
    status: 401,
    headers: { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': 'Basic realm="Web Password"' },
    body: { error: "Couldn't authenticate you" },
  };
}
