// /about: what the bot is, where its data comes from, how complete it is, how to report an error.
import type { Dataset, SourceId } from '../data/types.js';
import { coverageSentence } from '../domain/facts/coverage.js';
import { citySourceIds, sourcesById } from '../domain/facts/sources.js';
import { latestTotalFor, officialTotals } from '../domain/facts/totals.js';
import { formatDate, type Locale } from '../i18n/index.js';
import { t } from './about.messages.js';
import { COLORS, fitCard, footerText, sourceLines } from './format.js';
import type { Reply } from '../reply/reply.js';

const MOST_CITED = 5;

/**
 * The sources that back more than one city, most first, leaving out `except` and the weak pages
 * (aggregators, machine translations) that the data cites only for names and minor points.
 */
function mostCited(data: Dataset, except: Set<SourceId>): SourceId[] {
  const weak = (id: SourceId) => {
    const quality = data.sources.get(id)?.quality;
    return quality === 'low' || quality === 'machine-translated';
  };
  const cities = new Map<SourceId, number>();
  for (const city of data.cities) {
    for (const id of citySourceIds(city)) {
      if (!except.has(id) && !weak(id)) cities.set(id, (cities.get(id) ?? 0) + 1);
    }
  }
  return [...cities.entries()]
    .filter(([, count]) => count > 1)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en', { numeric: true }))
    .slice(0, MOST_CITED)
    .map(([id]) => id);
}

export function aboutReply(data: Dataset, version: string, locale: Locale): Reply {
  const list = latestTotalFor(data, 'friendship');
  // Newest first: the figures people quote today come from the latest lists.
  const official = new Set(
    officialTotals(data)
      .reverse()
      .flatMap((total) => total.sources),
  );
  const shared = sourceLines(sourcesById(data, mostCited(data, official)), locale);
  const sharedLines = shared.length ? [t(locale, 'shared'), ...shared] : [];
  const card = fitCard(
    {
      title: t(locale, 'title'),
      description: t(locale, 'what'),
      footer: footerText(data, locale),
      color: COLORS.friendship,
    },
    [
      { name: t(locale, 'coverage'), lines: [coverageSentence(data, locale)] },
      {
        name: t(locale, 'list'),
        lines: [
          list
            ? t(locale, 'listText', { count: list.friendship ?? 0, date: formatDate(list.asOf, locale) })
            : t(locale, 'listUnknown'),
        ],
      },
      {
        name: t(locale, 'officialSources'),
        lines: sourceLines(sourcesById(data, [...official]), locale),
        minChars: 300,
        maxFields: 2,
      },
      {
        name: t(locale, 'otherSources'),
        lines: [t(locale, 'perCity', { count: data.sources.size }), ...sharedLines],
        minChars: 300,
      },
      { name: t(locale, 'version'), lines: [version], inline: true },
      { name: t(locale, 'report'), lines: [t(locale, 'reportText')] },
    ],
    locale,
  );
  return { cards: [card] };
}
