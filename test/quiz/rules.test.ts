// Scoring, the game state machine and the leaderboard windows: pure rules, no I/O.
import { describe, expect, it } from 'vitest';
import { QuizGame } from '../../src/domain/quiz/game.js';
import { nextReset, periodStart } from '../../src/domain/quiz/periods.js';
import { answerPoints, SCORING } from '../../src/domain/quiz/scoring.js';
import type { Question } from '../../src/domain/quiz/types.js';
import { helpReply } from '../../src/views/quiz.js';
import { allText } from './support.js';

describe('scoring', () => {
  it('gives a right answer its base points, up to 50 more for speed and a growing streak bonus', () => {
    expect(answerPoints(true, 0, 20_000, 1)).toBe(150);
    expect(answerPoints(true, 10_000, 20_000, 1)).toBe(125);
    expect(answerPoints(true, 20_000, 20_000, 1)).toBe(100);
    expect(answerPoints(true, 25_000, 20_000, 1)).toBe(100);
    expect(answerPoints(true, 20_000, 20_000, 2)).toBe(110);
    expect(answerPoints(true, 20_000, 20_000, 4)).toBe(130);
    expect(answerPoints(true, 20_000, 20_000, 50)).toBe(150);
  });

  it('gives a wrong answer nothing', () => {
    expect(answerPoints(false, 0, 20_000, 0)).toBe(0);
  });

  it('is the formula /quiz help shows', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = allText(helpReply(locale));
      for (const n of [SCORING.base, SCORING.speedMax, SCORING.streakStep, SCORING.streakMax])
        expect(text).toContain(String(n));
    }
    expect(allText(helpReply('en'))).toContain('A right answer scores 100 points, plus up to 50 for speed');
  });
});

function question(answer: number): Question {
  const text = { en: 'q', 'zh-CN': 'q' };
  return {
    kind: 'country-of-city',
    key: `k${answer}`,
    prompt: text,
    options: ['a', 'b', 'c', 'd'].map((x) => ({ en: x, 'zh-CN': x })),
    optionValues: ['a', 'b', 'c', 'd'],
    answer,
    fact: text,
    sources: [{ id: 'S', url: 'https://example.org', title: 'S' }],
  };
}

function game(rounds = 3): QuizGame {
  return new QuizGame(
    {
      id: 'game0001',
      guildId: 'g',
      channelId: 'c',
      starter: { id: 'starter', name: 'Starter' },
      locale: 'en',
      settings: { rounds, seconds: 20, difficulty: 'normal', topic: 'any' },
      startedAt: 0,
    },
    Array.from({ length: rounds }, (_, i) => question(i % 4)),
  );
}

const ann = { id: 'ann', name: 'Ann' };
const bob = { id: 'bob', name: 'Bob' };

describe('a game', () => {
  it('takes one answer per player per question and scores it at once', () => {
    const g = game();
    g.open(1000);
    expect(g.answer(ann, 0, 0, 1000)).toEqual({ kind: 'accepted', correct: true, points: 150, streak: 1 });
    expect(g.answer(ann, 0, 1, 2000)).toEqual({ kind: 'duplicate' });
    expect(g.answer(bob, 0, 2, 2000)).toMatchObject({ kind: 'accepted', correct: false, points: 0 });
    expect(g.standings().map((s) => [s.id, s.points])).toEqual([
      ['ann', 150],
      ['bob', 0],
    ]);
  });

  it('refuses answers to a closed round, to another round and after the end', () => {
    const g = game(2);
    g.open(0);
    g.close();
    expect(g.answer(ann, 0, 0, 100)).toEqual({ kind: 'round-over' });
    g.advance();
    g.open(30_000);
    expect(g.answer(ann, 0, 0, 30_100)).toEqual({ kind: 'round-over' });
    expect(g.answer(ann, 5, 0, 30_100)).toEqual({ kind: 'invalid' });
    expect(g.answer(ann, 1, 9, 30_100)).toEqual({ kind: 'invalid' });
    expect(g.advance()).toBe(false);
    expect(g.answer(ann, 1, 1, 30_200)).toEqual({ kind: 'game-over' });
  });

  it('counts a streak across rounds and breaks it on a wrong answer or none', () => {
    const g = game(4);
    g.open(0);
    g.answer(ann, 0, 0, 0);
    g.close();
    g.advance();
    g.open(30_000);
    expect(g.answer(ann, 1, 1, 30_000)).toMatchObject({ streak: 2, points: 160 });
    g.close();
    g.advance();
    g.open(60_000); // Ann does not answer question 3
    g.close();
    g.advance();
    g.open(90_000);
    expect(g.answer(ann, 3, 3, 90_000)).toMatchObject({ streak: 1, points: 150 });
    expect(g.bestStreak()).toMatchObject({ id: 'ann', bestStreak: 2 });
  });

  it('scores a round only with the answers that were saved', () => {
    const g = game();
    g.open(0);
    g.answer(ann, 0, 0, 0);
    g.close();
    g.advance();
    g.open(30_000);
    g.answer(ann, 1, 1, 30_000);
    g.lock();
    expect(g.answer(bob, 1, 1, 30_100)).toEqual({ kind: 'round-over' });
    g.retract('ann', 1); // the save failed after time was up
    expect(g.close()).toMatchObject({ answered: 0, right: 0 });
    expect(g.standings()[0]).toMatchObject({ id: 'ann', points: 150, streak: 0, bestStreak: 1 });
  });

  it('takes back an answer that could not be saved, so the player may answer again', () => {
    const g = game();
    g.open(0);
    g.answer(ann, 0, 0, 0);
    g.retract('ann', 0);
    expect(g.standings()).toEqual([]);
    expect(g.answer(ann, 0, 1, 10)).toMatchObject({ kind: 'accepted', correct: false });
  });
});

describe('leaderboard windows', () => {
  it('start weeks on Monday 00:00 UTC and months on the 1st', () => {
    const sunday = new Date('2025-06-01T23:59:59Z');
    expect(periodStart('week', sunday)?.toISOString()).toBe('2025-05-26T00:00:00.000Z');
    expect(nextReset('week', sunday)?.toISOString()).toBe('2025-06-02T00:00:00.000Z');
    const monday = new Date('2025-06-02T00:00:00Z');
    expect(periodStart('week', monday)?.toISOString()).toBe('2025-06-02T00:00:00.000Z');
    expect(periodStart('month', sunday)?.toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(nextReset('month', new Date('2025-12-31T12:00:00Z'))?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(periodStart('all', sunday)).toBeNull();
    expect(nextReset('all', sunday)).toBeNull();
  });
});

describe('command names in the quiz texts', () => {
  it('are the Chinese names of the commands in Chinese texts, as zh users see them in Discord', async () => {
    await import('../../src/views/quiz.messages.js');
    const { command: quiz } = await import('../../src/commands/quiz.js');
    const { command: leaderboard } = await import('../../src/commands/leaderboard.js');
    const { registry } = await import('../../src/i18n/index.js');
    const zh = Object.values(registry.get('quiz')!['zh-CN']).join('\n');
    expect(zh).not.toMatch(/\/(quiz|leaderboard)\b/);
    const named = [...zh.matchAll(/\/([^\s*。，；：]+)(?: ([^\s*。，；：]+))?/gu)];
    expect(named.length).toBeGreaterThan(5);
    const subcommands = new Set(quiz.definition.subcommands!.map((s) => s.nameZh));
    for (const [, name, sub] of named) {
      expect([quiz.definition.nameZh, leaderboard.definition.nameZh]).toContain(name);
      if (name === quiz.definition.nameZh) expect(subcommands, sub).toContain(sub);
    }
  });
});
