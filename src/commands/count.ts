// /count [country] [tier]: official totals and what the dataset lists.
import type { Country, Tier } from '../data/types.js';
import type { App } from '../app/app.js';
import type { Locale } from '../i18n/index.js';
import { staleChoiceReply } from '../views/common.js';
import {
  COUNTRY_PICK_ID,
  countReply,
  countryCard,
  emptyCountryReply,
  mentionCountryReply,
  unknownCountryReply,
} from '../views/count.js';
import { cleanQuery, isOnlyMentions } from '../views/format.js';
import type { Reply } from '../views/reply.js';
import type { AutocompleteChoice, Command, OptionDefinition } from './types.js';

const MAX_QUERY = 100;
/** As many close names as an unknown-country reply offers. */
const CLOSE_COUNTRIES = 5;

/** Autocomplete entries for countries: "Germany · 德国" → "DE". */
export function countryChoices(app: App, text: string): AutocompleteChoice[] {
  return app.resolver
    .suggestCountries(cleanQuery(text.slice(0, MAX_QUERY)), 25)
    .map((c) => ({ name: `${c.name} · ${c.zh}`, value: c.code }));
}

export type CountryLookup = { kind: 'country'; country: Country } | { kind: 'reply'; reply: Reply };

/** Like lookUpCity: anything but one country becomes the reply to show, its menu answered by `pickId`. */
export function lookUpCountry(app: App, raw: string, locale: Locale, pickId: string = COUNTRY_PICK_ID): CountryLookup {
  const typed = raw.slice(0, MAX_QUERY);
  if (isOnlyMentions(typed)) return { kind: 'reply', reply: mentionCountryReply(locale) };
  const text = cleanQuery(typed);
  if (!text) return { kind: 'reply', reply: emptyCountryReply(locale) };
  const country = app.resolver.resolveCountry(text);
  if (country) return { kind: 'country', country };
  return {
    kind: 'reply',
    reply: unknownCountryReply(typed, app.resolver.suggestCountries(text, CLOSE_COUNTRIES), locale, pickId),
  };
}

/** A country picked from a did-you-mean menu: the select's value is its ISO code. */
export function pickedCountry(app: App, values: string[]): Country | null {
  return values[0] ? app.resolver.resolveCountry(values[0]) : null;
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
