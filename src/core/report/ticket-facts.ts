// What one ticket's tags say for the report, read in a single pass over its tags. The rules (documented in the
// README and `engage report --help`):
//   - a filing is a ticket tagged `rfh`, `engage_defect`, `rfh_team_<id>` or `rfh_priority_p<n>`;
//   - a defect is a filing tagged `engage_defect`, or one without `rfh` (Engage tags `rfh` on requests for help
//     only, so an untagged filing from before `engage_defect` existed was a defect);
//   - every other filing is a request for help (RFH);
//   - a hand-off (`engage_handoff_<id>`) is not an RFH and is counted on its own.
import { HANDOFF_TAG_PREFIX } from '../handoff-tags.ts';
import { DEFECT_TAG } from '../report-tags.ts';
import { tagPart } from '../tags.ts';
import type { PriorityLevel, TeamId } from '../types/classification.ts';

export type TicketKind = 'rfh' | 'defect' | 'other';

export interface TicketFacts {
  kind: TicketKind;
  /** The team word of `rfh_team_<word>` (still with `_`), or null. */
  teamWord: string | null;
  priority: PriorityLevel | null;
  /** `private#123` (`rfh_issue_123`) and `public#45` (`rfh_public_issue_45`). */
  issues: string[];
  /** The team words of `engage_handoff_<word>`. */
  handoffWords: string[];
}

const TEAM = 'rfh_team_';
const PRIORITY = /^rfh_priority_p([0-3])$/;
const ISSUE = /^rfh_(public_)?issue_(\d+)$/;

export function ticketFacts(tags: readonly string[]): TicketFacts {
  let rfhTag = false;
  let defectTag = false;
  let teamWord: string | null = null;
  let priority: PriorityLevel | null = null;
  const issues: string[] = [];
  const handoffWords: string[] = [];
  for (const tag of tags) {
    if (tag === 'rfh') rfhTag = true;
    else if (tag === DEFECT_TAG) defectTag = true;
    else if (tag.startsWith(TEAM)) teamWord ??= tag.slice(TEAM.length) || null;
    else if (tag.startsWith('rfh_priority_p')) {
      const m = PRIORITY.exec(tag);
      if (m && priority === null) priority = Number(m[1]) as PriorityLevel; // the pattern allows 0-3 only
    } else if (tag.startsWith('rfh_') && tag.includes('issue_')) {
      const m = ISSUE.exec(tag);
      if (m) {
        const key = `${m[1] ? 'public' : 'private'}#${m[2]}`;
        if (!issues.includes(key)) issues.push(key);
      }
    } else if (tag.startsWith(HANDOFF_TAG_PREFIX) && tag.length > HANDOFF_TAG_PREFIX.length) {
      const word = tag.slice(HANDOFF_TAG_PREFIX.length);
      if (!handoffWords.includes(word)) handoffWords.push(word);
    }
  }
  const filing = rfhTag || defectTag || teamWord !== null || priority !== null;
  const kind: TicketKind = !filing ? 'other' : defectTag || !rfhTag ? 'defect' : 'rfh';
  return { kind, teamWord, priority, issues, handoffWords };
}

/** A team word from a tag back to the catalogue's id (`core_application` → `core-application`), else `_` → `-`. */
export function teamIdResolver(teams: readonly { id: TeamId }[]): (word: string) => TeamId {
  const byWord = new Map<string, TeamId>();
  for (const t of teams) byWord.set(tagPart(t.id), t.id);
  return (word) => byWord.get(word) ?? word.replace(/_/g, '-');
}
