// Helpers for the "similar issues" tests: a ticket model from a fixture bundle with the messages replaced, and
// candidate issues in GitHub's shape.
import { readFileSync } from 'node:fs';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import type { TicketModel } from '../../src/core/types/ticket.ts';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import type { CandidateIssue } from '../../src/core/similar/issues.ts';

export const FIXTURE_DIR = 'test/fixtures/similar';
const base = JSON.parse(readFileSync('test/fixtures/similar/tickets/5001-blue-sun.json', 'utf8')) as TicketBundle;

/** A ticket whose first message is the customer's; `later` adds public agent replies or internal notes. */
export function ticketWith(subject: string, customer: string, later: { body: string; internal?: boolean }[] = []): TicketModel {
  const [first] = base.comments;
  const agentId = base.users.find((u) => u.role !== 'end-user')!.id;
  const comments = [
    { ...first!, body: customer, plain_body: customer, html_body: customer },
    ...later.map((m, i) => ({ ...first!, id: first!.id + i + 1, author_id: agentId, body: m.body, plain_body: m.body, html_body: m.body, public: !m.internal })),
  ];
  return buildTicketModel({ ...base, ticket: { ...base.ticket, subject, raw_subject: subject, description: customer }, comments } as TicketBundle);
}

export function issue(partial: Partial<CandidateIssue> & { number: number; title: string }): CandidateIssue {
  return { body: '', state: 'open', labels: [], updatedAt: '2026-11-20T00:00:00Z', closedAt: null, comments: 0, url: '', repo: 'sourcegraph/customer', ...partial };
}
