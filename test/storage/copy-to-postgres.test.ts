// `npm run db:migrate-to-postgres`: an SQLite quiz database copied into PostgreSQL, twice, with the
// second run adding nothing; the copy answers the same leaderboards and stats as the original.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, inject, it } from 'vitest';
import { copySqliteToPostgres } from '../../src/storage/copy-to-postgres.js';
import { openPostgresStorage } from '../../src/storage/postgres.js';
import { openSqliteStorage } from '../../src/storage/sqlite.js';
import { BotProcess } from '../fake-discord/bot.js';
import { createDatabase } from '../helpers/postgres-cluster.js';
import { answer, gameRecord } from './records.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function filledSqlite(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'youcheng-copy-'));
  dirs.push(dir);
  const path = join(dir, 'quiz.sqlite');
  const s = openSqliteStorage(path);
  await s.createGame(gameRecord('gameaaaa', { guildId: 'g1' }));
  await s.createGame(gameRecord('gamebbbb', { guildId: 'g2' }));
  await s.endGame('gameaaaa', 'finished', new Date('2026-11-02T10:05:00Z'));
  for (let q = 0; q < 3; q++) {
    for (const user of ['u1', 'u2', 'u3'])
      await s.recordAnswer(answer('gameaaaa', q, user, { points: 100 + q * 10 + Number(user[1]) }));
  }
  await s.recordAnswer(answer('gamebbbb', 0, 'u4', { guildId: 'g2', userName: "O'Brien 🎉", points: 140 }));
  await s.setOptOut({ id: 'u2', name: 'name-u2' }, true, new Date('2026-11-03T00:00:00Z'));
  await s.close();
  return path;
}

it('copies players, opt-outs, games and answers once, and checks every row arrived', async () => {
  const path = await filledSqlite();
  const url = await createDatabase(inject('postgresAdminUrl'));
  expect(await copySqliteToPostgres(path, url)).toEqual([
    { table: 'players', source: 4, added: 4, present: 4 },
    { table: 'games', source: 2, added: 2, present: 2 },
    { table: 'answers', source: 10, added: 10, present: 10 },
  ]);
  expect(await copySqliteToPostgres(path, url)).toEqual([
    { table: 'players', source: 4, added: 0, present: 4 },
    { table: 'games', source: 2, added: 0, present: 2 },
    { table: 'answers', source: 10, added: 0, present: 10 },
  ]);

  const before = openSqliteStorage(path);
  const after = await openPostgresStorage(url);
  try {
    const query = { since: null, guildId: null, limit: 10, userId: 'u2' };
    expect(await after.leaderboard(query)).toEqual(await before.leaderboard(query));
    for (const user of ['u1', 'u2', 'u4'])
      expect(await after.playerStats(user)).toEqual(await before.playerStats(user));
    expect(await after.isOptedOut('u2')).toBe(true);
    expect(await after.gameScores('gamebbbb')).toEqual([expect.objectContaining({ name: "O'Brien 🎉", points: 140 })]);
    // The game still running in the file has no owner in PostgreSQL: the first start closes it.
    expect((await after.closeStaleGames(new Date())).map((g) => g.id)).toEqual(['gamebbbb']);
  } finally {
    await before.close();
    await after.close();
  }
});

it('runs as npm run db:migrate-to-postgres, printing the counts', async () => {
  const path = await filledSqlite();
  const url = await createDatabase(inject('postgresAdminUrl'));
  const run = new BotProcess(undefined, path, {
    script: 'db:migrate-to-postgres',
    via: 'node',
    env: { DATABASE_URL: url },
  });
  expect((await run.exited).code, run.logs()).toBe(0);
  expect(run.output).toContain('answers: 10 in SQLite, 10 added, 10 of 10 now in PostgreSQL');
  const missing = new BotProcess(undefined, path, { script: 'db:migrate-to-postgres', via: 'node' });
  expect((await missing.exited).code).toBe(1);
  expect(missing.output).toContain(
    'npm run db:migrate-to-postgres needs DATABASE_URL (postgres://…) to copy into, and DATABASE_PATH to copy from.',
  );
}, 60_000);
