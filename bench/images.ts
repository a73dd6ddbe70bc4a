// Image figures: how long the first /map, /city and /timeline images take to draw (the very first
// includes reading the country shapes and fonts), what a cached repeat costs, and how big the PNGs
// are. Run alone with `npx tsx bench/images.ts`; bench/run.ts collects the returned record.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app/create.js';
import { command as city } from '../src/commands/city.js';
import { command as map } from '../src/commands/map.js';
import { command as timeline } from '../src/commands/timeline.js';
import type { Command, CommandContext, OptionValue } from '../src/commands/types.js';
import type { Locale } from '../src/i18n/index.js';
import type { Reply } from '../src/reply/reply.js';
import { round } from './stats.js';

const ms = (n: number) => round(n, 1);
const kb = (bytes: number) => Math.round(bytes / 1024);
const CACHED_RUNS = 1000;

export async function benchImages(): Promise<Record<string, number | string>> {
  // A fresh App has a fresh dataset object, hence an empty image cache.
  const app = createApp({ databasePath: ':memory:' });
  const context = (locale: Locale): CommandContext => ({
    app,
    locale,
    userLocale: locale,
    user: { id: 'bench', name: 'bench' },
    guildId: null,
    channelId: 'bench',
    canManageMessages: false,
  });
  const timed = async (command: Command, options: Record<string, OptionValue>, locale: Locale = 'en') => {
    const t0 = performance.now();
    const reply: Reply = await command.run({ options }, context(locale));
    return { ms: performance.now() - t0, bytes: reply.files?.[0]?.data.byteLength ?? 0 };
  };
  const mean = async (command: Command, options: Record<string, OptionValue>) => {
    const t0 = performance.now();
    for (let i = 0; i < CACHED_RUNS; i++) await command.run({ options }, context('en'));
    return (performance.now() - t0) / CACHED_RUNS;
  };

  const firstMap = await timed(map, {});
  const firstMapZh = await timed(map, {}, 'zh-CN');
  const europe = await timed(map, { continent: 'europe', color: 'decade' });
  const chosen = await timed(map, { city: 'Concepción' });
  const firstChart = await timed(timeline, {});
  const chartZh = await timed(timeline, {}, 'zh-CN');

  const cityMaps: { id: string; ms: number; bytes: number }[] = [];
  for (const c of app.data.cities) {
    if (c.coordinates) cityMaps.push({ id: c.id, ...(await timed(city, { name: c.id })) });
  }
  cityMaps.sort((a, b) => b.ms - a.ms);
  const largestCity = [...cityMaps].sort((a, b) => b.bytes - a.bytes)[0]!;
  const medianCity = cityMaps[Math.floor(cityMaps.length / 2)]!;

  const cachedMap = await mean(map, {});
  const cachedCity = await mean(city, { name: 'Duisburg' });
  const cachedChart = await mean(timeline, {});
  app.quiz.close();

  return {
    'first /map in the process, incl. reading shapes + fonts (ms)': ms(firstMap.ms),
    'first /map zh-CN (ms)': ms(firstMapZh.ms),
    'first /map continent:europe color:decade (ms)': ms(europe.ms),
    'first /map city:Concepción (ms)': ms(chosen.ms),
    'first /timeline chart (ms)': ms(firstChart.ms),
    'first /timeline chart zh-CN (ms)': ms(chartZh.ms),
    [`first /city map, median of ${cityMaps.length} (ms)`]: ms(medianCity.ms),
    'first /city map, slowest (ms)': `${ms(cityMaps[0]!.ms)} (${cityMaps[0]!.id})`,
    [`cached /map, whole command, mean of ${CACHED_RUNS} (ms)`]: round(cachedMap, 3),
    'cached /city Duisburg, whole command (ms)': round(cachedCity, 3),
    'cached /timeline, whole command (ms)': round(cachedChart, 3),
    '/map PNG (KB)': kb(firstMap.bytes),
    '/map zh-CN PNG (KB)': kb(firstMapZh.bytes),
    '/map continent:europe PNG (KB)': kb(europe.bytes),
    '/timeline PNG (KB)': kb(firstChart.bytes),
    'largest /city map PNG (KB)': `${kb(largestCity.bytes)} (${largestCity.id})`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, value] of Object.entries(await benchImages())) console.log(`${name}: ${value}`);
}
