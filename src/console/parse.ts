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

// `name:` (or the full-width colon a Chinese keyboard types) at the start of a token. A name starts
// with a letter, so "10:30" stays text; "https://" is a URL, not an option.
const OPTION_KEY = /([\p{L}_][\p{L}\p{N}_-]*)([:：])(?!\/\/)/uy;

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '「': '」' };

const sameName = (typed: string, name: string) => typed.toLowerCase() === name.toLowerCase();

/** Typed text quoted back in an error: control characters shown as "?", long text cut. */
function echo(text: string): string {
  const chars = Array.from(text.replace(/\p{Cc}/gu, '?'));
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : chars.join('');
}

export function parseCommandLine(line: string, commands: readonly Command[], locale: Locale = 'en'): ParsedCommand {
  const text = line.trim().replace(/^[/／]/, '');
  const commandList = commands.map((c) => `/${c.definition.name}`).join(', ');
  const [name = '', rest] = splitFirstWord(text);
  if (!name) throw new ParseError(t(locale, 'noCommand', { commands: commandList }));

  const command = commands.find((c) => sameName(name, c.definition.name) || sameName(name, c.definition.nameZh));
  if (!command) throw new ParseError(t(locale, 'unknownCommand', { name: echo(name), commands: commandList }));
  const def = command.definition;

  if (def.subcommands?.length) {
    const subcommands = def.subcommands.map((s) => s.name).join(', ');
    const [subName = '', subRest] = splitFirstWord(rest);
    if (!subName) throw new ParseError(t(locale, 'missingSubcommand', { command: def.name, subcommands }));
    const sub = def.subcommands.find((s) => sameName(subName, s.name) || sameName(subName, s.nameZh));
    if (!sub) throw new ParseError(t(locale, 'unknownSubcommand', { name: echo(subName), command: def.name, subcommands }));
    return {
      command,
      input: { subcommand: sub.name, options: parseOptions(subRest, sub.options ?? [], def, sub, locale) },
    };
  }
  return { command, input: { options: parseOptions(rest, def.options ?? [], def, undefined, locale) } };
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
 * are removed when they wrap the whole value. `optionFor` decides whether a `word:` is an option.
 */
function segment(text: string, optionFor: (word: string, first: boolean, colon: string) => OptionDefinition | undefined): Segment[] {
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
    const keyOption = found && optionFor(found[1]!, valueEnd === 0 && !option, found[2]!);
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
  const commandName = sub ? `${def.name} ${sub.name}` : def.name;
  const usageText = usage(def, sub, locale);
  const optionNames = options.map((o) => o.name).join(', ');
  const optionFor = (word: string, first: boolean, colon: string): OptionDefinition | undefined => {
    const option = options.find((o) => sameName(word, o.name) || sameName(word, o.nameZh));
    if (option) return option;
    // An unknown `word:` is an error where it can only be meant as an option: first in the line
    // (typed with an ASCII colon), or a near miss of a real name ("tierr:"). Elsewhere it is text:
    // "/ask question:Wuhan: which cities?", "/ask 武汉：有哪些友城".
    if ((first && colon === ':') || options.some((o) => isNearMiss(word, o.name) || isNearMiss(word, o.nameZh))) {
      throw new ParseError(t(locale, 'unknownOption', { name: echo(word), command: commandName, options: optionNames }));
    }
    return undefined;
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
    if (given.has(seg.option)) throw new ParseError(t(locale, 'duplicateOption', { name: seg.option.name }));
    given.set(seg.option, seg.value);
  }
  if (positional !== undefined) {
    const free = options.filter((o) => !given.has(o));
    const target = free.find((o) => o.required) ?? free.find((o) => o.type === 'string') ?? free[0];
    if (!target) throw new ParseError(t(locale, 'noPlaceForText', { text: echo(positional), command: commandName, usage: usageText }));
    given.set(target, positional);
  }

  const values: Record<string, OptionValue> = {};
  for (const option of options) {
    const raw = given.get(option);
    if (raw === undefined) {
      if (option.required) throw new ParseError(t(locale, 'missingRequired', { name: option.name, usage: usageText }));
      continue;
    }
    values[option.name] = coerce(option, raw, locale);
  }
  return values;
}

/** A typo of an option name: one edit for short names, two for longer ones. */
function isNearMiss(typed: string, name: string): boolean {
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
  const name = option.name;
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
      const choices = option.choices.map((c) => String(c.value)).join(', ');
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
      // The console has no member list: "<@123>" or "@name" names a user by what was typed.
      const id = /^<@!?(\d+)>$/.exec(value)?.[1] ?? value.replace(/^@/, '');
      return { id, name: id };
    }
  }
}

/** "/city name:<text>", "/timeline [from:<whole number>] [to:<whole number>]". */
export function usage(def: CommandDefinition, sub: SubcommandDefinition | undefined, locale: Locale): string {
  const head = sub ? `/${def.name} ${sub.name}` : `/${def.name}`;
  const options = sub ? (sub.options ?? []) : (def.options ?? []);
  if (!sub && def.subcommands?.length) return `${head} ${def.subcommands.map((s) => s.name).join('|')}`;
  return [head, ...options.map((o) => (o.required ? optionUsage(o, locale) : `[${optionUsage(o, locale)}]`))].join(' ');
}

function optionUsage(option: OptionDefinition, locale: Locale): string {
  if (option.choices?.length) return `${option.name}:${option.choices.map((c) => c.value).join('|')}`;
  switch (option.type) {
    case 'string':
      return `${option.name}:<${t(locale, 'placeholderText')}>`;
    case 'integer': {
      const { minValue: min, maxValue: max } = option;
      const range = min !== undefined && max !== undefined ? `${min}-${max}` : t(locale, 'placeholderInteger');
      return `${option.name}:<${range}>`;
    }
    case 'boolean':
      return `${option.name}:<${t(locale, 'placeholderBoolean')}>`;
    case 'user':
      return `${option.name}:<${t(locale, 'placeholderUser')}>`;
  }
}

/** Every command with its usage lines (one per subcommand) and description: for --help and `help`. */
export function commandSummary(commands: readonly Command[], locale: Locale): string {
  const lines: string[] = [];
  for (const { definition: def } of commands) {
    const forms = def.subcommands?.length ? def.subcommands.map((s) => usage(def, s, locale)) : [usage(def, undefined, locale)];
    lines.push(`  ${forms[0]}`, ...forms.slice(1).map((f) => `  ${f}`), `      ${def.description[locale]}`);
  }
  return lines.join('\n');
}
