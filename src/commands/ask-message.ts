// "Ask Youcheng" in a message's Apps menu: answers the question written in that message, exactly as
// /ask would. The router passes the message's text as options.message; all of a message (up to 4,000
// characters with Nitro) is read, so a question after a long preamble is found.
import type { Command } from './types.js';
import { loadAsk } from '../app/ask.js';

export const command = {
  definition: {
    type: 'message',
    name: 'Ask Youcheng',
    nameZh: '问友城',
    description: {
      en: 'Answer the question in this message about Wuhan’s sister cities',
      'zh-CN': '回答这条消息中关于武汉国际友好城市的问题',
    },
  },
  run: async (input, ctx) => {
    const { askQuestion, answerReply, MAX_MESSAGE_CHARS } = await loadAsk();
    const { data, resolver } = ctx.app;
    return answerReply(
      askQuestion(input.options.message, { data, resolver, now: ctx.app.now() }, ctx.locale, MAX_MESSAGE_CHARS),
      data,
    );
  },
} satisfies Command;
