// Environment → validated settings. Fails fast and names the variable and what it expects; an error
// never repeats a value it read, because the value may be (or contain) the bot token.
import { config as readDotenv } from 'dotenv';
import { LOG_LEVELS, type LogLevel } from './log.js';

export interface Config {
  /** Absent → the offline console. Not enumerable, so logging the config never prints it. */
  readonly token?: string;
  /** Needed by deploy; derived from the token when absent. */
  applicationId?: string;
  /** Deploy to this one server (instant) instead of globally. */
  guildId?: string;
  /** Base URL of Discord's REST API ("…/api"), for a local fake Discord or a REST proxy. */
  apiUrl?: string;
  databasePath: string;
  /** postgres://… : keep the quiz in PostgreSQL (shared by several processes) instead of the SQLite file. */
  databaseUrl?: string;
  /** Seconds a process's claim on its quiz games lasts unrenewed (default 30); another process takes over after it. */
  leaseSeconds?: number;
  /**
   * This process's stable name as the owner of quiz games (INSTANCE_ID): restarted under the same
   * name, it carries on the games it left at once. Unique per running process; shards add their id.
   */
  instanceId?: string;
  /** `npm run start:sharded`: how many gateway shards (processes) to run; 'auto' asks Discord. */
  shardCount?: number | 'auto';
  logLevel: LogLevel;
  /** For the HTTP interactions endpoint. */
  port: number;
  /** Hex Ed25519 key from the Developer Portal, for the HTTP interactions endpoint. */
  publicKey?: string;
  /** Serve /healthz, /readyz and /metrics on this port; absent → no metrics (HTTP mode still answers health on PORT). */
  metricsPort?: number;
}

export interface ConfigProblem {
  variable: string;
  expected: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((p) => `${p.variable}: ${p.expected}`).join('\n'));
  }
}

export const DEFAULTS = {
  databasePath: 'var/youcheng.sqlite',
  logLevel: 'info',
  port: 8080,
  leaseSeconds: 30,
} as const;

const SNOWFLAKE = /^\d{17,20}$/;
const PUBLIC_KEY = /^[0-9a-f]{64}$/i;

/** Reads .env into process.env (without overriding real environment variables). Tests never call it. */
export function loadDotenv(): void {
  readDotenv({ quiet: true });
}

/** An unset or blank variable counts as absent, so a copied .env.example with empty values works. */
function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function tokenProblem(token: string): string | undefined {
  if (/^(Bot|Bearer)\s/i.test(token)) return 'the token alone, without the "Bot " prefix';
  if (/\s/.test(token)) return 'a bot token without spaces (Developer Portal → Bot → Reset Token)';
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) {
    return 'a bot token: three dot-separated parts of letters, digits, "-" and "_" (Developer Portal → Bot → Reset Token)';
  }
  return undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: ConfigProblem[] = [];
  const problem = (variable: string, expected: string) => problems.push({ variable, expected });

  const token = read(env, 'DISCORD_TOKEN');
  if (token !== undefined) {
    const expected = tokenProblem(token);
    if (expected) problem('DISCORD_TOKEN', `expected ${expected}`);
  }

  const snowflake = (name: string): string | undefined => {
    const value = read(env, name);
    if (value !== undefined && !SNOWFLAKE.test(value)) problem(name, 'expected a Discord ID: 17 to 20 digits');
    return value;
  };
  const applicationId = snowflake('DISCORD_APPLICATION_ID');
  const guildId = snowflake('DISCORD_GUILD_ID');

  let apiUrl = read(env, 'DISCORD_API_URL');
  if (apiUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(apiUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      problem('DISCORD_API_URL', 'expected an http(s) URL such as https://discord.com/api');
    } else {
      apiUrl = apiUrl.replace(/\/+$/, '');
    }
  }

  const databasePath = read(env, 'DATABASE_PATH') ?? DEFAULTS.databasePath;
  if (databasePath === ':memory:' || databasePath.startsWith('file:')) {
    // An in-memory database loses every score when the bot stops; only tests want that.
    problem(
      'DATABASE_PATH',
      'expected a file path: ":memory:" would lose every score at the next restart (default var/youcheng.sqlite)',
    );
  }
  const databaseUrl = read(env, 'DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/./.test(databaseUrl)) {
    problem('DATABASE_URL', 'expected a PostgreSQL URL such as postgres://user:password@host:5432/youcheng');
  }

  const leaseText = read(env, 'QUIZ_LEASE_SECONDS');
  const leaseSeconds = leaseText === undefined ? DEFAULTS.leaseSeconds : Number(leaseText);
  if (!/^\d+$/.test(leaseText ?? '30') || leaseSeconds < 3 || leaseSeconds > 3600) {
    problem('QUIZ_LEASE_SECONDS', 'expected a whole number of seconds from 3 to 3600');
  }

  const instanceId = read(env, 'INSTANCE_ID');
  if (instanceId !== undefined && !/^[A-Za-z0-9._:/@-]{1,100}$/.test(instanceId)) {
    problem('INSTANCE_ID', 'expected 1 to 100 letters, digits or . _ : / @ - (a name unique to this process)');
  }

  const shardText = read(env, 'SHARD_COUNT')?.toLowerCase();
  const shardCount = shardText === undefined || shardText === 'auto' ? 'auto' : Number(shardText);
  if (shardCount !== 'auto' && (!/^\d+$/.test(shardText ?? '') || shardCount < 1 || shardCount > 1024)) {
    problem('SHARD_COUNT', 'expected "auto" or a whole number of shards from 1 to 1024');
  }

  const levelText = read(env, 'LOG_LEVEL')?.toLowerCase() ?? DEFAULTS.logLevel;
  const logLevel = LOG_LEVELS.find((level) => level === levelText);
  if (!logLevel) problem('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}`);

  const portNumber = (name: string): number | undefined => {
    const text = read(env, name);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1 || value > 65535) problem(name, 'expected a whole number from 1 to 65535');
    return value;
  };
  const port = portNumber('PORT') ?? DEFAULTS.port;
  const metricsPort = portNumber('METRICS_PORT');

  const publicKey = read(env, 'DISCORD_PUBLIC_KEY');
  if (publicKey !== undefined && !PUBLIC_KEY.test(publicKey)) {
    problem(
      'DISCORD_PUBLIC_KEY',
      'expected 64 hexadecimal characters (Developer Portal → General Information → Public Key)',
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);

  const config: Config = { databasePath, logLevel: logLevel!, port };
  if (leaseSeconds !== DEFAULTS.leaseSeconds) config.leaseSeconds = leaseSeconds;
  if (shardText !== undefined) config.shardCount = shardCount;
  if (applicationId) config.applicationId = applicationId;
  if (guildId) config.guildId = guildId;
  if (apiUrl) config.apiUrl = apiUrl;
  if (databaseUrl) config.databaseUrl = databaseUrl;
  if (instanceId) config.instanceId = instanceId;
  if (publicKey) config.publicKey = publicKey.toLowerCase();
  if (metricsPort !== undefined) config.metricsPort = metricsPort;
  if (token) Object.defineProperty(config, 'token', { value: token, enumerable: false });
  return config;
}
