// The `routing_overrides` setting applied to a catalogue. Shape (JSON):
//   {"teams": [ {"id": "search-core", "slackChannel": "#search-core", "addKeywords": ["sourcegraph-indexer"]},
//               {"id": "security", "name": "Security", "keywords": ["CVE", "vulnerability"], "githubLabel": "team/security"} ]}
// A bare array of entries is accepted too. Any Team field replaces the default; `keywords` replaces the list,
// `addKeywords` / `removeKeywords` edit it; a new id adds a team (name and keywords required). Each entry is checked
// on its own so one typo does not cost the admin the rest: a bad entry is reported with its path and skipped.
import { isMessage, msg, type Message } from '../types/message.ts';
import { errorMessage, isRecord } from '../guards.ts';
import type { SettingProblem } from '../settings.ts';
import type { Team } from '../types/classification.ts';
import { parseOverride, type TeamOverride } from './override-schema.ts';

const SETTING = 'routing_overrides';

/** A new team from an entry, or the problem that keeps it out. */
function newTeam(o: TeamOverride, where: string): Team | Message {
  if (!o.name) return msg('deferred.settings_problem.overrides.name_required', { where, id: o.id });
  const keywords = [...(o.keywords ?? []), ...(o.addKeywords ?? [])];
  if (keywords.length === 0) return msg('deferred.settings_problem.overrides.keywords_required', { where, id: o.id });
  return {
    id: o.id,
    name: o.name,
    keywords,
    githubLabel: o.githubLabel === undefined ? `team/${o.id}` : o.githubLabel,
    slackChannel: o.slackChannel ?? `#${o.id}`,
    slackHandle: o.slackHandle ?? `@${o.id}`,
    handbookUrl: o.handbookUrl ?? '',
    takesGithubIssues: o.takesGithubIssues ?? o.githubLabel !== null,
  };
}

/** An existing team with the entry's changes, or the problem that keeps the entry out. */
function changedTeam(existing: Team, o: TeamOverride, where: string): Team | Message {
  const next: Team = { ...existing, keywords: [...(o.keywords ?? existing.keywords)] };
  if (o.addKeywords) for (const k of o.addKeywords) if (!next.keywords.includes(k)) next.keywords.push(k);
  if (o.removeKeywords) {
    const drop = new Set(o.removeKeywords.map((k) => k.toLowerCase()));
    next.keywords = next.keywords.filter((k) => !drop.has(k.toLowerCase()));
  }
  if (o.name !== undefined) next.name = o.name;
  if (o.githubLabel !== undefined) next.githubLabel = o.githubLabel;
  if (o.slackChannel !== undefined) next.slackChannel = o.slackChannel;
  if (o.slackHandle !== undefined) next.slackHandle = o.slackHandle;
  if (o.handbookUrl !== undefined) next.handbookUrl = o.handbookUrl;
  if (o.takesGithubIssues !== undefined) next.takesGithubIssues = o.takesGithubIssues;
  if (next.takesGithubIssues && next.githubLabel === null) {
    return msg('deferred.settings_problem.overrides.label_required', { where });
  }
  return next;
}

function applyOverride(teams: Team[], o: TeamOverride, where: string): Message | null {
  const existing = teams.find((t) => t.id === o.id);
  const team = existing ? changedTeam(existing, o, where) : newTeam(o, where);
  if (isMessage(team)) return team;
  if (existing) teams[teams.indexOf(existing)] = team;
  else teams.push(team);
  return null;
}

/** The team entries of the setting's JSON, with the path prefix for messages; null when the shape is wrong. */
function entriesOf(json: unknown, problems: SettingProblem[]): { entries: unknown[]; prefix: string } | null {
  if (Array.isArray(json)) return { entries: json, prefix: '' };
  if (isRecord(json) && Array.isArray(json.teams)) {
    const extra = Object.keys(json).filter((k) => k !== 'teams');
    if (extra.length) problems.push({ setting: SETTING, message: msg('deferred.settings_problem.overrides.unknown_top', { count: extra.length, fields: extra.map((k) => `"${k}"`).join(', ') }) });
    return { entries: json.teams, prefix: 'teams' };
  }
  problems.push({ setting: SETTING, message: msg('deferred.settings_problem.overrides.shape') });
  return null;
}

/**
 * Applies the setting's JSON to `teams` in place. Never throws; anything wrong is returned as problems naming the
 * setting and the path (`teams[2].githubLabel must be a string`).
 */
export function applyRoutingOverrides(teams: Team[], overridesJson: string): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const text = (overridesJson ?? '').trim();
  if (text === '') return problems;

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    problems.push({ setting: SETTING, message: msg('deferred.settings_problem.overrides.json', { error: errorMessage(e) }) });
    return problems;
  }
  const found = entriesOf(json, problems);
  if (!found) return problems;

  const seen = new Set<string>();
  found.entries.forEach((entry, i) => {
    const where = `${found.prefix}[${i}]`;
    const parsed = parseOverride(entry, where);
    if (!parsed.ok) {
      for (const problem of parsed.problems) problems.push({ setting: SETTING, message: msg('deferred.settings_problem.overrides.ignored', { problem }) });
      return;
    }
    const { override } = parsed;
    if (seen.has(override.id)) {
      problems.push({ setting: SETTING, message: msg('deferred.settings_problem.overrides.duplicate', { where, id: override.id }) });
      return;
    }
    seen.add(override.id);
    const problem = applyOverride(teams, override, where);
    if (problem) problems.push({ setting: SETTING, message: msg('deferred.settings_problem.overrides.ignored', { problem }) });
  });
  return problems;
}
