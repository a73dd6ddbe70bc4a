// Which sources back what we say about a city, in the order the card shows the facts.
import type { City, Dataset, Source, SourceId } from '../../data/types.js';
import { statusSourceIds } from './partners.js';

function collect(city: City, statusIds: readonly SourceId[]): SourceId[] {
  const ids = new Set<SourceId>();
  const add = (list: readonly SourceId[] | undefined) => list?.forEach((id) => ids.add(id));
  add(city.summary.sources);
  add(city.names.zhSources);
  add(city.tierNote?.sources);
  add(city.established?.sources);
  city.conflictingDates.forEach((d) => add(d.sources));
  add(statusIds);
  city.landmarks.forEach((l) => add(l.sources));
  city.cooperation.forEach((c) => add(c.sources));
  city.highlights.forEach((h) => add(h.sources));
  city.caveats.forEach((c) => add(c.sources));
  add(city.coordinates?.sources);
  return [...ids];
}

/** Every source id a city's own facts cite, first mention first, without repeats. */
export function citySourceIds(city: City): SourceId[] {
  return collect(city, statusSourceIds(city.status));
}

/** The Source records for ids, skipping ids the dataset does not know (the loader reports those). */
export function sourcesById(data: Dataset, ids: readonly SourceId[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const id of ids) {
    const source = data.sources.get(id);
    // Two ids can point at the same page (a mirror cited twice): list the page once.
    if (source && !seen.has(source.url)) {
      seen.add(source.url);
      out.push(source);
    }
  }
  return out;
}

/** The sources a city card lists: its own facts' and the ones its status rests on (the list, a report, the end). */
export function citySources(data: Dataset, city: City): Source[] {
  return sourcesById(data, collect(city, statusSourceIds(city.status)));
}
