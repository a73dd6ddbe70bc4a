// What the resolver answers. Implemented in ./resolve.ts; used by commands, /ask and the quiz.
import type { City, Country } from '../data/types.js';

export type Resolution =
  /** One city, confidently: exact name/alias, unique prefix, or a fuzzy hit clearly ahead of the rest. */
  | { kind: 'match'; city: City; via: 'exact' | 'prefix' | 'fuzzy'; matched: string }
  /** Several cities are about as likely: ask the user ("did you mean"). At most 5, best first. */
  | { kind: 'ambiguous'; candidates: City[] }
  /** Nothing good enough. `suggestions` are weak guesses to offer, never to answer with. */
  | { kind: 'none'; suggestions: City[] };

export interface CityMention {
  city: City;
  /** The text as it appeared in the input. */
  text: string;
  start: number;
  end: number;
}

export interface Resolver {
  resolve(input: string): Resolution;
  /** Autocomplete: ranked exact, prefix, then fuzzy; at most `limit` (25 at most). */
  suggest(input: string, limit?: number): City[];
  /** Cities named inside a sentence, in any script ("when did Wuhan twin with Bordeaux?"). */
  findInText(text: string): CityMention[];
  /** A country by English or Chinese name or ISO code ("Germany", "德国", "de", "UK"). */
  resolveCountry(input: string): Country | null;
  suggestCountries(input: string, limit?: number): Country[];
  byId(id: string): City | undefined;
}
