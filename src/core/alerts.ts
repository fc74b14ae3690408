// Built-in alerts and their owning teams, from Sourcegraph's public "Alert solutions" page (trimmed by
// scripts/build-alerts.ts to service → team → alert names; ~1 KB gzipped in the sidebar bundle).
// The handbook: questions about a specific alert go to the team that owns it.
import table from './data/alerts.json';
import type { TeamId } from './types/classification.ts';

export interface AlertRef {
  service: string;
  alert: string;
  team: TeamId;
}

const byServiceAlert = new Map<string, TeamId>();
const teamsByAlert = new Map<string, Set<TeamId>>();
const servicesByAlert = new Map<string, string[]>();
for (const [service, teams] of Object.entries(table as Record<string, Record<string, string[]>>)) {
  for (const [team, alerts] of Object.entries(teams)) {
    for (const alert of alerts) {
      byServiceAlert.set(`${service}/${alert}`, team);
      let set = teamsByAlert.get(alert);
      if (!set) teamsByAlert.set(alert, (set = new Set()));
      set.add(team);
      const services = servicesByAlert.get(alert) ?? [];
      services.push(service);
      servicesByAlert.set(alert, services);
    }
  }
}
/** Service names, longest first, so `precise-code-intel-worker_...` is not read as `worker_...`. */
export const ALERT_SERVICES: readonly string[] = Object.keys(table).sort((a, b) => b.length - a.length);
const serviceSet = new Set(ALERT_SERVICES);

export function isAlertService(name: string): boolean {
  return serviceSet.has(name);
}

/** `service` + `alert` as written in "frontend: 99th_percentile_search_request_duration". */
export function findAlert(service: string, alert: string): AlertRef | null {
  const team = byServiceAlert.get(`${service}/${alert}`);
  return team ? { service, alert, team } : null;
}

/**
 * An alert name on its own: known only if every service that has it is owned by the same team
 * (`src_repoupdater_max_sync_backoff` yes; `container_memory_usage` exists for many services, so no).
 */
export function findBareAlert(alert: string): AlertRef | null {
  const teams = teamsByAlert.get(alert);
  if (!teams || teams.size !== 1) return null;
  const services = servicesByAlert.get(alert) ?? [];
  return { service: services.length === 1 ? (services[0] as string) : '*', alert, team: [...teams][0] as TeamId };
}

/** A silence name: `<warning|critical>_<service>_<alert>`, e.g. `critical_repo-updater_src_repoupdater_max_sync_backoff`. */
export function findSilenceName(name: string): AlertRef | null {
  let rest: string;
  if (name.startsWith('warning_')) rest = name.slice(8);
  else if (name.startsWith('critical_')) rest = name.slice(9);
  else return null;
  for (const service of ALERT_SERVICES) {
    if (rest.length > service.length + 1 && rest.startsWith(service) && rest.charCodeAt(service.length) === 95 /* _ */) {
      const found = findAlert(service, rest.slice(service.length + 1));
      if (found) return found;
    }
  }
  return null;
}
