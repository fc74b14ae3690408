// What the core says to a person, as a key and its parameters rather than as English: the sidebar translates it into
// the agent's language (ui/logic/i18n.ts), while the GitHub issue and the CLI, which engineering reads, render the
// same key from the English catalogue (core/english.ts). One catalogue, translations/<locale>.json, holds every word.
//
// `MESSAGE_PARAMS` is the list of every key the core can produce, with the parameters its text may use: the types
// below are derived from it, and a unit test checks every shipped locale against it (a missing key or parameter
// fails the build, not the agent). Keys are full catalogue paths: `ui.*` for what the first view shows (the why
// line, the priority reasons), `deferred.*` for what is read after the first paint (checklist hints, settings
// problems), a section loaded on its own (ui/logic/deferred-i18n.ts). A key whose parameters include `count` is a
// plural: the catalogues hold `<key>_one` and `<key>_other` (the i18n picks the form by the locale's plural rules;
// the count itself may go unsaid in a form). Only the producers' calls to `msg` reach the sidebar's bundle; this
// table is read by types and tests.

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
  'ui.reason.zendesk_value.urgent': [],
  'ui.reason.zendesk_value.high': [],
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
  'deferred.hint.environment.found': ['versions', 'kinds'],
  'deferred.hint.environment.no_version': ['kinds'],
  'deferred.hint.environment.no_deployment': ['versions'],
  'deferred.hint.environment.missing': [],
  'deferred.hint.deployment.docker_compose': [],
  'deferred.hint.deployment.single_container': [],
  'deferred.hint.deployment.helm': [],
  'deferred.hint.deployment.kubernetes': [],
  'deferred.hint.deployment.cloud': [],
  'deferred.hint.repro.found': ['parts'],
  'deferred.hint.repro.no_steps': ['parts'],
  'deferred.hint.repro.no_artifacts': ['parts'],
  'deferred.hint.repro.missing': [],
  'deferred.hint.repro.numbered_steps': ['count'],
  'deferred.hint.repro.listed_steps': ['count'],
  'deferred.hint.repro.steps_described': [],
  'deferred.hint.repro.screenshots': ['count'],
  'deferred.hint.repro.log_files': ['count'],
  'deferred.hint.repro.error_output': [],
  'deferred.hint.repro.output_pasted': [],
  'deferred.hint.recent_changes.found': ['changes'],
  'deferred.hint.recent_changes.nothing_changed': ['words'],
  'deferred.hint.recent_changes.missing': [],
  'deferred.hint.impact.found': ['words'],
  'deferred.hint.impact.missing': [],
  'deferred.hint.urgency.not_urgent': ['words'],
  'deferred.hint.urgency.urgent': ['words'],
  'deferred.hint.urgency.timeline': ['words'],
  'deferred.hint.urgency.internal_note': [],
  'deferred.hint.urgency.sales': ['reason'],
  'deferred.hint.urgency.zendesk_priority': ['priority'],
  'deferred.hint.urgency.summary': ['parts'],
  'deferred.hint.urgency.missing': [],
  'deferred.hint.teammates.found': ['words'],
  'deferred.hint.teammates.missing': [],
  // What is wrong with a setting (setting-problem.ts, teams/overrides.ts), for the admin.
  'deferred.settings_problem.several': ['problems'],
  'deferred.settings_problem.text': [],
  'deferred.settings_problem.repo': [],
  'deferred.settings_problem.repo_name': [],
  'deferred.settings_problem.url': [],
  'deferred.settings_problem.url_scheme': [],
  'deferred.settings_problem.empty': [],
  'deferred.settings_problem.too_long': ['max'],
  'deferred.settings_problem.comma': [],
  'deferred.settings_problem.field_id': [],
  'deferred.settings_problem.checkbox': [],
  'deferred.settings_problem.status': [],
  'deferred.settings_problem.too_many_keywords': ['max'],
  'deferred.settings_problem.team_id': [],
  'deferred.settings_problem.label_empty': [],
  'deferred.settings_problem.label_too_long': ['max'],
  'deferred.settings_problem.slack_channel': [],
  'deferred.settings_problem.url_or_empty': [],
  'deferred.settings_problem.invalid': [],
  'deferred.settings_problem.overrides.json': ['error'],
  'deferred.settings_problem.overrides.shape': [],
  'deferred.settings_problem.overrides.unknown_top': ['count', 'fields'],
  'deferred.settings_problem.overrides.ignored': ['problem'],
  'deferred.settings_problem.overrides.duplicate': ['where', 'id'],
  'deferred.settings_problem.overrides.name_required': ['where', 'id'],
  'deferred.settings_problem.overrides.keywords_required': ['where', 'id'],
  'deferred.settings_problem.overrides.label_required': ['where'],
  'deferred.settings_problem.overrides.at': ['where', 'problem'],
  'deferred.settings_problem.overrides.type': ['where', 'expected'],
  'deferred.settings_problem.overrides.unknown_fields': ['where', 'count', 'fields'],
  'deferred.settings_problem.overrides.type_name.string': [],
  'deferred.settings_problem.overrides.type_name.boolean': [],
  'deferred.settings_problem.overrides.type_name.array': [],
  'deferred.settings_problem.overrides.type_name.object': [],
  'deferred.settings_problem.overrides.type_name.number': [],
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
