// What the Discord layer itself says to a user: only when no command can answer.
import { defineMessages } from '../i18n/index.js';

export const t = defineMessages('discord', {
  en: {
    failed: 'Something went wrong on my side. Please try again in a moment.',
    staleButton: 'This button is no longer active. Run the command again for a fresh one.',
    staleSelect: 'This menu is no longer active. Run the command again for a fresh one.',
    unknownCommand: 'I no longer know this command. It may have been removed; try /help.',
  },
  'zh-CN': {
    failed: '我这边出了点问题，请稍后再试。',
    staleButton: '此按钮已失效，请重新运行该命令。',
    staleSelect: '此菜单已失效，请重新运行该命令。',
    unknownCommand: '我已不认识这个命令，它可能已被移除；请试试 /help。',
  },
});
