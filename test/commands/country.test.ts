import { describe, expect, it } from 'vitest';
import { command as country } from '../../src/commands/country.js';
import { countryCard } from '../../src/views/count.js';
import { app, body, context, run, visibleText } from './context.js';

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

  it('says so for a country with no partner city', () => {
    const peru = { name: 'Peru', code: 'PE', zh: '秘鲁', continent: 'South America' as const };
    expect(countryCard(app().data, peru, 'en').description).toBe('The dataset lists no partner city in Peru.');
  });

  it('autocompletes countries', () => {
    const choices = country.autocomplete({ name: 'name', value: 'jap' }, { options: {} }, context());
    expect(choices[0]?.value).toBe('JP');
  });
});
