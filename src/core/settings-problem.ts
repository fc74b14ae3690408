// What is wrong with a setting, as a message an admin reads in their own language (the sidebar's settings alert)
// or in English (the CLI). The checks (settings.ts, teams/override-schema.ts) are zod/mini, which loads no locale:
// each check's error is one of the codes below (`code` or `code:number` for a limit), turned into a message here.
import { msg, type Message } from './types/message.ts';

/** The codes a check may give as its error; anything else (zod's own fallback) becomes "is not valid". */
export function problemMessage(code: string): Message {
  const [name, n] = code.split(':');
  const max = Number(n);
  switch (name) {
    case 'text':
      return msg('deferred.settings_problem.text');
    case 'repo':
      return msg('deferred.settings_problem.repo');
    case 'repo_name':
      return msg('deferred.settings_problem.repo_name');
    case 'url':
      return msg('deferred.settings_problem.url');
    case 'url_scheme':
      return msg('deferred.settings_problem.url_scheme');
    case 'empty':
      return msg('deferred.settings_problem.empty');
    case 'too_long':
      return msg('deferred.settings_problem.too_long', { max });
    case 'comma':
      return msg('deferred.settings_problem.comma');
    case 'field_id':
      return msg('deferred.settings_problem.field_id');
    case 'checkbox':
      return msg('deferred.settings_problem.checkbox');
    case 'status':
      return msg('deferred.settings_problem.status');
    case 'too_many_keywords':
      return msg('deferred.settings_problem.too_many_keywords', { max });
    case 'team_id':
      return msg('deferred.settings_problem.team_id');
    case 'label_empty':
      return msg('deferred.settings_problem.label_empty');
    case 'label_too_long':
      return msg('deferred.settings_problem.label_too_long', { max });
    case 'slack_channel':
      return msg('deferred.settings_problem.slack_channel');
    case 'url_or_empty':
      return msg('deferred.settings_problem.url_or_empty');
    default:
      return msg('deferred.settings_problem.invalid');
  }
}
