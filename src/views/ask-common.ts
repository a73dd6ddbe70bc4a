// Shared by the /ask views: the context each view gets, and the phrases several answer kinds use
// (tier hedges, dates, scopes, statuses, the sentences of the data).
import type { City, Dataset, Total } from '../data/types.js';
import type { Answer, PassageHit, Scope } from '../domain/ask/index.js';
import { formatDate, formatList, type Locale } from '../i18n/index.js';
import { cityName, continentLabel, countryInProse, countryName } from '../i18n/names.js';
import { t } from './ask.messages.js';
import { bullet, dateText } from './format.js';

/** What a view returns: the card's title and lines, and its colour when the answer sets one. */
export interface Body {
  title: string;
  lines: string[];
  color?: number;
}

/** What every view gets: the language, the data, and the helpers all of them use. */
export interface AskView {
  data: Dataset;
  locale: Locale;
  L: (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => string;
  name: (city: City) => string;
  country: (city: City) => string;
  list: (cities: City[]) => string;
  listDate: (total: Total | null) => string;
  totalNote: (total: Total) => string;
}

/** One view per answer kind: a kind without one does not compile. */
export type AskViews = { [K in Answer['kind']]: (answer: Extract<Answer, { kind: K }>, v: AskView) => Body };

export function makeView(data: Dataset, locale: Locale): AskView {
  const L = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(locale, key, params);
  const name = (city: City) => cityName(city, locale);
  const country = (city: City) => countryName(city.country, locale);
  const list = (cities: City[]) => formatList(cities.map(name), locale);
  const listDate = (total: Total | null) => (total ? formatDate(total.asOf, locale) : '');
  const totalNote = (total: Total) => (locale === 'zh-CN' ? total.noteZh : total.note);

  return { data, locale, L, name, country, list, listDate, totalNote };
}

/** "**Duisburg** (Germany)" / "**杜伊斯堡市**（德国）". */
export function nameWithCountry(city: City, locale: Locale): string {
  const country = countryName(city.country, locale);
  return locale === 'zh-CN'
    ? `**${cityName(city, locale)}**（${country}）`
    : `**${cityName(city, locale)}** (${country})`;
}

export function colon(locale: Locale): string {
  return locale === 'zh-CN' ? '：' : ': ';
}

export function hasScope(scope: Scope): boolean {
  return (
    scope.country !== undefined ||
    scope.continents !== undefined ||
    scope.region !== undefined ||
    scope.period !== undefined ||
    scope.except !== undefined
  );
}

export function scopeText(scope: Scope, locale: Locale): string {
  const parts: string[] = [];
  const places = [
    ...(scope.country ? [countryInProse(scope.country, locale)] : []),
    ...(scope.continents ?? []).map((c) => continentLabel(c, locale)),
    ...(scope.region ? [t(locale, `region_${scope.region.id}`)] : []),
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
  if (scope.except?.length)
    parts.push(
      t(locale, 'scopeExcept', {
        names: formatList(
          scope.except.map((c) => cityName(c, locale)),
          locale,
        ),
      }),
    );
  return parts.join(locale === 'zh-CN' ? '、' : ', ');
}

export function statusLine(city: City, locale: Locale): string {
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

/** Sentences of the data, each with the partner it is about (or "Wuhan's official counts"). */
export function passageLines(hits: PassageHit[], locale: Locale): string[] {
  return hits.map(({ passage }) => {
    const text = locale === 'zh-CN' ? passage.textZh || passage.text : passage.text || passage.textZh;
    const city = passage.city ? cityName(passage.city, locale) : t(locale, 'passageTotals');
    return bullet(
      t(locale, 'passageLine', { city, text: passage.field === 'names' ? text.replaceAll(' · ', ', ') : text }),
    );
  });
}

/** The establishment date as the sources give it: precision kept, "(inferred)" where it is. */
export function establishedDate(city: City, locale: Locale): string {
  return city.established ? dateText(city.established, locale) : '';
}
