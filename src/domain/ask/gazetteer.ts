// Place names beyond Wuhan's partners: GeoNames' populated places of 15,000 people or more, as
// scripts/gazetteer.ts writes them into gazetteer.txt, each with the country its biggest place of
// that name is in, where one clearly is. Read on first use (a rare path: only a question that names
// an unknown place asks), a few milliseconds.
import { readFileSync } from 'node:fs';
import { compact, fold } from '../text.js';

/** How a name is compared: folded (case, accents), spaces and punctuation dropped. */
export function gazetteerKey(name: string): string {
  return compact(fold(name));
}

/** Folded name → ISO country code, or '' where places of that name are in several countries. */
let names: Map<string, string> | undefined;

function gazetteer(): Map<string, string> {
  names ??= new Map(
    readFileSync(new URL('../../../assets/gazetteer.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name, country = ''] = line.split('\t');
        return [name!, country] as const;
      }),
  );
  return names;
}

/** True when GeoNames has a populated place of that name (of some size): "Paris", "Springfield". */
export function isGazetteerPlace(name: string): boolean {
  const key = gazetteerKey(name);
  return key.length > 1 && gazetteer().has(key);
}

/** The country a place name stands for ("Nagoya" → "JP"), or null where it could be in several. */
export function gazetteerCountry(name: string): string | null {
  const key = gazetteerKey(name);
  return (key.length > 1 && gazetteer().get(key)) || null;
}
