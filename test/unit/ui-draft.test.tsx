import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  draftKey,
  draftReducer,
  initialDraft,
  loadDraft,
  reviveDraft,
  saveDraft,
  toDecisions,
  type DraftStorage,
} from '../../src/ui/logic/draft.ts';
import { filingGate, missingItems } from '../../src/ui/logic/gate.ts';
import { readFiledIssue, recordKey, RecordStore } from '../../src/flows/filing/record.ts';
import { linkedDecisions, recordedPriority, recordedTeam } from '../../src/ui/logic/linked.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { CHECKLIST_KEYS, type Classification, type PriorityLevel, type Team } from '../../src/core/types/classification.ts';
import type { TicketModel } from '../../src/core/types/ticket.ts';
import { msg } from '../../src/core/types/message.ts';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const throwingStorage: DraftStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

const hint = (key: (typeof CHECKLIST_KEYS)[number], status: 'found' | 'partial' | 'missing', words: string) => ({
  key,
  status,
  summary: msg('deferred.hint.impact.found', { words }),
  evidence: [],
});

const classification: Classification = {
  ticketId: 42,
  route: {
    team: { teamId: 'search-core', score: 5, evidence: [], why: msg('ui.why.no_match', { team: 'Search Core' }) },
    alternatives: [{ teamId: 'distribution', score: 2, evidence: [], why: msg('ui.why.no_match', { team: 'Distribution' }) }],
  },
  priority: { level: 2, label: 'ce/p2', baseLevel: 2, salesProcess: false, featureRequest: false, reasons: [{ message: msg('ui.reason.partial', { at: 'ce/p2' }) }] },
  checklist: {
    environment: hint('environment', 'found', 'Sourcegraph 3.29 on Kubernetes'),
    repro: hint('repro', 'partial', '2 numbered steps'),
    recent_changes: hint('recent_changes', 'missing', ''),
    impact: hint('impact', 'found', 'all users'),
    urgency: hint('urgency', 'missing', ''),
  },
};

describe('draft', () => {
  it('starts from the hints: found items ticked, partial and missing not, Step 2 never; notes empty', () => {
    const d = initialDraft(classification.checklist);
    expect(d.checklist.environment).toEqual({ done: true, note: '' });
    expect(d.checklist.impact.done).toBe(true);
    expect(d.checklist.repro).toEqual({ done: false, note: '' });
    expect(d.checklist.recent_changes.done).toBe(false);
    expect(d.teammatesAsked.done).toBe(false);
    expect(d.kind).toBe('rfh');
    expect(d.tracker).toBe('private');
  });

  it('takes the hints once, after the first view: a draft made before them ticks what they found, and later hints change nothing the agent set', () => {
    const before = initialDraft();
    expect(before.hintsApplied).toBe(false);
    expect(CHECKLIST_KEYS.every((k) => !before.checklist[k].done)).toBe(true);
    // The agent changed the team before the checklist appeared: that stays.
    const overridden = draftReducer(before, { type: 'team', teamId: 'distribution' });
    const applied = draftReducer(overridden, { type: 'hints', hints: classification.checklist });
    expect(applied.hintsApplied).toBe(true);
    expect(applied.teamOverride).toBe('distribution');
    expect(applied.checklist).toEqual(initialDraft(classification.checklist).checklist);
    // Unticking a found item sticks when the hints come again (a revisit, a re-render).
    const unticked = draftReducer(applied, { type: 'check', key: 'environment', done: false });
    const again = draftReducer(unticked, { type: 'hints', hints: classification.checklist });
    expect(again.checklist.environment.done).toBe(false);
  });

  it('revives a draft stored before hintsApplied existed as one whose hints were applied (they were, at creation)', () => {
    const { hintsApplied: _dropped, ...old } = initialDraft(classification.checklist);
    expect(reviveDraft(JSON.parse(JSON.stringify(old)), initialDraft()).hintsApplied).toBe(true);
    const stored = draftReducer(initialDraft(), { type: 'note', key: 'repro', note: 'steps in the call' });
    expect(reviveDraft(JSON.parse(JSON.stringify(stored)), initialDraft()).hintsApplied).toBe(false);
  });

  it('changes through the reducer without mutating', () => {
    const d0 = initialDraft(classification.checklist);
    const d1 = draftReducer(d0, { type: 'check', key: 'repro', done: true });
    const d2 = draftReducer(d1, { type: 'note', key: 'teammates', note: 'asked Kim' });
    expect(d0.checklist.repro.done).toBe(false);
    expect(d2.checklist.repro.done).toBe(true);
    expect(d2.teammatesAsked).toEqual({ done: false, note: 'asked Kim' });
  });

  it('turns into decisions: suggestion by default, overrides recorded against the suggestion', () => {
    const plain = toDecisions(initialDraft(classification.checklist), classification);
    expect(plain.teamId).toBe('search-core');
    expect(plain.priority).toBe(2);
    expect(plain.override).toBeUndefined();

    let d = initialDraft(classification.checklist);
    d = draftReducer(d, { type: 'team', teamId: 'distribution' });
    d = draftReducer(d, { type: 'priority', level: 1 });
    d = draftReducer(d, { type: 'overrideReason', reason: '  helm chart issue ' });
    const over = toDecisions(d, classification);
    expect(over.teamId).toBe('distribution');
    expect(over.priority).toBe(1);
    expect(over.override).toEqual({ suggestedTeamId: 'search-core', suggestedPriority: 2, reason: 'helm chart issue' });

    // choosing the suggestion again is not an override
    d = draftReducer(d, { type: 'team', teamId: null });
    d = draftReducer(d, { type: 'priority', level: null });
    expect(toDecisions(d, classification).override).toBeUndefined();
  });

  it('passes the escalate-anyway reason only when escalating with a reason', () => {
    let d = draftReducer(initialDraft(classification.checklist), { type: 'escalateReason', reason: 'customer down' });
    expect(toDecisions(d, classification).escalateAnywayReason).toBeUndefined();
    d = draftReducer(d, { type: 'escalateAnyway', on: true });
    expect(toDecisions(d, classification).escalateAnywayReason).toBe('customer down');
  });

  it('keeps the private issue URL for the public tracker only', () => {
    let d = draftReducer(initialDraft(classification.checklist), { type: 'privateIssueUrl', url: 'https://github.com/o/r/issues/1' });
    expect(toDecisions(d, classification).privateIssueUrl).toBeUndefined();
    d = draftReducer(d, { type: 'tracker', tracker: 'public' });
    expect(toDecisions(d, classification).privateIssueUrl).toBe('https://github.com/o/r/issues/1');
  });
});

describe('draft storage', () => {
  const location = { subdomain: 'acme', ticketId: 42 };
  it('is keyed by account and ticket', () => {
    expect(draftKey(location)).toBe('engage:draft:acme:42');
    expect(draftKey({ subdomain: 'acme', ticketId: 43 })).not.toBe(draftKey(location));
  });

  it('survives a round trip and is gone after clearing', () => {
    const storage = memoryStorage();
    const fresh = initialDraft(classification.checklist);
    const d = draftReducer(draftReducer(fresh, { type: 'check', key: 'repro', done: true }), { type: 'note', key: 'impact', note: 'only SSO users <script>' });
    expect(saveDraft(storage, draftKey(location), d)).toBe(true);
    expect(loadDraft(storage, draftKey(location), fresh)).toEqual(d);
    clearDraft(storage, draftKey(location));
    expect(loadDraft(storage, draftKey(location), fresh)).toEqual(fresh);
  });

  it('keeps what is readable from a damaged or foreign draft, and never throws', () => {
    const fresh = initialDraft(classification.checklist);
    expect(reviveDraft('nonsense', fresh)).toEqual(fresh);
    expect(reviveDraft({ version: 99 }, fresh)).toEqual(fresh);
    const revived = reviveDraft(
      { version: 1, kind: 'bug', tracker: 'public', priorityOverride: 7, teamOverride: 'web', checklist: { repro: { done: true, note: 5 } } },
      fresh,
    );
    expect(revived.kind).toBe('rfh');
    expect(revived.tracker).toBe('public');
    expect(revived.priorityOverride).toBeNull();
    expect(revived.teamOverride).toBe('web');
    expect(revived.checklist.repro).toEqual({ done: true, note: '' });
    expect(revived.checklist.environment).toEqual(fresh.checklist.environment);
    const storage = memoryStorage();
    storage.setItem(draftKey(location), '{not json');
    expect(loadDraft(storage, draftKey(location), fresh)).toEqual(fresh);
  });

  it('degrades to memory when storage throws', () => {
    const fresh = initialDraft(classification.checklist);
    expect(loadDraft(throwingStorage, 'k', fresh)).toEqual(fresh);
    expect(saveDraft(throwingStorage, 'k', fresh)).toBe(false);
    expect(() => clearDraft(throwingStorage, 'k')).not.toThrow();
    expect(saveDraft(null, 'k', fresh)).toBe(false);
  });

  it('remembers the filed issue per ticket, accepting only well-formed records', () => {
    const storage = memoryStorage();
    const repo = { owner: 'o', repo: 'r' };
    const loadFiled = (s: DraftStorage, at: typeof location) => readFiledIssue(new RecordStore(s, Date.now), at, [repo]);
    new RecordStore(storage, Date.now).write(location, repo, { phase: 'done', issue: { ...repo, number: 3, url: 'https://github.com/o/r/issues/3' } });
    expect(loadFiled(storage, location)).toEqual({ owner: 'o', repo: 'r', number: 3, url: 'https://github.com/o/r/issues/3' });
    expect(loadFiled(storage, { subdomain: 'acme', ticketId: 1 })).toBeNull();
    const forged = { v: 1, ...repo, phase: 'done', issue: { ...repo, number: 3, url: 'javascript:alert(1)' }, updatedAt: Date.now() };
    storage.setItem(recordKey(location, repo), JSON.stringify(forged));
    expect(loadFiled(storage, location)).toBeNull();
    expect(loadFiled(throwingStorage, location)).toBeNull();
  });
});

describe('filing gate', () => {
  // The gate reads the priority the issue will be filed with (toDecisions: the override, else the suggestion).
  const all = (done: boolean, priority: PriorityLevel = 2) => {
    const d = initialDraft(classification.checklist);
    for (const k of CHECKLIST_KEYS) d.checklist[k].done = done;
    d.teammatesAsked.done = done;
    return { ...d, priority };
  };
  const opts = { requireChecklist: true, escalateAnyway: false, escalateReason: '' };

  it('is open when every item is ticked', () => {
    expect(filingGate(all(true), opts)).toEqual({ open: true });
  });
  it('names the items still missing, Step 2 only for requests for help', () => {
    const d = all(true);
    d.checklist.repro.done = false;
    d.teammatesAsked.done = false;
    expect(missingItems(d)).toEqual(['repro', 'teammates']);
    expect(missingItems({ ...d, kind: 'defect' })).toEqual(['repro']);
    expect(filingGate(d, opts)).toEqual({ open: false, reason: 'checklist', missing: ['repro', 'teammates'] });
  });
  it('opens for "escalate anyway" only with a written reason', () => {
    const d = all(false);
    expect(filingGate(d, { ...opts, escalateAnyway: true, escalateReason: '  ' })).toEqual({ open: false, reason: 'escalate_reason' });
    expect(filingGate(d, { ...opts, escalateAnyway: true, escalateReason: 'site down' })).toEqual({ open: true });
  });
  it('is always open when the setting does not require the checklist', () => {
    expect(filingGate(all(false), { ...opts, requireChecklist: false })).toEqual({ open: true });
  });
  it('a feature request (p3) is not asked for repro, recent changes or impact', () => {
    const d = all(false, 3);
    expect(missingItems(d)).toEqual(['environment', 'urgency', 'teammates']);
    for (const k of ['environment', 'urgency'] as const) d.checklist[k].done = true;
    d.teammatesAsked.done = true;
    expect(filingGate(d, opts)).toEqual({ open: true });
    // a defect at p3 still needs its reproduction
    expect(missingItems({ ...d, kind: 'defect' })).toEqual(['repro', 'recent_changes', 'impact']);
  });
  it('an outage (p0) is never blocked: the missing items are still being gathered', () => {
    expect(filingGate(all(false, 0), opts)).toEqual({ open: true, gathering: ['environment', 'repro', 'recent_changes', 'impact', 'urgency', 'teammates'] });
    expect(filingGate({ ...all(false, 0), kind: 'defect' }, opts)).toEqual({ open: true, gathering: [...CHECKLIST_KEYS] });
    expect(filingGate(all(true, 0), opts)).toEqual({ open: true });
  });
  it('uses the priority the issue will be filed with: the override, else the suggestion', () => {
    let draft = initialDraft(classification.checklist); // suggestion p2, repro and the rest not found
    const gate = () => filingGate(toDecisions(draft, classification), opts);
    expect(gate()).toMatchObject({ open: false, reason: 'checklist' });
    draft = draftReducer(draft, { type: 'priority', level: 0 });
    expect(gate()).toMatchObject({ open: true });
    draft = draftReducer(draft, { type: 'priority', level: 3 });
    expect(gate()).toEqual({ open: false, reason: 'checklist', missing: ['urgency', 'teammates'] });
  });
});

describe('linked ticket decisions', () => {
  const teams = [
    { id: 'search-core', name: 'Search core' },
    { id: 'core-application', name: 'Core Application' },
  ] as Team[];
  const model = (tags: string[]) => ({ tags }) as unknown as TicketModel;
  const link = { owner: 'sourcegraph', repo: 'customer', number: 9, url: 'https://github.com/sourcegraph/customer/issues/9' };

  it('reads the team and priority tags written back after filing', () => {
    expect(recordedTeam(['x', 'rfh_team_core_application'], teams)).toBe('core-application');
    expect(recordedTeam(['rfh_team_unknown'], teams)).toBeNull();
    expect(recordedPriority(['rfh_priority_p0'])).toBe(0);
    expect(recordedPriority(['rfh_priority_p9'])).toBeNull();
  });
  it('rebuilds the filed decisions, falling back to the suggestion', () => {
    const d = linkedDecisions(model(['rfh', 'rfh_team_core_application', 'rfh_priority_p1']), classification, link, DEFAULT_SETTINGS, teams);
    expect(d).toMatchObject({ teamId: 'core-application', priority: 1, kind: 'rfh', tracker: 'private' });
    expect(d.override).toBeUndefined();
    const defect = linkedDecisions(model(['rfh_team_search_core']), classification, { ...link, repo: 'sourcegraph' }, DEFAULT_SETTINGS, teams);
    expect(defect).toMatchObject({ teamId: 'search-core', priority: 2, kind: 'defect', tracker: 'public' });
    const bare = linkedDecisions(model([]), classification, link, DEFAULT_SETTINGS, teams);
    expect(bare).toMatchObject({ teamId: 'search-core', priority: 2, kind: 'rfh' });
  });
});
