// A whole quiz through the running bot: three players click from the first question to the final
// standings while the fake Discord drops the gateway, asks for reconnects, invalidates the session
// and answers REST calls with 429, 500 and slowness; no answer may be lost and every click must be
// acknowledged within Discord's 3 seconds. Beside it (concurrently, its own fake Discord and bot):
// SIGTERM in the middle of a game, a clean exit, and the points intact after the next start.
//
// Quiz timing is the product's minimum (3 rounds of 10 s, 5 s reveals), so the game takes about
// 40 seconds of wall time; the tests wait on messages and events, never on fixed sleeps.
import Database from 'better-sqlite3';
import type { APIMessage } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { startBot, temporaryDatabasePath, type BotProcess } from '../fake-discord/bot.js';
import { chatInputPayload, clickPayload, componentsOf, type InteractionOptions } from '../fake-discord/payloads.js';
import { startFakeDiscord, type Exchange, type ExchangeEvent, type FakeDiscord } from '../fake-discord/server.js';

interface Player {
  name: string;
  opts: InteractionOptions;
}

function player(n: number, name: string): Player {
  return { name, opts: { userId: `13000000000000000${10 + n}`, username: name.toLowerCase(), globalName: name } };
}

const ALICE = player(1, 'Alice');
const BOB = player(2, 'Bob');
const CAROL = player(3, 'Carol');
const LETTERS = ['A', 'B', 'C', 'D'] as const;
const CALLBACK = { method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/ };

/** Runs the bot's side of a table: dispatches, remembers every exchange, reads messages. */
function table(discord: FakeDiscord, channelId: string) {
  const exchanges: Exchange[] = [];
  const title = (m: APIMessage) => m.embeds[0]?.title ?? '';
  return {
    exchanges,
    async slash(name: string, options: Record<string, string | number>, opts: InteractionOptions) {
      const exchange = await discord.dispatchInteraction(chatInputPayload(name, options, { channelId, ...opts }));
      exchanges.push(exchange);
      return exchange;
    },
    /** The player clicks `letter` on the question; resolves with the bot's private reply. */
    async answer(who: Player, message: APIMessage, letter: (typeof LETTERS)[number]) {
      const exchange = await discord.dispatchInteraction(clickPayload(message, (c) => c.label === letter, who.opts));
      exchanges.push(exchange);
      const reply = await exchange.answer();
      expect(reply.data, `${who.name} answering ${letter}`).toMatchObject({
        content: `Answer recorded: **${letter}**. The right answer is shown when time is up.`,
        flags: 64,
      });
      return exchange;
    },
    question(n: number) {
      return discord.waitForMessage(
        (m) => m.channel_id === channelId && title(m) === `Question ${n} of 3` && componentsOf(m).length === 4,
        `question ${n}`,
        30_000,
      );
    },
    /** Waits until `question` has been revealed; returns the right letter. */
    async reveal(question: APIMessage) {
      const revealed = await discord.waitForMessage(
        (m) => m.id === question.id && /: the answer is [A-D]$/.test(title(m)),
        `the reveal of ${question.id}`,
        30_000,
      );
      expect(componentsOf(revealed).every((c) => c.disabled)).toBe(true);
      return title(revealed).slice(-1) as (typeof LETTERS)[number];
    },
  };
}

/** Final standings and leaderboard lines, "1. **Alice**: 130 points, 2 right" → { Alice: { points: 130, right: 2 } } */
function standings(description: string): Record<string, { points: number; right: number }> {
  const rows: Record<string, { points: number; right: number }> = {};
  for (const [, name, points, right] of description.matchAll(/\*\*(.+?)\*\*: ([\d,]+) points, (\d+) right/g)) {
    rows[name!] = { points: Number(points!.replaceAll(',', '')), right: Number(right) };
  }
  return rows;
}

function pointsInDatabase(path: string): Record<string, { answers: number; points: number }> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db
      .prepare(
        'SELECT p.name AS name, COUNT(*) AS answers, SUM(a.points) AS points FROM answers a JOIN players p USING (user_id) GROUP BY a.user_id',
      )
      .all() as { name: string; answers: number; points: number }[];
    return Object.fromEntries(rows.map((r) => [r.name, { answers: r.answers, points: r.points }]));
  } finally {
    db.close();
  }
}

/** A field of the /quiz stats card ("Answers", "Points"). */
function statsField(answer: ExchangeEvent, name: string): string | undefined {
  const fields: { name: string; value: string }[] = answer.data.embeds[0]?.fields ?? [];
  return fields.find((f) => f.name === name)?.value;
}

/**
 * Runs a test's `body`; a failure carries the output of the bot (`currentBot`, since a test may
 * restart it), and the bot and the fake Discord stop either way.
 */
async function runShowingBotOutput(
  discord: FakeDiscord,
  currentBot: () => BotProcess,
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- bot output ---\n${currentBot().logs()}`, { cause: error });
  } finally {
    await currentBot().stop();
    await discord.close();
  }
}

describe.concurrent('a quiz over a faulty network', () => {
  it('three players play to the final standings through gateway and REST faults, losing no answer', async () => {
    // Heartbeats every 2 s rather than Discord's 41 s, so they run all through the game.
    const discord = await startFakeDiscord({ heartbeatIntervalMs: 2000 });
    const databasePath = temporaryDatabasePath();
    const bot = await startBot(discord, { databasePath });
    await runShowingBotOutput(
      discord,
      () => bot,
      async () => {
        const channelId = discord.guilds[0]!.channelIds[0]!;
        const game = table(discord, channelId);
        const picks: Record<string, string[]> = { Alice: [], Bob: [], Carol: [] };
        const rights: string[] = [];

        // Posting the first question is slow, so /quiz start outlives the router's patience: it defers
        // within the deadline, then answers privately and removes the public "thinking…" placeholder.
        const slowPost = discord.inject(
          { method: 'POST', path: new RegExp(`^/channels/${channelId}/messages$`) },
          { kind: 'slow', ms: 2000 },
        );
        const start = await game.slash('quiz', { rounds: 3, seconds: 10 }, { subcommand: 'start', ...ALICE.opts });
        expect(start.callback.type).toBe(5);
        const started = await start.answer();
        expect(started.data).toMatchObject({ content: expect.stringMatching(/^Your quiz has started/), flags: 64 });
        await start.waitFor((e) => e.kind === 'delete', 'the placeholder removed');
        expect(slowPost.hits).toBe(1);

        // Round 1: the connection drops (close 4000) between clicks; the next clicks are replayed on resume.
        const q1 = await game.question(1);
        await game.answer(ALICE, q1, 'A');
        let sessions = discord.sessionEvents.length;
        discord.dropConnection(4000);
        await Promise.all([game.answer(BOB, q1, 'B'), game.answer(CAROL, q1, 'C')]);
        expect((await discord.waitForSession(sessions)).kind).toBe('resumed');
        picks.Alice!.push('A');
        picks.Bob!.push('B');
        picks.Carol!.push('C');
        // A late click after the reveal is refused politely, and a second answer is not counted.
        rights.push(await game.reveal(q1));
        const late = await discord.dispatchInteraction(clickPayload(q1, (c) => c.label === 'D', ALICE.opts));
        expect((await late.answer()).data).toMatchObject({ content: 'This round has ended.', flags: 64 });

        // Round 2: posting the question meets a 429; the three clicks meet a 429, a 500 and a slow
        // response; Discord asks for a reconnect (op 7) in the middle.
        const limitedPost = discord.inject(
          { method: 'POST', path: new RegExp(`^/channels/${channelId}/messages$`) },
          { kind: 'rateLimit', retryAfterSeconds: 1 },
        );
        const q2 = await game.question(2);
        expect(limitedPost.hits).toBe(1);
        const limited = discord.inject(CALLBACK, { kind: 'rateLimit', retryAfterSeconds: 0.5 });
        await game.answer(ALICE, q2, 'B');
        const failed = discord.inject(CALLBACK, { kind: 'serverError' });
        await game.answer(BOB, q2, 'B');
        const twice = await discord.dispatchInteraction(clickPayload(q2, (c) => c.label === 'C', BOB.opts));
        expect((await twice.answer()).data).toMatchObject({ content: 'You already answered this question.' });
        sessions = discord.sessionEvents.length;
        discord.requestReconnect();
        discord.inject(CALLBACK, { kind: 'slow', ms: 1500 });
        await game.answer(CAROL, q2, 'D');
        expect((await discord.waitForSession(sessions)).kind).toBe('resumed');
        expect([limited.hits, failed.hits]).toEqual([1, 1]);
        picks.Alice!.push('B');
        picks.Bob!.push('B');
        picks.Carol!.push('D');
        rights.push(await game.reveal(q2));

        // Round 3: the reveal's edit meets a 500; the session is invalidated (op 9) and the bot must
        // identify afresh; then the connection dies without a close frame (1006).
        const failedEdit = discord.inject(
          { method: 'PATCH', path: new RegExp(`^/channels/${channelId}/messages/\\d+$`) },
          { kind: 'serverError', status: 502 },
        );
        const q3 = await game.question(3);
        sessions = discord.sessionEvents.length;
        discord.invalidateSession();
        expect((await discord.waitForSession(sessions)).kind).toBe('ready');
        await game.answer(ALICE, q3, 'C');
        sessions = discord.sessionEvents.length;
        discord.dropConnection(1006);
        await Promise.all([game.answer(BOB, q3, 'C'), game.answer(CAROL, q3, 'A')]);
        await discord.waitForSession(sessions);
        picks.Alice!.push('C');
        picks.Bob!.push('C');
        picks.Carol!.push('A');
        rights.push(await game.reveal(q3));
        expect(failedEdit.hits).toBe(1);

        // The final standings: every player, right answers as the reveals say, points as saved.
        const final = await discord.waitForMessage(
          (m) => m.channel_id === channelId && m.embeds[0]?.title === 'Quiz over',
          'the final standings',
          30_000,
        );
        const table3 = standings(final.embeds[0]!.description!);
        const saved = pointsInDatabase(databasePath);
        for (const name of ['Alice', 'Bob', 'Carol']) {
          const right = picks[name]!.filter((letter, round) => letter === rights[round]).length;
          expect(table3[name]?.right ?? 0, name).toBe(right);
          expect(saved[name], name).toEqual({ answers: 3, points: table3[name]?.points ?? 0 });
        }

        // /quiz stats tells each player the same, and the game is no longer running.
        for (const who of [ALICE, BOB, CAROL]) {
          const stats = await (await game.slash('quiz', {}, { subcommand: 'stats', ...who.opts })).answer();
          expect(statsField(stats, 'Answers'), who.name).toBe('3');
          expect(statsField(stats, 'Points'), who.name).toBe(saved[who.name]!.points.toLocaleString('en-US'));
        }
        // This week's board of this server ranks them by the same saved points.
        const board = standings(
          (await (await game.slash('leaderboard', {}, CAROL.opts)).answer()).data.embeds[0].description,
        );
        for (const [name, row] of Object.entries(board)) expect(row.points, name).toBe(saved[name]?.points);
        for (const [name, { points }] of Object.entries(saved)) if (points > 0) expect(board[name], name).toBeDefined();
        const stop = await (await game.slash('quiz', {}, { subcommand: 'stop', ...ALICE.opts })).answer();
        expect(stop.data.content).toMatch(/^No quiz is running/);

        for (const exchange of game.exchanges) expect(exchange.rejections, exchange.id).toEqual([]);
        expect(bot.linesMatching(/"level":"error"/)).toEqual([]);
        // What the bot said on the gateway: two IDENTIFYs (start, after op 9) asking for the Guilds
        // intent only, a RESUME after each of the three other faults, and heartbeats throughout.
        const sent = (op: number) => discord.gatewayReceived.filter((p) => p.op === op);
        expect(sent(2).map((p) => p.d.intents)).toEqual([1, 1]);
        expect(sent(6)).toHaveLength(3);
        expect(sent(1).length).toBeGreaterThan(10);
      },
    );
  }, 120_000);

  it('stops cleanly on SIGTERM mid-game, and the next start carries the game on with every point', async () => {
    const discord = await startFakeDiscord();
    const databasePath = temporaryDatabasePath();
    // Run by node itself, as a supervisor runs it, so the test sees the bot's own exit code.
    let bot = await startBot(discord, { databasePath, via: 'node' });
    await runShowingBotOutput(
      discord,
      () => bot,
      async () => {
        const channelId = discord.guilds[0]!.channelIds[0]!;
        const game = table(discord, channelId);
        await (await game.slash('quiz', { rounds: 3, seconds: 10 }, { subcommand: 'start', ...BOB.opts })).answer();
        const q1 = await game.question(1);
        await game.answer(ALICE, q1, 'A');
        await game.answer(BOB, q1, 'B');
        const savedBefore = pointsInDatabase(databasePath);
        expect(Object.keys(savedBefore).sort()).toEqual(['Alice', 'Bob']);

        expect(await bot.stop('SIGTERM')).toEqual({ code: 0, signal: null });
        expect(bot.output).toContainEqual(expect.stringContaining('"signal":"SIGTERM","msg":"shutting down"'));
        expect(bot.linesMatching(/"level":"error"/)).toEqual([]);

        bot = await startBot(discord, { databasePath });
        // Back within seconds: the game goes on where it was. Question 1 closes at its deadline and is
        // revealed counting both answers given before the restart; question 2 follows.
        const right = await game.reveal(q1);
        const revealed = discord.messages.get(q1.id)!;
        expect(revealed.embeds[0]!.fields!.find((f) => f.name === 'Right answers')?.value).toMatch(/ of 2$/);
        expect(pointsInDatabase(databasePath)).toEqual(savedBefore);
        const q2 = await game.question(2);

        // A player whose screen still shows question 1's buttons clicks one: told the round ended.
        const stale = await discord.dispatchInteraction(clickPayload(q1, (c) => c.label === 'C', { ...ALICE.opts }));
        expect((await stale.answer()).data).toMatchObject({ content: 'This round has ended.', flags: 64 });
        await game.answer(ALICE, q2, 'A');
        const stop = await (await game.slash('quiz', {}, { subcommand: 'stop', ...BOB.opts })).answer();
        expect(stop.data.embeds[0].title).toBe('Quiz stopped');
        expect(Object.keys(standings(stop.data.embeds[0].description)).sort()).toEqual(['Alice', 'Bob']);
        const stats = await (await game.slash('quiz', {}, { subcommand: 'stats', ...ALICE.opts })).answer();
        expect(statsField(stats, 'Answers')).toBe('2');
        expect(right).toMatch(/^[A-D]$/);
        // The channel is free for a new game.
        const again = await (
          await game.slash('quiz', { rounds: 3, seconds: 10 }, { subcommand: 'start', ...ALICE.opts })
        ).answer();
        expect(again.data.content).toMatch(/^Your quiz has started/);
        for (const exchange of game.exchanges) expect(exchange.rejections, exchange.id).toEqual([]);
      },
    );
  }, 120_000);
});
