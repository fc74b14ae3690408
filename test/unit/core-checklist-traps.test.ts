// Each kind of poor match that used to tick a checklist item, next to the genuine statement it looks like: an item
// is `found` (pre-ticked) only on the customer's own prose, or, for urgency and Step 2, on our internal note.
import { english } from '../../src/core/english.ts';
import { describe, expect, it } from 'vitest';
import { checklistHints } from '../../src/core/checklist.ts';
import { proseOf } from '../../src/core/checklist/prose.ts';
import { wordEnd } from '../../src/core/checklist/snippet.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import type { ChecklistHints } from '../../src/core/types/classification.ts';
import type { TicketModel } from '../../src/core/types/ticket.ts';
import { modelOf, type TicketSpec } from './core-route-fixtures.ts';

function hintsOf(spec: TicketSpec): { hints: ChecklistHints; model: TicketModel } {
  const model = modelOf({ subject: 'x', ...spec });
  const hints = checklistHints(model, DEFAULT_SETTINGS);
  // Evidence always quotes exactly the words at its offsets in the cleaned text.
  for (const h of [...Object.values(hints)]) {
    for (const e of h?.evidence ?? []) {
      const text = e.field === 'subject' ? model.subject : (model.messages[e.messageIndex ?? -1]?.text ?? '');
      expect(text.slice(e.start, e.end)).toBe(e.matched);
    }
  }
  return { hints, model };
}

const status = (spec: TicketSpec, key: keyof ChecklistHints): string | undefined => hintsOf(spec).hints[key]?.status;

describe('customer facts come from the customer, not from our notes or replies', () => {
  it('an internal note with "Impact: nobody", a version and a change ticks nothing', () => {
    const spec = { customer: ['Search returns nothing for the monorepo.'], internal: ['Impact: nobody else reported it. They run 4.3 on docker-compose, upgraded in May.'] };
    expect(status(spec, 'impact')).toBe('missing');
    expect(status(spec, 'environment')).toBe('missing');
    expect(status(spec, 'recent_changes')).toBe('missing');
  });
  it('our public reply asking "did you upgrade? is it blocking everyone?" ticks nothing', () => {
    const spec = { customer: ['Python navigation stopped working.'], agent: ['Did you upgrade recently? We released 5.2.3 on Kubernetes last week. Is this blocking everyone?'] };
    for (const k of ['environment', 'recent_changes', 'impact', 'urgency'] as const) expect(status(spec, k)).not.toBe('found');
  });
  it('"all of our 150 lawyers" is impact; "all 400 changesets" is not', () => {
    expect(status({ customer: ['The login page shows 404 for all of our 150 lawyers.'] }, 'impact')).toBe('found');
    expect(status({ customer: ['All 400 changesets are stuck.'] }, 'impact')).not.toBe('found');
  });
  it('"nobody knows" is not impact; "nobody receives the e-mails" is', () => {
    expect(status({ customer: ['I asked around and nobody knows.'] }, 'impact')).toBe('missing');
    expect(status({ customer: ['Nobody receives notification e-mails.'] }, 'impact')).toBe('found');
  });
  it('the look-alike: the customer says it', () => {
    const spec = { customer: ['Nobody in the company can search – all 400 engineers get a 502. We run 5.0.1 on Kubernetes and upgraded yesterday. This is urgent.'] };
    for (const k of ['environment', 'recent_changes', 'impact', 'urgency'] as const) expect(status(spec, k)).toBe('found');
  });
});

describe('pasted material never ticks', () => {
  it('JSON on its own line and inline: "update-log4j" is a name, not a change', () => {
    const spec = { customer: ['The API answered {"error":"publish failed","spec":"update-log4j"} and the CLI printed:\n\n{"level":"error","changeset":"update-log4j"}'] };
    expect(status(spec, 'recent_changes')).toBe('missing');
    expect(status({ customer: ['The batch change "update-log4j" fails.'] }, 'recent_changes')).toBe('missing');
    expect(status({ customer: ['We updated log4j last week.'] }, 'recent_changes')).toBe('found');
  });
  it('a fenced spec with TODO(security), steps: and critical', () => {
    const spec = { customer: ['The spec fails validation:\n\n```yaml\n# TODO(security): update all tokens, critical\nsteps:\n  - run: ./rotate.sh\n```\n\nWhat is wrong?'] };
    expect(status(spec, 'recent_changes')).toBe('missing');
    expect(status(spec, 'urgency')).toBe('missing');
    expect(status(spec, 'repro')).not.toBe('found');
  });
  it('YAML config (unfenced) and quoted JSON config', () => {
    expect(status({ customer: ['Our values.yaml:\n\nfrontend:\n  image: sourcegraph/frontend:5.1.2\n  # migrated from standard\nhelm: true\n\nPods restart.'] }, 'recent_changes')).toBe('missing');
    expect(status({ customer: ['Our config:\n{\n  "url": "https://gitlab.example",\n  "projectQuery": ["?updated_after=2023"]\n}\nSync fails.'] }, 'recent_changes')).toBe('missing');
  });
  it('indented code and command output', () => {
    const spec = { customer: ['This fails every time:\n\n    $ src batch apply -f spec.yaml\n    error: upgrading repository permissions: 401\n\nPlease help.'] };
    expect(status(spec, 'recent_changes')).toBe('missing');
    expect(english(hintsOf(spec).hints.repro.summary)).toMatch(/output pasted/);
  });
  it('log lines and stack traces', () => {
    const spec = { customer: ['It crashes:\n\njava.lang.NullPointerException\n    at com.example.Main.run(Main.java:42)\n2023-03-01 10:00:01 ERROR upgraded schema to 3.1.0 failed, every time, all users'] };
    expect(status(spec, 'recent_changes')).toBe('missing');
    expect(status(spec, 'impact')).toBe('missing');
    expect(status(spec, 'environment')).toBe('missing');
    expect(status(spec, 'repro')).toBe('partial');
  });
  it('an alert firing is not a change; the look-alike upgrade is', () => {
    expect(status({ customer: ['We got this:\n\n[FIRING:1] gitserver: disk_space_remaining (critical)\nStatus changed to firing at 02:14\n\nDisk is at 94%.'] }, 'recent_changes')).toBe('missing');
    expect(status({ customer: ['[FIRING:1] frontend: error rate (critical)'] }, 'urgency')).toBe('missing');
    expect(status({ customer: ['After we upgraded to 5.0.0 on Friday the latency alert has been firing.'] }, 'recent_changes')).toBe('found');
  });
  it('a pasted search query ("select:commit.diff.added \"TODO(security)\"") is not a change', () => {
    expect(status({ customer: ['Our monitor on the query\n  context:@acme/payments type:diff select:commit.diff.added "TODO(security)"\nstopped e-mailing.'] }, 'recent_changes')).toBe('missing');
    expect(status({ customer: ['We added a TODO(security) check to the monitor yesterday.'] }, 'recent_changes')).toBe('found');
  });
  it('an e-mail signature and a quoted reply chain', () => {
    expect(status({ customer: ['Perforce depots are missing.\n\nBest regards,\nTom\nPlatform | Kubernetes & Helm\nAcme – Critical infrastructure'] }, 'urgency')).toBe('missing');
    const chain = { customer: ['See the screenshot.\n\nOn Tue, 14 Mar 2023 at 09:12, Sam <sam@sourcegraph.com> wrote:\n> Which version? Kubernetes 1.27? Did you upgrade? Is this urgent for everyone?'] };
    for (const k of ['environment', 'recent_changes', 'impact', 'urgency'] as const) expect(status(chain, k)).toBe('missing');
    expect(status({ customer: ['Perforce depots are missing.\n> We upgraded everyone to 5.0 last week.'] }, 'recent_changes')).toBe('missing');
  });
});

describe('recent changes: a negation is an answer, not a change', () => {
  it.each(['We changed nothing.', 'No recent changes on our side.', 'Nothing was upgraded.', "We didn't change anything.", 'Nothing has changed.', 'We did not upgrade anything.'])('%s', (text) => {
    const h = hintsOf({ customer: [text] }).hints.recent_changes;
    expect(h.status).toBe('found');
    expect(english(h.summary)).toMatch(/nothing changed/);
  });
  it('a plan, an ongoing migration or a doubt is not a change', () => {
    expect(status({ customer: ["We're migrating from OpenGrok and need Perforce working before the servers are switched off."] }, 'recent_changes')).toBe('missing');
    expect(status({ customer: ["I'm not sure if anything changed on our end."] }, 'recent_changes')).toBe('missing');
    expect(status({ customer: ['It broke while migrating the database to RDS.'] }, 'recent_changes')).toBe('found');
  });
  it('"Upgrade question" and "we need to upgrade" are not changes', () => {
    expect(status({ subject: 'Upgrade question', customer: ['Which version should we pick?'] }, 'recent_changes')).toBe('missing');
    expect(status({ customer: ['We need to upgrade soon.'] }, 'recent_changes')).toBe('missing');
    expect(status({ subject: 'gitserver crash after Helm upgrade to 3.29.1', customer: ['Pods crash.'] }, 'recent_changes')).toBe('found');
  });
});

describe('repro steps in their usual forms', () => {
  const withShot = (text: string): TicketSpec => ({ customer: [text], attachments: [{ file_name: 'shot.png', content_type: 'image/png' }] });
  it.each([
    'Steps: click "Sign in", authenticate, land on /sign-in again.',
    'Steps: run a search -> click Export -> choose CSV.',
    'Repro:\n1) Open a Go repo\n2) Hover a function\n3) Click Go to definition',
    'Steps to reproduce:\n- sign in as a non-admin\n- open Settings\n- create a token',
    'To reproduce: push any commit and wait for indexing.',
    'On 5.3.0: 1) create a code monitor 2) push a commit 3) wait 5 minutes.',
    '1. Create an insight\n2. Set the interval\n3. Wait for backfill',
  ])('%s', (text) => {
    expect(status(withShot(text), 'repro')).toBe('found');
  });
  it('steps without a screenshot, log or error are partial', () => {
    expect(status({ customer: ['Steps: click Export, choose CSV, save.'] }, 'repro')).toBe('partial');
  });
});

describe('Step 2 (teammates) from our internal notes', () => {
  it.each(['Asked in #customer-support-chat, no known issue.', 'Posted in #customer-support-chat: https://slack/x', 'Checked with the team in #customer-support-chat.'])('found: %s', (note) => {
    const h = hintsOf({ customer: ['Broken.'], internal: [note] }).hints.teammates;
    expect(h?.status).toBe('found');
    expect(h?.evidence[0]?.field).toBe('internal');
  });
  it.each([
    ["Haven't asked in #customer-support-chat yet."],
    ['Will ask in #customer-support-chat after standup.'],
    ['Need to ask in #customer-support-chat.'],
  ])('not found: %s', (note) => {
    expect(status({ customer: ['Broken.'], internal: [note] }, 'teammates')).toBe('missing');
  });
  it('not from a public reply or the customer', () => {
    expect(status({ customer: ['I asked in our #customer-support-chat channel.'] }, 'teammates')).toBe('missing');
    expect(status({ customer: ['Broken.'], agent: ['I asked in #customer-support-chat.'] }, 'teammates')).toBe('missing');
  });
});

describe('urgency from the CE/Sales in an internal note', () => {
  it('the note that relays it ticks urgency; our public promise does not', () => {
    expect(status({ customer: ['SCIM stopped.'], internal: ['CE (Dana) says this is blocking their renewal, decision due by Friday.'] }, 'urgency')).toBe('found');
    expect(status({ customer: ['SCIM stopped.'], agent: ["We'll treat this as urgent."] }, 'urgency')).not.toBe('found');
  });
  it('"a demo instance" and "users will be blocked" are not urgency; "a demo on Thursday" and "2000 devs are blocked" are', () => {
    expect(status({ customer: ['Hovers are wrong.'], internal: ['Reproduced on our demo instance.'] }, 'urgency')).toBe('missing');
    expect(status({ customer: ['The admin page warns that new users will be blocked.'] }, 'urgency')).toBe('missing');
    expect(status({ customer: ['We have a demo for the leadership team on Thursday.'] }, 'urgency')).toBe('found');
    expect(status({ customer: ['Search is blank, 2000 devs are blocked.'] }, 'urgency')).toBe('found');
  });
  it('"context deadline exceeded" and a past "on Friday" are no timeline; a coming one is', () => {
    expect(status({ customer: ['Searches fail with context deadline exceeded.'] }, 'urgency')).toBe('missing');
    expect(status({ customer: ['We rotated the token on Friday (the old one expired).'] }, 'urgency')).toBe('missing');
    expect(status({ customer: ['Our trial license expires on Friday.'] }, 'urgency')).toBe('found');
    expect(status({ customer: ['We have a review with our VP on Thursday.'] }, 'urgency')).toBe('found');
  });
});

describe('snippets', () => {
  it('end on a whole word, never inside a quoted string or on hanging punctuation', () => {
    const text = 'upgraded to 3.29.1 and then the "frontend: 99th percentile" alert';
    expect(text.slice(0, wordEnd(text, 0, 25))).toBe('upgraded to 3.29.1 and');
    expect(text.slice(0, wordEnd(text, 0, 45))).toBe('upgraded to 3.29.1 and then the');
    const paren = 'we changed) it';
    expect(paren.slice(0, wordEnd(paren, 0, 11))).toBe('we changed');
    const json = 'update-log4j"} and';
    expect(json.slice(0, wordEnd(json, 0, 14))).toBe('update-log4j');
  });
  it('a long change is cut at a word boundary', () => {
    const h = hintsOf({ customer: ['We updated log4j in our build images last week and since then the lsif-java auto-indexing job fails badly.'] }).hints.recent_changes;
    const m = h.evidence[0]?.matched ?? '';
    expect(m.length).toBeGreaterThan(0);
    expect('We updated log4j in our build images last week and since then the lsif-java auto-indexing job fails badly.').toContain(`${m} `);
  });
});

describe('proseOf', () => {
  it('keeps the length and line breaks, masks only what was pasted', () => {
    const text = 'We upgraded.\n\n    $ kubectl get pods\n{"a":1}\nSteps: click X, authenticate, land on /sign-in';
    const p = proseOf(text);
    expect(p.text.length).toBe(text.length);
    expect(p.text.split('\n').map((l) => l.trim())).toEqual(['We upgraded.', '', '', '', 'Steps: click X, authenticate, land on /sign-in']);
    expect(p.pastedOutput).toBe(true);
  });
});
