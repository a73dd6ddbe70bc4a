// Interactions → commands, and the error boundary around them. Every interaction gets an answer
// within Discord's 3 seconds (a slow command is deferred), every error becomes a short ephemeral
// message, and handle() never throws: a rejected event handler would otherwise crash the client.
import {
  ApplicationCommandOptionType,
  AttachmentBuilder,
  PermissionFlagsBits,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type AutocompleteInteraction,
  type BaseInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type GuildMember,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type MessageComponentInteraction,
  type MessageContextMenuCommandInteraction,
  type User,
} from 'discord.js';
import type { App } from '../app/app.js';
import { routeComponent } from '../commands/component-id.js';
import {
  checkInput,
  UserError,
  type AutocompleteChoice,
  type Command,
  type CommandContext,
  type CommandInput,
  type OptionValue,
  type UserRef,
} from '../commands/types.js';
import { pickLocale, type Locale } from '../i18n/index.js';
import { createLogger, describeError, type Logger } from '../log.js';
import { toMessageBody, truncate, type MessageBody } from '../render/discord.js';
import type { Reply, ReplyFile } from '../reply/reply.js';
import { isMessageCommand } from './definitions.js';
import { t } from './messages.js';

/** Discord allows 3 s to acknowledge; deferring at 1.5 s leaves room for a slow network. */
export const DEFER_AFTER_MS = 1500;
const AUTOCOMPLETE_MAX = 25;
const CHOICE_MAX = 100;

export interface Router {
  handle(interaction: Interaction): Promise<void>;
}

export interface RouterOptions {
  log?: Logger;
  /** How long a command may run before the router defers its reply. */
  deferAfterMs?: number;
  /** Told once per interaction, when it is handled, how it went (for /metrics). */
  onHandled?: (handled: HandledInteraction) => void;
}

/** One interaction as the metrics count it. `command` is a known command's name, else "unknown". */
export interface HandledInteraction {
  kind: 'command' | 'autocomplete' | 'component' | 'other';
  command: string;
  outcome: 'ok' | 'user_error' | 'error';
  seconds: number;
}

type CommandLike = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

// ---- reading an interaction ----------------------------------------------------------------------

type MemberLike = GuildMember | { nick?: string | null } | null | undefined;

function displayName(user: User, member: MemberLike): string {
  let name = user.displayName;
  if (member && 'displayName' in member) name = member.displayName;
  else if (member?.nick) name = member.nick;
  return escapeMarkdown(name);
}

function userRef(user: User, member?: MemberLike): UserRef {
  return { id: user.id, name: displayName(user, member) };
}

function optionValue(option: CommandInteractionOption): OptionValue | undefined {
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      return typeof option.value === 'string' ? option.value : undefined;
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      // Autocomplete sends what the user has typed so far, which may still be a string.
      const n = typeof option.value === 'number' ? option.value : Number(option.value);
      return option.value !== '' && Number.isFinite(n) ? n : undefined;
    }
    case ApplicationCommandOptionType.Boolean:
      return typeof option.value === 'boolean' ? option.value : undefined;
    case ApplicationCommandOptionType.User:
      return option.user ? userRef(option.user, option.member) : undefined;
    default:
      return undefined;
  }
}

/** Options arrive keyed by their English names whatever the user's language. */
function readInput(data: readonly CommandInteractionOption[]): CommandInput {
  let list = data;
  const input: CommandInput = { options: {} };
  const first = data[0];
  if (first?.type === ApplicationCommandOptionType.Subcommand) {
    input.subcommand = first.name;
    list = first.options ?? [];
  }
  for (const option of list) {
    const value = optionValue(option);
    if (value !== undefined) input.options[option.name] = value;
  }
  return input;
}

function contextFor(app: App, interaction: BaseInteraction, audience: 'channel' | 'user'): CommandContext {
  const userLocale: Locale = pickLocale(interaction.locale);
  return {
    app,
    locale: audience === 'user' ? userLocale : pickLocale(interaction.guildLocale ?? interaction.locale),
    userLocale,
    user: userRef(interaction.user, interaction.member),
    guildId: interaction.guildId,
    channelId: interaction.channelId ?? '',
    canManageMessages: interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false,
  };
}

/** What a log line says about an interaction: names and ids, never its token or what the user typed. */
function interactionFields(interaction: Interaction): Record<string, unknown> {
  const fields: Record<string, unknown> = { interaction: interaction.id, type: interaction.type };
  if (interaction.isCommand() || interaction.isAutocomplete()) fields.command = interaction.commandName;
  if (interaction.isMessageComponent()) fields.customId = interaction.customId;
  fields.guild = interaction.guildId;
  fields.user = interaction.user.id;
  return fields;
}

// ---- answering -----------------------------------------------------------------------------------

type Components = APIActionRowComponent<APIComponentInMessageActionRow>[];

/**
 * The reply's files as discord.js attachments, named and described as the body lists them
 * (toMessageBody keeps at most ten and shortens descriptions); discord.js uploads them as multipart.
 */
function attachmentsOf(body: MessageBody, files: readonly ReplyFile[] | undefined): AttachmentBuilder[] {
  return (body.attachments ?? []).map((listed) => {
    const data = files![listed.id]!.data;
    return new AttachmentBuilder(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
      name: listed.filename,
      ...(listed.description ? { description: listed.description } : {}),
    });
  });
}

/** The rendered body as discord.js options; discord.js sends these fields on unchanged. */
function replyOptions(body: MessageBody, files?: readonly ReplyFile[]): InteractionReplyOptions {
  const attachments = attachmentsOf(body, files);
  return {
    ...(body.content !== undefined ? { content: body.content } : {}),
    embeds: body.embeds,
    components: body.components as unknown as Components,
    allowedMentions: body.allowed_mentions,
    ...(attachments.length ? { files: attachments } : {}),
    ...(body.flags ? { flags: body.flags as InteractionReplyOptions['flags'] } : {}),
  };
}

/**
 * An edit replaces the whole message, so empty content is sent explicitly and the old files are
 * dropped (`attachments: []`) for the new ones, if any; visibility cannot change.
 */
function editOptions(body: MessageBody, files?: readonly ReplyFile[]): InteractionEditReplyOptions {
  return {
    content: body.content ?? '',
    embeds: body.embeds,
    components: body.components as unknown as Components,
    allowedMentions: body.allowed_mentions,
    attachments: [],
    files: attachmentsOf(body, files),
  };
}

/** Answer a command, whatever has happened to it so far (nothing, or a deferral). */
async function answerCommand(interaction: CommandLike, reply: Reply): Promise<void> {
  const body = toMessageBody(reply);
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(replyOptions(body, reply.files));
    return;
  }
  const ephemeral = Boolean(reply.ephemeral);
  if (!interaction.replied && Boolean(interaction.ephemeral) === ephemeral) {
    await interaction.editReply(editOptions(body, reply.files));
    return;
  }
  // The deferral's "thinking…" placeholder has the wrong visibility (a public placeholder for a
  // private answer): answer in a follow-up, then remove the placeholder.
  const placeholderPending = !interaction.replied;
  await interaction.followUp(replyOptions(body, reply.files));
  if (placeholderPending) await interaction.deleteReply();
}

/** Answer a click with a new message; after a deferUpdate that must be a follow-up. */
async function answerComponent(interaction: MessageComponentInteraction, reply: Reply): Promise<void> {
  const options = replyOptions(toMessageBody(reply), reply.files);
  if (interaction.deferred || interaction.replied) await interaction.followUp(options);
  else await interaction.reply(options);
}

async function updateComponentMessage(interaction: MessageComponentInteraction, reply: Reply): Promise<void> {
  const options = editOptions(toMessageBody(reply), reply.files);
  if (interaction.deferred || interaction.replied) await interaction.editReply(options);
  else await interaction.update(options);
}

// ---- the router ----------------------------------------------------------------------------------

export function createRouter(app: App, commands: readonly Command[], options: RouterOptions = {}): Router {
  const log = options.log ?? createLogger();
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const chatCommands = new Map<string, Command>();
  const messageCommands = new Map<string, Command>();
  const byName = new Map<string, Command>();
  for (const command of commands) {
    const name = command.definition.name;
    (isMessageCommand(command.definition) ? messageCommands : chatCommands).set(name, command);
    byName.set(name, command);
  }

  /** Run `work`; if it has not settled after deferAfterMs, acknowledge with `defer` meanwhile. */
  async function withinDeadline<T>(work: () => T | Promise<T>, defer: () => Promise<unknown>): Promise<T> {
    const result = Promise.resolve().then(work);
    result.catch(() => undefined); // awaited below; this only stops an early rejection being "unhandled"
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), deferAfterMs);
    });
    const settled = result.then(
      () => 'settled' as const,
      () => 'settled' as const,
    );
    const first = await Promise.race([settled, late]);
    clearTimeout(timer);
    if (first === 'late') await defer();
    return result;
  }

  async function runCommand(interaction: CommandLike, command: Command, input: CommandInput): Promise<void> {
    const ctx = contextFor(app, interaction, 'channel');
    const reply = await withinDeadline(
      () => command.run(checkInput(command.definition, input), ctx),
      () => interaction.deferReply(),
    );
    await answerCommand(interaction, reply);
  }

  async function onChatInput(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = chatCommands.get(interaction.commandName);
    if (!command) {
      await answerCommand(interaction, {
        content: t(pickLocale(interaction.locale), 'unknownCommand'),
        ephemeral: true,
      });
      return;
    }
    await runCommand(interaction, command, readInput(interaction.options.data));
  }

  async function onMessageContext(interaction: MessageContextMenuCommandInteraction): Promise<void> {
    const command = messageCommands.get(interaction.commandName);
    if (!command) {
      await answerCommand(interaction, {
        content: t(pickLocale(interaction.locale), 'unknownCommand'),
        ephemeral: true,
      });
      return;
    }
    await runCommand(interaction, command, { options: { message: interaction.targetMessage.content } });
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = chatCommands.get(interaction.commandName);
    let choices: AutocompleteChoice[] = [];
    if (command?.autocomplete) {
      const focused = interaction.options.getFocused(true);
      const input = readInput(interaction.options.data);
      const ctx = contextFor(app, interaction, 'user');
      choices = command.autocomplete({ name: focused.name, value: String(focused.value) }, input, ctx);
    }
    await interaction.respond(
      choices
        // A value is what the command will receive: a shortened one would mean something else.
        .filter((c) => c.name.trim() !== '' && c.value !== '' && Array.from(c.value).length <= CHOICE_MAX)
        .slice(0, AUTOCOMPLETE_MAX)
        .map((c) => ({ name: truncate(c.name, CHOICE_MAX), value: c.value })),
    );
  }

  async function onComponent(interaction: MessageComponentInteraction): Promise<void> {
    const route = routeComponent(interaction.customId, (name) => byName.get(name));
    if (!route) {
      const key = interaction.isButton() ? 'staleButton' : 'staleSelect';
      await answerComponent(interaction, { content: t(pickLocale(interaction.locale), key), ephemeral: true });
      return;
    }
    const { command, id } = route;
    const values = interaction.isStringSelectMenu() ? interaction.values : [];
    const ctx = contextFor(app, interaction, 'channel');
    const component = command.component.bind(command);
    const result = await withinDeadline(
      () => component(id, values, ctx),
      () => interaction.deferUpdate(),
    );
    if (result.kind === 'update') await updateComponentMessage(interaction, result.reply);
    else if (result.kind === 'reply') await answerComponent(interaction, result.reply);
    else if (!interaction.deferred && !interaction.replied) await interaction.deferUpdate();
  }

  async function dispatch(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand()) await onChatInput(interaction);
    else if (interaction.isMessageContextMenuCommand()) await onMessageContext(interaction);
    else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
    else if (interaction.isMessageComponent()) await onComponent(interaction);
    else log.debug('ignored an interaction', interactionFields(interaction));
  }

  /** Tell the user, briefly and privately; a UserError's own message, else a generic one. */
  async function fail(interaction: Interaction, error: unknown): Promise<void> {
    if (error instanceof UserError)
      log.debug('user error', { ...interactionFields(interaction), message: error.message });
    else log.error('interaction failed', { ...interactionFields(interaction), error: describeError(error) });
    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
        return;
      }
      if (!interaction.isRepliable()) return;
      const content = error instanceof UserError ? error.message : t(pickLocale(interaction.locale), 'failed');
      const reply: Reply = { content, ephemeral: true };
      if (interaction.isMessageComponent()) await answerComponent(interaction, reply);
      else if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
        await answerCommand(interaction, reply);
      }
    } catch (secondary) {
      // Usually the interaction expired (Discord error 10062): nothing left to tell the user.
      log.warn('could not report a failure to the user', {
        ...interactionFields(interaction),
        error: describeError(secondary),
      });
    }
  }

  /** What the metrics call this interaction; only known command names, so the label set stays small. */
  function describe(interaction: Interaction): Pick<HandledInteraction, 'kind' | 'command'> {
    const known = (name: string | undefined) => (name !== undefined && byName.has(name) ? name : 'unknown');
    if (interaction.isAutocomplete()) return { kind: 'autocomplete', command: known(interaction.commandName) };
    if (interaction.isCommand()) return { kind: 'command', command: known(interaction.commandName) };
    if (interaction.isMessageComponent())
      return { kind: 'component', command: known(interaction.customId.split(':')[0]) };
    return { kind: 'other', command: 'unknown' };
  }

  return {
    async handle(interaction) {
      const started = performance.now();
      let outcome: HandledInteraction['outcome'] = 'ok';
      try {
        await dispatch(interaction);
      } catch (error) {
        outcome = error instanceof UserError ? 'user_error' : 'error';
        await fail(interaction, error);
      }
      options.onHandled?.({ ...describe(interaction), outcome, seconds: (performance.now() - started) / 1000 });
    },
  };
}
