// The images commands attach: drawn on first use, then served from the per-dataset cache, so a
// repeated /map costs a lookup. Drawing takes tens of milliseconds; the router defers the reply
// should it ever take longer than Discord's acknowledgement allows.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { City, Dataset } from '../data/types.js';
import type { YearRange } from '../domain/facts/timeline.js';
import { LOCALES, type Locale } from '../i18n/index.js';
import { imageCache, type CachedImage } from '../render/image/cache.js';
import { renderChart } from '../render/image/chart.js';
import { renderMap, type MapSpec } from '../render/image/map.js';
import { chartDescription, timelineChartSpec } from '../views/chart.js';
import { cityMapDescription, cityMapSpec, selectCities, worldMapSpec, type MapFilters } from '../views/map.js';
import type { Reply, ReplyFile } from '../reply/reply.js';

export const MAP_FILE = 'map.png';
const TIMELINE_FILE = 'timeline.png';

function cityMapFile(city: City): string {
  return `map-${city.id}.png`;
}

function drawMap(spec: MapSpec): CachedImage {
  const { png, width, height, layout } = renderMap(spec);
  return { png, width, height, numbered: layout.numbered };
}

/** The /map image for these filters, or null when none of the cities they select can be drawn. */
export function worldMapImage(data: Dataset, filters: MapFilters, locale: Locale): CachedImage | null {
  if (selectCities(data, filters).drawn.length === 0) return null;
  const key = [
    'map',
    locale,
    filters.tier ?? '',
    filters.continent ?? '',
    filters.chosen?.id ?? '',
    filters.colorBy,
  ].join('|');
  return imageCache(data).get(key, () => drawMap(worldMapSpec(data, filters, locale)!));
}

/** The arc from Wuhan to `city` as a file, or null when the city has no coordinates. */
export function cityMapImage(data: Dataset, city: City, locale: Locale): ReplyFile | null {
  if (!city.coordinates) return null;
  const image = imageCache(data).get(['city', locale, city.id].join('|'), () =>
    drawMap(cityMapSpec(data, city, locale)!),
  );
  return { name: cityMapFile(city), data: image.png, description: cityMapDescription(data, city, locale) };
}

export function timelineChartImage(data: Dataset, range: YearRange, locale: Locale): ReplyFile {
  const key = ['timeline', locale, range.from ?? '', range.to ?? ''].join('|');
  const image = imageCache(data).get(key, () => {
    const { png, width, height } = renderChart(timelineChartSpec(data, range, locale));
    return { png, width, height, numbered: [] };
  });
  return { name: TIMELINE_FILE, data: image.png, description: chartDescription(locale) };
}

/** `reply` with `file` attached and shown in its first card. */
export function withImage(reply: Reply, file: ReplyFile | null): Reply {
  const [first, ...rest] = reply.cards ?? [];
  if (!file || !first) return reply;
  return {
    ...reply,
    cards: [{ ...first, image: `attachment://${file.name}` }, ...rest],
    files: [...(reply.files ?? []), file],
  };
}

/**
 * Draws the images asked for most (every city's map, the plain /map and the full /timeline chart, in
 * both languages) ahead of time, one per event-loop turn so interactions keep being served in between.
 * The warm-up (warm-up.ts) runs it once the front end is connected (so start-up loads none of the
 * renderer, fonts or maps): the first /city after a restart then costs a cache lookup instead of a render. Stops early
 * when `signal` aborts (shutdown). Returns how many it drew.
 */
export async function warmImageCache(data: Dataset, signal?: AbortSignal): Promise<number> {
  const cache = imageCache(data);
  const before = cache.size;
  const jobs: (() => unknown)[] = [];
  for (const locale of LOCALES) {
    jobs.push(() => worldMapImage(data, { colorBy: 'tier' }, locale));
    jobs.push(() => timelineChartImage(data, {}, locale));
    for (const city of data.cities) jobs.push(() => cityMapImage(data, city, locale));
  }
  for (const job of jobs) {
    await nextTurn();
    if (signal?.aborted) break;
    job();
  }
  return cache.size - before;
}
