// /map and the small map on a /city card: which cities are drawn and how (MapSpec for the renderer),
// and the card around the image: legend, numbered names, what is not drawn, sources.
import type { City, Continent, Dataset, Tier } from '../data/types.js';
import { distanceFromWuhanKm } from '../domain/geo.js';
import { formatList, formatNumber, type Locale } from '../i18n/index.js';
import { cityName, continentLabel, decadeLabel } from '../i18n/names.js';
import type { KeyItem, MapPoint, MapSpec } from '../render/image/map.js';
import { t } from './map.messages.js';
import { bullet, COLORS, fitLines, footerText, tierLabel } from './format.js';
import { hasEnded, isPartner, otherTies } from '../domain/facts/partners.js';
import type { Card, Reply } from '../reply/reply.js';

export type ColorBy = 'tier' | 'decade';

export interface MapFilters {
  tier?: Tier;
  continent?: Continent;
  /** Drawn highlighted, and drawn even when the other filters leave it out. */
  chosen?: City;
  colorBy: ColorBy;
}

// Ties that are not partner cities are drawn only when asked for by name, in grey.
const OTHER_TIE_COLOR = '#8c8c8c';
export const TIER_COLORS: Record<Tier, string> = {
  friendship: '#1f6fb2',
  exchange: '#e08a00',
  memorandum: OTHER_TIE_COLOR,
  district: OTHER_TIE_COLOR,
  unstated: OTHER_TIE_COLOR,
};
const INK = '#1f2937';

type ColorKey = 'colorPurple' | 'colorBlue' | 'colorGreen' | 'colorOrange' | 'colorBrown' | 'colorPink';
const DECADE_PALETTE: readonly { color: string; name: ColorKey }[] = [
  { color: '#6a3d9a', name: 'colorPurple' },
  { color: '#1f78b4', name: 'colorBlue' },
  { color: '#33a02c', name: 'colorGreen' },
  { color: '#ff7f00', name: 'colorOrange' },
  { color: '#a6761d', name: 'colorBrown' },
  { color: '#e7298a', name: 'colorPink' },
];
const FIRST_DECADE = 1970;
export const UNDATED_COLOR = '#6b7280';

function decadeOf(city: City): number | null {
  return city.established ? Math.floor(Number(city.established.date.slice(0, 4)) / 10) * 10 : null;
}

function decadeStyle(decade: number): { color: string; name: ColorKey } {
  const index = Math.max(0, (decade - FIRST_DECADE) / 10) % DECADE_PALETTE.length;
  return DECADE_PALETTE[index]!;
}

function pointColor(city: City, colorBy: ColorBy): string {
  if (colorBy === 'tier') return TIER_COLORS[city.tier];
  const decade = decadeOf(city);
  return decade === null ? UNDATED_COLOR : decadeStyle(decade).color;
}

/** Only partner cities are ever selected by filters: a memorandum or a district tie is drawn only when chosen. */
function matchesFilters(city: City, filters: MapFilters): boolean {
  return (
    isPartner(city) &&
    (!filters.tier || city.tier === filters.tier) &&
    (!filters.continent || city.country.continent === filters.continent)
  );
}

/** The cities the filters select (the chosen one always), split by whether they can be drawn. */
export function selectCities(data: Dataset, filters: MapFilters): { drawn: City[]; notDrawn: City[] } {
  const selected = data.cities.filter((c) => c === filters.chosen || matchesFilters(c, filters));
  return { drawn: selected.filter((c) => c.coordinates), notDrawn: selected.filter((c) => !c.coordinates) };
}

/**
 * The chosen city when it is drawn although the filters leave it out (Sydney on a map of Asia): it is
 * counted and named apart, so "9 cities · Asia only, plus Sydney" stays true.
 */
function drawnBeyondFilters(drawn: City[], filters: MapFilters): City | undefined {
  const chosen = filters.chosen;
  return chosen && drawn.includes(chosen) && !matchesFilters(chosen, filters) ? chosen : undefined;
}

function isEnded(city: City): boolean {
  return hasEnded(city.status);
}

function mapPoint(city: City, colorBy: ColorBy, chosen: City | undefined, locale: Locale): MapPoint {
  const { lat, lon } = city.coordinates!;
  return {
    id: city.id,
    lat,
    lon,
    label: cityName(city, locale),
    color: pointColor(city, colorBy),
    dashed: isEnded(city),
    highlight: city === chosen,
  };
}

function decadesOf(cities: City[]): (number | null)[] {
  const decades = [...new Set(cities.map(decadeOf))];
  return decades.sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
}

function keyItems(drawn: City[], filters: MapFilters, locale: Locale): KeyItem[] {
  const items: KeyItem[] = [];
  if (filters.colorBy === 'tier') {
    if (drawn.some((c) => c.tier === 'friendship'))
      items.push({ kind: 'point', color: TIER_COLORS.friendship, label: t(locale, 'keyFriendship') });
    if (drawn.some((c) => c.tier === 'exchange'))
      items.push({ kind: 'point', color: TIER_COLORS.exchange, label: t(locale, 'keyExchange') });
    if (drawn.some((c) => !isPartner(c)))
      items.push({ kind: 'point', color: OTHER_TIE_COLOR, label: t(locale, 'keyOtherTie') });
  } else {
    for (const decade of decadesOf(drawn)) {
      items.push(
        decade === null
          ? { kind: 'point', color: UNDATED_COLOR, label: t(locale, 'keyUndated') }
          : { kind: 'point', color: decadeStyle(decade).color, label: decadeLabel(decade, locale) },
      );
    }
  }
  if (drawn.some((c) => !isEnded(c))) items.push({ kind: 'line', color: INK, label: t(locale, 'keyActive') });
  if (drawn.some(isEnded)) items.push({ kind: 'dashed', color: INK, label: t(locale, 'keyEnded') });
  if (filters.chosen && drawn.includes(filters.chosen))
    items.push({ kind: 'highlight', color: '#ffc107', label: t(locale, 'keyChosen') });
  return items;
}

function filterText(filters: MapFilters, locale: Locale): string {
  const parts: string[] = [];
  if (filters.tier) parts.push(t(locale, 'onlyTier', { tier: tierLabel(filters.tier, locale) }));
  if (filters.continent)
    parts.push(t(locale, 'onlyContinent', { continent: continentLabel(filters.continent, locale) }));
  return parts.join(' · ');
}

function home(data: Dataset, locale: Locale): MapSpec['home'] {
  const { lat, lon } = data.wuhan.coordinates;
  return { lat, lon, label: t(locale, 'wuhan') };
}

/** The /map image, or null when no selected city can be drawn. */
export function worldMapSpec(data: Dataset, filters: MapFilters, locale: Locale): MapSpec | null {
  const { drawn, notDrawn } = selectCities(data, filters);
  if (!drawn.length) return null;
  const extra = drawnBeyondFilters(drawn, filters);
  const filtered = !extra
    ? filterText(filters, locale)
    : filterText(filters, locale)
      ? t(locale, 'plusChosen', { filters: filterText(filters, locale), name: cityName(extra, locale) })
      : t(locale, 'plusChosenOnly', { name: cityName(extra, locale) });
  const count = extra ? drawn.length - 1 : drawn.length;
  const coloring = t(locale, filters.colorBy === 'tier' ? 'byTier' : 'byDecade');
  const notes: string[] = [];
  if (notDrawn.length)
    notes.push(
      t(locale, 'notDrawnNote', {
        names: formatList(
          notDrawn.map((c) => cityName(c, locale)),
          locale,
        ),
      }),
    );
  notes.push(t(locale, 'sourcesNote'));
  return {
    width: 1200,
    mapHeight: 630,
    title: t(locale, 'imageTitle'),
    subtitle: filtered
      ? t(locale, 'subtitleFiltered', { count, filters: filtered, coloring })
      : t(locale, 'subtitle', { count, coloring }),
    home: home(data, locale),
    points: drawn.map((c) => mapPoint(c, filters.colorBy, filters.chosen, locale)),
    view: filters.continent ? 'fit' : 'world',
    key: keyItems(drawn, filters, locale),
    numberedHeading: t(locale, 'numberedHeading'),
    notes,
  };
}

/** The arc from Wuhan to one city, for its /city card; null when the city has no coordinates. */
export function cityMapSpec(data: Dataset, city: City, locale: Locale): MapSpec | null {
  if (!city.coordinates) return null;
  const km = distanceText(data, city, locale)!;
  return {
    width: 800,
    mapHeight: 380,
    home: home(data, locale),
    points: [{ ...mapPoint(city, 'tier', city, locale) }],
    view: 'fit',
    key: [],
    numberedHeading: t(locale, 'numberedHeading'),
    notes: [t(locale, 'cityImageNote', { km })],
  };
}

export function cityMapDescription(data: Dataset, city: City, locale: Locale): string {
  return t(locale, 'cityImageDescription', {
    name: cityName(city, locale),
    km: distanceText(data, city, locale) ?? '?',
  });
}

/** "9,456" (km, great circle), or null without coordinates. */
function distanceText(data: Dataset, city: City, locale: Locale): string | null {
  const km = distanceFromWuhanKm(data, city);
  return km === null ? null : formatNumber(Math.round(km), locale);
}

/** The line a /city card shows under "Distance from Wuhan". */
export function distanceLine(data: Dataset, city: City, locale: Locale): string {
  const km = distanceText(data, city, locale);
  return km === null ? t(locale, 'distanceUnknown') : t(locale, 'distance', { km });
}

function legendLines(drawn: City[], filters: MapFilters, locale: Locale): string[] {
  const lines = [t(locale, 'legendWuhan')];
  if (filters.colorBy === 'tier') {
    if (drawn.some((c) => c.tier === 'friendship')) lines.push(t(locale, 'legendFriendship'));
    if (drawn.some((c) => c.tier === 'exchange')) lines.push(t(locale, 'legendExchange'));
    if (drawn.some((c) => !isPartner(c))) lines.push(t(locale, 'legendOtherTie'));
  } else {
    const decades = decadesOf(drawn).map((decade) =>
      decade === null
        ? t(locale, 'legendUndated', { color: t(locale, 'colorGrey') })
        : t(locale, 'legendDecade', {
            color: t(locale, decadeStyle(decade).name),
            decade: decadeLabel(decade, locale),
          }),
    );
    lines.push(t(locale, 'legendDecades', { decades: decades.join(locale === 'zh-CN' ? '，' : ', ') }));
  }
  if (drawn.some(isEnded)) lines.push(t(locale, 'legendDashed'));
  if (filters.chosen && drawn.includes(filters.chosen))
    lines.push(t(locale, 'legendChosen', { name: cityName(filters.chosen, locale) }));
  return lines.map(bullet);
}

export interface MapImageRef {
  /** "map.png": the attachment the card shows. */
  name: string;
  /** Cities labelled by number on the image, in number order. */
  numbered: { number: number; id: string; label: string }[];
}

export function mapCard(data: Dataset, filters: MapFilters, image: MapImageRef, locale: Locale): Card {
  const { drawn, notDrawn } = selectCities(data, filters);
  const extra = drawnBeyondFilters(drawn, filters);
  const description = [
    extra && !filterText(filters, locale)
      ? t(locale, 'descriptionPlusOther', {
          count: drawn.length - 1,
          name: cityName(extra, locale),
          tier: tierLabel(extra.tier, locale, true),
        })
      : extra
        ? t(locale, 'descriptionPlus', {
            count: drawn.length - 1,
            filters: filterText(filters, locale),
            name: cityName(extra, locale),
          })
        : drawn.length === 1
          ? t(locale, 'descriptionOne')
          : t(locale, 'description', { count: drawn.length }),
  ];
  if (filters.chosen && !filters.chosen.coordinates)
    description.push(t(locale, 'chosenNotDrawn', { name: cityName(filters.chosen, locale) }));
  const fields = [
    { name: t(locale, 'legendField'), value: fitLines(legendLines(drawn, filters, locale), 1024, locale) },
  ];
  if (image.numbered.length) {
    fields.push({
      name: t(locale, 'numberedField'),
      value: fitLines(
        image.numbered.map((n) => `**${n.number}** ${n.label}`),
        1024,
        locale,
      ),
    });
  }
  if (notDrawn.length) {
    fields.push({
      name: t(locale, 'notDrawnField'),
      value: fitLines(
        notDrawn.map((c) => bullet(t(locale, 'notDrawn', { name: cityName(c, locale) }))),
        1024,
        locale,
      ),
    });
  }
  const others = otherTies(data).filter((c) => c !== filters.chosen);
  if (others.length) {
    const names = others.map((c) =>
      locale === 'zh-CN'
        ? `${cityName(c, locale)}（${tierLabel(c.tier, locale, true)}）`
        : `${cityName(c, locale)} (${tierLabel(c.tier, locale, true)})`,
    );
    fields.push({
      name: t(locale, 'otherTiesField'),
      value: fitLines([t(locale, 'otherTies', { names: formatList(names, locale) })], 1024, locale),
    });
  }
  fields.push({
    name: t(locale, 'sourcesField'),
    value: [t(locale, 'sourceGeoNames'), t(locale, 'sourceNaturalEarth')].map(bullet).join('\n'),
  });
  return {
    title: t(locale, 'title'),
    description: description.join('\n\n'),
    fields,
    image: `attachment://${image.name}`,
    footer: footerText(data, locale),
    color: COLORS.neutral,
  };
}

export function noMatchReply(locale: Locale): Reply {
  return { content: t(locale, 'noMatch'), ephemeral: true };
}
