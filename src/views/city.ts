// The city card and the replies around it: did-you-mean, not found, empty input.
import type { City, Dataset, DatedFact, Note, Source, SourceId } from '../data/types.js';
import { hasEnded } from '../domain/facts/partners.js';
import { citySources } from '../domain/facts/sources.js';
import { friendshipSpan, type FriendshipSpan } from '../domain/facts/friendship.js';
import { friendshipList } from '../domain/facts/totals.js';
import { formatDate, type Locale } from '../i18n/index.js';
import { cityName, continentLabel, countryName, topicLabel } from '../i18n/names.js';
import { t } from './city.messages.js';
import { t as common } from './common.messages.js';
import {
  bullet,
  cityLabel,
  COLORS,
  dateText,
  fitCard,
  flagEmoji,
  footerText,
  labelled,
  localText,
  orList,
  quoteUserText,
  sourceLines,
  tierLabel,
  type Section,
} from './format.js';
import type { Action, Card, Reply } from '../reply/reply.js';
import { distanceLine } from './map.js';
import { pickMenu } from './common.js';
import { t as mapText } from './map.messages.js';

function titleOf(city: City, locale: Locale): string {
  const flag = flagEmoji(city.country.code);
  const name = locale === 'zh-CN' && city.names.zh ? `${city.names.zh}（${city.names.en}）` : city.names.en;
  return flag ? `${flag} ${name}` : name;
}

function nameLines(city: City, locale: Locale): string[] {
  const { en, native, nativeLatin, zh } = city.names;
  return [
    t(locale, 'nameEn', { name: en }),
    t(locale, 'nameNative', { name: nativeLatin && nativeLatin !== native ? `${native} (${nativeLatin})` : native }),
    zh ? t(locale, 'nameZh', { name: zh }) : t(locale, 'nameZhUnconfirmed'),
  ];
}

/**
 * Footnote marks into the card's numbered Sources field: "[1][3]". Facts cite sources by number, so
 * Chinese sentences carry no English page titles and each page is named once, in Sources.
 */
type Refs = (ids: readonly SourceId[]) => string;

function footnotes(data: Dataset, listed: readonly Source[], locale: Locale): Refs {
  return (ids) => {
    const numbers = ids
      .map((id) => listed.findIndex((s) => s.url === data.sources.get(id)?.url) + 1)
      .filter((n, i, all) => n > 0 && all.indexOf(n) === i)
      .sort((a, b) => a - b);
    if (!numbers.length) return '';
    const marks = numbers.map((n) => `[${n}]`).join('');
    return locale === 'zh-CN' ? marks : ` ${marks}`;
  };
}

function dateNote(fact: DatedFact, locale: Locale): string | undefined {
  return locale === 'zh-CN' ? fact.noteZh : fact.note;
}

function establishedLines(city: City, refs: Refs, locale: Locale): string[] {
  const main = city.established;
  if (!main) return [t(locale, 'noDate')];
  const lines = [dateText(main, locale)];
  const note = dateNote(main, locale);
  if (note) lines.push(`_${note}_`);
  if (city.conflictingDates.length) {
    const dates = [main, ...city.conflictingDates]
      .map((d) => `${dateText(d, locale)}${refs(d.sources)}`)
      .join(t(locale, 'or'));
    lines.push(t(locale, 'conflict', { dates }));
    for (const d of city.conflictingDates) {
      const conflictNote = dateNote(d, locale);
      if (conflictNote) lines.push(`_${conflictNote}_`);
    }
  }
  return lines;
}

function yearsText(span: FriendshipSpan | null, locale: Locale): string {
  if (!span) return t(locale, 'yearsUnknown');
  const count =
    span.years < 1
      ? t(locale, 'yearsUnderOne')
      : span.years === 1
        ? t(locale, 'yearsOne')
        : t(locale, 'yearsCount', { count: span.years });
  const years = span.approximate && span.years >= 1 ? t(locale, 'about', { years: count }) : count;
  if (span.ended) {
    return t(locale, 'yearsEnded', { years, since: span.since, until: span.ended.date.slice(0, 4) });
  }
  if (span.assumes) return t(locale, 'yearsAssumed', { years, date: formatDate(span.assumes, locale) });
  return t(locale, 'yearsActive', { years, since: span.since });
}

/**
 * Only what a source shows: a sister city on Wuhan's latest list (of that month) cites the list; a tie
 * shown current by another source gives that source and its date; otherwise the status says it is not
 * known; an end or a phase-out is told with its reason.
 */
function statusText(city: City, data: Dataset, refs: Refs, locale: Locale): string {
  const status = city.status;
  const note = (s: { note?: string; noteZh?: string }) => (locale === 'zh-CN' ? s.noteZh : s.note) ?? '';
  if (status.state === 'active') {
    const list = status.basis === 'official-list' ? friendshipList(data) : null;
    if (list) {
      const month =
        list.asOf.precision === 'year' ? list.asOf : { date: list.asOf.date.slice(0, 7), precision: 'month' as const };
      return `${t(locale, 'onList', { count: list.count, date: formatDate(month, locale) })}${refs(status.sources)}`;
    }
    const line = status.asOf
      ? t(locale, 'currentAsOf', { date: formatDate(status.asOf, locale) })
      : t(locale, 'currentUndated');
    return `${[line, note(status)].filter(Boolean).join(' ')}${refs(status.sources)}`;
  }
  if (status.state === 'unknown')
    return `${t(locale, 'statusUnknownWhy', { why: note(status) })}${refs(status.sources ?? [])}`;
  const params = {
    date: formatDate(status, locale),
    reason: locale === 'zh-CN' ? status.reasonZh : status.reason,
  };
  return t(locale, status.state === 'ended' ? 'ended' : 'phasingOut', params);
}

/** "Friendly exchange city (level not confirmed: …)[2]" where a tierNote hedges the level. */
function tierText(city: City, refs: Refs, locale: Locale): string {
  const label = tierLabel(city.tier, locale);
  if (!city.tierNote) return label;
  const why = localText(city.tierNote, locale).replace(/[.。]\s*$/u, '');
  return `${t(locale, 'tierHedged', { tier: label, why })}${refs(city.tierNote.sources)}`;
}

/**
 * The caveats worth a line of their own. Where the sources disagree on the date, the Established
 * field already says so with each date's sources, so a caveat that cites only those sources restates it.
 */
function caveatsToShow(city: City): Note[] {
  if (!city.conflictingDates.length) return city.caveats;
  const dateSources = new Set([city.established, ...city.conflictingDates].flatMap((d) => d?.sources ?? []));
  return city.caveats.filter((c) => !c.sources.every((id) => dateSources.has(id)));
}

function cityCard(city: City, data: Dataset, now: Date, locale: Locale): Card {
  const country = city.country;
  const region = locale === 'zh-CN' ? (city.regionZh ?? city.region) : city.region;
  const place = [
    `${flagEmoji(country.code)} ${countryName(country, locale)}`.trim(),
    region,
    continentLabel(country.continent, locale),
  ]
    .filter(Boolean)
    .join(' · ');
  const sources = citySources(data, city);
  const refs = footnotes(data, sources, locale);
  const sections: Section[] = [
    { name: t(locale, 'names'), lines: nameLines(city, locale), inline: true },
    { name: t(locale, 'country'), lines: [place], inline: true },
    { name: t(locale, 'tier'), lines: [tierText(city, refs, locale)], inline: !city.tierNote },
    { name: mapText(locale, 'distanceField'), lines: [distanceLine(data, city, locale)], inline: true },
    { name: t(locale, 'established'), lines: establishedLines(city, refs, locale), minChars: 300 },
    { name: t(locale, 'years'), lines: [yearsText(friendshipSpan(city, now), locale)], inline: true },
    {
      name: t(locale, 'status'),
      lines: [statusText(city, data, refs, locale)],
      inline: city.status.state === 'active',
    },
    {
      name: t(locale, 'landmarks'),
      lines: city.landmarks.map((l) => {
        const name = locale === 'zh-CN' ? l.zh : l.name;
        const where = l.location === 'wuhan' ? ` ${t(locale, 'inWuhan')}` : '';
        return bullet(
          labelled(`${name}${where}`, localText({ text: l.description, textZh: l.descriptionZh }, locale), locale),
        );
      }),
      minChars: 200,
      maxFields: 2,
    },
    {
      name: t(locale, 'cooperation'),
      lines: city.cooperation.map((c) => bullet(labelled(topicLabel(c.topic, locale), localText(c, locale), locale))),
      minChars: 200,
      maxFields: 2,
    },
    {
      name: t(locale, 'highlights'),
      lines: city.highlights.map((h) => bullet(localText(h, locale))),
      minChars: 200,
      maxFields: 2,
    },
    {
      name: t(locale, 'caveats'),
      lines: caveatsToShow(city).map((c) => bullet(localText(c, locale))),
      minChars: 300,
      maxFields: 2,
    },
    {
      name: t(locale, 'sources'),
      lines: sourceLines(sources, locale).map((line, i) => `[${i + 1}] ${line}`),
      minChars: 400,
      maxFields: 3,
    },
  ];
  const color = hasEnded(city.status) ? COLORS.notActive : COLORS[city.tier];
  return fitCard(
    {
      title: titleOf(city, locale),
      description: localText(city.summary, locale),
      footer: footerText(data, locale),
      color,
    },
    sections,
    locale,
  );
}

export function cityReply(city: City, data: Dataset, now: Date, locale: Locale): Reply {
  return { cards: [cityCard(city, data, now, locale)] };
}

/** A menu of cities; `customId` says what picking one shows (the card, its cooperation, the map). */
function cityMenu(cities: City[], locale: Locale, customId: string): Action[][] {
  return pickMenu(
    customId,
    common(locale, 'pickCity'),
    cities.map((c) => ({
      label: cityLabel(c, locale),
      value: c.id,
      description: [tierLabel(c.tier, locale, true), c.established ? dateText(c.established, locale) : '']
        .filter(Boolean)
        .join(' · '),
    })),
  );
}

// Did-you-mean prompts are private, like every other question back to the user; the pick replaces
// the prompt with the answer (a component update works on an ephemeral message too).
export function ambiguousReply(candidates: City[], locale: Locale, customId: string): Reply {
  const lines = candidates.map((c) => bullet(cityLabel(c, locale)));
  return {
    content: [t(locale, 'didYouMean'), ...lines].join('\n'),
    actions: cityMenu(candidates, locale, customId),
    ephemeral: true,
  };
}

export function notFoundReply(input: string, suggestions: City[], locale: Locale, customId: string): Reply {
  const head = t(locale, 'notFound', { text: quoteUserText(input, locale) });
  const tail = suggestions.length
    ? t(locale, 'closeNames', {
        names: orList(
          suggestions.map((c) => cityName(c, locale)),
          locale,
        ),
      })
    : t(locale, 'noCloseNames');
  return { content: `${head}\n${tail}`, actions: cityMenu(suggestions, locale, customId), ephemeral: true };
}

export function emptyNameReply(locale: Locale): Reply {
  return { content: t(locale, 'emptyName'), ephemeral: true };
}

/** "<@123>" typed where a city goes: Discord shows it as a person, so say that is not a city name. */
export function mentionNameReply(locale: Locale): Reply {
  return { content: t(locale, 'mention'), ephemeral: true };
}
