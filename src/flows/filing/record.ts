// The browser's record of a filing for one ticket and tracker, kept across reloads: a create sent (it may have
// landed), the issue created (write-back pending), or both done. A reload mid-filing reads it to wait for the
// earlier create instead of filing twice; a revisit whose write-back was lost reads it to open on the issue.
import { isRecord } from '../../core/guards.ts';
import type { RepoRef } from '../../core/settings.ts';
import type { LinkedIssue } from '../../core/types/filing.ts';
import type { TicketLocation } from '../../core/types/ticket.ts';
import type { KeyValueStorage } from '../storage.ts';

export interface FilingRecord {
  v: 1;
  owner: string;
  repo: string;
  /** creating: a create was sent (it may have landed); created: the issue exists, write-back pending; done: both. */
  phase: 'creating' | 'created' | 'done';
  /** For `creating`: until when the create may still land. */
  settleAt?: number;
  issue?: LinkedIssue;
  updatedAt: number;
}

/**
 * A done record spares a second tab with a stale ticket a duplicate write-back, and opens a revisit on the issue
 * when the ticket lost its link; after a month the ticket's own tags (or a lookup) are the link.
 */
const DONE_RECORD_TTL_MS = 30 * 24 * 60 * 60_000;
/** A creating/created record older than this is from an abandoned session; the lookup covers it anyway. */
const STALE_RECORD_TTL_MS = 7 * 24 * 60 * 60_000;

export function repoKey(repo: RepoRef): string {
  return `${repo.owner}/${repo.repo}`.toLowerCase();
}

export function lockName(location: TicketLocation): string {
  return `engage:file:${location.subdomain}:${location.ticketId}`;
}

export function recordKey(location: TicketLocation, repo: RepoRef): string {
  return `engage:filing:${location.subdomain}:${location.ticketId}:${repoKey(repo)}`;
}

function isLinkedIssue(v: unknown): v is LinkedIssue {
  return (
    isRecord(v) && typeof v.owner === 'string' && typeof v.repo === 'string' && typeof v.number === 'number' && typeof v.url === 'string'
  );
}

/** Reads and writes the records; a record that cannot be read or written is as good as none (the lookup covers). */
export class RecordStore {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly now: () => number,
  ) {}

  read(location: TicketLocation, repo: RepoRef): FilingRecord | null {
    let raw: string | null;
    try {
      raw = this.storage.getItem(recordKey(location, repo));
    } catch {
      return null;
    }
    if (raw === null) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      this.remove(location, repo);
      return null;
    }
    const r = parsed as Partial<FilingRecord>;
    const valid =
      r.v === 1 &&
      (r.phase === 'creating' || r.phase === 'created' || r.phase === 'done') &&
      typeof r.updatedAt === 'number' &&
      (r.phase === 'creating' || isLinkedIssue(r.issue));
    const age = this.now() - (r.updatedAt ?? 0);
    if (!valid || age > (r.phase === 'done' ? DONE_RECORD_TTL_MS : STALE_RECORD_TTL_MS)) {
      this.remove(location, repo);
      return null;
    }
    return r as FilingRecord;
  }

  write(location: TicketLocation, repo: RepoRef, record: Omit<FilingRecord, 'v' | 'owner' | 'repo' | 'updatedAt'>): void {
    const full: FilingRecord = { v: 1, owner: repo.owner, repo: repo.repo, updatedAt: this.now(), ...record };
    try {
      this.storage.setItem(recordKey(location, repo), JSON.stringify(full));
    } catch {
      // Storage full or refused: the lookup before create still protects against duplicates.
    }
  }

  remove(location: TicketLocation, repo: RepoRef): void {
    try {
      this.storage.removeItem(recordKey(location, repo));
    } catch {
      // Nothing to do: see write().
    }
  }
}

/**
 * The issue this browser filed for the ticket in one of `repos`, when the record says it exists: the panel then
 * opens on it even though the write-back (the ticket's own link) was lost.
 */
export function readFiledIssue(store: RecordStore, location: TicketLocation, repos: readonly RepoRef[]): LinkedIssue | null {
  for (const repo of repos) {
    const record = store.read(location, repo);
    if (record && record.phase !== 'creating' && record.issue && /^https?:\/\//.test(record.issue.url)) return record.issue;
  }
  return null;
}
