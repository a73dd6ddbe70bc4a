// The interactive console (`npm start` without a token, `npm run ask` in a terminal): commands typed
// as in Discord, replies drawn as text, buttons and select options pressed by number or label.
// Works on a terminal (line editing, history, Tab completion, colours) and on piped input (tests).
import { clearLine, createInterface, cursorTo, type Completer } from 'node:readline';
import { terminalSafe } from './terminal.js';
import type { App } from '../app/app.js';
import { commands as allCommands } from '../commands/index.js';
import type { Command, CommandContext } from '../commands/types.js';
import type { Locale } from '../i18n/index.js';
import { controlsOf, renderText, type Control } from '../render/text.js';
import type { ComponentResult, Reply } from '../reply/reply.js';
import { saveFiles } from './files.js';
import { t } from './messages.js';
import { commandSummary, echo, matchMessageCommand } from './parse.js';
import { consoleContext, describeFailure, pressComponent, PROMPT, runCommandLine } from './session.js';
import { Transcript } from './transcript.js';

const EXIT_WORDS = new Set(['exit', 'quit', '退出']);

export interface InteractiveOptions {
  locale?: Locale;
  commands?: readonly Command[];
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Line editing, prompt redraws and colours. Default: when input and output are both terminals. */
  terminal?: boolean;
  /** --out DIR: where the replies' images are written. */
  out?: string;
}

export async function runInteractiveConsole(app: App, options: InteractiveOptions = {}): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const commands = options.commands ?? allCommands;
  const terminal = options.terminal ?? Boolean(input.isTTY && output.isTTY);
  const color = terminal && !process.env.NO_COLOR;
  let locale: Locale = options.locale ?? 'en';
  let ctx = consoleContext(app, locale);

  const rl = createInterface({
    input,
    output,
    terminal,
    prompt: PROMPT,
    historySize: 200,
    ...(terminal ? { completer: completerFor(commands, () => ctx) } : {}),
  });
  // While the prompt waits, output from elsewhere (a quiz's next question) must not land in the
  // middle of what the user is typing: clear the line, print, redraw the prompt and their text.
  let waiting = false;
  const write = (raw: string) => {
    const text = terminalSafe(raw);
    if (terminal && waiting) {
      clearLine(output, 0);
      cursorTo(output, 0);
      output.write(`${text}\n`);
      rl.prompt(true);
    } else {
      output.write(`${text}\n`);
    }
  };
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);

  const written = new Set<string>();
  const transcript = new Transcript({
    show(number, reply, edited) {
      const header = dim(t(locale, edited ? 'messageEdited' : 'messageHeader', { number }));
      const width = terminal ? output.columns : undefined;
      const savedFiles = options.out && reply.files?.length ? saveFiles(options.out, reply.files, written, locale) : {};
      write(`${header}\n${renderText(reply, { locale, color, savedFiles, ...(width ? { width } : {}) })}\n`);
    },
  });

  const report = (error: unknown) => write(describeFailure(error, locale));

  const runCommand = async (line: string) => {
    try {
      transcript.post(await runCommandLine(line, ctx, commands));
    } catch (error) {
      report(error);
    }
  };

  const applyResult = (number: number, result: ComponentResult) => {
    if (result.kind === 'update') transcript.update(number, result.reply);
    else if (result.kind === 'reply') transcript.post(result.reply);
  };

  const press = async (number: number, control: Control) => {
    if (control.kind === 'link') return write(t(locale, 'linkOnly', { label: control.label, url: control.url }));
    if (control.kind === 'button' && control.disabled)
      return write(t(locale, 'controlDisabled', { label: control.label }));
    const values = control.kind === 'option' ? [control.value] : [];
    try {
      applyResult(number, await pressComponent(control.customId, values, ctx, commands));
    } catch (error) {
      report(error);
    }
  };

  /** "2", "next", "A" or "#3 next": a control of the newest message with controls, or of #3. */
  const pressTyped = async (text: string): Promise<boolean> => {
    const addressed = /^#(\d+)\s+(.+)$/.exec(text);
    let target: { number: number; reply: Reply } | undefined;
    if (addressed) {
      const number = Number(addressed[1]);
      const reply = transcript.get(number);
      if (!reply) {
        write(t(locale, 'noSuchMessage', { number }));
        return true;
      }
      target = { number, reply };
    } else {
      target = transcript.latestWithControls();
    }
    if (!target) return false;
    const typed = addressed ? addressed[2]! : text;
    const controls = controlsOf(target.reply);
    const found = findControls(controls, typed);
    if (found.length === 1) {
      await press(target.number, found[0]!);
      return true;
    }
    if (found.length > 1) {
      write(t(locale, 'ambiguousControl', { input: typed, controls: describeControls(found) }));
      return true;
    }
    // Not a control: a command typed without its slash is still a command, and words are a question
    // for /ask. Only a short token ("E", "9", "zzz") is taken for a mistyped control.
    if (!addressed && (startsWithCommand(text, commands) || !looksLikeControl(text))) return false;
    if (!controls.length) write(t(locale, 'noControls', { number: target.number }));
    else
      write(t(locale, 'noSuchControl', { input: typed, number: target.number, controls: describeControls(controls) }));
    return true;
  };

  const handle = async (line: string): Promise<'exit' | undefined> => {
    const text = line.trim();
    if (!text) return undefined;
    if (EXIT_WORDS.has(text.toLowerCase())) return 'exit';
    if (text.toLowerCase() === 'help' || text === '?') {
      write(`${t(locale, 'interactiveHelp')}\n${commandSummary(commands, locale)}`);
      return undefined;
    }
    const lang = /^(?:lang|language|语言)(?:\s+(.*))?$/i.exec(text);
    if (lang) {
      const wanted = lang[1]?.trim() ?? '';
      if (!/^(?:en|zh)(?:-\w+)?$/i.test(wanted)) {
        write(wanted ? t(locale, 'unknownLanguage', { value: echo(wanted) }) : t(locale, 'languageUsage'));
        return undefined;
      }
      locale = wanted.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
      ctx = consoleContext(app, locale);
      write(t(locale, 'languageSet', { locale }));
      return undefined;
    }
    if (/^[/／]/.test(text)) {
      await runCommand(text);
      return undefined;
    }
    if (await pressTyped(text)) return undefined;
    // A command without its slash, or a question, which the parser hands to /ask.
    await runCommand(text);
    return undefined;
  };

  rl.on('SIGINT', () => rl.close());
  write(t(locale, 'interactiveIntro', { version: app.version }));
  // Before any message is numbered: connecting retires an earlier session's quiz messages by id.
  await app.quiz.connect(transcript, { adoptGames: false });
  const prompt = () => {
    waiting = true;
    rl.prompt();
  };
  if (terminal) prompt();
  for await (const line of rl) {
    waiting = false;
    // A piped session echoes each command after the prompt, so the output reads as a transcript.
    if (!terminal) output.write(`${PROMPT}${terminalSafe(line)}\n`);
    if ((await handle(line)) === 'exit') break;
    if (terminal) prompt();
  }
  waiting = false;
  rl.close();
  if (terminal) output.write('\n');
}

/** One short token in a spaced script: what a mistyped button label or number looks like. */
function looksLikeControl(text: string): boolean {
  return !/\s/.test(text) && Array.from(text).length <= 3 && !/\p{Script=Han}/u.test(text);
}

function startsWithCommand(text: string, commands: readonly Command[]): boolean {
  const word = text.split(/\s/, 1)[0]!.toLowerCase();
  return commands.some((c) => c.definition.name === word || c.definition.nameZh === word);
}

/** Labels compared without case, emoji and arrows: "next" finds "Next ▶", "a" finds "A". */
function normalize(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function findControls(controls: Control[], typed: string): Control[] {
  if (/^\d+$/.test(typed)) return controls.filter((c) => c.kind !== 'link' && c.number === Number(typed));
  const wanted = normalize(typed);
  if (!wanted) return [];
  const exact = controls.filter(
    (c) => normalize(c.label) === wanted || (c.kind === 'option' && c.value.toLowerCase() === typed.toLowerCase()),
  );
  if (exact.length) return exact;
  return controls.filter((c) => normalize(c.label).startsWith(wanted));
}

function describeControls(controls: Control[]): string {
  return controls.map((c) => (c.kind === 'link' ? c.label : `[${c.number}] ${c.label}`)).join('  ');
}

/** Tab completion: command names, subcommands, option names, and an option's autocomplete or choices. */
export function completerFor(commands: readonly Command[], context: () => CommandContext): Completer {
  return (line: string) => {
    try {
      const [typed, candidates] = complete(line, commands, context());
      // readline can only append to what was typed: keep what extends it, in the case it was typed.
      const hits = [...new Set(candidates)]
        .filter((c) => c.toLowerCase().startsWith(typed.toLowerCase()))
        .map((c) => typed + c.slice(typed.length));
      return [hits, typed];
    } catch {
      return [[], line];
    }
  };
}

/** The text being completed (the end of the line) and what could replace it. */
function complete(line: string, commands: readonly Command[], ctx: CommandContext): [string, string[]] {
  const commandWord = /^[/／]?(\S*)$/.exec(line);
  if (commandWord)
    return [
      line,
      commands.map((c) => `${line.startsWith('/') || line.startsWith('／') ? line[0] : ''}${c.definition.name} `),
    ];

  // A message command's text is free prose: nothing to complete.
  if (matchMessageCommand(line.replace(/^[/／]/, ''), commands)) return [line, []];
  const [, name = '', rest = ''] = /^[/／]?(\S+)\s+([\s\S]*)$/.exec(line) ?? [];
  const command = commands.find((c) => c.definition.name === name.toLowerCase() || c.definition.nameZh === name);
  if (!command) return [line, []];
  const def = command.definition;
  const sub = def.subcommands?.find((s) => rest.startsWith(`${s.name} `));
  if (def.subcommands?.length && !sub) return [rest, def.subcommands.map((s) => `${s.name} `)];

  const options = sub?.options ?? def.options ?? [];
  const last = /\S*$/.exec(line)![0];
  const keyed = /^([^:：]+)([:：])(.*)$/.exec(last);
  if (keyed) {
    const [, key = '', colon = '', value = ''] = keyed;
    const option = options.find((o) => o.name === key || o.nameZh === key);
    if (!option) return [last, []];
    const values = option.choices?.length
      ? option.choices.map((c) => String(c.value))
      : option.autocomplete && command.autocomplete
        ? command.autocomplete({ name: option.name, value }, { options: {} }, ctx).map((c) => c.value)
        : [];
    return [last, values.map((v) => `${key}${colon}${/\s/.test(v) ? `"${v}"` : v} `)];
  }
  const names = options.filter((o) => o.name.startsWith(last)).map((o) => `${o.name}:`);
  // "/city Duis": text without a name goes to the first option, as the parser reads it.
  const target = options.find((o) => o.required) ?? options.find((o) => o.type === 'string') ?? options[0];
  const text = (sub ? rest.slice(sub.name.length) : rest).trim();
  if (names.length || !text || !target?.autocomplete || !command.autocomplete || /[:：]/.test(text))
    return [last, names];
  return [
    text,
    command.autocomplete({ name: target.name, value: text }, { options: {} }, ctx).map((c) => `${c.value} `),
  ];
}
