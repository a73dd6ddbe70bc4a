// Small commands shaped like the real ones, so the console is tested apart from the dataset.
import type { App } from '../../src/app/app.js';
import { UserError, type Command } from '../../src/commands/types.js';
import type { ChannelPort, Reply } from '../../src/reply/reply.js';

const description = { en: 'test', 'zh-CN': '测试' };

const city: Command = {
  definition: {
    name: 'city',
    nameZh: '城市',
    description: { en: 'One partner city', 'zh-CN': '一个友好城市' },
    options: [
      { name: 'name', nameZh: '名称', description, type: 'string', required: true, autocomplete: true, maxLength: 100 },
    ],
  },
  run: (input) => ({ cards: [{ title: `City ${String(input.options.name)}` }] }),
  autocomplete: (focused) =>
    ['duisburg', 'dunedin']
      .filter((id) => id.startsWith(focused.value.toLowerCase()))
      .map((id) => ({ name: id, value: id })),
};

const count: Command = {
  definition: {
    name: 'count',
    nameZh: '数量',
    description,
    options: [
      { name: 'country', nameZh: '国家', description, type: 'string', autocomplete: true },
      {
        name: 'tier',
        nameZh: '级别',
        description,
        type: 'string',
        choices: [
          { name: { en: 'International friendship city', 'zh-CN': '国际友好城市' }, value: 'friendship' },
          { name: { en: 'Friendly exchange city', 'zh-CN': '友好交流城市' }, value: 'exchange' },
        ],
      },
    ],
  },
  run: (input) => ({ content: `count ${JSON.stringify(input.options)}` }),
};

const timeline: Command = {
  definition: {
    name: 'timeline',
    nameZh: '时间线',
    description,
    options: [
      { name: 'from', nameZh: '起始', description, type: 'integer', minValue: 1900, maxValue: 2100 },
      { name: 'to', nameZh: '截止', description, type: 'integer', minValue: 1900, maxValue: 2100 },
    ],
  },
  run: (input) => ({ content: `timeline ${JSON.stringify(input.options)}` }),
};

const ask: Command = {
  definition: {
    name: 'ask',
    nameZh: '提问',
    description,
    options: [{ name: 'question', nameZh: '问题', description, type: 'string', required: true }],
  },
  run: (input) => ({ content: `ask ${String(input.options.question)}` }),
};

const askMessage: Command = {
  definition: { type: 'message', name: 'Ask Youcheng', nameZh: '问友城', description },
  run: (input) => ({ content: `ask-message ${String(input.options.message)}` }),
};

const options: Command = {
  definition: {
    name: 'options',
    nameZh: '选项',
    description,
    options: [
      { name: 'flag', nameZh: '开关', description, type: 'boolean' },
      { name: 'who', nameZh: '谁', description, type: 'user' },
      {
        name: 'size',
        nameZh: '大小',
        description,
        type: 'integer',
        choices: [
          { name: { en: 'small', 'zh-CN': '小' }, value: 1 },
          { name: { en: 'big', 'zh-CN': '大' }, value: 2 },
        ],
      },
    ],
  },
  run: (input) => ({ content: `options ${JSON.stringify(input.options)}` }),
};

function questionReply(round: number): Reply {
  return {
    cards: [{ title: `Question ${round}`, description: 'Which city is in Germany?' }],
    actions: [
      ['A', 'B', 'C', 'D'].map((label) => ({
        type: 'button' as const,
        customId: `quiz:answer:${round}:${label}`,
        label,
      })),
    ],
  };
}

const quiz: Command = {
  definition: {
    name: 'quiz',
    nameZh: '测验',
    description,
    subcommands: [
      {
        name: 'start',
        nameZh: '开始',
        description,
        options: [{ name: 'rounds', nameZh: '轮数', description, type: 'integer', minValue: 1, maxValue: 20 }],
      },
      { name: 'stop', nameZh: '结束', description },
    ],
  },
  run: (input) =>
    input.subcommand === 'start'
      ? { content: `Quiz of ${String(input.options.rounds ?? 5)} rounds`, ...questionReply(1) }
      : { content: 'Quiz stopped' },
  component(id) {
    const [, round, answer] = id.split(':');
    return {
      kind: 'update',
      reply: { content: `Round ${round}: you answered ${answer}`, actions: [] },
    };
  },
};

function page(n: number): Reply {
  return {
    content: `Page ${n}`,
    actions: [
      [
        { type: 'button', customId: `pages:${n - 1}`, label: 'Previous', emoji: '◀', disabled: n <= 1 },
        { type: 'button', customId: `pages:${n + 1}`, label: 'Next ▶' },
        { type: 'link', url: 'https://example.org/pages', label: 'Source' },
      ],
      [
        {
          type: 'select',
          customId: 'pages:jump',
          placeholder: 'Jump to a page',
          options: [
            { label: 'First page', value: '1' },
            { label: 'Tenth page', value: '10' },
          ],
        },
      ],
    ],
  };
}

const pages: Command = {
  definition: { name: 'pages', nameZh: '页', description },
  run: () => page(1),
  component: (id, values) => ({ kind: 'update', reply: page(id === 'jump' ? Number(values[0]) : Number(id)) }),
};

const fail: Command = {
  definition: { name: 'fail', nameZh: '失败', description },
  run: () => {
    throw new UserError('No such game is running.');
  },
};

const crash: Command = {
  definition: { name: 'crash', nameZh: '崩溃', description },
  run: () => {
    throw new Error('database is gone');
  },
};

export const fakeCommands: Command[] = [city, count, timeline, ask, askMessage, options, quiz, pages, fail, crash];

/** The console's channel, as the fake App's quiz was given it: a test command may post through it. */
export function channelOf(app: App): ChannelPort {
  return (app.quiz as unknown as { port: ChannelPort }).port;
}

/** The commands above read nothing from the App; its quiz keeps the console's port and posts nothing. */
export function fakeApp(): App {
  const quiz = {
    port: undefined as ChannelPort | undefined,
    connect: async (port: ChannelPort) => {
      quiz.port = port;
    },
    close: () => {},
  };
  return {
    version: '0.0.0-test',
    now: () => new Date('2024-05-01T00:00:00Z'),
    random: Math.random,
    quiz,
  } as unknown as App;
}
