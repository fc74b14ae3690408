// What one `routing_overrides` team entry may say, checked with `zod/mini` (tree-shakable, see settings.ts). It loads
// no locale, so every check that can fail names its problem here (a code of setting-problem.ts) and `issueMessage`
// words the structural ones (wrong type, unknown field), as messages an admin reads in the sidebar's language.
import { msg, type Message } from '../types/message.ts';
import { problemMessage } from '../settings-problem.ts';
import * as z from 'zod/mini';

// Built on first use: most installs have no overrides, so the first view need not pay for constructing it.
function makeOverrideSchema() {
  const keywordList = z.array(
    z.string().check(z.trim(), z.minLength(1, 'empty'), z.maxLength(80, 'too_long:80')),
  ).check(z.maxLength(500, 'too_many_keywords:500'));

  /** A non-empty trimmed string of at most `max` characters. */
  const shortText = (max: number) =>
    z.string().check(z.trim(), z.minLength(1, 'empty'), z.maxLength(max, `too_long:${max}`));

  return z.strictObject({
    id: z
      .string()
      .check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'team_id')),
    name: z.optional(shortText(80)),
    keywords: z.optional(keywordList),
    addKeywords: z.optional(keywordList),
    removeKeywords: z.optional(keywordList),
    githubLabel: z.optional(
      z.nullable(
        z.string().check(
          z.trim(),
          z.minLength(1, 'label_empty'),
          z.maxLength(50, 'label_too_long:50'),
          z.regex(/^[^,]*$/, 'comma'),
        ),
      ),
    ),
    slackChannel: z.optional(z.string().check(z.trim(), z.regex(/^#[\w.-]{1,80}$/, 'slack_channel'))),
    slackHandle: z.optional(shortText(120)),
    handbookUrl: z.optional(
      z.string().check(z.trim(), z.refine((v: string) => v === '' || /^https?:\/\/\S+$/.test(v), 'url_or_empty')),
    ),
    takesGithubIssues: z.optional(z.boolean()),
  });
}

let overrideSchema: ReturnType<typeof makeOverrideSchema> | undefined;

export type TeamOverride = z.output<ReturnType<typeof makeOverrideSchema>>;

const TYPE_NAMES: Record<string, Message> = {
  string: msg('deferred.settings_problem.overrides.type_name.string'),
  boolean: msg('deferred.settings_problem.overrides.type_name.boolean'),
  array: msg('deferred.settings_problem.overrides.type_name.array'),
  object: msg('deferred.settings_problem.overrides.type_name.object'),
  number: msg('deferred.settings_problem.overrides.type_name.number'),
};

function issueMessage(issue: z.core.$ZodIssue, prefix: string): Message {
  const where = prefix + issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  if (issue.code === 'invalid_type') {
    return msg('deferred.settings_problem.overrides.type', { where, expected: TYPE_NAMES[issue.expected] ?? issue.expected });
  }
  if (issue.code === 'unrecognized_keys') {
    return msg('deferred.settings_problem.overrides.unknown_fields', { where, count: issue.keys.length, fields: issue.keys.map((k) => `"${k}"`).join(', ') });
  }
  return msg('deferred.settings_problem.overrides.at', { where, problem: problemMessage(issue.message) });
}

/** One entry checked: the override, or what is wrong with it, each line starting with `where` (e.g. `teams[2]`). */
export function parseOverride(entry: unknown, where: string): { ok: true; override: TeamOverride } | { ok: false; problems: Message[] } {
  const parsed = (overrideSchema ??= makeOverrideSchema()).safeParse(entry);
  if (parsed.success) return { ok: true, override: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => issueMessage(issue, where)) };
}
