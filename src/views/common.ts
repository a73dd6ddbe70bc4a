// Replies several commands share.
import type { Locale } from '../i18n/index.js';
import { t } from './common.messages.js';
import type { Reply } from './reply.js';

/** A button or menu from an older message, or a custom_id that does not parse. */
export function staleChoiceReply(locale: Locale): Reply {
  return { content: t(locale, 'staleChoice'), ephemeral: true };
}
