// /ask views: Counts, lists, countries, tiers, rank, sources and distances.
import type { City, Dataset } from '../data/types.js';
import { type Answer, type CityDistance, tierHedges } from '../domain/ask/index.js';
import { hasEnded, onOfficialList, otherTies, sisterCityCount } from '../domain/facts/partners.js';
import { latestTotalFor } from '../domain/facts/totals.js';
import { formatDate, formatList, formatNumber, type Locale } from '../i18n/index.js';
import { cityName, continentLabel, countryInProse, countryName, seatName } from '../i18n/names.js';
import { t } from './ask.messages.js';
import { bullet, dateText, flagEmoji, localText, tierLabel } from './format.js';
import {
  type AskView,
  type AskViews,
  type Body,
  colon,
  establishedDate,
  hasScope,
  scopeText,
  statusLine,
} from './ask-common.js';

function sourcesView(answer: Extract<Answer, { kind: 'sources' }>, v: AskView): Body {
  const { L, name, totalNote, data } = v;
  if (answer.cities.length)
    return { title: L('titleSources'), lines: answer.cities.map((c) => L('sourcesCity', { city: name(c) })) };
  if (answer.about === 'totals')
    return {
      title: L('titleSources'),
      lines: [L('sourcesTotals'), ...answer.rows.map((row) => bullet(totalNote(row)))],
    };
  return {
    title: L('titleSources'),
    lines: [L('sourcesGeneral', { count: data.sources.size }), '', L('sourcesTotalsIntro')],
  };
}

function tiersView(answer: Extract<Answer, { kind: 'tiers' }>, v: AskView): Body {
  const { L, name, list, listDate, data, locale } = v;
  const latestList = latestTotalFor(data, 'friendship');
  return {
    title: L('titleTiers'),
    lines: [
      L('tiersIntro'),
      ...answer.counts.map((row) =>
        // No sum where the source gave none: the bot never makes up a total.
        bullet(
          L(row.total === null ? 'tiersCountNoTotal' : 'tiersCount', {
            date: formatDate(row.asOf, locale),
            friendship: row.friendship!,
            exchange: row.exchange!,
            total: row.total ?? '',
          }),
        ),
      ),
      L('tiersListed', {
        date: listDate(latestList),
        count: latestList?.friendship ?? answer.listed.friendship.length,
        known: answer.listed.exchange.length,
        names: list(answer.listed.exchange),
      }),
      ...exchangeHedges(answer.listed.exchange, locale),
      ...(otherTies(data).length
        ? [
            L('tiersOthers', {
              names: formatList(
                otherTies(data).map((c) =>
                  locale === 'zh-CN'
                    ? `${name(c)}（${tierLabel(c.tier, locale, true)}）`
                    : `${name(c)} (${tierLabel(c.tier, locale, true)})`,
                ),
                locale,
              ),
            }),
          ]
        : []),
      L('tiersNoDefinition'),
    ],
  };
}

function rankView(answer: Extract<Answer, { kind: 'rank' }>, v: AskView): Body {
  const { L, totalNote, locale } = v;
  if (!answer.total) return { title: L('titleRank'), lines: [L('rankNone')] };
  return {
    title: L('titleRank'),
    lines: [L('rank', { date: formatDate(answer.total.asOf, locale) }), bullet(totalNote(answer.total)), L('rankOnly')],
  };
}

/** The decade with the most sister cities first (or the decades tied for it), then every decade's. */
function decadesView(answer: Extract<Answer, { kind: 'decades' }>, v: AskView): Body {
  const { L, list } = v;
  const [top] = answer.rows;
  if (!top) return { title: L('titleDecades'), lines: [L('decadesNone')] };
  const tied = answer.rows.filter((r) => r.cities.length === top.cities.length);
  return {
    title: L('titleDecades'),
    lines: [
      tied.length > 1
        ? L('decadesTied', { decades: tied.map((r) => `${r.from}s`).join(' / '), n: top.cities.length })
        : L('decadesMost', { decade: top.from, n: top.cities.length }),
      ...[...answer.rows]
        .sort((a, b) => a.from - b.from)
        .map((r) => bullet(L('decadeRow', { decade: r.from, n: r.cities.length, names: list(r.cities) }))),
      ...(answer.undated.length ? [L('decadesUndated', { names: list(answer.undated) })] : []),
    ],
  };
}

function totalsView(answer: Extract<Answer, { kind: 'totals' }>, v: AskView): Body {
  const { L, name, list, totalNote, data, locale } = v;
  const rows = answer.rows;
  const notes = rows.map((row) => bullet(totalNote(row)));
  if (answer.focus === 'exchange') {
    const row = rows.filter((r) => r.exchange !== null).at(-1);
    const known = data.cities.filter((c) => c.tier === 'exchange');
    return {
      title: L('titleExchange'),
      lines: [
        ...(row
          ? [
              L('totalsExchange', {
                exchange: row.exchange!,
                date: formatDate(row.asOf, locale),
                friendship: row.friendship ?? '',
                total: row.total ?? '',
              }),
            ]
          : []),
        L('totalsExchangeListed', { known: known.length, names: list(known) }),
        ...exchangeHedges(known, locale),
        '',
        L('totalsHistory'),
        ...rows.filter((r) => r.exchange !== null).map((r) => bullet(totalNote(r))),
      ],
    };
  }
  const changes = notActiveChanges(data, locale);
  if (answer.focus === 'history') {
    return {
      title: L('titleHistory'),
      lines: [L('totalsHistory'), ...notes, ...(changes ? [L('totalsNotActive', { changes })] : [])],
    };
  }
  const latest = latestTotalFor(data, 'friendship');
  const full = rows.filter((r) => r.friendship !== null && r.exchange !== null && r.total !== null).at(-1);
  const mixed = rows.filter((r) => r.countries !== undefined && r.total !== null).at(-1);
  return {
    title: L('titleTotals'),
    lines: [
      ...(latest ? [L('totalsList', { count: latest.friendship!, date: formatDate(latest.asOf, locale) })] : []),
      ...signedSince(data).map((c) => L('totalsSince', { city: name(c), date: establishedDate(c, locale) })),
      ...(full
        ? [
            L('totalsFull', {
              total: full.total!,
              date: formatDate(full.asOf, locale),
              friendship: full.friendship!,
              exchange: full.exchange!,
            }),
          ]
        : []),
      ...(mixed && mixed.asOf.date > (full?.asOf.date ?? '')
        ? [L('totalsMixed', { date: formatDate(mixed.asOf, locale), total: mixed.total!, countries: mixed.countries! })]
        : []),
      ...(changes ? [L('totalsNotActive', { changes })] : []),
      '',
      L('totalsHistory'),
      ...notes,
    ],
  };
}

function totalsInYearView(answer: Extract<Answer, { kind: 'totalsInYear' }>, v: AskView): Body {
  const { L, totalNote } = v;
  if (answer.rows.length) {
    return {
      title: L('titleTotals'),
      lines: [L('totalsInYearIntro', { year: answer.year }), ...answer.rows.map((r) => bullet(totalNote(r)))],
    };
  }
  return {
    title: L('titleTotals'),
    lines: [L('totalsInYearNone', { year: answer.year }), ...answer.all.map((r) => bullet(totalNote(r)))],
  };
}

function countriesView(answer: Extract<Answer, { kind: 'countries' }>, v: AskView): Body {
  const { L, list, listDate, totalNote, data, locale } = v;
  const latest = latestTotalFor(data, 'friendship');
  const count = answer.countries.reduce((n, g) => n + g.cities.length, 0);
  if (answer.most && answer.countries.length)
    return { title: L('titleCountries'), lines: mostCountriesLines(answer, data, locale) };
  return {
    title: L('titleCountries'),
    lines: [
      ...(() => {
        // Sister cities signed after the list are named apart: the list's own count stays as published.
        const since = signedSince(data).filter((c) => answer.countries.some((g) => g.cities.includes(c)));
        const params = { count: count - since.length, date: listDate(latest), countries: answer.countries.length };
        return since.length
          ? [
              L('countriesIntroSince', {
                ...params,
                since: list(since),
                signed: formatList(
                  since.map((c) => (c.established ? formatDate(c.established, locale) : '?')),
                  locale,
                ),
              }),
            ]
          : [L('countriesIntro', params)];
      })(),
      ...answer.countries.map((g) =>
        bullet(`${flagEmoji(g.country.code)} ${countryName(g.country, locale)}${colon(locale)}${list(g.cities)}`),
      ),
      L('byContinent', {
        continents: answer.continents
          .map((c) => L('continentCount', { continent: continentLabel(c.key, locale), count: c.count }))
          .join(locale === 'zh-CN' ? '，' : ', '),
      }),
      ...(answer.mixed ? ['', bullet(totalNote(answer.mixed))] : []),
    ],
  };
}

function listView(answer: Extract<Answer, { kind: 'list' }>, v: AskView): Body {
  const { L, data, locale } = v;
  return { title: L('titleList'), lines: listLines(answer, data, locale) };
}

function distanceView(answer: Extract<Answer, { kind: 'distance' }>, v: AskView): Body {
  const { L, locale } = v;
  return { title: L('titleDistance'), lines: distanceLines(answer, locale) };
}

/** For a list naming exchange cities: each one's hedge when few, else one line saying their level is unsure. */
function exchangeHedges(cities: City[], locale: Locale): string[] {
  const hedged = cities.filter((c) => tierHedges(c).length);
  if (!hedged.length) return [];
  if (hedged.length <= MAX_HEDGED) {
    return hedged.flatMap((c) =>
      tierHedges(c).map((n) => bullet(`**${cityName(c, locale)}**${colon(locale)}${localText(n, locale)}`)),
    );
  }
  return [
    t(locale, 'levelsNotCertain', {
      names: formatList(
        hedged.map((c) => cityName(c, locale)),
        locale,
      ),
    }),
  ];
}

/** Lists naming more exchange cities than this give one line about their levels instead of each one's note. */
const MAX_HEDGED = 3;

/** What a distance to a partner drawn at its seat measures (Essonne: to Évry-Courcouronnes). */
function seatLines(shown: CityDistance[], locale: Locale): string[] {
  return shown.flatMap((d) => {
    const place = d.km === null ? null : seatName(d.city, locale);
    return place ? [t(locale, 'distanceSeat', { city: cityName(d.city, locale), place })] : [];
  });
}

/** Sister cities signed after Wuhan's latest official list, oldest first. */
function signedSince(data: Dataset): City[] {
  return sisterCityCount(data)?.since ?? [];
}

function distanceLines(answer: Extract<Answer, { kind: 'distance' }>, locale: Locale): string[] {
  const km = (value: number) => formatNumber(Math.round(value), locale);
  const entry = (d: CityDistance) => t(locale, 'distanceEntry', { city: cityName(d.city, locale), km: km(d.km!) });
  if (answer.named.length) {
    return [
      ...answer.named.map((d) =>
        d.km === null
          ? t(locale, 'distanceUnknown', {
              city: cityName(d.city, locale),
              country: countryName(d.city.country, locale),
            })
          : t(locale, 'distanceCity', {
              city: cityName(d.city, locale),
              country: countryName(d.city.country, locale),
              km: km(d.km),
            }),
      ),
      ...seatLines(answer.named, locale),
      ...(answer.named.some((d) => d.km !== null) ? [t(locale, 'distanceBasis')] : []),
    ];
  }
  const words = scopeText(answer.scope, locale);
  const group = t(locale, answer.scope.tier === 'exchange' ? 'distanceGroupExchange' : 'distanceGroupFriendship', {
    scope: words && locale === 'en' ? ` ${words}` : words,
  });
  if (!answer.measured) return [t(locale, 'distanceNoneMeasured', { group })];
  const lines: string[] = [];
  const extreme = (key: 'distanceFarthest' | 'distanceClosest', picks: CityDistance[]) => {
    const [top, ...next] = picks;
    if (!top) return;
    lines.push(
      t(locale, key, {
        group,
        city: cityName(top.city, locale),
        country: countryName(top.city.country, locale),
        km: km(top.km!),
      }),
    );
    if (next.length) lines.push(t(locale, 'distanceNext', { entries: formatList(next.map(entry), locale) }));
  };
  extreme('distanceFarthest', answer.farthest);
  extreme('distanceClosest', answer.closest);
  if (answer.unmeasured.length)
    lines.push(
      t(locale, 'distanceUnmeasured', {
        names: formatList(
          answer.unmeasured.map((c) => cityName(c, locale)),
          locale,
        ),
      }),
    );
  if (answer.scope.tier === 'exchange')
    lines.push(t(locale, 'exchangePartial', { known: answer.measured + answer.unmeasured.length }));
  lines.push(...seatLines([...answer.farthest, ...answer.closest], locale));
  lines.push(t(locale, 'distanceBasis'));
  return lines;
}

function cityEntry(city: City, locale: Locale): string {
  const date = city.established ? dateText(city.established, locale) : t(locale, 'dateUnknown');
  const status = city.status;
  const mark =
    status.state === 'ended'
      ? `, ${t(locale, 'endedMark', { date: formatDate(status, locale) })}`
      : status.state === 'phasing-out'
        ? `, ${t(locale, 'phasingMark', { date: formatDate(status, locale) })}`
        : '';
  const flag = flagEmoji(city.country.code);
  return locale === 'zh-CN'
    ? `${flag} **${cityName(city, locale)}**（${countryName(city.country, locale)}）：${date}${mark.replace(', ', '，')}`
    : `${flag} **${cityName(city, locale)}** (${countryName(city.country, locale)}): ${date}${mark}`;
}

function listLines(answer: Extract<Answer, { kind: 'list' }>, data: Dataset, locale: Locale): string[] {
  const { scope, friendship, exchange, undated, list, exchangeCount } = answer;
  const names = (cities: City[]) =>
    formatList(
      cities.map((c) => cityName(c, locale)),
      locale,
    );
  const scopeWords = scopeText(scope, locale);
  const listDate = list ? formatDate(list.asOf, locale) : '';
  const knownExchange = data.cities.filter((c) => c.tier === 'exchange');
  const lines: string[] = [];
  if (scope.tier !== 'exchange') {
    if (!hasScope(scope)) {
      const listed = friendship.filter(onOfficialList);
      lines.push(t(locale, 'listAll', { count: listed.length, date: listDate }));
      lines.push(...listed.map((c, i) => `${i + 1}. ${cityEntry(c, locale)}`));
      const since = friendship.filter((c) => !onOfficialList(c));
      if (since.length)
        lines.push(t(locale, 'listSince', { date: listDate }), ...since.map((c) => bullet(cityEntry(c, locale))));
    } else if (friendship.length) {
      lines.push(t(locale, 'listScoped', { scope: scopeWords, count: friendship.length }));
      lines.push(...friendship.map((c) => bullet(cityEntry(c, locale))));
    } else {
      const key =
        scope.period && !scope.country && !scope.continents && !scope.region
          ? 'listScopedNonePeriod'
          : 'listScopedNone';
      lines.push(t(locale, key, { count: list?.friendship ?? '', date: listDate, scope: scopeWords }));
    }
  }
  if (answer.ended.length)
    lines.push(t(locale, 'listEndedIntro'), ...answer.ended.map((c) => bullet(statusLine(c, locale))));
  const undatedFriendship = undated.filter((c) => scope.tier === 'exchange' || c.tier === 'friendship');
  if (undatedFriendship.length) lines.push(t(locale, 'listUndated', { names: names(undatedFriendship) }));
  lines.push('');
  if (!hasScope(scope)) {
    lines.push(
      t(locale, 'listExchangeAll', {
        count: exchangeCount?.exchange ?? '',
        date: exchangeCount ? formatDate(exchangeCount.asOf, locale) : '',
        known: knownExchange.length,
        names: names(knownExchange),
      }),
      ...exchangeHedges(knownExchange, locale),
    );
  } else if (exchange.length) {
    lines.push(t(locale, 'listExchangeScoped', { scope: scopeWords, names: names(exchange) }));
    if (scope.tier === 'exchange') lines.push(...exchange.map((c) => bullet(cityEntry(c, locale))));
    lines.push(...exchangeHedges(exchange, locale));
  } else {
    lines.push(t(locale, 'listExchangeNoneScoped', { scope: scopeWords, known: knownExchange.length }));
  }
  return lines;
}

/** The countries tied for the most sister cities, the rest in one line, exchange cities apart. */
function mostCountriesLines(answer: Extract<Answer, { kind: 'countries' }>, data: Dataset, locale: Locale): string[] {
  const top = answer.countries[0]!.cities.length;
  const leaders = answer.countries.filter((g) => g.cities.length === top);
  const others = answer.countries.filter((g) => g.cities.length < top);
  const latest = latestTotalFor(data, 'friendship');
  const countries = formatList(
    leaders.map((g) => `${flagEmoji(g.country.code)} ${countryInProse(g.country, locale)}`),
    locale,
  );
  const params = { date: latest ? formatDate(latest.asOf, locale) : '', countries, count: top };
  const lines = [
    t(locale, leaders.length > 1 ? 'countriesMost' : 'countriesMostOne', params),
    ...leaders.map((g) =>
      bullet(
        `${countryName(g.country, locale)}${colon(locale)}${formatList(
          g.cities.map((c) => cityName(c, locale)),
          locale,
        )}`,
      ),
    ),
  ];
  const lower = [...new Set(others.map((g) => g.cities.length))];
  if (lower.length === 1) lines.push(t(locale, 'countriesMostOthers', { others: others.length, count: lower[0]! }));
  if (answer.exchange.length) {
    const names = formatList(
      answer.exchange.map(
        (c) =>
          `${cityName(c, locale)}${locale === 'zh-CN' ? `（${countryName(c.country, locale)}）` : ` (${countryName(c.country, locale)})`}`,
      ),
      locale,
    );
    lines.push('', t(locale, 'countriesMostExchange', { known: answer.exchange.length, names }));
  }
  return lines;
}

/** "Since then: Arnhem ended its tie on …; Borlänge has been phasing out since …". */
function notActiveChanges(data: Dataset, locale: Locale): string {
  const parts = data.cities
    .filter((c) => c.tier === 'friendship')
    .flatMap((c) => {
      const status = c.status;
      if (!hasEnded(status)) return [];
      return t(locale, status.state === 'ended' ? 'totalsEnded' : 'totalsPhasing', {
        city: cityName(c, locale),
        date: formatDate(status, locale),
      });
    });
  return parts.join(locale === 'zh-CN' ? '；' : '; ');
}

/** The views of this file's answer kinds, for the registry in ./ask.ts. */
export const countsViews = {
  sources: sourcesView,
  tiers: tiersView,
  rank: rankView,
  decades: decadesView,
  totals: totalsView,
  totalsInYear: totalsInYearView,
  countries: countriesView,
  list: listView,
  distance: distanceView,
} satisfies Partial<AskViews>;
