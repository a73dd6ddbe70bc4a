// Reply model → console text. It draws the Discord message body (toMessageBody), not the raw Reply,
// so the console shows what Discord would: the same cut fields, truncations and dropped rows.
// Buttons and select options get numbers ([1], [2], ...) that the interactive console lets you press.
import { defineMessages, type Locale } from '../i18n/index.js';
import type { Reply } from '../reply/reply.js';
import { toMessageBody, type ApiComponent, type ApiEmbed } from './discord.js';

const t = defineMessages('render.text', {
  en: {
    disabled: '(disabled)',
    ephemeral: '(only you can see this)',
    imageSaved: '[image {name}: saved as {path}]',
    imageNotSaved: '[image {name}: add --out DIR to save it]',
  },
  'zh-CN': {
    disabled: '（已停用）',
    ephemeral: '（仅你可见）',
    imageSaved: '［图片 {name}：已保存为 {path}］',
    imageNotSaved: '［图片 {name}：加上 --out 目录 即可保存］',
  },
});

export interface TextOptions {
  locale?: Locale;
  /** ANSI styles and card colours: only for a terminal. */
  color?: boolean;
  /** Wrap lines to this many columns (a terminal's width); no wrapping when absent. */
  width?: number;
  /** Where the reply's files were written (file name → path); an image without one says how to save it. */
  savedFiles?: Readonly<Record<string, string>>;
}

/** Something the user can press, numbered in the order the text shows it. */
export type Control =
  | { number: number; kind: 'button'; customId: string; label: string; disabled: boolean }
  | { number: number; kind: 'option'; customId: string; label: string; value: string; placeholder: string }
  | { kind: 'link'; label: string; url: string };

export function renderText(reply: Reply, options: TextOptions = {}): string {
  const locale = options.locale ?? 'en';
  const style = options.color ? ansi : plain;
  const body = toMessageBody(reply);
  const blocks: string[][] = [];

  if (body.content) blocks.push(wrapLines(markdownToText(body.content, style).split('\n'), options.width));
  for (const embed of body.embeds)
    blocks.push(renderEmbed(embed, style, options.width, locale, options.savedFiles ?? {}));
  const controls = renderControls(controlsOf(reply), style, locale);
  if (controls.length) blocks.push(controls);
  if (body.flags) blocks.push([style.dim(t(locale, 'ephemeral'))]);

  return blocks.map((lines) => lines.join('\n')).join('\n\n');
}

/** Buttons, select options and links of a reply, numbered as renderText shows them. */
export function controlsOf(reply: Reply): Control[] {
  const controls: Control[] = [];
  let number = 0;
  for (const row of toMessageBody(reply).components) {
    for (const component of (row.components ?? []) as ApiComponent[]) {
      if (component.type === 3) {
        const placeholder = String(component.placeholder ?? '');
        for (const option of (component.options ?? []) as { label: string; value: string }[]) {
          controls.push({
            number: ++number,
            kind: 'option',
            customId: String(component.custom_id),
            label: option.label,
            value: option.value,
            placeholder,
          });
        }
      } else if (typeof component.url === 'string') {
        controls.push({ kind: 'link', label: buttonLabel(component), url: component.url });
      } else {
        controls.push({
          number: ++number,
          kind: 'button',
          customId: String(component.custom_id),
          label: buttonLabel(component),
          disabled: component.disabled === true,
        });
      }
    }
  }
  return controls;
}

function buttonLabel(component: ApiComponent): string {
  const emoji = (component.emoji as { name?: string } | undefined)?.name;
  const label = String(component.label ?? '');
  return emoji ? `${emoji} ${label}`.trim() : label;
}

function renderControls(controls: Control[], style: Style, locale: Locale): string[] {
  const lines: string[] = [];
  let buttons: string[] = [];
  let select: string | undefined;
  const flushButtons = () => {
    if (buttons.length) lines.push(buttons.join('  '));
    buttons = [];
  };
  for (const control of controls) {
    if (control.kind === 'option') {
      flushButtons();
      if (select !== control.customId) lines.push(`${style.bold(control.placeholder)}:`);
      select = control.customId;
      lines.push(`  ${style.bold(`[${control.number}]`)} ${control.label}`);
      continue;
    }
    select = undefined;
    if (control.kind === 'link') buttons.push(`${control.label} <${control.url}>`);
    else if (control.disabled) buttons.push(style.dim(`[${control.number}] ${control.label} ${t(locale, 'disabled')}`));
    else buttons.push(`${style.bold(`[${control.number}]`)} ${control.label}`);
  }
  flushButtons();
  return lines;
}

function imageLine(url: string, savedFiles: Readonly<Record<string, string>>, locale: Locale): string {
  const name = url.startsWith('attachment://') ? url.slice('attachment://'.length) : url;
  const path = savedFiles[name];
  return path === undefined ? t(locale, 'imageNotSaved', { name }) : t(locale, 'imageSaved', { name, path });
}

/**
 * The colon after a field name follows the name's own language (an /ask answer can be English for a
 * zh-CN console, or the reverse); none after a name that already ends in punctuation ("发现错误？").
 */
function fieldColon(name: string): string {
  if (/[?？!！:：]$/u.test(name.trim())) return '';
  return /\p{Script=Han}/u.test(name) ? '：' : ':';
}

function renderEmbed(
  embed: ApiEmbed,
  style: Style,
  width: number | undefined,
  locale: Locale,
  savedFiles: Readonly<Record<string, string>>,
): string[] {
  const lines: string[] = [];
  if (embed.title) lines.push(style.bold(style.rgb(markdownToText(embed.title, style), embed.color)));
  if (embed.url) lines.push(style.dim(embed.url));
  if (embed.description) lines.push(...markdownToText(embed.description, style).split('\n'));

  const fields = embed.fields ?? [];
  if (fields.length) {
    if (lines.length) lines.push('');
    // Single-line fields line up in a column; a multi-line value goes below its name, indented.
    const nameWidth = Math.max(0, ...fields.filter((f) => !f.value.includes('\n')).map((f) => displayWidth(f.name)));
    for (const field of fields) {
      const name = markdownToText(field.name, style);
      const value = markdownToText(field.value, style);
      const colon = fieldColon(field.name);
      if (value.includes('\n')) {
        lines.push(style.bold(`${name}${colon}`), ...value.split('\n').map((l) => `  ${l}`));
      } else {
        lines.push(`${style.bold(`${name}${colon}`)}${' '.repeat(nameWidth - displayWidth(field.name) + 1)}${value}`);
      }
    }
  }
  if (embed.image) {
    if (lines.length) lines.push('');
    lines.push(style.dim(imageLine(embed.image.url, savedFiles, locale)));
  }
  if (embed.footer) {
    if (lines.length) lines.push('');
    lines.push(
      ...markdownToText(embed.footer.text, style)
        .split('\n')
        .map((l) => style.dim(l)),
    );
  }
  const bar = style.rgb('│', embed.color);
  return wrapLines(lines, width === undefined ? undefined : width - 2).map((l) => (l ? `${bar} ${l}` : bar));
}

interface Style {
  bold(s: string): string;
  dim(s: string): string;
  italic(s: string): string;
  underline(s: string): string;
  strike(s: string): string;
  code(s: string): string;
  rgb(s: string, color: number | undefined): string;
}

const plain: Style = {
  bold: (s) => s,
  dim: (s) => s,
  italic: (s) => s,
  underline: (s) => s,
  strike: (s) => s,
  code: (s) => `\`${s}\``,
  rgb: (s) => s,
};

const ansi: Style = {
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  italic: (s) => `\x1b[3m${s}\x1b[23m`,
  underline: (s) => `\x1b[4m${s}\x1b[24m`,
  strike: (s) => `\x1b[9m${s}\x1b[29m`,
  code: (s) => `\x1b[36m${s}\x1b[39m`,
  rgb: (s, color) =>
    color === undefined ? s : `\x1b[38;2;${(color >> 16) & 255};${(color >> 8) & 255};${color & 255}m${s}\x1b[39m`,
};

// Discord's markdown escapes (\*) stand for the character itself; private-use characters keep
// them out of the way of the patterns below.
const ESCAPABLE = '\\*_~|`[]()<>#-';
const ESCAPE_BASE = 0xe000;

/**
 * Discord markdown → terminal text: links become "label <url>", bold/italic/strike become styles
 * (or vanish without colour), headings and -# subtext lose their markers, timestamps become dates.
 * Code spans and blocks stay as written.
 */
export function markdownToText(text: string, style: Style = plain): string {
  return text
    .split(/(```[\s\S]*?```|`[^`\n]+`)/)
    .map((part, i) =>
      i % 2 === 1 ? (part.startsWith('```') ? part : style.code(part.slice(1, -1))) : inlineMarkdown(part, style),
    )
    .join('');
}

// Links keep their exact text: style markers inside a URL (a_b_c, *) are not markdown.
const URL_TEXT = /(<https?:\/\/[^\s>]+>|https?:\/\/\S+)/;

function inlineMarkdown(text: string, style: Style): string {
  return text
    .replace(/\\([\\*_~|`[\]()<>#-])/g, (_, ch: string) => String.fromCharCode(ESCAPE_BASE + ESCAPABLE.indexOf(ch)))
    .replace(/\[([^\]\n]+)\]\(<?(https?:\/\/[^)\s>]+)>?\)/g, (_, label: string, url: string) =>
      label === url ? `<${url}>` : `${label} <${url}>`,
    )
    .split(URL_TEXT)
    .map((part, i) => (i % 2 === 1 ? part : styleMarkdown(part, style)))
    .join('')
    .replace(/[\ue000-\ue00e]/g, (ch) => ESCAPABLE[ch.charCodeAt(0) - ESCAPE_BASE]!);
}

function styleMarkdown(text: string, style: Style): string {
  return (
    text
      .replace(/<t:(-?\d+)(?::[tTdDfFR])?>/g, (_, seconds: string) => formatTimestamp(Number(seconds)))
      .replace(/<@[!&]?(\d+)>/g, '@$1')
      .replace(/<#(\d+)>/g, '#$1')
      .replace(/^-# (.*)$/gm, (_, line: string) => style.dim(line))
      .replace(/^#{1,3} (.*)$/gm, (_, line: string) => style.bold(line))
      .replace(/\*\*([^*\n]+?)\*\*/g, (_, s: string) => style.bold(s))
      .replace(/__([^_\n]+?)__/g, (_, s: string) => style.underline(s))
      .replace(/~~([^~\n]+?)~~/g, (_, s: string) => style.strike(s))
      // Single * or _ is italic only around a phrase, not inside a word (snake_case) or as "5 * 4".
      .replace(
        /(^|[^\p{L}\p{N}*_])([*_])(?![\s*_])([^\n]+?)(?<![\s*_])\2(?![\p{L}\p{N}*_])/gu,
        (_, before: string, _mark: string, s: string) => before + style.italic(s),
      )
  );
}

function formatTimestamp(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

// eslint-disable-next-line no-control-regex
const ANSI_SEQUENCE = /\x1b\[[0-9;]*m/g;

/** Columns a string takes in a terminal: CJK and emoji count two, combining marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI_SEQUENCE, '')) width += charWidth(ch.codePointAt(0)!);
  return width;
}

function charWidth(code: number): number {
  if ((code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f))
    return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Wraps each line at word boundaries (anywhere in CJK text) to `width` columns, keeping indentation. */
function wrapLines(lines: string[], width: number | undefined): string[] {
  if (!width || width < 20) return lines;
  return lines.flatMap((line) => wrapLine(line, width));
}

function wrapLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const indent = /^\s*/.exec(line)![0];
  // Tokens: ANSI sequences (no width), runs of spaces, words, and single wide characters.
  const tokens =
    line
      .slice(indent.length)
      .match(
        /\x1b\[[0-9;]*m|\s+|[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]|[^\s\x1b\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]+/g,
      ) ?? [];
  const out: string[] = [];
  let current = indent;
  let currentWidth = displayWidth(indent);
  for (const token of tokens) {
    const w = displayWidth(token);
    if (currentWidth + w > width && currentWidth > indent.length && w > 0) {
      out.push(current.trimEnd());
      current = indent;
      currentWidth = indent.length;
      if (/^\s+$/.test(token)) continue;
    }
    current += token;
    currentWidth += w;
  }
  out.push(current.trimEnd());
  return out;
}
