// Properties of the engine on generated input (fast-check, fixed seed so a run is reproducible):
// it never throws, it is deterministic, its evidence offsets are right, and what e-mail adds around a message
// (quoted replies, signatures, disclaimers) never changes the outcome, whatever keywords those carry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleError, parseBundle } from '../../src/core/bundle.ts';
import { classify } from '../../src/core/classify.ts';
import { route } from '../../src/core/router.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import type { TicketModel } from '../../src/core/types/ticket.ts';
import { bundleOf, modelOf } from './core-route-fixtures.ts';

const RUNS = { numRuns: 200, seed: 20211130 };

// Words that matter to the engine, so generated texts actually exercise the rules.
const KEYWORDS = [
  'GitHub', 'GitLab', 'cloning', 'token', 'browser extension', 'hover', 'Kubernetes', 'k8s', 'Docker', 'helm', 'deploy',
  'search', 'zoekt', 'saved search', 'slow', 'performance', 'Go', 'go to definition', 'Java', 'JavaScript', 'LSIF', 'campaign',
  'changesets', 'src-cli', 'license', 'renewal', 'expired', 'MAU', 'usage statistics', 'SAML', 'SSO', 'alert', 'Grafana',
  'frontend: 99th_percentile_search_request_duration', 'critical_repo-updater_src_repoupdater_max_sync_backoff', 'down for everyone',
  'production', 'urgent', 'feature request', 'trial', 'POC', 'all users', '3.29.1', 'docker-compose', '1.', '2.', 'On', 'wrote:', '>',
  '--', 'Thanks,', 'Hi team,', '\n', '\n\n', 't=2021-07-01T10:00:00Z lvl=eror', '```', 'C++', 'C#', 'repo-updater', 'e.g.',
];

const word = fc.oneof(fc.constantFrom(...KEYWORDS), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const text = fc.array(word, { maxLength: 40 }).chain((words) =>
  fc.array(fc.constantFrom(' ', ' ', ' ', '\n', ', ', '. ', '-', ''), { minLength: words.length, maxLength: words.length }).map((seps) =>
    words.map((w, i) => w + (seps[i] ?? ' ')).join(''),
  ),
);

function checkOffsets(model: TicketModel, evidence: { field: string; messageIndex?: number; start: number; end: number; matched: string }[]): void {
  for (const e of evidence) {
    let source: string;
    if (e.field === 'subject') source = model.subject;
    else if (e.field === 'attachment') continue;
    else source = model.messages[e.messageIndex ?? -1]?.text ?? '';
    expect(source.slice(e.start, e.end)).toBe(e.matched);
  }
}

describe('engine properties', () => {
  it('never throws on arbitrary text, is deterministic, and its evidence offsets point at the matched words', () => {
    fc.assert(
      fc.property(text, text, text, (subject, customer, agent) => {
        const model = modelOf({ subject, customer: [customer], agent: [agent], internal: [customer] });
        const a = classify(model, DEFAULT_TEAMS, DEFAULT_SETTINGS);
        const b = classify(modelOf({ subject, customer: [customer], agent: [agent], internal: [customer] }), DEFAULT_TEAMS, DEFAULT_SETTINGS);
        expect(b).toEqual(a);
        expect(DEFAULT_TEAMS.some((t) => t.id === a.route.team.teamId)).toBe(true);
        expect(a.route.alternatives.length).toBeLessThanOrEqual(3);
        for (const t of [a.route.team, ...a.route.alternatives]) checkOffsets(model, t.evidence);
        for (const r of a.priority.reasons) checkOffsets(model, r.evidence ?? []);
        for (const h of Object.values(a.checklist)) checkOffsets(model, h.evidence);
      }),
      RUNS,
    );
  });

  const quotedReply = fc
    .array(fc.constantFrom(...KEYWORDS.filter((k) => !k.includes('\n'))), { minLength: 1, maxLength: 12 })
    .map((ws) => `\n\nOn Mon, Jul 12, 2021 at 10:02 AM Sam Agent <sam@sourcegraph.com> wrote:\n> ${ws.join(' ')}\n>\n> ${ws.reverse().join(' ')}\n`);
  const signature = fc
    .tuple(fc.constantFrom('Best regards,', 'Kind regards,', 'Thanks,', 'Cheers,'), fc.array(fc.constantFrom('Kubernetes', 'GitLab', 'Search', 'License', 'Platform', 'SRE', 'DevOps'), { minLength: 1, maxLength: 3 }))
    .map(([closing, ws]) => `\n\n${closing}\nJane Doe\n${ws.join(' ')} Lead | Acme Corp\n+1 (555) 123-4567\n`);
  const dashSignature = fc
    .array(fc.constantFrom('Kubernetes admin', 'GitHub Enterprise owner', 'batch changes', 'production outage', 'MAU'), { minLength: 1, maxLength: 3 })
    .map((ws) => `\n\n-- \nJane Doe\n${ws.join(' | ')}\n`);
  const disclaimer = fc
    .constantFrom('Kubernetes', 'license renewal', 'production outage', 'GitLab token')
    .map((w) => `\n\nThis e-mail and any attachments are confidential and intended solely for the addressee (${w}).\n`);
  const mailNoise = fc.oneof(quotedReply, signature, dashSignature, disclaimer);

  it('ignores quoted replies, signatures and disclaimers appended to a message, whatever keywords they hold', () => {
    fc.assert(
      fc.property(text, text, fc.array(mailNoise, { minLength: 1, maxLength: 3 }), (subject, body, noise) => {
        const plain = classify(modelOf({ subject, customer: [body] }), DEFAULT_TEAMS, DEFAULT_SETTINGS);
        const mailed = classify(modelOf({ subject, customer: [body + noise.join('')] }), DEFAULT_TEAMS, DEFAULT_SETTINGS);
        expect(mailed).toEqual(plain);
      }),
      RUNS,
    );
  });

  it('parseBundle throws only BundleError, whatever JSON it is given', () => {
    const ticketish = fc.record(
      {
        ticket: fc.record({ id: fc.oneof(fc.nat(), fc.string(), fc.constant(null)), subject: fc.oneof(fc.string(), fc.nat()), requester_id: fc.oneof(fc.nat(), fc.string()), tags: fc.oneof(fc.array(fc.string()), fc.anything()) }, { requiredKeys: [] }),
        comments: fc.oneof(fc.array(fc.record({ id: fc.nat(), author_id: fc.oneof(fc.nat(), fc.string()), body: fc.oneof(fc.string(), fc.nat()), public: fc.oneof(fc.boolean(), fc.string()), attachments: fc.anything() }, { requiredKeys: [] })), fc.anything()),
        users: fc.anything(),
        organization: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), ticketish), (json) => {
        try {
          const b = parseBundle(json, 'gen.json');
          // Whatever passes the checks can be modelled and classified.
          classify(buildTicketModel(b), DEFAULT_TEAMS, DEFAULT_SETTINGS);
        } catch (e) {
          expect(e).toBeInstanceOf(BundleError);
          expect((e as BundleError).message.startsWith('gen.json')).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('routing is insensitive to the order of unrelated tickets (no state leaks between calls)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ma = modelOf({ subject: a, customer: [a] });
        const first = route(ma, DEFAULT_TEAMS);
        route(modelOf({ subject: b, customer: [b] }), DEFAULT_TEAMS);
        expect(route(ma, DEFAULT_TEAMS)).toEqual(first);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('a bundle from the fixtures helper round-trips through parseBundle unchanged in what the model reads', () => {
    fc.assert(
      fc.property(text, text, (subject, body) => {
        const bundle = bundleOf({ subject, customer: [body] });
        const reparsed = parseBundle(JSON.parse(JSON.stringify(bundle)));
        expect(buildTicketModel(reparsed)).toEqual(buildTicketModel(bundle));
      }),
      { ...RUNS, numRuns: 50 },
    );
  });
});
