import { describe, expect, it } from 'vitest';
import { command as count } from '../../src/commands/count.js';
import { coverageSentence } from '../../src/domain/facts/coverage.js';
import { app, body, click, context, run, visibleText } from './context.js';

describe('/count', () => {
  it('gives the official totals with their dates', async () => {
    const text = visibleText(await run(count));
    expect(text).toContain('17 April 2019');
    expect(text).toContain('111 = 28 international friendship cities + 83 friendly exchange cities');
    expect(text).toContain('sub-provincial');
    expect(text).toContain('99 = 22 international friendship cities + 77 friendly exchange cities');
    expect(text).toMatch(/December 2010[\s\S]*16 international friendship cities/);
    expect(text).toContain('125 cities in 64 countries, both tiers together');
    // November 2013's report gives 20 cities without saying at which level.
    expect(text).toMatch(/November 2013[\s\S]*20 cities \(level not stated\)/);
    expect(text).not.toContain('20 cities, both tiers together');
  });

  it('leads with the answer: the official list with its date, what was signed since, the latest all-partner total', async () => {
    const reply = await run(count);
    // The answer is the message text, shown above the cards.
    const answer = { description: reply.content ?? '' };
    const lines = answer.description.split('\n');
    expect(lines[0]).toBe('**How many partner cities Wuhan has**');
    expect(lines[1]).toBe(
      '**28** international friendship (sister) cities on Wuhan’s latest official list, of **30 June 2021**.',
    );
    expect(lines[2]).toBe(
      'Since that list: **São Paulo** signed a sister-city agreement on 11 November 2025. No newer official count was found, so it is not added to the figure above.',
    );
    expect(answer.description).toContain(
      'Latest count of all partner cities, both tiers: **125 cities in 64 countries, both tiers together**, as of 22 April 2025.',
    );
    // A memorandum or a district tie is named as what it is and never counted.
    const others = lines.find((line) => line.startsWith('Not partner cities, and not counted anywhere here: ')) ?? '';
    expect(others).toContain('Kazan (memorandum only)');
    expect(others).toContain('Graz District II (Geidorf) (district tie)');
    expect(answer.description).not.toMatch(/\b29\b/);
    const zh = (await run(count, {}, 'zh-CN')).content ?? '';
    expect(zh.split('\n')[1]).toBe('武汉最新的官方名单（**2021年6月30日**）上有**28**个国际友好城市（姐妹城市）。');
  });

  it('then the totals as what each source said over the years, each row with its source', async () => {
    const totals = body(await run(count)).embeds[0]!;
    expect(totals.title).toBe('Totals over the years');
    expect(visibleText(await run(count))).not.toMatch(/as Wuhan announced/);
    for (const f of totals.fields ?? []) expect(f.value, f.name).toMatch(/\]\(https?:/);
    expect(body(await run(count, {}, 'zh-CN')).embeds[0]?.title).toBe('历年总数');
  });

  it('keeps each published total as published: no sum where the source gave none, "more than" kept, 2014\'s 20 of unstated level', async () => {
    const totals = body(await run(count)).embeds[0]!;
    const value = (name: string) => totals.fields?.find((f) => f.name === name)?.value ?? '';
    expect(value('1 September 2016')).toContain(
      '**22 international friendship cities and 70 friendly exchange cities (no total given)**',
    );
    expect(value('1 September 2016')).toContain('Changjiang Daily gave 77');
    expect(value('20 October 2019')).toContain(
      '**more than 110 cities in more than 50 countries, both tiers together**',
    );
    expect(value('February 2014')).toContain('**20 cities (level not stated)**');
  });

  it('links each official total to its source', async () => {
    const totals = body(await run(count)).embeds[0]!;
    const april2019 = totals.fields?.find((f) => f.name === '17 April 2019');
    expect(april2019?.value).toContain('](http://www.towuhan.com/Culture/351/)');
  });

  it('is honest about how much of the official totals the dataset covers', async () => {
    const listed = app().data.cities.filter((c) => c.tier === 'exchange').length;
    const reply = await run(count);
    const sentence = body(reply).embeds[1]?.description ?? '';
    expect(sentence).toBe(coverageSentence(app().data, 'en'));
    expect(sentence).toContain(
      'all 28 international friendship cities on Wuhan’s official count of 30 June 2021, plus São Paulo, signed after that list',
    );
    // No source shows the exchange cities in the data are among the official 83, so the sentence does not say so.
    expect(sentence).toContain(`${listed} cities that sources name as friendly exchange partners`);
    expect(sentence).toContain('no full list of the 83');
    expect(sentence).not.toContain(`${listed} of the 83`);
  });

  it('breaks the dataset down by tier, continent, decade and country', async () => {
    const dataset = body(await run(count)).embeds[1]!;
    const names = dataset.fields?.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['By tier', 'By continent', 'By decade established', 'By country']));
    const decades = dataset.fields?.find((f) => f.name === 'By decade established')?.value ?? '';
    expect(decades).toContain('1970s: 1');
    expect(decades).toMatch(/date not known: \d+/);
    expect(dataset.fields?.find((f) => f.name === 'By country')?.value).toContain('🇷🇺 Russia: 2');
    expect(visibleText(await run(count))).toContain('Arnhem ended its tie on 21 July 2021.');
  });

  it('with a country: only that country’s partners, and how complete the data is', async () => {
    const reply = await run(count, { country: 'Germany' });
    expect(reply.cards).toHaveLength(1);
    const text = visibleText(reply);
    expect(text).toContain('Partners in Germany');
    expect(text).toContain('The dataset lists 1 partner city in Germany.');
    expect(text).toContain('8 October 1982 · 🇩🇪 **Duisburg**');
    expect(text).toContain(coverageSentence(app().data, 'en'));
    expect(text).not.toContain('Totals over the years');
    expect(text).not.toContain('sub-provincial');
  });

  it('with a country and a tier it has none of: says so, and what the country does have', async () => {
    const reply = await run(count, { country: 'Germany', tier: 'exchange' });
    expect(body(reply).embeds[0]?.description).toMatch(
      /^No friendly exchange city in Germany in the data \(1 international friendship city: Duisburg\)\./,
    );
    const zh = await run(count, { country: 'Germany', tier: 'exchange' }, 'zh-CN');
    expect(body(zh).embeds[0]?.description).toMatch(/^数据中没有德国的友好交流城市（有1个国际友好城市：杜伊斯堡市）。/);
    const korea = body(await run(count, { country: 'KR', tier: 'exchange' })).embeds[0]?.description ?? '';
    expect(korea).toMatch(/^The dataset lists \d+ friendly exchange cit(y|ies) in South Korea\./);
    expect(korea).not.toContain('Cheongju');
  });

  it('splits a country’s count by tier when it has both', async () => {
    const text = visibleText(await run(count, { country: 'United States' }));
    expect(text).toContain(
      'The dataset lists 3 partner cities in the United States: 1 international friendship city and 2 friendly exchange cities.',
    );
  });

  it('offers a menu for an unclear country, and the pick shows that country with the tier kept', async () => {
    const reply = await run(count, { country: 'Sw', tier: 'friendship' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('Did you mean: Sweden?');
    const menu = reply.actions?.[0]?.[0];
    if (menu?.type !== 'select') return expect.fail('expected a country menu');
    expect(menu.customId).toBe('count:pick:friendship');
    expect(menu.options.map((o) => o.value)).toEqual(['SE']);
    const picked = await click(count, menu.customId.slice('count:'.length), ['SE']);
    if (picked.kind !== 'update') return expect.fail('expected an update');
    const text = visibleText(picked.reply);
    expect(text).toContain('Partners in Sweden');
    expect(text).toContain('Borlänge');
    expect(body(picked.reply).components).toEqual([]);
    expect((await click(count, 'pick:', ['XX'])).kind).toBe('reply');
    expect((await click(count, 'pick:nonsense', ['SE'])).kind).toBe('reply');
  });

  it('treats invisible characters as no country, and a mention as not a country', async () => {
    expect((await run(count, { country: '\u200b' })).content).toMatch(/^\*\*How many partner cities Wuhan has\*\*/); // no country: the full count
    expect((await run(count, { country: '<@123>' })).content).toMatch(/^That is a mention, not a country\./);
  });

  it('limits the breakdown to one tier', async () => {
    const reply = await run(count, { tier: 'exchange' });
    const dataset = body(reply).embeds[1]!;
    expect(dataset.title).toContain('Friendly exchange city');
    const cities = dataset.fields?.find((f) => f.name === 'Cities')?.value ?? '';
    expect(cities).toContain('San Francisco');
    expect(cities).not.toContain('Duisburg');
  });

  it('says so when a country is unknown, with a way on', async () => {
    const reply = await run(count, { country: 'Atlantis' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('No country called “Atlantis”');
  });

  it('answers in Chinese for zh-CN, decades written as on the cards', async () => {
    const text = visibleText(await run(count, {}, 'zh-CN'));
    expect(text).toContain('20世纪70年代：1');
    expect(text).toMatch(/2010年代：\d+/);
    expect(text).not.toContain('21世纪');
    expect(text).toContain('2019年4月17日');
    expect(text).toContain('111 = 28个国际友好城市 + 83个友好交流城市');
    expect(text).toContain('本数据集收录了截至2021年6月30日武汉官方公布的全部28个国际友好城市');
  });

  it('autocompletes countries with their Chinese names and ISO codes', () => {
    const choices = count.autocomplete({ name: 'country', value: 'germ' }, { options: {} }, context());
    expect(choices[0]).toEqual({ name: 'Germany · 德国', value: 'DE' });
  });
});
