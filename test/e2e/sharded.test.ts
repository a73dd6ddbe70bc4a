// `npm run start:sharded` against the fake Discord: SHARD_COUNT=auto takes the recommended two shards,
// each its own process with its own gateway session and servers, both on one PostgreSQL database.
// /about gathers every shard's figures through the manager; quizzes run in a server of each shard
// at once, and SIGTERM stops the manager and both shards cleanly. With METRICS_PORT the manager serves
// /healthz, /readyz and /metrics for both shards: each shard's series labelled with its id, and totals.
// A kill -9 of one shard mid-game: the manager restarts it and the new process carries its game on.
import { readFileSync } from 'node:fs';
import type { APIMessage } from 'discord-api-types/v10';
import { expect, inject, it } from 'vitest';
import { BotProcess, temporaryDatabasePath } from '../fake-discord/bot.js';
import { chatInputPayload, clickPayload, componentsOf } from '../fake-discord/payloads.js';
import { shardOf, startFakeDiscord } from '../fake-discord/server.js';
import { freePort } from '../helpers/free-port.js';
import { createDatabase } from '../helpers/postgres-cluster.js';

// One server on each of two shards: (id >> 22) % 2 is 1 for the first, 0 for the second.
const GUILDS = [
  { id: '1200000000000000001', channelIds: ['1200000000000000101'] },
  { id: '1210000000000000001', channelIds: ['1210000000000000101'] },
];

it('runs two shards as two processes, with per-shard and total figures in /about and /metrics, a quiz on each, and a killed shard carrying its game on', async () => {
  expect(GUILDS.map((g) => shardOf(g.id, 2))).toEqual([1, 0]);
  const discord = await startFakeDiscord({ guilds: GUILDS, recommendedShards: 2 });
  const databaseUrl = await createDatabase(inject('postgresAdminUrl'));
  const metricsPort = await freePort();
  const ops = (path: string) => fetch(`http://127.0.0.1:${metricsPort}${path}`);
  const bot = new BotProcess(discord, temporaryDatabasePath(), {
    script: 'start:sharded',
    via: 'node',
    env: { DATABASE_URL: databaseUrl, LOG_LEVEL: 'debug', METRICS_PORT: String(metricsPort) },
  });
  try {
    await bot.waitForLine(/"level":"info".*"shards":2,"msg":"all shards ready"/, 90_000);
    await expect.poll(() => discord.connectedShards(), { timeout: 20_000 }).toEqual([0, 1]);
    // Each shard renders its image cache after connecting; on a busy machine two at once can hold up
    // a reply past Discord's 3 seconds, so the test starts when both are done.
    await expect
      .poll(() => bot.linesMatching(/"level":"debug".*"msg":"image cache warmed"/).length, { timeout: 90_000 })
      .toBe(2);

    // The manager's health checks cover both shards.
    const health = await ops('/healthz');
    expect(health.status).toBe(200);
    expect(((await health.json()) as { checks: unknown }).checks).toEqual({
      'shard 0 process': true,
      'shard 1 process': true,
    });
    await expect.poll(async () => (await ops('/readyz')).status, { timeout: 20_000 }).toBe(200);
    expect(((await (await ops('/readyz')).json()) as { checks: unknown }).checks).toEqual({
      'shard 0 gateway': true,
      'shard 0 database': true,
      'shard 1 gateway': true,
      'shard 1 database': true,
    });

    // /about in a server of shard 1 shows both shards' figures and the totals.
    const about = await (
      await discord.dispatchInteraction(
        chatInputPayload('about', {}, { guildId: GUILDS[0]!.id, channelId: GUILDS[0]!.channelIds[0]! }),
      )
    ).answer();
    const shardsField = (about.data.embeds[0].fields as { name: string; value: string }[]).find(
      (f) => f.name === 'Shards',
    );
    expect(shardsField?.value.split('\n')).toEqual([
      expect.stringMatching(/^Shard 0: 1 servers · 0 quizzes running · (\d+|–) ms$/),
      expect.stringMatching(/^Shard 1: 1 servers · 0 quizzes running · (\d+|–) ms$/),
      'All 2 shards: 2 servers · 0 quizzes running',
    ]);

    // A quiz in each shard's server at once; each is posted by its own shard and takes its clicks.
    const title = (m: APIMessage) => m.embeds[0]?.title ?? '';
    await Promise.all(
      GUILDS.map(async (guild) => {
        const channelId = guild.channelIds[0]!;
        const start = await discord.dispatchInteraction(
          chatInputPayload('quiz', { rounds: 3, seconds: 10 }, { subcommand: 'start', guildId: guild.id, channelId }),
        );
        expect((await start.answer()).data.content).toMatch(/^Your quiz has started/);
        const q1 = await discord.waitForMessage(
          (m) => m.channel_id === channelId && title(m) === 'Question 1 of 3' && componentsOf(m).length === 4,
          'question 1',
          30_000,
        );
        const click = await discord.dispatchInteraction(
          clickPayload(q1, (c) => c.label === 'A', { guildId: guild.id }),
        );
        expect((await click.answer()).data.content).toMatch(/^Answer recorded: \*\*A\*\*/);
      }),
    );
    const during = await (
      await discord.dispatchInteraction(
        chatInputPayload('about', {}, { guildId: GUILDS[1]!.id, channelId: GUILDS[1]!.channelIds[0]! }),
      )
    ).answer();
    expect(JSON.stringify(during.data.embeds[0].fields)).toContain('All 2 shards: 2 servers · 2 quizzes running');

    // /metrics at the manager: per shard and in total, as /about shows them.
    let text = '';
    const value = (series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    // Two /about, two starts and two clicks (an interaction is counted just after its answer is sent).
    await expect
      .poll(
        async () => {
          const scrape = await ops('/metrics');
          text = await scrape.text();
          return scrape.status === 200 && value('youcheng_total_interactions');
        },
        { timeout: 10_000 },
      )
      .toBe(6);
    for (const shard of ['0', '1']) {
      expect(value(`youcheng_gateway_connected{shard="${shard}"}`), shard).toBe(1);
      expect(value(`youcheng_guilds{shard="${shard}"}`), shard).toBe(1);
      expect(value(`youcheng_quiz_games_running{shard="${shard}"}`), shard).toBe(1);
      expect(value(`youcheng_shard_up{shard="${shard}"}`), shard).toBe(1);
      expect(text).toMatch(
        new RegExp(`youcheng_interactions_total\\{kind="command",command="quiz",outcome="ok",shard="${shard}"\\} 1`),
      );
      expect(text).toMatch(new RegExp(`youcheng_process_resident_memory_bytes\\{shard="${shard}"\\} \\d+`));
    }
    expect(value('youcheng_shards')).toBe(2);
    expect(value('youcheng_shards_connected')).toBe(2);
    expect(value('youcheng_total_guilds')).toBe(2);
    expect(value('youcheng_total_quiz_games_running')).toBe(2);
    expect(value('youcheng_total_quiz_answers_recorded')).toBe(2);
    expect(text).toMatch(/^youcheng_manager_process_resident_memory_bytes \d+/m);

    // kill -9 of shard 1's process mid-game: the manager starts it again, and the new process (the same
    // owner name, <host>/shard-1) carries its game on at once: the game goes on to its final standings.
    const shardOne = shardProcess(bot.pid, 1);
    const channelOfShardOne = GUILDS[0]!.channelIds[0]!;
    const lastBefore = [...discord.messages.keys()].sort().at(-1)!;
    process.kill(shardOne, 'SIGKILL');
    await bot.waitForLine(
      /"whose":"its own, from before a restart","msg":"quiz: took over a game and carried it on"/,
      60_000,
    );
    await discord.waitForMessage(
      (m) => m.channel_id === channelOfShardOne && m.id > lastBefore && /Quiz over/.test(JSON.stringify(m.embeds)),
      'the final standings from the restarted shard',
      60_000,
    );

    expect(await bot.stop('SIGTERM', 30_000)).toEqual({ code: 0, signal: null });
    // Both shards shut down on their own (closing their quiz and connection).
    expect(bot.linesMatching(/"signal":"SIGTERM","msg":"shutting down"/)).toHaveLength(2);
    expect(bot.linesMatching(/"level":"(error|warn)"/)).toEqual([
      expect.stringMatching(/"shard":1,"code":null,"msg":"shard exited; the manager starts it again"/),
    ]);
    expect(bot.logs()).not.toContain(discord.token);
  } finally {
    bot.kill();
    await discord.close();
  }
}, 240_000);

/** The pid of the shard process with this id among the manager's children (discord.js sets SHARDS). */
function shardProcess(managerPid: number, shard: number): number {
  const children = readFileSync(`/proc/${managerPid}/task/${managerPid}/children`, 'utf8').trim().split(/\s+/);
  const pid = children.find((child) =>
    readFileSync(`/proc/${child}/environ`, 'utf8').split('\0').includes(`SHARDS=${shard}`),
  );
  if (!pid) throw new Error(`no process for shard ${shard}`);
  return Number(pid);
}
