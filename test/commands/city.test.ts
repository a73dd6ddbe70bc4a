import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { command as city } from '../../src/commands/city.js';
import { app, body, click, context, field, run, visibleText } from './context.js';

describe('/city', () => {
  it('shows Duisburg with its full date, the "Wuhan China" train and linked sources', async () => {
    const reply = await run(city, { name: 'Duisburg' });
    const text = visibleText(reply);
    expect(body(reply).embeds[0]?.title).toContain('Duisburg');
    expect(text).toContain('🇩🇪');
    expect(text).toContain('8 October 1982');
    expect(text).toContain('Wuhan China');
    expect(text).toContain('杜伊斯堡市');
    const sources = field(reply, 'Sources');
    expect(sources).toMatch(/\[[^\]]+\]\(https?:\/\/[^)\s]+\)/);
    expect(sources).toContain('https://www2.duisburg.de/');
  });

  it('counts the years of friendship from today', async () => {
    expect(field(await run(city, { name: 'Duisburg' }), 'Years of friendship')).toBe('44 years (since 1982)');
  });

  it('states the conflicting dates for Kópavogur with where each comes from', async () => {
    const established = field(await run(city, { name: 'Kopavogur' }), 'Established');
    expect(established).toMatch(/Sources disagree: 2007 \(.+\) or 26 April 2008 \(.*Hubei.*\)/);
    const text = visibleText(await run(city, { name: 'Kopavogur' }));
    expect(text).toContain('not confirmed by a source'); // no sourced Chinese name
  });

  it('says Arnhem ended its tie on 21 July 2021 and how long it lasted', async () => {
    const reply = await run(city, { name: 'Arnhem' });
    expect(field(reply, 'Status')).toMatch(/^Ended on 21 July 2021: .*Uyghur/);
    expect(field(reply, 'Years of friendship')).toBe('Lasted 21 years (1999–2021)');
  });

  it('says no date is known for Bishkek, and no years either', async () => {
    const reply = await run(city, { name: 'Bishkek' });
    expect(field(reply, 'Established')).toBe('No source gives a date.');
    expect(field(reply, 'Years of friendship')).toMatch(/^Not known/);
  });

  it('marks an inferred date', async () => {
    expect(field(await run(city, { name: 'Markham' }), 'Established')).toContain('2006 (inferred)');
  });

  it('understands the 2019 article’s garbled "Dacha" as Ōita', async () => {
    expect(body(await run(city, { name: 'Dacha' })).embeds[0]?.title).toContain('Ōita');
  });

  it('accepts an autocomplete id as well as a name', async () => {
    expect(body(await run(city, { name: 'kopavogur' })).embeds[0]?.title).toContain('Kópavogur');
  });

  it('answers in Chinese with Chinese dates for zh-CN', async () => {
    const reply = await run(city, { name: 'Duisburg' }, 'zh-CN');
    expect(body(reply).embeds[0]?.title).toContain('杜伊斯堡市');
    expect(field(reply, '结好时间')).toContain('1982年10月8日');
    expect(field(reply, '状态')).toBe('有效');
    expect(field(reply, '友好年数')).toBe('44年（自1982年起）');
  });

  it('offers a select of candidates when the name fits several cities, and the pick shows that card', async () => {
    const reply = await run(city, { name: 'Bor' }); // Bordeaux or Borlänge
    const row = reply.actions?.[0]?.[0];
    expect(row?.type).toBe('select');
    if (row?.type !== 'select') return;
    expect(row.customId).toBe('city:pick');
    expect(reply.content).toMatch(/^Did you mean/);
    const ids = row.options.map((o) => o.value);
    expect(ids).toEqual(expect.arrayContaining(['bordeaux', 'borlange']));
    expect(row.options.find((o) => o.value === 'borlange')?.label).toBe('Borlänge · 博伦厄市 (Sweden)');

    const picked = await click(city, 'pick', [ids[0]!]);
    expect(picked.kind).toBe('update');
    if (picked.kind !== 'update') return;
    expect(body(picked.reply).embeds[0]?.title).toContain(app().resolver.byId(ids[0]!)!.names.en);
    expect(body(picked.reply).components).toEqual([]);
  });

  it('answers a stale or forged pick with a short ephemeral note', async () => {
    const result = await click(city, 'pick', ['no-such-city']);
    expect(result.kind).toBe('reply');
    if (result.kind === 'reply') expect(result.reply.ephemeral).toBe(true);
  });

  it('says a nonsense name is not in the data', async () => {
    const reply = await run(city, { name: 'Qzxqzx' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('No partner city called “Qzxqzx” in the data.');
  });

  it('offers close names, clickable, for a fragment that names nothing by itself', async () => {
    const reply = await run(city, { name: 'St' });
    expect(reply.content).toMatch(/^No partner city called “St” in the data\.\nClose names: .*St\. Louis/);
    const menu = reply.actions?.[0]?.[0];
    expect(menu?.type === 'select' && menu.options.map((o) => o.value)).toContain('st-louis');
  });

  it('forgives a typo', async () => {
    expect(body(await run(city, { name: 'Duisbrug' })).embeds[0]?.title).toContain('Duisburg');
  });

  it('echoes no mention, markdown or wall of text back', async () => {
    for (const name of ['@everyone', '<@&123456789> **bold** [x](https://evil.example)', 'a'.repeat(6000), '🏙️🌉', '\u200b\u200b']) {
      const reply = await run(city, { name });
      const b = body(reply);
      expect(b.allowed_mentions).toEqual({ parse: [] });
      expect(b.content ?? '').not.toMatch(/@everyone|<@|\*\*|https?:/);
      expect((b.content ?? '').length).toBeLessThan(600);
      expect(visibleText(reply).length).toBeGreaterThan(0);
    }
  });

  it('prompts for a name when none is given', async () => {
    for (const name of ['', '   ']) {
      const reply = await run(city, { name });
      expect(reply.ephemeral).toBe(true);
      expect(reply.content).toMatch(/^Which city\?/);
    }
    expect((await city.run({ options: {} }, context())).content).toMatch(/^Which city\?/);
  });

  it('autocompletes with "English · 中文 (Country)" and the city id as value', () => {
    const choices = city.autocomplete({ name: 'name', value: 'duis' }, { options: {} }, context());
    expect(choices[0]).toEqual({ name: 'Duisburg · 杜伊斯堡市 (Germany)', value: 'duisburg' });
    const all = city.autocomplete({ name: 'name', value: '' }, { options: {} }, context());
    expect(all.length).toBeLessThanOrEqual(25);
    for (const c of all) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('is listed in the command index', () => {
    expect(commands).toContain(city);
  });
});
