// The preview's test controls (`/__faults`, `/__reset`, `/__settings`, `/__log`, `/__state`) as typed calls: faults,
// reset, settings, request log, ticket state and the GitHub stand-in's issues. Used by the drills and the
// benchmark; every call fails loudly on a non-2xx answer.
import type { TicketBundle } from '../../src/core/types/zendesk.ts';

import type { FaultRule } from '../../preview/github/standin.ts';
export type { FaultRule };

export interface LogEntry {
  method: string;
  path: string;
  status: number;
}

export interface RequestLog {
  zendesk: LogEntry[];
  github: LogEntry[];
}

/** A GitHub issue as the stand-in serves it (only what the drills read). */
export interface GitHubIssueJson {
  number: number;
  title: string;
  body: string | null;
  html_url: string;
  state: string;
  labels: ({ name: string } | string)[];
  comments: number;
  comments_url?: string;
}

export interface GitHubCommentJson {
  id: number;
  body: string;
}

/** The stand-in's in-process reading API (preview/github/standin.ts), when the preview runs in this process. */
export interface StandInReader {
  listIssues(owner?: string, repo?: string): unknown[];
  storedIssues?(owner?: string, repo?: string): unknown[];
}

export class Control {
  /**
   * @param standIn read issues in-process instead of over HTTP: such reads are never subject to injected faults and
   *   never appear in the request log the drills count.
   * @param token the secure token `putSettings` keeps when the caller does not name one.
   */
  constructor(
    readonly baseUrl: string,
    private readonly standIn?: StandInReader,
    private readonly token?: string,
  ) {}

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → HTTP ${res.status}: ${text.slice(0, 300)}`);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }

  addGitHubFault(rule: FaultRule): Promise<unknown> {
    return this.call('POST', '/__faults/github', rule);
  }

  addZendeskFault(rule: FaultRule): Promise<unknown> {
    return this.call('POST', '/__faults/zendesk', rule);
  }

  clearFaults(): Promise<unknown> {
    return this.call('DELETE', '/__faults');
  }

  /** Bundles, stand-in state and settings back to how the preview started. */
  reset(): Promise<unknown> {
    return this.call('POST', '/__reset');
  }

  /** Settings for the next iframe load: non-secure values, and the secure token (null = none, absent = default). */
  putSettings(settings: Record<string, unknown>, secure?: { github_token?: string | null }): Promise<unknown> {
    const keep = secure ?? (this.token === undefined ? undefined : { github_token: this.token });
    return this.call('PUT', '/__settings', keep === undefined ? { settings } : { settings, secure: keep });
  }

  async log(): Promise<RequestLog> {
    return (await this.call('GET', '/__log')) as RequestLog;
  }

  async ticketState(id: number): Promise<TicketBundle> {
    return (await this.call('GET', `/__state/tickets/${id}`)) as TicketBundle;
  }

  /** Every issue in a stand-in repository (all states, all pages). */
  async issues(owner = 'sourcegraph', repo = 'customer'): Promise<GitHubIssueJson[]> {
    if (this.standIn) return this.standIn.listIssues(owner, repo) as GitHubIssueJson[];
    const all: GitHubIssueJson[] = [];
    for (let page = 1; page < 100; page++) {
      const batch = (await this.call(
        'GET',
        `/github/api/repos/${owner}/${repo}/issues?state=all&per_page=100&page=${page}`,
      )) as GitHubIssueJson[];
      all.push(...batch);
      if (batch.length < 100) break;
    }
    return all;
  }

  async issue(number: number, owner = 'sourcegraph', repo = 'customer'): Promise<GitHubIssueJson> {
    if (this.standIn) {
      const found = (await this.issues(owner, repo)).find((i) => i.number === number);
      if (!found) throw new Error(`no issue ${owner}/${repo}#${number} in the stand-in`);
      return found;
    }
    return (await this.call('GET', `/github/api/repos/${owner}/${repo}/issues/${number}`)) as GitHubIssueJson;
  }

  async issueComments(number: number, owner = 'sourcegraph', repo = 'customer'): Promise<GitHubCommentJson[]> {
    if (this.standIn?.storedIssues) {
      const stored = (this.standIn.storedIssues(owner, repo) as (GitHubIssueJson & { comment_list: GitHubCommentJson[] })[]).find(
        (i) => i.number === number,
      );
      if (!stored) throw new Error(`no issue ${owner}/${repo}#${number} in the stand-in`);
      return stored.comment_list;
    }
    return (await this.call('GET', `/github/api/repos/${owner}/${repo}/issues/${number}/comments?per_page=100`)) as GitHubCommentJson[];
  }

  /** Issues whose body carries the ticket's visible marker (the app writes one per ticket). */
  async issuesForTicket(ticketId: number, owner = 'sourcegraph', repo = 'customer'): Promise<GitHubIssueJson[]> {
    const needle = new RegExp(`tickets/${ticketId}(?!\\d)`);
    return (await this.issues(owner, repo)).filter((i) => needle.test(i.body ?? ''));
  }
}

/** Entries logged after a snapshot (the log only grows, so the tail after the snapshot's lengths is what is new). */
export function logSince(before: RequestLog, after: RequestLog): RequestLog {
  // A reset in between empties the log: then everything in it is new.
  const tail = <T>(b: T[], a: T[]) => (a.length >= b.length ? a.slice(b.length) : a);
  return { zendesk: tail(before.zendesk, after.zendesk), github: tail(before.github, after.github) };
}
