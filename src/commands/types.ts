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
  choices?: readonly OptionChoice[];
  minValue?: number;
  maxValue?: number;
  maxLength?: number;
}

export interface SubcommandDefinition {
  name: string;
  nameZh: string;
  description: Localized;
  options?: readonly OptionDefinition[];
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
  options?: readonly OptionDefinition[];
  subcommands?: readonly SubcommandDefinition[];
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

/** The value an option of this type carries: what the front ends hand a command's run(). */
export type OptionValueOf<T extends OptionType> = T extends 'string'
  ? string
  : T extends 'integer'
    ? number
    : T extends 'boolean'
      ? boolean
      : UserRef;

type OptionList = readonly OptionDefinition[] | undefined;

/** The options object an option list yields: required options present, the others possibly absent. */
export type OptionsOf<L extends OptionList> = L extends readonly OptionDefinition[]
  ? { [O in L[number] as O['required'] extends true ? O['name'] : never]: OptionValueOf<O['type']> } & {
      [O in L[number] as O['required'] extends true ? never : O['name']]?: OptionValueOf<O['type']>;
    }
  : Record<string, never>;

/** run()'s input for a definition: per subcommand, that subcommand's options; else the command's own. */
export type InputOf<D extends CommandDefinition> = D['subcommands'] extends readonly SubcommandDefinition[]
  ? {
      [S in D['subcommands'][number] as S['name']]: { subcommand: S['name']; options: OptionsOf<S['options']> };
    }[D['subcommands'][number]['name']]
  : { subcommand?: undefined; options: OptionsOf<D['options']> };

/** A command whose run() and autocomplete() see the options its `definition` declares, with their types. */
export interface TypedCommand<D extends CommandDefinition>
  extends Omit<Command, 'definition' | 'run' | 'autocomplete'> {
  definition: D;
  run(input: InputOf<D>, ctx: CommandContext): Reply | Promise<Reply>;
  autocomplete?(focused: { name: string; value: string }, input: InputOf<D>, ctx: CommandContext): AutocompleteChoice[];
}

/**
 * Declares a command from an `as const`-like definition (the `const` type parameter keeps its literal
 * names and types), so run() reads `input.options.name` as a string without checking its type by hand.
 * The front ends guarantee those types: Discord enforces them, the console parses against the same
 * definition, and both pass the input through checkInput first.
 */
export function defineCommand<const D extends CommandDefinition, C extends TypedCommand<D> = TypedCommand<D>>(
  command: C & TypedCommand<D>,
): DefinedCommand<D, C> {
  // Sound because every front end calls checkInput(definition, input) before run().
  return command as unknown as DefinedCommand<D, C>;
}

/** What defineCommand returns: a plain Command that keeps its literal definition and the handlers it has. */
export type DefinedCommand<D extends CommandDefinition, C> = Command & { definition: D } & {
  [K in keyof C & ('autocomplete' | 'component')]-?: NonNullable<Command[K]>;
};

/** How an error names each type, to the person who sent the wrong one. */
const TYPE_NAMES: Record<OptionType, string> = {
  string: 'text',
  integer: 'a whole number',
  boolean: 'true or false',
  user: 'a user',
};

function matchesType(value: OptionValue, type: OptionType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'user':
      return typeof value === 'object' && value !== null && typeof value.id === 'string';
  }
}

/**
 * The input, once every declared option in it has its declared type; else a UserError naming the first
 * that does not (a forged payload, a front end's bug). Every front end calls it before run(), which is
 * what lets run() trust the types InputOf derives. Undeclared options and subcommands pass: they cannot
 * contradict a declared type, and each command answers what it does not know.
 */
export function checkInput(definition: CommandDefinition, input: CommandInput): CommandInput {
  const declared = input.subcommand
    ? definition.subcommands?.find((s) => s.name === input.subcommand)?.options
    : definition.options;
  for (const option of declared ?? []) {
    const value = input.options[option.name];
    if (value !== undefined && !matchesType(value, option.type)) {
      throw new UserError(`/${definition.name}: "${option.name}" must be ${TYPE_NAMES[option.type]}.`);
    }
  }
  return input;
}

/** A mistake by the user (bad option, no such game): shown to them, not logged as an error. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
