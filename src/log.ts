// A small leveled logger writing one line per event to stderr: `time LEVEL message {json}`.
// stdout stays free for the console's output. Every line passes through redact(), so a bot token or
// an interaction token (both sit in REST URLs and error messages) never reaches a log.

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

/** Replace each secret, and anything shaped like a Discord token, with "[redacted]". */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join(REDACTED);
  }
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

function serialize(fields: LogFields): string {
  return JSON.stringify(fields, (_key, value: unknown) =>
    value instanceof Error ? describeError(value) : typeof value === 'bigint' ? value.toString() : value,
  );
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Values to blank out wherever they appear (the bot token). */
  secrets?: readonly string[];
  /** Where lines go; stderr by default. */
  write?: (line: string) => void;
  now?: () => Date;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? 'info');
  const secrets = options.secrets ?? [];
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const now = options.now ?? (() => new Date());

  const emit = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const tail = fields && Object.keys(fields).length > 0 ? ` ${serialize(fields)}` : '';
    write(redact(`${now().toISOString()} ${level.toUpperCase()} ${message}${tail}\n`, secrets));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
