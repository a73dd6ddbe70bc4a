// Shared by the quiz tests: an App whose quiz posts into a fake channel port, contexts for players,
// and ways to read what the channel shows.
import { createApp } from '../../src/app/create.js';
import type { App } from '../../src/app/app.js';
import type { CommandContext } from '../../src/commands/types.js';
import { command as quizCommand } from '../../src/commands/quiz.js';
import { QuizService, type QuizServiceOptions, type Scheduler } from '../../src/app/quiz-service.js';
import { seededRandom } from '../../src/domain/random.js';
import type { Locale } from '../../src/i18n/index.js';
import { openSqliteStorage } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/types.js';
import type { ButtonAction, ComponentResult, MessageRef, Reply } from '../../src/reply/reply.js';

let base: App | undefined;
/** One App over the real dataset, loaded once per test file. */
export function baseApp(): App {
  base ??= createApp({ databasePath: ':memory:' });
  return base;
}

export interface PostedReply {
  channelId: string;
  messageId: string;
  reply: Reply;
}

/** A channel port that keeps every message like a channel would; `failSends` makes posting fail. */
export class FakePort {
  readonly posts: PostedReply[] = [];
  readonly edits: PostedReply[] = [];
  readonly messages = new Map<string, PostedReply>();
  failSends = false;
  private next = 1;

  async send(channelId: string, reply: Reply): Promise<MessageRef> {
    if (this.failSends) throw new Error('Missing Permissions');
    const messageId = String(this.next++);
    const posted = { channelId, messageId, reply };
    this.posts.push(posted);
    this.messages.set(messageId, posted);
    return { channelId, messageId };
  }

  async edit(ref: MessageRef, reply: Reply): Promise<void> {
    const posted = { ...ref, reply };
    this.edits.push(posted);
    this.messages.set(ref.messageId, posted);
  }

  /** Messages in one channel, as they look now, oldest first. */
  channel(channelId: string): PostedReply[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId);
  }

  /** The newest message in the channel with answer buttons. */
  question(channelId: string): PostedReply {
    const found = this.channel(channelId)
      .filter((m) => buttons(m.reply).length > 0)
      .at(-1);
    if (!found) throw new Error(`no question in channel ${channelId}`);
    return found;
  }
}

export function buttons(reply: Reply): ButtonAction[] {
  return (reply.actions ?? []).flat().filter((a): a is ButtonAction => a.type === 'button');
}

export function allText(reply: Reply): string {
  return [
    reply.content ?? '',
    ...(reply.cards ?? []).flatMap((c) => [
      c.title ?? '',
      c.description ?? '',
      ...(c.fields ?? []).flatMap((f) => [f.name, f.value]),
      c.footer ?? '',
    ]),
  ].join('\n');
}

export interface QuizSetup {
  app: App;
  quiz: QuizService;
  port: FakePort;
}

/**
 * Timers that can all be dropped at once, as if the process holding them died (kill -9): the
 * other instances' timers in the same test keep running.
 */
export function killableScheduler(): Scheduler & { kill(): void } {
  let dead = false;
  return {
    set: (callback, ms) => globalThis.setTimeout(() => dead || callback(), ms),
    clear: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    kill: () => {
      dead = true;
    },
  };
}

/** A fresh quiz (own database, seeded questions) connected to a fresh fake port. */
export async function setUp(
  options: { seed?: number; storage?: () => Storage; databasePath?: string } & Partial<QuizServiceOptions> = {},
): Promise<QuizSetup> {
  const shared = baseApp();
  const random = seededRandom(options.seed ?? 1);
  const path = options.databasePath ?? ':memory:';
  const quiz = new QuizService({
    data: shared.data,
    random,
    now: () => new Date(),
    openStorage: options.storage ?? (() => openSqliteStorage(path)),
    ...(options.revealMs !== undefined ? { revealMs: options.revealMs } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.instanceId ? { instanceId: options.instanceId } : {}),
    ...(options.resumeWithinMs !== undefined ? { resumeWithinMs: options.resumeWithinMs } : {}),
  });
  const app: App = { ...shared, random, now: () => new Date(), quiz };
  const port = new FakePort();
  await quiz.connect(port);
  return { app, quiz, port };
}

export interface Player {
  id: string;
  name?: string;
  channelId?: string;
  guildId?: string | null;
  locale?: Locale;
  canManageMessages?: boolean;
}

export function context(app: App, player: Player): CommandContext {
  return {
    app,
    locale: player.locale ?? 'en',
    userLocale: player.locale ?? 'en',
    user: { id: player.id, name: player.name ?? `player ${player.id}` },
    guildId: player.guildId === undefined ? 'guild-1' : player.guildId,
    channelId: player.channelId ?? 'channel-1',
    canManageMessages: player.canManageMessages ?? false,
  };
}

export async function quizRun(
  app: App,
  player: Player,
  subcommand: string,
  options: Record<string, unknown> = {},
): Promise<Reply> {
  return quizCommand.run({ subcommand, options: options as never }, context(app, player));
}

/** Presses a button by its full custom_id, as the router would: the part after "quiz:" goes to the command. */
export async function press(app: App, player: Player, customId: string): Promise<ComponentResult> {
  if (!customId.startsWith('quiz:')) throw new Error(`not a quiz button: ${customId}`);
  return quizCommand.component(customId.slice('quiz:'.length), [], context(app, player));
}

export function replyText(result: ComponentResult): string {
  return result.kind === 'none' ? '' : (result.reply.content ?? '');
}
