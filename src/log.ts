// Levelled logs with pino: one JSON object per line on stderr (stdout stays free for the console's
// output), human-readable through pino-pretty when stderr is a terminal. The logger itself redacts:
// every line passes through redact() just before it is written, so a bot token (or any part of it)
// or an interaction token (both sit in REST URLs, error messages and discord.js debug output) never
// reaches a log, whichever code path produced the line.
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const REDACTED = '[redacted]';

// A bot token: base64url(user id) . timestamp . HMAC; the parts' lengths vary with age of the token.
const BOT_TOKEN_SHAPE = /[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}/g;
// Interaction tokens travel in the path of callback and webhook URLs.
const URL_TOKEN_SHAPE = /(\/(?:interactions|webhooks)\/\d+\/)([^/?#\s"']+)/g;
const AUTH_HEADER_SHAPE = /\b(Bot|Bearer)\s+[A-Za-z0-9._-]{20,}/g;

/**
 * A secret and its dot-separated parts: discord.js's debug output prints a bot token's first two
 * parts with the third masked, so the whole token alone would not catch it.
 */
export function secretPieces(secret: string): string[] {
  if (!secret) return [];
  // Only a token-shaped secret is split: a database URL's dotted host must not turn into "secrets".
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(secret)) return [secret];
  const parts = secret.split('.').filter((part) => part.length >= 4);
  return [secret, ...parts];
}

/** Replace each secret (and each part of it), and anything shaped like a Discord token, with "[redacted]". */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const piece of secrets.flatMap(secretPieces)) out = out.split(piece).join(REDACTED);
  return out
    .replace(BOT_TOKEN_SHAPE, REDACTED)
    .replace(URL_TOKEN_SHAPE, `$1${REDACTED}`)
    .replace(AUTH_HEADER_SHAPE, `$1 ${REDACTED}`);
}

/** An Error as plain fields worth logging: discord.js API errors carry status, code, method and url. */
export function describeError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: String(error) };
  const fields: LogFields = { name: error.name, message: error.message };
  for (const key of ['code', 'status', 'method', 'url'] as const) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if (value !== undefined) fields[key] = value;
  }
  if (error.stack) fields.stack = error.stack;
  if (error.cause !== undefined) fields.cause = describeError(error.cause);
  return fields;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Values to blank out wherever they appear (the bot token). */
  secrets?: readonly string[];
  /** Where lines go (each a JSON object and "\n"); stderr by default. */
  write?: (line: string) => void;
  /** 'pretty' for a person at a terminal; default: pretty when stderr is a TTY and no `write` is given. */
  format?: 'json' | 'pretty';
  now?: () => Date;
}

const require = createRequire(import.meta.url);

/** pino-pretty, loaded only for a terminal: a service writing JSON never pays for it. */
function prettyStream(write: (line: string) => void): DestinationStream {
  const pretty = require('pino-pretty') as typeof import('pino-pretty');
  const build = (pretty as unknown as { default?: typeof pretty }).default ?? pretty;
  return build({
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        write(chunk.toString('utf8'));
        done();
      },
    }),
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    singleLine: true,
  });
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = [...(options.secrets ?? [])];
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const format = options.format ?? (options.write === undefined && process.stderr.isTTY ? 'pretty' : 'json');
  const now = options.now;
  const stream: DestinationStream = format === 'pretty' ? prettyStream(write) : { write };
  const logger: PinoLogger = pino(
    {
      level: options.level ?? 'info',
      // pid and hostname are the supervisor's business; a line carries the event.
      base: undefined,
      formatters: { level: (label) => ({ level: label }) },
      timestamp: now ? () => `,"time":"${now().toISOString()}"` : pino.stdTimeFunctions.isoTime,
      serializers: { error: (value: unknown) => (value instanceof Error ? describeError(value) : value) },
      hooks: { streamWrite: (line) => redact(line, secrets) },
    },
    stream,
  );
  const at =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      if (fields && Object.keys(fields).length > 0) logger[level](fields, message);
      else logger[level](message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
