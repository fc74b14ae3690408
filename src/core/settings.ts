// App settings: the manifest parameters as ZAF hands them over (`client.metadata().settings`, all strings or
// booleans, empty string when unset), validated one by one. A bad value never breaks the panel: it falls back to
// the default and produces one problem naming the setting, which the sidebar shows as an alert.
// The GitHub token is a secure setting: it is never in `metadata.settings` and so never appears here.
//
// Validation uses zod's functional build `zod/mini`: it tree-shakes to the few checks used here, where `zod`'s
// method-chaining API drags the whole library (and, as `import { z }`, every locale) into the first view. zod/mini
// loads no locale, so every check that can fail names its own problem below, as a code that setting-problem.ts turns
// into a message (translated in the sidebar, English in the CLI).
import { list, msg, type Message } from './types/message.ts';
import { problemMessage } from './settings-problem.ts';
import * as z from 'zod/mini';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface Settings {
  githubApiUrl: string;
  privateRepo: RepoRef;
  publicRepo: RepoRef;
  labels: { rfh: string; priorityPrefix: string; customerPrefix: string };
  /** Raw JSON of the routing overrides; `buildCatalogue` (teams.ts) validates and applies it. */
  routingOverrides: string;
  /** Ticket or organisation tags that mark a customer in a sales process (trial, POC, evaluation...). */
  salesProcessTags: string[];
  /** Organisation field (key in `organization_fields`) whose value names the lifecycle stage, if any. */
  salesProcessOrgField: string | null;
  /** Optional ticket field ids (Zendesk custom fields). */
  fields: {
    lifecycle: number | null;
    engineeringTeam: number | null;
    officialPriority: number | null;
    linkedIssue: number | null;
  };
  requireChecklist: boolean;
  statusAfterFiling: 'none' | 'hold';
}

export interface SettingProblem {
  /** The manifest parameter name, e.g. `private_repository`. */
  setting: string;
  message: Message;
}

/** Manifest parameter names, in the order the manifest lists them (the token is first and secure). */
export const PARAMETER_NAMES = [
  'github_token',
  'github_api_url',
  'private_repository',
  'public_repository',
  'label_rfh',
  'label_priority_prefix',
  'label_customer_prefix',
  'routing_overrides',
  'sales_process_tags',
  'sales_process_org_field',
  'lifecycle_field_id',
  'engineering_team_field_id',
  'official_priority_field_id',
  'linked_issue_field_id',
  'require_checklist',
  'status_after_filing',
] as const;
export type ParameterName = (typeof PARAMETER_NAMES)[number];

export const DEFAULT_SETTINGS: Settings = {
  githubApiUrl: 'https://api.github.com',
  privateRepo: { owner: 'sourcegraph', repo: 'customer' },
  publicRepo: { owner: 'sourcegraph', repo: 'sourcegraph' },
  labels: { rfh: 'rfh', priorityPrefix: 'ce/', customerPrefix: 'customer/' },
  routingOverrides: '',
  salesProcessTags: ['trial', 'poc', 'evaluation', 'pre-sales', 'presales', 'prospect'],
  salesProcessOrgField: null,
  fields: { lifecycle: null, engineeringTeam: null, officialPriority: null, linkedIssue: null },
  requireChecklist: true,
  statusAfterFiling: 'none',
};

/**
 * The checks, built on first use rather than when the module loads: building zod schemas is most of their cost,
 * and the sidebar's first-view chunk loads while Zendesk's registration waits for the main thread.
 */
function buildSchemas() {
  /** Text as ZAF gives it: trimmed; unset (undefined, null, '') means "use the default". */
  const text = z.pipe(
    z.union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()], { error: 'text' }),
    z.transform((v: string | number | boolean | null | undefined) => (v === null || v === undefined ? '' : String(v).trim())),
  );

  // GitHub's rules: owner 1-39 chars of letters, digits, hyphens; repo 1-100 of letters, digits, `.`, `-`, `_`.
  const repoSchema = z.pipe(
    text,
    z.pipe(
      z.string().check(
        z.regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, 'repo'),
        z.refine((v: string) => !v.endsWith('/.') && !v.endsWith('/..'), 'repo_name'),
      ),
      z.transform((v: string): RepoRef => {
        const [owner, repo] = v.split('/') as [string, string];
        return { owner, repo };
      }),
    ),
  );

  const urlSchema = z.pipe(
    text,
    z.pipe(
      z.string().check(
        z.url('url'),
        z.refine((v: string) => /^https?:\/\//.test(v), 'url_scheme'),
      ),
      z.transform((v: string) => v.replace(/\/+$/, '')),
    ),
  );

  // GitHub label names are at most 50 characters; the prefixes leave room for what follows them.
  const labelSchema = (max: number) =>
    z.pipe(
      text,
      z.string().check(
        z.minLength(1, 'empty'),
        z.maxLength(max, `too_long:${max}`),
        z.regex(/^[^,]*$/, 'comma'),
      ),
    );

  const fieldIdSchema = z.pipe(
    text,
    z.pipe(
      z.string().check(z.regex(/^\d+$/, 'field_id')),
      z.transform((v: string) => Number(v)),
    ),
  );

  const CHECKBOX_WORDS = new Map<string, boolean>([
    ['true', true], ['1', true], ['yes', true],
    ['false', false], ['0', false], ['no', false],
  ]);

  /** A checkbox, or the words an admin may type for one; anything else is left as is for `z.boolean` to refuse. */
  const checkboxSchema = z.pipe(
    z.pipe(
      z.union([z.boolean(), z.string(), z.number(), z.null(), z.undefined()], { error: 'checkbox' }),
      z.transform((v: boolean | string | number | null | undefined): unknown =>
        typeof v === 'boolean' ? v : (CHECKBOX_WORDS.get(String(v).trim().toLowerCase()) ?? v),
      ),
    ),
    z.boolean({ error: 'checkbox' }),
  );

  const listSchema = z.pipe(
    text,
    z.transform((v: string) =>
      v
        .split(/[,\s]+/)
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  );

  const statusSchema = z.pipe(text, z.enum(['none', 'hold'], { error: 'status' }));

  return {
    text,
    repo: repoSchema,
    url: urlSchema,
    label50: labelSchema(50),
    label40: labelSchema(40),
    label30: labelSchema(30),
    fieldId: fieldIdSchema,
    checkbox: checkboxSchema,
    list: listSchema,
    status: statusSchema,
  };
}

let schemas: ReturnType<typeof buildSchemas> | null = null;

function isUnset(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Validate the raw settings. Each parameter is checked on its own so one bad value costs only itself:
 * it is reported and replaced by its default, and everything else still applies.
 */
export function parseSettings(raw: Record<string, unknown> | null | undefined): {
  settings: Settings;
  problems: SettingProblem[];
} {
  const input = raw ?? {};
  const problems: SettingProblem[] = [];
  const check = (schemas ??= buildSchemas());
  const s: Settings = structuredClone(DEFAULT_SETTINGS);

  function take<T>(name: ParameterName, schema: z.ZodMiniType<T, unknown>, apply: (v: T) => void): void {
    const value = input[name];
    if (isUnset(value) && name !== 'require_checklist') return;
    if (name === 'require_checklist' && (value === undefined || value === null || value === '')) return;
    const result = schema.safeParse(value);
    if (result.success) apply(result.data);
    else {
      const found = result.error.issues.map((i) => problemMessage(i.message));
      problems.push({ setting: name, message: found.length === 1 && found[0] ? found[0] : msg('deferred.settings_problem.several', { problems: list(found) }) });
    }
  }

  take('github_api_url', check.url, (v) => (s.githubApiUrl = v));
  take('private_repository', check.repo, (v) => (s.privateRepo = v));
  take('public_repository', check.repo, (v) => (s.publicRepo = v));
  take('label_rfh', check.label50, (v) => (s.labels.rfh = v));
  take('label_priority_prefix', check.label40, (v) => (s.labels.priorityPrefix = v));
  take('label_customer_prefix', check.label30, (v) => (s.labels.customerPrefix = v));
  take('routing_overrides', check.text, (v) => (s.routingOverrides = v));
  take('sales_process_tags', check.list, (v) => (s.salesProcessTags = v));
  take('sales_process_org_field', check.text, (v) => (s.salesProcessOrgField = v || null));
  take('lifecycle_field_id', check.fieldId, (v) => (s.fields.lifecycle = v));
  take('engineering_team_field_id', check.fieldId, (v) => (s.fields.engineeringTeam = v));
  take('official_priority_field_id', check.fieldId, (v) => (s.fields.officialPriority = v));
  take('linked_issue_field_id', check.fieldId, (v) => (s.fields.linkedIssue = v));
  take('require_checklist', check.checkbox, (v) => (s.requireChecklist = v));
  take('status_after_filing', check.status, (v) => (s.statusAfterFiling = v));

  return { settings: s, problems };
}

/** The label for a priority level with the configured prefix, e.g. `ce/p1`. */
export function priorityLabel(settings: Settings, level: 0 | 1 | 2 | 3): string {
  return `${settings.labels.priorityPrefix}p${level}`;
}
