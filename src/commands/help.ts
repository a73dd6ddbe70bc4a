// /help: lists every command. The list is passed in and read when asked, so commands added later show up.
import { helpReply } from '../views/help.js';
import type { Command } from './types.js';

export function helpCommand(listed: () => readonly Command[]): Command {
  return {
    definition: {
      name: 'help',
      nameZh: '帮助',
      description: { en: 'Every command, with an example of each', 'zh-CN': '全部命令及示例' },
    },
    examples: ['/help'],
    examplesZh: ['/帮助'],
    run: (_input, ctx) => helpReply(listed(), ctx.locale),
  };
}
