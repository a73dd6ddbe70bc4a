// Every real command, through the real Discord layer: each answers a bare invocation in both
// languages with one body Discord accepts, never the generic apology, and autocomplete stays within
// Discord's limits even for empty or hostile input.
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create.js';
import { commands } from '../../src/commands/index.js';
import { createRouter } from '../../src/discord/router.js';
import { t } from '../../src/discord/messages.js';
import { createLogger } from '../../src/log.js';
import { LIMITS } from '../../src/render/discord.js';
import { createFakeDiscord, type Sent } from '../helpers/discord.js';

const app = createApp({ now: () => new Date('2025-06-01T00:00:00Z'), seed: 1, databasePath: ':memory:' });
const errors: string[] = [];
const log = createLogger({ level: 'error', write: (line) => errors.push(line) });
const router = createRouter(app, commands, { log });
const discord = createFakeDiscord();
const apologies = new Set([t('en', 'failed'), t('zh-CN', 'failed')]);
afterAll(() => app.quiz.close());

function expectAcceptableBody(sent: Sent | undefined): void {
  expect(sent?.kind).toBe('reply');
  const data = sent?.data as { content?: string; embeds: unknown[]; components: unknown[]; allowed_mentions: unknown };
  expect(data.allowed_mentions).toEqual({ parse: [] });
  expect(apologies.has(data.content ?? '')).toBe(false);
  expect(Boolean(data.content) || data.embeds.length > 0).toBe(true);
  expect(Array.from(data.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  expect(data.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  expect(data.components.length).toBeLessThanOrEqual(LIMITS.actionRows);
}

describe.each(['en-US', 'zh-CN'])('every command in %s', (locale) => {
  it.each(commands.map((c) => [c.definition.name, c] as const))('%s answers', async (_name, command) => {
    const { definition } = command;
    const interaction =
      definition.type === 'message'
        ? discord.messageContext(definition.name, 'How many sister cities does Wuhan have?', {
            locale,
            guildLocale: locale,
          })
        : discord.chatInput(
            definition.name,
            {},
            {
              locale,
              guildLocale: locale,
              ...(definition.subcommands?.[0] ? { subcommand: definition.subcommands[0].name } : {}),
            },
          );
    await router.handle(interaction);
    const sent = discord.recorded(interaction);
    expect(sent).toHaveLength(1);
    expectAcceptableBody(sent[0]);
    expect(errors).toEqual([]);
  });
});

const autocompleted = commands.flatMap(({ definition }) =>
  [...(definition.options ?? []), ...(definition.subcommands ?? []).flatMap((s) => s.options ?? [])]
    .filter((o) => o.autocomplete)
    .map((o) => [definition.name, o.name] as const),
);

describe('autocomplete', () => {
  it.each(
    autocompleted.flatMap(([command, option]) =>
      ['', 'a', 'dui', '杜', '@everyone', '\u200b', 'x'.repeat(6000)].map((typed) => [command, option, typed] as const),
    ),
  )('/%s %s answers %j within limits', async (command, option, typed) => {
    const interaction = discord.autocomplete(command, option, { [option]: typed });
    await router.handle(interaction);
    const [sent, ...rest] = discord.recorded(interaction);
    expect(rest).toEqual([]);
    expect(sent?.kind).toBe('autocomplete');
    const choices = sent?.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(Array.from(choice.name).length).toBeGreaterThan(0);
      expect(Array.from(choice.name).length).toBeLessThanOrEqual(100);
      expect(Array.from(choice.value).length).toBeLessThanOrEqual(100);
    }
    expect(errors).toEqual([]);
  });
});
