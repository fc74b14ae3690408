// The browser's record of adding a ticket to an existing issue, kept across reloads so that a reload mid-way or a
// retry after a lost answer never posts a second marker comment: `commenting` means a comment was sent (it may
// have landed: look before posting again), `commented` that it is there (its id), `done` that the ticket links it.
import { isRecord } from '../../core/guards.ts';
import type { LinkedIssue } from '../../core/types/filing.ts';
import type { TicketLocation } from '../../core/types/ticket.ts';
import type { KeyValueStorage } from '../storage.ts';

export interface LinkRecord {
  v: 1;
  phase: 'commenting' | 'commented' | 'done';
  commentId?: number;
  updatedAt: number;
}

/** After a week the issue's own comments (and the ticket's tags) say everything a record could. */
const RECORD_TTL_MS = 7 * 24 * 60 * 60_000;

export function linkRecordKey(location: TicketLocation, issue: LinkedIssue): string {
  return `engage:link:${location.subdomain}:${location.ticketId}:${issue.owner}/${issue.repo}#${issue.number}`.toLowerCase();
}

export class LinkRecords {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly now: () => number,
  ) {}

  read(location: TicketLocation, issue: LinkedIssue): LinkRecord | null {
    const key = linkRecordKey(location, issue);
    try {
      const raw = this.storage.getItem(key);
      if (raw === null) return null;
      const r: unknown = JSON.parse(raw);
      const ok =
        isRecord(r) &&
        r.v === 1 &&
        (r.phase === 'commenting' || r.phase === 'commented' || r.phase === 'done') &&
        typeof r.updatedAt === 'number' &&
        this.now() - r.updatedAt <= RECORD_TTL_MS;
      if (!ok) {
        this.storage.removeItem(key);
        return null;
      }
      return r as unknown as LinkRecord;
    } catch {
      return null; // unreadable storage: the look at the issue's comments still guards against a second comment
    }
  }

  write(location: TicketLocation, issue: LinkedIssue, record: Omit<LinkRecord, 'v' | 'updatedAt'>): void {
    try {
      this.storage.setItem(linkRecordKey(location, issue), JSON.stringify({ v: 1, ...record, updatedAt: this.now() }));
    } catch {
      // Storage full or refused: see read().
    }
  }

  remove(location: TicketLocation, issue: LinkedIssue): void {
    try {
      this.storage.removeItem(linkRecordKey(location, issue));
    } catch {
      // see read()
    }
  }
}
