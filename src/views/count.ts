// /count: the official totals with their dates and sources, then what the dataset itself lists.
import type { City, Country, Dataset, Tier, Total } from '../data/types.js';
import { breakdown } from '../domain/facts/breakdown.js';
import { coverageSentence } from '../domain/facts/coverage.js';
import { citiesInCountry } from '../domain/facts/country.js';
import { sourcesById } from '../domain/facts/sources.js';
import { officialTotals } from '../domain/facts/totals.js';
import { formatDate, formatList, formatNumber, type Locale } from '../i18n/index.js';
import { cityName, continentLabel, countryName } from '../i18n/names.js';
import { t } from './count.messages.js';
import {
  COLORS,
  fitCard,
  fitLines,
  flagEmoji,
  footerText,
  quoteUserText,
  relationshipLine,
  sourceLines,
  tierLabel,
  type Section,
} from './format.js';
import type { Card, Reply } from './reply.js';

function figure(total: Total, locale: Locale): string {
  const n = (x: number) => formatNumber(x, locale);
  const { friendship, exchange } = total;
  if (friendship !== null && exchange !== null) {
    return t(locale, 'bothTiers', { total: n(total.total ?? friendship + exchange), friendship: n(friendship), exchange: n(exchange) });
  }
  if (friendship !== null) return t(locale, 'friendshipOnly', { friendship: n(friendship) });
  if (exchange !== null) return t(locale, 'exchangeOnly', { exchange: n(exchange) });
  if (total.total !== null && total.countries !== undefined) {
    return t(locale, 'totalCountries', { total: n(total.total), countries: n(total.countries) });
  }
  return t(locale, 'totalOnly', { total: n(total.total ?? 0) });
}

export function officialTotalsCard(data: Dataset, locale: Locale): Card {
  const totals = officialTotals(data);
  const sections: Section[] = totals.map((total) => ({
    name: formatDate(total.asOf, locale),
    lines: [`**${figure(total, locale)}**`, locale === 'zh-CN' ? total.noteZh : total.note, ...sourceLines(sourcesById(data, total.sources), locale)].filter(Boolean),
    minChars: 200,
  }));
  const base = { title: t(locale, 'officialTitle'), color: COLORS.friendship, ...(totals.length ? {} : { description: t(locale, 'officialNone') }) };
  return fitCard(base, sections, locale);
}

function tallyLines<K>(items: { key: K; count: number }[], label: (k: K) => string, locale: Locale): string[] {
  return items.map((i) => t(locale, 'tally', { label: label(i.key), count: formatNumber(i.count, locale) }));
}

function changeLines(cities: City[], locale: Locale): string[] {
  return cities.flatMap((c) =>
    c.status.state === 'active'
      ? []
      : [t(locale, c.status.state === 'ended' ? 'ended' : 'phasingOut', { city: cityName(c, locale), date: formatDate(c.status, locale) })],
  );
}

export function datasetCard(data: Dataset, locale: Locale, tier?: Tier): Card {
  const b = breakdown(data, tier);
  const countryLabel = (c: Country) => `${flagEmoji(c.code)} ${countryName(c, locale)}`.trim();
  const decades = tallyLines(b.byDecade, (d) => t(locale, 'decade', { decade: d }), locale);
  if (b.undated) decades.push(t(locale, 'tally', { label: t(locale, 'undated'), count: formatNumber(b.undated, locale) }));
  const sections: Section[] = [
    { name: t(locale, 'byTier'), lines: tallyLines(b.byTier, (k) => tierLabel(k, locale), locale), inline: true },
    { name: t(locale, 'byContinent'), lines: tallyLines(b.byContinent, (k) => continentLabel(k, locale), locale), inline: true },
    { name: t(locale, 'byDecade'), lines: decades, inline: true },
    // Countries on one line each would take a field per dozen; a comma list keeps them all in one.
    { name: t(locale, 'byCountry'), lines: [tallyLines(b.byCountry, countryLabel, locale).join(locale === 'zh-CN' ? '；' : '; ')], minChars: 300 },
    { name: t(locale, 'notActive'), lines: changeLines(b.notActive, locale) },
  ];
  if (tier) {
    sections.push({ name: t(locale, 'cities'), lines: [b.cities.map((c) => cityName(c, locale)).join(locale === 'zh-CN' ? '、' : ', ')], minChars: 300 });
  }
  return fitCard(
    {
      title: tier ? t(locale, 'datasetTierTitle', { tier: tierLabel(tier, locale) }) : t(locale, 'datasetTitle'),
      description: coverageSentence(data, locale),
      footer: footerText(data, locale),
      color: COLORS.neutral,
    },
    sections,
    locale,
  );
}

export function countReply(data: Dataset, locale: Locale, tier?: Tier): Reply {
  return { cards: [officialTotalsCard(data, locale), datasetCard(data, locale, tier)] };
}

/** The partners in one country, for /count country: and /country. */
export function countryCard(data: Dataset, country: Country, locale: Locale, tier?: Tier): Card {
  const cities = citiesInCountry(data, country.code).filter((c) => !tier || c.tier === tier);
  const name = countryName(country, locale);
  const count = cities.length === 1 ? t(locale, 'countryOne') : t(locale, 'countryMany', { count: cities.length });
  const lines = cities.map((c) => relationshipLine(c, locale, { country: false }));
  return {
    title: `${flagEmoji(country.code)} ${t(locale, 'countryTitle', { country: name })}`.trim(),
    description: [
      cities.length ? t(locale, 'countryCount', { count, country: name }) : t(locale, 'countryNone', { country: name }),
      fitLines(lines, 3500, locale),
    ]
      .filter(Boolean)
      .join('\n\n'),
    footer: footerText(data, locale),
    color: COLORS.neutral,
  };
}

export function unknownCountryReply(input: string, suggestions: Country[], locale: Locale): Reply {
  const head = t(locale, 'unknownCountry', { text: quoteUserText(input, locale) });
  const tail = suggestions.length
    ? t(locale, 'closeCountries', { names: formatList(suggestions.map((c) => countryName(c, locale)), locale) })
    : t(locale, 'noCloseCountries');
  return { content: `${head}\n${tail}`, ephemeral: true };
}

export function emptyCountryReply(locale: Locale): Reply {
  return { content: t(locale, 'emptyCountry'), ephemeral: true };
}
