// Resolver figures on the real dataset: top-1 accuracy on test/fixtures/resolver-queries.json, wrong
// cities shown, per-call latency of resolve / suggest / findInText, and index build time.
// Run alone with `npx tsx bench/resolver.ts`; bench/run.ts collects the returned record.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../src/data/load.js';
import type { Dataset } from '../src/data/types.js';
import type { Resolution } from '../src/domain/resolution.js';
import { createResolver } from '../src/domain/resolve.js';
import { latency, percentile, round } from './stats.js';

interface ResolverQuery {
  q: string;
  repeat?: number;
  expect: string | null | { ambiguous: string[] };
  kind: string;
  knownMiss?: string;
}

const FIXTURES = new URL('../test/fixtures/resolver-queries.json', import.meta.url);
const BUILD_RUNS = 20;

const SENTENCES = [
  'when did Wuhan twin with Bordeaux?',
  '武汉和杜伊斯堡什么时候结为友好城市？',
  'what do Wuhan and Manchester work on together',
  'How are Duisberg and Christchruch linked to Wuhan?',
  'Tell me about San Francisco and St. Louis',
  '청주와 우한의 관계',
  'Is Paris a sister city of Wuhan?',
  'How many sister cities does Wuhan have, and which one is the oldest?',
  'a'.repeat(6000),
];

function describe(resolution: Resolution): string {
  if (resolution.kind === 'match') return resolution.city.id;
  if (resolution.kind === 'ambiguous') return `ambiguous(${resolution.candidates.map((c) => c.id).join(',')})`;
  return `none(${resolution.suggestions.map((c) => c.id).join(',')})`;
}

export async function benchResolver(data: Dataset = loadDataset()): Promise<Record<string, number | string>> {
  const queries = JSON.parse(readFileSync(FIXTURES, 'utf8')) as ResolverQuery[];

  let start = performance.now();
  const resolver = createResolver(data);
  const firstBuild = performance.now() - start;
  const builds: number[] = [];
  for (let run = 0; run < BUILD_RUNS; run++) {
    start = performance.now();
    createResolver(data);
    builds.push(performance.now() - start);
  }
  builds.sort((a, b) => a - b);

  let correct = 0;
  let wrong = 0;
  const misses: string[] = [];
  const inputs = queries.map((entry) => (entry.repeat ? entry.q.repeat(entry.repeat) : entry.q));
  queries.forEach((entry, index) => {
    const resolution = resolver.resolve(inputs[index]!);
    const expected = entry.expect;
    let ok: boolean;
    if (typeof expected === 'string') ok = resolution.kind === 'match' && resolution.city.id === expected;
    else if (expected === null) ok = resolution.kind === 'none';
    else {
      ok =
        resolution.kind === 'ambiguous' &&
        resolution.candidates.length === expected.ambiguous.length &&
        resolution.candidates.every((city) => expected.ambiguous.includes(city.id));
    }
    // Wrong: a city shown as the answer that is not the one meant (or when none was meant).
    const isWrong =
      resolution.kind === 'match' &&
      (typeof expected === 'string'
        ? resolution.city.id !== expected
        : !expected?.ambiguous.includes(resolution.city.id));
    if (ok) correct++;
    else misses.push(`${JSON.stringify(inputs[index]!.slice(0, 30))} → ${describe(resolution)}`);
    if (isWrong) wrong++;
  });

  // Autocomplete sees every prefix of what is typed, one keystroke at a time.
  const keystrokes = inputs.flatMap((input) => {
    const chars = [...input.slice(0, 40)];
    return chars.map((_, length) => chars.slice(0, length + 1).join(''));
  });
  const resolveTimes = latency(inputs, (input) => resolver.resolve(input));
  const suggestTimes = latency(keystrokes, (input) => resolver.suggest(input));
  const findTimes = latency(SENTENCES, (input) => resolver.findInText(input));

  return {
    queries: queries.length,
    'top-1 accuracy': Math.round((correct / queries.length) * 10_000) / 100,
    'wrong cities shown': wrong,
    'resolve p50 ms': round(resolveTimes.p50, 4),
    'resolve p99 ms': round(resolveTimes.p99, 4),
    'suggest p50 ms': round(suggestTimes.p50, 4),
    'suggest p99 ms': round(suggestTimes.p99, 4),
    'findInText p50 ms': round(findTimes.p50, 4),
    'findInText p99 ms': round(findTimes.p99, 4),
    'index build ms (first, incl. ICU country names)': round(firstBuild, 4),
    'index build ms (median)': round(percentile(builds, 0.5), 4),
    misses: misses.join('; ') || '(none)',
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchResolver();
  for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
}
