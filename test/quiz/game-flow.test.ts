// A quiz game as players see it, driven through the /quiz command with fake timers and a fake
// channel: questions, clicks, reveals, standings, stopping, and what late or stale clicks get.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateQuestions } from '../../src/domain/quiz/questions.js';
import type { QuizSettings } from '../../src/domain/quiz/types.js';
import { seededRandom } from '../../src/domain/random.js';
import { toMessageBody } from '../../src/render/discord.js';
import { openSqliteStorage } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/types.js';
import { allText, baseApp, buttons, press, quizRun, replyText, setUp, type Player } from './support.js';

const ann: Player = { id: 'ann', name: 'Ann' };
const bob: Player = { id: 'bob', name: 'Bob' };
const mod: Player = { id: 'mod', name: 'Mod', canManageMessages: true };

/** The questions a game started with this seed will ask: they are drawn first, from the same source. */
function questionsFor(seed: number, settings: Partial<QuizSettings> = {}) {
  return generateQuestions(baseApp().data, seededRandom(seed), {
    rounds: settings.rounds ?? 10,
    difficulty: settings.difficulty ?? 'normal',
    topic: settings.topic ?? 'any',
  });
}

// The dataset is loaded (and checked against today's date) before the clock is faked.
baseApp();

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-02T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a whole game', () => {
  it('asks, takes one answer each, reveals, shows standings and ends with the best streak', async () => {
    const { app, port } = await setUp({ seed: 3 });
    const questions = questionsFor(3, { rounds: 3 });

    const started = await quizRun(app, ann, 'start', { rounds: 3, seconds: 10 });
    expect(started).toMatchObject({ ephemeral: true });
    expect(started.content).toContain('Your quiz has started');

    // Question 1: the announcement, the prompt, four options and buttons A–D.
    expect(port.posts).toHaveLength(1);
    const first = port.posts[0]!;
    expect(first.reply.content).toContain('Ann started a quiz: 3 questions, 10 seconds each (normal, all topics)');
    expect(allText(first.reply)).toContain(questions[0]!.prompt.en);
    const ids = buttons(first.reply).map((b) => b.customId);
    expect(buttons(first.reply).map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(ids.every((id) => /^quiz:a:[a-z0-9]{8}:0:[0-3]$/.test(id) && id.length < 100)).toBe(true);
    // Nothing in a custom_id but the button's position: all four differ only in their last digit.
    expect(new Set(ids.map((id) => id.slice(0, -1))).size).toBe(1);
    expect(() => toMessageBody(first.reply)).not.toThrow();

    const right = questions[0]!.answer;
    const wrong = (right + 1) % 4;
    vi.advanceTimersByTime(2000);
    expect(replyText(await press(app, ann, ids[right]!))).toBe(
      `Answer recorded: **${'ABCD'[right]}**. The right answer is shown when time is up.`,
    );
    expect(replyText(await press(app, ann, ids[wrong]!))).toBe('You already answered this question.');
    vi.advanceTimersByTime(3000);
    const bobAnswer = await press(app, bob, ids[wrong]!);
    expect(bobAnswer).toMatchObject({ kind: 'reply', reply: { ephemeral: true } });

    // Time is up: the same message becomes the reveal.
    await vi.advanceTimersByTimeAsync(5000);
    expect(port.edits).toHaveLength(1);
    const reveal = port.edits[0]!;
    expect(reveal.messageId).toBe(first.messageId);
    expect(buttons(reveal.reply).every((b) => b.disabled)).toBe(true);
    expect(buttons(reveal.reply)[right]!.style).toBe('success');
    const revealText = allText(reveal.reply);
    expect(revealText).toContain(`the answer is ${'ABCD'[right]}`);
    expect(revealText).toContain(questions[0]!.fact.en);
    for (const source of questions[0]!.sources) expect(revealText).toContain(source.url.slice(0, 30));
    expect(revealText).toContain('1 of 2');
    expect(reveal.reply.cards![0]!.footer).toBe('Next question in a few seconds.');
    // Ann answered right after 2 of 10 seconds: 100 + 40 for speed.
    expect(revealText).toMatch(/1\. \*\*Ann\*\*: 140 points, 1 right\n2\. \*\*Bob\*\*: 0 points, 0 right/);

    expect(replyText(await press(app, bob, ids[right]!))).toBe('This round has ended.');

    // Question 2 comes after the pause.
    await vi.advanceTimersByTimeAsync(5000);
    expect(port.posts).toHaveLength(2);
    const second = buttons(port.posts[1]!.reply).map((b) => b.customId);
    expect(second[0]).toMatch(/:1:0$/);
    expect(port.posts[1]!.reply.content).toBeUndefined();
    await press(app, ann, second[questions[1]!.answer]!);
    await vi.advanceTimersByTimeAsync(15_000);

    const third = buttons(port.posts[2]!.reply).map((b) => b.customId);
    await press(app, ann, third[questions[2]!.answer]!);
    await press(app, bob, third[questions[2]!.answer]!);
    await vi.advanceTimersByTimeAsync(10_000);

    // The last reveal promises nothing more; the final standings and the best streak follow it.
    expect(allText(port.edits.at(-1)!.reply)).not.toContain('Next question');
    expect(port.posts).toHaveLength(4);
    const final = allText(port.posts[3]!.reply);
    expect(final).toContain('Quiz over');
    expect(final).toContain('All 3 questions done.');
    expect(final).toMatch(/1\. \*\*Ann\*\*: \d+ points, 3 right · 🔥 3 in a row/);
    expect(final).toContain('**Ann**: 3 right in a row');
    expect(app.quiz.runningGames).toBe(0);

    expect(replyText(await press(app, bob, ids[right]!))).toBe('This game has ended.');

    // Every point shown is in the database.
    const stats = await quizRun(app, ann, 'stats');
    const points = Number(/1\. \*\*Ann\*\*: (\d+) points/.exec(final)![1]);
    expect(allText(stats)).toContain(String(points));
    expect(allText(stats)).toContain('100%');
  });

  it('plays in Chinese when the server speaks Chinese, and answers each player in their language', async () => {
    const { app, port } = await setUp({ seed: 5 });
    await quizRun(app, { ...ann, locale: 'zh-CN' }, 'start', { rounds: 3 });
    const q = port.posts[0]!.reply;
    expect(q.content).toContain('问答时间');
    expect(q.cards![0]!.title).toBe('第1题（共3题）');
    const id = buttons(q)[0]!.customId;
    expect(replyText(await press(app, { ...bob, locale: 'zh-CN' }, id))).toContain('已记录你的答案');
    expect(replyText(await press(app, { ...bob, locale: 'en' }, id))).toBe('You already answered this question.');
  });
});

describe('one game per channel', () => {
  it('tells a second starter that a game is running and about when it ends', async () => {
    const { app, port } = await setUp();
    await quizRun(app, ann, 'start', { rounds: 10, seconds: 20 });
    const second = await quizRun(app, bob, 'start');
    expect(second.ephemeral).toBe(true);
    // 10 questions of 20 s with 5 s between them.
    expect(second.content).toContain('A quiz is already running in this channel; it ends in about 5 min.');
    expect(port.posts).toHaveLength(1);

    // Another channel is free.
    await quizRun(app, { ...bob, channelId: 'channel-2' }, 'start');
    expect(port.posts).toHaveLength(2);
    expect(app.quiz.runningGames).toBe(2);
  });

  it('frees the channel when the quiz cannot post there', async () => {
    const { app, port } = await setUp();
    port.failSends = true;
    const reply = await quizRun(app, ann, 'start');
    expect(reply.content).toContain("I couldn't post the quiz in this channel");
    expect(app.quiz.runningGames).toBe(0);
    port.failSends = false;
    await quizRun(app, ann, 'start');
    expect(app.quiz.runningGames).toBe(1);
  });

  it('rejects settings out of range with a clear message', async () => {
    const { app, port } = await setUp();
    expect((await quizRun(app, ann, 'start', { rounds: 2 })).content).toBe(
      '“rounds” must be a whole number from 3 to 20.',
    );
    expect((await quizRun(app, ann, 'start', { seconds: 'soon' })).content).toBe(
      '“seconds” must be a whole number from 10 to 60.',
    );
    expect((await quizRun(app, ann, 'start', { difficulty: "'; DROP TABLE answers; --" })).content).toContain(
      '“difficulty” must be one of',
    );
    expect(port.posts).toHaveLength(0);
  });
});

describe('stopping', () => {
  it('is for the starter or a member who can manage messages', async () => {
    const { app, port } = await setUp({ seed: 2 });
    await quizRun(app, ann, 'start', { rounds: 5 });
    const refused = await quizRun(app, bob, 'stop');
    expect(refused).toMatchObject({ ephemeral: true });
    expect(refused.content).toBe('Only Ann, who started this quiz, or a member who can manage messages can stop it.');
    expect(app.quiz.runningGames).toBe(1);

    const stopped = await quizRun(app, mod, 'stop');
    expect(stopped.ephemeral).toBeUndefined();
    expect(allText(stopped)).toContain('Quiz stopped');
    expect(allText(stopped)).toContain('Mod stopped the quiz after 1 of 5 questions.');
    // The open question is revealed and its buttons turned off, with no next question promised.
    const reveal = port.edits.at(-1)!.reply;
    expect(reveal.cards![0]!.title).toMatch(/^Question 1 of 5: the answer is [A-D]$/);
    expect(buttons(reveal).every((b) => b.disabled)).toBe(true);
    expect(allText(reveal)).not.toContain('Next question');
    expect(app.quiz.runningGames).toBe(0);
    expect((await quizRun(app, ann, 'stop')).content).toBe(
      'No quiz is running in this channel. Start one with /quiz start.',
    );

    // No more questions come.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(port.posts).toHaveLength(1);
  });

  it('works for the starter between two questions, taking back the promise of a next one', async () => {
    const { app, port } = await setUp();
    await quizRun(app, ann, 'start', { rounds: 3, seconds: 10 });
    await vi.advanceTimersByTimeAsync(12_000);
    const question = port.posts[0]!.messageId;
    expect(port.messages.get(question)!.reply.cards![0]!.footer).toBe('Next question in a few seconds.');
    expect(allText(await quizRun(app, ann, 'stop'))).toContain('Ann stopped the quiz after 1 of 3 questions.');
    const shown = port.messages.get(question)!.reply;
    expect(shown.cards![0]!.title).toMatch(/: the answer is [A-D]$/);
    expect(allText(shown)).not.toContain('Next question');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(port.posts).toHaveLength(1);
  });

  it('leaves a Chinese game’s last reveal without the promise of a next question', async () => {
    const { app, port } = await setUp({ seed: 6 });
    const zhAnn = { ...ann, locale: 'zh-CN' as const };
    await quizRun(app, zhAnn, 'start', { rounds: 3, seconds: 10 });
    const right = questionsFor(6, { rounds: 3 })[0]!.answer;
    await press(app, zhAnn, buttons(port.posts[0]!.reply)[right]!.customId);
    await vi.advanceTimersByTimeAsync(12_000);
    expect(allText(port.messages.get(port.posts[0]!.messageId)!.reply)).toContain('几秒后出下一题。');
    const stopped = await quizRun(app, zhAnn, 'stop');
    expect(allText(stopped)).toContain('问答已中止');
    expect(allText(stopped)).toMatch(/1\. \*\*Ann\*\*：\d+分，答对1题/);
    // One right answer is no streak: the final card names none.
    expect(allText(stopped)).not.toContain('最长连对');
    expect(allText(port.messages.get(port.posts[0]!.messageId)!.reply)).not.toContain('几秒后出下一题。');
  });
});

describe('a database that fails', () => {
  it('tells the player their answer was not saved, and lets them answer again', async () => {
    const real = openSqliteStorage(':memory:');
    let failNext = false;
    const flaky: Storage = {
      ...bindAll(real),
      async recordAnswer(answer) {
        if (failNext) {
          failNext = false;
          throw new Error('SQLITE_FULL: database or disk is full');
        }
        return real.recordAnswer(answer);
      },
    };
    const logged: string[] = [];
    const log = { debug() {}, info() {}, warn() {}, error: (message: string) => void logged.push(message) };
    const { app, port } = await setUp({ storage: () => flaky, log });
    await quizRun(app, ann, 'start', { rounds: 3 });
    const id = buttons(port.posts[0]!.reply)[0]!.customId;
    failNext = true;
    expect(replyText(await press(app, ann, id))).toBe('Your answer could not be saved. Please try again.');
    expect(logged).toEqual(['quiz: could not save an answer']);
    expect(replyText(await press(app, ann, id))).toContain('Answer recorded');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(allText(port.edits[0]!.reply)).toMatch(/Right answers\n[01] of 1/);
  });
});

/** The storage's methods bound to it, so a test can replace one and keep the rest. */
function bindAll(storage: Storage): Storage {
  const proto = Object.getPrototypeOf(storage) as Record<string, unknown>;
  const bound: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(proto)) {
    const member = (storage as unknown as Record<string, unknown>)[name];
    if (name !== 'constructor' && typeof member === 'function')
      bound[name] = (member as (...a: unknown[]) => unknown).bind(storage);
  }
  return bound as unknown as Storage;
}

describe('clicks that cannot count', () => {
  it('answer stale, forged and malformed buttons clearly', async () => {
    const { app } = await setUp();
    await quizRun(app, ann, 'start');
    const cases: [string, string][] = [
      ['quiz:a:zzzzzzzz:0:1', 'This game has ended.'],
      ['quiz:a:', 'That button is out of date.'],
      ['quiz:a:abc:0:1', 'That button is out of date.'],
      ["quiz:a:abcdefgh:0:1'; DROP TABLE games;--", 'That button is out of date.'],
      ['quiz:answer:1', 'That button is out of date.'],
      [`quiz:${'x'.repeat(5000)}`, 'That button is out of date.'],
    ];
    for (const [id, expected] of cases) {
      const result = await press(app, ann, id);
      expect(result).toMatchObject({ kind: 'reply', reply: { ephemeral: true } });
      expect(replyText(result)).toBe(expected);
    }
  });

  it('answer a button of a later question or a missing option as out of date', async () => {
    const { app, port } = await setUp();
    await quizRun(app, ann, 'start');
    const id = buttons(port.posts[0]!.reply)[0]!.customId;
    expect(replyText(await press(app, ann, id.replace(/:0:0$/, ':3:0')))).toBe('That button is out of date.');
    expect(replyText(await press(app, ann, id.replace(/:0:0$/, ':0:7')))).toBe('That button is out of date.');
  });
});
