// A generated ticket history for `engage tune`: seeded, so every run gives the same tickets. Each team's tickets are
// written from that team's everyday vocabulary plus filler every customer writes, with an agent reply and the team
// recorded as Engage records it (the `rfh_team_<id>` tag). With `drift`, that share of the Batch Changes tickets
// speak of the product by a new name ("Fleet Edits", "edit spec") that the built-in keywords do not know, and they
// mention GitHub and pull requests, so the router sends them elsewhere: the situation tune must recover from.
import { seeded } from './seeded.ts';
import type { TicketBundle } from '../../src/core/types/zendesk.ts';

export interface HistoryOptions {
  tickets: number;
  seed?: number;
  /** Share (0..1) of Batch Changes tickets written with the renamed product's words. */
  drift?: number;
  /** Share (0..1) of tickets whose recorded team is replaced by a random one (mistakes, odd tickets). */
  noise?: number;
  /** Teams to generate (default: the seven engineering teams plus CE & Sales). */
  teams?: string[];
}


interface Voice {
  subjects: string[];
  sentences: string[];
}

const VOICES: Record<string, Voice> = {
  distribution: {
    subjects: ['Frontend pods OOMKilled after upgrade', 'Helm upgrade fails on the gitserver statefulset', 'Disk space filling up on our cluster', 'How much memory do we need for 5000 users?', 'docker-compose deployment will not start'],
    sentences: ['We run Sourcegraph on Kubernetes in AWS with the helm chart.', 'After the upgrade the pods keep restarting with CrashLoopBackOff.', 'The persistent volume for gitserver is almost full.', 'Our deployment uses docker compose on a single VM.', 'We followed the upgrade notes but the migrator job fails.', 'What resources and sizing do you recommend for our instance?'],
  },
  'core-application': {
    subjects: ['Repositories not syncing from GitLab', 'SAML login fails for some users', 'Repository permissions not enforced', 'Code host connection rate limited', 'Perforce depots not cloning'],
    sentences: ['New repositories from our GitLab code host do not show up.', 'Users get an error when they sign in with SAML through Okta.', 'Repository permissions from Bitbucket Server are not synced.', 'gitserver logs show the clone failing for several repos.', 'The external service keeps hitting the rate limit.', 'Our LDAP users cannot log in since yesterday.'],
  },
  'code-intelligence': {
    subjects: ['Go to definition does not work for Java', 'Precise code intelligence missing after LSIF upload', 'Find references returns nothing', 'Auto-indexing jobs stuck', 'Hover shows the wrong definition'],
    sentences: ['Precise code navigation stopped working for our Java monorepo.', 'The LSIF upload succeeds but find references is empty.', 'Auto-indexing jobs stay queued for hours.', 'Go to definition jumps to the wrong file in TypeScript.', 'We upload SCIP indexes from CI with src-cli code-intel upload.'],
  },
  'search-core': {
    subjects: ['Indexed search missing recent commits', 'zoekt-indexserver keeps restarting', 'Search results incomplete for large repos', 'Reindexing takes days', 'Unindexed search timing out'],
    sentences: ['Indexed search does not find code committed last week.', 'The zoekt-indexserver pod restarts while indexing our biggest repo.', 'Shards for some repositories are missing from the index.', 'Searches fall back to unindexed search and are slow.', 'How do we trigger a reindex of one repository?'],
  },
  'search-product': {
    subjects: ['Structural search returns no matches', 'Saved searches not sending notifications', 'Search contexts ignore some repos', 'Query syntax for regex filters', 'Code monitors stopped firing'],
    sentences: ['Structural search with a pattern like this finds nothing.', 'Our saved searches stopped sending emails.', 'The search context does not include repositories we added.', 'How do I combine a regex filter with a lang filter in the query?', 'Code monitoring does not trigger on new commits.'],
  },
  web: {
    subjects: ['Browser extension not showing on GitHub', 'Native integration with GitLab missing buttons', 'Chrome extension hovers not appearing', 'VS Code extension cannot connect', 'JetBrains plugin search fails'],
    sentences: ['The browser extension does not add the view on Sourcegraph button.', 'Our native integration for GitLab stopped showing hover tooltips.', 'The Chrome extension asks for permissions on every page.', 'The VS Code extension cannot reach our instance.', 'The JetBrains plugin shows a blank panel.'],
  },
  'batch-changes': {
    subjects: ['Batch change stuck publishing changesets', 'Batch spec fails to run steps', 'src batch preview errors', 'Changesets not updated after push', 'Cannot close a batch change'],
    sentences: ['Our batch change is stuck while publishing changesets to GitHub.', 'The batch spec steps fail with a container error in src batch.', 'Changesets show as outdated even after we pushed.', 'We want to run a large scale code change across 300 repositories.', 'Closing the batch change leaves the pull requests open.'],
  },
  'ce-sales': {
    subjects: ['License expired warning', 'Renewal quote for next year', 'Seat count above our license', 'Invoice question', 'License key for the new instance'],
    sentences: ['The site admin page says our license key expired.', 'We need a quote for the renewal of our subscription.', 'We are above the seats in our license.', 'Can you send the invoice to our billing contact?'],
  },
};

/** The renamed product: what customers write about Batch Changes after the rename. */
const DRIFTED: Voice = {
  subjects: ['Fleet edit stuck publishing on GitHub', 'Edit spec fails in our fleet run', 'Fleet Edits preview errors', 'Fleet edit pull requests not updated', 'Cannot close a fleet edit'],
  sentences: ['Our fleet edit is stuck while opening pull requests on GitHub.', 'The edit spec steps fail when the fleet run starts.', 'Fleet Edits shows the pull requests as outdated even after we pushed.', 'We want to run a fleet edit across 300 repositories on GitHub.', 'Closing the fleet edit leaves the pull requests open on GitHub.'],
};

const FILLER = ['Thanks for your help.', 'This is blocking several teams.', 'We are on version 5.2.', 'Let me know if you need more details.', 'It started this morning.', 'Any update would be appreciated.'];
const REPLY = ['Thanks for reaching out, we are looking into this.', 'Could you send us the logs from the instance?', 'I have asked engineering to take a look.'];

const DEFAULT_TEAMS = Object.keys(VOICES);

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** One solved ticket recorded for `team`: the customer's `body` and an agent's reply. */
export function historyTicket(id: number, team: string, subject: string, body: string, reply = REPLY[0] as string): TicketBundle {
  const at = new Date(Date.UTC(2026, 0, 1) + id * 3_600_000).toISOString().replace('.000', '');
  return {
    ticket: { id, subject, status: 'solved', priority: 'normal', type: 'problem', tags: ['rfh', `rfh_team_${team.replace(/-/g, '_')}`, 'rfh_priority_p2'], requester_id: 100, organization_id: null, created_at: at, updated_at: at },
    comments: [
      { id: id * 10, author_id: 100, body, public: true, created_at: at, attachments: [] },
      { id: id * 10 + 1, author_id: 1, body: reply, public: true, created_at: at.replace(/:00Z$/, ':30Z'), attachments: [] },
    ],
    users: [
      { id: 100, name: 'Customer', role: 'end-user' },
      { id: 1, name: 'Agent', role: 'agent' },
    ],
    organization: null,
  };
}

/** `options.tickets` ticket bundles, ids from 1, teams in turn, each recorded with `rfh_team_<id with _>`. */
export function generateHistory(options: HistoryOptions): TicketBundle[] {
  const rand = seeded(options.seed ?? 1);
  const teams = options.teams ?? DEFAULT_TEAMS;
  const out: TicketBundle[] = [];
  for (let i = 0; i < options.tickets; i++) {
    const id = i + 1;
    const team = teams[i % teams.length] as string;
    const drifted = team === 'batch-changes' && rand() < (options.drift ?? 0);
    const voice = drifted ? DRIFTED : (VOICES[team] as Voice);
    const body = [pick(rand, voice.sentences), pick(rand, voice.sentences), pick(rand, FILLER)].join(' ');
    const recorded = rand() < (options.noise ?? 0) ? pick(rand, teams) : team;
    out.push(historyTicket(id, recorded, pick(rand, voice.subjects), body, pick(rand, REPLY)));
  }
  return out;
}
