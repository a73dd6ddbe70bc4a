// Row shapes both engines share, turned into the Storage interface's values in one place.
import type { AnswerKey, Leaderboard, LeaderboardQuery, RankedRow, RoundAnswerRow, SharedGame } from './types.js';

export interface RankedSql extends RankedRow {
  /** Players on the whole board (a window function), the same on every row. */
  players: number;
}

/** The top `limit` rows, and the asker's own row wherever it is. */
export function boardFromRows(rows: readonly RankedSql[], query: LeaderboardQuery): Leaderboard {
  const ranked: RankedRow[] = rows.map(({ players: _players, ...row }) => row);
  const top = ranked.slice(0, query.limit);
  const self = query.userId ? (ranked.find((r) => r.userId === query.userId) ?? null) : null;
  return { rows: top, self, players: rows[0]?.players ?? 0 };
}

/** The columns of a shared game, named as SharedGame's fields (quoted for PostgreSQL's sake). */
export const SHARED_GAME_COLUMNS = `id, guild_id AS "guildId", channel_id AS "channelId", starter_id AS "starterId", locale, rounds,
  difficulty, topic, started_at AS "startedAt", owner, seconds, answer_key AS "answerKey", setup, message_id AS "messageId",
  round, round_opened_at AS "roundOpenedAt", round_open AS "roundOpen"`;

/** Running, and its owner holds no live lease at :now (named @now in SQLite, $1 in PostgreSQL). */
export function staleCondition(now: string): string {
  return `state = 'running' AND (owner IS NULL OR NOT EXISTS (
    SELECT 1 FROM instances i WHERE i.id = games.owner AND i.lease_until >= ${now}))`;
}

export interface SharedGameSql extends Omit<SharedGame, 'answerKey' | 'startedAt' | 'roundOpenedAt' | 'roundOpen'> {
  answerKey: string | null;
  /** BIGINT arrives as a string from PostgreSQL. */
  startedAt: number | string;
  roundOpenedAt: number | string | null;
  roundOpen: number;
}

export function sharedGameFromRow(row: SharedGameSql): SharedGame {
  return {
    ...row,
    // A game started before answer keys were stored cannot be scored elsewhere: an empty key.
    answerKey: row.answerKey ? (JSON.parse(row.answerKey) as AnswerKey) : [],
    startedAt: new Date(Number(row.startedAt)),
    roundOpenedAt: row.roundOpenedAt === null ? null : new Date(Number(row.roundOpenedAt)),
    roundOpen: row.roundOpen === 1,
  };
}

export interface RoundAnswerSql extends Omit<RoundAnswerRow, 'correct'> {
  correct: number;
}

export const ROUND_ANSWER_COLUMNS = `a.question AS question, a.user_id AS "userId", p.name AS name, a.choice AS option,
  a.correct AS correct, a.points AS points, a.streak AS streak`;

export function roundAnswerFromRow(row: RoundAnswerSql): RoundAnswerRow {
  return { ...row, correct: row.correct === 1 };
}
