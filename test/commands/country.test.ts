import { describe, expect, it } from 'vitest';
import { command as country } from '../../src/commands/country.js';
import { countryCard } from '../../src/views/count.js';
import { app, body, click, context, run, visibleText } from './context.js';

describe('/country', () => {
  it('lists the partner cities in Germany with their dates', async () => {
    const reply = await run(country, { name: 'Germany' });
    const embed = body(reply).embeds[0]!;
    expect(embed.title).toBe('🇩🇪 Partners in Germany');
    expect(embed.description).toContain('The dataset lists 1 partner city in Germany.');
    expect(embed.description).toContain('8 October 1982 · 🇩🇪 **Duisburg**');
  });

  it('lists several cities oldest first and marks the exchange tier', async () => {
    const text = visibleText(await run(country, { name: 'United States' }));
    expect(text).toContain('3 partner cities');
    expect(text.indexOf('Pittsburgh')).toBeLessThan(text.indexOf('St. Louis'));
    expect(text.indexOf('St. Louis')).toBeLessThan(text.indexOf('San Francisco'));
    expect(text).toMatch(/San Francisco\*\* · _exchange city_/);
  });

  it('finds a country by its Chinese name and answers in Chinese', async () => {
    const text = visibleText(await run(country, { name: '英国' }, 'zh-CN'));
    expect(text).toContain('英国的友好城市');
    expect(text).toContain('曼彻斯特市');
    expect(text).toContain('1986年10月');
  });

  it('says when a country is unknown, with suggestions or a way on', async () => {
    const reply = await run(country, { name: 'Atlantis' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('No country called “Atlantis”');
    expect((await run(country, { name: '' })).content).toMatch(/^Which country\?/);
  });

  it('tells a real country without partners apart from a name that is no country', async () => {
    // Brazil has partners since the second audit (São Paulo, São Luís), so Peru stands in for a country without.
    const peru = await run(country, { name: 'Peru' });
    expect(peru.content).toBe(
      'None of Wuhan’s partner cities in the data is in Peru. Run /count to see every country with a partner city.',
    );
    expect(peru.actions ?? []).toEqual([]);
    expect((await run(country, { name: 'philippines' })).content).toContain('is in the Philippines.');
    expect((await run(country, { name: '秘鲁' }, 'zh-CN')).content).toContain('没有一个位于秘鲁');
  });

  it('shows a memorandum in a country as what it is, and counts no partner there', async () => {
    const text = visibleText(await run(country, { name: 'Czech Republic' }));
    expect(text).toContain('The dataset lists no partner city in the Czech Republic.');
    expect(text).toContain('Not partner cities, not counted: Jihlava (memorandum only).');
  });

  it('puts “the” before the names that take it in English', async () => {
    for (const [name, title] of [
      ['US', 'Partners in the United States'],
      ['GB', 'Partners in the United Kingdom'],
      ['NL', 'Partners in the Netherlands'],
      ['DE', 'Partners in Germany'],
    ] as const) {
      const embed = body(await run(country, { name })).embeds[0]!;
      expect(embed.title).toContain(title);
    }
    expect(body(await run(country, { name: 'NL' })).embeds[0]?.description).toMatch(
      /^The dataset lists 1 partner city in the Netherlands\./,
    );
    expect(body(await run(country, { name: 'NL' }, 'zh-CN')).embeds[0]?.title).toBe('🇳🇱 荷兰的友好城市');
  });

  it('says plainly in Chinese that Wuhan has no partner in China', async () => {
    const reply = await run(country, { name: '中国' }, 'zh-CN');
    expect(reply.content?.split('\n')[0]).toBe(
      '本数据集收录的武汉友好城市中，没有一个位于中国。运行 /数量 可查看有友好城市的全部国家。',
    );
  });

  it('offers a menu of close countries, and the pick shows that country', async () => {
    const reply = await run(country, { name: 'Sw' });
    expect(reply.content).toContain('Did you mean: Sweden?');
    const menu = reply.actions?.[0]?.[0];
    if (menu?.type !== 'select') return expect.fail('expected a country menu');
    expect(menu.customId).toBe('country:pick');
    const picked = await click(country, 'pick', ['SE'], 'zh-CN');
    if (picked.kind !== 'update') return expect.fail('expected an update');
    expect(body(picked.reply).embeds[0]?.title).toBe('🇸🇪 瑞典的友好城市');
    expect(body(picked.reply).components).toEqual([]);
    const stale = await click(country, 'pick', ['XX']);
    expect(stale.kind === 'reply' && stale.reply.ephemeral).toBe(true);
  });

  it('treats invisible characters alone as an empty name, and a mention as not a country', async () => {
    for (const name of ['\u200b', '\u200b\u2060 ']) {
      const reply = await run(country, { name });
      expect(reply.content).toMatch(/^Which country\?/);
      expect(reply.actions ?? []).toEqual([]);
    }
    expect((await run(country, { name: '<@123>' })).content).toMatch(/^That is a mention/);
    const link = await run(country, { name: '[Narnia](https://evil.example)' });
    expect(link.content).toMatch(/^No country called “Narnia”/);
    expect(link.content).not.toContain('evil');
  });

  it('says so for a country with no partner city', () => {
    const peru = { name: 'Peru', code: 'PE', zh: '秘鲁', continent: 'South America' as const };
    expect(countryCard(app().data, peru, 'en').description).toBe('The dataset lists no partner city in Peru.');
  });

  it('autocompletes countries', () => {
    const choices = country.autocomplete({ name: 'name', value: 'jap' }, { options: {} }, context());
    expect(choices[0]?.value).toBe('JP');
  });
});
