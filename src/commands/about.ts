// /about: what the bot is and where its facts come from.
import { aboutReply } from '../views/about.js';
import { defineCommand } from './types.js';

export const command = defineCommand({
  definition: {
    name: 'about',
    nameZh: '关于',
    description: {
      en: 'What this bot is, where its data comes from, and how to report a wrong fact',
      'zh-CN': '关于本机器人：数据来源、收录范围及如何报告错误',
    },
  },
  examples: ['/about'],
  examplesZh: ['/关于'],
  run: (_input, ctx) => aboutReply(ctx.app.data, ctx.app.version, ctx.locale),
});
