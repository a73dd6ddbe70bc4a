// discord.js turns a raw interaction payload into its Interaction classes (and emits
// Events.InteractionCreate) inside a private action, client.actions.InteractionCreate, which its
// gateway code calls. The HTTP transport receives payloads over HTTP and feeds them to the same
// action, so both transports hand the router identical objects. This file is the only place that
// touches the private API; test/discord/interaction-adapter.test.ts fails loudly if a discord.js
// upgrade moves or changes it. discord.js stays pinned to ~14.28 in package.json until then.
import { type Client, version } from 'discord.js';

/** Builds the interaction for `payload` and emits it on the client; throws if the payload is malformed. */
export type EmitInteraction = (payload: unknown) => void;

export function interactionEmitter(client: Client): EmitInteraction {
  const action = (client as unknown as { actions?: { InteractionCreate?: { handle?: unknown } } }).actions
    ?.InteractionCreate;
  const handle = action?.handle;
  if (typeof handle !== 'function') {
    throw new Error(
      `discord.js ${version} has no client.actions.InteractionCreate.handle(): the HTTP transport's adapter (src/discord/interaction-adapter.ts) needs updating`,
    );
  }
  return (payload) => {
    handle.call(action, payload);
  };
}
