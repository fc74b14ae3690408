// The decision-making half of the first view, as one lazy chunk: settings validation and the team catalogue,
// loading the ticket, the core's ticket model and classification, and the linked-issue lookup. iframe.html preloads
// it beside the entry and it runs during Zendesk's handshake, so it is there before the ticket is (load-brain.ts).
import { parseSettings, type Settings, type SettingProblem } from '../core/settings.ts';
import { buildCatalogue } from '../core/teams.ts';
import { buildTicketModel } from '../core/ticket-model.ts';
import { classify } from '../core/classify.ts';
import { prepareRouter } from '../core/router.ts';
import { preparePriority } from '../core/priority.ts';
import { findLinkedIssue } from '../core/links.ts';
import type { Classification, LinkedIssue, Team, TicketModel } from '../core/types.ts';
import { loadTicketBundle } from '../zendesk/ticket-source.ts';
import type { TicketParts } from '../zendesk/ticket-fetch.ts';
import type { ZafClient } from '../zendesk/zaf.ts';
import { agentError } from '../github/errors.ts';

export { toAgentError } from './agent-error.ts';
// The record of an issue filed from this browser: read once the ticket is loaded, never before the first paint.
export { browserStorage, loadFiled } from './draft.ts';

export interface PanelSettings {
  settings: Settings;
  teams: Team[];
  problems: SettingProblem[];
}

const panels = new WeakMap<object, PanelSettings>();

/**
 * The manifest parameters validated one by one (bad ones fall back to defaults) and the catalogue in force. Once
 * per settings object: the decision load-brain.ts starts before any render and the sidebar's own read of the same
 * metadata share one result (and so one object, which tells the sidebar that decision used its settings).
 */
export function panelSettings(raw: Record<string, unknown> | null | undefined): PanelSettings {
  const known = raw ? panels.get(raw) : undefined;
  if (known) return known;
  const { settings, problems } = parseSettings(raw);
  const catalogue = buildCatalogue(settings.routingOverrides);
  const panel = { settings, teams: catalogue.teams, problems: [...problems, ...catalogue.problems] };
  if (raw) panels.set(raw, panel);
  return panel;
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

export function decide(model: TicketModel, panel: PanelSettings): { classification: Classification; link: LinkedIssue | null } {
  return {
    classification: classify(model, panel.teams, panel.settings),
    link: findLinkedIssue(model, panel.settings),
  };
}

export type Brain = typeof import('./brain.ts');
