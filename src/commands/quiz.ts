// /quiz start|stop|stats|optout|optin|help: quiz games about the sister cities. The games themselves
// run in the App's QuizService (src/app/quiz-service.ts); this file maps options to it.
// Opting out of leaderboards lives here (not under /leaderboard), so /leaderboard keeps plain options.
import { DIFFICULTIES, QUIZ_TOPICS, SETTINGS_LIMITS } from '../domain/quiz/types.js';
import { difficultyLabel, helpReply, quizTopicLabel } from '../views/quiz.js';
import { defineCommand, type OptionChoice, type OptionValue, type UserRef } from './types.js';

// The descriptions quote the limits, so they follow any change to them.
const { rounds, seconds } = SETTINGS_LIMITS;

const difficultyChoices: OptionChoice[] = DIFFICULTIES.map((d) => ({
  name: { en: difficultyLabel(d, 'en'), 'zh-CN': difficultyLabel(d, 'zh-CN') },
  value: d,
}));
const topicChoices: OptionChoice[] = QUIZ_TOPICS.map((q) => ({
  name: { en: quizTopicLabel(q, 'en'), 'zh-CN': quizTopicLabel(q, 'zh-CN') },
  value: q,
}));

function integer(value: OptionValue | undefined): number | undefined {
  if (value === undefined) return undefined;
  // The console passes what was typed; a non-number reaches the range check as NaN.
  return typeof value === 'number' ? value : Number(value);
}

function text(value: OptionValue | undefined): string | undefined {
  return typeof value === 'string' ? value.trim().toLowerCase() : undefined;
}

function userOption(value: OptionValue | undefined): UserRef | undefined {
  return typeof value === 'object' && value !== null ? value : undefined;
}

export const command = defineCommand({
  definition: {
    name: 'quiz',
    nameZh: '问答',
    description: { en: 'Quiz games about Wuhan’s sister cities', 'zh-CN': '关于武汉友好城市的问答游戏' },
    subcommands: [
      {
        name: 'start',
        nameZh: '开始',
        description: { en: 'Start a quiz in this channel', 'zh-CN': '在本频道开始一场问答' },
        options: [
          {
            name: 'rounds',
            nameZh: '题数',
            description: {
              en: `How many questions (${rounds.min}–${rounds.max}, default ${rounds.default})`,
              'zh-CN': `题目数量（${rounds.min}–${rounds.max}，默认${rounds.default}）`,
            },
            type: 'integer',
            minValue: rounds.min,
            maxValue: rounds.max,
          },
          {
            name: 'seconds',
            nameZh: '秒数',
            description: {
              en: `Seconds per question (${seconds.min}–${seconds.max}, default ${seconds.default})`,
              'zh-CN': `每题秒数（${seconds.min}–${seconds.max}，默认${seconds.default}）`,
            },
            type: 'integer',
            minValue: seconds.min,
            maxValue: seconds.max,
          },
          {
            name: 'difficulty',
            nameZh: '难度',
            description: { en: 'Easy, normal (default) or hard', 'zh-CN': '简单、普通（默认）或困难' },
            type: 'string',
            choices: difficultyChoices,
          },
          {
            name: 'topic',
            nameZh: '主题',
            description: { en: 'What to ask about (default: everything)', 'zh-CN': '题目主题（默认：全部）' },
            type: 'string',
            choices: topicChoices,
          },
        ],
      },
      {
        name: 'stop',
        nameZh: '结束',
        description: {
          en: 'Stop this channel’s quiz (its starter or a moderator)',
          'zh-CN': '结束本频道的问答（限发起者或管理员）',
        },
      },
      {
        name: 'stats',
        nameZh: '统计',
        description: {
          en: 'Games, right answers, accuracy and best streak',
          'zh-CN': '场次、答对题数、正确率和最长连对',
        },
        options: [
          {
            name: 'user',
            nameZh: '用户',
            description: { en: 'Whose stats (default: yours)', 'zh-CN': '查看谁的统计（默认：你自己）' },
            type: 'user',
          },
        ],
      },
      {
        name: 'optout',
        nameZh: '退出排行',
        description: { en: 'Hide me from leaderboards (points are kept)', 'zh-CN': '不在排行榜上显示我（积分保留）' },
      },
      {
        name: 'optin',
        nameZh: '加入排行',
        description: { en: 'Show me on leaderboards again', 'zh-CN': '重新在排行榜上显示我' },
      },
      {
        name: 'help',
        nameZh: '说明',
        description: { en: 'How the quiz and its scoring work', 'zh-CN': '问答玩法与计分规则' },
      },
    ],
  },
  examples: ['/quiz start', '/quiz start rounds:5 difficulty:hard', '/quiz stats'],
  examplesZh: ['/问答 开始', '/问答 开始 题数:5 难度:困难', '/问答 统计'],
  async run(input, ctx) {
    const quiz = ctx.app.quiz;
    switch (input.subcommand) {
      case 'start':
        return quiz.start(ctx, {
          ...(input.options.rounds !== undefined ? { rounds: integer(input.options.rounds)! } : {}),
          ...(input.options.seconds !== undefined ? { seconds: integer(input.options.seconds)! } : {}),
          ...(text(input.options.difficulty) ? { difficulty: text(input.options.difficulty)! } : {}),
          ...(text(input.options.topic) ? { topic: text(input.options.topic)! } : {}),
        });
      case 'stop':
        return quiz.stop(ctx);
      case 'stats':
        return quiz.stats(ctx, userOption(input.options.user));
      case 'optout':
        return quiz.setOptOut(ctx, true);
      case 'optin':
        return quiz.setOptOut(ctx, false);
      default:
        return helpReply(ctx.locale);
    }
  },
  component: (id, _values, ctx) => ctx.app.quiz.click(ctx, id),
});
