// `npm run --silent ask -- [flags] "/city Duisburg"`: one command, or one per stdin line (batch), or
// the interactive console when nothing is given in a terminal. Returns the exit code: 0 answered,
// 1 a command failed, 2 the input was not a valid command (or a batch line failed).
// The dataset, commands and readline load lazily so --help and flag errors answer at once.
import { mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { App } from '../app/app.js';
import type { AppOptions } from '../app/create.js';
import { UserError, type Command } from '../commands/types.js';
import type { Locale } from '../i18n/index.js';
import { toMessageBody } from '../render/discord.js';
import { renderText } from '../render/text.js';
import type { Reply } from '../views/reply.js';
import { saveFiles } from './files.js';
import { t } from './messages.js';
import { commandSummary, ParseError } from './parse.js';
import { consoleContext, PROMPT, runCommandLine } from './session.js';

export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  env?: Record<string, string | undefined>;
}

/** Replaceable in tests: a fake command list, an App over a fixture. */
export interface CliDeps {
  commands?: readonly Command[];
  createApp?: (options: AppOptions) => App;
}

interface Flags {
  json: boolean;
  help: boolean;
  locale: Locale;
  seed?: number;
  out?: string;
  line: string;
}

export async function runCli(argv: readonly string[], io: CliIO, deps: CliDeps = {}): Promise<number> {
  const flags = parseFlags(argv);
  if (typeof flags === 'string') {
    io.stderr.write(`${flags}\n`);
    return 2;
  }
  const { locale } = flags;
  const commands = deps.commands ?? (await import('../commands/index.js')).commands;
  if (flags.help) {
    io.stdout.write(`${t(locale, 'cliUsage')}\n${commandSummary(commands, locale)}\n`);
    return 0;
  }
  if (flags.out) mkdirSync(flags.out, { recursive: true });

  const env = io.env ?? process.env;
  let app: App;
  try {
    const createApp = deps.createApp ?? (await import('../app/create.js')).createApp;
    app = createApp({
      ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      // One-shot and batch runs keep quiz state in memory unless told otherwise, so a script run
      // beside a live bot never retires that bot's running games in the shared database file.
      ...(env.DATABASE_PATH
        ? { databasePath: env.DATABASE_PATH }
        : io.stdin.isTTY && !flags.line
          ? {}
          : { databasePath: ':memory:' }),
    });
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }

  try {
    return await answer(app, flags, io, commands);
  } finally {
    // Stops quiz timers and closes the database; a game left running is retired by the next start.
    app.quiz.close();
  }
}

async function answer(app: App, flags: Flags, io: CliIO, commands: readonly Command[]): Promise<number> {
  const { locale } = flags;
  const ctx = consoleContext(app, locale);
  const color = Boolean(io.stdout.isTTY) && !(io.env ?? process.env).NO_COLOR;
  const width = io.stdout.isTTY && io.stdout.columns ? { width: io.stdout.columns } : {};
  // In text mode, messages that answer the same input are set apart by a blank line.
  let gap = false;
  const written = new Set<string>();
  const print = (reply: Reply) => {
    // Images go to --out DIR; text mode names each file where its card shows it, JSON mode on stderr.
    const savedFiles = flags.out && reply.files?.length ? saveFiles(flags.out, reply.files, written) : {};
    if (flags.json) {
      io.stdout.write(`${JSON.stringify(toMessageBody(reply))}\n`);
      for (const path of Object.values(savedFiles)) io.stderr.write(`${path}\n`);
      return;
    }
    io.stdout.write(`${gap ? '\n' : ''}${renderText(reply, { locale, color, ...width, savedFiles })}\n`);
    gap = true;
  };

  if (io.stdin.isTTY && !flags.line) {
    const { runInteractiveConsole } = await import('./interactive.js');
    await runInteractiveConsole(app, { locale, commands, input: io.stdin, output: io.stdout, ...(flags.out ? { out: flags.out } : {}) });
    return 0;
  }

  // What a command posts or edits by itself (a quiz question) is printed as it happens, before
  // the command's own reply; in --json mode each such message is a line of its own.
  let posted = 0;
  await app.quiz.connect({
    send: async (channelId, reply) => {
      print(reply);
      return { channelId, messageId: String(++posted) };
    },
    edit: async (_ref, reply) => void print(reply),
  });

  if (flags.line) {
    try {
      print(await runCommandLine(flags.line, ctx, commands));
      return 0;
    } catch (error) {
      io.stderr.write(`${describeError(error, locale)}\n`);
      return error instanceof ParseError ? 2 : 1;
    }
  }

  // Batch: one reply per non-blank line; a bad line is reported and the rest still run.
  let failed = false;
  let lineNumber = 0;
  let first = true;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    lineNumber++;
    if (!line.trim()) continue;
    if (!flags.json) {
      io.stdout.write(`${first ? '' : '\n'}${PROMPT}${line.trim()}\n`);
      first = false;
      gap = false;
    }
    try {
      print(await runCommandLine(line, ctx, commands));
    } catch (error) {
      failed = true;
      io.stderr.write(`${t(locale, 'batchLineFailed', { line: lineNumber, message: describeError(error, locale) })}\n`);
    }
  }
  return failed ? 2 : 0;
}

/** A user's mistake is its message; anything else is a bug, so its stack helps whoever fixes it. */
function describeError(error: unknown, locale: Locale): string {
  if (error instanceof ParseError || error instanceof UserError) return error.message;
  const message = t(locale, 'commandFailed', { message: error instanceof Error ? error.message : String(error) });
  return error instanceof Error && error.stack ? `${message}\n${error.stack}` : message;
}

/** The flags, or the message explaining what is wrong with them. */
function parseFlags(argv: readonly string[]): Flags | string {
  const flags: Flags = { json: false, help: false, locale: 'en', line: '' };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') && arg !== '-h') {
      words.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--json':
        flags.json = true;
        break;
      case '--help':
      case '-h':
        flags.help = true;
        break;
      case '--locale': {
        const locale = value();
        if (locale === undefined) return t(flags.locale, 'flagNeedsValue', { flag });
        if (!/^(en|zh)(-[a-z]+)?$/i.test(locale)) return t(flags.locale, 'badLocale', { value: locale });
        flags.locale = locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
        break;
      }
      case '--seed': {
        const seed = value();
        if (seed === undefined) return t(flags.locale, 'flagNeedsValue', { flag });
        if (!/^[+-]?\d+$/.test(seed) || !Number.isSafeInteger(Number(seed))) return t(flags.locale, 'badSeed', { value: seed });
        flags.seed = Number(seed);
        break;
      }
      case '--out': {
        const out = value();
        if (!out) return t(flags.locale, 'flagNeedsValue', { flag });
        flags.out = out;
        break;
      }
      default:
        return t(flags.locale, 'unknownFlag', { flag });
    }
  }
  flags.line = words.join(' ').trim();
  return flags;
}
