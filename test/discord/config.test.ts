import { describe, expect, it } from 'vitest';
import { hostname } from 'node:os';
import { instanceIdOf } from '../../src/app/startup.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createLogger, redact } from '../../src/log.js';

// Shaped like a bot token (base64 of a snowflake . timestamp . HMAC) but made up.
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

function problemsOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('needs nothing: no token means the offline console, with defaults for the rest', () => {
    const config = loadConfig({});
    expect(config.token).toBeUndefined();
    expect(config).toEqual({ databasePath: 'var/youcheng.sqlite', logLevel: 'info', port: 8080 });
  });

  it('treats blank values (a copied .env.example) as unset', () => {
    const config = loadConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '  ', LOG_LEVEL: '', PORT: '' });
    expect(config.token).toBeUndefined();
    expect(config.logLevel).toBe('info');
    expect(config.port).toBe(8080);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DISCORD_TOKEN: ` ${TOKEN} `,
      DISCORD_APPLICATION_ID: '1100000000000000001',
      DISCORD_GUILD_ID: '1100000000000000002',
      DISCORD_API_URL: 'http://127.0.0.1:8787/api/',
      DATABASE_PATH: '/tmp/scores.sqlite',
      LOG_LEVEL: 'DEBUG',
      PORT: '3000',
      DISCORD_PUBLIC_KEY: 'AB'.repeat(32),
      METRICS_PORT: '9464',
    });
    expect(config.token).toBe(TOKEN);
    expect(config).toMatchObject({
      applicationId: '1100000000000000001',
      guildId: '1100000000000000002',
      apiUrl: 'http://127.0.0.1:8787/api',
      databasePath: '/tmp/scores.sqlite',
      logLevel: 'debug',
      port: 3000,
      publicKey: 'ab'.repeat(32),
      metricsPort: 9464,
    });
  });

  it('takes a PostgreSQL DATABASE_URL, and refuses an in-memory DATABASE_PATH that would lose every score', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://bot:secret@db.internal:5432/youcheng' }).databaseUrl).toBe(
      'postgres://bot:secret@db.internal:5432/youcheng',
    );
    expect(problemsOf({ DATABASE_URL: 'mysql://x' }).problems).toEqual([
      {
        variable: 'DATABASE_URL',
        expected: 'expected a PostgreSQL URL such as postgres://user:password@host:5432/youcheng',
      },
    ]);
    for (const path of [':memory:', 'file::memory:?cache=shared']) {
      expect(problemsOf({ DATABASE_PATH: path }).message).toBe(
        'DATABASE_PATH: expected a file path: ":memory:" would lose every score at the next restart (default var/youcheng.sqlite)',
      );
    }
  });

  it('reads SHARD_COUNT (a number or auto) and QUIZ_LEASE_SECONDS, refusing nonsense', () => {
    expect(loadConfig({ SHARD_COUNT: '4', QUIZ_LEASE_SECONDS: '10' })).toMatchObject({
      shardCount: 4,
      leaseSeconds: 10,
    });
    expect(loadConfig({ SHARD_COUNT: 'AUTO' }).shardCount).toBe('auto');
    expect(problemsOf({ SHARD_COUNT: '0', QUIZ_LEASE_SECONDS: '1' }).problems).toEqual([
      { variable: 'QUIZ_LEASE_SECONDS', expected: 'expected a whole number of seconds from 3 to 3600' },
      { variable: 'SHARD_COUNT', expected: 'expected "auto" or a whole number of shards from 1 to 1024' },
    ]);
  });

  it('reads INSTANCE_ID, refusing spaces and overlong names; a shard adds its id, or the host name without one', () => {
    expect(loadConfig({ INSTANCE_ID: 'http-1' }).instanceId).toBe('http-1');
    expect(loadConfig({}).instanceId).toBeUndefined();
    expect(problemsOf({ INSTANCE_ID: 'two words' }).problems.map((p) => p.variable)).toEqual(['INSTANCE_ID']);
    expect(problemsOf({ INSTANCE_ID: 'x'.repeat(101) }).problems.map((p) => p.variable)).toEqual(['INSTANCE_ID']);
    const shard = { SHARDING_MANAGER: 'true', SHARDS: '1' };
    expect(instanceIdOf(loadConfig({ INSTANCE_ID: 'eu' }), shard)).toEqual({ instanceId: 'eu/shard-1' });
    expect(instanceIdOf(loadConfig({}), shard)).toEqual({ instanceId: `${hostname()}/shard-1` });
    expect(instanceIdOf(loadConfig({ INSTANCE_ID: 'http-1' }), {})).toEqual({ instanceId: 'http-1' });
    expect(instanceIdOf(loadConfig({}), {})).toEqual({});
  });

  it('keeps the token out of anything that prints the config', () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN });
    expect(JSON.stringify(config)).not.toContain(TOKEN);
    expect(Object.keys(config)).not.toContain('token');
  });

  it.each([
    ['DISCORD_TOKEN', 'two.parts', /three dot-separated parts/],
    ['DISCORD_TOKEN', 'a.b.c.d', /three dot-separated parts/],
    ['DISCORD_TOKEN', `${TOKEN.slice(0, 20)} ${TOKEN.slice(20)}`, /without spaces/],
    ['DISCORD_TOKEN', `Bot ${TOKEN}`, /without the "Bot " prefix/],
    ['DISCORD_TOKEN', 'abc.d$f.ghi', /three dot-separated parts/],
    ['DISCORD_APPLICATION_ID', 'my-app', /17 to 20 digits/],
    ['DISCORD_GUILD_ID', '123', /17 to 20 digits/],
    ['DISCORD_API_URL', 'not a url', /http\(s\) URL/],
    ['DISCORD_API_URL', 'ftp://example.com/api', /http\(s\) URL/],
    ['LOG_LEVEL', 'verbose', /debug, info, warn, error/],
    ['PORT', 'eighty', /1 to 65535/],
    ['PORT', '0', /1 to 65535/],
    ['PORT', '70000', /1 to 65535/],
    ['PORT', '80.5', /1 to 65535/],
    ['METRICS_PORT', '0', /1 to 65535/],
    ['DISCORD_PUBLIC_KEY', 'xyz', /64 hexadecimal characters/],
  ])('rejects a malformed %s (%s), naming it and what it expects', (variable, value, expected) => {
    const error = problemsOf({ [variable]: value });
    expect(error.problems.map((p) => p.variable)).toEqual([variable]);
    expect(error.message).toContain(variable);
    expect(error.message).toMatch(expected);
  });

  it('lists every problem at once', () => {
    const error = problemsOf({ PORT: 'x', LOG_LEVEL: 'loud', DISCORD_GUILD_ID: 'g' });
    expect(error.problems.map((p) => p.variable).sort()).toEqual(['DISCORD_GUILD_ID', 'LOG_LEVEL', 'PORT']);
  });

  it.each([`${TOKEN} extra`, `Bot ${TOKEN}`, `${TOKEN}.more`, 'sk-live-not-a-discord-token-but-secret'])(
    'never repeats the token it rejected (%#)',
    (token) => {
      const error = problemsOf({ DISCORD_TOKEN: token });
      expect(error.message).not.toContain(token);
      expect(error.message).not.toContain(TOKEN);
      expect(error.message).not.toContain('sk-live');
    },
  );
});

describe('logging', () => {
  function capture(level: 'debug' | 'info' = 'debug') {
    const lines: string[] = [];
    const log = createLogger({ level, secrets: [TOKEN], write: (line) => lines.push(line), now: () => new Date(0) });
    return { log, lines };
  }

  it('writes one JSON line per event: level, time, fields, message', () => {
    const { log, lines } = capture();
    log.info('ready', { tag: 'Youcheng#0001', guilds: 3 });
    expect(lines).toEqual([
      '{"level":"info","time":"1970-01-01T00:00:00.000Z","tag":"Youcheng#0001","guilds":3,"msg":"ready"}\n',
    ]);
    expect(JSON.parse(lines[0]!)).toEqual({
      level: 'info',
      time: '1970-01-01T00:00:00.000Z',
      tag: 'Youcheng#0001',
      guilds: 3,
      msg: 'ready',
    });
  });

  it('is readable by a person on request (a terminal), still one line per event and still redacted', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', secrets: [TOKEN], format: 'pretty', write: (line) => lines.push(line) });
    log.warn('careful', { header: `Bot ${TOKEN}` });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WARN.*careful/);
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]!.trimEnd()).not.toContain('\n');
  });

  it("keeps every part of the token out, even as discord.js's debug output prints it (two parts and a mask)", () => {
    const { log, lines } = capture();
    const [id, time] = TOKEN.split('.');
    log.debug(`Provided token: ${id}.${time}.${'*'.repeat(38)}`);
    expect(lines.join('')).not.toContain(id);
    expect(lines.join('')).not.toContain(time);
  });

  it('drops events below the configured level', () => {
    const { log, lines } = capture('info');
    log.debug('noise');
    log.warn('careful');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"level":"warn"');
  });

  it('never lets the token into a log line, whatever carries it', () => {
    const { log, lines } = capture();
    const error = Object.assign(new Error(`login failed for ${TOKEN}`), {
      url: `https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb246c2VjcmV0/callback`,
    });
    log.error(`token ${TOKEN} rejected`, { error, header: `Bot ${TOKEN}`, nested: { token: TOKEN } });
    const out = lines.join('');
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain('aW50ZXJhY3Rpb246c2VjcmV0');
    expect(out).toContain('[redacted]');
    expect(out).toContain('login failed');
  });

  it('redacts anything shaped like a bot token, not only the configured one', () => {
    const other = 'OTk5OTk5OTk5OTk5OTk5OTk5.XyZabc.0123456789abcdefghijABCDEFGHIJ_-xyz';
    expect(redact(`Authorization: Bot ${other}`)).not.toContain(other);
    expect(redact(`value=${other};`)).toBe('value=[redacted];');
    expect(redact('an ordinary sentence. With dots. Nothing secret.')).toBe(
      'an ordinary sentence. With dots. Nothing secret.',
    );
    expect(redact('Developer Portal (Bot → Reset Token)')).toBe('Developer Portal (Bot → Reset Token)');
    expect(redact('Authorization: Bearer abcdefghijklmnopqrstuvwxyz')).toBe('Authorization: Bearer [redacted]');
  });

  it('logs error details: name, message, Discord status and code, stack', () => {
    const { log, lines } = capture();
    log.error('interaction failed', {
      error: Object.assign(new Error('Unknown interaction'), { code: 10062, status: 404 }),
    });
    const fields = JSON.parse(lines[0]!.slice(lines[0]!.indexOf('{'))) as { error: Record<string, unknown> };
    expect(fields.error).toMatchObject({ name: 'Error', message: 'Unknown interaction', code: 10062, status: 404 });
    expect(fields.error.stack).toContain('config.test.ts');
  });
});
