import { defineMessages } from '../i18n/index.js';

export const t = defineMessages('views.chart', {
  en: {
    title: 'Wuhan’s partnerships over time',
    subtitle: 'New ties per year and the running total, with the official counts marked',
    lineAxis: 'Running total',
    barAxis: 'New ties per year',
    lineFriendship: 'Friendship cities in this list',
    lineAll: 'All partner cities in this list',
    barFriendship: 'New friendship city',
    barExchange: 'New friendly exchange city',
    markFriendship: 'Official count of friendship cities',
    markTotal: 'Official count of both tiers together',
    band: 'Selected years',
    undatedNote: 'Not counted, for want of a date: {names}.',
    officialNote:
      'Official counts of both tiers include friendly exchange cities that this list does not name; /count gives each count’s source.',
    imageDescription: 'Chart of new partnerships per year and the running total, with the official counts',
  },
  'zh-CN': {
    title: '武汉友好城市关系的发展',
    subtitle: '每年新增与累计数量，并标出官方公布的数字',
    lineAxis: '累计数量',
    barAxis: '每年新增',
    lineFriendship: '本列表中的国际友好城市',
    lineAll: '本列表中的全部友好城市',
    barFriendship: '新增国际友好城市',
    barExchange: '新增友好交流城市',
    markFriendship: '官方公布的国际友好城市数',
    markTotal: '官方公布的两级合计数',
    band: '所选年份',
    undatedNote: '因日期不详而未计入：{names}。',
    officialNote: '官方公布的两级合计数包含许多本列表未列出的友好交流城市；各数字的来源见 /数量。',
    imageDescription: '武汉每年新增友好城市关系与累计数量图，并标出官方数字',
  },
});
