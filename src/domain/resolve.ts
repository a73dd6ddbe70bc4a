// Turns what people type ("Duisberg", "杜伊斯堡市", "Kiev", "du yi si bao") into one of Wuhan's partner
// cities, or says it cannot. Order: exact name or alias, unique prefix, then fuzzy (fuse.js) behind a
// strict typo budget. Showing the wrong city is the worst outcome, so every doubtful case becomes
// "ambiguous" (ask the user) or "none" with suggestions.
// The parts live in ./resolve/: names (prepared names), city-index (built once per dataset), results
// (exact and prefix), typos (fuzzy), mentions (names in free text), cities (resolve, suggest), countries.
import type { Dataset } from '../data/types.js';
import { resolve, suggest } from './resolve/cities.js';
import { buildCityIndex } from './resolve/city-index.js';
import { resolveCountry, suggestCountries } from './resolve/countries.js';
import { findInText } from './resolve/mentions.js';
import type { Resolver } from './resolution.js';

export function createResolver(data: Dataset): Resolver {
  const ix = buildCityIndex(data);
  return {
    resolve: (input) => resolve(ix, input),
    suggest: (input, limit) => suggest(ix, input, limit),
    findInText: (text) => findInText(ix, text),
    resolveCountry: (input) => resolveCountry(ix, input),
    suggestCountries: (input, limit) => suggestCountries(ix, input, limit),
    byId: (id) => ix.cityById.get(id),
  };
}
