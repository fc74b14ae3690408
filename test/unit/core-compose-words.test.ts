// What the issue body says to the engineers: the team and the priority in plain words, no routing internals (matched
// keywords, scores, the checklist's status words or its instructions to the agent), and each message without its
// signature, disclaimer and the earlier replies quoted below it. The ticket keeps the original text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../src/core/bundle.ts';
import { classify } from '../../src/core/classify.ts';
import { composeIssue, defaultDecisions } from '../../src/core/compose.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import { ctx, decisions, model } from './core-compose-fixture.ts';

const TICKETS = join(import.meta.dirname, '../../preview/tickets');

/** Every sample ticket that takes a GitHub issue, composed as the sidebar proposes it. */
function sampleBodies(): { file: string; body: string }[] {
  const out: { file: string; body: string }[] = [];
  for (const file of readdirSync(TICKETS).filter((f) => f.endsWith('.json'))) {
    const m = buildTicketModel(parseBundle(JSON.parse(readFileSync(join(TICKETS, file), 'utf8')), file));
    const classification = classify(m, DEFAULT_TEAMS, DEFAULT_SETTINGS);
    const team = DEFAULT_TEAMS.find((t) => t.id === classification.route.team.teamId);
    if (!team?.takesGithubIssues) continue;
    const location = { subdomain: 'engage-preview', ticketId: m.id };
    out.push({ file, body: composeIssue(m, defaultDecisions(classification), { ...ctx(), location, classification }).body });
  }
  return out;
}

describe('the issue body of every sample ticket', () => {
  const bodies = sampleBodies();

  it('covers the engineering samples', () => {
    expect(bodies.length).toBeGreaterThanOrEqual(10);
  });

  it.each(bodies)('$file: says the team and priority without routing internals', ({ body }) => {
    const head = body.split('### Conversation')[0] ?? '';
    expect(head).toMatch(/- \*\*Team:\*\* [^\n]+ \(`team\/[a-z-]+`\)\n/);
    expect(head).toMatch(/- \*\*Priority:\*\* `ce\/p\d`\n {2}- (?:Outage|Severe|Partial|Feature)[^\n"]*\.\n/);
    for (const jargon of [
      /in the (?:subject|customer's words)/,
      /No routing keywords/,
      /From the ticket \((?:found|partial|missing)\)/,
      /\bask (?:the customer|for|about)\b/i,
      /the ticket mentions/,
      /ticket tag|organisation tag/,
      /\(base ce\/p\d\)|Raised to ce\//,
      /Zendesk priority "/,
    ]) {
      expect(head).not.toMatch(jargon);
    }
  });
});

describe('the conversation in the issue body', () => {
  const raw = [
    'Restarting the frontend did not help, users still loop between Okta and /.auth/saml/acs.',
    '',
    'Best regards,',
    'Jian Yang',
    'Senior Engineer | Hooli',
    '',
    'CONFIDENTIALITY NOTICE: This e-mail is intended solely for the addressee and may contain privileged information.',
    '',
    'On Thu, Nov 26, 2026 at 8:35 AM Sam Support <support@sourcegraph.com> wrote:',
    '> Could you restart the sourcegraph-frontend deployment?',
  ].join('\n');
  const m = model({ messages: [{ from: 'customer', body: raw }] });

  it('leaves out the reply chain, disclaimer and signature, and says so; the ticket keeps them', () => {
    const body = composeIssue(m, decisions(), ctx()).body;
    expect(body).toContain('> Restarting the frontend did not help, users still loop between Okta and /.auth/saml/acs.\n\n_Left out here: earlier messages quoted below it, disclaimer, signature (on the ticket)._');
    for (const gone of ['Best regards', 'Senior Engineer', 'CONFIDENTIALITY', 'wrote:', 'restart the sourcegraph-frontend']) expect(body).not.toContain(gone);
    expect(m.messages[0]?.raw).toBe(raw);
  });

  it('keeps a message with nothing to leave out as written, without the note', () => {
    const plain = model({ messages: [{ from: 'customer', body: 'Search is slow.\n> not a quote: a shell prompt' }] });
    const body = composeIssue(plain, decisions(), ctx()).body;
    expect(body).toContain('> Search is slow.\n> &gt; not a quote: a shell prompt');
    expect(body).not.toContain('Left out here');
  });
});
