// The decision-making half of the first view, as one lazy chunk: settings validation and the team catalogue,
// loading the ticket, the core's ticket model and classification, and the linked-issue lookup. iframe.html preloads
// it beside the entry and it runs during Zendesk's handshake, so it is there before the ticket is (session.ts).
import { parseSettings, type Settings, type SettingProblem } from '../../core/settings.ts';
import { buildCatalogue } from '../../core/teams.ts';
import { buildTicketModel } from '../../core/ticket-model.ts';
import { suggest } from '../../core/suggest.ts';
import { prepareRouter } from '../../core/router.ts';
import { preparePriority } from '../../core/priority.ts';
import { findLinks, trackerOf, type TicketLink } from '../../core/links.ts';
import type { Suggestion, Team } from '../../core/types/classification.ts';
import type { LinkedIssue } from '../../core/types/filing.ts';
import type { TicketModel } from '../../core/types/ticket.ts';
import { loadTicketBundle } from '../../zendesk/ticket-source.ts';
import type { TicketParts } from '../../zendesk/ticket-fetch.ts';
import type { ZafClient } from '../../zaf/client.ts';
import { agentError } from '../../errors/agent-error.ts';

export { toAgentError } from '../../errors/to-agent-error.ts';

import type { TicketLocation } from '../../core/types/ticket.ts';
import { readFiledIssue, RecordStore } from '../../flows/filing/record.ts';
import { browserStorage } from '../../flows/storage.ts';

export interface PanelSettings {
  settings: Settings;
  teams: Team[];
  problems: SettingProblem[];
}

/** The manifest parameters validated one by one (bad ones fall back to defaults) and the catalogue in force. */
export function panelSettings(raw: Record<string, unknown> | null | undefined): PanelSettings {
  const { settings, problems } = parseSettings(raw);
  const catalogue = buildCatalogue(settings.routingOverrides);
  return { settings, teams: catalogue.teams, problems: [...problems, ...catalogue.problems] };
}

/** Get ready to classify under these settings (the routing and priority indexes), before the ticket is there. */
export function prepare(panel: PanelSettings): void {
  prepareRouter(panel.teams);
  preparePriority();
}

/** The ticket's model; `parts` is the REST fetch the shell started at registration, when it did. */
export async function loadModel(client: ZafClient, ticketId: number | undefined, parts?: Promise<TicketParts>): Promise<TicketModel> {
  if (ticketId === undefined) {
    throw agentError('ticket_load_failed', { status: 0, message: 'no ticket id in the ZAF context', field: 'ticketId' }, false);
  }
  return buildTicketModel(await loadTicketBundle(client, ticketId, parts));
}

/** The team and priority (the checklist hints follow after the first paint, in the workbench) and any link. */
export function decide(model: TicketModel, panel: PanelSettings): { classification: Suggestion; links: TicketLink[] } {
  return {
    classification: suggest(model, panel.teams, panel.settings),
    links: findLinks(model, panel.settings),
  };
}

/**
 * The links the panel shows: the ticket's own, or this browser's record of a filing whose write-back was lost, plus
 * those made in this session (added to an existing issue, filed beside), less those unlinked in it. Each once.
 */
export function panelLinks(
  links: readonly TicketLink[],
  location: TicketLocation,
  settings: Settings,
  session: { added: readonly TicketLink[]; unlinked: readonly string[] },
): TicketLink[] {
  const base: TicketLink[] = [...links];
  if (base.length === 0) {
    const filed = filedFromThisBrowser(location, settings);
    if (filed) base.push({ ...filed, tracker: trackerOf(filed, settings) });
  }
  const key = (l: TicketLink) => `${l.owner}/${l.repo}#${l.number}`.toLowerCase();
  const out: TicketLink[] = [];
  for (const l of [...session.added, ...base]) {
    if (session.unlinked.includes(key(l)) || out.some((o) => key(o) === key(l))) continue;
    out.push(l);
  }
  return out;
}

/**
 * The issue this browser filed for the ticket when the ticket itself lost the link (its write-back failed): read
 * once the ticket is loaded, never before the first paint.
 */
export function filedFromThisBrowser(location: TicketLocation, settings: Settings): LinkedIssue | null {
  const storage = browserStorage();
  return storage ? readFiledIssue(new RecordStore(storage, Date.now), location, [settings.privateRepo, settings.publicRepo]) : null;
}

export type Brain = typeof import('./decide.ts');
