// Command definitions → the JSON Discord registers, and the rules Discord enforces on it. Discord
// rejects a whole PUT for one bad command, and @discordjs/builders misses several of these rules
// (required after optional, duplicate names, the 8,000-character total), so deploy and the tests run
// validateDefinitions() first and a broken definition never reaches Discord.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandDefinition, Localized, OptionDefinition, OptionType } from '../commands/types.js';

const COMMAND_RULES = {
  /** Chat command and option names: letters, digits, "-" and "_"; lowercase wherever a case exists. */
  chatName: /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u,
  nameMax: 32,
  descriptionMax: 100,
  options: 25,
  choices: 25,
  choiceNameMax: 100,
  choiceValueMax: 100,
  maxLengthMax: 6000,
  totalCharacters: 8000,
  chatCommands: 100,
  messageCommands: 5,
} as const;

const OPTION_TYPE: Record<OptionType, ApplicationCommandOptionType> = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  user: ApplicationCommandOptionType.User,
};

export function isMessageCommand(definition: CommandDefinition): boolean {
  return definition.type === 'message';
}

function descriptions(text: Localized) {
  return { description: text.en, description_localizations: { 'zh-CN': text['zh-CN'] } };
}

function toOption(option: OptionDefinition): APIApplicationCommandBasicOption {
  const json: Record<string, unknown> = {
    type: OPTION_TYPE[option.type],
    name: option.name,
    name_localizations: { 'zh-CN': option.nameZh },
    ...descriptions(option.description),
  };
  if (option.required) json.required = true;
  if (option.autocomplete) json.autocomplete = true;
  if (option.choices) {
    json.choices = option.choices.map((choice) => ({
      name: choice.name.en,
      name_localizations: { 'zh-CN': choice.name['zh-CN'] },
      value: choice.value,
    }));
  }
  if (option.minValue !== undefined) json.min_value = option.minValue;
  if (option.maxValue !== undefined) json.max_value = option.maxValue;
  if (option.maxLength !== undefined) json.max_length = option.maxLength;
  // The shape is assembled field by field above; discord-api-types models it as a union per type.
  return json as unknown as APIApplicationCommandBasicOption;
}

/** One command as Discord's "create application command" body. */
export function toApplicationCommand(definition: CommandDefinition): RESTPostAPIApplicationCommandsJSONBody {
  const contexts =
    definition.dmPermission === false
      ? [InteractionContextType.Guild]
      : [InteractionContextType.Guild, InteractionContextType.BotDM];
  const common = {
    name: definition.name,
    name_localizations: { 'zh-CN': definition.nameZh },
    contexts,
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
  if (isMessageCommand(definition)) return { ...common, type: ApplicationCommandType.Message };

  const options: APIApplicationCommandOption[] = definition.subcommands
    ? definition.subcommands.map((sub) => ({
        type: ApplicationCommandOptionType.Subcommand,
        name: sub.name,
        name_localizations: { 'zh-CN': sub.nameZh },
        ...descriptions(sub.description),
        options: (sub.options ?? []).map(toOption),
      }))
    : (definition.options ?? []).map(toOption);
  return {
    ...common,
    type: ApplicationCommandType.ChatInput,
    ...descriptions(definition.description),
    ...(options.length > 0 ? { options } : {}),
  };
}

export function toApplicationCommands(
  definitions: readonly CommandDefinition[],
): RESTPostAPIApplicationCommandsJSONBody[] {
  return definitions.map(toApplicationCommand);
}

// ---- validation ----------------------------------------------------------------------------------

function length(text: string): number {
  return Array.from(text).length;
}

class Problems {
  readonly list: string[] = [];
  add(where: string, what: string): void {
    this.list.push(`${where}: ${what}`);
  }
}

function checkChatName(problems: Problems, where: string, name: string): void {
  if (!COMMAND_RULES.chatName.test(name)) {
    problems.add(where, `name "${name}" must be 1-32 letters, digits, "-" or "_" (no spaces or punctuation)`);
  } else if (name !== name.toLowerCase()) {
    problems.add(where, `name "${name}" must be lowercase`);
  }
}

function checkDescription(problems: Problems, where: string, text: Localized): void {
  for (const [locale, value] of Object.entries(text)) {
    const n = length(value);
    if (n < 1 || n > COMMAND_RULES.descriptionMax || !value.trim()) {
      problems.add(where, `${locale} description must be 1-${COMMAND_RULES.descriptionMax} characters (has ${n})`);
    }
  }
}

function checkOptions(problems: Problems, where: string, options: readonly OptionDefinition[]): void {
  if (options.length > COMMAND_RULES.options) {
    problems.add(where, `has ${options.length} options; Discord allows ${COMMAND_RULES.options}`);
  }
  let seenOptional = false;
  const names = new Set<string>();
  const localizedNames = new Set<string>();
  for (const option of options) {
    const at = `${where} option "${option.name}"`;
    checkChatName(problems, at, option.name);
    checkChatName(problems, `${at} (zh-CN)`, option.nameZh);
    checkDescription(problems, at, option.description);
    if (names.has(option.name)) problems.add(at, 'duplicate option name');
    names.add(option.name);
    // A localized name must differ from the other options' names in its locale and in English.
    if (localizedNames.has(option.nameZh)) problems.add(at, `duplicate zh-CN option name "${option.nameZh}"`);
    localizedNames.add(option.nameZh);

    if (option.required && seenOptional) problems.add(at, 'required options must come before optional ones');
    if (!option.required) seenOptional = true;

    const numeric = option.type === 'integer';
    if (option.choices) {
      if (option.type !== 'string' && !numeric) problems.add(at, `a ${option.type} option cannot have choices`);
      if (option.autocomplete) problems.add(at, 'cannot have both choices and autocomplete');
      if (option.choices.length > COMMAND_RULES.choices) {
        problems.add(at, `has ${option.choices.length} choices; Discord allows ${COMMAND_RULES.choices}`);
      }
      for (const choice of option.choices) {
        for (const [locale, name] of Object.entries(choice.name)) {
          const n = length(name);
          if (n < 1 || n > COMMAND_RULES.choiceNameMax) {
            problems.add(at, `${locale} choice name "${name}" must be 1-${COMMAND_RULES.choiceNameMax} characters`);
          }
        }
        if (numeric ? !Number.isInteger(choice.value) : typeof choice.value !== 'string') {
          problems.add(
            at,
            `choice value ${JSON.stringify(choice.value)} must be ${numeric ? 'an integer' : 'a string'}`,
          );
        } else if (
          typeof choice.value === 'string' &&
          (length(choice.value) < 1 || length(choice.value) > COMMAND_RULES.choiceValueMax)
        ) {
          problems.add(at, `choice value must be 1-${COMMAND_RULES.choiceValueMax} characters`);
        }
      }
    }
    if (option.autocomplete && option.type !== 'string' && !numeric) {
      problems.add(at, `a ${option.type} option cannot autocomplete`);
    }
    if ((option.minValue !== undefined || option.maxValue !== undefined) && !numeric) {
      problems.add(at, 'minValue/maxValue apply only to integer options');
    }
    if (option.minValue !== undefined && option.maxValue !== undefined && option.minValue > option.maxValue) {
      problems.add(at, 'minValue is greater than maxValue');
    }
    if (option.maxLength !== undefined) {
      if (option.type !== 'string') problems.add(at, 'maxLength applies only to string options');
      else if (
        !Number.isInteger(option.maxLength) ||
        option.maxLength < 1 ||
        option.maxLength > COMMAND_RULES.maxLengthMax
      ) {
        problems.add(at, `maxLength must be a whole number from 1 to ${COMMAND_RULES.maxLengthMax}`);
      }
    }
  }
  for (const option of options) {
    if (option.nameZh !== option.name && names.has(option.nameZh)) {
      problems.add(`${where} option "${option.name}"`, `zh-CN name "${option.nameZh}" is another option's name`);
    }
  }
}

/**
 * Characters Discord counts towards a command's 8,000: every name, description, choice name and
 * string value. Each localization is counted in full, which is at least as strict as Discord's count.
 */
export function countCharacters(definition: CommandDefinition): number {
  const localized = (text: Localized) => length(text.en) + length(text['zh-CN']);
  const option = (o: OptionDefinition) =>
    length(o.name) +
    length(o.nameZh) +
    localized(o.description) +
    (o.choices ?? []).reduce((n, c) => n + localized(c.name) + (typeof c.value === 'string' ? length(c.value) : 0), 0);
  let total = length(definition.name) + length(definition.nameZh);
  if (isMessageCommand(definition)) return total;
  total += localized(definition.description);
  for (const o of definition.options ?? []) total += option(o);
  for (const sub of definition.subcommands ?? []) {
    total += length(sub.name) + length(sub.nameZh) + localized(sub.description);
    for (const o of sub.options ?? []) total += option(o);
  }
  return total;
}

function checkMessageName(problems: Problems, where: string, name: string): void {
  const n = length(name);
  if (n < 1 || n > COMMAND_RULES.nameMax || name !== name.trim()) {
    problems.add(where, `name "${name}" must be 1-${COMMAND_RULES.nameMax} characters without outer spaces`);
  }
  // Component custom_ids are routed as "<command name>:<rest>".
  if (name.includes(':')) problems.add(where, `name "${name}" must not contain ":"`);
}

function checkDefinition(problems: Problems, definition: CommandDefinition): void {
  const where = `/${definition.name}`;
  if (isMessageCommand(definition)) {
    checkMessageName(problems, where, definition.name);
    checkMessageName(problems, `${where} (zh-CN)`, definition.nameZh);
    if (definition.options?.length || definition.subcommands?.length) {
      problems.add(where, 'a message command takes no options or subcommands');
    }
    return;
  }
  checkChatName(problems, where, definition.name);
  checkChatName(problems, `${where} (zh-CN)`, definition.nameZh);
  checkDescription(problems, where, definition.description);
  if (definition.options?.length && definition.subcommands?.length) {
    problems.add(where, 'has both options and subcommands; Discord allows one or the other');
  }
  if (definition.subcommands) {
    if (definition.subcommands.length > COMMAND_RULES.options) {
      problems.add(where, `has ${definition.subcommands.length} subcommands; Discord allows ${COMMAND_RULES.options}`);
    }
    const names = new Set<string>();
    for (const sub of definition.subcommands) {
      const at = `${where} ${sub.name}`;
      checkChatName(problems, at, sub.name);
      checkChatName(problems, `${at} (zh-CN)`, sub.nameZh);
      checkDescription(problems, at, sub.description);
      if (names.has(sub.name)) problems.add(at, 'duplicate subcommand name');
      names.add(sub.name);
      checkOptions(problems, at, sub.options ?? []);
    }
  } else {
    checkOptions(problems, where, definition.options ?? []);
  }
  const total = countCharacters(definition);
  if (total > COMMAND_RULES.totalCharacters) {
    problems.add(
      where,
      `has ${total} characters of names, descriptions and choices; Discord allows ${COMMAND_RULES.totalCharacters}`,
    );
  }
}

/** Every rule a definition breaks, as "where: what" lines; empty when Discord will accept them all. */
export function validateDefinitions(definitions: readonly CommandDefinition[]): string[] {
  const problems = new Problems();
  const names = new Set<string>();
  for (const definition of definitions) {
    checkDefinition(problems, definition);
    // Unique across types too, so "<command>:<rest>" custom_ids route to exactly one command.
    if (names.has(definition.name)) problems.add(`/${definition.name}`, 'two commands share this name');
    names.add(definition.name);
  }
  const messageCount = definitions.filter(isMessageCommand).length;
  const chatCount = definitions.length - messageCount;
  if (chatCount > COMMAND_RULES.chatCommands) {
    problems.add('commands', `${chatCount} slash commands; Discord allows ${COMMAND_RULES.chatCommands}`);
  }
  if (messageCount > COMMAND_RULES.messageCommands) {
    problems.add('commands', `${messageCount} message commands; Discord allows ${COMMAND_RULES.messageCommands}`);
  }
  return problems.list;
}
