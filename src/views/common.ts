// Replies, and parts of replies, that several commands share.
import type { Locale } from '../i18n/index.js';
import { t } from './common.messages.js';
import type { Action, Reply, SelectAction } from '../reply/reply.js';

/** Discord shows at most this many options in a select. */
const MENU_OPTIONS_MAX = 25;

/** A button or menu from an older message, or a custom_id that does not parse. */
export function staleChoiceReply(locale: Locale): Reply {
  return { content: t(locale, 'staleChoice'), ephemeral: true };
}

/** A did-you-mean menu, whose custom_id says which command answers the pick; no menu without options. */
export function pickMenu(customId: string, placeholder: string, options: SelectAction['options']): Action[][] {
  if (!options.length) return [];
  return [[{ type: 'select', customId, placeholder, options: options.slice(0, MENU_OPTIONS_MAX) }]];
}
