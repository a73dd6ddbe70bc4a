// The look-ups several commands share: a city or a country from what a user typed (or an autocomplete
// id), and the autocomplete choices for both. Anything but one confident match comes back as the reply
// to show instead, so every command answers "did you mean" the same way.
import type { City, Country } from '../data/types.js';
import type { Locale } from '../i18n/index.js';
import type { Reply } from '../reply/reply.js';
import { ambiguousReply, emptyNameReply, mentionNameReply, notFoundReply } from '../views/city.js';
import { emptyCountryReply, mentionCountryReply, unknownCountryReply } from '../views/count.js';
import { cityLabel, cleanQuery, isOnlyMentions } from '../views/format.js';
import type { App } from './app.js';

/** An autocomplete entry, as every front end offers them. */
export interface AutocompleteChoice {
  name: string;
  value: string;
}

/** Longer input cannot be a city name; cutting it keeps lookups cheap on pasted walls of text. */
const MAX_CITY_QUERY = 200;
/** As many close names as a not-found reply offers. */
const NOT_FOUND_SUGGESTIONS = 5;

/** Autocomplete entries for cities: "Duisburg · 杜伊斯堡市 (Germany)" → "duisburg". */
export function cityChoices(app: App, text: string, locale: Locale): AutocompleteChoice[] {
  return app.resolver
    .suggest(cleanQuery(text.slice(0, MAX_CITY_QUERY)), 25)
    .map((c) => ({ name: Array.from(cityLabel(c, locale)).slice(0, 100).join(''), value: c.id }));
}

export type CityLookup = { kind: 'city'; city: City } | { kind: 'reply'; reply: Reply };

/**
 * An autocomplete id first, then the resolver on free text. Anything but one confident match becomes
 * the reply the user should see instead (empty, did you mean, not found), whose menu of cities has
 * `pickId` as its custom_id: the command that asked shows its own answer for the city picked.
 */
export function lookUpCity(app: App, raw: unknown, locale: Locale, pickId: string): CityLookup {
  const typed = typeof raw === 'string' ? raw.slice(0, MAX_CITY_QUERY) : '';
  if (isOnlyMentions(typed)) return { kind: 'reply', reply: mentionNameReply(locale) };
  const text = cleanQuery(typed);
  if (!text) return { kind: 'reply', reply: emptyNameReply(locale) };
  const byId = app.resolver.byId(text);
  if (byId) return { kind: 'city', city: byId };
  const found = app.resolver.resolve(text);
  switch (found.kind) {
    case 'match':
      return { kind: 'city', city: found.city };
    case 'ambiguous':
      return { kind: 'reply', reply: ambiguousReply(found.candidates, locale, pickId) };
    case 'none': {
      // The resolver's guesses, or else what autocomplete offers for the same text ("a" → Arnhem, Ashdod…).
      const close = found.suggestions.length ? found.suggestions : app.resolver.suggest(text, NOT_FOUND_SUGGESTIONS);
      return { kind: 'reply', reply: notFoundReply(typed, close, locale, pickId) };
    }
  }
}

const MAX_COUNTRY_QUERY = 100;
/** As many close names as an unknown-country reply offers. */
const CLOSE_COUNTRIES = 5;

/** Autocomplete entries for countries: "Germany · 德国" → "DE". */
export function countryChoices(app: App, text: string): AutocompleteChoice[] {
  return app.resolver
    .suggestCountries(cleanQuery(text.slice(0, MAX_COUNTRY_QUERY)), 25)
    .map((c) => ({ name: `${c.name} · ${c.zh}`, value: c.code }));
}

export type CountryLookup = { kind: 'country'; country: Country } | { kind: 'reply'; reply: Reply };

/** Like lookUpCity: anything but one country becomes the reply to show, its menu answered by `pickId`. */
export function lookUpCountry(app: App, raw: string, locale: Locale, pickId: string): CountryLookup {
  const typed = raw.slice(0, MAX_COUNTRY_QUERY);
  if (isOnlyMentions(typed)) return { kind: 'reply', reply: mentionCountryReply(locale) };
  const text = cleanQuery(typed);
  if (!text) return { kind: 'reply', reply: emptyCountryReply(locale) };
  const country = app.resolver.resolveCountry(text);
  if (country) return { kind: 'country', country };
  return {
    kind: 'reply',
    reply: unknownCountryReply(typed, app.resolver.suggestCountries(text, CLOSE_COUNTRIES), locale, pickId),
  };
}

/** A country picked from a did-you-mean menu: the select's value is its ISO code. */
export function pickedCountry(app: App, values: string[]): Country | null {
  return values[0] ? app.resolver.resolveCountry(values[0]) : null;
}
