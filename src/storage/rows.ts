// Row shapes both engines share, turned into the Storage interface's values in one place.
import type { AnswerKey, Leaderboard, LeaderboardQuery, RankedRow, SharedGame } from './types.js';

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

export interface SharedGameSql {
  id: string;
  guildId: string | null;
  owner: string | null;
  seconds: number;
  answerKey: string | null;
  round: number | null;
  roundOpenedAt: number | string | null;
  roundOpen: number;
}

export function sharedGameFromRow(row: SharedGameSql): SharedGame {
  return {
    id: row.id,
    guildId: row.guildId,
    owner: row.owner,
    seconds: row.seconds,
    // A game started before answer keys were stored cannot be scored elsewhere: an empty key.
    answerKey: row.answerKey ? (JSON.parse(row.answerKey) as AnswerKey) : [],
    round: row.round,
    roundOpenedAt: row.roundOpenedAt === null ? null : new Date(Number(row.roundOpenedAt)),
    roundOpen: row.roundOpen === 1,
  };
}
