import { defineMessages } from '../../i18n/index.js';

export const t = defineMessages('facts.coverage', {
  en: {
    allFriendship: 'all {listed} international friendship cities on Wuhan’s official count of {date}',
    someFriendship: '{listed} of the {official} international friendship cities on Wuhan’s official count of {date}',
    friendshipNoCount: '{listed} international friendship cities (no official count was found)',
    allExchange: 'all {listed} friendly exchange cities on the official count of {date}',
    someExchange:
      '{listed} cities that sources name as friendly exchange partners (no full list of the {official} friendly exchange cities on the official count of {date} was found; their level is not always confirmed)',
    exchangeNoCount: '{listed} friendly exchange cities (no official count was found)',
    plusSince: ', plus {names}, signed after that list and so in no official count yet,',
    sentence: 'The dataset names {friendship} and {exchange}. Data checked against its sources on {asOf}.',
  },
  'zh-CN': {
    allFriendship: '截至{date}武汉官方公布的全部{listed}个国际友好城市',
    someFriendship: '截至{date}武汉官方公布的{official}个国际友好城市中的{listed}个',
    friendshipNoCount: '{listed}个国际友好城市（未找到官方总数）',
    allExchange: '截至{date}官方公布的全部{listed}个友好交流城市',
    someExchange:
      '{listed}个有来源称其为友好交流城市的城市（截至{date}官方公布的{official}个友好交流城市未找到完整名单；这些城市的级别也并非都已确认）',
    exchangeNoCount: '{listed}个友好交流城市（未找到官方总数）',
    plusSince: '，另有在该名单之后签约、尚未计入官方数字的{names}',
    sentence: '本数据集收录了{friendship}，以及{exchange}。数据于{asOf}与来源核对。',
  },
});
