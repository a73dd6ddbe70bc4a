import { defineMessages } from '../i18n/index.js';

export const t = defineMessages('views.timeline', {
  en: {
    title: 'Wuhan’s partner cities over time',
    titleRange: 'Wuhan’s partner cities, {from}–{to}',
    summary: '{count} with a known date, oldest first. Entries are international friendship cities unless marked “exchange city”.',
    none: 'No partnership in the data was established in these years.',
    undated: 'Date not known',
    page: 'Page {page}/{pages}',
    previous: 'Previous page',
    next: 'Next page',
    fromAfterTo: '“from” ({from}) is after “to” ({to}). Try `/timeline from:{to} to:{from}`.',
    badYear: 'Years go from {min} to {max}, as whole numbers: for example `/timeline from:2000 to:2010`.',
  },
  'zh-CN': {
    title: '武汉友好城市时间线',
    titleRange: '武汉友好城市时间线（{from}–{to}年）',
    summary: '已知日期的共{count}个，按时间先后排列。除标注“友好交流城市”者外均为国际友好城市。',
    none: '数据中没有在这些年份结好的城市。',
    undated: '日期不详',
    page: '第{page}/{pages}页',
    previous: '上一页',
    next: '下一页',
    fromAfterTo: '起始年（{from}）晚于结束年（{to}）。试试 `/timeline from:{to} to:{from}`。',
    badYear: '年份须为{min}到{max}之间的整数，例如 `/timeline from:2000 to:2010`。',
  },
});
