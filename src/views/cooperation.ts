// /cooperation: by topic, by city, or an overview of topics.
import type { City, Cooperation, Dataset, Topic } from '../data/types.js';
import { cooperationOfCity, cooperationOnTopic, cooperationSummary, TOPICS } from '../domain/facts/cooperation.js';
import { sourcesById } from '../domain/facts/sources.js';
import { formatList, type Locale } from '../i18n/index.js';
import { cityName, topicLabel } from '../i18n/names.js';
import { t } from './cooperation.messages.js';
import {
  bullet,
  COLORS,
  fitCard,
  fitLines,
  flagEmoji,
  footerText,
  labelled,
  localText,
  quoteUserText,
  sourceLines,
  type Section,
} from './format.js';
import type { Reply } from '../reply/reply.js';

const EXAMPLES = 3;

function sourcesSection(data: Dataset, entries: Cooperation[], locale: Locale): Section {
  const ids = entries.flatMap((e) => e.sources);
  return {
    name: t(locale, 'sources'),
    lines: sourceLines(sourcesById(data, ids), locale),
    minChars: 400,
    maxFields: 3,
  };
}

export function cooperationOverviewReply(data: Dataset, locale: Locale): Reply {
  const lines = cooperationSummary(data).map(({ topic, cities }) => {
    const label = topicLabel(topic, locale);
    if (!cities.length) return t(locale, 'topicNone', { topic: label });
    const names = cities.slice(0, EXAMPLES).map((c) => cityName(c, locale));
    const count = cities.length === 1 ? t(locale, 'cityOne') : t(locale, 'cityCount', { count: cities.length });
    const key = cities.length > EXAMPLES ? 'topicLine' : 'topicLineAll';
    return t(locale, key, { topic: label, count, examples: formatList(names, locale) });
  });
  return {
    cards: [
      {
        title: t(locale, 'overviewTitle'),
        description: `${t(locale, 'overviewIntro')}\n\n${lines.join('\n')}`,
        footer: footerText(data, locale),
        color: COLORS.neutral,
      },
    ],
  };
}

export function cooperationOnTopicReply(data: Dataset, topic: Topic, locale: Locale): Reply {
  const found = cooperationOnTopic(data, topic);
  // One line per city: its first sentence on the topic (most cities have just one).
  const lines = found.map(({ city, entries }) => {
    const flag = flagEmoji(city.country.code);
    return bullet(
      `${flag ? `${flag} ` : ''}${labelled(cityName(city, locale), localText(entries[0]!, locale), locale)}`,
    );
  });
  return {
    cards: [
      fitCard(
        {
          title: t(locale, 'topicTitle', { topic: topicLabel(topic, locale) }),
          description: lines.length ? fitLines(lines, 3800, locale) : t(locale, 'topicEmpty'),
          footer: footerText(data, locale),
          color: COLORS.neutral,
        },
        [
          sourcesSection(
            data,
            found.map((f) => f.entries[0]!),
            locale,
          ),
        ],
        locale,
      ),
    ],
  };
}

export function cooperationOfCityReply(data: Dataset, city: City, topic: Topic | undefined, locale: Locale): Reply {
  const groups = cooperationOfCity(city, topic);
  const name = cityName(city, locale);
  const empty = topic
    ? t(locale, 'cityTopicEmpty', {
        city: name,
        topic: locale === 'en' ? topicLabel(topic, locale).toLowerCase() : topicLabel(topic, locale),
      })
    : t(locale, 'cityEmpty', { city: name });
  const sections: Section[] = groups.map((g) => ({
    name: topicLabel(g.topic, locale),
    lines: g.entries.map((e) => bullet(localText(e, locale))),
    minChars: 150,
  }));
  if (groups.length)
    sections.push(
      sourcesSection(
        data,
        groups.flatMap((g) => g.entries),
        locale,
      ),
    );
  const flag = flagEmoji(city.country.code);
  return {
    cards: [
      fitCard(
        {
          title: `${flag ? `${flag} ` : ''}${t(locale, 'cityTitle', { city: name })}`,
          ...(groups.length ? {} : { description: empty }),
          footer: footerText(data, locale),
          color: COLORS[city.tier],
        },
        sections,
        locale,
      ),
    ],
  };
}

export function unknownTopicReply(input: string, locale: Locale): Reply {
  const topics = formatList(
    TOPICS.map((topic) => topicLabel(topic, locale)),
    locale,
  );
  return { content: t(locale, 'unknownTopic', { text: quoteUserText(input, locale), topics }), ephemeral: true };
}
