// `npm run --silent ask -- [flags] "/city Duisburg"`: one command, or one per stdin line (batch), or
// the interactive console when nothing is given in a terminal. Returns the exit code: 0 answered,
// 1 a command failed, 2 the input was not a valid command (or a batch line failed).
// The dataset and commands load lazily so --help and flag errors answer at once.
import type { App } from '../app/app.js';
import type { AppOptions } from '../app/create.js';
import type { Command } from '../commands/types.js';
import type { Locale } from '../i18n/index.js';
import type { Logger } from '../log.js';
import { toMessageBody, type MessageBody } from '../render/discord.js';
import { renderText } from '../render/text.js';
import type { Reply } from '../reply/reply.js';
import { prepareOutDir, saveFiles } from './files.js';
import { t } from './messages.js';
import { commandSummary, ParseError } from './parse.js';
import { consoleContext, describeFailure, isDatabaseProblem, PROMPT, runCommandLine } from './session.js';
import { inputLines, terminalSafe } from './terminal.js';

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
  /** A command argument was given, even if blank (`ask ""`): never fall back to batch or interactive. */
  oneShot: boolean;
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
  if (flags.oneShot && !flags.line) {
    io.stderr.write(`${t(locale, 'emptyCommand')}\n`);
    return 2;
  }
  const outProblem = flags.out === undefined ? null : prepareOutDir(flags.out, locale);
  if (outProblem) {
    io.stderr.write(`${outProblem}\n`);
    return 2;
  }

  const env = io.env ?? process.env;
  const databasePath = env.DATABASE_PATH?.trim();
  const warn = warnOnce(io.stderr);
  let app: App;
  try {
    const createApp = deps.createApp ?? (await import('../app/create.js')).createApp;
    app = createApp({
      ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      logger: databaseProblemLogger(warn, locale),
      // One-shot and batch runs keep quiz state in memory unless told otherwise, so a script run
      // beside a live bot never retires that bot's running games in the shared database file.
      ...(databasePath ? { databasePath } : io.stdin.isTTY && !flags.oneShot ? {} : { databasePath: ':memory:' }),
    });
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }

  try {
    return await answer(app, flags, io, commands, warn);
  } finally {
    // Stops quiz timers and closes the database; a game left running is retired by the next start.
    await app.quiz.close();
  }
}

/**
 * The quiz opens its database by itself (on connecting, on starting a game) and only logs a
 * failure, answering "not available". The console says why, once, in the words of a failed command.
 */
function databaseProblemLogger(warn: (line: string) => void, locale: Locale): Logger {
  const ignore = () => undefined;
  return {
    debug: ignore,
    info: ignore,
    warn: ignore,
    error: (_message, fields) => {
      if (isDatabaseProblem(fields?.error)) warn(describeFailure(fields.error, locale));
    },
  };
}

/** Writes a line to stderr unless the very same line was written before. */
function warnOnce(stderr: NodeJS.WritableStream): (line: string) => void {
  const written = new Set<string>();
  return (line) => {
    if (written.has(line)) return;
    written.add(line);
    stderr.write(`${line}\n`);
  };
}

async function answer(
  app: App,
  flags: Flags,
  io: CliIO,
  commands: readonly Command[],
  warn: (line: string) => void,
): Promise<number> {
  const { locale } = flags;
  const ctx = consoleContext(app, locale);
  if (io.stdin.isTTY && !flags.oneShot) {
    const { runInteractiveConsole } = await import('./interactive.js');
    await runInteractiveConsole(app, {
      locale,
      commands,
      input: io.stdin,
      output: io.stdout,
      ...(flags.out ? { out: flags.out } : {}),
    });
    return 0;
  }

  const color = Boolean(io.stdout.isTTY) && !(io.env ?? process.env).NO_COLOR;
  const width = io.stdout.isTTY && io.stdout.columns ? { width: io.stdout.columns } : {};
  const written = new Set<string>();
  /** Images go to --out DIR; text mode names each file where its card shows it, JSON mode on stderr. */
  const save = (reply: Reply) => {
    const savedFiles = flags.out && reply.files?.length ? saveFiles(flags.out, reply.files, written, locale) : {};
    if (flags.json) for (const path of Object.values(savedFiles)) io.stderr.write(`${path}\n`);
    return savedFiles;
  };
  // In text mode, messages that answer the same input are set apart by a blank line.
  let gap = false;
  const printText = (reply: Reply) => {
    io.stdout.write(
      `${gap ? '\n' : ''}${terminalSafe(renderText(reply, { locale, color, ...width, savedFiles: save(reply) }))}\n`,
    );
    gap = true;
  };

  // What a command posts or edits by itself (a quiz question) happens before the command's own
  // reply. Text mode prints it at once; JSON mode keeps it for the "posted" array of the object
  // that answers the input line, so that each line gets exactly one object (see --help).
  let posted: PostedMessage[] = [];
  let messages = 0;
  const channelMessage = (message: number, reply: Reply, edited: boolean) => {
    if (!flags.json) return printText(reply);
    save(reply);
    posted.push({ message, ...(edited ? { edited: true } : {}), body: toMessageBody(reply) });
  };
  await app.quiz.connect(
    {
      send: async (channelId, reply) => {
        const messageId = ++messages;
        channelMessage(messageId, reply, false);
        return { channelId, messageId: String(messageId) };
      },
      edit: async (ref, reply) => channelMessage(Number(ref.messageId), reply, true),
    },
    { adoptGames: false },
  );
  const printReply = (reply: Reply) => {
    if (!flags.json) return printText(reply);
    save(reply);
    const body = toMessageBody(reply);
    io.stdout.write(`${JSON.stringify(posted.length ? { ...body, posted } : body)}\n`);
    posted = [];
  };

  if (flags.oneShot) {
    try {
      printReply(await runCommandLine(flags.line, ctx, commands));
      return 0;
    } catch (error) {
      warn(describeFailure(error, locale, true));
      return error instanceof ParseError ? 2 : 1;
    }
  }

  // Batch: one answer per non-blank line; a bad line is reported and the rest still run.
  let failed = false;
  let lineNumber = 0;
  let first = true;
  for await (const line of inputLines(io.stdin)) {
    lineNumber++;
    if (!line.trim()) continue;
    if (!flags.json) {
      io.stdout.write(`${first ? '' : '\n'}${PROMPT}${terminalSafe(line.trim())}\n`);
      first = false;
      gap = false;
    }
    try {
      printReply(await runCommandLine(line, ctx, commands));
    } catch (error) {
      failed = true;
      io.stderr.write(
        `${terminalSafe(t(locale, 'batchLineFailed', { line: lineNumber, message: describeFailure(error, locale, true) }))}\n`,
      );
      if (flags.json) {
        // The stack, if any, went to stderr above; the object carries the one-line message.
        const message = describeFailure(error, locale);
        io.stdout.write(
          `${JSON.stringify({ error: { line: lineNumber, message }, ...(posted.length ? { posted } : {}) })}\n`,
        );
        posted = [];
      }
    }
  }
  return failed ? 2 : 0;
}

/** A message the command posted or edited besides its reply, as --json lists it. */
interface PostedMessage {
  message: number;
  edited?: true;
  body: MessageBody;
}

/** The flags, or the message explaining what is wrong with them. */
function parseFlags(argv: readonly string[]): Flags | string {
  const flags: Flags = { json: false, help: false, locale: 'en', line: '', oneShot: false };
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
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
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
        if (!/^[+-]?\d+$/.test(seed) || !Number.isSafeInteger(Number(seed)))
          return t(flags.locale, 'badSeed', { value: seed });
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
  flags.oneShot = words.length > 0;
  return flags;
}
