// A line typed as in Discord ("/city name:Porto Alegre") → the command and its CommandInput,
// checked against the same definition Discord enforces: required options, integer types, ranges,
// lengths and choices. The console thus accepts exactly what a Discord client would send.
import type {
  Command,
  CommandDefinition,
  CommandInput,
  OptionDefinition,
  OptionValue,
  SubcommandDefinition,
} from '../commands/types.js';
import type { Locale } from '../i18n/index.js';
import { t } from './messages.js';

/** The line is not a valid command; the message says what would be. */
export class ParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParseError';
  }
}

export interface ParsedCommand {
  command: Command;
  input: CommandInput;
}

/** Discord's own cap on a string option's length. */
const DISCORD_MAX_STRING = 6000;
/** Discord's cap on a message's text (with Nitro; 2,000 without). */
const DISCORD_MAX_MESSAGE = 4000;

// `name:` (or the full-width colon a Chinese keyboard types) at the start of a token. A name starts
// with a letter, so "10:30" stays text; "https://" is a URL, not an option.
const OPTION_KEY = /([\p{L}_][\p{L}\p{N}_-]*)([:：])(?!\/\/)/uy;

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '「': '」' };

/** The command a console line without a slash goes to when it names no command. */
const ASK_COMMAND = 'ask';

const sameName = (typed: string, name: string) => typed.toLowerCase() === name.toLowerCase();

/** Typed text quoted back in an error: control characters shown as "?", long text cut. */
export function echo(text: string): string {
  const chars = Array.from(text.replace(/\p{Cc}/gu, '?'));
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : chars.join('');
}

export function parseCommandLine(line: string, commands: readonly Command[], locale: Locale = 'en'): ParsedCommand {
  const trimmed = line.trim();
  const slashed = /^[/／]/.test(trimmed);
  const text = trimmed.replace(/^[/／]/, '');
  const message = parseMessageCommand(text, commands, locale);
  if (message) return message;

  const [name = '', rest] = splitFirstWord(text);
  if (!name) throw new ParseError(t(locale, 'noCommand', { commands: commandList(commands, locale) }));
  const command = commands.find(
    (c) =>
      !isMessageCommand(c.definition) && (sameName(name, c.definition.name) || sameName(name, c.definition.nameZh)),
  );
  if (!command) {
    // A line without a slash that names no command is a question, as if typed after /ask.
    const ask = slashed ? undefined : commands.find((c) => c.definition.name === ASK_COMMAND);
    if (ask) return { command: ask, input: { options: { question: text } } };
    throw new ParseError(unknownCommandMessage(name, slashed, commands, locale));
  }
  const def = command.definition;

  if (def.subcommands?.length) {
    const subcommands = list(
      def.subcommands.map((s) => label(s.name, s.nameZh, locale)),
      locale,
    );
    const commandName = localName(def, locale);
    const [subName = '', subRest] = splitFirstWord(rest);
    if (!subName) throw new ParseError(t(locale, 'missingSubcommand', { command: commandName, subcommands }));
    const sub = def.subcommands.find((s) => sameName(subName, s.name) || sameName(subName, s.nameZh));
    if (!sub)
      throw new ParseError(t(locale, 'unknownSubcommand', { name: echo(subName), command: commandName, subcommands }));
    return {
      command,
      input: { subcommand: sub.name, options: parseOptions(subRest, sub.options ?? [], def, sub, locale) },
    };
  }
  return { command, input: { options: parseOptions(rest, def.options ?? [], def, undefined, locale) } };
}

function isMessageCommand(def: CommandDefinition): boolean {
  return def.type === 'message';
}

/**
 * "/Ask Youcheng is Paris a sister city?": a message command's name (it may hold spaces) and then
 * the target message's text, all of the rest of the line, passed as options.message as the Discord
 * router does. Tried before the chat commands, so "/Ask Youcheng …" is not read as /ask.
 */
function parseMessageCommand(text: string, commands: readonly Command[], locale: Locale): ParsedCommand | undefined {
  const found = matchMessageCommand(text, commands);
  if (!found) return undefined;
  const { command, message } = found;
  if (!message)
    throw new ParseError(t(locale, 'missingMessageText', { usage: usage(command.definition, undefined, locale) }));
  const length = Array.from(message).length;
  if (length > DISCORD_MAX_MESSAGE) {
    throw new ParseError(
      t(locale, 'tooLong', { name: t(locale, 'placeholderMessage'), max: DISCORD_MAX_MESSAGE, length }),
    );
  }
  return { command, input: { options: { message } } };
}

/** The message command that `text` (without its slash) starts with, and the message text after it. */
export function matchMessageCommand(
  text: string,
  commands: readonly Command[],
): { command: Command; message: string } | undefined {
  for (const command of commands) {
    const def = command.definition;
    if (!isMessageCommand(def)) continue;
    const name = [def.name, def.nameZh].find(
      (n) => text.slice(0, n.length).toLowerCase() === n.toLowerCase() && !/\S/.test(text.charAt(n.length)),
    );
    if (name !== undefined) return { command, message: text.slice(name.length).trim() };
  }
  return undefined;
}

/** "Unknown command /foo" as typed (no slash invented), with the nearest command when one is close. */
function unknownCommandMessage(name: string, slashed: boolean, commands: readonly Command[], locale: Locale): string {
  const near = commands.find(
    (c) =>
      !isMessageCommand(c.definition) && (isNearMiss(name, c.definition.name) || isNearMiss(name, c.definition.nameZh)),
  );
  const suggestion = near ? t(locale, 'didYouMean', { command: `/${localName(near.definition, locale)}` }) : '';
  return t(locale, slashed ? 'unknownCommand' : 'unknownCommandNoSlash', {
    name: echo(name),
    suggestion,
    commands: commandList(commands, locale),
  });
}

function splitFirstWord(text: string): [string, string] {
  const match = /^(\S*)\s*([\s\S]*)$/.exec(text.trim())!;
  return [match[1]!, match[2]!];
}

interface Segment {
  /** Undefined for the text before the first `name:`. */
  option?: OptionDefinition;
  value: string;
}

/**
 * Splits `Germany tier:friendship` or `name:"Porto Alegre"` into segments: a value runs until the
 * next `name:` token. Quotes protect what they hold (a colon, a word that looks like an option) and
 * are removed when they wrap the whole value. `optionFor` decides whether a `word:` is an option,
 * knowing whether it comes first and which option's value it would otherwise continue.
 */
function segment(
  text: string,
  optionFor: (word: string, first: boolean, filling: OptionDefinition | undefined) => OptionDefinition | undefined,
): Segment[] {
  const segments: Segment[] = [];
  let option: OptionDefinition | undefined;
  let valueStart = 0;
  let valueEnd = 0;
  const close = () => {
    const value = unquote(text.slice(valueStart, valueEnd).trim());
    if (option || value) segments.push(option ? { option, value } : { value });
  };
  let pos = 0;
  while (pos < text.length) {
    if (/\s/.test(text[pos]!)) {
      pos++;
      continue;
    }
    OPTION_KEY.lastIndex = pos;
    const found = OPTION_KEY.exec(text);
    const keyOption = found && optionFor(found[1]!, valueEnd === 0 && !option, option);
    if (keyOption) {
      close();
      option = keyOption;
      pos = valueStart = valueEnd = OPTION_KEY.lastIndex;
      continue;
    }
    pos = quotedEnd(text, pos) ?? nextSpace(text, pos);
    valueEnd = pos;
  }
  close();
  return segments;
}

function nextSpace(text: string, pos: number): number {
  const space = /\s/g;
  space.lastIndex = pos;
  return space.exec(text)?.index ?? text.length;
}

/** The end of a quote opened at `pos` and closed before whitespace or the end; an unclosed quote is text. */
function quotedEnd(text: string, pos: number): number | undefined {
  const closer = QUOTES[text[pos]!];
  if (!closer) return undefined;
  for (let i = pos + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === closer && (i + 1 === text.length || /\s/.test(text[i + 1]!))) return i + 1;
  }
  return undefined;
}

function unquote(value: string): string {
  const closer = QUOTES[value[0] ?? ''];
  if (!closer || quotedEnd(value, 0) !== value.length) return value;
  return value.slice(1, -1).replace(/\\([\\"'”’」])/g, '$1');
}

function parseOptions(
  text: string,
  options: readonly OptionDefinition[],
  def: CommandDefinition,
  sub: SubcommandDefinition | undefined,
  locale: Locale,
): Record<string, OptionValue> {
  const commandName = localName(def, locale, sub);
  const usageText = usage(def, sub, locale);
  const positionalTarget = positionalTargetOf(options);
  const optionFor = (
    word: string,
    first: boolean,
    filling: OptionDefinition | undefined,
  ): OptionDefinition | undefined => {
    const option = options.find((o) => sameName(word, o.name) || sameName(word, o.nameZh));
    if (option) return option;
    // An unknown `word:` is an error wherever it appears, except inside prose, where a colon is
    // natural ("/ask question:Wuhan: which cities?", "/ask 武汉：有哪些友城"); there only a typo of
    // an option name at the very start ("/ask questoin:…") is taken for a mistake.
    const target = filling ?? positionalTarget;
    const typo = first && options.some((o) => isNearMiss(word, o.name) || isNearMiss(word, o.nameZh));
    if (target && isFreeText(target) && !typo) return undefined;
    throw new ParseError(
      t(locale, 'unknownOption', {
        name: echo(word),
        command: commandName,
        options: list(
          options.map((o) => optionLabel(o, locale)),
          locale,
        ),
      }),
    );
  };
  if (!options.length) {
    if (text.trim()) throw new ParseError(t(locale, 'noOptions', { command: commandName, text: echo(text.trim()) }));
    return {};
  }

  const given = new Map<OptionDefinition, string>();
  let positional: string | undefined;
  for (const seg of segment(text, optionFor)) {
    if (!seg.option) {
      positional = seg.value;
      continue;
    }
    if (given.has(seg.option))
      throw new ParseError(t(locale, 'duplicateOption', { name: optionLabel(seg.option, locale) }));
    given.set(seg.option, seg.value);
  }
  if (positional !== undefined) {
    const target = positionalTargetOf(options.filter((o) => !given.has(o)));
    if (!target)
      throw new ParseError(
        t(locale, 'noPlaceForText', { text: echo(positional), command: commandName, usage: usageText }),
      );
    given.set(target, positional);
  }

  const values: Record<string, OptionValue> = {};
  for (const option of options) {
    const raw = given.get(option);
    if (raw === undefined) {
      if (option.required)
        throw new ParseError(t(locale, 'missingRequired', { name: optionLabel(option, locale), usage: usageText }));
      continue;
    }
    values[option.name] = coerce(option, raw, locale);
  }
  return values;
}

/** The option that text typed without a name fills: "/city Duisburg", "/quiz start 5". */
function positionalTargetOf(options: readonly OptionDefinition[]): OptionDefinition | undefined {
  return options.find((o) => o.required) ?? options.find((o) => o.type === 'string') ?? options[0];
}

/** A string with neither choices nor autocomplete holds prose (a question), where colons are natural. */
function isFreeText(option: OptionDefinition): boolean {
  return option.type === 'string' && !option.choices?.length && !option.autocomplete;
}

/** A typo of an option name: one edit for short names, two for longer ones. */
function isNearMiss(typed: string, name: string): boolean {
  // Chinese option names are two or three characters: one character off is another word ("问答题：" is
  // a question's prefix, not a typo of 问题), so only spaced-script names are corrected.
  if (/\p{Script=Han}/u.test(name) || /\p{Script=Han}/u.test(typed)) return false;
  const a = typed.toLowerCase();
  const b = name.toLowerCase();
  return editDistance(a, b) <= (b.length <= 4 ? 1 : 2);
}

function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

function coerce(option: OptionDefinition, raw: string, locale: Locale): OptionValue {
  const name = optionLabel(option, locale);
  const value = raw.trim();
  if (!value) throw new ParseError(t(locale, 'emptyValue', { name }));

  if (option.choices?.length) {
    const wanted = value.toLowerCase();
    const choice = option.choices.find(
      (c) =>
        String(c.value).toLowerCase() === wanted ||
        c.name.en.toLowerCase() === wanted ||
        c.name['zh-CN'].toLowerCase() === wanted,
    );
    if (!choice) {
      const choices = list(
        option.choices.map((c) => label(String(c.value), c.name['zh-CN'], locale)),
        locale,
      );
      throw new ParseError(t(locale, 'badChoice', { name, choices, value: echo(value) }));
    }
    return choice.value;
  }

  switch (option.type) {
    case 'string': {
      const max = option.maxLength ?? DISCORD_MAX_STRING;
      const length = Array.from(value).length;
      if (length > max) throw new ParseError(t(locale, 'tooLong', { name, max, length }));
      return value;
    }
    case 'integer': {
      const number = Number(value);
      if (!/^[+-]?\d+$/.test(value) || !Number.isSafeInteger(number)) {
        throw new ParseError(t(locale, 'notInteger', { name, value: echo(value) }));
      }
      if (option.minValue !== undefined && number < option.minValue) {
        throw new ParseError(t(locale, 'tooSmall', { name, min: option.minValue, value: number }));
      }
      if (option.maxValue !== undefined && number > option.maxValue) {
        throw new ParseError(t(locale, 'tooLarge', { name, max: option.maxValue, value: number }));
      }
      return number;
    }
    case 'boolean': {
      const lower = value.toLowerCase();
      if (['true', 'yes', 'on', '是'].includes(lower)) return true;
      if (['false', 'no', 'off', '否'].includes(lower)) return false;
      throw new ParseError(t(locale, 'notBoolean', { name, value: echo(value) }));
    }
    case 'user': {
      // As in Discord, a user is a mention or an id; the console has no member list to look a name up in.
      const id = /^(?:<@!?(\d+)>|(\d+))$/.exec(value)?.slice(1).find(Boolean);
      if (!id) throw new ParseError(t(locale, 'notUser', { name, value: echo(value) }));
      return { id, name: id };
    }
  }
}

// Names as the reader's language shows them. In Chinese, usage lines are written as a Chinese user
// types them (/问答 开始 题数:5) and messages add the English name, which the console accepts too.

/** "quiz start" or "问答 开始": a command (and subcommand) as messages name it, without the slash. */
function localName(def: CommandDefinition, locale: Locale, sub?: SubcommandDefinition): string {
  const zh = locale === 'zh-CN';
  const command = zh ? def.nameZh : def.name;
  return sub ? `${command} ${zh ? sub.nameZh : sub.name}` : command;
}

/** "rounds", or "题数（rounds）" in Chinese. */
function label(en: string, zh: string, locale: Locale): string {
  return locale === 'zh-CN' ? `${zh}（${en}）` : en;
}

function optionLabel(option: OptionDefinition, locale: Locale): string {
  return label(option.name, option.nameZh, locale);
}

function list(items: readonly string[], locale: Locale): string {
  return items.join(locale === 'zh-CN' ? '、' : ', ');
}

/** Every command, as the unknown-command message lists them: "/city, /count, …, /Ask Youcheng <message text>". */
function commandList(commands: readonly Command[], locale: Locale): string {
  return list(
    commands.map(({ definition: def }) => {
      const name = `/${label(def.name, def.nameZh, locale)}`;
      return isMessageCommand(def) ? `${name} <${t(locale, 'placeholderMessage')}>` : name;
    }),
    locale,
  );
}

/** "/city name:<text>", "/timeline [from:<1900-2100>] [to:<1900-2100>]", "/Ask Youcheng <message text>". */
export function usage(def: CommandDefinition, sub: SubcommandDefinition | undefined, locale: Locale): string {
  const head = `/${localName(def, locale, sub)}`;
  if (isMessageCommand(def)) return `${head} <${t(locale, 'placeholderMessage')}>`;
  const zh = locale === 'zh-CN';
  if (!sub && def.subcommands?.length)
    return `${head} ${def.subcommands.map((s) => (zh ? s.nameZh : s.name)).join('|')}`;
  const options = sub ? (sub.options ?? []) : (def.options ?? []);
  return [head, ...options.map((o) => (o.required ? optionUsage(o, locale) : `[${optionUsage(o, locale)}]`))].join(' ');
}

function optionUsage(option: OptionDefinition, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const name = zh ? option.nameZh : option.name;
  if (option.choices?.length) return `${name}:${option.choices.map((c) => (zh ? c.name['zh-CN'] : c.value)).join('|')}`;
  switch (option.type) {
    case 'string':
      return `${name}:<${t(locale, 'placeholderText')}>`;
    case 'integer': {
      const { minValue: min, maxValue: max } = option;
      const range = min !== undefined && max !== undefined ? `${min}-${max}` : t(locale, 'placeholderInteger');
      return `${name}:<${range}>`;
    }
    case 'boolean':
      return `${name}:<${t(locale, 'placeholderBoolean')}>`;
    case 'user':
      return `${name}:<${t(locale, 'placeholderUser')}>`;
  }
}

/** Every command with its usage lines (one per subcommand) and description: for --help and `help`. */
export function commandSummary(commands: readonly Command[], locale: Locale): string {
  const lines: string[] = [];
  for (const { definition: def } of commands) {
    const forms = def.subcommands?.length
      ? def.subcommands.map((s) => usage(def, s, locale))
      : [usage(def, undefined, locale)];
    // A message command has no slash in Discord: it sits in a message's Apps menu. Say so.
    const description = isMessageCommand(def)
      ? t(locale, 'messageCommandNote', { description: def.description[locale] })
      : def.description[locale];
    lines.push(...forms.map((f) => `  ${f}`), `      ${description}`);
  }
  return lines.join('\n');
}
