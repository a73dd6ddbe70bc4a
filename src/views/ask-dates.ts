// /ask views: When ties began and how they compare, whether a city is a partner, its card, its status.
import type { City, Note, Total } from '../data/types.js';
import {
  type Answer,
  type Anniversary,
  type CityDate,
  hasHan,
  statusCaveats,
  tierHedges,
} from '../domain/ask/index.js';
import { hasEnded, isPartner, onOfficialList } from '../domain/facts/partners.js';
import { latestTotalFor } from '../domain/facts/totals.js';
import { formatDate, formatList, type Locale } from '../i18n/index.js';
import { cityName, countryInProse, countryName } from '../i18n/names.js';
import { t } from './ask.messages.js';
import { bullet, COLORS, dateText, localText, sanitizeUserText, tierLabel } from './format.js';
import {
  type AskView,
  type AskViews,
  type Body,
  colon,
  establishedDate,
  hasScope,
  nameWithCountry,
  scopeText,
  statusLine,
} from './ask-common.js';

function statusView(answer: Extract<Answer, { kind: 'status' }>, v: AskView): Body {
  const { L, name, data, locale } = v;
  const latest = latestTotalFor(data, 'friendship');
  if (answer.cities.length) {
    return {
      title: L('titleStatus'),
      color: answer.cities.some((c) => hasEnded(c.status)) ? COLORS.notActive : undefined,
      lines: answer.cities.flatMap((city) => [
        statusLine(city, locale),
        ...(city.tier === 'friendship'
          ? [listStanding(city, latest, locale), ...caveatLines(city, locale)]
          : [L('statusExchange', { city: name(city), tier: tierOne(city, locale) }), ...hedgeLines(city, locale)]),
      ]),
    };
  }
  if (!answer.notActive.length) return { title: L('titleStatus'), lines: [L('statusNone')] };
  return {
    title: L('titleStatus'),
    lines: [L('statusIntro'), ...answer.notActive.map((c) => bullet(statusLine(c, locale))), L('statusOthers')],
  };
}

function firstLatestView(answer: Extract<Answer, { kind: 'first' | 'latest' }>, v: AskView): Body {
  const { L, name, country, list, data, locale } = v;
  const lines: string[] = [];
  const scoped = hasScope(answer.scope);
  const tier = answer.scope.tier === 'exchange' ? L('tierExchange') : L('tierFriendship');
  const words = scopeText(answer.scope, locale);
  const scope = words && locale === 'en' ? ` ${words}` : words;
  if (answer.pick) {
    const { city } = answer.pick;
    const params = {
      city: name(city),
      country: country(city),
      date: establishedDate(city, locale),
      ago: agoText(answer.pick, locale),
      tier,
      scope,
    };
    const wide = scoped || answer.scope.tier === 'exchange';
    const key =
      answer.kind === 'latest'
        ? wide
          ? 'latestScoped'
          : 'latestGlobal'
        : answer.position > 1
          ? wide
            ? 'nthScoped'
            : 'nthGlobal'
          : wide
            ? 'firstScoped'
            : 'firstGlobal';
    lines.push(L(key, { ...params, position: answer.position }));
    lines.push(...hedgeLines(city, locale));
    if (answer.position === 1) lines.push(...superlatives(city).map((n) => bullet(localText(n, locale))));
    if (answer.sameYear.length) {
      lines.push(L('sameYear', { year: city.established!.date.slice(0, 4), names: list(answer.sameYear) }));
    }
    if (
      answer.kind === 'latest' &&
      !scoped &&
      answer.scope.tier !== 'exchange' &&
      answer.list &&
      !onOfficialList(city)
    ) {
      lines.push(
        L('latestAfterList', {
          city: name(city),
          list: formatDate(answer.list.asOf, locale),
          count: answer.list.friendship ?? '',
        }),
      );
    } else if (
      answer.kind === 'latest' &&
      !scoped &&
      answer.scope.tier !== 'exchange' &&
      answer.report &&
      answer.list
    ) {
      lines.push(
        L('latestAsOf', {
          report: formatDate(answer.report.asOf, locale),
          count: answer.report.friendship ?? '',
          list: formatDate(answer.list.asOf, locale),
        }),
      );
    }
  } else if (answer.position > 1) {
    lines.push(L('noPosition', { position: answer.position }));
  } else {
    lines.push(L(answer.undated.length ? 'noneScoped' : 'noneAtAll', { tier, scope }));
  }
  if (answer.undated.length)
    lines.push(
      L(answer.undated.length === 1 ? 'undatedApartOne' : 'undatedApartMany', { names: list(answer.undated) }),
    );
  if (answer.scope.tier === 'exchange')
    lines.push(L('exchangePartial', { known: data.cities.filter((c) => c.tier === 'exchange').length }));
  for (const other of answer.others) {
    const tier = tierOne(other.city, locale);
    lines.push(
      other.span
        ? L('otherCity', { city: name(other.city), tier, when: whenText(other.city, locale) })
        : L('otherCityUndated', { city: name(other.city) }),
    );
    if (other.span) lines.push(...hedgeLines(other.city, locale));
  }
  const exchangeTier = answer.scope.tier === 'exchange';
  const title =
    answer.kind === 'latest'
      ? L(exchangeTier ? 'titleLatestExchange' : 'titleLatest')
      : answer.position > 1
        ? L('titleNth')
        : L(exchangeTier ? 'titleFirstExchange' : 'titleFirst');
  return { title, lines };
}

function elsewhereView(answer: Extract<Answer, { kind: 'elsewhere' }>, v: AskView): Body {
  const { L, name, list, locale } = v;
  const where = countryInProse(answer.country, locale);
  return {
    title: L('titlePartner'),
    lines: [
      ...answer.cities.flatMap((c) => [
        L('elsewhere', {
          city: name(c),
          tier: tierOne(c, locale),
          country: countryInProse(c.country, locale),
          asked: where,
        }),
        ...hedgeLines(c, locale),
      ]),
      answer.there.length
        ? L('elsewhereThere', { asked: where, names: list(answer.there) })
        : L('elsewhereNone', { asked: where }),
      // "巴西的圣路易斯": in Chinese a name may stand for the country's record that has no Chinese name.
      ...elsewhereUnnamed(answer, v),
      ...answer.dates.flatMap((d) => ['', ...establishedLines(d, locale)]),
    ],
  };
}

function establishedView(answer: Extract<Answer, { kind: 'established' }>, v: AskView): Body {
  const { L, locale } = v;
  return {
    title: L('titleEstablished'),
    lines: answer.dates.flatMap((d, i) => [
      ...(i ? [''] : []),
      ...anniversaryLine(d, answer.anniversary, locale),
      ...establishedLines(d, locale),
    ]),
  };
}

/** "十周年是哪年": the year worked out from the tie's year, first; nothing for an undated tie. */
function anniversaryLine(d: CityDate, anniversary: Anniversary | undefined, locale: Locale): string[] {
  const year = Number(d.city.established?.date.slice(0, 4));
  if (!anniversary || !year) return [];
  const city = cityName(d.city, locale);
  if (anniversary.kind === 'nth')
    return [t(locale, 'anniversaryYear', { city, n: anniversary.n, year: year + anniversary.n })];
  const n = anniversary.year - year;
  return n > 0 ? [t(locale, 'anniversaryAt', { city, n, year: anniversary.year })] : [];
}

function undatedView(answer: Extract<Answer, { kind: 'undated' }>, v: AskView): Body {
  const { L, locale } = v;
  const words = scopeText(answer.scope, locale);
  const scope = words && locale === 'en' ? ` ${words}` : words;
  if (!answer.cities.length) return { title: L('titleUndated'), lines: [L('undatedNone', { scope })] };
  return {
    title: L('titleUndated'),
    lines: [
      L('undatedIntro', { scope, count: answer.cities.length }),
      ...answer.cities.map((c) =>
        bullet(
          `${nameWithCountry(c, locale)}${colon(locale)}${c.caveats[0] ? localText(c.caveats[0], locale) : L('dateUnknown')}`,
        ),
      ),
    ],
  };
}

function partnerView(answer: Extract<Answer, { kind: 'partner' }>, v: AskView): Body {
  const { L, data, locale } = v;
  return {
    title: L('titlePartner'),
    lines: answer.dates.flatMap((d, i) => {
      const lines = partnerLines(d, answer.list, locale);
      // A memorandum or a district tie is no partner as far as the sources go, but the exchange tier has no full list.
      const exchange = latestTotalFor(data, 'exchange');
      if (!isPartner(d.city) && exchange?.exchange != null) {
        lines.push(
          L('notPartnerExchange', {
            exchange: exchange.exchange,
            date: formatDate(exchange.asOf, locale),
            known: data.cities.filter((c) => c.tier === 'exchange').length,
          }),
        );
      }
      return [...(i ? [''] : []), ...lines];
    }),
    color: answer.dates.every((d) => d.city.tier === 'exchange') ? COLORS.exchange : COLORS.friendship,
  };
}

function notPartnerView(answer: Extract<Answer, { kind: 'notPartner' }>, v: AskView): Body {
  const { L, listDate, data, locale } = v;
  const asked = sanitizeUserText(answer.name, 40);
  if (answer.suggestions.length) {
    const cities = formatList(
      answer.suggestions.map((c) => nameWithCountry(c, locale)),
      locale,
    );
    // "Graz" for Graz District II: a district's tie goes by its city's name, and its summary says the
    // city itself is no partner. Other guesses ("Sankt") may be another place: no facts of theirs.
    const [only] = answer.suggestions;
    return {
      title: L('titlePartner'),
      lines: [
        L('didYouMean', { name: asked, cities }),
        ...(answer.suggestions.length === 1 && only?.tier === 'district'
          ? [bullet(localText(only.summary, locale))]
          : []),
        L('didYouMeanHint'),
      ],
    };
  }
  // "哈拉帕（墨西哥）跟武汉结好了吗": a Chinese name the data lacks, with a country whose one record
  // without a Chinese name (here a letter of intent with Xalapa) may be what is meant.
  const country = answer.inCountry?.country;
  const unnamed = country && hasHan(answer.name) ? unnamedIn(data.cities, country.code) : null;
  if (unnamed && country)
    return {
      title: L('titlePartner'),
      lines: [
        L('unnamedInCountry', { name: asked, city: unnamed.names.en, country: countryInProse(country, locale) }),
        bullet(localText(unnamed.summary, locale)),
      ],
    };
  const exchange = answer.exchangeCount;
  return {
    title: L('titleNotPartner'),
    lines: [
      L('notPartner', { name: asked, count: answer.list?.friendship ?? '', date: listDate(answer.list) }),
      exchange?.exchange != null
        ? L('notPartnerExchange', {
            exchange: exchange.exchange,
            date: formatDate(exchange.asOf, locale),
            known: data.cities.filter((c) => c.tier === 'exchange').length,
          })
        : L('notPartnerExchangeUncounted'),
      // "Hamburg is Wuhan's German sister city?": the partners in the country asked about.
      ...(answer.inCountry
        ? [
            answer.inCountry.cities.length
              ? L('elsewhereThere', {
                  asked: countryInProse(answer.inCountry.country, locale),
                  names: formatList(
                    answer.inCountry.cities.map((c) => cityName(c, locale)),
                    locale,
                  ),
                })
              : L('elsewhereNone', { asked: countryInProse(answer.inCountry.country, locale) }),
          ]
        : []),
      // "芭提雅": a partner may be known only by names in other scripts, so a Chinese name found nowhere
      // is no proof that the place is no partner.
      ...(hasHan(answer.name) ? noChineseName(data.cities, locale) : []),
    ],
  };
}

function elsewhereUnnamed(answer: Extract<Answer, { kind: 'elsewhere' }>, v: AskView): string[] {
  const { L, data, locale } = v;
  if (locale !== 'zh-CN') return [];
  const unnamed = unnamedIn(data.cities, answer.country.code);
  if (!unnamed) return [];
  return [
    L('elsewhereUnnamed', { city: unnamed.names.en, country: countryInProse(answer.country, locale) }),
    bullet(localText(unnamed.summary, locale)),
  ];
}

/** The one record in a country with no Chinese name, of any tier; null when none or several. */
function unnamedIn(cities: readonly City[], code: string): City | null {
  const unnamed = cities.filter(
    (c) => c.country.code === code && !c.names.zh && !c.aliases.some((a) => hasHan(a.text)),
  );
  return unnamed.length === 1 ? unnamed[0]! : null;
}

function noChineseName(cities: readonly City[], locale: Locale): string[] {
  // A Chinese form in any alias (an unverified one too) is found by the resolver: only the others are listed.
  const unnamed = cities.filter((c) => !c.names.zh && !c.aliases.some((a) => hasHan(a.text)));
  if (!unnamed.length) return [];
  return [
    t(locale, 'notPartnerNoChineseName', {
      cities: formatList(
        unnamed.map((c) => c.names.en),
        locale,
      ),
    }),
  ];
}

function cityView(answer: Extract<Answer, { kind: 'city' }>, v: AskView): Body {
  const { L, locale } = v;
  return {
    title: L('titleCity'),
    lines: answer.dates.flatMap((d, i) => [...(i ? [''] : []), ...cityLines(d, locale)]),
  };
}

function compareView(answer: Extract<Answer, { kind: 'compare' }>, v: AskView): Body {
  const { L, locale } = v;
  return { title: L('titleCompare'), lines: compareLines(answer, locale) };
}

/** Why an exchange city's level is not certain, as bullets: shown wherever its tier is. */
function hedgeLines(city: City, locale: Locale): string[] {
  return tierHedges(city).map((n) => bullet(localText(n, locale)));
}

/** "a friendly exchange city of Wuhan (level not certain)": the tier phrase, hedged where the data is unsure. */
function tierOne(city: City, locale: Locale): string {
  if (city.tier === 'friendship') return t(locale, 'tierOneFriendship');
  if (city.tier === 'memorandum') return t(locale, 'tierOneMemorandum');
  if (city.tier === 'district') return t(locale, 'tierOneDistrict');
  if (city.tier === 'unstated') return t(locale, 'tierOneUnstated');
  const phrase = t(locale, 'tierOneExchange');
  return tierHedges(city).length ? t(locale, 'levelNotCertain', { tier: phrase }) : phrase;
}

/** The verdict first (which came first, or why the dates cannot tell), then each partner's date. */
function compareLines(answer: Extract<Answer, { kind: 'compare' }>, locale: Locale): string[] {
  const names = (cities: City[]) =>
    formatList(
      cities.map((c) => cityName(c, locale)),
      locale,
    );
  const verdict = answer.verdict
    ? t(locale, answer.order === 'earlier' ? 'compareEarlier' : 'compareLater', {
        city: cityName(answer.verdict, locale),
        tier: tierOne(answer.verdict, locale),
        when: whenText(answer.verdict, locale),
      })
    : answer.why === 'undated'
      ? t(locale, 'compareUndated', {
          names: names(answer.dates.filter((d) => !d.city.established).map((d) => d.city)),
        })
      : answer.why === 'sameDate'
        ? t(locale, 'compareSameDate', { names: names(answer.dates.map((d) => d.city)) })
        : t(locale, 'compareTooCoarse');
  const evidence = answer.dates.flatMap(({ city }) => [
    bullet(
      city.established
        ? t(locale, 'otherCity', {
            city: cityName(city, locale),
            tier: tierOne(city, locale),
            when: whenText(city, locale),
          })
        : t(locale, 'otherCityUndated', { city: cityName(city, locale) }),
    ),
    ...city.conflictingDates.map((d) => bullet(t(locale, 'conflictingDate', { date: dateText(d, locale) }))),
  ]);
  return [verdict, ...gapLine(answer, locale), '', t(locale, 'compareEvidence'), ...evidence];
}

/** "How many years apart?": the years between the two dates, "about" where either is only a year. */
function gapLine(answer: Extract<Answer, { kind: 'compare' }>, locale: Locale): string[] {
  const dated = answer.dates.map((d) => d.city.established).filter((e) => e !== null && e !== undefined);
  if (!answer.verdict || answer.dates.length !== 2 || dated.length !== 2) return [];
  const [a, b] = dated.map((e) => e.date).sort();
  const exact = dated.every((e) => e.precision === 'day');
  const years = Number(b!.slice(0, 4)) - Number(a!.slice(0, 4)) - (exact && b!.slice(5) < a!.slice(5) ? 1 : 0);
  if (years < 1) return exact ? [t(locale, 'compareGapUnderYear')] : [];
  return [t(locale, exact ? 'compareGap' : 'compareGapApprox', { years })];
}

/** "on 8 October 1982" but "in October 1986" / "in 2007": English needs the preposition to match the precision. */
function whenText(city: City, locale: Locale): string {
  if (!city.established) return '';
  return t(locale, city.established.precision === 'day' ? 'onDay' : 'inPeriod', {
    date: dateText(city.established, locale),
  });
}

function agoText(cityDate: CityDate, locale: Locale): string {
  const span = cityDate.span;
  if (!span) return '';
  if (span.ended) {
    return t(locale, span.approximate ? 'lastedApprox' : 'lasted', {
      years: span.years,
      date: formatDate(span.ended, locale),
    });
  }
  if (span.years === 0) return t(locale, 'lessThanYear');
  if (span.years === 1 && !span.approximate) return t(locale, 'yearAgo');
  return t(locale, span.approximate ? 'yearsAgoApprox' : 'yearsAgo', { years: span.years });
}

/** Highlights that say a city was a first, an only or the latest: what a first/latest answer adds. */
function superlatives(city: City): Note[] {
  return city.highlights.filter((h) =>
    /\b(first|only|most recent|latest)\b[^.]{0,60}\b(sister|twinning|friendship|pairing|paired)/i.test(h.text),
  );
}

/** Caveats saying the sources disagree about the date, as opposed to other remarks. */
function dateDisputes(city: City): Note[] {
  return city.caveats.filter(
    (c) => /\b(disputed?|disagree|differ)\b/i.test(c.text) && /\b(date|year|day)\b/i.test(c.text),
  );
}

function establishedLines(cityDate: CityDate, locale: Locale): string[] {
  const { city } = cityDate;
  const name = cityName(city, locale);
  const params = { city: name, country: countryName(city.country, locale), tier: tierOne(city, locale) };
  if (!city.established) {
    const known = city.caveats.length ? city.caveats : city.highlights;
    return [
      t(locale, 'establishedUndated', params),
      ...hedgeLines(city, locale),
      ...known.map((n) => bullet(localText(n, locale))),
    ];
  }
  // A memorandum, a district tie or an unstated level never "became" a partner: its own sentence says what it signed.
  const template =
    city.tier === 'memorandum'
      ? 'establishedMemorandum'
      : city.tier === 'district'
        ? 'establishedDistrict'
        : city.tier === 'unstated'
          ? 'establishedUnstated'
          : 'established';
  const lines = [t(locale, template, { ...params, when: whenText(city, locale), ago: agoText(cityDate, locale) })];
  // "What exact day?": where the sources give only a year or a month, the answer says the rest is unknown.
  if (city.established.precision !== 'day')
    lines.push(t(locale, city.established.precision === 'year' ? 'dateYearOnly' : 'dateMonthOnly'));
  // A date a source hints may be too early: the later account is said at once, as a conflicting date is.
  if (city.established.doubt === 'possibly-later' && !city.conflictingDates.length)
    lines.push(t(locale, 'establishedLater'));
  lines.push(...hedgeLines(city, locale));
  // Where the date comes from and how precise it is, then any other date a source gives.
  const basis = locale === 'zh-CN' ? city.established.noteZh : city.established.note;
  if (basis) lines.push(bullet(basis));
  for (const other of city.conflictingDates)
    lines.push(t(locale, 'conflictingDate', { date: dateText(other, locale) }));
  lines.push(...dateDisputes(city).map((n) => bullet(localText(n, locale))));
  if (city.status.state === 'ended')
    lines.push(t(locale, 'statusEndedShort', { date: formatDate(city.status, locale) }));
  if (city.status.state === 'phasing-out')
    lines.push(t(locale, 'statusPhasingShort', { city: name, date: formatDate(city.status, locale) }));
  return lines;
}

function partnerLines(cityDate: CityDate, list: Total | null, locale: Locale): string[] {
  const { city } = cityDate;
  const params = {
    city: cityName(city, locale),
    country: countryName(city.country, locale),
    date: establishedDate(city, locale),
  };
  const status = city.status;
  if (!isPartner(city)) {
    const onList = { count: list?.friendship ?? '', listDate: list ? formatDate(list.asOf, locale) : '' };
    return [
      t(locale, 'partnerOtherTie', { ...params, ...onList, tier: tierOne(city, locale) }),
      bullet(localText(city.summary, locale)),
    ];
  }
  if (city.tier === 'exchange') {
    const hedges = tierHedges(city);
    const caveats = city.caveats.filter((n) => !hedges.includes(n)).map((n) => bullet(localText(n, locale)));
    if (!hedges.length)
      return [t(locale, city.established ? 'partnerExchange' : 'partnerExchangeUndated', params), ...caveats];
    return [
      t(locale, city.established ? 'partnerExchangeUnsure' : 'partnerExchangeUnsureUndated', params),
      ...hedgeLines(city, locale),
      ...caveats,
    ];
  }
  if (status.state === 'ended') {
    return [
      t(locale, 'partnerEnded', {
        ...params,
        end: formatDate(status, locale),
        reason: locale === 'zh-CN' ? status.reasonZh : status.reason,
      }),
    ];
  }
  const lines = [t(locale, city.established ? 'partnerYes' : 'partnerYesUndated', params)];
  if (list) lines.push(listStanding(city, list, locale));
  if (status.state === 'phasing-out') lines.push(statusLine(city, locale));
  return [...lines, ...caveatLines(city, locale)];
}

/** "What qualifies this:" and the caveats that qualify a sister city's status, if it has any. */
function caveatLines(city: City, locale: Locale): string[] {
  const notes = statusCaveats(city);
  return notes.length ? [t(locale, 'statusCaveats'), ...notes.map((n) => bullet(localText(n, locale)))] : [];
}

function cityLines(cityDate: CityDate, locale: Locale): string[] {
  const { city } = cityDate;
  const region =
    locale === 'zh-CN' ? (city.regionZh ? `，${city.regionZh}` : '') : city.region ? `, ${city.region}` : '';
  const tier = tierLabel(city.tier, locale);
  const params = {
    city: cityName(city, locale),
    country: countryName(city.country, locale),
    region,
    tier: tierHedges(city).length ? t(locale, 'levelNotCertain', { tier }) : tier,
    date: establishedDate(city, locale),
  };
  const lines = [t(locale, city.established ? 'cityLine' : 'cityLineUndated', params), ...hedgeLines(city, locale)];
  if (city.status.state !== 'active') lines.push(statusLine(city, locale));
  lines.push(localText(city.summary, locale), ...city.highlights.map((h) => bullet(localText(h, locale))));
  return lines;
}

/** The views of this file's answer kinds, for the registry in ./ask.ts. */
export const datesViews = {
  status: statusView,
  first: firstLatestView,
  latest: firstLatestView,
  elsewhere: elsewhereView,
  established: establishedView,
  undated: undatedView,
  partner: partnerView,
  notPartner: notPartnerView,
  city: cityView,
  compare: compareView,
} satisfies Partial<AskViews>;

/** "On Wuhan's list of 28 (30 June 2021)", or, for a sister city signed after it, that it is not on any list yet. */
function listStanding(city: City, list: Total | null, locale: Locale): string {
  const date = list ? formatDate(list.asOf, locale) : '';
  if (!onOfficialList(city))
    return t(locale, 'statusAfterList', { city: cityName(city, locale), date, signed: establishedDate(city, locale) });
  return t(locale, 'statusOnList', { city: cityName(city, locale), count: list?.friendship ?? '', date });
}
