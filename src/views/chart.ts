// The /timeline chart: what the ChartSpec renderer draws, from the dataset's dates and official totals.
import type { City, Dataset, FuzzyDate } from '../data/types.js';
import { timeline, type YearRange } from '../domain/facts/timeline.js';
import { formatList, type Locale } from '../i18n/index.js';
import { cityName } from '../i18n/names.js';
import type { ChartSpec } from '../render/image/chart.js';
import { t } from './chart.messages.js';
import { TIER_COLORS } from './map.js';

const ALL_COLOR = '#374151';
const BAND_COLOR = '#fff4cc';

/** A date as a point in time: 1982-10-08 → 1982.77; a month is taken at its middle, a year at mid-year. */
function fractionalYear(date: FuzzyDate): number {
  const [year, month, day] = date.date.split('-').map(Number) as [number, number?, number?];
  if (date.precision === 'year' || month === undefined) return year + 0.5;
  if (date.precision === 'month' || day === undefined) return year + (month - 0.5) / 12;
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year, month - 1, day) - start) / 86_400_000;
  return year + days / ((Date.UTC(year + 1, 0, 1) - start) / 86_400_000);
}

function establishedAt(city: City): number {
  return fractionalYear(city.established!);
}

export function timelineChartSpec(data: Dataset, range: YearRange, locale: Locale): ChartSpec {
  const { dated, undated } = timeline(data);
  const friendship = dated.filter((c) => c.tier === 'friendship');
  const exchange = dated.filter((c) => c.tier === 'exchange');
  const perYear = (cities: City[]) => {
    const counts = new Map<number, number>();
    for (const city of cities) {
      const year = Math.floor(establishedAt(city));
      counts.set(year, (counts.get(year) ?? 0) + 1);
    }
    return counts;
  };
  const firstYear = Math.min(
    ...dated.map((c) => Math.floor(establishedAt(c))),
    ...data.totals.map((x) => Math.floor(fractionalYear(x.asOf))),
  );
  const lastYear = Math.max(
    Number(data.asOf.slice(0, 4)),
    ...data.totals.map((x) => Math.floor(fractionalYear(x.asOf))),
  );

  const marks: ChartSpec['marks'] = [];
  for (const total of data.totals) {
    const at = fractionalYear(total.asOf);
    if (total.friendship !== null)
      marks.push({
        at,
        value: total.friendship,
        label: String(total.friendship),
        color: TIER_COLORS.friendship,
        shape: 'diamond',
      });
    // "more than 110" and "about 107" are marked as loosely as their sources gave them.
    const loose = total.qualifier === 'more-than' ? '+' : '';
    const about = total.qualifier === 'about' ? '~' : '';
    if (total.total !== null)
      marks.push({
        at,
        value: total.total,
        label: `${about}${total.total}${loose}`,
        color: ALL_COLOR,
        shape: 'square',
      });
  }

  const notes: string[] = [];
  if (undated.length)
    notes.push(
      t(locale, 'undatedNote', {
        names: formatList(
          undated.map((c) => cityName(c, locale)),
          locale,
        ),
      }),
    );
  notes.push(t(locale, 'officialNote'));

  const highlighted = range.from !== undefined || range.to !== undefined;
  return {
    width: 1200,
    title: t(locale, 'title'),
    subtitle: t(locale, 'subtitle'),
    from: firstYear,
    to: lastYear,
    lines: [
      { label: t(locale, 'lineAll'), color: ALL_COLOR, events: dated.map(establishedAt) },
      { label: t(locale, 'lineFriendship'), color: TIER_COLORS.friendship, events: friendship.map(establishedAt) },
    ],
    lineAxis: t(locale, 'lineAxis'),
    bars: [
      { label: t(locale, 'barFriendship'), color: TIER_COLORS.friendship, counts: perYear(friendship) },
      { label: t(locale, 'barExchange'), color: TIER_COLORS.exchange, counts: perYear(exchange) },
    ],
    barAxis: t(locale, 'barAxis'),
    marks,
    ...(highlighted ? { highlight: { from: range.from ?? firstYear, to: range.to ?? lastYear } } : {}),
    key: [
      { kind: 'line', color: ALL_COLOR, label: t(locale, 'lineAll') },
      { kind: 'line', color: TIER_COLORS.friendship, label: t(locale, 'lineFriendship') },
      { kind: 'diamond', color: TIER_COLORS.friendship, label: t(locale, 'markFriendship') },
      { kind: 'square', color: ALL_COLOR, label: t(locale, 'markTotal') },
      { kind: 'bar', color: TIER_COLORS.friendship, label: t(locale, 'barFriendship') },
      { kind: 'bar', color: TIER_COLORS.exchange, label: t(locale, 'barExchange') },
      ...(highlighted ? [{ kind: 'band' as const, color: BAND_COLOR, label: t(locale, 'band') }] : []),
    ],
    notes,
  };
}

export function chartDescription(locale: Locale): string {
  return t(locale, 'imageDescription');
}
