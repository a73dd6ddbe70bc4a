// Retrieval over the data's sentences: every sourced statement is indexed in both languages, a
// question finds the sentences that answer it, and what no sentence says is never made up.
import { describe, expect, it } from 'vitest';
import { collectPassages, passageIndex, textTerms } from '../../src/domain/ask/retrieval.js';
import { app } from '../commands/context.js';

describe('the sentence index', () => {
  const data = app().data;
  const index = passageIndex(data);

  it('holds every note of every city and every official total, each with its sources and both languages', () => {
    const notes = data.cities.reduce(
      (n, c) =>
        n +
        2 +
        c.highlights.length +
        c.caveats.length +
        c.cooperation.length +
        c.landmarks.length +
        (c.established?.note ? 1 : 0) +
        c.conflictingDates.filter((d) => d.note).length +
        (c.status.state === 'active' || (c.status.state === 'unknown' && !c.status.sources?.length) ? 0 : 1) +
        (c.tierNote ? 1 : 0),
      0,
    );
    expect(index.passages.length).toBe(notes + data.totals.length);
    expect(collectPassages(data).length).toBe(index.passages.length);
    for (const p of index.passages) {
      expect(p.text, `${p.city?.id} ${p.field}`).not.toBe('');
      if (p.field !== 'names') expect(p.textZh, `${p.city?.id} ${p.field}`).not.toBe('');
      if (p.field !== 'names') expect(p.sources.length, `${p.city?.id} ${p.field}`).toBeGreaterThan(0);
    }
  });

  it('reads Chinese as characters and pairs of characters, other scripts as folded words', () => {
    expect(textTerms('洪水')).toEqual(['洪', '洪水', '水']);
    expect(textTerms('Ōita donated ¥4,350,000 to the city')).toEqual(['oita', 'donated', '350', '000']);
  });

  it('finds the sentence that answers, in English and in Chinese', () => {
    const en = index.search('which sister city donated money during the 1998 flood');
    expect(en[0]?.passage.city?.id).toBe('oita');
    expect(en[0]?.passage.text).toContain('4,350,000');
    const zh = index.search('1998年洪水时哪个友城给武汉捐了款');
    expect(zh[0]?.passage.city?.id).toBe('oita');
    expect(index.search('Who founded Wuhan Union Hospital?')[0]?.passage.text).toContain('Griffith John');
  });

  it('keeps to the cities asked about, and finds nothing for words no sentence has', () => {
    const bordeaux = data.cities.find((c) => c.id === 'bordeaux')!;
    expect(index.search('mayor', { cities: [bordeaux] }).every((h) => h.passage.city?.id === 'bordeaux')).toBe(true);
    expect(index.search('zyxwvut qqqq')).toEqual([]);
  });
});
