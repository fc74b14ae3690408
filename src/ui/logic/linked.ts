// A ticket that already has an issue: what was decided when it was filed, read back from the tags Engage wrote
// (`rfh`, `rfh_team_<id>`, `rfh_priority_p<n>`), so the hand-off text matches the filed issue. Tags that are
// missing (filed by hand, or by another tool) fall back to today's suggestion.
import type { Settings } from '../../core/settings.ts';
import type { PriorityLevel, Team, TeamAndPriority } from '../../core/types/classification.ts';
import type { FilingDecisions, IssueKind, LinkedIssue, Tracker } from '../../core/types/filing.ts';
import type { TicketModel } from '../../core/types/ticket.ts';
import { initialDraft, toDecisions } from './draft.ts';

export function recordedTeam(tags: readonly string[], teams: readonly Team[]): string | null {
  for (const tag of tags) {
    const m = /^rfh_team_(.+)$/.exec(tag);
    if (!m) continue;
    const team = teams.find((t) => t.id.replace(/-/g, '_') === m[1]);
    if (team) return team.id;
  }
  return null;
}

export function recordedPriority(tags: readonly string[]): PriorityLevel | null {
  for (const tag of tags) {
    const m = /^rfh_priority_p([0-3])$/.exec(tag);
    if (m) return Number(m[1]) as PriorityLevel;
  }
  return null;
}

/** What the ticket's tags say the issue was filed with; null when Engage recorded nothing (filed by hand). */
export function recordedFiling(
  model: TicketModel,
  link: LinkedIssue,
  settings: Settings,
  teams: readonly Team[],
): { teamId: string | null; priority: PriorityLevel | null; kind: IssueKind; tracker: Tracker } | null {
  const teamId = recordedTeam(model.tags, teams);
  const priority = recordedPriority(model.tags);
  if (teamId === null && priority === null) return null;
  // Engage tags every RFH `rfh`; its other filings are defects.
  const kind = !model.tags.includes(settings.labels.rfh) && !model.tags.includes('rfh') ? 'defect' : 'rfh';
  const tracker = link.owner === settings.publicRepo.owner && link.repo === settings.publicRepo.repo ? 'public' : 'private';
  return { teamId, priority, kind, tracker };
}

export function linkedDecisions(
  model: TicketModel,
  classification: TeamAndPriority,
  link: LinkedIssue,
  settings: Settings,
  teams: readonly Team[],
): FilingDecisions {
  const draft = initialDraft();
  const recorded = recordedFiling(model, link, settings, teams);
  if (recorded?.teamId) draft.teamOverride = recorded.teamId;
  if (recorded && recorded.priority !== null) draft.priorityOverride = recorded.priority;
  draft.kind = recorded?.kind ?? 'rfh';
  draft.tracker = link.owner === settings.publicRepo.owner && link.repo === settings.publicRepo.repo ? 'public' : 'private';
  const decisions = toDecisions(draft, classification);
  // What was filed is not an override of today's suggestion, nor was today's suggestion what the agent saw.
  delete decisions.override;
  delete decisions.suggested;
  return decisions;
}
