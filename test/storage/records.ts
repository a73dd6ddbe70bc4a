// Rows for storage tests: a game and an answer with sensible defaults.
import type { AnswerRecord, GameRecord } from '../../src/storage/types.js';

export function gameRecord(id: string, overrides: Partial<GameRecord> = {}): GameRecord {
  return {
    id,
    guildId: 'g1',
    channelId: `channel-${id}`,
    starterId: 'u1',
    locale: 'en',
    rounds: 10,
    seconds: 20,
    difficulty: 'normal',
    topic: 'any',
    startedAt: new Date('2026-11-02T10:00:00Z'),
    ...overrides,
  };
}

export function answer(
  gameId: string,
  question: number,
  userId: string,
  overrides: Partial<AnswerRecord> = {},
): AnswerRecord {
  return {
    gameId,
    question,
    guildId: 'g1',
    userId,
    userName: `name-${userId}`,
    option: 0,
    correct: true,
    points: 100,
    streak: 1,
    answeredAt: new Date('2026-11-02T10:01:00Z'),
    ...overrides,
  };
}
