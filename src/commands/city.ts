// /city name: one partner city's card. The name may be an autocomplete id or anything a user typed.
import type { City } from '../data/types.js';
import { cityLabel, cleanQuery, isOnlyMentions } from '../views/format.js';
import {
  ambiguousReply,
  CITY_PICK_ID,
  cityReply,
  emptyNameReply,
  mentionNameReply,
  notFoundReply,
} from '../views/city.js';
import { staleChoiceReply } from '../views/common.js';
import type { Reply } from '../views/reply.js';
import type { App } from '../app/app.js';
import type { Locale } from '../i18n/index.js';
import type { AutocompleteChoice, Command, CommandContext } from './types.js';
import { cityMapImage, withImage } from './images.js';

/** Longer input cannot be a city name; cutting it keeps lookups cheap on pasted walls of text. */
const MAX_QUERY = 200;
/** As many close names as a not-found reply offers. */
const NOT_FOUND_SUGGESTIONS = 5;

/** Autocomplete entries for cities: "Duisburg · 杜伊斯堡市 (Germany)" → "duisburg". */
export function cityChoices(app: App, text: string, locale: Locale): AutocompleteChoice[] {
  return app.resolver
    .suggest(cleanQuery(text.slice(0, MAX_QUERY)), 25)
    .map((c) => ({ name: Array.from(cityLabel(c, locale)).slice(0, 100).join(''), value: c.id }));
}

export type CityLookup = { kind: 'city'; city: City } | { kind: 'reply'; reply: Reply };

/**
 * An autocomplete id first, then the resolver on free text. Anything but one confident match becomes
 * the reply the user should see instead (empty, did you mean, not found), whose menu of cities has
 * `pickId` as its custom_id: the command that asked shows its own answer for the city picked.
 */
export function lookUpCity(app: App, raw: unknown, locale: Locale, pickId: string = CITY_PICK_ID): CityLookup {
  const typed = typeof raw === 'string' ? raw.slice(0, MAX_QUERY) : '';
  if (isOnlyMentions(typed)) return { kind: 'reply', reply: mentionNameReply(locale) };
  const text = cleanQuery(typed);
  if (!text) return { kind: 'reply', reply: emptyNameReply(locale) };
  const byId = app.resolver.byId(text);
  if (byId) return { kind: 'city', city: byId };
  const found = app.resolver.resolve(text);
  switch (found.kind) {
    case 'match':
      return { kind: 'city', city: found.city };
    case 'ambiguous':
      return { kind: 'reply', reply: ambiguousReply(found.candidates, locale, pickId) };
    case 'none': {
      // The resolver's guesses, or else what autocomplete offers for the same text ("a" → Arnhem, Ashdod…).
      const close = found.suggestions.length ? found.suggestions : app.resolver.suggest(text, NOT_FOUND_SUGGESTIONS);
      return { kind: 'reply', reply: notFoundReply(typed, close, locale, pickId) };
    }
  }
}

/** The city's card with the map of its arc from Wuhan. */
function cardWithMap(app: App, city: City, locale: Locale): Reply {
  return withImage(cityReply(city, app.data, app.now(), locale), cityMapImage(app.data, city, locale));
}

function show(app: App, raw: unknown, ctx: CommandContext): Reply {
  const found = lookUpCity(app, raw, ctx.locale);
  return found.kind === 'city' ? cardWithMap(app, found.city, ctx.locale) : found.reply;
}

export const command = {
  definition: {
    name: 'city',
    nameZh: '城市',
    description: {
      en: 'One of Wuhan’s partner cities: names, dates, landmarks, cooperation and sources',
      'zh-CN': '武汉的一个友好城市：名称、日期、地标、合作与来源',
    },
    options: [
      {
        name: 'name',
        nameZh: '名称',
        description: { en: 'The city, in any language or spelling', 'zh-CN': '城市名称，任何语言或拼写均可' },
        type: 'string',
        required: true,
        autocomplete: true,
        maxLength: 100,
      },
    ],
  },
  examples: ['/city name:Duisburg', '/city name:大分'],
  examplesZh: ['/城市 名称:杜伊斯堡', '/城市 名称:大分'],
  run: (input, ctx) => show(ctx.app, input.options.name, ctx),
  autocomplete: (focused, _input, ctx) => cityChoices(ctx.app, focused.value, ctx.locale),
  component(id, values, ctx) {
    const city = id === 'pick' && values[0] ? ctx.app.resolver.byId(values[0]) : undefined;
    if (!city) return { kind: 'reply', reply: staleChoiceReply(ctx.locale) };
    return { kind: 'update', reply: { ...cardWithMap(ctx.app, city, ctx.locale), content: '', actions: [] } };
  },
} satisfies Command;
