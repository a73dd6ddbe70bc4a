// /help: every command with one example, from whatever list of commands it is given.
import type { Command } from '../commands/types.js';
import type { Locale } from '../i18n/index.js';
import { t } from './help.messages.js';
import { COLORS, fitLines } from './format.js';
import type { Reply } from './reply.js';

function commandLine(command: Command, locale: Locale): string {
  const { name, nameZh, description, type } = command.definition;
  if (type === 'message') {
    // Message commands have no slash form: say where Discord shows them.
    return t(locale, 'messageCommand', { name: locale === 'zh-CN' ? nameZh : name, description: description[locale] });
  }
  const title = locale === 'zh-CN' && nameZh !== name ? `**/${name}**（${nameZh}）` : `**/${name}**`;
  // An example shows what to type, so it is written in the reader's language or not shown at all.
  const example = (locale === 'zh-CN' ? command.examplesZh : command.examples)?.[0];
  const line = locale === 'zh-CN' ? `${title}：${description[locale]}` : `${title}: ${description[locale]}`;
  return example ? `${line}\n  ${t(locale, 'example', { example: `\`${example}\`` })}` : line;
}

export function helpReply(commands: readonly Command[], locale: Locale): Reply {
  const lines = commands.map((c) => commandLine(c, locale));
  return {
    cards: [{ title: t(locale, 'title'), description: `${t(locale, 'intro')}\n\n${fitLines(lines, 3900, locale)}`, color: COLORS.neutral }],
    ephemeral: true,
  };
}
