// startGateway in this process, with the real discord.js client, against the fake Discord on
// 127.0.0.1 (test/fake-discord): login through DISCORD_API_URL, READY, an interaction over the
// gateway, the answer posted back, the quiz connected to a channel port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app/app.js';
import type { Command } from '../../src/commands/types.js';
import type { ChannelPort } from '../../src/reply/reply.js';
import { loadConfig } from '../../src/config.js';
import { describeLoginError, startGateway, type GatewayHandle } from '../../src/discord/client.js';
import { createLogger } from '../../src/log.js';
import { chatInputPayload } from '../fake-discord/payloads.js';
import { stopAfterEachTest } from '../fake-discord/per-test.js';

const echo: Command = {
  definition: { name: 'echo', nameZh: '回声', description: { en: 'Echo', 'zh-CN': '回声' } },
  run: (input) => ({ content: `echo: ${String(input.options.text)}` }),
};

/** The router hands the App to commands (echo ignores it); the gateway connects its quiz. */
function fakeApp() {
  const ports: ChannelPort[] = [];
  const app = {
    version: '0.0.0-test',
    now: () => new Date(),
    quiz: { connect: async (port: ChannelPort) => void ports.push(port), close: () => undefined },
  } as unknown as App;
  return { app, ports };
}

function capture() {
  const lines: string[] = [];
  return { lines, log: createLogger({ level: 'debug', write: (line) => lines.push(line) }) };
}

const running = stopAfterEachTest((bot: GatewayHandle) => bot.stop());

describe('startGateway', () => {
  it('logs in through DISCORD_API_URL, routes interactions and never logs the token', async () => {
    const fake = await running.startDiscord();
    const { app, ports } = fakeApp();
    const { lines, log } = capture();
    const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });

    running.bot(await startGateway(app, config, { log, commands: [echo], handleSignals: false }));
    await fake.waitForSession();
    await expect.poll(() => lines.find((l) => l.includes('"msg":"ready"'))).toMatch(/"tag":"Youcheng","guilds":\d+/);
    expect(ports).toHaveLength(1);

    const exchange = await fake.dispatchInteraction(chatInputPayload('echo', { text: '@everyone hi' }));
    const answer = await exchange.answer();
    expect(answer.type).toBe(4);
    expect(answer.data).toMatchObject({ content: 'echo: @everyone hi', allowed_mentions: { parse: [] } });
    expect(exchange.rejections).toEqual([]);

    expect(lines.join('')).not.toContain(fake.token);
  });

  it('keeps no cache of the users and members it meets, only itself (bounded memory)', async () => {
    const fake = await running.startDiscord();
    const { app } = fakeApp();
    const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    const bot = running.bot(
      await startGateway(app, config, { log: capture().log, commands: [echo], handleSignals: false }),
    );
    await fake.waitForSession();
    const usersBefore = bot.client.users.cache.size;
    for (let i = 0; i < 20; i++) {
      const userId = `14100000000000000${String(i).padStart(2, '0')}`;
      await (
        await fake.dispatchInteraction(chatInputPayload('echo', { text: 'hi' }, { userId, username: `user${i}` }))
      ).answer();
    }
    expect(bot.client.users.cache.size).toBe(usersBefore);
    expect([...bot.client.users.cache.keys()]).toEqual([bot.client.user.id]);
    for (const guild of bot.client.guilds.cache.values())
      expect([...guild.members.cache.keys()]).not.toContain('1410000000000000000');
  });

  it('gives the quiz a port that posts to channels with the bot token', async () => {
    const fake = await running.startDiscord();
    const { app, ports } = fakeApp();
    const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    running.bot(await startGateway(app, config, { log: capture().log, commands: [echo], handleSignals: false }));

    const channelId = fake.guilds[0]!.channelIds[0]!;
    const ref = await ports[0]!.send(channelId, { content: 'Question 1' });
    const posted = await fake.waitForMessage((m) => m.id === ref.messageId, 'the posted question');
    expect(posted.content).toBe('Question 1');
    expect(
      fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`)?.authorized,
    ).toBe(true);
  });

  it('rejects, with the client torn down, when Discord refuses the token, and says what to do', async () => {
    const fake = await running.startDiscord();
    const { lines, log } = capture();
    // Token-shaped, but not the one this Discord knows.
    const config = loadConfig({ DISCORD_TOKEN: `${fake.token.slice(0, -4)}abcd`, DISCORD_API_URL: fake.apiUrl });
    const refused = await startGateway(fakeApp().app, config, { log, commands: [echo], handleSignals: false }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(Error);
    expect(describeLoginError(refused)).toMatch(/^Discord rejected DISCORD_TOKEN\. .*Reset Token/);
    expect(lines.join('')).not.toContain(config.token!);
  });

  it('says it is connecting, retries with backoff an API that never answers, then gives up with one clear line', async () => {
    // Accepts connections and never answers, like a black-holed route.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api`;
    const { lines, log } = capture();
    const config = loadConfig({
      DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123',
      DISCORD_API_URL: apiUrl,
    });
    try {
      const failure = await startGateway(fakeApp().app, config, {
        log,
        handleSignals: false,
        reach: { attempts: 3, timeoutMs: 200, backoffMs: 50 },
      }).catch((error: unknown) => error);
      expect(describeLoginError(failure)).toBe(
        `Could not reach Discord at ${apiUrl} after 3 attempts (no answer within 0.2 s). Check the network, or DISCORD_API_URL if it is set.`,
      );
      const events = lines.map((l) => JSON.parse(l) as { level: string; msg: string; retryInSeconds?: number });
      expect(events[0]).toMatchObject({ level: 'info', msg: 'connecting to Discord' });
      expect(events.filter((e) => e.msg === 'Discord did not answer; retrying').map((e) => e.retryInSeconds)).toEqual([
        0.05, 0.1,
      ]);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('explains other connection failures as they are', () => {
    expect(describeLoginError(new Error('connect ECONNREFUSED 127.0.0.1:9'))).toBe(
      'Could not connect to Discord: connect ECONNREFUSED 127.0.0.1:9',
    );
  });
});
