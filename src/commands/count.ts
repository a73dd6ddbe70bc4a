// /count [country] [tier]: official totals and what the dataset lists.
import { countryChoices, lookUpCountry, pickedCountry } from '../app/lookup.js';
import { staleChoiceReply } from '../views/common.js';
import { countReply, countryCard } from '../views/count.js';
import { cleanQuery } from '../views/format.js';
import { TIER_OPTION, tierOf } from './options.js';
import type { Command } from './types.js';

export const command = {
  definition: {
    name: 'count',
    nameZh: '数量',
    description: {
      en: 'How many partner cities Wuhan has: official totals and what the data lists',
      'zh-CN': '武汉有多少友好城市：官方总数与本数据收录情况',
    },
    options: [
      {
        name: 'country',
        nameZh: '国家',
        description: { en: 'Only the partners in this country', 'zh-CN': '只看这个国家的友好城市' },
        type: 'string',
        autocomplete: true,
        maxLength: 100,
      },
      TIER_OPTION,
    ],
  },
  examples: ['/count country:Russia', '/count', '/count tier:exchange'],
  examplesZh: ['/数量 国家:俄罗斯', '/数量', '/数量 级别:友好交流城市'],
  run(input, ctx) {
    const { app, locale } = ctx;
    const tier = tierOf(input.options.tier);
    const countryText = input.options.country;
    if (typeof countryText === 'string' && cleanQuery(countryText)) {
      const found = lookUpCountry(app, countryText, locale, `count:pick:${tier ?? ''}`);
      if (found.kind === 'reply') return found.reply;
      return { cards: [countryCard(app.data, found.country, locale, tier, true)] };
    }
    return countReply(app.data, locale, tier);
  },
  autocomplete: (focused, _input, ctx) => (focused.name === 'country' ? countryChoices(ctx.app, focused.value) : []),
  component(id, values, ctx) {
    // "pick:<tier>", the tier empty when none was asked, with the chosen country's code as the value.
    const match = /^pick:(\w*)$/.exec(id);
    const country = match ? pickedCountry(ctx.app, values) : null;
    if (!match || !country || (match[1] && !tierOf(match[1])))
      return { kind: 'reply', reply: staleChoiceReply(ctx.locale) };
    const card = countryCard(ctx.app.data, country, ctx.locale, tierOf(match[1]), true);
    return { kind: 'update', reply: { content: '', cards: [card], actions: [] } };
  },
} satisfies Command;
