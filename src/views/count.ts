// /count: the official totals with their dates and sources, then what the dataset itself lists.
import type { City, Country, Dataset, PartnerTier, Total } from '../data/types.js';
import { breakdown } from '../domain/facts/breakdown.js';
import { coverageSentence } from '../domain/facts/coverage.js';
import { citiesInCountry, otherTiesInCountry, worldCountry } from '../domain/facts/country.js';
import { hasEnded, otherTies, sisterCityCount } from '../domain/facts/partners.js';
import { sourcesById } from '../domain/facts/sources.js';
import { latestAllPartnerTotal, officialTotals } from '../domain/facts/totals.js';
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
  shortSourceLinks,
  tierLabel,
  type Section,
} from './format.js';
import { pickMenu } from './common.js';
import type { Action, Card, Reply } from '../reply/reply.js';

function figure(total: Total, locale: Locale): string {
  // "more than 110", "about 107": the figure as loosely as its source gave it.
  const n = (x: number) =>
    total.qualifier
      ? t(locale, total.qualifier === 'about' ? 'about' : 'moreThan', { n: formatNumber(x, locale) })
      : formatNumber(x, locale);
  const { friendship, exchange } = total;
  if (friendship !== null && exchange !== null) {
    // No sum where the source gave none: the bot never makes up a total.
    if (total.total === null)
      return t(locale, 'bothTiersNoTotal', { friendship: n(friendship), exchange: n(exchange) });
    return t(locale, 'bothTiers', { total: n(total.total), friendship: n(friendship), exchange: n(exchange) });
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
    // The field is named by the date, so an English note's own "November 2013: " is not repeated.
    lines: [
      `**${figure(total, locale)}**`,
      locale === 'zh-CN' ? total.noteZh : total.note.replace(/^[^:.]*\d{4}: /, ''),
      shortSourceLinks(sourcesById(data, total.sources), locale),
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
    hasEnded(c.status)
      ? [
          t(locale, c.status.state === 'ended' ? 'ended' : 'phasingOut', {
            city: cityName(c, locale),
            date: formatDate(c.status, locale),
          }),
        ]
      : [],
  );
}

function otherTieNames(cities: City[], locale: Locale): string {
  const named = cities.map((c) =>
    locale === 'zh-CN'
      ? `${cityName(c, locale)}（${tierLabel(c.tier, locale, true)}）`
      : `${cityName(c, locale)} (${tierLabel(c.tier, locale, true)})`,
  );
  return formatList(named, locale);
}

/**
 * The answer first: the sister cities on Wuhan's latest official list with its date, those signed
 * since (never added to the official figure), the newest count of all partner cities, and what is not
 * a partner city at all.
 */
function answerText(data: Dataset, locale: Locale): string {
  const lines: string[] = [];
  const sisters = sisterCityCount(data);
  if (sisters) {
    const listSources = sourcesById(data, sisters.list.sources);
    lines.push(
      t(locale, 'answerList', {
        count: formatNumber(sisters.list.count, locale),
        date: formatDate(sisters.list.asOf, locale),
      }),
    );
    for (const city of sisters.since) {
      lines.push(
        t(locale, 'answerSince', {
          city: cityName(city, locale),
          date: city.established ? formatDate(city.established, locale) : '?',
        }),
      );
    }
    if (sisters.notActive.length)
      lines.push(t(locale, 'answerChanges', { changes: changeLines(sisters.notActive, locale).join(' ') }));
    lines.push(shortSourceLinks(listSources, locale));
  }
  const all = latestAllPartnerTotal(data);
  if (all) {
    lines.push(
      '',
      t(locale, 'answerAll', { date: formatDate(all.asOf, locale), figure: figure(all, locale) }),
      shortSourceLinks(sourcesById(data, all.sources), locale),
    );
  }
  const others = otherTies(data);
  if (others.length) lines.push('', t(locale, 'answerOthers', { names: otherTieNames(others, locale) }));
  return [`**${t(locale, 'answerTitle')}**`, ...lines].join('\n');
}

function datasetCard(data: Dataset, locale: Locale, tier?: PartnerTier): Card {
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

export function countReply(data: Dataset, locale: Locale, tier?: PartnerTier): Reply {
  // The answer is the message text, above the cards: Discord shows it first, and it stays out of the
  // 6,000 characters the cards share.
  return {
    content: answerText(data, locale),
    cards: [officialTotalsCard(data, locale), datasetCard(data, locale, tier)],
  };
}

function cityCount(count: number, tier: PartnerTier | undefined, locale: Locale): string {
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
function countrySummary(all: City[], tier: PartnerTier | undefined, country: Country, locale: Locale): string {
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
export function countryCard(
  data: Dataset,
  country: Country,
  locale: Locale,
  tier?: PartnerTier,
  withCoverage = false,
): Card {
  const all = citiesInCountry(data, country.code);
  const cities = all.filter((c) => !tier || c.tier === tier);
  const lines = cities.map((c) => relationshipLine(c, locale, { country: false }));
  const others = otherTiesInCountry(data, country.code);
  if (others.length) lines.push('', t(locale, 'countryOtherTies', { names: otherTieNames(others, locale) }));
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
 * A real country with no partner (Peru) gets that answer; anything else is not a country we know,
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
