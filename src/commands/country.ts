// /country name: the partner cities in one country, with their dates.
import { staleChoiceReply } from '../views/common.js';
import { countryCard } from '../views/count.js';
import { countryChoices, lookUpCountry, pickedCountry } from '../app/lookup.js';
import { componentId } from './component-id.js';
import { defineCommand } from './types.js';

const NAME = 'country';

// "country:pick": the did-you-mean menu of countries; the select's value is the country's ISO code.
const PICK = 'pick';
const PICK_ID = componentId(NAME, PICK);

export const command = defineCommand({
  definition: {
    name: NAME,
    nameZh: '国家',
    description: { en: 'Wuhan’s partner cities in one country', 'zh-CN': '武汉在某个国家的友好城市' },
    options: [
      {
        name: 'name',
        nameZh: '名称',
        description: { en: 'The country: name, Chinese name or ISO code', 'zh-CN': '国家：名称、中文名或 ISO 代码' },
        type: 'string',
        required: true,
        autocomplete: true,
        maxLength: 100,
      },
    ],
  },
  examples: ['/country name:Germany', '/country name:英国'],
  examplesZh: ['/国家 名称:德国', '/国家 名称:英国'],
  run(input, ctx) {
    // Discord enforces `required`, but a hand-made payload (the HTTP endpoint, tests) may leave it out.
    const found = lookUpCountry(ctx.app, input.options.name ?? '', ctx.locale, PICK_ID);
    if (found.kind === 'reply') return found.reply;
    return { cards: [countryCard(ctx.app.data, found.country, ctx.locale)] };
  },
  autocomplete: (focused, _input, ctx) => countryChoices(ctx.app, focused.value),
  component(id, values, ctx) {
    const country = id === PICK ? pickedCountry(ctx.app, values) : null;
    if (!country) return { kind: 'reply', reply: staleChoiceReply(ctx.locale) };
    return {
      kind: 'update',
      reply: { content: '', cards: [countryCard(ctx.app.data, country, ctx.locale)], actions: [] },
    };
  },
});
