// The city card and the replies around it: did-you-mean, not found, empty input.
import type { City, Dataset, DatedFact, Source } from '../data/types.js';
import { citySources, sourcesById } from '../domain/facts/sources.js';
import { friendshipSpan, type FriendshipSpan } from '../domain/facts/friendship.js';
import { formatDate, formatList, type Locale } from '../i18n/index.js';
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
  quoteUserText,
  sourceLines,
  tierLabel,
  type Section,
} from './format.js';
import type { Action, Card, Reply } from './reply.js';
import { distanceLine } from './map.js';
import { t as mapText } from './map.messages.js';

export const CITY_PICK_ID = 'city:pick';

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

function sourceNames(sources: Source[]): string {
  return sources.map((s) => s.title).join('; ');
}

function dateNote(fact: DatedFact, locale: Locale): string | undefined {
  return locale === 'zh-CN' ? fact.noteZh : fact.note;
}

function establishedLines(city: City, data: Dataset, locale: Locale): string[] {
  const main = city.established;
  if (!main) return [t(locale, 'noDate')];
  const lines = [dateText(main, locale)];
  const note = dateNote(main, locale);
  if (note) lines.push(`_${note}_`);
  if (city.conflictingDates.length) {
    const dated = (d: DatedFact) =>
      t(locale, 'conflictDate', { date: dateText(d, locale), sources: sourceNames(sourcesById(data, d.sources)) });
    const dates = [main, ...city.conflictingDates].map(dated).join(t(locale, 'or'));
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
    span.years < 1 ? t(locale, 'yearsUnderOne') : span.years === 1 ? t(locale, 'yearsOne') : t(locale, 'yearsCount', { count: span.years });
  const years = span.approximate && span.years >= 1 ? t(locale, 'about', { years: count }) : count;
  if (span.ended) {
    return t(locale, 'yearsEnded', { years, since: span.since, until: span.ended.date.slice(0, 4) });
  }
  return t(locale, 'yearsActive', { years, since: span.since });
}

function statusText(city: City, locale: Locale): string {
  const status = city.status;
  if (status.state === 'active') return t(locale, 'active');
  const params = {
    date: formatDate(status, locale),
    reason: locale === 'zh-CN' ? status.reasonZh : status.reason,
  };
  return t(locale, status.state === 'ended' ? 'ended' : 'phasingOut', params);
}

function localText(note: { text: string; textZh: string }, locale: Locale): string {
  return locale === 'zh-CN' ? note.textZh : note.text;
}

export function cityCard(city: City, data: Dataset, now: Date, locale: Locale): Card {
  const country = city.country;
  const place = [`${flagEmoji(country.code)} ${countryName(country, locale)}`.trim(), city.region, continentLabel(country.continent, locale)]
    .filter(Boolean)
    .join(' · ');
  const sections: Section[] = [
    { name: t(locale, 'names'), lines: nameLines(city, locale), inline: true },
    { name: t(locale, 'country'), lines: [place], inline: true },
    { name: t(locale, 'tier'), lines: [tierLabel(city.tier, locale)], inline: true },
    { name: mapText(locale, 'distanceField'), lines: [distanceLine(data, city, locale)], inline: true },
    { name: t(locale, 'established'), lines: establishedLines(city, data, locale), minChars: 300 },
    { name: t(locale, 'years'), lines: [yearsText(friendshipSpan(city, now), locale)], inline: true },
    { name: t(locale, 'status'), lines: [statusText(city, locale)], inline: city.status.state === 'active' },
    {
      name: t(locale, 'landmarks'),
      lines: city.landmarks.map((l) => {
        const name = locale === 'zh-CN' && l.zh ? l.zh : l.name;
        const where = l.location === 'wuhan' ? ` ${t(locale, 'inWuhan')}` : '';
        return bullet(labelled(`${name}${where}`, localText({ text: l.description, textZh: l.descriptionZh }, locale), locale));
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
    { name: t(locale, 'highlights'), lines: city.highlights.map((h) => bullet(localText(h, locale))), minChars: 200, maxFields: 2 },
    { name: t(locale, 'caveats'), lines: city.caveats.map((c) => bullet(localText(c, locale))), minChars: 300, maxFields: 2 },
    { name: t(locale, 'sources'), lines: sourceLines(citySources(data, city), locale), minChars: 400, maxFields: 3 },
  ];
  const color = city.status.state !== 'active' ? COLORS.notActive : COLORS[city.tier];
  return fitCard(
    { title: titleOf(city, locale), description: localText(city.summary, locale), footer: footerText(data, locale), color },
    sections,
    locale,
  );
}

export function cityReply(city: City, data: Dataset, now: Date, locale: Locale): Reply {
  return { cards: [cityCard(city, data, now, locale)] };
}

function pickMenu(cities: City[], locale: Locale): Action[][] {
  if (!cities.length) return [];
  return [
    [
      {
        type: 'select',
        customId: CITY_PICK_ID,
        placeholder: common(locale, 'pickCity'),
        options: cities.slice(0, 25).map((c) => ({
          label: cityLabel(c, locale),
          value: c.id,
          description: [tierLabel(c.tier, locale, true), c.established ? formatDate(c.established, locale) : ''].filter(Boolean).join(' · '),
        })),
      },
    ],
  ];
}

export function ambiguousReply(candidates: City[], locale: Locale): Reply {
  const lines = candidates.map((c) => bullet(cityLabel(c, locale)));
  // Public like the card it turns into: the select updates this very message.
  return { content: [t(locale, 'didYouMean'), ...lines].join('\n'), actions: pickMenu(candidates, locale) };
}

export function notFoundReply(input: string, suggestions: City[], locale: Locale): Reply {
  const head = t(locale, 'notFound', { text: quoteUserText(input, locale) });
  const tail = suggestions.length
    ? t(locale, 'closeNames', { names: formatList(suggestions.map((c) => cityName(c, locale)), locale) })
    : t(locale, 'noCloseNames');
  return { content: `${head}\n${tail}`, actions: pickMenu(suggestions, locale), ephemeral: true };
}

export function emptyNameReply(locale: Locale): Reply {
  return { content: t(locale, 'emptyName'), ephemeral: true };
}
