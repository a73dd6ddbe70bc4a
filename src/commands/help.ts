// /help: lists every command, read from the command list when asked so commands added later show up.
import { helpReply } from '../views/help.js';
import type { Command } from './types.js';

export const command = {
  definition: {
    name: 'help',
    nameZh: '帮助',
    description: { en: 'Every command, with an example of each', 'zh-CN': '全部命令及示例' },
  },
  examples: ['/help'],
  examplesZh: ['/帮助'],
  async run(_input, ctx) {
    // Imported lazily: index.ts imports this file, so a static import would be circular.
    const { commands } = await import('./index.js');
    return helpReply(commands, ctx.locale);
  },
} satisfies Command;
