// A command, independent of any front end. The Discord layer builds its slash-command JSON from
// `definition` and routes interactions to `run`/`autocomplete`/`component`; the console parses
// "/city name:Duisburg" against the same definition. Nothing here imports discord.js.
import type { App } from '../app/app.js';
import type { AutocompleteChoice } from '../app/lookup.js';
import type { Locale } from '../i18n/index.js';
import type { ComponentResult, Reply } from '../reply/reply.js';

export type OptionType = 'string' | 'integer' | 'boolean' | 'user';

export interface Localized {
  /** English, lowercase for names. */
  en: string;
  'zh-CN': string;
}

export interface OptionChoice {
  name: Localized;
  value: string | number;
}

export interface OptionDefinition {
  name: string;
  /** zh-CN name localization (Discord allows CJK in names). */
  nameZh: string;
  description: Localized;
  type: OptionType;
  required?: boolean;
  autocomplete?: boolean;
  choices?: OptionChoice[];
  minValue?: number;
  maxValue?: number;
  maxLength?: number;
}

export interface SubcommandDefinition {
  name: string;
  nameZh: string;
  description: Localized;
  options?: OptionDefinition[];
}

export interface CommandDefinition {
  /**
   * 'chat' (the default): a slash command. 'message': an entry in a message's Apps menu; it takes no
   * options and its run() receives the target message's text as `options.message` (a string). Its
   * name may use capitals and spaces ("Ask Youcheng"); its description is not shown by Discord.
   */
  type?: 'chat' | 'message';
  name: string;
  nameZh: string;
  description: Localized;
  /** Either options or subcommands, as Discord requires. */
  options?: OptionDefinition[];
  subcommands?: SubcommandDefinition[];
  /** Usable in DMs as well as servers. Defaults to true. */
  dmPermission?: boolean;
}

/** A user as the front end knows them; `name` is a display name, already safe to show. */
export interface UserRef {
  id: string;
  name: string;
}

export type OptionValue = string | number | boolean | UserRef;

export interface CommandInput {
  subcommand?: string;
  /** Keyed by the English option name. Absent options are absent keys. */
  options: Record<string, OptionValue>;
}

export interface CommandContext {
  app: App;
  /** The language to answer in: the user's for ephemeral replies, else the server's. */
  locale: Locale;
  /** The user's own locale (for ephemeral replies when `locale` follows the server). */
  userLocale: Locale;
  user: UserRef;
  guildId: string | null;
  channelId: string;
  /** The member may manage messages in this channel (moderators). */
  canManageMessages: boolean;
}

export type { AutocompleteChoice } from '../app/lookup.js';

export interface Command {
  definition: CommandDefinition;
  /** Invocations /help shows, written as a user types them: "/city name:Duisburg". */
  examples?: string[];
  /** The same for zh-CN, written with the Chinese command and option names: "/城市 名称:杜伊斯堡". */
  examplesZh?: string[];
  run(input: CommandInput, ctx: CommandContext): Reply | Promise<Reply>;
  /** Suggestions for the focused option; at most 25; answered synchronously fast. */
  autocomplete?(
    focused: { name: string; value: string },
    input: CommandInput,
    ctx: CommandContext,
  ): AutocompleteChoice[];
  /**
   * A button or select whose custom_id starts with "<definition.name>:". `id` is the rest of the
   * custom_id; `values` the select's chosen values.
   */
  component?(id: string, values: string[], ctx: CommandContext): ComponentResult | Promise<ComponentResult>;
}

/** A mistake by the user (bad option, no such game): shown to them, not logged as an error. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
