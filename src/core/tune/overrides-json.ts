// The `routing_overrides` value that carries tune's changes on top of the overrides already in force, so the admin
// pastes one value that keeps what they had. An addition goes to the team entry's `addKeywords`; a removal takes the
// keyword out of the entry's own `keywords` / `addKeywords`, and only a built-in keyword still in force is named in
// `removeKeywords` (which a new team ignores, see teams/overrides.ts). Only the first entry per id counts, as there.
import { isRecord } from '../guards.ts';
import { DEFAULT_TEAMS } from '../teams/default-teams.ts';
import type { Change } from './types.ts';

type Entry = Record<string, unknown>;

function list(entry: Entry, field: string): string[] {
  const v = entry[field];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function without(values: string[], keyword: string): string[] {
  const drop = keyword.toLowerCase();
  return values.filter((v) => v.trim().toLowerCase() !== drop);
}

function setList(entry: Entry, field: string, values: string[]): void {
  if (values.length) entry[field] = values;
  else delete entry[field];
}

/** `existing`: the current setting's text (already checked); empty for none. Returns the new setting's text. */
export function overridesWithChanges(existing: string, changes: readonly Change[]): string {
  let entries: Entry[] = [];
  const text = existing.trim();
  if (text) {
    const json: unknown = JSON.parse(text);
    const raw: unknown[] = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.teams) ? json.teams : [];
    entries = raw.map((e) => (isRecord(e) ? { ...e } : {}));
  }
  const builtIn = new Map(DEFAULT_TEAMS.map((t) => [t.id, t.keywords.map((k) => k.toLowerCase())]));
  for (const c of changes) {
    let entry = entries.find((e) => e.id === c.team);
    if (!entry) entries.push((entry = { id: c.team }));
    const defaults = builtIn.get(c.team);
    if (c.kind === 'add') {
      // An earlier removal of the same word would undo the addition (removals apply after additions).
      setList(entry, 'removeKeywords', without(list(entry, 'removeKeywords'), c.keyword));
      const adds = list(entry, 'addKeywords');
      if (!adds.includes(c.keyword)) setList(entry, 'addKeywords', [...adds, c.keyword]);
    } else {
      // The keyword goes from the lists this entry adds; a built-in keyword is also removed by name.
      setList(entry, 'addKeywords', without(list(entry, 'addKeywords'), c.keyword));
      if (Array.isArray(entry.keywords)) entry.keywords = without(list(entry, 'keywords'), c.keyword);
      const removes = list(entry, 'removeKeywords');
      const builtInWord = defaults?.includes(c.keyword.toLowerCase()) && !Array.isArray(entry.keywords);
      if (builtInWord && !removes.some((r) => r.toLowerCase() === c.keyword.toLowerCase())) setList(entry, 'removeKeywords', [...removes, c.keyword]);
    }
  }
  return JSON.stringify({ teams: entries }, null, 2);
}
