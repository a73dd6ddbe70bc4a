import { defineMessages } from '../i18n/index.js';

export const t = defineMessages('views.about', {
  en: {
    title: 'About Youcheng 友城',
    what: 'Youcheng answers questions about Wuhan’s international friendship cities (sister cities) and friendly exchange cities, in English and Chinese. Every fact comes from a named source; where sources disagree it gives both, and where nothing is known it says so.',
    coverage: 'Coverage',
    list: 'Which cities',
    listText: 'The friendship cities follow Wuhan’s official list of {count} as of {date}.',
    listUnknown: 'No official list date is in the data.',
    officialSources: 'Lists and totals over the years',
    otherSources: 'Other sources',
    perCity:
      'The data cites {count} pages in all, and each city card links the ones its facts come from. Mirrors, re-posts, weak and machine-translated pages are marked as such.',
    shared: 'Cited for several cities:',
    version: 'Version',
    report: 'Report a wrong fact',
    reportText:
      'Please open an issue on the project’s issue tracker: name the city, the fact, and a source that shows the right one.',
  },
  'zh-CN': {
    title: '关于友城 Youcheng',
    what: '友城用中英文回答有关武汉国际友好城市（姐妹城市）和友好交流城市的问题。每条信息都注明来源；来源说法不一时会同时列出，不知道的也会如实说明。',
    coverage: '收录范围',
    list: '收录哪些城市',
    listText: '国际友好城市依据武汉截至{date}的官方名单（共{count}个）。',
    listUnknown: '数据中没有官方名单的日期。',
    officialSources: '历年名单与总数',
    otherSources: '其他来源',
    perCity:
      '数据共引用{count}个网页，每张城市卡片都附有其信息所依据的网页链接。镜像、转载、低质量和机器翻译的网页均有标注。',
    shared: '被多个城市引用的来源：',
    version: '版本',
    report: '报告错误',
    reportText: '请在本项目的问题跟踪系统（issue tracker）中提交问题，写明城市、有误的信息，以及能证明正确说法的来源。',
  },
});
