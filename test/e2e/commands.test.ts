// The running bot (`npm start`, the real discord.js client) against the fake Discord: every command
// in both languages, autocomplete, the did-you-mean select, pagination, stale buttons, REST faults,
// and `npm run deploy`. The fake refuses any acknowledgement later than Discord's 3 seconds, so each
// answer here also arrived in time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { parseCommandLine } from '../../src/console/parse.js';
import { toApplicationCommands } from '../../src/discord/definitions.js';
import { BotProcess, startBot, temporaryDatabasePath } from '../fake-discord/bot.js';
import {
  autocompletePayload,
  chatInputPayload,
  choosePayload,
  clickPayload,
  componentsOf,
  messageContextPayload,
  type InteractionOptions,
  type OptionInput,
} from '../fake-discord/payloads.js';
import { startFakeDiscord, type Exchange, type FakeDiscord } from '../fake-discord/server.js';

const ZH: InteractionOptions = { locale: 'zh-CN', guildLocale: 'zh-CN' };

let discord: FakeDiscord;
let bot: BotProcess;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  discord = await startFakeDiscord();
  bot = await startBot(discord);
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

/** Dispatch an interaction and return what the user ends up seeing. */
async function ask(payload: Parameters<FakeDiscord['dispatchInteraction']>[0]) {
  const exchange = await discord.dispatchInteraction(payload);
  exchanges.push(exchange);
  const answer = await exchange.answer();
  return { exchange, answer, data: answer.data, message: discord.messages.get(answer.messageId ?? '') };
}

const slash = (name: string, options: Record<string, OptionInput> = {}, opts: InteractionOptions = {}) =>
  ask(chatInputPayload(name, options, opts));

/** Everything a user reads in a message body, joined. */
function text(data: {
  content?: string;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
}) {
  return [
    data.content ?? '',
    ...(data.embeds ?? []).flatMap((e) => [
      e.title,
      e.description,
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ]
    .filter(Boolean)
    .join('\n');
}

describe('slash commands', () => {
  it('answers every example /help shows, for every command the bot registers', async () => {
    const examples = commands.flatMap((c) => c.examples ?? []);
    expect(examples.length).toBeGreaterThanOrEqual(commands.length - 1); // the message command has none
    for (const example of examples) {
      const { command, input } = parseCommandLine(example, commands);
      const options: Record<string, OptionInput> = {};
      for (const [name, value] of Object.entries(input.options)) {
        options[name] = typeof value === 'object' ? { user: { id: value.id, username: value.name } } : value;
      }
      const { data } = await slash(
        command.definition.name,
        options,
        input.subcommand ? { subcommand: input.subcommand } : {},
      );
      expect(text(data), example).not.toMatch(/Something went wrong|no longer know this command/);
      expect(text(data).length, example).toBeGreaterThan(0);
    }
    // An example started a quiz in the channel; end it so it posts nothing more.
    await slash('quiz', {}, { subcommand: 'stop' });
  });

  it('/city answers with the city card and its map, in the server’s language', async () => {
    const en = await slash('city', { name: 'Duisburg' });
    expect(en.answer.type).toBe(4);
    expect(en.data.embeds[0].title).toContain('Duisburg');
    expect(en.data.allowed_mentions).toEqual({ parse: [] });
    // The map travels as a file of the callback (multipart), and the card shows it.
    const [map] = en.data._files;
    expect(map).toMatchObject({ key: 'files[0]', name: expect.stringMatching(/\.png$/) });
    expect(en.data.embeds[0].image.url).toBe(`attachment://${map.name}`);
    const zh = await slash('city', { name: '杜伊斯堡' }, ZH);
    expect(zh.data.embeds[0].title).toContain('杜伊斯堡');
  });

  it('/count, /timeline, /country, /cooperation, /about and /help answer in English and Chinese', async () => {
    const cases: [string, Record<string, OptionInput>, RegExp, RegExp][] = [
      ['count', {}, /Totals over the years/, /历年总数/],
      ['timeline', { from: 1980, to: 1990 }, /partner cities, 1980–1990/, /友好城市/],
      ['country', { name: 'Germany' }, /Partners in Germany/, /德国/],
      ['cooperation', {}, /works on/, /合作/],
      ['about', {}, /Youcheng/, /友城/],
      ['help', {}, /commands/, /命令/],
    ];
    for (const [name, options, english, chinese] of cases) {
      const en = await slash(name, options);
      expect(en.answer.type, `/${name}`).toBe(4);
      expect(text(en.data), `/${name}`).toMatch(english);
      const zh = await slash(name, options, ZH);
      expect(text(zh.data), `/${name} zh-CN`).toMatch(chinese);
    }
  });

  it('/ask answers an English and a Chinese question', async () => {
    const en = await slash('ask', { question: 'How many sister cities does Wuhan have?' });
    expect(text(en.data)).toMatch(/\*\*28\*\* international friendship/);
    const zh = await slash('ask', { question: '武汉有多少个友好城市？' }, ZH);
    expect(text(zh.data)).toContain('武汉截至**2021年6月30日**的名单上有**28**个国际友好城市');
  });

  it('"Ask Youcheng" answers the question written in a message', async () => {
    const { answer, data } = await ask(
      messageContextPayload('Ask Youcheng', 'Is Arnhem still a sister city of Wuhan?'),
    );
    expect(answer.type).toBe(4);
    expect(text(data)).toContain('21 July 2021');
  });

  it('/leaderboard and /quiz help answer before any game', async () => {
    expect(text((await slash('leaderboard')).data)).toMatch(/No points on this board yet/);
    expect(text((await slash('quiz', {}, { subcommand: 'help' })).data)).toMatch(/quiz stop/i);
  });
});

describe('autocomplete', () => {
  it('suggests cities and countries as the user types, in their language', async () => {
    const city = await discord.dispatchInteraction(autocompletePayload('city', 'name', { name: 'duis' }));
    expect(city.callback.type).toBe(8);
    expect(city.callback.data.choices[0]).toEqual({ name: 'Duisburg · 杜伊斯堡市 (Germany)', value: 'duisburg' });
    const country = await discord.dispatchInteraction(autocompletePayload('country', 'name', { name: '德' }, ZH));
    expect(country.callback.data.choices.length).toBeGreaterThan(0);
    const cooperation = await discord.dispatchInteraction(autocompletePayload('cooperation', 'city', { city: 'man' }));
    expect(cooperation.callback.data.choices.map((c: { value: string }) => c.value)).toContain('manchester');
  });
});

describe('components', () => {
  it('offers a did-you-mean select, and the pick turns the message into the city card', async () => {
    const { data, message } = await slash('city', { name: 'Bor' });
    expect(data.content).toMatch(/^Did you mean/);
    const picked = await ask(choosePayload(message!, 'city:pick', ['borlange']));
    expect(picked.answer.type).toBe(7);
    expect(discord.messages.get(message!.id)?.embeds[0]?.title).toContain('Borlänge');
    expect(componentsOf(discord.messages.get(message!.id)!)).toEqual([]);
  });

  it('pages /timeline with ◀ ▶, and the edge buttons are disabled', async () => {
    const first = await slash('timeline');
    const message = first.message!;
    expect(message.embeds[0]?.footer?.text).toMatch(/^Page 1\/(\d+)/);
    expect(() => clickPayload(message, (c) => c.label === 'Previous' || c.custom_id === 'timeline:p:::0')).toThrow(
      /disabled|no such/,
    );
    await ask(clickPayload(message, 'timeline:p:::2'));
    expect(discord.messages.get(message.id)?.embeds[0]?.footer?.text).toMatch(/^Page 2\//);
    await ask(clickPayload(discord.messages.get(message.id)!, 'timeline:p:::1'));
    expect(discord.messages.get(message.id)?.embeds[0]?.footer?.text).toMatch(/^Page 1\//);
  });

  it('answers stale buttons and selects privately instead of failing', async () => {
    const { message } = await slash('timeline');
    const old = {
      ...message!,
      components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Old', custom_id: 'retired:thing' }] }],
    };
    const retired = await ask(clickPayload(old as never, 'retired:thing'));
    expect(retired.data).toMatchObject({
      content: 'This button is no longer active. Run the command again for a fresh one.',
      flags: 64,
    });
    const forged = {
      ...message!,
      components: [
        { type: 1, components: [{ type: 3, custom_id: 'city:pick', options: [{ label: 'x', value: 'atlantis' }] }] },
      ],
    };
    const pick = await ask(choosePayload(forged as never, 'city:pick', ['atlantis']));
    expect(pick.data).toMatchObject({
      content: 'That choice is out of date. Please run the command again.',
      flags: 64,
    });
    const quiz = {
      ...message!,
      components: [{ type: 1, components: [{ type: 2, style: 1, label: 'A', custom_id: 'quiz:a:zzzz0000:0:0' }] }],
    };
    const ended = await ask(clickPayload(quiz as never, 'quiz:a:zzzz0000:0:0'));
    expect(ended.data).toMatchObject({ content: 'This game has ended.', flags: 64 });
  });
});

describe('REST faults', () => {
  it('still answers in time through a 429 with retry-after, a 500 and a slow response', async () => {
    const callback = { method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/ };
    const limited = discord.inject(callback, { kind: 'rateLimit', retryAfterSeconds: 0.8 });
    const rateLimited = await slash('city', { name: 'Manchester' });
    expect(limited.hits).toBe(1);
    expect(rateLimited.answer.afterMs).toBeGreaterThan(800);
    expect(rateLimited.data.embeds[0].title).toContain('Manchester');

    const failed = discord.inject(callback, { kind: 'serverError' });
    expect((await slash('city', { name: 'Kyiv' })).data.embeds[0].title).toContain('Kyiv');
    expect(failed.hits).toBe(1);

    // A callback whose response is slow holds up nothing else: the next command is answered at once.
    discord.inject(callback, { kind: 'slow', ms: 2500 });
    const slowed = await slash('city', { name: 'Pittsburgh' });
    expect(slowed.data.embeds[0].title).toContain('Pittsburgh');
    expect((await slash('about')).answer.afterMs).toBeLessThan(500);
  });
});

describe('npm run deploy', () => {
  it('registers every command globally, and in one server when DISCORD_GUILD_ID is set', async () => {
    const guildId = discord.guilds[0]!.id;
    const [global, guild] = [
      new BotProcess(discord, temporaryDatabasePath(), { script: 'deploy' }),
      new BotProcess(discord, temporaryDatabasePath(), { script: 'deploy', env: { DISCORD_GUILD_ID: guildId } }),
    ];
    expect((await global.exited).code).toBe(0);
    expect((await guild.exited).code).toBe(0);
    const expected = toApplicationCommands(commands.map((c) => c.definition));
    const registered = discord.registrations;
    expect(registered.find((r) => !r.guildId)?.commands).toEqual(expected.map((c) => expect.objectContaining(c)));
    expect(registered.find((r) => r.guildId === guildId)?.commands).toHaveLength(expected.length);
    expect(global.output.find((l) => l.startsWith('Registered '))).toMatch(
      new RegExp(`^Registered ${expected.length} commands globally`),
    );
    expect(guild.output.find((l) => l.startsWith('Registered '))).toContain(`in server ${guildId}`);
  }, 60_000);
});

describe('the whole session', () => {
  it('acknowledged every interaction once, in time, with mentions off, and logged no error', () => {
    expect(exchanges.length).toBeGreaterThan(20);
    for (const exchange of exchanges) {
      expect(exchange.rejections, exchange.id).toEqual([]);
      expect(exchange.callback.afterMs).toBeLessThan(3000);
    }
    const bodies = discord.requests.filter((r) => /callback$|^\/webhooks\//.test(r.path) && r.body?.data !== undefined);
    for (const request of bodies) {
      if (request.body.type !== 8 && request.body.data.allowed_mentions)
        expect(request.body.data.allowed_mentions).toEqual({ parse: [] });
    }
    expect(bot.linesMatching(/"level":"error"/)).toEqual([]);
    expect(bot.logs()).not.toContain(discord.token);
  });
});
