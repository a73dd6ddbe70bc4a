import { defineMessages } from '../i18n/index.js';

export const t = defineMessages('views.timeline', {
  en: {
    title: 'Wuhan’s partner cities over time',
    titleRange: 'Wuhan’s partner cities, {from}–{to}',
    titleYear: 'Wuhan’s partner cities in {year}',
    titleFrom: 'Wuhan’s partner cities from {from} on',
    titleTo: 'Wuhan’s partner cities up to {to}',
    summary:
      '{count} with a known date, oldest first. Entries are international friendship cities unless marked “exchange city”.',
    none: 'No partnership in the data was established in these years.',
    noneYet: 'From {from} on: none in the data yet.',
    undated: 'Date not known',
    otherTies: 'Not partner cities, not counted above',
    page: 'Page {page}/{pages}',
    previous: 'Previous page',
    next: 'Next page',
    fromAfterTo: '“from” ({from}) is after “to” ({to}). Try `/timeline from:{to} to:{from}`.',
    badYear: 'Years go from {min} to {max}, as whole numbers: for example `/timeline from:2000 to:2010`.',
  },
  'zh-CN': {
    title: '武汉友好城市时间线',
    titleRange: '武汉友好城市时间线（{from}–{to}年）',
    titleYear: '武汉友好城市时间线（{year}年）',
    titleFrom: '武汉友好城市时间线（{from}年起）',
    titleTo: '武汉友好城市时间线（{to}年及以前）',
    summary: '已知日期的共{count}个，按时间先后排列。除标注“友好交流城市”者外均为国际友好城市。',
    none: '数据中没有在这些年份结好的城市。',
    noneYet: '{from}年起：数据中暂无。',
    undated: '日期不详',
    otherTies: '不是友好城市，未计入上面的数字',
    page: '第{page}/{pages}页',
    previous: '上一页',
    next: '下一页',
    fromAfterTo: '起始年（{from}）晚于结束年（{to}）。试试 `/时间线 起始年:{to} 结束年:{from}`。',
    badYear: '年份须为{min}到{max}之间的整数，例如 `/时间线 起始年:2000 结束年:2010`。',
  },
});
