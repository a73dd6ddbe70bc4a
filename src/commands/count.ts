// /count [country] [tier]: official totals and what the dataset lists.
import type { Country, Tier } from '../data/types.js';
import type { App } from '../app/app.js';
import type { Locale } from '../i18n/index.js';
import { countReply, countryCard, emptyCountryReply, officialTotalsCard, unknownCountryReply } from '../views/count.js';
import type { Reply } from '../views/reply.js';
import type { AutocompleteChoice, Command, OptionDefinition } from './types.js';

const MAX_QUERY = 100;

/** Autocomplete entries for countries: "Germany · 德国" → "DE". */
export function countryChoices(app: App, text: string): AutocompleteChoice[] {
  return app.resolver
    .suggestCountries(text.slice(0, MAX_QUERY), 25)
    .map((c) => ({ name: `${c.name} · ${c.zh}`, value: c.code }));
}

export type CountryLookup = { kind: 'country'; country: Country } | { kind: 'reply'; reply: Reply };

export function lookUpCountry(app: App, raw: string, locale: Locale): CountryLookup {
  const text = raw.slice(0, MAX_QUERY).trim();
  if (!text) return { kind: 'reply', reply: emptyCountryReply(locale) };
  const country = app.resolver.resolveCountry(text);
  if (country) return { kind: 'country', country };
  return { kind: 'reply', reply: unknownCountryReply(text, app.resolver.suggestCountries(text, 5), locale) };
}

/** The "tier" option /count and /map share; tierOf reads its value. */
export const TIER_OPTION: OptionDefinition = {
  name: 'tier',
  nameZh: '级别',
  description: { en: 'Only this tier', 'zh-CN': '只看这一级别' },
  type: 'string',
  choices: [
    { name: { en: 'International friendship city', 'zh-CN': '国际友好城市' }, value: 'friendship' },
    { name: { en: 'Friendly exchange city', 'zh-CN': '友好交流城市' }, value: 'exchange' },
  ],
};

export function tierOf(value: unknown): Tier | undefined {
  return value === 'friendship' || value === 'exchange' ? value : undefined;
}

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
  run(input, ctx) {
    const { app, locale } = ctx;
    const tier = tierOf(input.options.tier);
    const countryText = input.options.country;
    if (typeof countryText === 'string' && countryText.trim()) {
      const found = lookUpCountry(app, countryText, locale);
      if (found.kind === 'reply') return found.reply;
      return { cards: [countryCard(app.data, found.country, locale, tier), officialTotalsCard(app.data, locale)] };
    }
    return countReply(app.data, locale, tier);
  },
  autocomplete: (focused, _input, ctx) => (focused.name === 'country' ? countryChoices(ctx.app, focused.value) : []),
} satisfies Command;
