// The storage suite, run against both engines: SQLite (a file in a temporary folder) and PostgreSQL
// (a fresh database in the run's throw-away cluster, see test/helpers/postgres-global.ts). The one-answer
// rule, game bookkeeping, owners and leases, and leaderboard queries must behave the same on both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openPostgresStorage } from '../../src/storage/postgres.js';
import { openSqliteStorage } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/types.js';
import { createDatabase } from '../helpers/postgres-cluster.js';
import { answer, gameRecord } from './records.js';

const dirs: string[] = [];
const opened: Storage[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const ENGINES = {
  sqlite: async (): Promise<Storage> => {
    const dir = mkdtempSync(join(tmpdir(), 'youcheng-storage-'));
    dirs.push(dir);
    return openSqliteStorage(join(dir, 'quiz.sqlite'));
  },
  postgres: async (): Promise<Storage> => openPostgresStorage(await createDatabase(inject('postgresAdminUrl'))),
};

describe.each(Object.keys(ENGINES) as (keyof typeof ENGINES)[])('%s', (engine) => {
  async function open(): Promise<Storage> {
    const storage = await ENGINES[engine]();
    opened.push(storage);
    return storage;
  }

  describe('games and answers', () => {
    it('keeps one answer per player per question', async () => {
      const s = await open();
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
      const s = await open();
      await s.createGame(gameRecord('aaaa0001'));
      await s.recordAnswer(answer('aaaa0001', 0, 'u1', { userName: 'Old Name' }));
      await s.recordAnswer(answer('aaaa0001', 1, 'u1', { userName: 'Old Name' }));
      await s.recordAnswer(answer('aaaa0001', 2, 'u1', { userName: 'New Name' }));
      expect((await s.gameScores('aaaa0001'))[0]).toMatchObject({ name: 'New Name', answers: 3 });
    });

    it('refuses an answer to a game it does not know', async () => {
      const s = await open();
      await expect(s.recordAnswer(answer('nosuch00', 0, 'u1'))).rejects.toThrow(/FOREIGN KEY|foreign key/);
    });

    it('says when a game id is taken or a channel already has a running game', async () => {
      const s = await open();
      expect(await s.createGame(gameRecord('aaaa0001', { channelId: 'c' }))).toBe('created');
      expect(await s.createGame(gameRecord('aaaa0001', { channelId: 'other' }))).toBe('id-taken');
      expect(await s.createGame(gameRecord('aaaa0002', { channelId: 'c' }))).toBe('channel-busy');
      await s.endGame('aaaa0001', 'finished', new Date());
      expect(await s.createGame(gameRecord('aaaa0002', { channelId: 'c' }))).toBe('created');
    });

    it('finds a running game by channel and by owner, and says whether an end or a message update took', async () => {
      const s = await open();
      await s.createGame(gameRecord('aaaa0001', { channelId: 'c1', owner: 'http-1' }));
      await s.createGame(gameRecord('bbbb0001', { channelId: 'c2', owner: 'http-2' }));
      expect((await s.channelGame('c1'))?.id).toBe('aaaa0001');
      expect(await s.channelGame('c3')).toBeNull();
      expect((await s.ownedGames('http-1')).map((g) => g.id)).toEqual(['aaaa0001']);
      expect(await s.setGameMessage('aaaa0001', 'm1')).toBe(true);
      // /quiz stop on another instance ends it; the owner's own end then changes nothing.
      expect(await s.endGame('aaaa0001', 'stopped', new Date())).toBe(true);
      expect(await s.endGame('aaaa0001', 'finished', new Date())).toBe(false);
      expect(await s.setGameMessage('aaaa0001', 'm2')).toBe(false);
      expect(await s.channelGame('c1')).toBeNull();
      expect(await s.ownedGames('http-1')).toEqual([]);
      // An answer to the stopped game is refused as closed.
      expect(await s.recordAnswer(answer('aaaa0001', 0, 'u1'), { whileOpen: true })).toBe('closed');
    });

    it('finds the games of every run of an instance name, and hands one over while its lease still runs', async () => {
      const s = await open();
      const now = new Date('2026-11-02T10:00:00Z');
      await s.renewLease('http-1#aaaaaa', new Date(now.getTime() + 30_000));
      await s.createGame(gameRecord('aaaa0001', { channelId: 'c1', owner: 'http-1#aaaaaa' }));
      await s.createGame(gameRecord('bbbb0001', { channelId: 'c2', owner: 'http-10#bbbbbb' }));
      await s.createGame(gameRecord('cccc0001', { channelId: 'c3', owner: 'http-1' }));
      expect((await s.instanceGames('http-1')).map((g) => g.id).sort()).toEqual(['aaaa0001', 'cccc0001']);
      // Not stale, so an ordinary claim fails; a restarted 'http-1' takes it over all the same.
      expect(await s.claimGame('aaaa0001', 'http-1#aaaaaa', 'http-1#cccccc', now)).toBe(false);
      expect(await s.claimGame('aaaa0001', 'http-1#aaaaaa', 'http-1#cccccc', now, { evenIfLive: true })).toBe(true);
      expect(await s.claimGame('aaaa0001', 'http-1#aaaaaa', 'http-1#dddddd', now, { evenIfLive: true })).toBe(false);
      expect((await s.ownedGames('http-1#cccccc')).map((g) => g.id)).toEqual(['aaaa0001']);
    });

    it('closes the games a stopped process left running, with their scores, once', async () => {
      const s = await open();
      await s.createGame(gameRecord('aaaa0001'));
      await s.createGame(gameRecord('aaaa0002'));
      await s.setGameMessage('aaaa0001', 'm1');
      await s.recordAnswer(answer('aaaa0001', 0, 'u1'));
      await s.endGame('aaaa0002', 'finished', new Date());
      const closed = await s.closeStaleGames(new Date());
      expect(closed).toEqual([
        {
          id: 'aaaa0001',
          channelId: 'channel-aaaa0001',
          messageId: 'm1',
          locale: 'en',
          scores: [expect.objectContaining({ userId: 'u1', points: 100 })],
        },
      ]);
      expect(await s.closeStaleGames(new Date())).toEqual([]);
      expect(await s.playerStats('u1')).toMatchObject({ points: 100 });
    });

    it('never closes a game whose owner holds a live lease, and closes it once the lease runs out', async () => {
      const s = await open();
      const now = new Date('2026-11-02T10:00:00Z');
      const later = (ms: number) => new Date(now.getTime() + ms);
      await s.renewLease('instance-a', later(30_000));
      await s.renewLease('instance-b', later(30_000));
      await s.createGame(gameRecord('aaaa0001', { owner: 'instance-a' }));
      await s.createGame(gameRecord('bbbb0001', { owner: 'instance-b' }));
      await s.createGame(gameRecord('cccc0001', { owner: null as unknown as string }));
      // The ownerless game (from before owners existed) is closed; the leased ones are not.
      expect((await s.closeStaleGames(now)).map((g) => g.id)).toEqual(['cccc0001']);
      expect((await s.liveOwners(now)).sort()).toEqual(['instance-a', 'instance-b']);
      await s.renewLease('instance-a', later(90_000));
      expect((await s.closeStaleGames(later(60_000))).map((g) => g.id)).toEqual(['bbbb0001']);
      // A clean shutdown gives the lease up at once.
      await s.expireLeases(['instance-a']);
      expect((await s.closeStaleGames(later(60_000))).map((g) => g.id)).toEqual(['aaaa0001']);
      expect(await s.liveOwners(later(60_000))).toEqual([]);
    });

    it('takes an answer only while its round is open, once per player, from any instance', async () => {
      const s = await open();
      await s.createGame(gameRecord('aaaa0001'));
      const game = await s.sharedGame('aaaa0001');
      expect(game).toMatchObject({ id: 'aaaa0001', owner: 'instance-a', round: null, roundOpen: false, seconds: 20 });
      expect(game!.answerKey[1]).toEqual({ answer: 1, options: 4 });
      expect(await s.recordAnswer(answer('aaaa0001', 0, 'u1'), { whileOpen: true })).toBe('closed');
      expect(await s.openRound('aaaa0001', 'instance-a', 0, new Date('2026-11-02T10:00:30Z'))).toBe(true);
      expect(await s.sharedGame('aaaa0001')).toMatchObject({
        round: 0,
        roundOpen: true,
        roundOpenedAt: new Date('2026-11-02T10:00:30Z'),
      });
      expect(await s.recordAnswer(answer('aaaa0001', 0, 'u1'), { whileOpen: true })).toBe('recorded');
      expect(await s.recordAnswer(answer('aaaa0001', 0, 'u1', { option: 3 }), { whileOpen: true })).toBe('duplicate');
      expect(await s.recordAnswer(answer('aaaa0001', 1, 'u2'), { whileOpen: true })).toBe('closed');
      expect(
        await s.recordAnswer(answer('aaaa0001', 0, 'u2', { correct: false, points: 0, streak: 0 }), {
          whileOpen: true,
        }),
      ).toBe('recorded');
      const round = await s.closeRound('aaaa0001', 0);
      expect(round.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual([
        { question: 0, userId: 'u1', name: 'name-u1', option: 0, correct: true, points: 100, streak: 1 },
        { question: 0, userId: 'u2', name: 'name-u2', option: 0, correct: false, points: 0, streak: 0 },
      ]);
      expect(await s.recordAnswer(answer('aaaa0001', 0, 'u3'), { whileOpen: true })).toBe('closed');
      expect(await s.answerOf('aaaa0001', 0, 'u1')).toEqual({ correct: true, streak: 1 });
      expect(await s.answerOf('aaaa0001', 0, 'u3')).toBeNull();
      await s.endGame('aaaa0001', 'finished', new Date());
      expect(await s.sharedGame('aaaa0001')).toBeNull();
      expect(await s.openRound('aaaa0001', 'instance-a', 1, new Date())).toBe(false);
    });

    it('lets exactly one instance claim a game whose owner’s lease ran out, with all it needs to carry it on', async () => {
      const s = await open();
      const now = new Date('2026-11-02T10:00:00Z');
      await s.renewLease('instance-a', new Date(now.getTime() - 1));
      await s.renewLease('instance-b', new Date(now.getTime() + 30_000));
      await s.createGame(gameRecord('aaaa0001', { setup: '{"starterName":"Ann"}' }));
      await s.createGame(gameRecord('bbbb0001', { owner: 'instance-b' }));
      await s.openRound('aaaa0001', 'instance-a', 0, now);
      await s.setGameMessage('aaaa0001', 'm1');
      await s.recordAnswer(answer('aaaa0001', 0, 'u1'), { whileOpen: true });
      const stale = await s.staleGames(now);
      expect(stale).toEqual([
        expect.objectContaining({
          id: 'aaaa0001',
          owner: 'instance-a',
          starterId: 'u1',
          channelId: 'channel-aaaa0001',
          startedAt: new Date('2026-11-02T10:00:00Z'),
          setup: '{"starterName":"Ann"}',
          messageId: 'm1',
          round: 0,
          roundOpen: true,
          roundOpenedAt: now,
        }),
      ]);
      const claims = await Promise.all(
        ['instance-b', 'instance-c'].map((id) => s.claimGame('aaaa0001', 'instance-a', id, now)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      const winner = claims[0] ? 'instance-b' : 'instance-c';
      expect((await s.sharedGame('aaaa0001'))!.owner).toBe(winner);
      // The old owner, back from a pause, can no longer open rounds of the game.
      expect(await s.openRound('aaaa0001', 'instance-a', 1, now)).toBe(false);
      expect(await s.gameAnswers('aaaa0001')).toEqual([
        expect.objectContaining({ question: 0, userId: 'u1', points: 100 }),
      ]);
      expect(await s.claimGame('bbbb0001', 'instance-b', 'instance-c', now)).toBe(false);
    });

    it('counts one of many simultaneous clicks by the same player on one question', async () => {
      const s = await open();
      await s.createGame(gameRecord('aaaa0001'));
      await s.openRound('aaaa0001', 'instance-a', 0, new Date());
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          s.recordAnswer(answer('aaaa0001', 0, 'u1', { option: i % 4 }), { whileOpen: true }),
        ),
      );
      expect(results.filter((r) => r === 'recorded')).toHaveLength(1);
      expect(results.filter((r) => r === 'duplicate')).toHaveLength(19);
      expect(await s.gameScores('aaaa0001')).toEqual([expect.objectContaining({ userId: 'u1', answers: 1 })]);
    });

    it('stores names and ids as data, whatever they contain', async () => {
      const s = await open();
      const name = "Robert'); DROP TABLE answers;-- @everyone 🎉";
      await s.createGame(gameRecord("x'; --"));
      await s.recordAnswer(answer("x'; --", 0, 'u1', { userName: name }));
      expect((await s.gameScores("x'; --"))[0]!.name).toBe(name);
    });
  });

  describe('stats and leaderboards', () => {
    async function filled(): Promise<Storage> {
      const s = await open();
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
});
