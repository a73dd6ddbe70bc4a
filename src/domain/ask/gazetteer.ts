// Place names beyond Wuhan's partners: GeoNames' populated places of 15,000 people or more, as
// scripts/gazetteer.ts writes them into gazetteer.txt. Read on first use (a rare path: only a
// question that names an unknown capitalised place asks), a few milliseconds.
import { readFileSync } from 'node:fs';
import { compact, fold } from '../text.js';

/** How a name is compared: folded (case, accents), spaces and punctuation dropped. */
export function gazetteerKey(name: string): string {
  return compact(fold(name));
}

let names: Set<string> | undefined;

/** True when GeoNames has a populated place of that name (of some size): "Paris", "Springfield". */
export function isGazetteerPlace(name: string): boolean {
  names ??= new Set(
    readFileSync(new URL('../../../assets/gazetteer.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
  const key = gazetteerKey(name);
  return key.length > 1 && names.has(key);
}
