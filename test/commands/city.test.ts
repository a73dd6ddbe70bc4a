import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { command as city } from '../../src/commands/city.js';
import type { Reply } from '../../src/reply/reply.js';
import { cityReply } from '../../src/views/city.js';
import { app, body, click, context, field, NOW, run, visibleText } from './context.js';

/** Every line of the Sources field, and of its "(continued)" fields. */
function sourcesListed(reply: Reply, name: string): string[] {
  const fields = body(reply).embeds[0]?.fields ?? [];
  return fields
    .filter((f) => f.name === name || f.name.startsWith(`${name} (`) || f.name.startsWith(`${name}（`))
    .flatMap((f) => f.value.split('\n'));
}

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

  it('states the conflicting dates for Kópavogur once, each with numbered sources from the Sources field', async () => {
    const reply = await run(city, { name: 'Kopavogur' });
    const established = field(reply, 'Established');
    // Each date says what it dates: the 2007 declaration of intent, the 2008 agreement (second audit).
    const conflict =
      /Sources disagree: 29 September 2007 \(declaration or letter of intent\) ((?:\[\d+\])+) or 26 April 2008 \(agreement\) ((?:\[\d+\])+)\./.exec(
        established,
      );
    expect(conflict).not.toBeNull();
    const sources = sourcesListed(reply, 'Sources');
    const cited = (marks: string) =>
      [...marks.matchAll(/\[(\d+)\]/g)].map((m) => sources.find((line) => line.startsWith(`[${m[1]}] `)));
    expect(cited(conflict![1]!).join('\n')).toContain('Icelandic');
    expect(cited(conflict![2]!).join('\n')).toContain('Hubei');
    // Said once: no caveat repeating the same three dates below.
    expect(visibleText(reply).match(/26 April 2008/g)).toHaveLength(2); // the conflict line and its note
    expect(field(reply, 'Please note')).toBe('');
    expect(visibleText(reply)).toContain('not confirmed by a source'); // no sourced Chinese name
  });

  it('in Chinese, cites the conflicting dates by number, with no English page titles in the sentence', async () => {
    const established = field(await run(city, { name: 'Kopavogur' }, 'zh-CN'), '结好时间');
    const line = established.split('\n').find((l) => l.startsWith('来源说法不一'));
    expect(line).toMatch(
      /^来源说法不一：2007年9月29日（意向声明或意向书）(\[\d+\])+或2008年4月26日（协议）(\[\d+\])+。$/,
    );
    expect(line).not.toMatch(/[A-Za-z]/);
  });

  it('says a sister city is on Wuhan’s June 2021 list of 28, citing that list', async () => {
    for (const [locale, status, sources, text] of [
      ['en', 'Status', 'Sources', 'On Wuhan’s list of 28 (June 2021) '],
      ['zh-CN', '状态', '来源', '列入武汉2021年6月公布的28个国际友好城市名单'],
    ] as const) {
      const reply = await run(city, { name: 'Duisburg' }, locale);
      const value = field(reply, status);
      expect(value.startsWith(text)).toBe(true);
      const number = /\[(\d+)\]$/.exec(value)?.[1];
      const cited = sourcesListed(reply, sources).find((line) => line.startsWith(`[${number}] `));
      expect(cited).toContain('](https://ljxbmgzwsy.com/');
    }
  });

  it('numbers every source a card cites by footnote, in every card and both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const c of app().data.cities) {
        const reply = cityReply(c, app().data, NOW, locale);
        const listed = new Set(
          sourcesListed(reply, locale === 'en' ? 'Sources' : '来源').map((line) => /^\[(\d+)\] /.exec(line)?.[1]),
        );
        const cards = (body(reply).embeds[0]?.fields ?? []).filter((f) => !/^(Sources|来源)/.test(f.name));
        for (const f of cards) {
          for (const mark of f.value.matchAll(/\[(\d+)\](?!\()/g))
            expect(listed.has(mark[1]), `${c.id} ${f.name} [${mark[1]}]`).toBe(true);
        }
      }
    }
  });

  it('does not claim an exchange tie is current where no source says so, and says so', async () => {
    expect(field(await run(city, { name: 'San Francisco' }), 'Status')).toBe(
      'Current status not known: No source after the 2013 signing says whether the tie is still current.',
    );
    expect(field(await run(city, { name: 'San Francisco' }, 'zh-CN'), '状态')).toMatch(/^现状不详：/);
  });

  it('cites the source and its date where a source shows an exchange tie current', async () => {
    const reply = await run(city, { name: 'Daejeon' });
    const status = field(reply, 'Status');
    expect(status).toMatch(/^Current as of 21 June 2016\. .+ \[\d+\]$/);
    const number = /\[(\d+)\]$/.exec(status)?.[1];
    expect(sourcesListed(reply, 'Sources').find((line) => line.startsWith(`[${number}] `))).toContain('joongdo.co.kr');
  });

  it('hedges the tier where no source confirms the level', async () => {
    const stLouis = app().resolver.byId('st-louis')!;
    expect(stLouis.tierNote).toBeDefined();
    const tier = field(await run(city, { name: 'St. Louis' }), 'Tier');
    expect(tier).toMatch(/^Friendly exchange city \(level not confirmed: .+\) (\[\d+\])+$/);
    expect(tier).toContain(stLouis.tierNote!.text.replace(/\.$/, ''));
    const zh = field(await run(city, { name: 'St. Louis' }, 'zh-CN'), '级别');
    expect(zh).toMatch(/^友好交流城市（级别未经证实：.+）(\[\d+\])+$/);
    expect(field(await run(city, { name: 'Duisburg' }), 'Tier')).toBe('International friendship city (sister city)');
  });

  it('names the region and the landmarks in Chinese for zh-CN', async () => {
    const duisburg = app().resolver.byId('duisburg')!;
    const reply = await run(city, { name: 'Duisburg' }, 'zh-CN');
    expect(field(reply, '国家和地区')).toBe(`🇩🇪 德国 · ${duisburg.regionZh} · 欧洲`);
    expect(field(reply, '国家和地区')).not.toContain(duisburg.region!);
    const landmarks = field(reply, '地标');
    for (const landmark of duisburg.landmarks) {
      expect(landmarks).toContain(`**${landmark.zh}`);
      expect(landmarks).not.toContain(landmark.name);
    }
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

  // Second audit: Ashdod's October 2009 is the memorandum; the agreement came under a mayor in office from 2011.
  it('shows a doubted date with its doubt and its document, and counts the years as uncertain', async () => {
    const reply = await run(city, { name: 'Ashdod' });
    expect(field(reply, 'Established')).toContain('2011 (agreement; inferred; possibly later)');
    expect(field(reply, 'Established')).toMatch(
      /Sources disagree: 2011 \(agreement; inferred; possibly later\) (\[\d+\])+ or October 2009 \(memorandum\) (\[\d+\])+\./,
    );
    expect(field(reply, 'Years of friendship')).toMatch(/^about \d+ years \(if 2011\)$/);
    expect(field(await run(city, { name: 'Ashdod' }, 'zh-CN'), '结好时间')).toContain('2011年（协议；推断；可能更晚）');
  });

  it('marks an inferred date', async () => {
    expect(field(await run(city, { name: 'Swansea' }), 'Established')).toContain('August 2016 (inferred)');
  });

  it('gives Markham the signing day Hubei Daily reported (second audit)', async () => {
    expect(field(await run(city, { name: 'Markham' }), 'Established')).toMatch(/^12 September 2006\n/);
  });

  it('shows a memorandum as what it is, never as a partner city', async () => {
    const reply = await run(city, { name: 'Kazan' });
    expect(field(reply, 'Tier')).toBe('Memorandum or letter of intent only (not a partner city)');
    expect(field(reply, 'Established')).toContain('19 August 2025 (memorandum)');
    expect(field(reply, 'Status')).toMatch(
      /^Current status not known: Kazan called the memorandum a first step toward twinning/,
    );
    expect(field(await run(city, { name: 'Graz' }), 'Tier')).toBe('District-level tie (not a partner city)');
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
    expect(field(reply, '友好年数')).toBe('44年（自1982年起）');
  });

  it('offers a private select of candidates when the name fits several cities, and the pick replaces it with that card', async () => {
    const reply = await run(city, { name: 'Bor' }); // Bordeaux or Borlänge
    expect(reply.ephemeral).toBe(true);
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

  it('asks privately every time it is unsure, whatever the name', async () => {
    for (const name of ['San', 'ma', 'Bor', 'St', 'a']) {
      const reply = await run(city, { name });
      expect(reply.ephemeral, name).toBe(true);
      expect(reply.actions?.[0]?.[0]?.type, name).toBe('select');
    }
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
    expect(reply.content).toMatch(/^No partner city called “St” in the data\.\nDid you mean: St\. Louis( or |, ).*\?$/);
    const menu = reply.actions?.[0]?.[0];
    expect(menu?.type === 'select' && menu.options.map((o) => o.value)).toContain('st-louis');
  });

  it('offers what autocomplete offers when the resolver has no guess of its own', async () => {
    const suggested = city.autocomplete({ name: 'name', value: 'a' }, { options: {} }, context()).map((c) => c.value);
    expect(suggested.length).toBeGreaterThan(0);
    const reply = await run(city, { name: 'a' });
    expect(reply.content).not.toContain('Nothing close');
    const menu = reply.actions?.[0]?.[0];
    expect(menu?.type === 'select' && menu.options.map((o) => o.value)).toEqual(suggested.slice(0, 5));
  });

  it('says a mention is not a city name, and echoes only the text of a markdown link', async () => {
    for (const name of ['<@123>', '<@!123> <#456>', '<@&789>']) {
      const reply = await run(city, { name });
      expect(reply.ephemeral).toBe(true);
      expect(reply.content).toMatch(/^That is a mention, not a city name\./);
    }
    expect((await run(city, { name: '<@123>' }, 'zh-CN')).content).toMatch(/^这是一个提及/);
    const link = await run(city, { name: '[Paris](http://evil.com)' });
    expect(link.content).toMatch(/^No partner city called “Paris” in the data\./);
    expect(link.content).not.toContain('evil');
    // The link's text is what gets looked up.
    expect(body(await run(city, { name: '[Duisburg](https://evil.example/x)' })).embeds[0]?.title).toContain(
      'Duisburg',
    );
  });

  it('treats invisible characters alone as an empty name', async () => {
    for (const name of ['\u200b', '\u200b\u200b ', '\u2060\ufeff']) {
      expect((await run(city, { name })).content).toMatch(/^Which city\?/);
    }
  });

  it('forgives a typo', async () => {
    expect(body(await run(city, { name: 'Duisbrug' })).embeds[0]?.title).toContain('Duisburg');
  });

  it('echoes no mention, markdown or wall of text back', async () => {
    for (const name of [
      '@everyone',
      '<@&123456789> **bold** [x](https://evil.example)',
      'a'.repeat(6000),
      '🏙️🌉',
      '\u200b\u200b',
    ]) {
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
    const zh = city.autocomplete({ name: 'name', value: 'duis' }, { options: {} }, context('zh-CN'));
    expect(zh[0]).toEqual({ name: 'Duisburg · 杜伊斯堡市（德国）', value: 'duisburg' });
    const all = city.autocomplete({ name: 'name', value: '' }, { options: {} }, context());
    expect(all.length).toBeLessThanOrEqual(25);
    for (const c of all) expect(c.name.length).toBeLessThanOrEqual(100);
    // An empty field offers the sister cities, oldest first.
    expect(all.slice(0, 3).map((c) => c.value)).toEqual(['oita', 'pittsburgh', 'duisburg']);
    expect(all.every((c) => app().resolver.byId(c.value)?.tier === 'friendship')).toBe(true);
  });

  it('is listed in the command index', () => {
    expect(commands).toContain(city);
  });
});
