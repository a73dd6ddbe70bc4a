// Opening the SQLite storage: schema migrations, and the files it refuses before writing anything
// (another program's, a newer build's, a damaged one). The behaviour both engines share is in storage.test.ts.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  ForeignDatabaseError,
  MIGRATIONS,
  SchemaTooNewError,
  SQLITE_APPLICATION_ID,
} from '../../src/storage/migrations.js';
import { DatabaseOpenError, openSqliteStorage } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/types.js';
import { answer, gameRecord } from './records.js';

const dirs: string[] = [];
const opened: Storage[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
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
  it('creates the file and the schema on first use, in WAL mode', async () => {
    const path = tempPath();
    await open(path).close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(['answers', 'games', 'instances', 'players']);
    expect(db.pragma('application_id', { simple: true })).toBe(SQLITE_APPLICATION_ID);
    db.close();
  });

  it('keeps its data when opened again, migrating nothing twice', async () => {
    const path = tempPath();
    const first = open(path);
    await first.createGame(gameRecord('aaaa0001'));
    await first.recordAnswer(answer('aaaa0001', 0, 'u1'));
    await first.close();
    const second = open(path);
    expect(await second.playerStats('u1')).toMatchObject({ answers: 1, points: 100 });
  });

  it('refuses a database from a newer version of the bot', async () => {
    const path = tempPath();
    await open(path).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    const bytes = readFileSync(path);
    expect(() => openSqliteStorage(path)).toThrow(SchemaTooNewError);
    // Refused before anything was written: not even the journal mode changed.
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses another program’s database without adding the quiz tables to it', () => {
    const path = tempPath();
    const other = new Database(path);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    const bytes = readFileSync(path);
    expect(() => openSqliteStorage(path)).toThrow(ForeignDatabaseError);
    expect(() => openSqliteStorage(path)).toThrow(/another program's tables \(invoices\)/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    const marked = new Database(tempPath());
    marked.pragma('application_id = 1234');
    marked.close();
    expect(() => openSqliteStorage(marked.name)).toThrow(/belongs to another program \(application_id 1234\)/);
  });

  it('upgrades a file written by the previous version (schema 1, no application_id), keeping its answers', async () => {
    const path = tempPath();
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!.sqlite);
    old.pragma('user_version = 1');
    old.exec(`INSERT INTO games (id, channel_id, starter_id, locale, rounds, seconds, difficulty, topic, started_at)
              VALUES ('old00001', 'c', 'u1', 'en', 3, 10, 'normal', 'any', 0)`);
    old.exec(`INSERT INTO players (user_id, name) VALUES ('u1', 'One')`);
    old.exec(`INSERT INTO answers VALUES ('old00001', 0, 'u1', NULL, 0, 1, 120, 1, 0)`);
    old.close();
    const storage = open(path);
    expect(await storage.playerStats('u1')).toMatchObject({ answers: 1, points: 120 });
    // The old game has no owner: closed at the first start.
    expect((await storage.closeStaleGames(new Date())).map((g) => g.id)).toEqual(['old00001']);
  });

  it('refuses a damaged file, found by quick_check before the bot says it is ready', () => {
    const path = tempPath();
    const db = new Database(path);
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT); CREATE INDEX filler_text ON filler (text)');
    const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`row ${i} `.repeat(10));
    })();
    db.pragma('user_version = 1');
    db.pragma(`application_id = ${SQLITE_APPLICATION_ID}`);
    db.close();
    // Scribble over a page in the middle of the file, as a bad disk or a half-copied file would.
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096 * 20, 4096 * 22);
    writeFileSync(path, bytes);
    expect(() => openSqliteStorage(path)).toThrow(DatabaseOpenError);
    expect(() => openSqliteStorage(path)).toThrow(/damaged|malformed/);
  });

  it('waits for another process’s write (busy_timeout) instead of failing with "database is locked"', async () => {
    const path = tempPath();
    const storage = open(path);
    await storage.createGame(gameRecord('aaaa0001', { owner: 'gone' }));
    // Another process takes the write lock and holds it for 600 ms.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(${JSON.stringify(path)}); db.exec('BEGIN IMMEDIATE'); console.log('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, 600);`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const started = Date.now();
    expect((await storage.closeStaleGames(new Date())).map((g) => g.id)).toEqual(['aaaa0001']);
    expect(Date.now() - started).toBeGreaterThan(300);
    await new Promise((resolve) => holder.once('exit', resolve));
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
