// The SQLite storage: schema migrations, the one-answer rule, game bookkeeping and leaderboard queries.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SchemaTooNewError } from '../../src/storage/migrations.js';
import { DatabaseOpenError, openSqliteStorage } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/types.js';
import { answer, gameRecord } from './records.js';

const dirs: string[] = [];
const opened: Storage[] = [];
afterEach(() => {
  opened.splice(0).forEach((s) => s.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** A database path in a fresh folder that exists. */
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'youcheng-storage-'));
  dirs.push(dir);
  return join(dir, 'quiz.sqlite');
}

function open(path = ':memory:'): Storage {
  const storage = openSqliteStorage(path);
  opened.push(storage);
  return storage;
}

describe('opening', () => {
  it('creates the file and the schema on first use, in WAL mode', () => {
    const path = tempPath();
    open(path).close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(['answers', 'games', 'players']);
    db.close();
  });

  it('keeps its data when opened again, migrating nothing twice', async () => {
    const path = tempPath();
    const first = open(path);
    await first.createGame(gameRecord('aaaa0001'));
    await first.recordAnswer(answer('aaaa0001', 0, 'u1'));
    first.close();
    const second = open(path);
    expect(await second.playerStats('u1')).toMatchObject({ answers: 1, points: 100 });
  });

  it('refuses a database from a newer version of the bot', () => {
    const path = tempPath();
    open(path).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteStorage(path)).toThrow(SchemaTooNewError);
  });

  it('refuses a path whose folder does not exist, naming the folder, and creates nothing', () => {
    const missing = join(tempPath(), '..', 'typo', 'quiz.sqlite');
    const error = (() => {
      try {
        openSqliteStorage(missing);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).missingFolder).toBe(join(missing, '..'));
    expect((error as Error).message).toContain('does not exist');
    expect(existsSync(join(missing, '..'))).toBe(false);
  });

  it('refuses a file that is not a database, saying what SQLite said', () => {
    const path = tempPath();
    writeFileSync(path, 'not a database, just text '.repeat(100));
    expect(() => openSqliteStorage(path)).toThrow(DatabaseOpenError);
    expect(() => openSqliteStorage(path)).toThrow(/not a database/);
  });

  it('numbers its migrations 1, 2, 3… without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});

describe('games and answers', () => {
  it('keeps one answer per player per question', async () => {
    const s = open();
    await s.createGame(gameRecord('aaaa0001'));
    expect(await s.recordAnswer(answer('aaaa0001', 0, 'u1', { points: 140 }))).toBe('recorded');
    expect(await s.recordAnswer(answer('aaaa0001', 0, 'u1', { points: 999, option: 2 }))).toBe('duplicate');
    expect(await s.recordAnswer(answer('aaaa0001', 1, 'u1', { points: 0, correct: false, streak: 0 }))).toBe(
      'recorded',
    );
    expect(await s.gameScores('aaaa0001')).toEqual([
      { userId: 'u1', name: 'name-u1', points: 140, correct: 1, answers: 2 },
    ]);
  });

  it('keeps the name a player last answered under', async () => {
    const s = open();
    await s.createGame(gameRecord('aaaa0001'));
    await s.recordAnswer(answer('aaaa0001', 0, 'u1', { userName: 'Old Name' }));
    await s.recordAnswer(answer('aaaa0001', 1, 'u1', { userName: 'Old Name' }));
    await s.recordAnswer(answer('aaaa0001', 2, 'u1', { userName: 'New Name' }));
    expect((await s.gameScores('aaaa0001'))[0]).toMatchObject({ name: 'New Name', answers: 3 });
  });

  it('refuses an answer to a game it does not know', async () => {
    const s = open();
    await expect(s.recordAnswer(answer('nosuch00', 0, 'u1'))).rejects.toThrow(/FOREIGN KEY/);
  });

  it('says when a game id is taken or a channel already has a running game', async () => {
    const s = open();
    expect(await s.createGame(gameRecord('aaaa0001', { channelId: 'c' }))).toBe('created');
    expect(await s.createGame(gameRecord('aaaa0001', { channelId: 'other' }))).toBe('id-taken');
    expect(await s.createGame(gameRecord('aaaa0002', { channelId: 'c' }))).toBe('channel-busy');
    await s.endGame('aaaa0001', 'finished', new Date());
    expect(await s.createGame(gameRecord('aaaa0002', { channelId: 'c' }))).toBe('created');
  });

  it('closes the games a stopped process left running, with their scores, once', async () => {
    const s = open();
    await s.createGame(gameRecord('aaaa0001'));
    await s.createGame(gameRecord('aaaa0002'));
    await s.setGameMessage('aaaa0001', 'm1');
    await s.recordAnswer(answer('aaaa0001', 0, 'u1'));
    await s.endGame('aaaa0002', 'finished', new Date());
    const closed = await s.closeRunningGames(new Date());
    expect(closed).toEqual([
      {
        id: 'aaaa0001',
        channelId: 'channel-aaaa0001',
        messageId: 'm1',
        locale: 'en',
        scores: [expect.objectContaining({ userId: 'u1', points: 100 })],
      },
    ]);
    expect(await s.closeRunningGames(new Date())).toEqual([]);
    expect(await s.playerStats('u1')).toMatchObject({ points: 100 });
  });

  it('stores names and ids as data, whatever they contain', async () => {
    const s = open();
    const name = "Robert'); DROP TABLE answers;-- @everyone 🎉";
    await s.createGame(gameRecord("x'; --"));
    await s.recordAnswer(answer("x'; --", 0, 'u1', { userName: name }));
    expect((await s.gameScores("x'; --"))[0]!.name).toBe(name);
  });
});

describe('stats and leaderboards', () => {
  async function filled(): Promise<Storage> {
    const s = open();
    await s.createGame(gameRecord('gameaaaa', { guildId: 'g1' }));
    await s.createGame(gameRecord('gamebbbb', { guildId: 'g2' }));
    const at = (iso: string) => ({ answeredAt: new Date(iso) });
    // u1: 300 in g1 this week; u2: 300 in g1 last month; u3: 250 in g2 this week; u4: 0 points.
    await s.recordAnswer(answer('gameaaaa', 0, 'u1', { points: 150, streak: 1, ...at('2026-11-30T09:00:00Z') }));
    await s.recordAnswer(answer('gameaaaa', 1, 'u1', { points: 150, streak: 2, ...at('2026-11-30T09:01:00Z') }));
    await s.recordAnswer(answer('gameaaaa', 0, 'u2', { points: 300, ...at('2026-10-15T09:00:00Z') }));
    await s.recordAnswer(answer('gamebbbb', 0, 'u3', { guildId: 'g2', points: 250, ...at('2026-12-01T09:00:00Z') }));
    await s.recordAnswer(
      answer('gameaaaa', 2, 'u4', { points: 0, correct: false, streak: 0, ...at('2026-12-01T09:00:00Z') }),
    );
    return s;
  }

  it('ranks players by points within the window and the server, ties sharing a rank', async () => {
    const s = await filled();
    const all = await s.leaderboard({ since: null, guildId: null, limit: 10 });
    expect(all.rows.map((r) => [r.userId, r.points, r.rank])).toEqual([
      ['u1', 300, 1],
      ['u2', 300, 1],
      ['u3', 250, 3],
    ]);
    expect(all.players).toBe(3);
    const week = await s.leaderboard({ since: new Date('2026-11-30T00:00:00Z'), guildId: null, limit: 10 });
    expect(week.rows.map((r) => r.userId)).toEqual(['u1', 'u3']);
    const server = await s.leaderboard({ since: new Date('2026-11-30T00:00:00Z'), guildId: 'g1', limit: 10 });
    expect(server.rows.map((r) => r.userId)).toEqual(['u1']);
  });

  it('finds the asker below the top of the board', async () => {
    const s = await filled();
    const board = await s.leaderboard({ since: null, guildId: null, limit: 1, userId: 'u3' });
    expect(board.rows.map((r) => r.userId)).toEqual(['u1']);
    expect(board.self).toMatchObject({ userId: 'u3', rank: 3, points: 250 });
  });

  it('leaves out players who opted out, until they opt back in with their points', async () => {
    const s = await filled();
    expect(await s.setOptOut({ id: 'u1', name: 'One' }, true, new Date())).toBe(true);
    expect(await s.setOptOut({ id: 'u1', name: 'One' }, true, new Date())).toBe(false);
    expect(await s.isOptedOut('u1')).toBe(true);
    const hidden = await s.leaderboard({ since: null, guildId: null, limit: 10, userId: 'u1' });
    expect(hidden.rows.map((r) => r.userId)).toEqual(['u2', 'u3']);
    expect(hidden.self).toBeNull();
    // Everyone else's board counts only the players it shows.
    expect(hidden.players).toBe(2);
    await s.setOptOut({ id: 'u1', name: 'One' }, false, new Date());
    const back = await s.leaderboard({ since: null, guildId: null, limit: 10 });
    expect(back.rows.find((r) => r.userId === 'u1')).toMatchObject({ points: 300 });
    // Opting out before ever playing works too.
    expect(await s.setOptOut({ id: 'new', name: 'New' }, true, new Date())).toBe(true);
  });

  it('sums a player’s games, answers, right answers, points and best streak', async () => {
    const s = await filled();
    expect(await s.playerStats('u1')).toEqual({ games: 1, answers: 2, correct: 2, points: 300, bestStreak: 2 });
    expect(await s.playerStats('nobody')).toEqual({ games: 0, answers: 0, correct: 0, points: 0, bestStreak: 0 });
  });
});
