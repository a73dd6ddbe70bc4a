// Interaction payloads as Discord sends them, for the fake gateway. Commands reuse the builders of
// test/helpers/discord.ts; components are built from a message the bot really sent, and only for a
// button or select that message shows and that is enabled, as a user's Discord client would.
import type { APIMessage, APIMessageComponentInteraction } from 'discord-api-types/v10';
import { buttonPayload, selectPayload, type InteractionOptions } from '../helpers/discord.js';

export {
  autocompletePayload,
  chatInputPayload,
  messageContextPayload,
  type InteractionOptions,
  type OptionInput,
} from '../helpers/discord.js';

export interface ComponentView {
  type: number;
  custom_id?: string;
  label?: string;
  disabled?: boolean;
  options?: { label: string; value: string }[];
}

/** Every button and select on a message, row by row flattened. */
export function componentsOf(message: Pick<APIMessage, 'components'>): ComponentView[] {
  return (message.components ?? []).flatMap((row) => (row as { components?: ComponentView[] }).components ?? []);
}

function find(message: APIMessage, type: number, customId: string | ((c: ComponentView) => boolean)): ComponentView {
  const accept = typeof customId === 'string' ? (c: ComponentView) => c.custom_id === customId : customId;
  const component = componentsOf(message).find((c) => c.type === type && accept(c));
  const kind = type === 2 ? 'button' : 'select';
  if (!component?.custom_id) {
    const shown = componentsOf(message)
      .map((c) => c.custom_id ?? c.label)
      .join(', ');
    throw new Error(`message ${message.id} has no such ${kind} (it shows: ${shown || 'nothing'})`);
  }
  if (component.disabled) throw new Error(`the ${kind} ${component.custom_id} on message ${message.id} is disabled`);
  return component;
}

/** A user clicks a button on `message`: by custom_id, or the first button `accept` takes. */
export function clickPayload(
  message: APIMessage,
  button: string | ((c: ComponentView) => boolean),
  opts: InteractionOptions = {},
): APIMessageComponentInteraction {
  const { custom_id } = find(message, 2, button);
  return buttonPayload(custom_id!, { ...opts, channelId: message.channel_id, message });
}

/** A user picks `values` in a select menu on `message`. */
export function choosePayload(
  message: APIMessage,
  select: string | ((c: ComponentView) => boolean),
  values: string[],
  opts: InteractionOptions = {},
): APIMessageComponentInteraction {
  const component = find(message, 3, select);
  const offered = new Set(component.options?.map((o) => o.value));
  const missing = values.filter((v) => !offered.has(v));
  if (missing.length) throw new Error(`select ${component.custom_id} does not offer ${missing.join(', ')}`);
  return selectPayload(component.custom_id!, values, { ...opts, channelId: message.channel_id, message });
}
