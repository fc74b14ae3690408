// Writes the generated ticket history of the tune tests (test/support/tune-history.ts) as JSON lines, to try
// `engage tune` on: node --import tsx scripts/tune-history.ts OUT.jsonl [TICKETS] [DRIFT] [SEED]
import { writeFileSync } from 'node:fs';
import { generateHistory } from '../test/support/tune-history.ts';

const [out, tickets = '1000', drift = '0.8', seed = '7'] = process.argv.slice(2);
if (!out) {
  process.stderr.write('usage: node --import tsx scripts/tune-history.ts OUT.jsonl [TICKETS] [DRIFT] [SEED]\n');
  process.exit(2);
}
const history = generateHistory({ tickets: Number(tickets), drift: Number(drift), seed: Number(seed), noise: 0.02 });
writeFileSync(out, history.map((b) => JSON.stringify(b)).join('\n') + '\n');
process.stdout.write(`${out}: ${history.length} tickets (Batch Changes renamed on ${Number(drift) * 100}% of its tickets)\n`);
