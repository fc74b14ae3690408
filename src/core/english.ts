// The core's messages in English, for the readers that do not choose a language: the GitHub issue and the Slack
// hand-off (engineering reads them) and the CLI. The words come from translations/en.json, the catalogue the sidebar
// translates from, so English is written once.
import { ui } from '../../translations/en.json';
import deferredSection from '../../translations/en.json?section=deferred';
import { formatMessage, type Message } from './types/message.ts';
import { createTranslator, type Dictionary } from './translate.ts';

// The `deferred` strings (checklist hints, settings problems) are read after the sidebar's first paint, so the
// bundler hands over that section alone, outside the entry. Node (the CLI runs on tsx) ignores the query and hands
// over the whole file: then the section is its `deferred` member.
const deferred = ((deferredSection as Dictionary)['deferred'] as Dictionary | undefined) ?? (deferredSection as Dictionary);
const translate = createTranslator('en', { ui: ui as Dictionary, deferred }, undefined);

export function english(message: Message): string {
  return formatMessage(message, translate);
}
