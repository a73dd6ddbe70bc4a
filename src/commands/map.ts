// /map [tier] [continent] [city] [color]: a world map of Wuhan's partner cities, as a PNG in a card.
import type { App } from '../app/app.js';
import type { City, Continent } from '../data/types.js';
import type { Locale } from '../i18n/index.js';
import { continentLabel } from '../i18n/names.js';
import { mapCard, noMatchReply, type ColorBy, type MapFilters } from '../views/map.js';
import { t } from '../views/map.messages.js';
import { staleChoiceReply } from '../views/common.js';
import { cleanQuery } from '../views/format.js';
import type { Reply } from '../reply/reply.js';
import { cityChoices, lookUpCity } from '../app/lookup.js';
import { TIER_OPTION, tierOf } from './options.js';
import { MAP_FILE, worldMapImage } from '../app/images.js';
import { componentId } from './component-id.js';
import { defineCommand, type CommandContext, type OptionValue } from './types.js';

/** Option values are slugs, as Discord and the console pass them; the option lists them in this order. */
const CONTINENTS: Record<string, Continent> = {
  asia: 'Asia',
  europe: 'Europe',
  africa: 'Africa',
  'north-america': 'North America',
  'south-america': 'South America',
  oceania: 'Oceania',
};

function continentOf(value: OptionValue | string | undefined): Continent | undefined {
  return typeof value === 'string' ? CONTINENTS[value] : undefined;
}

function colorByOf(value: OptionValue | string | undefined): ColorBy {
  return value === 'decade' ? 'decade' : 'tier';
}

function slugOf(continent: Continent | undefined): string {
  return Object.entries(CONTINENTS).find(([, c]) => c === continent)?.[0] ?? '';
}

const NAME = 'map';

/** "map:pick:<tier>:<continent>:<color>": picking a city from a did-you-mean keeps the other filters. */
function pickId(filters: MapFilters): string {
  return componentId(NAME, `pick:${filters.tier ?? ''}:${slugOf(filters.continent)}:${filters.colorBy}`);
}

/** The filters a pickId carried, before the picked city is added; null when `id` is no pickId. */
function parsePickId(id: string): MapFilters | null {
  const match = /^pick:(\w*):([\w-]*):(\w+)$/.exec(id);
  return match ? filtersOf(match[1], match[2], match[3]) : null;
}

function mapReply(app: App, filters: MapFilters, locale: Locale): Reply {
  const image = worldMapImage(app.data, filters, locale);
  if (!image) return noMatchReply(locale);
  return {
    cards: [mapCard(app.data, filters, { name: MAP_FILE, numbered: image.numbered }, locale)],
    files: [{ name: MAP_FILE, data: image.png, description: t(locale, 'imageDescription') }],
  };
}

/** The filters the options (or a did-you-mean menu's custom_id) ask for, before any city is chosen. */
function filtersOf(
  tier: OptionValue | undefined,
  continent: OptionValue | undefined,
  color: OptionValue | undefined,
): MapFilters {
  const filters: MapFilters = { colorBy: colorByOf(color) };
  const chosenTier = tierOf(tier);
  if (chosenTier) filters.tier = chosenTier;
  const chosenContinent = continentOf(continent);
  if (chosenContinent) filters.continent = chosenContinent;
  return filters;
}

function run(
  options: { tier?: string; continent?: string; city?: string; color?: string },
  ctx: CommandContext,
): Reply {
  const { app, locale } = ctx;
  const filters = filtersOf(options.tier, options.continent, options.color);
  const cityText = options.city;
  if (cityText && cleanQuery(cityText)) {
    const found = lookUpCity(app, cityText, locale, pickId(filters));
    if (found.kind === 'reply') return found.reply;
    filters.chosen = found.city;
  }
  return mapReply(app, filters, locale);
}

export const command = defineCommand({
  definition: {
    name: NAME,
    nameZh: '地图',
    description: {
      en: 'A world map of Wuhan’s partner cities, each joined to Wuhan by a great-circle arc',
      'zh-CN': '武汉友好城市世界地图，每个城市与武汉之间以大圆航线相连',
    },
    options: [
      TIER_OPTION,
      {
        name: 'continent',
        nameZh: '大洲',
        description: { en: 'Only this continent, zoomed in', 'zh-CN': '只看这个大洲，并放大显示' },
        type: 'string',
        choices: Object.entries(CONTINENTS).map(([slug, continent]) => ({
          name: { en: continentLabel(continent, 'en'), 'zh-CN': continentLabel(continent, 'zh-CN') },
          value: slug,
        })),
      },
      {
        name: 'city',
        nameZh: '城市',
        description: {
          en: 'A city to highlight, in any language or spelling',
          'zh-CN': '要突出显示的城市，任何语言或拼写均可',
        },
        type: 'string',
        autocomplete: true,
        maxLength: 100,
      },
      {
        name: 'color',
        nameZh: '着色',
        description: {
          en: 'Colour the cities by tier (default) or by the decade the tie began',
          'zh-CN': '按级别（默认）或按结好年代为城市着色',
        },
        type: 'string',
        choices: [
          { name: { en: 'By tier', 'zh-CN': '按级别' }, value: 'tier' },
          { name: { en: 'By decade', 'zh-CN': '按年代' }, value: 'decade' },
        ],
      },
    ],
  },
  examples: ['/map', '/map continent:europe city:Duisburg', '/map color:decade'],
  examplesZh: ['/地图', '/地图 大洲:欧洲 城市:杜伊斯堡', '/地图 着色:按年代'],
  run: (input, ctx) => run(input.options, ctx),
  autocomplete: (focused, _input, ctx) =>
    focused.name === 'city' ? cityChoices(ctx.app, focused.value, ctx.locale) : [],
  component(id, values, ctx) {
    const picked = parsePickId(id);
    const city: City | undefined = picked && values[0] ? ctx.app.resolver.byId(values[0]) : undefined;
    if (!picked || !city) return { kind: 'reply', reply: staleChoiceReply(ctx.locale) };
    const filters: MapFilters = { ...picked, chosen: city };
    return { kind: 'update', reply: { ...mapReply(ctx.app, filters, ctx.locale), content: '', actions: [] } };
  },
});
