// Priority (handbook Step 4) and the Step-1 checklist hints.
import { english } from '../../src/core/english.ts';
import type { PriorityReason } from '../../src/core/types/classification.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checklistHints } from '../../src/core/checklist.ts';
import { classify } from '../../src/core/classify.ts';
import { assessPriority } from '../../src/core/priority.ts';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../src/core/settings.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import type { TicketModel } from '../../src/core/types/ticket.ts';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';
import { modelOf } from './core-route-fixtures.ts';

/** A reason as the GitHub issue and the CLI say it (the sidebar translates the same message). */
const reasonText = (r: PriorityReason | undefined): string => (r ? english(r.message) : '');

function settings(raw: Record<string, unknown>): Settings {
  const { settings: s, problems } = parseSettings(raw);
  expect(problems).toEqual([]);
  return s;
}

function textAt(model: TicketModel, e: { field: string; messageIndex?: number }): string {
  return e.field === 'subject' ? model.subject : (model.messages[e.messageIndex ?? -1]?.text ?? '');
}

describe('priority', () => {
  it('p0: the instance is down for everyone', () => {
    const model = modelOf({ subject: 'Sourcegraph down', customer: ['Since the upgrade Sourcegraph is down for everyone, the site returns 502.'] });
    const p = assessPriority(model, DEFAULT_SETTINGS);
    expect(p.level).toBe(0);
    expect(p.label).toBe('ce/p0');
    expect(reasonText(p.reasons[0])).toMatch(/Outage/);
    for (const e of p.reasons[0]?.evidence ?? []) expect(textAt(model, e).slice(e.start, e.end)).toBe(e.matched);
  });

  it('p0: an outage word needs a scope word in the same message', () => {
    expect(assessPriority(modelOf({ subject: 'x', customer: ['The metadata URL is unreachable from the pod.'] }), DEFAULT_SETTINGS).level).toBe(2);
    expect(assessPriority(modelOf({ subject: 'x', customer: ['docs.sourcegraph.com is unreachable'] }), DEFAULT_SETTINGS).level).toBe(0);
    expect(assessPriority(modelOf({ subject: 'x', customer: ['Please slow down the sync; it is not down.'] }), DEFAULT_SETTINGS).level).toBe(2);
  });

  it('p1: severe production impact needs two signals (production, breadth, urgency, Zendesk priority)', () => {
    const p = assessPriority(modelOf({ subject: 'SAML broken', customer: ['Our production instance: 700 engineers cannot sign in.'] }), DEFAULT_SETTINGS);
    expect(p.level).toBe(1);
    expect(reasonText(p.reasons[0])).toMatch(/production/);
    expect(reasonText(p.reasons[0])).toMatch(/700 engineers/);
    expect(assessPriority(modelOf({ subject: 'x', customer: ['This is on production.'] }), DEFAULT_SETTINGS).level).toBe(2);
    expect(assessPriority(modelOf({ subject: 'x', customer: ['This is on production.'], priority: 'high' }), DEFAULT_SETTINGS).level).toBe(1);
  });

  it('"not urgent" cancels the urgency words and the Zendesk priority', () => {
    const p = assessPriority(modelOf({ subject: 'x', customer: ['Production question, not urgent at all.'], priority: 'urgent' }), DEFAULT_SETTINGS);
    expect(p.level).toBe(2);
    expect(p.reasons.some((r) => /not urgent/.test(english(r.message)))).toBe(true);
  });

  it("our agents' questions are not the customer's impact", () => {
    const p = assessPriority(modelOf({ subject: 'x', customer: ['Search is odd.'], agent: ['Is this urgent? Does it affect all users in production?'] }), DEFAULT_SETTINGS);
    expect(p.level).toBe(2);
  });

  it('p3: feature requests', () => {
    const p = assessPriority(modelOf({ subject: 'Feature request: Safari extension', customer: ['Any plans to support Safari?'] }), DEFAULT_SETTINGS);
    expect(p.level).toBe(3);
    expect(p.featureRequest).toBe(true);
    expect(assessPriority(modelOf({ subject: 'Bug', customer: ['It would be great if you could look at this crash.'] }), DEFAULT_SETTINGS).level).toBe(2);
  });

  it('sales process from the text raises one level', () => {
    const p = assessPriority(modelOf({ subject: 'Question', customer: ['We are evaluating Sourcegraph and the GitLab sync fails.'] }), DEFAULT_SETTINGS);
    expect(p.baseLevel).toBe(2);
    expect(p.level).toBe(1);
    expect(p.salesProcess).toBe(true);
    expect(reasonText(p.reasons.at(-1))).toMatch(/^Raised to ce\/p1: customer in a sales process/);
  });

  it('"rule evaluation" is not a sales evaluation', () => {
    expect(assessPriority(modelOf({ subject: 'x', customer: ['Prometheus rule evaluation fails.'] }), DEFAULT_SETTINGS).salesProcess).toBe(false);
  });

  it('sales process from ticket tags, organisation tags, the organisation field and the lifecycle field', () => {
    const base = { subject: 'Question', customer: ['How do I configure the GitLab connection?'] };
    expect(assessPriority(modelOf({ ...base, tags: ['poc'] }), DEFAULT_SETTINGS).level).toBe(1);
    expect(assessPriority(modelOf({ ...base, orgTags: ['prospect'] }), DEFAULT_SETTINGS).level).toBe(1);
    expect(assessPriority(modelOf({ ...base, tags: ['custom_trial'] }), DEFAULT_SETTINGS).level).toBe(2);
    expect(assessPriority(modelOf({ ...base, tags: ['custom_trial'] }), settings({ sales_process_tags: 'custom_trial' })).level).toBe(1);
    const org = modelOf({ ...base, orgFields: { lifecycle_stage: 'Evaluation' } });
    expect(assessPriority(org, DEFAULT_SETTINGS).level).toBe(2);
    const withOrgField = assessPriority(org, settings({ sales_process_org_field: 'lifecycle_stage' }));
    expect(withOrgField.level).toBe(1);
    expect(withOrgField.reasons.at(-1)?.evidence?.[0]?.matched).toBe('Evaluation');
    const lifecycle = modelOf({ ...base, customFields: [{ id: 360001, value: 'poc' }] });
    expect(assessPriority(lifecycle, DEFAULT_SETTINGS).level).toBe(2);
    expect(assessPriority(lifecycle, settings({ lifecycle_field_id: '360001' })).level).toBe(1);
  });

  it('never raises into p0 without an outage; a feature request in a trial becomes p2', () => {
    const p1 = assessPriority(modelOf({ subject: 'x', customer: ['Production is blocked for all users during our trial.'] }), DEFAULT_SETTINGS);
    expect(p1.baseLevel).toBe(1);
    expect(p1.level).toBe(1);
    const p3 = assessPriority(modelOf({ subject: 'Feature request', customer: ['During our POC: any plans for COBOL?'] }), DEFAULT_SETTINGS);
    expect([p3.baseLevel, p3.level]).toEqual([3, 2]);
  });

  it('uses the configured label prefix', () => {
    expect(assessPriority(modelOf({ subject: 'x', customer: ['question'] }), settings({ label_priority_prefix: 'prio:' })).label).toBe('prio:p2');
  });
});

describe('priority wording', () => {
  const texts = (m: TicketModel, s: Settings = DEFAULT_SETTINGS) => assessPriority(m, s).reasons.map((r) => english(r.message));

  it('the reasons end at the level the headline shows: the base level first, then what raised it', () => {
    const trial = modelOf({ subject: 'Question', customer: ['How do I configure the GitLab connection?'], tags: ['trial'] });
    expect(texts(trial)).toEqual([
      'Partial loss of use or a question (base ce/p2): no outage and no severe production impact',
      'Raised to ce/p1: customer in a sales process (ticket tag "trial")',
    ]);
    expect(assessPriority(trial, DEFAULT_SETTINGS).label).toBe('ce/p1');
    expect(texts(trial, settings({ label_priority_prefix: 'prio:' }))[1]).toBe('Raised to prio:p1: customer in a sales process (ticket tag "trial")');
    // not raised: the base is the final level and says so without "base"
    const plain = texts(modelOf({ subject: 'Question', customer: ['How do I configure the GitLab connection?'] }));
    expect(plain).toEqual(['Partial loss of use or a question (ce/p2): no outage and no severe production impact']);
  });

  it('says why a sales process did not raise the level', () => {
    const p1 = texts(modelOf({ subject: 'x', customer: ['Production is blocked for all users during our trial.'] }));
    expect(p1[0]).toMatch(/^Severe production impact \(ce\/p1\): /);
    expect(p1.at(-1)).toBe('Stays ce/p1: customer in a sales process (the ticket mentions "trial"), but only an outage is ce/p0');
    const p0 = texts(modelOf({ subject: 'x', customer: ['Our POC instance is down for everyone.'] }));
    expect(p0[0]).toMatch(/^Outage \(ce\/p0\): the instance is unusable/);
    expect(p0.at(-1)).toMatch(/^Already ce\/p0: customer in a sales process/);
    const feature = texts(modelOf({ subject: 'Feature request', customer: ['During our POC: any plans for COBOL?'] }));
    expect(feature[0]).toBe('Feature request (base ce/p3): "any plans"');
    expect(feature.at(-1)).toMatch(/^Raised to ce\/p2: customer in a sales process/);
  });

  it('names a matched word once when it is the label itself', () => {
    const urgent = texts(modelOf({ subject: 'x', customer: ['This has urgency: production is affected.'] }));
    expect(urgent[0]).toBe('Severe production impact (ce/p1): production; urgency');
    const asap = texts(modelOf({ subject: 'x', customer: ['We need this ASAP on prod, it has urgency.'] }));
    expect(asap[0]).toBe('Severe production impact (ce/p1): production ("prod"); urgency ("ASAP")');
    expect(texts(modelOf({ subject: 'Feature request', customer: ['A feature request.'] }))[0]).toBe('Feature request (ce/p3)');
    expect(texts(modelOf({ subject: 'x', customer: ['We have an outage.'] }))[0]).toBe('Outage (ce/p0): the instance is unusable');
    const notUrgent = texts(modelOf({ subject: 'x', customer: ['A question, not urgent.'] }));
    expect(notUrgent.at(-1)).toBe('The customer says it is not urgent');
    for (const text of [...urgent, ...asap, ...notUrgent]) expect(text).not.toMatch(/(\w+) \("\1"\)/i);
  });
});

describe('licence and renewal questions', () => {
  it('have no severity: ce/p2, the default for a question, said plainly as a hand-off', () => {
    const p = assessPriority(
      modelOf({
        subject: 'License key expires in 5 days; renewal still in procurement',
        customer: ['We have 1,612 users against a license for 1,500. Can you extend the license key so we are not blocked? What happens to the extra 112 users?'],
      }),
      DEFAULT_SETTINGS,
    );
    expect([p.level, p.baseLevel, p.label]).toEqual([2, 2, 'ce/p2']);
    expect(p.reasons).toHaveLength(1);
    expect(reasonText(p.reasons[0])).toMatch(/^Licence or renewal question \(ce\/p2, the default for a question\): no severity, since CE & Sales or BizOps take it as a hand-off, not an engineering issue: "License key"/);
    expect(reasonText(p.reasons[0])).not.toMatch(/Severe production impact|broad impact|urgency/);
  });

  it('seat counts and invoices too; a sales process does not raise them, an outage stays an outage, a feature request a feature request', () => {
    expect(assessPriority(modelOf({ subject: 'Seat count', customer: ['Please send the invoice for the additional seats.'] }), DEFAULT_SETTINGS).level).toBe(2);
    const trial = assessPriority(modelOf({ subject: 'Invoice question', customer: ['Our billing contact changed.'], tags: ['prospect'] }), DEFAULT_SETTINGS);
    expect(trial.level).toBe(2);
    expect(reasonText(trial.reasons.at(-1))).toMatch(/^Not raised: customer in a sales process \(ticket tag "prospect"\), but a hand-off/);
    expect(assessPriority(modelOf({ subject: 'Licence renewal', customer: ['After the renewal Sourcegraph is down for everyone.'] }), DEFAULT_SETTINGS).level).toBe(0);
    expect(assessPriority(modelOf({ subject: 'Feature request: licence expiry reminder', customer: ['Could you add a reminder before the license expires?'] }), DEFAULT_SETTINGS).level).toBe(3);
  });

  it('one word in passing is not a licence question', () => {
    const p = assessPriority(modelOf({ subject: 'Search is broken in production', customer: ['Since the renewal of our certificates search fails for all users, urgent.'] }), DEFAULT_SETTINGS);
    expect(p.level).toBe(1);
    expect(reasonText(p.reasons[0])).toMatch(/^Severe production impact/);
  });

  it('the preview ticket 1008 (Wayne, licence expiry) is one', () => {
    const bundle = JSON.parse(readFileSync('preview/tickets/1008-wayne-license-expiry.json', 'utf8')) as TicketBundle;
    const c = classify(buildTicketModel(bundle), DEFAULT_TEAMS, DEFAULT_SETTINGS);
    expect(c.route.team.teamId).toBe('ce-sales');
    expect(c.priority.label).toBe('ce/p2');
    expect(c.priority.reasons.map((r) => english(r.message)).join(' ')).not.toMatch(/Severe production impact/);
  });
});

describe('checklist hints', () => {
  it('environment: versions and deployment type', () => {
    const h = checklistHints(modelOf({ subject: 'x', customer: ['We run Sourcegraph 3.29.1 on Kubernetes with Helm; GitLab 13.12.'] }), DEFAULT_SETTINGS).environment;
    expect(h.status).toBe('found');
    expect(english(h.summary)).toMatch(/Sourcegraph 3\.29\.1/);
    expect(english(h.summary)).toMatch(/GitLab 13\.12/);
    expect(english(h.summary)).toMatch(/Kubernetes \(Helm\)/);
    expect(checklistHints(modelOf({ subject: 'x', customer: ['We use docker-compose.'] }), DEFAULT_SETTINGS).environment.status).toBe('partial');
    expect(checklistHints(modelOf({ subject: 'x', customer: ['It broke.'] }), DEFAULT_SETTINGS).environment.status).toBe('missing');
  });

  it('repro: numbered steps plus screenshots or logs', () => {
    const model = modelOf({
      subject: 'x',
      customer: ['Steps:\n1. Open a file\n2. Hover a symbol\n3. Nothing shows'],
      attachments: [{ file_name: 'hover.png', content_type: 'image/png' }, { file_name: 'frontend.log', content_type: 'text/plain' }],
    });
    const h = checklistHints(model, DEFAULT_SETTINGS).repro;
    expect(h.status).toBe('found');
    expect(english(h.summary)).toMatch(/3 numbered steps, 1 screenshot, 1 log\/config file/);
    for (const e of h.evidence) expect(textAt(model, e).slice(e.start, e.end)).toBe(e.matched);
    expect(checklistHints(modelOf({ subject: 'x', customer: ['Broken.'] }), DEFAULT_SETTINGS).repro.status).toBe('missing');
  });

  it('recent changes: upgrades and migrations, or an explicit "nothing changed"', () => {
    expect(checklistHints(modelOf({ subject: 'x', customer: ['Since we upgraded to 3.30 it fails.'] }), DEFAULT_SETTINGS).recent_changes.status).toBe('found');
    expect(english(checklistHints(modelOf({ subject: 'x', customer: ['Nothing changed on our side.'] }), DEFAULT_SETTINGS).recent_changes.summary)).toMatch(/nothing changed/);
    expect(checklistHints(modelOf({ subject: 'x', customer: ['It fails.'] }), DEFAULT_SETTINGS).recent_changes.status).toBe('missing');
  });

  it('impact: everyone, or who is and is not affected', () => {
    expect(checklistHints(modelOf({ subject: 'x', customer: ['All users are affected.'] }), DEFAULT_SETTINGS).impact.status).toBe('found');
    expect(checklistHints(modelOf({ subject: 'x', customer: ['Only admins can log in; 700 researchers cannot.'] }), DEFAULT_SETTINGS).impact.status).toBe('found');
    expect(checklistHints(modelOf({ subject: 'x', customer: ['About 300 users use it.'] }), DEFAULT_SETTINGS).impact.status).toBe('partial');
    expect(checklistHints(modelOf({ subject: 'x', customer: ['It fails.'] }), DEFAULT_SETTINGS).impact.status).toBe('missing');
  });

  it('urgency: words and deadlines; a sales process or Zendesk priority alone is partial', () => {
    expect(checklistHints(modelOf({ subject: 'x', customer: ['We have a demo next Thursday.'] }), DEFAULT_SETTINGS).urgency.status).toBe('found');
    expect(english(checklistHints(modelOf({ subject: 'x', customer: ['No rush.'] }), DEFAULT_SETTINGS).urgency.summary)).toMatch(/not urgent/);
    const trial = checklistHints(modelOf({ subject: 'x', customer: ['Question.'], tags: ['trial'] }), DEFAULT_SETTINGS).urgency;
    expect(trial.status).toBe('partial');
    expect(english(trial.summary)).toMatch(/sales process/);
    expect(checklistHints(modelOf({ subject: 'x', customer: ['Question.'] }), DEFAULT_SETTINGS).urgency.status).toBe('missing');
  });
});

describe('classify', () => {
  it('combines route, priority and checklist for the ticket', () => {
    const c = classify(modelOf({ id: 42, subject: 'Browser extension broken on GitHub', customer: ['Chrome extension shows no hovers.'] }), DEFAULT_TEAMS, DEFAULT_SETTINGS);
    expect(c.ticketId).toBe(42);
    expect(c.route.team.teamId).toBe('web');
    expect(c.priority.label).toBe('ce/p2');
    expect(Object.keys(c.checklist)).toEqual(['environment', 'repro', 'recent_changes', 'impact', 'urgency', 'teammates']);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});
