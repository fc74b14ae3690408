// The preview's tickets: bundles loaded from folders, the live copy the Zendesk API stand-in changes, and a record
// of every write so the ticket page can show what the app wrote. Parsing and validation are the core's
// (`parseBundleFile`): the preview, the CLI and the app read bundles the same way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseBundleFile } from '../src/cli/read-bundles.ts';
import type { TicketBundle, ZendeskCustomFieldValue } from '../src/core/types/zendesk.ts';

export interface BundleProblem {
  /** File the problem is in (relative to the working directory when possible). */
  source: string;
  /** Field path inside the bundle, e.g. `comments[2].author_id` ('' = the file or the whole bundle). */
  field: string;
  message: string;
}

export interface LoadedTicket {
  bundle: TicketBundle;
  source: string;
}

export interface LoadResult {
  tickets: LoadedTicket[];
  problems: BundleProblem[];
}

/** One write the app made through the Zendesk API, as the ticket page lists it. */
export interface WriteRecord {
  at: string;
  method: string;
  path: string;
  comment?: { id: number; public: boolean; body: string };
  tagsAdded: string[];
  tagsRemoved: string[];
  customFields: ZendeskCustomFieldValue[];
  status?: { from: string; to: string };
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** Every `*.json` bundle file in each folder, in name order; later folders win on a duplicate ticket id. */
export function loadBundleDirs(dirs: string[]): LoadResult {
  const byId = new Map<number, LoadedTicket>();
  const problems: BundleProblem[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      if (!statSync(dir).isDirectory()) throw new Error('not a folder');
      names = readdirSync(dir)
        .filter((n) => n.endsWith('.json'))
        .sort();
    } catch (e) {
      problems.push({ source: displayPath(dir), field: '', message: `cannot read tickets folder: ${(e as Error).message}` });
      continue;
    }
    for (const name of names) {
      const file = join(dir, name);
      const source = displayPath(file);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        problems.push({ source, field: '', message: `cannot read: ${(e as Error).message}` });
        continue;
      }
      const { bundles, errors } = parseBundleFile(text, source);
      for (const err of errors) {
        // The core's message starts with the file name; the listing shows the file on its own.
        const message = err.message.startsWith(source) ? err.message.slice(source.length).replace(/^[:,]\s*/, '') : err.message;
        problems.push({ source, field: err.field, message });
      }
      for (const bundle of bundles) {
        const previous = byId.get(bundle.ticket.id);
        if (previous) {
          problems.push({
            source,
            field: 'ticket.id',
            message: `ticket ${bundle.ticket.id} also in ${previous.source}; the one in ${source} is used`,
          });
        }
        byId.set(bundle.ticket.id, { bundle, source });
      }
    }
  }
  const tickets = [...byId.values()].sort((a, b) => a.bundle.ticket.id - b.bundle.ticket.id);
  return { tickets, problems };
}

export class TicketStore {
  private current = new Map<number, TicketBundle>();
  private writes = new Map<number, WriteRecord[]>();
  private nextId = 0;
  private rev = 0;

  constructor(private readonly loaded: LoadResult) {
    this.reset();
  }

  /** Increases on every change (write or reset), so pages can poll a number instead of the whole ticket. */
  get revision(): number {
    return this.rev;
  }

  get problems(): BundleProblem[] {
    return this.loaded.problems;
  }

  /** Restore every ticket to its file contents and forget the writes. */
  reset(): void {
    this.rev += 1;
    this.current.clear();
    this.writes.clear();
    let maxId = 0;
    for (const t of this.loaded.tickets) {
      this.current.set(t.bundle.ticket.id, structuredClone(t.bundle));
      for (const c of t.bundle.comments) maxId = Math.max(maxId, c.id);
    }
    // New comment ids continue after the largest in the fixtures, as Zendesk's are increasing.
    this.nextId = Math.max(maxId + 1, 40_000_000_000);
  }

  list(): TicketBundle[] {
    return [...this.current.values()].sort((a, b) => a.ticket.id - b.ticket.id);
  }

  source(id: number): string | undefined {
    return this.loaded.tickets.find((t) => t.bundle.ticket.id === id)?.source;
  }

  get(id: number): TicketBundle | undefined {
    return this.current.get(id);
  }

  writesFor(id: number): WriteRecord[] {
    return this.writes.get(id) ?? [];
  }

  newId(): number {
    return this.nextId++;
  }

  /** Replace a ticket's live bundle and record the write (only when something changed). */
  commit(id: number, bundle: TicketBundle, record: WriteRecord | null): void {
    this.current.set(id, bundle);
    this.rev += 1;
    if (record) this.writes.set(id, [...this.writesFor(id), record]);
  }
}
