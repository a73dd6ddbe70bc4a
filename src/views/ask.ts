// The /ask answer as a Reply: one card whose description says the answer in the question's language,
// a Sources field with links, and the data's check date in the footer.
import type { App } from '../app/app.js';
import type { City, Dataset, Note, Topic, Total } from '../data/types.js';
import {
  type Answer,
  type AskResult,
  askQuestion,
  type CityDate,
  type CityDistance,
  type Scope,
  closeCities,
  statusCaveats,
  tierHedges,
} from '../domain/ask/index.js';
import { hasEnded, isPartner, onOfficialList, otherTies, sisterCityCount } from '../domain/facts/partners.js';
import { sourcesById } from '../domain/facts/sources.js';
import { latestTotalFor } from '../domain/facts/totals.js';
import { formatDate, formatList, formatNumber, type Locale } from '../i18n/index.js';
import { cityName, continentLabel, countryName, topicLabel } from '../i18n/names.js';
import { t } from './ask.messages.js';
import {
  bullet,
  COLORS,
  dateText,
  fitCard,
  fitLines,
  flagEmoji,
  footerText,
  localText,
  sanitizeUserText,
  sourceLines,
  tierLabel,
} from './format.js';
import type { Reply } from '../reply/reply.js';

/** Discord's embed description limit is 4,096; leave room so the renderer never has to cut. */
const DESCRIPTION_MAX = 3900;
/** Sources keep at least this much of their field when the card is long. */
const SOURCES_MIN = 300;

/**
 * Answers a question from the app's data: what both /ask and the "Ask Youcheng" message command send.
 * `maxChars`: how much of the text to read; a whole message for the message command.
 */
export function askReply(app: App, question: unknown, fallback: Locale, maxChars?: number): Reply {
  return answerReply(
    askQuestion(question, { data: app.data, resolver: app.resolver, now: app.now() }, fallback, maxChars),
    app.data,
  );
}

export function answerReply(result: AskResult, data: Dataset): Reply {
  const { locale, answer } = result;
  const body = describe(answer, data, locale);
  const readings = result.readings.flatMap((r) => {
    const params = {
      typed: sanitizeUserText(r.typed, 40),
      city: cityName(r.city, locale),
      country: countryName(r.city.country, locale),
    };
    if (r.doubt) return [t(locale, 'readGarbledDoubt', params), bullet(localText(r.doubt, locale))];
    return [t(locale, r.as === 'garbled' ? 'readGarbled' : 'readAs', params)];
  });
  const unmatched = result.unmatched.map((u) => {
    const name = sanitizeUserText(u.name, 40);
    const close = closeCities(u.resolution);
    if (close.length)
      return t(locale, 'unmatchedClose', {
        name,
        cities: formatList(
          close.map((c) => nameWithCountry(c, locale)),
          locale,
        ),
      });
    return t(locale, 'unmatched', { name });
  });
  const sources = sourceLines(sourcesById(data, result.sources), locale);
  const card = fitCard(
    {
      title: body.title,
      description: fitLines(
        [...readings, ...body.lines, ...(unmatched.length ? ['', ...unmatched] : [])],
        DESCRIPTION_MAX,
        locale,
      ),
      footer: footerText(data, locale),
      color: body.color ?? COLORS.neutral,
    },
    [{ name: t(locale, 'sources'), lines: sources, minChars: SOURCES_MIN }],
    locale,
  );
  return { cards: [card] };
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

interface Body {
  title: string;
  lines: string[];
  color?: number;
}

function describe(answer: Answer, data: Dataset, locale: Locale): Body {
  const L = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(locale, key, params);
  const name = (city: City) => cityName(city, locale);
  const country = (city: City) => countryName(city.country, locale);
  const list = (cities: City[]) => formatList(cities.map(name), locale);
  const listDate = (total: Total | null) => (total ? formatDate(total.asOf, locale) : '');
  const totalNote = (total: Total) => (locale === 'zh-CN' ? total.noteZh : total.note);

  switch (answer.kind) {
    case 'unknown': {
      const lead = answer.reason === 'notUnderstood' ? L('unknown') : L(answer.reason);
      return {
        title: answer.reason === 'empty' || answer.reason === 'noWords' ? L('titleEmpty') : L('titleUnknown'),
        lines: [lead, '', L('examplesIntro'), ...examples(answer.cities, data, locale).map(bullet)],
      };
    }
    case 'sources': {
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
    case 'tiers': {
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
    case 'rank':
      if (!answer.total) return { title: L('titleRank'), lines: [L('rankNone')] };
      return {
        title: L('titleRank'),
        lines: [
          L('rank', { date: formatDate(answer.total.asOf, locale) }),
          bullet(totalNote(answer.total)),
          L('rankOnly'),
        ],
      };
    case 'landmarks': {
      if (!answer.items.length)
        return { title: L('titleLandmarks'), lines: answer.cities.map((c) => L('landmarksNone', { city: name(c) })) };
      return {
        title: L('titleLandmarks'),
        lines: [
          L('landmarksIntro'),
          ...answer.items.map(({ city, landmark }) =>
            bullet(
              L('landmarkLine', {
                name:
                  locale === 'zh-CN' && landmark.zh
                    ? `${landmark.zh}（${landmark.name}）`
                    : landmark.zh
                      ? `${landmark.name} (${landmark.zh})`
                      : landmark.name,
                city: name(city),
                country: country(city),
                description: locale === 'zh-CN' ? landmark.descriptionZh : landmark.description,
              }),
            ),
          ),
          ...answer.cities.filter((c) => !c.landmarks.length).map((c) => L('landmarksNone', { city: name(c) })),
        ],
      };
    }
    case 'status': {
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
    case 'cooperation':
      return {
        title: L('titleCooperation'),
        lines: cooperationLines(answer.city, answer.groups, answer.topic, locale),
      };
    case 'cooperationMany':
      return {
        title: L('titleCooperation'),
        lines: answer.perCity.flatMap(({ city, groups }, i) => [
          ...(i ? [''] : []),
          ...cooperationLines(city, groups, answer.topic, locale),
        ]),
      };
    case 'cooperationTopic': {
      const topic = topicInSentence(answer.topic, locale);
      if (!answer.partners.length)
        return { title: L('titleCooperation'), lines: [L('cooperationTopicNone', { topic })] };
      return {
        title: L('titleCooperation'),
        lines: [
          L('cooperationTopicIntro', { topic }),
          ...answer.partners.map(({ city, entries }) =>
            bullet(`**${name(city)}**${colon(locale)}${entries.map((e) => localText(e, locale)).join(' ')}`),
          ),
        ],
      };
    }
    case 'cooperationOverview':
      return {
        title: L('titleCooperation'),
        lines: [
          L('cooperationOverviewIntro'),
          ...answer.topics
            .filter((s) => s.cities.length)
            .map((s) => bullet(`**${topicLabel(s.topic, locale)}**${colon(locale)}${list(s.cities)}`)),
        ],
      };
    case 'first':
    case 'latest': {
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
    case 'elsewhere': {
      const where = countryInSentence(answer.country, locale);
      return {
        title: L('titlePartner'),
        lines: [
          ...answer.cities.flatMap((c) => [
            L('elsewhere', {
              city: name(c),
              tier: tierOne(c, locale),
              country: countryInSentence(c.country, locale),
              asked: where,
            }),
            ...hedgeLines(c, locale),
          ]),
          answer.there.length
            ? L('elsewhereThere', { asked: where, names: list(answer.there) })
            : L('elsewhereNone', { asked: where }),
        ],
      };
    }
    case 'established':
      return {
        title: L('titleEstablished'),
        lines: answer.dates.flatMap((d, i) => [...(i ? [''] : []), ...establishedLines(d, locale)]),
      };
    case 'totals': {
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
            ? [
                L('totalsMixed', {
                  date: formatDate(mixed.asOf, locale),
                  total: mixed.total!,
                  countries: mixed.countries!,
                }),
              ]
            : []),
          ...(changes ? [L('totalsNotActive', { changes })] : []),
          '',
          L('totalsHistory'),
          ...notes,
        ],
      };
    }
    case 'totalsInYear':
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
    case 'countries': {
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
    case 'list':
      return { title: L('titleList'), lines: listLines(answer, data, locale) };
    case 'undated': {
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
    case 'partner':
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
    case 'notPartner': {
      const asked = sanitizeUserText(answer.name, 40);
      if (answer.suggestions.length) {
        const cities = formatList(
          answer.suggestions.map((c) => nameWithCountry(c, locale)),
          locale,
        );
        return {
          title: L('titlePartner'),
          lines: [L('didYouMean', { name: asked, cities }), L('didYouMeanHint')],
        };
      }
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
        ],
      };
    }
    case 'person':
      return {
        title: L('titlePerson'),
        lines: [
          L('personIntro', { name: sanitizeUserText(answer.name, 40) }),
          ...answer.notes.map(({ city, note }) =>
            bullet(L('personCityNote', { city: name(city), note: localText(note, locale) })),
          ),
        ],
      };
    case 'city':
      return {
        title: L('titleCity'),
        lines: answer.dates.flatMap((d, i) => [...(i ? [''] : []), ...cityLines(d, locale)]),
      };
    case 'signatories':
      return { title: L('titleSignatories'), lines: signatoryLines(answer, locale) };
    case 'distance':
      return { title: L('titleDistance'), lines: distanceLines(answer, locale) };
  }
}

function signatoryLines(answer: Extract<Answer, { kind: 'signatories' }>, locale: Locale): string[] {
  const name = (city: City) => cityName(city, locale);
  if (!answer.named) {
    if (!answer.perCity.length) return [t(locale, 'signatoriesNoneAtAll')];
    return [
      t(locale, 'signatoriesAll'),
      ...answer.perCity.map(({ city, notes }) =>
        bullet(
          `**${name(city)}**${colon(locale)}${notes.map((n) => localText(n, locale)).join(locale === 'zh-CN' ? '' : ' ')}`,
        ),
      ),
      t(locale, 'signatoriesOthers'),
    ];
  }
  return answer.perCity.flatMap(({ city, notes }, i) => [
    ...(i ? [''] : []),
    ...(notes.length
      ? [t(locale, 'signatoriesIntro', { city: name(city) }), ...notes.map((n) => bullet(localText(n, locale)))]
      : [t(locale, 'signatoriesNone', { city: name(city) })]),
  ]);
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
  lines.push(t(locale, 'distanceBasis'));
  return lines;
}

/** "**Duisburg** (Germany)" / "**杜伊斯堡市**（德国）". */
function nameWithCountry(city: City, locale: Locale): string {
  const country = countryName(city.country, locale);
  return locale === 'zh-CN'
    ? `**${cityName(city, locale)}**（${country}）`
    : `**${cityName(city, locale)}** (${country})`;
}

// English puts "the" before these country names inside a sentence ("in the United Kingdom").
const NAMES_WITH_ARTICLE =
  /^(United |Netherlands$|Philippines$|Czech Republic$|Dominican Republic$|Central African Republic$|Bahamas$|Gambia$|Maldives$|Comoros$|Seychelles$|\w+ Islands$)/;

function countryInSentence(country: { name: string; zh: string }, locale: Locale): string {
  if (locale === 'zh-CN') return country.zh;
  return NAMES_WITH_ARTICLE.test(country.name) ? `the ${country.name}` : country.name;
}

function colon(locale: Locale): string {
  return locale === 'zh-CN' ? '：' : ': ';
}

function hasScope(scope: Scope): boolean {
  return scope.country !== undefined || scope.continents !== undefined || scope.period !== undefined;
}

function scopeText(scope: Scope, locale: Locale): string {
  const parts: string[] = [];
  const places = [
    ...(scope.country ? [countryInSentence(scope.country, locale)] : []),
    ...(scope.continents ?? []).map((c) => continentLabel(c, locale)),
  ];
  if (places.length)
    parts.push(t(locale, scope.outside ? 'scopeOutside' : 'scopeIn', { place: formatList(places, locale) }));
  const period = scope.period;
  if (period?.kind === 'year') parts.push(t(locale, 'scopeYear', { year: period.year }));
  if (period?.kind === 'decade') parts.push(t(locale, 'scopeDecade', { decade: period.from }));
  if (period?.kind === 'range') {
    const { from, to } = period.range;
    if (from !== undefined && to !== undefined) parts.push(t(locale, 'scopeBetween', { from, to }));
    else if (from !== undefined) parts.push(t(locale, 'scopeFrom', { from }));
    else if (to !== undefined) parts.push(t(locale, 'scopeTo', { to }));
  }
  return parts.join(locale === 'zh-CN' ? '、' : ', ');
}

/** The establishment date as the sources give it: precision kept, "(inferred)" where it is. */
function establishedDate(city: City, locale: Locale): string {
  return city.established ? dateText(city.established, locale) : '';
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

function statusLine(city: City, locale: Locale): string {
  const status = city.status;
  const name = cityName(city, locale);
  if (status.state === 'active') return t(locale, 'statusActive', { city: name });
  if (status.state === 'unknown')
    return t(locale, 'statusUnknown', { city: name, note: locale === 'zh-CN' ? status.noteZh : status.note });
  const params = {
    city: name,
    date: formatDate(status, locale),
    reason: locale === 'zh-CN' ? status.reasonZh : status.reason,
  };
  return t(locale, status.state === 'ended' ? 'statusEnded' : 'statusPhasingOut', params);
}

/** "On Wuhan's list of 28 (30 June 2021)", or, for a sister city signed after it, that it is not on any list yet. */
function listStanding(city: City, list: Total | null, locale: Locale): string {
  const date = list ? formatDate(list.asOf, locale) : '';
  if (!onOfficialList(city))
    return t(locale, 'statusAfterList', { city: cityName(city, locale), date, signed: establishedDate(city, locale) });
  return t(locale, 'statusOnList', { city: cityName(city, locale), count: list?.friendship ?? '', date });
}

/** Sister cities signed after Wuhan's latest official list, oldest first. */
function signedSince(data: Dataset): City[] {
  return sisterCityCount(data)?.since ?? [];
}

function cooperationLines(
  city: City,
  groups: { topic: City['cooperation'][number]['topic']; entries: City['cooperation'] }[],
  topic: City['cooperation'][number]['topic'] | null,
  locale: Locale,
): string[] {
  const name = cityName(city, locale);
  const lines: string[] = [];
  let shown = groups;
  if (topic && !groups.length) {
    lines.push(t(locale, 'cooperationNoTopic', { city: name, topic: topicInSentence(topic, locale) }));
    shown = topicGroups(city);
  }
  if (!shown.length) return [...lines, t(locale, 'cooperationNone', { city: name })];
  lines.push(t(locale, 'cooperationIntro', { city: name }));
  for (const group of shown) {
    const text = group.entries.map((e) => localText(e, locale)).join(locale === 'zh-CN' ? '' : ' ');
    lines.push(bullet(`**${topicLabel(group.topic, locale)}**${colon(locale)}${text}`));
  }
  return lines;
}

function topicInSentence(topic: Topic, locale: Locale): string {
  const label = topicLabel(topic, locale);
  return locale === 'en' ? label.toLowerCase() : label;
}

function topicGroups(city: City): { topic: City['cooperation'][number]['topic']; entries: City['cooperation'] }[] {
  const topics = [...new Set(city.cooperation.map((c) => c.topic))];
  return topics.map((topic) => ({ topic, entries: city.cooperation.filter((c) => c.topic === topic) }));
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
  const lines = [t(locale, 'established', { ...params, when: whenText(city, locale), ago: agoText(cityDate, locale) })];
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
      const key = scope.period && !scope.country && !scope.continents ? 'listScopedNonePeriod' : 'listScopedNone';
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
    leaders.map((g) => `${flagEmoji(g.country.code)} ${countryInSentence(g.country, locale)}`),
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

/** Example questions; when the user named a city, the city-specific ones use it. */
function examples(cities: City[], data: Dataset, locale: Locale): string[] {
  const city = cities[0] ?? data.cities.find((c) => c.id === 'duisburg') ?? data.cities[0];
  const coop = cities[0] ?? data.cities.find((c) => c.id === 'bordeaux') ?? city;
  const name = city ? cityName(city, locale) : '';
  return [
    t(locale, 'exampleCount'),
    ...(city ? [t(locale, 'exampleWhen', { city: name })] : []),
    t(locale, 'exampleCountry'),
    t(locale, 'exampleFirst'),
    ...(coop ? [t(locale, 'exampleCooperation', { city: cityName(coop, locale) })] : []),
    t(locale, 'exampleStatus'),
    t(locale, 'exampleTiers'),
  ];
}
