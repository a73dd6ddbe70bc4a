// /ask question: a free-form question about Wuhan's sister cities, answered from the dataset in the
// question's language (Chinese script → Chinese), with sources.
import type { Command } from './types.js';
import { loadAsk } from '../app/ask.js';

/** Real questions are a sentence or two; the cap only stops pastes. The domain reads even less. */
const MAX_QUESTION_LENGTH = 500;

export const command = {
  definition: {
    name: 'ask',
    nameZh: '提问',
    description: {
      en: 'Ask about Wuhan’s sister cities in your own words, in English or Chinese',
      'zh-CN': '用中文或英文自由提问武汉的国际友好城市',
    },
    options: [
      {
        name: 'question',
        nameZh: '问题',
        description: {
          en: 'For example: When did Wuhan and Duisburg become sister cities?',
          'zh-CN': '例如：武汉和杜伊斯堡什么时候结为友好城市？',
        },
        type: 'string',
        required: true,
        maxLength: MAX_QUESTION_LENGTH,
      },
    ],
  },
  examples: [
    '/ask question:When did Wuhan and Duisburg become sister cities?',
    '/ask question:武汉有多少个国际友好城市？',
  ],
  examplesZh: ['/提问 问题:武汉和杜伊斯堡什么时候结为友好城市？', '/提问 问题:武汉有多少个国际友好城市？'],
  run: async (input, ctx) => {
    const { askQuestion, answerReply } = await loadAsk();
    const { data, resolver } = ctx.app;
    return answerReply(askQuestion(input.options.question, { data, resolver, now: ctx.app.now() }, ctx.locale), data);
  },
} satisfies Command;
