// /city name: one partner city's card. The name may be an autocomplete id or anything a user typed.
import type { App } from '../app/app.js';
import { cityMapImage, withImage } from '../app/images.js';
import { cityChoices, lookUpCity } from '../app/lookup.js';
import type { City } from '../data/types.js';
import type { Locale } from '../i18n/index.js';
import type { Reply } from '../reply/reply.js';
import { cityReply } from '../views/city.js';
import { staleChoiceReply } from '../views/common.js';
import { componentId } from './component-id.js';
import { defineCommand, type CommandContext } from './types.js';

const NAME = 'city';

// "city:pick": the did-you-mean menu of cities; the select's value is the picked city's id.
const PICK = 'pick';
const PICK_ID = componentId(NAME, PICK);

/** The city's card with the map of its arc from Wuhan. */
function cardWithMap(app: App, city: City, locale: Locale): Reply {
  return withImage(cityReply(city, app.data, app.now(), locale), cityMapImage(app.data, city, locale));
}

function show(app: App, raw: unknown, ctx: CommandContext): Reply {
  const found = lookUpCity(app, raw, ctx.locale, PICK_ID);
  return found.kind === 'city' ? cardWithMap(app, found.city, ctx.locale) : found.reply;
}

export const command = defineCommand({
  definition: {
    name: NAME,
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
    const city = id === PICK && values[0] ? ctx.app.resolver.byId(values[0]) : undefined;
    if (!city) return { kind: 'reply', reply: staleChoiceReply(ctx.locale) };
    return { kind: 'update', reply: { ...cardWithMap(ctx.app, city, ctx.locale), content: '', actions: [] } };
  },
});
