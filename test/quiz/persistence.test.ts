// Points that must survive: a restart in the middle of a game with a real SQLite file, leaderboards
// over time windows and servers, opting out, and many games at once without losing or doubling an answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuizService } from '../../src/app/quiz-service.js';
import { generateQuestions } from '../../src/domain/quiz/questions.js';
import { seededRandom } from '../../src/domain/random.js';
import { openSqliteStorage } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/types.js';
import { command as leaderboard } from '../../src/commands/leaderboard.js';
import { answer, gameRecord } from '../storage/records.js';
import {
  allText,
  baseApp,
  buttons,
  context,
  killableScheduler,
  press,
  quizRun,
  replyText,
  setUp,
  type Player,
} from './support.js';

const ann: Player = { id: 'ann', name: 'Ann', guildId: 'g1' };
const bob: Player = { id: 'bob', name: 'Bob', guildId: 'g1' };

const cleanup: (() => void)[] = [];
const dirs: string[] = [];
function tempDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'youcheng-quiz-'));
  dirs.push(dir);
  return join(dir, 'youcheng.sqlite');
}
function track(quiz: QuizService): void {
  cleanup.push(() => quiz.close());
}

baseApp();
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-02T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
  cleanup.splice(0).forEach((f) => f());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('a restart in the middle of a game', () => {
  it('under the same INSTANCE_ID carries the game on at once, from the question on screen, scores and all', async () => {
    const path = tempDatabase();
    const before = await setUp({ seed: 4, databasePath: path, instanceId: 'quiz-host-1' });
    track(before.quiz);
    const questions = generateQuestions(baseApp().data, seededRandom(4), {
      rounds: 3,
      difficulty: 'normal',
      topic: 'any',
    });
    await quizRun(before.app, ann, 'start', { rounds: 3, seconds: 10 });
    const first = buttons(before.port.posts[0]!.reply).map((b) => b.customId);
    await press(before.app, ann, first[questions[0]!.answer]!);
    await vi.advanceTimersByTimeAsync(15_000);
    const second = buttons(before.port.posts[1]!.reply).map((b) => b.customId);
    await press(before.app, ann, second[questions[1]!.answer]!);

    // kill -9, and the supervisor starts the bot again 3 s later: its lease (30 s) has not run out,
    // but the new process knows the game is its own.
    // (vitest's clearAllTimers also sets the clock back to where the fake timers began.)
    const killedAt = Date.now();
    vi.clearAllTimers();
    vi.setSystemTime(killedAt + 3_000);
    const after = await setUp({ seed: 9, databasePath: path, instanceId: 'quiz-host-1' });
    track(after.quiz);
    expect(after.quiz.runningGames).toBe(1);
    // Question 2 keeps its deadline: a click still counts, then it is revealed with both answers.
    expect(replyText(await press(after.app, bob, second[questions[1]!.answer]!))).toContain('Answer recorded');
    await vi.advanceTimersByTimeAsync(8_000);
    expect(after.port.edits[0]).toMatchObject({ messageId: before.port.posts[1]!.messageId });
    expect(allText(after.port.edits[0]!.reply)).toContain('Right answers\n2 of 2');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(allText(after.port.posts[0]!.reply)).toContain('Question 3 of 3');
    await vi.advanceTimersByTimeAsync(60_000);
    const final = allText(after.port.posts.at(-1)!.reply);
    expect(final).toContain('Quiz over');
    expect(final).toMatch(/1\. \*\*Ann\*\*: 3\d\d points, 2 right/);
    expect(final).toContain('Best streak\n**Ann**: 2 right in a row');
    expect(after.quiz.runningGames).toBe(0);
  });

  it('after a long outage closes the game, keeps every point earned and retires the old buttons', async () => {
    const path = tempDatabase();
    const before = await setUp({ seed: 4, databasePath: path });
    track(before.quiz);
    const questions = generateQuestions(baseApp().data, seededRandom(4), {
      rounds: 5,
      difficulty: 'normal',
      topic: 'any',
    });
    await quizRun(before.app, ann, 'start', { rounds: 5, seconds: 10 });
    const first = buttons(before.port.posts[0]!.reply).map((b) => b.customId);
    await press(before.app, ann, first[questions[0]!.answer]!);
    await press(before.app, bob, first[(questions[0]!.answer + 1) % 4]!);
    await vi.advanceTimersByTimeAsync(15_000);
    const second = buttons(before.port.posts[1]!.reply).map((b) => b.customId);
    expect(replyText(await press(before.app, ann, second[questions[1]!.answer]!))).toContain('Answer recorded');

    // The process dies: nothing is closed, its timers are gone, and its lease (30 s) runs out. The
    // bot is back ten minutes later: too late to go on with the game (the players have left).
    const killedAt = Date.now();
    vi.clearAllTimers();
    vi.setSystemTime(killedAt + 10 * 60_000);

    const after = await setUp({ seed: 9, databasePath: path });
    track(after.quiz);
    // The question left on screen is replaced by a notice with the standings so far.
    expect(after.port.edits).toHaveLength(1);
    expect(after.port.edits[0]).toMatchObject({ channelId: 'channel-1', messageId: before.port.posts[1]!.messageId });
    const notice = allText(after.port.edits[0]!.reply);
    expect(notice).toContain('The bot restarted, so this quiz was closed. Points already earned are kept.');
    // 150 for the first answer (instant), 150 + 10 streak bonus for the second.
    expect(notice).toContain('1. **Ann**: 310 points, 2 right');
    expect(buttons(after.port.edits[0]!.reply)).toEqual([]);

    expect(replyText(await press(after.app, ann, second[0]!))).toBe('This game has ended.');
    expect(allText(await quizRun(after.app, ann, 'stats'))).toMatch(/Points\n310/);
    const board = await leaderboard.run({ options: { period: 'all' } }, context(after.app, ann));
    expect(allText(board)).toContain('1. **Ann**: 310 points, 2 right');

    // The channel is free for a new game, whose buttons are new.
    await quizRun(after.app, bob, 'start');
    expect(after.app.quiz.runningGames).toBe(1);
    expect(buttons(after.port.posts[0]!.reply)[0]!.customId).not.toBe(first[0]);
  });
});

describe('two instances on one database', () => {
  it('leave each other’s live games alone, and count a click that reaches the other instance once', async () => {
    const path = tempDatabase();
    const owner = await setUp({ seed: 4, databasePath: path });
    track(owner.quiz);
    const questions = generateQuestions(baseApp().data, seededRandom(4), {
      rounds: 3,
      difficulty: 'normal',
      topic: 'any',
    });
    await quizRun(owner.app, ann, 'start', { rounds: 3, seconds: 10 });

    // A second instance starts while the game runs: the game is not its to close.
    const other = await setUp({ seed: 9, databasePath: path });
    track(other.quiz);
    expect(other.port.edits).toEqual([]);

    const first = buttons(owner.port.posts[0]!.reply).map((b) => b.customId);
    const right = questions[0]!.answer;
    // Ann's click reaches the owner, Bob's the other instance (HTTP instances behind one address).
    expect(replyText(await press(owner.app, ann, first[right]!))).toContain('Answer recorded');
    expect(replyText(await press(other.app, bob, first[right]!))).toContain('Answer recorded');
    // Bob clicks again, on either instance: one answer per player per question.
    expect(replyText(await press(owner.app, bob, first[(right + 1) % 4]!))).toBe('You already answered this question.');
    expect(replyText(await press(other.app, bob, first[(right + 1) % 4]!))).toBe('You already answered this question.');
    expect(replyText(await press(other.app, ann, first[right]!))).toBe('You already answered this question.');

    // The owner's reveal counts both right answers, and its standings include Bob.
    await vi.advanceTimersByTimeAsync(10_000);
    const reveal = allText(owner.port.messages.get(owner.port.posts[0]!.messageId)!.reply);
    expect(reveal).toContain('Right answers\n2 of 2');
    // A click on the closed round is refused on the other instance too.
    expect(replyText(await press(other.app, bob, first[right]!))).toBe('This round has ended.');

    await vi.advanceTimersByTimeAsync(60_000);
    const final = allText(owner.port.posts.at(-1)!.reply);
    expect(final).toMatch(/\*\*Ann\*\*: 150 points, 1 right/);
    expect(final).toMatch(/\*\*Bob\*\*: 150 points, 1 right/);
    expect(allText(await quizRun(other.app, bob, 'stats'))).toMatch(/Points\n150/);
    expect(other.port.edits).toEqual([]);
  });
});

describe('two live processes given the same INSTANCE_ID (a misconfiguration)', () => {
  it('never drive one game both: the newcomer carries it on, the other lets it go, and it is reported', async () => {
    const path = tempDatabase();
    const errors: string[] = [];
    const log = { debug() {}, info() {}, warn() {}, error: (message: string) => errors.push(message) };
    const first = await setUp({ seed: 4, databasePath: path, instanceId: 'http-1', log });
    track(first.quiz);
    await quizRun(first.app, ann, 'start', { rounds: 3, seconds: 10 });
    const second = await setUp({ seed: 9, databasePath: path, instanceId: 'http-1', log });
    track(second.quiz);
    expect(second.quiz.runningGames).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    // Each question posted and revealed once, from the newcomer; nothing more from the first.
    expect(first.port.posts).toHaveLength(1);
    expect(first.port.edits).toEqual([]);
    expect(first.quiz.runningGames).toBe(0);
    expect(second.port.edits.map((e) => e.messageId)).toEqual([
      first.port.posts[0]!.messageId,
      second.port.posts[0]!.messageId,
      second.port.posts[1]!.messageId,
    ]);
    expect(second.port.posts.map((p) => allText(p.reply))).toEqual([
      expect.stringContaining('Question 2 of 3'),
      expect.stringContaining('Question 3 of 3'),
      expect.stringContaining('Quiz over'),
    ]);
    // A new game on the first process: the newcomer's lease check sees the name used twice.
    await quizRun(first.app, { ...bob, channelId: 'channel-2' }, 'start', { rounds: 3, seconds: 10 });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(errors).toContain('quiz: another running process uses this INSTANCE_ID; give each process its own');
  });
});

describe('/quiz stop on an instance that does not drive the game', () => {
  it('ends the game there: the question revealed, the final standings given, and the owner lets it go', async () => {
    const path = tempDatabase();
    const owner = await setUp({ seed: 4, databasePath: path });
    track(owner.quiz);
    const other = await setUp({ seed: 9, databasePath: path });
    track(other.quiz);
    const questions = generateQuestions(baseApp().data, seededRandom(4), {
      rounds: 3,
      difficulty: 'normal',
      topic: 'any',
    });
    await quizRun(owner.app, ann, 'start', { rounds: 3, seconds: 10 });
    // /quiz start on the other instance sees the running game too.
    expect(allText(await quizRun(other.app, bob, 'start'))).toMatch(/already running in this channel/);
    const first = buttons(owner.port.posts[0]!.reply).map((b) => b.customId);
    await press(owner.app, ann, first[questions[0]!.answer]!);
    await press(other.app, bob, first[(questions[0]!.answer + 1) % 4]!);

    // Only the starter or a moderator may stop it, wherever the command lands.
    expect(allText(await quizRun(other.app, bob, 'stop'))).toMatch(/^Only Ann, who started/);
    const stopped = allText(await quizRun(other.app, ann, 'stop'));
    expect(stopped).toContain('Quiz stopped');
    expect(stopped).toMatch(/\*\*Ann\*\*: 150 points, 1 right/);
    expect(stopped).toMatch(/\*\*Bob\*\*: 0 points, 0 right/);
    // The question on screen is revealed without the promise of a next one, its buttons off.
    expect(other.port.edits[0]).toMatchObject({ messageId: owner.port.posts[0]!.messageId });
    const reveal = allText(other.port.edits[0]!.reply);
    expect(reveal).toContain('Right answers\n1 of 2');
    expect(reveal).not.toContain('Next question');
    expect(replyText(await press(other.app, ann, first[0]!))).toBe('This game has ended.');

    // The owner's round timer finds the game ended and lets it go: nothing more is posted or edited.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(owner.port.posts).toHaveLength(1);
    expect(owner.port.edits).toEqual([]);
    expect(owner.quiz.runningGames).toBe(0);
    expect(allText(await quizRun(owner.app, bob, 'stop'))).toContain('No quiz is running');
    // The channel is free on both instances.
    expect(allText(await quizRun(owner.app, bob, 'start'))).toContain('Your quiz has started');
  });

  it('frees the channel on the owner at once for a new /quiz start there', async () => {
    const path = tempDatabase();
    const owner = await setUp({ seed: 4, databasePath: path });
    track(owner.quiz);
    const other = await setUp({ seed: 9, databasePath: path });
    track(other.quiz);
    await quizRun(owner.app, ann, 'start', { rounds: 3, seconds: 30 });
    expect(allText(await quizRun(other.app, ann, 'stop'))).toContain('Quiz stopped');
    expect(allText(await quizRun(owner.app, ann, 'start'))).toContain('Your quiz has started');
    expect(owner.quiz.runningGames).toBe(1);
  });
});

describe('an instance that dies mid-game', () => {
  it('has its game carried on by another instance once its lease runs out, scores and all', async () => {
    const path = tempDatabase();
    const dying = killableScheduler();
    const owner = await setUp({ seed: 4, databasePath: path, scheduler: dying });
    track(owner.quiz);
    const other = await setUp({ seed: 9, databasePath: path });
    track(other.quiz);
    const questions = generateQuestions(baseApp().data, seededRandom(4), {
      rounds: 3,
      difficulty: 'normal',
      topic: 'any',
    });
    await quizRun(owner.app, ann, 'start', { rounds: 3, seconds: 10 });
    const first = buttons(owner.port.posts[0]!.reply).map((b) => b.customId);
    await press(owner.app, ann, first[questions[0]!.answer]!);
    await press(other.app, bob, first[(questions[0]!.answer + 1) % 4]!);

    // kill -9: the owner's timers and lease renewals stop; its memory is gone with it.
    dying.kill();
    await vi.advanceTimersByTimeAsync(9_000);
    // Within one lease (30 s) plus one renewal period, the other instance takes the game over: it
    // reveals question 1 (on the owner's message), asks questions 2 and 3 and posts the final standings.
    await vi.advanceTimersByTimeAsync(45_000);
    expect(other.port.edits[0]).toMatchObject({ messageId: owner.port.posts[0]!.messageId });
    expect(allText(other.port.edits[0]!.reply)).toContain('Right answers\n1 of 2');
    const second = buttons(other.port.posts[0]!.reply).map((b) => b.customId);
    expect(second[0]).toMatch(/^quiz:a:[a-z0-9]+:1:0$/);
    expect(replyText(await press(other.app, ann, second[questions[1]!.answer]!))).toContain('Answer recorded');
    await vi.advanceTimersByTimeAsync(60_000);
    const final = allText(other.port.posts.at(-1)!.reply);
    expect(final).toContain('Quiz over');
    // Ann's points and streak carried across the takeover.
    expect(final).toMatch(/\*\*Ann\*\*: (2\d\d|3[01]\d) points, 2 right/);
    expect(final).toContain('Best streak\n**Ann**: 2 right in a row');
    expect(final).toMatch(/\*\*Bob\*\*: 0 points, 0 right/);
    expect(other.quiz.runningGames).toBe(0);
    expect(owner.port.posts).toHaveLength(1);
  });
});

describe('leaderboards', () => {
  /** Wednesday 2 December 2026: the week began Monday 30 November, the month on 1 December. */
  async function withHistory(): Promise<Awaited<ReturnType<typeof setUp>>> {
    const storage = openSqliteStorage(':memory:');
    await storage.createGame(gameRecord('gameaaaa', { guildId: 'g1' }));
    await storage.createGame(gameRecord('gamebbbb', { guildId: 'g2' }));
    const add = (game: string, q: number, userId: string, name: string, points: number, iso: string, guildId = 'g1') =>
      storage.recordAnswer(answer(game, q, userId, { userName: name, points, guildId, answeredAt: new Date(iso) }));
    await add('gameaaaa', 0, 'ann', 'Ann', 300, '2026-11-30T09:00:00Z');
    await add('gameaaaa', 0, 'old', 'Old Timer', 900, '2026-10-15T09:00:00Z');
    await add('gamebbbb', 0, 'cat', 'Cat', 250, '2026-12-01T09:00:00Z', 'g2');
    const setup = await setUp({ storage: () => storage });
    track(setup.quiz);
    return setup;
  }

  async function board(
    setup: { app: Parameters<typeof context>[0] },
    player: Player,
    options: Record<string, string> = {},
  ) {
    return allText(await leaderboard.run({ options }, context(setup.app, player)));
  }

  it('show this week on this server by default, with the weekly reset time', async () => {
    const setup = await withHistory();
    const text = await board(setup, ann);
    expect(text).toContain('This week · this server');
    expect(text).toContain('1. **Ann**: 300 points');
    expect(text).toContain('1 player on this board');
    expect(text).not.toContain('Cat');
    expect(text).not.toContain('Old Timer');
    expect(text).toContain('Resets 7 December 2026, 00:00 UTC');
  });

  it('show this month, all time, and all servers', async () => {
    const setup = await withHistory();
    const month = await board(setup, ann, { period: 'month', scope: 'global' });
    expect(month).toContain('This month · all servers');
    expect(month).toContain('1. **Cat**: 250 points');
    expect(month).not.toContain('Ann');
    expect(month).toContain('Resets 1 January 2027, 00:00 UTC');
    const all = await board(setup, ann, { period: 'all', scope: 'global' });
    expect(all).toMatch(
      /1\. \*\*Old Timer\*\*: 900 points[^\n]*\n2\. \*\*Ann\*\*: 300 points[^\n]*\n3\. \*\*Cat\*\*: 250 points/,
    );
    expect(all).not.toContain('Resets');
  });

  it('fall back to all servers in a DM, and say so', async () => {
    const setup = await withHistory();
    const text = await board(setup, { ...ann, guildId: null }, { period: 'all' });
    expect(text).toContain('all servers');
    expect(text).toContain('Server boards need a server, so this shows all servers.');
  });

  it('speak Chinese', async () => {
    const setup = await withHistory();
    const text = await board(setup, { ...ann, locale: 'zh-CN' });
    expect(text).toContain('本周 · 本服务器');
    expect(text).toContain('1. **Ann**：300分');
    expect(text).toContain('重置时间：2026年12月7日 00:00（UTC）');
  });

  it('leave out a player who opted out, hide their stats from others, and bring them back', async () => {
    const setup = await withHistory();
    const out = await quizRun(setup.app, ann, 'optout');
    expect(out).toMatchObject({
      ephemeral: true,
      content: 'You are now hidden from leaderboards. Your points are kept; /quiz optin brings you back.',
    });
    expect((await quizRun(setup.app, ann, 'optout')).content).toBe('You had already opted out of leaderboards.');
    const hidden = await leaderboard.run({ options: { period: 'all', scope: 'global' } }, context(setup.app, ann));
    expect(hidden.ephemeral).toBe(true);
    expect(allText(hidden)).not.toContain('Ann');
    expect(allText(hidden)).toContain(
      'You have opted out of leaderboards, so your points are not shown. Use /quiz optin to show them.',
    );
    expect(allText(hidden)).toContain('2 players on this board');
    // Others see the board without Ann, publicly, with nothing about her.
    const others = await leaderboard.run({ options: { period: 'all', scope: 'global' } }, context(setup.app, bob));
    expect(others.ephemeral).toBeUndefined();
    expect(allText(others)).toMatch(/1\. \*\*Old Timer\*\*: 900 points[^\n]*\n2\. \*\*Cat\*\*: 250 points/);
    expect(allText(others)).not.toContain('opted out');
    // This week on this server only Ann has points: she is told why the board is empty, others see it empty.
    const mine = allText(await leaderboard.run({ options: {} }, context(setup.app, ann)));
    expect(mine).toContain('No other player has points on this board yet.');
    expect(mine).not.toContain('No points on this board yet');
    expect(mine).toContain('Use /quiz optin to show them.');
    expect(await board(setup, bob)).toContain('No points on this board yet. Start a game with /quiz start.');
    const zh = await leaderboard.run(
      { options: {} },
      { ...context(setup.app, ann), locale: 'en', userLocale: 'zh-CN' },
    );
    expect(allText(zh)).toContain('你已退出排行榜，所以不显示你的积分。用 /问答 加入排行 可重新显示。');

    expect((await quizRun(setup.app, bob, 'stats', { user: { id: 'ann', name: 'Ann' } })).content).toBe(
      'Ann has opted out of leaderboards and stats.',
    );
    expect(allText(await quizRun(setup.app, ann, 'stats'))).toContain('Quiz stats: Ann');

    expect((await quizRun(setup.app, ann, 'optin')).content).toBe(
      'You are back on the leaderboards, with all your points.',
    );
    expect(await board(setup, ann, { period: 'all', scope: 'global' })).toContain('2. **Ann**: 300 points');
  });

  it('show the asker’s own rank when they are below the top ten', async () => {
    const storage = openSqliteStorage(':memory:');
    await storage.createGame(gameRecord('gameaaaa', { guildId: 'g1' }));
    for (let i = 0; i < 12; i++) {
      await storage.recordAnswer(
        answer('gameaaaa', 0, `p${i}`, {
          userName: `P${i}`,
          points: 1000 - i,
          answeredAt: new Date('2026-12-01T00:00:00Z'),
        }),
      );
    }
    const setup = await setUp({ storage: () => storage });
    track(setup.quiz);
    const text = await board(setup, { id: 'p11', name: 'P11', guildId: 'g1' });
    expect(text).toContain('10. **P9**');
    expect(text).not.toContain('**P11**');
    expect(text).toContain('You: #12 with 989 points');
    expect(text).toContain('12 players on this board');
  });
});

describe('200 games in 200 channels at once', () => {
  it('records every answer exactly once', async () => {
    const path = tempDatabase();
    const { app, port, quiz } = await setUp({ seed: 11, databasePath: path });
    track(quiz);
    const GAMES = 200;
    const PLAYERS = 8;
    const ROUNDS = 3;
    const channels = Array.from({ length: GAMES }, (_, i) => `channel-${i}`);
    await Promise.all(
      channels.map((channelId) => quizRun(app, { id: 'host', channelId }, 'start', { rounds: ROUNDS, seconds: 10 })),
    );
    expect(quiz.runningGames).toBe(GAMES);

    const counts = { recorded: 0, already: 0, ended: 0 };
    const tally = (text: string) => {
      if (text.startsWith('Answer recorded')) counts.recorded++;
      else if (text === 'You already answered this question.') counts.already++;
      else if (text === 'This round has ended.') counts.ended++;
      else throw new Error(`unexpected reply: ${text}`);
    };
    const previous = new Map<string, string[]>();
    for (let round = 0; round < ROUNDS; round++) {
      const clicks: Promise<void>[] = [];
      for (const channelId of channels) {
        const ids = buttons(port.question(channelId).reply).map((b) => b.customId);
        for (let p = 0; p < PLAYERS; p++) {
          const player = { id: `p${p}`, channelId };
          // Each player clicks twice (a double tap), and once more on the last round's button.
          clicks.push(press(app, player, ids[p % 4]!).then((r) => tally(replyText(r))));
          clicks.push(press(app, player, ids[(p + 1) % 4]!).then((r) => tally(replyText(r))));
          const old = previous.get(channelId);
          if (old) clicks.push(press(app, player, old[0]!).then((r) => tally(replyText(r))));
        }
        previous.set(channelId, ids);
      }
      await Promise.all(clicks);
      await vi.advanceTimersByTimeAsync(15_000);
    }
    expect(quiz.runningGames).toBe(0);
    expect(counts).toEqual({
      recorded: GAMES * ROUNDS * PLAYERS,
      already: GAMES * ROUNDS * PLAYERS,
      ended: GAMES * (ROUNDS - 1) * PLAYERS,
    });

    // The database holds exactly the recorded answers, and each game's final standings match it.
    const check: Storage = openSqliteStorage(path);
    cleanup.push(() => check.close());
    let answers = 0;
    for (const channelId of channels) {
      const gameId = /^quiz:a:([a-z0-9]+):/.exec(buttons(port.question(channelId).reply)[0]!.customId)![1]!;
      const scores = await check.gameScores(gameId);
      expect(scores).toHaveLength(PLAYERS);
      answers += scores.reduce((n, s) => n + s.answers, 0);
      const final = allText(port.channel(channelId).at(-1)!.reply);
      for (const s of scores) expect(final).toContain(`**player ${s.userId}**: ${s.points} points, ${s.correct} right`);
    }
    expect(answers).toBe(GAMES * ROUNDS * PLAYERS);
  }, 30_000);
});
