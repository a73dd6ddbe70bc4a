// What Wuhan and its partners work on together, by topic.
import { type City, type Cooperation, type Dataset, TOPICS, type Topic } from '../../data/types.js';

export { TOPICS };

export function isTopic(value: unknown): value is Topic {
  return typeof value === 'string' && (TOPICS as readonly string[]).includes(value);
}

export interface CityCooperation {
  city: City;
  entries: Cooperation[];
}

/** The cities that work with Wuhan on a topic, each with its entries on it; in dataset order. */
export function cooperationOnTopic(data: Dataset, topic: Topic): CityCooperation[] {
  const out: CityCooperation[] = [];
  for (const city of data.cities) {
    const entries = city.cooperation.filter((c) => c.topic === topic);
    if (entries.length) out.push({ city, entries });
  }
  return out;
}

export interface TopicCooperation {
  topic: Topic;
  entries: Cooperation[];
}

/** One city's cooperation grouped by topic, topics in TOPICS order; only `topic` when given. */
export function cooperationOfCity(city: City, topic?: Topic): TopicCooperation[] {
  return TOPICS.filter((t) => !topic || t === topic)
    .map((t) => ({ topic: t, entries: city.cooperation.filter((c) => c.topic === t) }))
    .filter((g) => g.entries.length > 0);
}

export interface TopicSummary {
  topic: Topic;
  cities: City[];
}

/** Per topic, the cities with at least one entry on it. Topics nobody works on are included with none. */
export function cooperationSummary(data: Dataset): TopicSummary[] {
  return TOPICS.map((topic) => ({
    topic,
    cities: data.cities.filter((c) => c.cooperation.some((e) => e.topic === topic)),
  }));
}
