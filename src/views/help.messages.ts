import { defineMessages } from '../i18n/index.js';

export const t = defineMessages('views.help', {
  en: {
    title: 'Youcheng 友城: commands',
    intro: 'Ask about Wuhan’s partner cities. Names work in any language or spelling; suggestions appear as you type.',
    example: 'e.g. {example}',
    messageCommand: '**{name}** (on a message: right-click or long-press it → Apps → {name}): {description}',
  },
  'zh-CN': {
    title: '友城 Youcheng：命令一览',
    intro: '查询武汉的友好城市。城市名可用任何语言或拼写，输入时会出现建议。',
    example: '例：{example}',
    messageCommand: '**{name}**（在消息上右键或长按 → 应用 → {name}）：{description}',
  },
});
