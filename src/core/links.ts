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

/**
 * An issue URL that links without creating a cross-reference: on github.com through GitHub's redirect host, which
 * GitHub does not turn into a timeline event (a public issue's event would show a private repository's name).
 * Enterprise keeps its URL.
 */
export function noBacklinkUrl(settings: Settings, url: string): string {
  return githubWebBase(settings) === 'https://github.com' ? url.replace(/^https:\/\/github\.com\//, 'https://redirect.github.com/') : url;
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

/** A link recorded on the ticket, with the tracker its repository is. */
export interface TicketLink extends LinkedIssue {
  tracker: Tracker;
}

/** The note's first line when a ticket joined an issue filed for another ticket (add to an existing issue). */
export const ADDED_NOTE_LEAD = 'Engage added this ticket to a GitHub issue';
/** The note's first line when an agent unlinked an issue: it cancels the links to that URL recorded before it. */
export const UNLINKED_NOTE_LEAD = 'Engage unlinked this ticket from a GitHub issue';

function linkKey(issue: { owner: string; repo: string; number: number }): string {
  return `${issue.owner}/${issue.repo}#${issue.number}`.toLowerCase();
}

/** The URL after `lead` on one of Engage's note lines, or null. */
function noteUrl(line: string, lead: string): LinkedIssue | null {
  const i = line.indexOf(lead);
  if (i < 0) return null;
  const url = /https?:\/\/\S+/.exec(line.slice(i));
  return url ? parseIssueUrl(url[0]) : null;
}

/**
 * Every issue the ticket links, most authoritative first (the linked-issue field, Engage's notes newest first, then
 * tags), each once. A ticket links several issues once it was added to an existing one, filed in both trackers, or
 * filed again (a defect after a request for help); an unlink note cancels the links to its issue recorded before it
 * (the same issue linked again later counts again).
 */
export function findLinks(model: TicketModel, settings: Settings): TicketLink[] {
  // Engage's notes, oldest first: each link or unlink line moves its issue's state.
  const state = new Map<string, { issue: LinkedIssue; linked: boolean; at: number }>();
  const notes = model.messages.filter((m) => m.authorRole === 'agent' && !m.public);
  notes.forEach((note, at) => {
    for (const line of note.raw.split('\n')) {
      const linked = noteUrl(line, NOTE_LEAD) ?? noteUrl(line, ADDED_NOTE_LEAD);
      const unlinked = linked ? null : noteUrl(line, UNLINKED_NOTE_LEAD);
      const issue = linked ?? unlinked;
      if (issue) state.set(linkKey(issue), { issue, linked: linked !== null, at });
    }
  });
  const unlinked = (issue: LinkedIssue) => state.get(linkKey(issue))?.linked === false;

  const found: TicketLink[] = [];
  const seen = new Set<string>();
  const offer = (issue: LinkedIssue | null): void => {
    if (!issue || unlinked(issue) || seen.has(linkKey(issue))) return;
    seen.add(linkKey(issue));
    found.push({ ...issue, tracker: trackerOf(issue, settings) });
  };

  // 1. The linked-issue ticket field, when configured: one URL, or several separated by blanks.
  const fieldId = settings.fields.linkedIssue;
  if (fieldId !== null) {
    const value = model.customFields[String(fieldId)];
    if (typeof value === 'string') for (const part of value.split(/[\s,]+/)) offer(parseIssueUrl(part));
  }
  // 2. Engage's own notes, newest first.
  for (const entry of [...state.values()].sort((a, b) => b.at - a.at)) if (entry.linked) offer(entry.issue);
  // 3. Tags: the number only; the repository is the configured one for that tracker.
  for (const tag of model.tags) {
    const m = /^rfh_(public_)?issue_(\d{1,9})$/.exec(tag);
    if (!m) continue;
    const repo = m[1] ? settings.publicRepo : settings.privateRepo;
    const number = Number(m[2]);
    if (number >= 1) offer({ owner: repo.owner, repo: repo.repo, number, url: issueWebUrl(settings, repo, number) });
  }
  return found;
}

/** Everything the ticket says about its issues, per tracker: the most authoritative link of each (findLinks). */
export function findLinkedIssues(model: TicketModel, settings: Settings): Record<Tracker, LinkedIssue | null> {
  const found: Record<Tracker, LinkedIssue | null> = { private: null, public: null };
  for (const { tracker, ...issue } of findLinks(model, settings)) if (!found[tracker]) found[tracker] = issue;
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
