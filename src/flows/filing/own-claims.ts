// This browser's claim on a ticket (see claim.ts), kept across reloads beside the filing record: a retry after a
// create whose answer was lost still holds the ticket, and knows its own tag when it reads the ticket again.
import type { RepoRef } from '../../core/settings.ts';
import type { TicketLocation } from '../../core/types/ticket.ts';
import type { KeyValueStorage } from '../storage.ts';
import { repoKey } from './record.ts';

export interface OwnClaim {
  tag: string;
  /** When this browser wrote it (its own clock). */
  atMs: number;
}

const key = (location: TicketLocation, repo: RepoRef) => `engage:claim:${location.subdomain}:${location.ticketId}:${repoKey(repo)}`;

export class OwnClaims {
  constructor(private readonly storage: KeyValueStorage) {}

  read(location: TicketLocation, repo: RepoRef): OwnClaim | null {
    try {
      const v = JSON.parse(this.storage.getItem(key(location, repo)) ?? 'null') as Partial<OwnClaim> | null;
      return v && typeof v.tag === 'string' && typeof v.atMs === 'number' ? { tag: v.tag, atMs: v.atMs } : null;
    } catch {
      return null;
    }
  }

  write(location: TicketLocation, repo: RepoRef, claim: OwnClaim): void {
    try {
      this.storage.setItem(key(location, repo), JSON.stringify(claim));
    } catch {
      // Lost on reload: the claim then expires and the tracker lookup still guards against a duplicate.
    }
  }

  remove(location: TicketLocation, repo: RepoRef): void {
    try {
      this.storage.removeItem(key(location, repo));
    } catch {
      // See write().
    }
  }
}
