// The two-way link between a Zendesk ticket and its GitHub issue(s).
//
// Ticket → issue: the issue carries a visible marker line naming the ticket (`ticketMarker`), so GitHub search can
// find it (search only indexes visible text) — the "never twice" check when the ticket's own link is missing.
// Issue → ticket is read back from the ticket: the linked-issue field (a URL), Engage's internal note, and the tags
// `rfh_issue_<n>` (private tracker) / `rfh_public_issue_<n>` (public tracker).

import type { RepoRef, Settings } from './settings.ts';
import type { LinkedIssue, Tracker } from './types/filing.ts';
import type { TicketLocation, TicketModel } from './types/ticket.ts';

/** Zendesk subdomains are lower-case letters, digits and hyphens; anything else is folded so the marker stays one token. */
function subdomainToken(subdomain: string): string {
  const s = subdomain
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'unknown' : s;
}

/** The distinctive, searchable token that identifies a ticket on GitHub, e.g. `engage-zendesk-acme-4242`. */
export function ticketMarker(location: TicketLocation): string {
  return `engage-zendesk-${subdomainToken(location.subdomain)}-${location.ticketId}`;
}

/** The agent's link to the ticket, e.g. `https://acme.zendesk.com/agent/tickets/4242`. */
export function ticketUrl(location: TicketLocation): string {
  return `https://${subdomainToken(location.subdomain)}.zendesk.com/agent/tickets/${location.ticketId}`;
}

/** The first line of Engage's internal note; `findLinkedIssue` reads the URL that follows it. */
export const NOTE_LEAD = 'Engage filed this ticket on GitHub';

/** Tag for the issue number on the ticket, per tracker. */
export function issueTag(tracker: Tracker, number: number): string {
  return tracker === 'public' ? `rfh_public_issue_${number}` : `rfh_issue_${number}`;
}

/** The web host of the configured GitHub: `api.github.com` → `github.com`, `ghe.example.com/api/v3` → itself. */
export function githubWebBase(settings: Settings): string {
  const api = settings.githubApiUrl.replace(/\/+$/, '');
  const m = /^(https?:\/\/)([^/]+)(.*)$/.exec(api);
  if (!m) return 'https://github.com';
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (host.toLowerCase() === 'api.github.com') return 'https://github.com';
  // GitHub Enterprise Server: https://HOST/api/v3; the stand-in: http://localhost:4567/github/api → …/github.
  return `${scheme}${host}${path.replace(/\/api(?:\/v3)?$/, '')}`;
}

/** The web URL of an issue on the configured GitHub. */
export function issueWebUrl(settings: Settings, repo: RepoRef, number: number): string {
  return `${githubWebBase(settings)}/${repo.owner}/${repo.repo}/issues/${number}`;
}

const ISSUE_URL = /^https?:\/\/[^\s/]+(?:\/[^\s]*?)?\/([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})\/issues\/(\d{1,9})(?:[/?#][^\s]*)?$/;

/** Read `https://host[/prefix]/owner/repo/issues/N` into a LinkedIssue, or null. */
export function parseIssueUrl(url: string): LinkedIssue | null {
  const trimmed = url.trim().replace(/[.,;:)>\]]+$/, '');
  const m = ISSUE_URL.exec(trimmed);
  if (!m) return null;
  const [, owner, repo, n] = m as unknown as [string, string, string, string];
  const number = Number(n);
  if (!Number.isSafeInteger(number) || number < 1) return null;
  return { owner, repo, number, url: trimmed.replace(/[?#].*$/, '').replace(/\/+$/, '') };
}

function sameRepo(a: { owner: string; repo: string }, b: RepoRef): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}

/** Which tracker an issue is in: the public repository's issues are public, anything else counts as private. */
export function trackerOf(issue: { owner: string; repo: string }, settings: Settings): Tracker {
  return sameRepo(issue, settings.publicRepo) && !sameRepo(issue, settings.privateRepo) ? 'public' : 'private';
}

/** Everything the ticket says about its issues, per tracker, most authoritative first (field, note, tag). */
export function findLinkedIssues(model: TicketModel, settings: Settings): Record<Tracker, LinkedIssue | null> {
  const found: Record<Tracker, LinkedIssue | null> = { private: null, public: null };
  const offer = (issue: LinkedIssue | null): void => {
    if (!issue) return;
    const tracker = trackerOf(issue, settings);
    if (!found[tracker]) found[tracker] = issue;
  };

  // 1. The linked-issue ticket field, when configured: one URL (some setups put several, separated by blanks).
  const fieldId = settings.fields.linkedIssue;
  if (fieldId !== null) {
    const value = model.customFields[String(fieldId)];
    if (typeof value === 'string') for (const part of value.split(/[\s,]+/)) offer(parseIssueUrl(part));
  }

  // 2. Engage's own internal notes, newest first (a later filing in the other tracker adds a second note).
  const notes = model.messages.filter((m) => m.authorRole === 'agent' && !m.public).reverse();
  for (const note of notes) {
    for (const line of note.raw.split('\n')) {
      const i = line.indexOf(NOTE_LEAD);
      if (i < 0) continue;
      const url = /https?:\/\/\S+/.exec(line.slice(i));
      if (url) offer(parseIssueUrl(url[0]));
    }
  }

  // 3. Tags: the number only; the repository is the configured one for that tracker.
  for (const tag of model.tags) {
    const m = /^rfh_(public_)?issue_(\d{1,9})$/.exec(tag);
    if (!m) continue;
    const tracker: Tracker = m[1] ? 'public' : 'private';
    if (found[tracker]) continue;
    const repo = tracker === 'public' ? settings.publicRepo : settings.privateRepo;
    const number = Number(m[2]);
    if (number < 1) continue;
    found[tracker] = { owner: repo.owner, repo: repo.repo, number, url: issueWebUrl(settings, repo, number) };
  }
  return found;
}

/**
 * The issue this ticket is linked to, or null: for `tracker` when given, else the private one first (where RFHs
 * live), then the public one.
 */
export function findLinkedIssue(model: TicketModel, settings: Settings, tracker?: Tracker): LinkedIssue | null {
  const links = findLinkedIssues(model, settings);
  if (tracker) return links[tracker];
  return links.private ?? links.public;
}
