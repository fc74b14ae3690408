// `engage compose FILE|DIR|- [--settings FILE] [--tracker private|public] [--kind rfh|defect] [--subdomain NAME]`:
// prints, per ticket, exactly the GitHub request the app would send (same code: classify → defaultDecisions →
// composeIssue), or the Slack hand-off for teams that take no GitHub issue (CE & Sales, BizOps).
import { readFile } from 'node:fs/promises';
import { classify } from '../core/classify.ts';
import { ComposeError, composeIssue, defaultDecisions } from '../core/compose.ts';
import { maskCredentials } from '../core/mask.ts';
import { composeHandoff } from '../core/handoff.ts';
import { findLinkedIssue } from '../core/links.ts';
import { findTeam } from '../core/teams.ts';
import { buildTicketModel } from '../core/ticket-model.ts';
import type { FilingDecisions } from '../core/types/filing.ts';
import type { TicketLocation } from '../core/types/ticket.ts';
import type { TicketBundle } from '../core/types/zendesk.ts';
import { parseArgs, UsageError } from './args.ts';
import { loadBundles, settingsOrComplain } from './input.ts';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, type CliIo } from './io.ts';
import { listBundleFiles, readStream } from './node-io.ts';

export const COMPOSE_USAGE = `Usage: engage compose FILE|DIR|- [--settings FILE] [--tracker private|public] [--kind rfh|defect] [--subdomain NAME]

Prints, per ticket bundle, one JSON line with the GitHub issue the app would file for the suggested team and
priority: {"ticket_id", "owner", "repo", "title", "body", "labels", "comments" (when the body had to be split),
"redactions" (public tracker), "masked" (credentials masked: kind and where)}. For teams that take no GitHub issue (CE & Sales, BizOps) it prints the Slack
hand-off instead: {"ticket_id", "team", "handoff": {"channel", "handle", "message"}}.
--tracker   private (default, sourcegraph/customer) or public (redacted, sourcegraph/sourcegraph)
--kind      rfh (default, request for help) or defect
--subdomain the Zendesk subdomain for the ticket link and marker (default: from the ticket's "url", else
            "engage-preview", the local preview's)
--settings  the app settings as JSON (manifest parameter names)
Exit codes: 0 ok, 1 a ticket could not be composed, 2 bad input.`;

/** An io of streams and writers, for callers that have a stdin stream rather than files; `main.ts` passes a CliIo. */
export interface StreamIo {
  stdin: NodeJS.ReadableStream;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

function isCliIo(io: CliIo | StreamIo): io is CliIo {
  return typeof (io as CliIo).out === 'function' && typeof (io as CliIo).readText === 'function';
}

/** A CliIo over the stream io: files from disk, `-` from the given stdin. */
function fromStreams(io: StreamIo): CliIo {
  return {
    out: (text) => io.stdout(text),
    err: (text) => io.stderr(text),
    readText: (path) => (path === '-' ? readStream(io.stdin) : readFile(path, 'utf8')),
    listBundleFiles: async (path) => (path === '-' ? null : listBundleFiles(path)),
  };
}

/** The ticket's Zendesk subdomain from its API URL (`https://acme.zendesk.com/api/v2/tickets/1.json`). */
export function subdomainOf(bundle: TicketBundle): string | null {
  const m = /^https?:\/\/([a-z0-9-]+)\.zendesk\.com\//i.exec(bundle.ticket.url ?? '');
  return m ? (m[1] as string).toLowerCase() : null;
}

function choice<T extends string>(value: string | undefined, allowed: readonly T[], name: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be ${allowed.join(' or ')}, got "${value}"`);
}

export async function runCompose(argv: string[], ioIn: CliIo | StreamIo): Promise<number> {
  const io = isCliIo(ioIn) ? ioIn : fromStreams(ioIn);
  let args;
  let tracker: FilingDecisions['tracker'];
  let kind: FilingDecisions['kind'];
  try {
    args = parseArgs(argv, { options: ['settings', 'tracker', 'kind', 'subdomain'], flags: ['help'] });
    if (args.flags.has('help')) {
      io.out(`${COMPOSE_USAGE}\n`);
      return EXIT_OK;
    }
    if (args.positionals.length === 0) throw new UsageError('compose needs a FILE, a DIR or - for standard input');
    if (args.options.subdomain !== undefined && !/^[a-z0-9][a-z0-9-]*$/i.test(args.options.subdomain)) {
      throw new UsageError(`--subdomain must be a Zendesk subdomain (letters, digits, hyphens), got "${args.options.subdomain}"`);
    }
    tracker = choice(args.options.tracker, ['private', 'public'] as const, 'tracker', 'private');
    kind = choice(args.options.kind, ['rfh', 'defect'] as const, 'kind', 'rfh');
  } catch (e) {
    // main.ts reports usage errors with the general usage; called directly, report them here.
    if (e instanceof UsageError && !isCliIo(ioIn)) {
      io.err(`engage compose: ${e.message}\n\n${COMPOSE_USAGE}\n`);
      return EXIT_BAD_INPUT;
    }
    throw e;
  }

  const loaded = await settingsOrComplain(args.options.settings, io);
  if (!loaded) return EXIT_BAD_INPUT;
  const { settings, teams } = loaded;
  const { bundles, problems } = await loadBundles(args.positionals, io);

  let failed = false;
  for (const { bundle, source } of bundles) {
    const model = buildTicketModel(bundle);
    const classification = classify(model, teams, settings);
    const location: TicketLocation = { subdomain: args.options.subdomain ?? subdomainOf(bundle) ?? 'engage-preview', ticketId: model.id };
    const privateLink = tracker === 'public' ? findLinkedIssue(model, settings, 'private') : null;
    const decisions: FilingDecisions = defaultDecisions(classification, { kind, tracker, ...(privateLink ? { privateIssueUrl: privateLink.url } : {}) });
    const team = findTeam(teams, decisions.teamId);
    const ctx = { settings, teams, location, classification };

    if (team && !team.takesGithubIssues) {
      const h = composeHandoff(model, decisions, ctx);
      io.out(`${JSON.stringify({ ticket_id: model.id, team: h.teamId, handoff: { channel: h.channel, handle: h.handle, message: h.message } })}\n`);
      continue;
    }
    try {
      const req = composeIssue(model, decisions, {
        ...ctx,
        // The bundle knows more than the model about what is private: the organisation's domains, every user.
        redaction: {
          domains: bundle.organization?.domain_names ?? [],
          people: bundle.users.filter((u) => u.role === 'end-user').map((u) => u.name),
        },
      });
      const out: Record<string, unknown> = { ticket_id: model.id, owner: req.owner, repo: req.repo, title: req.title, body: req.body, labels: req.labels };
      if (req.comments.length > 0) out.comments = req.comments;
      // What was removed, as the sidebar's preview shows it: a secret by its kind only, nothing else with one inside.
      if (req.redactions) out.redactions = req.redactions.map((r) => ({ ...r, original: r.secret ? r.replacement : maskCredentials(r.original) }));
      if (req.masked && req.masked.length > 0) out.masked = req.masked;
      io.out(`${JSON.stringify(out)}\n`);
    } catch (e) {
      if (!(e instanceof ComposeError)) throw e;
      io.err(`engage: ${source}: ticket ${model.id}: ${e.message}\n`);
      failed = true;
    }
  }
  for (const p of problems) io.err(`engage: ${p}\n`);
  if (problems.length) return EXIT_BAD_INPUT;
  return failed ? EXIT_FAILED : EXIT_OK;
}
