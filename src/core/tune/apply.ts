// Keyword changes applied to a catalogue exactly as `routing_overrides` applies `addKeywords` / `removeKeywords`
// (teams/overrides.ts): an addition is appended unless the same string is listed, a removal drops every keyword
// equal to it ignoring case. Tune measures with this, and the JSON it writes must give the same catalogue.
import type { Team } from '../types/classification.ts';
import type { Change } from './types.ts';

export function applyChanges(teams: readonly Team[], changes: readonly Change[]): Team[] {
  const out = teams.map((t) => ({ ...t, keywords: [...t.keywords] }));
  for (const c of changes) {
    const team = out.find((t) => t.id === c.team);
    if (!team) continue;
    if (c.kind === 'add') {
      if (!team.keywords.includes(c.keyword)) team.keywords.push(c.keyword);
    } else {
      const drop = c.keyword.toLowerCase();
      team.keywords = team.keywords.filter((k) => k.toLowerCase() !== drop);
    }
  }
  return out;
}
