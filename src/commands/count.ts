// /count [country] [tier]: official totals and what the dataset lists.
import { countryChoices, lookUpCountry, pickedCountry } from '../app/lookup.js';
import { staleChoiceReply } from '../views/common.js';
import { countReply, countryCard } from '../views/count.js';
import { cleanQuery } from '../views/format.js';
import { TIER_OPTION, tierOf } from './options.js';
import { componentId } from './component-id.js';
import type { PartnerTier } from '../data/types.js';
import { defineCommand } from './types.js';

const NAME = 'count';

/** "count:pick:<tier>", the tier empty when none was asked; the select's value is the country's code. */
function pickId(tier: PartnerTier | undefined): string {
  return componentId(NAME, `pick:${tier ?? ''}`);
}

/** The tier a pickId carried (undefined for none); null when `id` is no pickId. */
function parsePickId(id: string): { tier: PartnerTier | undefined } | null {
  const match = /^pick:(\w*)$/.exec(id);
  if (!match) return null;
  const tier = tierOf(match[1]);
  return match[1] && !tier ? null : { tier };
}

export const command = defineCommand({
  definition: {
    name: NAME,
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
    if (countryText && cleanQuery(countryText)) {
      const found = lookUpCountry(app, countryText, locale, pickId(tier));
      if (found.kind === 'reply') return found.reply;
      return { cards: [countryCard(app.data, found.country, locale, tier, true)] };
    }
    return countReply(app.data, locale, tier);
  },
  autocomplete: (focused, _input, ctx) => (focused.name === 'country' ? countryChoices(ctx.app, focused.value) : []),
  component(id, values, ctx) {
    const picked = parsePickId(id);
    const country = picked ? pickedCountry(ctx.app, values) : null;
    if (!picked || !country) return { kind: 'reply', reply: staleChoiceReply(ctx.locale) };
    const card = countryCard(ctx.app.data, country, ctx.locale, picked.tier, true);
    return { kind: 'update', reply: { content: '', cards: [card], actions: [] } };
  },
});
