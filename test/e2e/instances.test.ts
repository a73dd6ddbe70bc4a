// Two `npm run start:http` processes on one PostgreSQL database, as behind a load balancer: a quiz
// started on one takes clicks on both, each player's two simultaneous clicks (one per instance) count
// once; then the owner is killed with SIGKILL and the other instance carries the game on from the
// database (reveal, next question, the stop's final standings) with every point kept. And /quiz stop
// landing on the instance that does not drive the game ends it there; a kill -9 of the owner followed
// by a restart under the same INSTANCE_ID carries its game on at once, before any lease runs out.
import type { APIInteraction, APIMessage } from 'discord-api-types/v10';
import pg from 'pg';
import { expect, inject, it } from 'vitest';
import { BotProcess, temporaryDatabasePath } from '../fake-discord/bot.js';
import { chatInputPayload, clickPayload, componentsOf, type InteractionOptions } from '../fake-discord/payloads.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { createDatabase } from '../helpers/postgres-cluster.js';
import { freePort } from '../helpers/free-port.js';
import { createSigner, type Signer } from '../http/sign.js';

interface Instance {
  process: BotProcess;
  url: string;
}

async function startInstance(
  discord: FakeDiscord,
  signer: Signer,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<Instance> {
  const port = await freePort();
  const process = new BotProcess(discord, temporaryDatabasePath(), {
    script: 'start:http',
    via: 'node',
    env: {
      PORT: String(port),
      DISCORD_PUBLIC_KEY: signer.publicKeyHex,
      DATABASE_URL: databaseUrl,
      QUIZ_LEASE_SECONDS: '3',
      ...env,
    },
  });
  await process.waitForLine(/"level":"info".*"msg":"listening"/, 60_000);
  return { process, url: `http://127.0.0.1:${port}/interactions` };
}

const players = Array.from({ length: 6 }, (_, i) => ({
  name: `Player${i}`,
  opts: {
    userId: `13000000000000001${10 + i}`,
    username: `player${i}`,
    globalName: `Player${i}`,
  } satisfies InteractionOptions,
}));

it('two HTTP instances share a game: no double count, and a kill -9 of the owner loses nothing', async () => {
  const discord = await startFakeDiscord();
  const signer = createSigner();
  const databaseUrl = await createDatabase(inject('postgresAdminUrl'));
  const instances: Instance[] = [];
  const deliver = async (instance: Instance, payload: APIInteraction) => {
    const { exchange } = await discord.deliver(instance.url, payload, (body) => signer.headers(body));
    return (await exchange.answer()).data as { content?: string };
  };
  try {
    instances.push(
      await startInstance(discord, signer, databaseUrl),
      await startInstance(discord, signer, databaseUrl),
    );
    const [first, second] = instances as [Instance, Instance];
    const channelId = discord.guilds[0]!.channelIds[0]!;
    const title = (m: APIMessage) => m.embeds[0]?.title ?? '';
    const question = (n: number) =>
      discord.waitForMessage(
        (m) => title(m) === `Question ${n} of 3` && componentsOf(m).length === 4,
        `question ${n}`,
        30_000,
      );

    const started = await deliver(
      first,
      chatInputPayload('quiz', { rounds: 3, seconds: 10 }, { subcommand: 'start', channelId }),
    );
    expect(started.content).toMatch(/^Your quiz has started/);
    const q1 = await question(1);

    // Every player taps two answers at once, one request reaching each instance.
    const replies = await Promise.all(
      players.map((p, i) =>
        Promise.all([
          deliver(
            first,
            clickPayload(q1, (c) => c.label === 'ABCD'[i % 4], p.opts),
          ),
          deliver(
            second,
            clickPayload(q1, (c) => c.label === 'ABCD'[(i + 1) % 4], p.opts),
          ),
        ]),
      ),
    );
    for (const pair of replies) {
      const texts = pair.map((r) => r.content ?? '');
      expect(texts.filter((t) => t.startsWith('Answer recorded'))).toHaveLength(1);
      expect(texts.filter((t) => t === 'You already answered this question.')).toHaveLength(1);
    }

    // kill -9 of the instance that started (owns) the game.
    first.process.kill();
    await first.process.exited;

    // The other instance takes the game over: question 1 is revealed counting all six answers, and
    // question 2 follows.
    const revealed = await discord.waitForMessage(
      (m) => m.id === q1.id && /: the answer is [A-D]$/.test(title(m)),
      'the reveal',
      30_000,
    );
    expect(revealed.embeds[0]!.fields!.find((f) => f.name === 'Right answers')?.value).toMatch(/ of 6$/);
    const q2 = await question(2);
    const late = await deliver(
      second,
      clickPayload(q2, (c) => c.label === 'A', players[0]!.opts),
    );
    expect(late.content).toMatch(/^Answer recorded/);
    // The starter stops it on the instance that now drives it.
    const stop = await deliver(second, chatInputPayload('quiz', {}, { subcommand: 'stop', channelId }));
    expect(stop.content ?? '').not.toMatch(/^No quiz is running/);
    const final = await discord.waitForMessage(
      (m) => m.channel_id === channelId && /Quiz stopped|Quiz over/.test(JSON.stringify(m.embeds)),
      'the final standings',
      30_000,
    );
    const shown = [...final.embeds[0]!.description!.matchAll(/\*\*(.+?)\*\*: ([\d,]+) points/g)].map((m) => [
      m[1],
      Number(m[2]!.replace(',', '')),
    ]);

    // The database holds seven answers, and the standings show each player's saved points.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; points: number; answers: number }>(
        `SELECT p.name, SUM(a.points)::int AS points, COUNT(*)::int AS answers FROM answers a JOIN players p USING (user_id) GROUP BY p.name`,
      );
      expect(rows.reduce((n, r) => n + r.answers, 0)).toBe(7);
      for (const [name, points] of shown) expect(rows.find((r) => r.name === name)?.points, String(name)).toBe(points);
      expect(shown).toHaveLength(6);
      const games = await client.query(`SELECT state FROM games`);
      expect(games.rows).toEqual([{ state: 'stopped' }]);
    } finally {
      await client.end();
    }
    expect(second.process.linesMatching(/took over a game/)).toHaveLength(1);
    expect(second.process.linesMatching(/"level":"error"/)).toEqual([]);
  } finally {
    for (const instance of instances) instance.process.kill();
    await discord.close();
  }
}, 120_000);

it('/quiz stop on the instance that does not drive the game ends it; a kill -9 and a restart under the same INSTANCE_ID carries the game on at once', async () => {
  const discord = await startFakeDiscord();
  const signer = createSigner();
  const databaseUrl = await createDatabase(inject('postgresAdminUrl'));
  const instances: Instance[] = [];
  const deliver = async (instance: Instance, payload: APIInteraction) => {
    const { exchange } = await discord.deliver(instance.url, payload, (body) => signer.headers(body));
    return (await exchange.answer()).data as { content?: string; embeds?: { title?: string; description?: string }[] };
  };
  // Leases of 30 s: nothing in this test may rely on one running out.
  const alpha = { INSTANCE_ID: 'alpha', QUIZ_LEASE_SECONDS: '30' };
  try {
    instances.push(
      await startInstance(discord, signer, databaseUrl, alpha),
      await startInstance(discord, signer, databaseUrl, { QUIZ_LEASE_SECONDS: '30' }),
    );
    const [owner, other] = instances as [Instance, Instance];
    const channelId = discord.guilds[0]!.channelIds[0]!;
    const title = (m: APIMessage) => m.embeds[0]?.title ?? '';
    const question = (n: number, after = '') =>
      discord.waitForMessage(
        (m) => title(m) === `Question ${n} of 3` && componentsOf(m).length === 4 && m.id > after,
        `question ${n}`,
        30_000,
      );
    const start = (instance: Instance) =>
      deliver(instance, chatInputPayload('quiz', { rounds: 3, seconds: 10 }, { subcommand: 'start', channelId }));
    const stop = (instance: Instance) =>
      deliver(instance, chatInputPayload('quiz', {}, { subcommand: 'stop', channelId }));

    // The owner runs the game; the other instance takes a click, and knows the channel is busy.
    expect((await start(owner)).content).toMatch(/^Your quiz has started/);
    const q1 = await question(1);
    expect(
      (
        await deliver(
          other,
          clickPayload(q1, (c) => c.label === 'A', players[0]!.opts),
        )
      ).content,
    ).toMatch(/^Answer recorded/);
    expect((await start(other)).content).toMatch(/^A quiz is already running in this channel/);

    // /quiz stop reaches the other instance: the final standings, the question revealed.
    const stopped = await stop(other);
    expect(stopped.embeds?.[0]?.title).toBe('Quiz stopped');
    expect(stopped.embeds?.[0]?.description).toMatch(/\*\*Player0\*\*: \d+ points?, [01] right/);
    await discord.waitForMessage(
      (m) => m.id === q1.id && /: the answer is [A-D]$/.test(title(m)),
      'the reveal',
      10_000,
    );
    // The owner sees the game ended at its round's end and posts nothing more.
    await owner.process.waitForLine(/the game was ended on another instance/, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect([...discord.messages.values()].filter((m) => title(m) === 'Question 2 of 3')).toEqual([]);
    expect((await stop(owner)).content).toMatch(/^No quiz is running/);

    // A new game on the owner; a player answers; then kill -9 and a restart under the same INSTANCE_ID.
    expect((await start(owner)).content).toMatch(/^Your quiz has started/);
    const next = await question(1, q1.id);
    expect(
      (
        await deliver(
          owner,
          clickPayload(next, (c) => c.label === 'B', players[1]!.opts),
        )
      ).content,
    ).toMatch(/^Answer recorded/);
    owner.process.kill();
    await owner.process.exited;
    const restarted = await startInstance(discord, signer, databaseUrl, alpha);
    instances.push(restarted);
    // Its own game, carried on at once (the lease had 30 s to run): the round closes at its
    // deadline counting the answer given before the crash, and question 2 follows.
    await restarted.process.waitForLine(
      /"whose":"its own, from before a restart","msg":"quiz: took over a game and carried it on"/,
      10_000,
    );
    const revealed = await discord.waitForMessage(
      (m) => m.id === next.id && /: the answer is [A-D]$/.test(title(m)),
      'the reveal after the restart',
      30_000,
    );
    expect(revealed.embeds[0]!.fields!.find((f) => f.name === 'Right answers')?.value).toMatch(/ of 1$/);
    await question(2, next.id);
    expect(other.process.linesMatching(/took over a game/)).toEqual([]);
    // And a stop on the other instance ends it again with the standings.
    const final = await stop(other);
    expect(final.embeds?.[0]?.description).toMatch(/\*\*Player1\*\*/);
    for (const instance of instances.slice(1)) expect(instance.process.linesMatching(/"level":"error"/)).toEqual([]);
  } finally {
    for (const instance of instances) instance.process.kill();
    await discord.close();
  }
}, 150_000);
