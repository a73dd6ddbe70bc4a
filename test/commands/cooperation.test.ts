import { describe, expect, it } from 'vitest';
import { command as cooperation } from '../../src/commands/cooperation.js';
import { TOPICS } from '../../src/domain/facts/cooperation.js';
import { topicLabel } from '../../src/i18n/names.js';
import { app, body, click, run, visibleText } from './context.js';

describe('/cooperation', () => {
  it('with a topic: one line per city with its sentence, and sources', async () => {
    const reply = await run(cooperation, { topic: 'transport' });
    const embed = body(reply).embeds[0]!;
    expect(embed.title).toBe('Transport and logistics: who works on it with Wuhan');
    const duisburg = app().resolver.byId('duisburg')!;
    const sentence = duisburg.cooperation.find((c) => c.topic === 'transport')!.text;
    expect(embed.description).toContain(`🇩🇪 **Duisburg:** ${sentence}`);
    expect(embed.fields?.find((f) => f.name === 'Sources')?.value).toMatch(/\]\(https?:/);
  });

  it('with a city: what Wuhan and that city work on, by topic', async () => {
    const reply = await run(cooperation, { city: 'Bordeaux' });
    const embed = body(reply).embeds[0]!;
    expect(embed.title).toContain('Wuhan and Bordeaux: cooperation');
    const bordeaux = app().resolver.byId('bordeaux')!;
    const topics = new Set(bordeaux.cooperation.map((c) => topicLabel(c.topic, 'en')));
    expect(embed.fields?.map((f) => f.name).filter((n) => n !== 'Sources')).toEqual(
      TOPICS.map((t) => topicLabel(t, 'en')).filter((l) => topics.has(l)),
    );
  });

  it('with a city and a topic: only that topic, or says there is none', async () => {
    const health = body(await run(cooperation, { city: 'Bordeaux', topic: 'health' })).embeds[0]!;
    expect(health.fields?.map((f) => f.name)).toEqual(['Health', 'Sources']);
    const none = body(await run(cooperation, { city: 'Saratov', topic: 'sport' })).embeds[0]!;
    expect(none.description).toBe('The data has no sourced cooperation with Saratov on sport.');
  });

  it('with neither: every topic with a count and examples', async () => {
    const text = visibleText(await run(cooperation));
    for (const topic of TOPICS) expect(text).toContain(`**${topicLabel(topic, 'en')}**`);
    expect(text).toMatch(/\*\*Transport and logistics\*\*: \d+ cities(, e\.g\.|:) .*Duisburg/);
  });

  it('answers in Chinese, with Chinese topic names in the menu', async () => {
    const text = visibleText(await run(cooperation, { city: 'Duisburg' }, 'zh-CN'));
    expect(text).toContain('武汉与杜伊斯堡市的合作');
    expect(text).toContain('交通与物流');
    const choices = cooperation.definition.options.find((o) => o.name === 'topic')!.choices!;
    expect(choices.map((c) => c.value)).toEqual([...TOPICS]);
    expect(choices.find((c) => c.value === 'environment')?.name).toEqual({
      en: 'Environment and water',
      'zh-CN': '环境与水务',
    });
  });

  it('asks which city when unsure, and the pick shows that city’s cooperation, not its card', async () => {
    const reply = await run(cooperation, { city: 'ma', topic: 'education' });
    expect(reply.ephemeral).toBe(true);
    const menu = reply.actions?.[0]?.[0];
    if (menu?.type !== 'select') return expect.fail('expected a city menu');
    expect(menu.customId).toBe('cooperation:pick:education');
    expect(menu.options.map((o) => o.value)).toContain('manchester');
    const picked = await click(cooperation, menu.customId.slice('cooperation:'.length), ['manchester']);
    if (picked.kind !== 'update') return expect.fail('expected an update');
    const embed = body(picked.reply).embeds[0]!;
    expect(embed.title).toContain('Wuhan and Manchester: cooperation');
    expect(embed.fields?.map((f) => f.name)).toEqual(['Education', 'Sources']);
    expect(body(picked.reply).components).toEqual([]);
    expect(picked.reply.content).toBe('');

    const anyTopic = await run(cooperation, { city: 'Bor' });
    const anyMenu = anyTopic.actions?.[0]?.[0];
    expect(anyMenu?.type === 'select' && anyMenu.customId).toBe('cooperation:pick:');
    const bordeaux = await click(cooperation, 'pick:', ['bordeaux'], 'zh-CN');
    if (bordeaux.kind !== 'update') return expect.fail('expected an update');
    expect(body(bordeaux.reply).embeds[0]?.title).toContain('武汉与波尔多市的合作');
  });

  it('answers a stale or forged pick with a short private note', async () => {
    for (const [id, values] of [
      ['pick:', ['atlantis']],
      ['pick:football', ['bordeaux']],
      ['other', ['bordeaux']],
    ] as const) {
      const result = await click(cooperation, id, [...values]);
      expect(result.kind).toBe('reply');
      if (result.kind === 'reply') expect(result.reply.ephemeral).toBe(true);
    }
  });

  it('passes an unknown city or topic back clearly', async () => {
    expect((await run(cooperation, { city: 'Qzxqzx' })).content).toContain('No partner city called “Qzxqzx”');
    const reply = await run(cooperation, { topic: 'football' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('There is no topic “football”');
  });
});
