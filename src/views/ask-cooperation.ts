// /ask views: What Wuhan and its partners work on, and the landmarks that mark the ties.
import type { City, Topic } from '../data/types.js';
import type { Answer } from '../domain/ask/index.js';
import type { Locale } from '../i18n/index.js';
import { cityName, topicLabel } from '../i18n/names.js';
import { t } from './ask.messages.js';
import { bullet, localText } from './format.js';
import { type AskView, type AskViews, type Body, colon } from './ask-common.js';

function landmarksView(answer: Extract<Answer, { kind: 'landmarks' }>, v: AskView): Body {
  const { L, name, country, locale } = v;
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

function cooperationView(answer: Extract<Answer, { kind: 'cooperation' }>, v: AskView): Body {
  const { L, locale } = v;
  return { title: L('titleCooperation'), lines: cooperationLines(answer.city, answer.groups, answer.topic, locale) };
}

function cooperationManyView(answer: Extract<Answer, { kind: 'cooperationMany' }>, v: AskView): Body {
  const { L, locale } = v;
  return {
    title: L('titleCooperation'),
    lines: answer.perCity.flatMap(({ city, groups }, i) => [
      ...(i ? [''] : []),
      ...cooperationLines(city, groups, answer.topic, locale),
    ]),
  };
}

function cooperationTopicView(answer: Extract<Answer, { kind: 'cooperationTopic' }>, v: AskView): Body {
  const { L, name, locale } = v;
  const topic = topicInSentence(answer.topic, locale);
  if (!answer.partners.length) return { title: L('titleCooperation'), lines: [L('cooperationTopicNone', { topic })] };
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

function cooperationOverviewView(answer: Extract<Answer, { kind: 'cooperationOverview' }>, v: AskView): Body {
  const { L, list, locale } = v;
  return {
    title: L('titleCooperation'),
    lines: [
      L('cooperationOverviewIntro'),
      ...answer.topics
        .filter((s) => s.cities.length)
        .map((s) => bullet(`**${topicLabel(s.topic, locale)}**${colon(locale)}${list(s.cities)}`)),
    ],
  };
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

/** The views of this file's answer kinds, for the registry in ./ask.ts. */
export const cooperationViews = {
  landmarks: landmarksView,
  cooperation: cooperationView,
  cooperationMany: cooperationManyView,
  cooperationTopic: cooperationTopicView,
  cooperationOverview: cooperationOverviewView,
} satisfies Partial<AskViews>;
