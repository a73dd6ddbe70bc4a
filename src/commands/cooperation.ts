// /cooperation [topic] [city]: what Wuhan and its partners work on.
import type { Topic } from '../data/types.js';
import { isTopic, TOPICS } from '../domain/facts/cooperation.js';
import { LOCALES } from '../i18n/index.js';
import { topicLabel } from '../i18n/names.js';
import {
  cooperationOfCityReply,
  cooperationOnTopicReply,
  cooperationOverviewReply,
  unknownTopicReply,
} from '../views/cooperation.js';
import { staleChoiceReply } from '../views/common.js';
import { cleanQuery } from '../views/format.js';
import { cityChoices, lookUpCity } from '../app/lookup.js';
import { componentId } from './component-id.js';
import { defineCommand, type OptionValue } from './types.js';

/** A topic value, or (from the console) its label in either language, any case. */
function parseTopic(value: OptionValue | undefined): Topic | 'invalid' | undefined {
  if (value === undefined || value === '') return undefined;
  if (isTopic(value)) return value;
  if (typeof value !== 'string') return 'invalid';
  const wanted = value.trim().toLowerCase();
  return (
    TOPICS.find((t) => t === wanted || LOCALES.some((l) => topicLabel(t, l).toLowerCase() === wanted)) ?? 'invalid'
  );
}

const NAME = 'cooperation';

/** "cooperation:pick:<topic>", the topic empty when none was asked: picking a city shows its cooperation on it. */
function pickId(topic: Topic | undefined): string {
  return componentId(NAME, `pick:${topic ?? ''}`);
}

/** The topic a pickId carried (undefined for none); null when `id` is no pickId or names no topic. */
function parsePickId(id: string): { topic: Topic | undefined } | null {
  const match = /^pick:(\w*)$/.exec(id);
  if (!match) return null;
  const topic = match[1] ? parseTopic(match[1]) : undefined;
  return topic === 'invalid' ? null : { topic };
}

export const command = defineCommand({
  definition: {
    name: NAME,
    nameZh: '合作',
    description: {
      en: 'What Wuhan and its partner cities work on together, by topic or by city',
      'zh-CN': '武汉与友好城市的合作内容，可按领域或城市查看',
    },
    options: [
      {
        name: 'topic',
        nameZh: '领域',
        description: { en: 'A field of cooperation', 'zh-CN': '合作领域' },
        type: 'string',
        choices: TOPICS.map((topic) => ({
          name: { en: topicLabel(topic, 'en'), 'zh-CN': topicLabel(topic, 'zh-CN') },
          value: topic,
        })),
      },
      {
        name: 'city',
        nameZh: '城市',
        description: { en: 'A partner city', 'zh-CN': '一个友好城市' },
        type: 'string',
        autocomplete: true,
        maxLength: 100,
      },
    ],
  },
  examples: ['/cooperation topic:education', '/cooperation city:Bordeaux'],
  examplesZh: ['/合作 领域:教育', '/合作 城市:波尔多'],
  run(input, ctx) {
    const { app, locale } = ctx;
    const topic = parseTopic(input.options.topic);
    if (topic === 'invalid') return unknownTopicReply(String(input.options.topic), locale);
    const cityText = input.options.city;
    if (cityText && cleanQuery(cityText)) {
      const found = lookUpCity(app, cityText, locale, pickId(topic));
      if (found.kind === 'reply') return found.reply;
      return cooperationOfCityReply(app.data, found.city, topic, locale);
    }
    return topic ? cooperationOnTopicReply(app.data, topic, locale) : cooperationOverviewReply(app.data, locale);
  },
  autocomplete: (focused, _input, ctx) =>
    focused.name === 'city' ? cityChoices(ctx.app, focused.value, ctx.locale) : [],
  component(id, values, ctx) {
    const picked = parsePickId(id);
    const city = picked && values[0] ? ctx.app.resolver.byId(values[0]) : undefined;
    if (!picked || !city) return { kind: 'reply', reply: staleChoiceReply(ctx.locale) };
    const { topic } = picked;
    return {
      kind: 'update',
      reply: { ...cooperationOfCityReply(ctx.app.data, city, topic, ctx.locale), content: '', actions: [] },
    };
  },
});
