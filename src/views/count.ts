// /count: the official totals with their dates and sources, then what the dataset itself lists.
import type { City, Country, Dataset, Tier, Total } from '../data/types.js';
import { breakdown } from '../domain/facts/breakdown.js';
import { coverageSentence } from '../domain/facts/coverage.js';
import { citiesInCountry, worldCountry } from '../domain/facts/country.js';
import { sourcesById } from '../domain/facts/sources.js';
import { officialTotals } from '../domain/facts/totals.js';
import { formatDate, formatList, formatNumber, type Locale } from '../i18n/index.js';
import { cityName, continentLabel, countryInProse, countryName, decadeLabel } from '../i18n/names.js';
import { t } from './count.messages.js';
import {
  cleanQuery,
  COLORS,
  fitCard,
  fitLines,
  flagEmoji,
  footerText,
  orList,
  quoteUserText,
  relationshipLine,
  sourceLines,
  tierLabel,
  type Section,
} from './format.js';
import { pickMenu } from './common.js';
import type { Action, Card, Reply } from '../reply/reply.js';

function figure(total: Total, locale: Locale): string {
  const n = (x: number) => formatNumber(x, locale);
  const { friendship, exchange } = total;
  if (friendship !== null && exchange !== null) {
    return t(locale, 'bothTiers', {
      total: n(total.total ?? friendship + exchange),
      friendship: n(friendship),
      exchange: n(exchange),
    });
  }
  if (friendship !== null) return t(locale, 'friendshipOnly', { friendship: n(friendship) });
  if (exchange !== null) return t(locale, 'exchangeOnly', { exchange: n(exchange) });
  if (total.total !== null && total.countries !== undefined) {
    return t(locale, 'totalCountries', { total: n(total.total), countries: n(total.countries) });
  }
  return t(locale, 'totalOnly', { total: n(total.total ?? 0) });
}

function officialTotalsCard(data: Dataset, locale: Locale): Card {
  const totals = officialTotals(data);
  const sections: Section[] = totals.map((total) => ({
    name: formatDate(total.asOf, locale),
    lines: [
      `**${figure(total, locale)}**`,
      locale === 'zh-CN' ? total.noteZh : total.note,
      ...sourceLines(sourcesById(data, total.sources), locale),
    ].filter(Boolean),
    minChars: 200,
  }));
  const base = {
    title: t(locale, 'officialTitle'),
    color: COLORS.friendship,
    description: t(locale, totals.length ? 'officialIntro' : 'officialNone'),
  };
  return fitCard(base, sections, locale);
}

function tallyLines<K>(items: { key: K; count: number }[], label: (k: K) => string, locale: Locale): string[] {
  return items.map((i) => t(locale, 'tally', { label: label(i.key), count: formatNumber(i.count, locale) }));
}

function changeLines(cities: City[], locale: Locale): string[] {
  return cities.flatMap((c) =>
    c.status.state === 'active'
      ? []
      : [
          t(locale, c.status.state === 'ended' ? 'ended' : 'phasingOut', {
            city: cityName(c, locale),
            date: formatDate(c.status, locale),
          }),
        ],
  );
}

function datasetCard(data: Dataset, locale: Locale, tier?: Tier): Card {
  const b = breakdown(data, tier);
  const countryLabel = (c: Country) => `${flagEmoji(c.code)} ${countryName(c, locale)}`.trim();
  const decades = tallyLines(b.byDecade, (d) => decadeLabel(d, locale), locale);
  if (b.undated)
    decades.push(t(locale, 'tally', { label: t(locale, 'undated'), count: formatNumber(b.undated, locale) }));
  const sections: Section[] = [
    { name: t(locale, 'byTier'), lines: tallyLines(b.byTier, (k) => tierLabel(k, locale), locale), inline: true },
    {
      name: t(locale, 'byContinent'),
      lines: tallyLines(b.byContinent, (k) => continentLabel(k, locale), locale),
      inline: true,
    },
    { name: t(locale, 'byDecade'), lines: decades, inline: true },
    // Countries on one line each would take a field per dozen; a comma list keeps them all in one.
    {
      name: t(locale, 'byCountry'),
      lines: [tallyLines(b.byCountry, countryLabel, locale).join(locale === 'zh-CN' ? '；' : '; ')],
      minChars: 300,
    },
    { name: t(locale, 'notActive'), lines: changeLines(b.notActive, locale) },
  ];
  if (tier) {
    sections.push({
      name: t(locale, 'cities'),
      lines: [b.cities.map((c) => cityName(c, locale)).join(locale === 'zh-CN' ? '、' : ', ')],
      minChars: 300,
    });
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

function cityCount(count: number, tier: Tier | undefined, locale: Locale): string {
  const kind = tier ?? 'partner';
  return count === 1 ? t(locale, `${kind}One`) : t(locale, `${kind}Many`, { count });
}

function listNames(cities: City[], locale: Locale): string {
  return formatList(
    cities.map((c) => cityName(c, locale)),
    locale,
  );
}

/** The sentence above the list: how many, split by tier when both appear; what the other tier has when a tier has none. */
function countrySummary(all: City[], tier: Tier | undefined, country: Country, locale: Locale): string {
  const name = countryInProse(country, locale);
  const shown = all.filter((c) => !tier || c.tier === tier);
  if (!all.length) return t(locale, 'countryNone', { country: name });
  if (!shown.length) {
    const others = (['friendship', 'exchange'] as const).flatMap((other) => {
      const cities = all.filter((c) => c.tier === other);
      return cities.length
        ? [
            t(locale, 'otherTierCities', {
              count: cityCount(cities.length, other, locale),
              cities: listNames(cities, locale),
            }),
          ]
        : [];
    });
    return t(locale, 'countryNoneOfTier', {
      tier: t(locale, `${tier!}Noun`),
      country: name,
      others: others.join(locale === 'zh-CN' ? '；' : '; '),
    });
  }
  const count = cityCount(shown.length, tier, locale);
  const tiers = (['friendship', 'exchange'] as const).map((k) => shown.filter((c) => c.tier === k).length);
  if (tier || tiers.some((n) => n === 0)) return t(locale, 'countryCount', { count, country: name });
  const split = formatList(
    [cityCount(tiers[0]!, 'friendship', locale), cityCount(tiers[1]!, 'exchange', locale)],
    locale,
  );
  return t(locale, 'countryCountTiers', { count, country: name, tiers: split });
}

/**
 * The partners in one country, for /country and /count country:, which adds how complete the
 * dataset is (`withCoverage`) since it answers "how many".
 */
export function countryCard(data: Dataset, country: Country, locale: Locale, tier?: Tier, withCoverage = false): Card {
  const all = citiesInCountry(data, country.code);
  const cities = all.filter((c) => !tier || c.tier === tier);
  const lines = cities.map((c) => relationshipLine(c, locale, { country: false }));
  return {
    title:
      `${flagEmoji(country.code)} ${t(locale, 'countryTitle', { country: countryInProse(country, locale) })}`.trim(),
    description: [
      countrySummary(all, tier, country, locale),
      fitLines(lines, 3500, locale),
      withCoverage ? coverageSentence(data, locale) : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    footer: footerText(data, locale),
    color: COLORS.neutral,
  };
}

/** A did-you-mean menu of countries; `customId` says which command answers the pick. */
function countryMenu(countries: Country[], locale: Locale, customId: string): Action[][] {
  return pickMenu(
    customId,
    t(locale, 'pickCountry'),
    countries.map((c) => ({ label: `${c.name} · ${c.zh}`, value: c.code })),
  );
}

/**
 * A real country with no partner (Brazil) gets that answer; anything else is not a country we know,
 * with close names to pick from.
 */
export function unknownCountryReply(input: string, suggestions: Country[], locale: Locale, customId: string): Reply {
  const real = worldCountry(cleanQuery(input));
  if (real) return { content: t(locale, 'noPartnerInCountry', { country: countryInProse(real, locale) }) };
  const head = t(locale, 'unknownCountry', { text: quoteUserText(input, locale) });
  const tail = suggestions.length
    ? t(locale, 'closeCountries', {
        names: orList(
          suggestions.map((c) => countryName(c, locale)),
          locale,
        ),
      })
    : t(locale, 'noCloseCountries');
  return { content: `${head}\n${tail}`, actions: countryMenu(suggestions, locale, customId), ephemeral: true };
}

export function emptyCountryReply(locale: Locale): Reply {
  return { content: t(locale, 'emptyCountry'), ephemeral: true };
}

export function mentionCountryReply(locale: Locale): Reply {
  return { content: t(locale, 'mentionCountry'), ephemeral: true };
}
