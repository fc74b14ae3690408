// What the core says to a person, as a key and its parameters rather than as English: the sidebar translates it into
// the agent's language (ui/logic/i18n.ts), while the GitHub issue and the CLI, which engineering reads, render the
// same key from the English catalogue (english.ts). One catalogue, translations/<locale>.json, holds every word.
//
// `MESSAGE_PARAMS` is the list of every key the core can produce, with the parameters its text may use: the types
// below are derived from it, and a unit test checks every shipped locale against it (a missing key or parameter
// fails the build, not the agent). Keys are full catalogue paths. A key whose parameters include `count` is a plural:
// the catalogues hold `<key>_one` and `<key>_other` (the i18n picks the form by the locale's plural rules).
// Only the producers' calls to `msg` reach the sidebar's bundle; this table is read by types and tests.

export const MESSAGE_PARAMS = {
  // The why line (router.ts): the team, the customer's matched words, where they were, and the rules that applied.
  'ui.why.match': ['team', 'words', 'fields'],
  'ui.why.match_rules': ['team', 'words', 'fields', 'rules'],
  'ui.why.no_match': ['team'],
  'ui.why.no_keywords': [],
  'ui.why.fields_two': ['first', 'second'],
  'ui.why.field.subject': [],
  'ui.why.field.customer': [],
  'ui.why.field.agent': [],
  'ui.why.field.internal': [],
  'ui.why.field.attachment': [],
  'ui.why.field.organization': [],
  'ui.why.field.tags': [],
  'ui.why.rule.alert': ['alert'],
  'ui.why.rule.batch_beats_codehost': ['term'],
  'ui.why.rule.codehost_integration': ['term'],
  'ui.why.rule.codehost_sync': ['term'],
  'ui.why.rule.env_only': ['term'],
  'ui.why.rule.perf_search': [],
  'ui.why.rule.perf_deploy': [],
  'ui.why.rule.monitoring': [],
  // Priority reasons (priority.ts): the base level first, then what raised it (or why it was not raised).
  'ui.reason.base': ['label'],
  'ui.reason.outage': ['at'],
  'ui.reason.outage_words': ['at', 'words'],
  'ui.reason.feature': ['at'],
  'ui.reason.feature_words': ['at', 'words'],
  'ui.reason.business': ['at', 'words'],
  'ui.reason.severe': ['at', 'signals'],
  'ui.reason.partial': ['at'],
  'ui.reason.partial_only': ['at', 'signals'],
  'ui.reason.not_urgent': ['signal'],
  'ui.reason.labelled': ['label', 'words'],
  'ui.reason.signal.production': [],
  'ui.reason.signal.breadth': [],
  'ui.reason.signal.urgency': [],
  'ui.reason.signal.not_urgent': [],
  'ui.reason.zendesk_priority': ['priority'],
  'ui.reason.sales_process': ['signals'],
  'ui.reason.raised': ['label', 'why'],
  'ui.reason.not_raised': ['why'],
  'ui.reason.stays': ['label', 'why', 'outage'],
  'ui.reason.already': ['label', 'why'],
  // Where the ticket says the customer is in a sales process (priority.ts).
  'ui.sales.mentions': ['words'],
  'ui.sales.ticket_tag': ['tags'],
  'ui.sales.org_tag': ['tags'],
  'ui.sales.org_field': ['field', 'value'],
  'ui.sales.lifecycle': ['value'],
  // The checklist hints' summaries (checklist.ts, checklist/teammates.ts).
  'ui.hint.environment.found': ['versions', 'kinds'],
  'ui.hint.environment.no_version': ['kinds'],
  'ui.hint.environment.no_deployment': ['versions'],
  'ui.hint.environment.missing': [],
  'ui.hint.deployment.docker_compose': [],
  'ui.hint.deployment.single_container': [],
  'ui.hint.deployment.helm': [],
  'ui.hint.deployment.kubernetes': [],
  'ui.hint.deployment.cloud': [],
  'ui.hint.repro.found': ['parts'],
  'ui.hint.repro.no_steps': ['parts'],
  'ui.hint.repro.no_artifacts': ['parts'],
  'ui.hint.repro.missing': [],
  'ui.hint.repro.numbered_steps': ['count'],
  'ui.hint.repro.listed_steps': ['count'],
  'ui.hint.repro.steps_described': [],
  'ui.hint.repro.screenshots': ['count'],
  'ui.hint.repro.log_files': ['count'],
  'ui.hint.repro.error_output': [],
  'ui.hint.repro.output_pasted': [],
  'ui.hint.recent_changes.found': ['changes'],
  'ui.hint.recent_changes.nothing_changed': ['words'],
  'ui.hint.recent_changes.missing': [],
  'ui.hint.impact.found': ['words'],
  'ui.hint.impact.missing': [],
  'ui.hint.urgency.not_urgent': ['words'],
  'ui.hint.urgency.urgent': ['words'],
  'ui.hint.urgency.timeline': ['words'],
  'ui.hint.urgency.internal_note': [],
  'ui.hint.urgency.sales': ['reason'],
  'ui.hint.urgency.zendesk_priority': ['priority'],
  'ui.hint.urgency.summary': ['parts'],
  'ui.hint.urgency.missing': [],
  'ui.hint.teammates.found': ['words'],
  'ui.hint.teammates.missing': [],
  // What is wrong with a setting (setting-problem.ts, teams/overrides.ts), for the admin.
  'ui.settings_problem.several': ['problems'],
  'ui.settings_problem.text': [],
  'ui.settings_problem.repo': [],
  'ui.settings_problem.repo_name': [],
  'ui.settings_problem.url': [],
  'ui.settings_problem.url_scheme': [],
  'ui.settings_problem.empty': [],
  'ui.settings_problem.too_long': ['max'],
  'ui.settings_problem.comma': [],
  'ui.settings_problem.field_id': [],
  'ui.settings_problem.checkbox': [],
  'ui.settings_problem.status': [],
  'ui.settings_problem.too_many_keywords': ['max'],
  'ui.settings_problem.team_id': [],
  'ui.settings_problem.label_empty': [],
  'ui.settings_problem.label_too_long': ['max'],
  'ui.settings_problem.slack_channel': [],
  'ui.settings_problem.url_or_empty': [],
  'ui.settings_problem.invalid': [],
  'ui.settings_problem.overrides.json': ['error'],
  'ui.settings_problem.overrides.shape': [],
  'ui.settings_problem.overrides.unknown_top': ['count', 'fields'],
  'ui.settings_problem.overrides.ignored': ['problem'],
  'ui.settings_problem.overrides.duplicate': ['where', 'id'],
  'ui.settings_problem.overrides.name_required': ['where', 'id'],
  'ui.settings_problem.overrides.keywords_required': ['where', 'id'],
  'ui.settings_problem.overrides.label_required': ['where'],
  'ui.settings_problem.overrides.at': ['where', 'problem'],
  'ui.settings_problem.overrides.type': ['where', 'expected'],
  'ui.settings_problem.overrides.unknown_fields': ['where', 'count', 'fields'],
  'ui.settings_problem.overrides.type_name.string': [],
  'ui.settings_problem.overrides.type_name.boolean': [],
  'ui.settings_problem.overrides.type_name.array': [],
  'ui.settings_problem.overrides.type_name.object': [],
  'ui.settings_problem.overrides.type_name.number': [],
} as const satisfies Record<string, readonly string[]>;

export type MessageKey = keyof typeof MESSAGE_PARAMS;

/** Several parameters shown as one, with punctuation between them (the same in every language the app ships). */
export interface MessageList {
  items: readonly MessageParam[];
  separator: '; ' | ', ';
}

/** Customer words and identifiers are strings (never translated), counts numbers, nested texts messages. */
export type MessageParam = string | number | Message | MessageList;

export interface Message<K extends MessageKey = MessageKey> {
  key: K;
  params?: Readonly<Record<string, MessageParam>>;
}

type ParamsOf<K extends MessageKey> = Record<(typeof MESSAGE_PARAMS)[K][number], MessageParam>;

/** A message; the compiler asks for exactly the parameters its key's text uses. */
export function msg<K extends MessageKey>(key: K, ...params: (typeof MESSAGE_PARAMS)[K] extends readonly [] ? [] : [ParamsOf<K>]): Message<K> {
  return params[0] ? { key, params: params[0] } : { key };
}

/** Several messages or words as one parameter. */
export function list(items: readonly MessageParam[], separator: MessageList['separator'] = '; '): MessageList {
  return { items, separator };
}

/** Looks up a catalogue key and fills in its (already rendered) parameters; ui/logic/i18n.ts's `Translate` is one. */
export type MessageTranslate = (key: string, params?: Record<string, string | number>) => string;

function renderParam(p: MessageParam, t: MessageTranslate): string | number {
  if (typeof p === 'string' || typeof p === 'number') return p;
  if ('items' in p) return p.items.map((x) => renderParam(x, t)).join(p.separator);
  return formatMessage(p, t);
}

/** The message in the language of `t`, nested messages included. */
export function formatMessage(m: Message, t: MessageTranslate): string {
  if (!m.params) return t(m.key);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(m.params)) params[name] = renderParam(value, t);
  return t(m.key, params);
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}
