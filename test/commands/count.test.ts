import { describe, expect, it } from 'vitest';
import { command as count } from '../../src/commands/count.js';
import { coverageSentence } from '../../src/domain/facts/coverage.js';
import { app, body, context, run, visibleText } from './context.js';

describe('/count', () => {
  it('gives the official totals with their dates', async () => {
    const text = visibleText(await run(count));
    expect(text).toContain('17 April 2019');
    expect(text).toContain('111 = 28 international friendship cities + 83 friendly exchange cities');
    expect(text).toContain('sub-provincial');
    expect(text).toContain('99 = 22 international friendship cities + 77 friendly exchange cities');
    expect(text).toMatch(/December 2010[\s\S]*16 international friendship cities/);
    expect(text).toContain('125 cities in 64 countries, both tiers together');
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
    expect(sentence).toContain('all 28 international friendship cities');
    expect(sentence).toContain(`${listed} of the 83 friendly exchange cities`);
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

  it('lists the partners in one country', async () => {
    const text = visibleText(await run(count, { country: 'Germany' }));
    expect(text).toContain('Partners in Germany');
    expect(text).toContain('Duisburg');
    expect(text).toContain('8 October 1982');
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

  it('answers in Chinese for zh-CN', async () => {
    const text = visibleText(await run(count, {}, 'zh-CN'));
    expect(text).toContain('2019年4月17日');
    expect(text).toContain('111 = 28个国际友好城市 + 83个友好交流城市');
    expect(text).toContain('本数据集收录了截至2021年6月30日武汉官方公布的全部28个国际友好城市');
  });

  it('autocompletes countries with their Chinese names and ISO codes', () => {
    const choices = count.autocomplete({ name: 'country', value: 'germ' }, { options: {} }, context());
    expect(choices[0]).toEqual({ name: 'Germany · 德国', value: 'DE' });
  });
});
