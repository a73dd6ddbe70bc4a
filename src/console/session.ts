// What the console does with a typed command or a pressed button, shared by the one-shot, batch
// and interactive modes: parse against the definitions, run with a console context, route a
// component's custom_id back to its command as the Discord router does.
import type { App } from '../app/app.js';
import { routeComponent } from '../commands/component-id.js';
import { checkInput, UserError, type Command, type CommandContext } from '../commands/types.js';
import type { Locale } from '../i18n/index.js';
import { SchemaTooNewError } from '../storage/migrations.js';
import { DatabaseOpenError } from '../storage/sqlite.js';
import type { ComponentResult, Reply } from '../reply/reply.js';
import { OutputError } from './files.js';
import { t } from './messages.js';
import { ParseError, parseCommandLine } from './parse.js';

const CONSOLE_USER = { id: 'console', name: 'console' } as const;
export const PROMPT = 'youcheng> ';

/** The console's user may do everything a moderator may: it is the operator's own terminal. */
export function consoleContext(app: App, locale: Locale): CommandContext {
  return {
    app,
    locale,
    userLocale: locale,
    user: { ...CONSOLE_USER },
    guildId: 'console',
    channelId: 'console',
    canManageMessages: true,
  };
}

/** Parses and runs one line. Throws ParseError for a bad line; whatever the command throws passes through. */
export async function runCommandLine(line: string, ctx: CommandContext, commands: readonly Command[]): Promise<Reply> {
  const { command, input } = parseCommandLine(line, commands, ctx.locale);
  return command.run(checkInput(command.definition, input), ctx);
}

/** A button or select, by its custom_id "<command>:<rest>", handled by that command. */
export async function pressComponent(
  customId: string,
  values: string[],
  ctx: CommandContext,
  commands: readonly Command[],
): Promise<ComponentResult> {
  const route = routeComponent(customId, (name) => commands.find((c) => c.definition.name === name));
  if (!route) return { kind: 'reply', reply: { content: t(ctx.locale, 'unknownComponent'), ephemeral: true } };
  return route.command.component(route.id, values, ctx);
}

/**
 * A failed command in one line: the user's mistake, a database the console cannot use (named by
 * DATABASE_PATH, the setting to change) or an image that --out DIR could not take. Anything else is a bug: `withStack` adds its stack for
 * whoever fixes it.
 */
export function describeFailure(error: unknown, locale: Locale, withStack = false): string {
  if (error instanceof ParseError || error instanceof UserError || error instanceof OutputError) return error.message;
  if (error instanceof DatabaseOpenError) {
    return error.missingFolder === undefined
      ? t(locale, 'databaseUnusable', { path: error.path, reason: error.reason })
      : t(locale, 'databaseMissingFolder', { path: error.path, folder: error.missingFolder });
  }
  const message = t(locale, 'commandFailed', { message: error instanceof Error ? error.message : String(error) });
  if (isDatabaseProblem(error)) return message;
  return withStack && error instanceof Error && error.stack ? `${message}\n${error.stack}` : message;
}

/** The quiz database cannot be used: a setting to fix, not a bug. */
export function isDatabaseProblem(error: unknown): error is DatabaseOpenError | SchemaTooNewError {
  return error instanceof DatabaseOpenError || error instanceof SchemaTooNewError;
}
