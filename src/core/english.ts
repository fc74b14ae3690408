// The core's messages in English, for the readers that do not choose a language: the GitHub issue and the Slack
// hand-off (engineering reads them) and the CLI. The words come from translations/en.json, the catalogue the sidebar
// translates from, so English is written once.
import { ui } from '../../translations/en.json';
import { formatMessage, type Message } from './types/message.ts';
import { createTranslator, type Dictionary } from './translate.ts';

const translate = createTranslator('en', { ui: ui as Dictionary }, undefined);

export function english(message: Message): string {
  return formatMessage(message, translate);
}
