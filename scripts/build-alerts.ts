// Builds src/core/data/alerts.json, the small table the router ships in the sidebar bundle, from the full
// alert-owners.json (copied from Sourcegraph's "Alert solutions" page, with descriptions the router does not need).
// Shape: { "<service>": { "<team id>": ["<alert>", ...] } }. Run: node --import tsx scripts/build-alerts.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface OwnerEntry {
  service: string;
  alert: string;
  team: string;
}

const dataDir = fileURLToPath(new URL('../src/core/data/', import.meta.url));
const source = JSON.parse(readFileSync(`${dataDir}alert-owners.json`, 'utf8')) as { alerts: OwnerEntry[] };
const table: Record<string, Record<string, string[]>> = {};
for (const { service, alert, team } of source.alerts) {
  const byTeam = (table[service] ??= {});
  (byTeam[team] ??= []).push(alert);
}
const out = JSON.stringify(table);
writeFileSync(`${dataDir}alerts.json`, `${out}\n`);
console.log(`alerts.json: ${source.alerts.length} alerts, ${Object.keys(table).length} services, ${out.length} bytes`);
