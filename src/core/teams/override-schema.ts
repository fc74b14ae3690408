// What one `routing_overrides` team entry may say, checked with `zod/mini` (tree-shakable, see settings.ts). It loads
// no locale, so every check that can fail carries its message here and `issueText` words the structural ones
// (wrong type, unknown field) for an admin reading them in the sidebar.
import * as z from 'zod/mini';

// Built on first use: most installs have no overrides, so the first view need not pay for constructing it.
function makeOverrideSchema() {
  const keywordList = z.array(
    z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(80, 'must be at most 80 characters')),
  ).check(z.maxLength(500, 'must list at most 500 keywords'));

  /** A non-empty trimmed string of at most `max` characters. */
  const shortText = (max: number) =>
    z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`));

  return z.strictObject({
    id: z
      .string()
      .check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and hyphens (e.g. "search-core"), at most 40 characters')),
    name: z.optional(shortText(80)),
    keywords: z.optional(keywordList),
    addKeywords: z.optional(keywordList),
    removeKeywords: z.optional(keywordList),
    githubLabel: z.optional(
      z.nullable(
        z.string().check(
          z.trim(),
          z.minLength(1, 'must not be empty (use null for a team that takes no GitHub issue)'),
          z.maxLength(50, 'must be at most 50 characters (GitHub label limit)'),
          z.regex(/^[^,]*$/, 'must not contain a comma'),
        ),
      ),
    ),
    slackChannel: z.optional(z.string().check(z.trim(), z.regex(/^#[\w.-]{1,80}$/, 'must look like "#channel-name"'))),
    slackHandle: z.optional(shortText(120)),
    handbookUrl: z.optional(
      z.string().check(z.trim(), z.refine((v: string) => v === '' || /^https?:\/\/\S+$/.test(v), 'must be an http(s) URL or empty')),
    ),
    takesGithubIssues: z.optional(z.boolean()),
  });
}

let overrideSchema: ReturnType<typeof makeOverrideSchema> | undefined;

export type TeamOverride = z.output<ReturnType<typeof makeOverrideSchema>>;

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  number: 'a number',
};

function issueText(issue: z.core.$ZodIssue, prefix: string): string {
  const where = prefix + issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    return `${where} must be ${expected}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `${where} has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (known: id, name, keywords, addKeywords, removeKeywords, githubLabel, slackChannel, slackHandle, handbookUrl, takesGithubIssues)`;
  }
  return `${where} ${issue.message}`;
}

/** One entry checked: the override, or what is wrong with it, each line starting with `where` (e.g. `teams[2]`). */
export function parseOverride(entry: unknown, where: string): { ok: true; override: TeamOverride } | { ok: false; problems: string[] } {
  const parsed = (overrideSchema ??= makeOverrideSchema()).safeParse(entry);
  if (parsed.success) return { ok: true, override: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => issueText(issue, where)) };
}
