// The HTTP transport feeds payloads to discord.js's private client.actions.InteractionCreate
// (src/discord/interaction-adapter.ts). If a discord.js upgrade moves or changes it, these fail
// first and say where to look, instead of every HTTP interaction failing at run time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Events, type Interaction, version } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { interactionEmitter } from '../../src/discord/interaction-adapter.js';
import { REPO_ROOT } from '../fake-discord/bot.js';
import { buttonPayload, chatInputPayload } from '../helpers/discord.js';

let client: Client | undefined;
afterEach(async () => {
  await client?.destroy();
  client = undefined;
});

function emitted(payload: unknown): Interaction[] {
  client = new Client({ intents: [] });
  const seen: Interaction[] = [];
  client.on(Events.InteractionCreate, (interaction) => seen.push(interaction));
  interactionEmitter(client)(payload);
  return seen;
}

describe("discord.js's private InteractionCreate action, as the HTTP transport uses it", () => {
  it('turns a slash command payload into a ChatInputCommandInteraction, emitted at once', () => {
    const payload = chatInputPayload('city', { name: 'Duisburg' }, { locale: 'zh-CN' });
    const [interaction] = emitted(payload);
    expect(interaction?.isChatInputCommand()).toBe(true);
    if (!interaction?.isChatInputCommand()) return;
    expect(interaction.id).toBe(payload.id);
    expect(interaction.commandName).toBe('city');
    expect(interaction.options.getString('name')).toBe('Duisburg');
    expect(interaction.locale).toBe('zh-CN');
    expect(interaction.token).toBe(payload.token);
  });

  it('turns a button payload into a ButtonInteraction', () => {
    const [interaction] = emitted(buttonPayload('timeline:p:::2'));
    expect(interaction?.isButton()).toBe(true);
    if (interaction?.isButton()) expect(interaction.customId).toBe('timeline:p:::2');
  });

  it('says which file to update when the action is gone', () => {
    const bare = { actions: {} } as unknown as Client;
    expect(() => interactionEmitter(bare)).toThrow(/src\/discord\/interaction-adapter\.ts/);
  });

  it('runs on the discord.js version it was checked against: package.json pins ~14.28', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies['discord.js']).toMatch(/^~14\.28\./);
    expect(version).toMatch(/^14\.28\./);
  });
});
