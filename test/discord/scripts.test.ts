// `npm start` and `npm run deploy` as a person runs them (npm → node over the compiled dist/, configured only by
// environment variables) against the fake Discord on 127.0.0.1. botEnvironment() sets every variable,
// so a developer's .env cannot change the outcome (dotenv never overrides a set variable, even "").
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { toApplicationCommands } from '../../src/discord/definitions.js';
import {
  BotProcess,
  botEnvironment,
  REPO_ROOT,
  scriptEntry,
  startBot,
  temporaryDatabasePath,
} from '../fake-discord/bot.js';
import { chatInputPayload } from '../fake-discord/payloads.js';
import { stopAfterEachTest } from '../fake-discord/per-test.js';
import { freePort } from '../helpers/free-port.js';
import type { FakeDiscord } from '../fake-discord/server.js';
import { openSqliteStorage } from '../../src/storage/sqlite.js';
import { gameRecord } from '../storage/records.js';

const GUILD = '1200000000000000001';
const NO_TOKEN_HINT =
  'No DISCORD_TOKEN set: starting the offline console. To connect to Discord, put DISCORD_TOKEN in .env (see .env.example).';

const running = stopAfterEachTest((bot: BotProcess) => bot.kill());

function run(fake: FakeDiscord | undefined, options: ConstructorParameters<typeof BotProcess>[2] = {}): BotProcess {
  return running.bot(new BotProcess(fake, temporaryDatabasePath(), options));
}

describe('npm run deploy', () => {
  it('registers every command in the configured server and says so', async () => {
    const fake = await running.startDiscord();
    const deploy = run(fake, { script: 'deploy', env: { DISCORD_GUILD_ID: GUILD } });
    expect((await deploy.exited).code).toBe(0);
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toMatch(new RegExp(`^/applications/\\d+/guilds/${GUILD}/commands$`));
    expect(put?.authorized).toBe(true);
    expect(put?.body).toEqual(toApplicationCommands(commands.map((c) => c.definition)));
    const summary = deploy.output.find((l) => l.startsWith('Registered '));
    expect(summary).toContain(`Registered ${commands.length} commands in server ${GUILD}`);
    for (const { definition } of commands) {
      expect(summary).toContain(definition.type === 'message' ? `"${definition.name}"` : `/${definition.name}`);
    }
    expect(deploy.logs()).not.toContain(fake.token);
  }, 60_000);

  it('explains what it needs when there is no token', async () => {
    const deploy = run(undefined, { script: 'deploy' });
    expect((await deploy.exited).code).toBe(1);
    expect(deploy.output).toContain('npm run deploy needs DISCORD_TOKEN: put it in .env (see .env.example).');
  }, 60_000);
});

describe('npm start', () => {
  it('connects with a token and answers an interaction', async () => {
    const fake = await running.startDiscord();
    const started = running.bot(await startBot(fake));
    const exchange = await fake.dispatchInteraction(chatInputPayload('about', {}));
    expect((await exchange.answer()).data).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(started.linesMatching(/"level":"(error|warn)"/)).toEqual([]);
    expect(started.logs()).not.toContain(fake.token);
  }, 60_000);

  it('logs JSON lines, and at LOG_LEVEL=debug (discord.js debug output included) nothing of the token', async () => {
    const fake = await running.startDiscord();
    const started = running.bot(await startBot(fake, { env: { LOG_LEVEL: 'debug' } }));
    await (await fake.dispatchInteraction(chatInputPayload('about', {}))).answer();
    const lines = started.output.filter((l) => l.startsWith('{'));
    expect(lines.some((l) => JSON.parse(l).level === 'debug')).toBe(true);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('msg');
    for (const part of fake.token.split('.')) expect(started.logs()).not.toContain(part);
  }, 60_000);

  it('serves /healthz, /readyz and /metrics on METRICS_PORT: gateway status, interactions, quiz and images', async () => {
    const fake = await running.startDiscord();
    const port = await freePort();
    const started = running.bot(await startBot(fake, { env: { METRICS_PORT: String(port) } }));
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { gateway: true, database: true } });
    await (await fake.dispatchInteraction(chatInputPayload('about', {}))).answer();
    await (await fake.dispatchInteraction(chatInputPayload('city', { name: 'Duisburg' }))).answer();
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('youcheng_interactions_total{kind="command",command="about",outcome="ok"} 1');
    expect(text).toContain('youcheng_gateway_connected 1');
    expect(text).toMatch(/youcheng_gateway_ping_seconds [\d.]+/);
    expect(text).toContain('youcheng_quiz_games_running 0');
    expect(text).toContain('youcheng_quiz_answers_recorded_total 0');
    // The warm-up after ready draws too, so only "some" is certain.
    expect(text).toMatch(/youcheng_image_cache_lookups_total\{result="miss"\} [1-9]/);
    expect(text).toContain('youcheng_nodejs_eventloop_lag_seconds');
    expect((await fetch(`${base}/interactions`)).status).toBe(404);
    expect(started.linesMatching(/"level":"(error|warn)"/)).toEqual([]);
  }, 60_000);

  // npm itself exits on SIGTERM without passing it on (npm 11), so a supervisor should run the
  // node process directly; that process is what must stop cleanly.
  it('stops cleanly on SIGTERM', async () => {
    const fake = await running.startDiscord();
    const child = spawn(process.execPath, scriptEntry('start'), {
      cwd: REPO_ROOT,
      env: botEnvironment(fake, temporaryDatabasePath()),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => stderr, { timeout: 30_000 }).toContain('"msg":"ready"');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toContain('"signal":"SIGTERM","msg":"shutting down"');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);

  it('stops with one line saying what to do when Discord refuses the token', async () => {
    const fake = await running.startDiscord();
    const refused = run(fake, { env: { DISCORD_TOKEN: `${fake.token.slice(0, -4)}abcd` } });
    expect((await refused.exited).code).toBe(1);
    expect(refused.output).toContain(
      'Discord rejected DISCORD_TOKEN. It may have been reset: copy a fresh one from the Developer Portal (Bot → Reset Token) into .env.',
    );
    // No log noise from the failed attempt: the one line says it all.
    expect(refused.linesMatching(/"level":"(error|warn)"/)).toEqual([]);
  }, 60_000);

  it('stops with one clear message on a malformed variable, without echoing the token', async () => {
    const bad = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123 oops';
    const misconfigured = run(undefined, { env: { DISCORD_TOKEN: bad, PORT: 'eighty' } });
    expect((await misconfigured.exited).code).toBe(1);
    expect(misconfigured.output).toContain(
      'DISCORD_TOKEN: expected a bot token without spaces (Developer Portal → Bot → Reset Token)',
    );
    expect(misconfigured.output).toContain('PORT: expected a whole number from 1 to 65535');
    expect(misconfigured.logs()).not.toContain('abcdefghijklmnopqrstuvwxyz0123');
  }, 60_000);

  it('stops with one line naming DATABASE_PATH when the database cannot be used', async () => {
    const missingFolder = run(undefined, { env: { DATABASE_PATH: '/nonexistent-youcheng/db.sqlite' } });
    expect((await missingFolder.exited).code).toBe(1);
    expect(missingFolder.linesMatching(/^DATABASE_PATH: /)).toEqual([
      'DATABASE_PATH: cannot open the database /nonexistent-youcheng/db.sqlite: the folder /nonexistent-youcheng does not exist',
    ]);
    expect(missingFolder.output.join('\n')).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);

  it('stops with one line, never a stack, whatever the database says at start', async () => {
    const damaged = temporaryDatabasePath();
    const db = new Database(damaged);
    db.exec('CREATE TABLE games (id TEXT); CREATE TABLE players (id TEXT); CREATE TABLE answers (id TEXT)');
    db.transaction(() => {
      for (let i = 0; i < 500; i++) db.prepare('INSERT INTO games VALUES (?)').run(`game ${i} `.repeat(20));
    })();
    db.pragma('user_version = 1');
    db.close();
    const bytes = readFileSync(damaged);
    bytes.fill(0x5a, 4096 * 3, 4096 * 5);
    writeFileSync(damaged, bytes);
    const cases: { env: Record<string, string>; line: RegExp }[] = [
      {
        env: { DATABASE_PATH: damaged },
        line: /^DATABASE_PATH: cannot open the database \S+: the file is damaged \((quick_check: |database disk image is malformed)/,
      },
      {
        env: { DATABASE_PATH: ':memory:' },
        line: /^DATABASE_PATH: expected a file path: ":memory:" would lose every score/,
      },
      {
        env: { DATABASE_URL: 'postgres://bot:hunter2@127.0.0.1:1/youcheng' },
        line: /^DATABASE_URL: cannot open the database postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/youcheng: connect ECONNREFUSED/,
      },
    ];
    await Promise.all(
      cases.map(async ({ env, line }) => {
        const bot = run(undefined, { env, via: 'node' });
        expect((await bot.exited).code, bot.logs()).toBe(1);
        // One line naming the setting (a configuration error has its usual heading above it), no stack.
        expect(
          bot.output.filter((l) => l.trim() !== '' && !l.startsWith('Configuration error')),
          bot.logs(),
        ).toEqual([expect.stringMatching(line)]);
        expect(bot.logs()).not.toContain('hunter2');
      }),
    );
  }, 60_000);

  it('waits for another process’s write lock at start, then gives up with one line', async () => {
    const path = temporaryDatabasePath();
    // A crash left a game running; another process now holds the write lock and keeps it.
    const storage = openSqliteStorage(path);
    await storage.createGame(gameRecord('crashed1', { owner: 'gone' }));
    await storage.close();
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const bot = run(undefined, { env: { DATABASE_PATH: path }, via: 'node' });
      expect((await bot.exited).code, bot.logs()).toBe(1);
      expect(bot.output.filter((l) => l.trim() !== '')).toEqual([
        `DATABASE_PATH: cannot open the database ${path}: database is locked`,
      ]);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 60_000);

  it('says how to connect, once, when it starts the offline console', async () => {
    const offline = run(undefined);
    expect((await offline.exited).code).toBe(0);
    expect(offline.output.filter((l) => l === NO_TOKEN_HINT)).toHaveLength(1);
    expect(offline.linesMatching(/DISCORD_TOKEN/)).toEqual([NO_TOKEN_HINT]);
  }, 60_000);
});
