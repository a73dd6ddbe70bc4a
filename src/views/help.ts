// /help: every command with one example, from whatever list of commands it is given.
import type { Locale } from '../i18n/index.js';
import { t } from './help.messages.js';
import { COLORS, fitLines } from './format.js';
import type { Reply } from '../reply/reply.js';

interface Named {
  name: string;
  nameZh: string;
}

/** What /help shows of a command: its names, usage and examples (a command's own shape, declared here). */
export interface HelpEntry {
  definition: Named & {
    type?: 'chat' | 'message';
    description: Record<Locale, string>;
    options?: readonly (Named & { required?: boolean })[];
    subcommands?: readonly Named[];
  };
  examples?: readonly string[];
  examplesZh?: readonly string[];
}

/**
 * What follows the command's name: its subcommands ("start | stop | stats"), or its options, optional
 * ones in brackets ("[continent] [tier]"), in the reader's language, since that is what they type.
 */
function usageText(command: HelpEntry, locale: Locale): string {
  const { subcommands, options } = command.definition;
  const label = (item: { name: string; nameZh: string }) => (locale === 'zh-CN' ? item.nameZh : item.name);
  if (subcommands?.length) return subcommands.map(label).join(' | ');
  return (options ?? []).map((o) => (o.required ? label(o) : `[${label(o)}]`)).join(' ');
}

function commandLine(command: HelpEntry, locale: Locale): string {
  const { name, nameZh, description, type } = command.definition;
  if (type === 'message') {
    // Message commands have no slash form: say where Discord shows them.
    return t(locale, 'messageCommand', { name: locale === 'zh-CN' ? nameZh : name, description: description[locale] });
  }
  const usage = usageText(command, locale);
  // zh-CN users see the Chinese names in Discord's command list; the English name helps find the command too.
  const shown = locale === 'zh-CN' ? nameZh : name;
  const call = `**/${shown}${usage ? ` ${usage}` : ''}**`;
  const title = shown !== name ? `${call}（/${name}）` : call;
  // An example shows what to type, so it is written in the reader's language or not shown at all.
  const example = (locale === 'zh-CN' ? command.examplesZh : command.examples)?.[0];
  const line = locale === 'zh-CN' ? `${title}：${description[locale]}` : `${title}: ${description[locale]}`;
  return example ? `${line}\n  ${t(locale, 'example', { example: `\`${example}\`` })}` : line;
}

export function helpReply(commands: readonly HelpEntry[], locale: Locale): Reply {
  const lines = commands.map((c) => commandLine(c, locale));
  return {
    cards: [
      {
        title: t(locale, 'title'),
        description: `${t(locale, 'intro')}\n\n${fitLines(lines, 3900, locale)}`,
        color: COLORS.neutral,
      },
    ],
    ephemeral: true,
  };
}
