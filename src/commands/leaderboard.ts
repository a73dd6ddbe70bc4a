// /leaderboard [period] [scope]: quiz points this week, this month or of all time, on this server or
// on all of them. Weekly boards reset on Monday 00:00 UTC, monthly ones on the 1st; the reply says when.
import { PERIODS, type Period } from '../domain/quiz/periods.js';
import { periodLabel } from '../views/quiz.js';
import { defineCommand, type OptionChoice } from './types.js';

const periodChoices: OptionChoice[] = PERIODS.map((p) => ({
  name: { en: periodLabel(p, 'en').toLowerCase(), 'zh-CN': periodLabel(p, 'zh-CN') },
  value: p,
}));

export const command = defineCommand({
  definition: {
    name: 'leaderboard',
    nameZh: '排行榜',
    description: {
      en: 'Quiz leaderboards: this week, this month or all time',
      'zh-CN': '问答排行榜：本周、本月或全部时间',
    },
    options: [
      {
        name: 'period',
        nameZh: '时段',
        description: { en: 'This week (default), this month or all time', 'zh-CN': '本周（默认）、本月或全部时间' },
        type: 'string',
        choices: periodChoices,
      },
      {
        name: 'scope',
        nameZh: '范围',
        description: { en: 'This server (default) or all servers', 'zh-CN': '本服务器（默认）或所有服务器' },
        type: 'string',
        choices: [
          { name: { en: 'this server', 'zh-CN': '本服务器' }, value: 'server' },
          { name: { en: 'all servers', 'zh-CN': '所有服务器' }, value: 'global' },
        ],
      },
    ],
  },
  examples: ['/leaderboard', '/leaderboard period:month scope:global'],
  examplesZh: ['/排行榜', '/排行榜 时段:本月 范围:所有服务器'],
  run(input, ctx) {
    const { period, scope } = input.options;
    // The console passes what was typed: anything unknown falls back to the defaults.
    const chosen: Period = PERIODS.includes(period as Period) ? (period as Period) : 'week';
    return ctx.app.quiz.leaderboard(ctx, chosen, scope === 'global' ? 'global' : 'server');
  },
});
