import { describe, expect, it } from 'vitest';
import { command as timeline } from '../../src/commands/timeline.js';
import type { Reply } from '../../src/reply/reply.js';
import { app, body, click, run } from './context.js';

function entries(reply: Reply): string[] {
  // The description: a summary paragraph, a blank line, then one relationship per line.
  return (body(reply).embeds[0]?.description ?? '').split('\n\n')[1]?.split('\n') ?? [];
}

function buttons(reply: Reply) {
  return (reply.actions?.[0] ?? []).flatMap((a) => (a.type === 'button' ? [a] : []));
}

describe('/timeline', () => {
  // Partner cities only: memoranda and district ties close the last page, apart and uncounted.
  const dated = () =>
    app().data.cities.filter((c) => c.established && (c.tier === 'friendship' || c.tier === 'exchange')).length;
  const pages = () => Math.ceil(dated() / 10);

  it('lists the first ten relationships oldest first, with page x/y in the footer', async () => {
    const reply = await run(timeline);
    const lines = entries(reply);
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('7 September 1979 · 🇯🇵 **Ōita** (Japan)');
    expect(lines[2]).toContain('8 October 1982');
    expect(body(reply).embeds[0]?.footer?.text).toMatch(new RegExp(`^Page 1/${pages()} · `));
  });

  it('pages with ◀ ▶ buttons that update the message', async () => {
    const first = await run(timeline);
    const [previous, next] = buttons(first);
    expect(previous).toMatchObject({ emoji: '◀', disabled: true });
    expect(next).toMatchObject({ emoji: '▶', customId: 'timeline:p:::2' });
    expect(next?.disabled).toBeFalsy();

    const second = await click(timeline, next!.customId.slice('timeline:'.length));
    expect(second.kind).toBe('update');
    if (second.kind !== 'update') return;
    expect(body(second.reply).embeds[0]?.footer?.text).toMatch(/^Page 2\//);
    expect(entries(second.reply)[0]).not.toBe(entries(first)[0]);
  });

  it('lists undated ties apart, as date not known, on the last page', async () => {
    const last = await click(timeline, `p:::${pages()}`);
    if (last.kind !== 'update') throw new Error('expected an update');
    const undated = body(last.reply).embeds[0]?.fields?.find((f) => f.name === 'Date not known');
    expect(undated?.value).toContain('Bishkek');
    expect(buttons(last.reply)[1]?.disabled).toBe(true);
  });

  it('marks ended ties and exchange cities', async () => {
    const all: string[] = [];
    for (let page = 1; page <= pages(); page++) {
      const result = await click(timeline, `p:::${page}`);
      if (result.kind === 'update') all.push(...entries(result.reply));
    }
    expect(all).toHaveLength(dated());
    expect(all.find((l) => l.includes('Arnhem'))).toContain('ended 2021');
    expect(all.find((l) => l.includes('San Francisco'))).toContain('exchange city');
  });

  it('lists a memorandum or a district tie apart, as what it is, with both dates where sources differ', async () => {
    const last = await click(timeline, `p:::${pages()}`);
    if (last.kind !== 'update') return expect.fail('no page');
    const others =
      body(last.reply).embeds[0]?.fields?.find((f) => f.name === 'Not partner cities, not counted above')?.value ?? '';
    expect(others).toContain(
      '19 August 2025 (memorandum) · 🇷🇺 **Kazan** (Russia) · _memorandum only, not a partner city_',
    );
    expect(others).toContain('**Graz District II (Geidorf)** (Austria) · _district tie, not a partner city_');
    const first = await run(timeline, { from: 2007, to: 2007 });
    expect(entries(first).find((l) => l.includes('Kópavogur'))).toContain(
      '29 September 2007 (declaration or letter of intent) · 🇮🇸 **Kópavogur** (Iceland) · _or 26 April 2008 (agreement)_',
    );
  });

  it('keeps to the years asked for', async () => {
    const reply = await run(timeline, { from: 2000, to: 2010 });
    const lines = entries(reply);
    expect(body(reply).embeds[0]?.title).toContain('2000–2010');
    expect(lines[0]).toContain('Cheongju');
    expect(lines.join('\n')).not.toContain('Duisburg');
    for (const line of lines) expect(Number(line.match(/\b(19|20)\d\d\b/)?.[0])).toBeGreaterThanOrEqual(2000);
  });

  it('names the range as asked: one year, from a year on, up to a year', async () => {
    const title = async (options: Record<string, number>, locale: 'en' | 'zh-CN' = 'en') =>
      body(await run(timeline, options, locale)).embeds[0]?.title;
    expect(await title({ to: 1979 })).toBe('Wuhan’s partner cities in 1979');
    expect(await title({ from: 1982, to: 1982 })).toBe('Wuhan’s partner cities in 1982');
    expect(await title({ from: 2010 })).toBe('Wuhan’s partner cities from 2010 on');
    expect(await title({ to: 1990 })).toBe('Wuhan’s partner cities up to 1990');
    expect(await title({ from: 1979 })).toBe('Wuhan’s partner cities over time');
    expect(await title({ to: 1979 }, 'zh-CN')).toBe('武汉友好城市时间线（1979年）');
    expect(await title({ from: 2010 }, 'zh-CN')).toBe('武汉友好城市时间线（2010年起）');
    expect(await title({ to: 1990 }, 'zh-CN')).toBe('武汉友好城市时间线（1990年及以前）');
    expect(entries(await run(timeline, { to: 1979 }))).toEqual(['7 September 1979 · 🇯🇵 **Ōita** (Japan)']);
  });

  it('says “none yet” for a range that runs on into the future with nothing in it', async () => {
    const reply = await run(timeline, { from: 2090 });
    expect(body(reply).embeds[0]?.description).toMatch(/^From 2090 on: none in the data yet\./);
    expect(body(await run(timeline, { from: 2090 }, 'zh-CN')).embeds[0]?.description).toMatch(
      /^2090年起：数据中暂无。/,
    );
    expect(body(await run(timeline, { from: 2090, to: 2095 })).embeds[0]?.description).toMatch(
      /^No partnership in the data was established in these years\./,
    );
  });

  it('explains a range that runs backwards', async () => {
    const reply = await run(timeline, { from: 2015, to: 2000 });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('`/timeline from:2000 to:2015`');
  });

  it('refuses years outside 1979–2100 and non-numbers clearly', async () => {
    for (const from of [1800, 3000, 'abc', 2000.5]) {
      const reply = await run(timeline, { from });
      expect(reply.ephemeral).toBe(true);
      expect(reply.content).toMatch(/1979 to 2100/);
    }
  });

  it('answers a forged page button sensibly', async () => {
    expect((await click(timeline, 'p:x:y:z')).kind).toBe('reply');
    const far = await click(timeline, 'p:::999');
    if (far.kind !== 'update') throw new Error('expected an update');
    expect(body(far.reply).embeds[0]?.footer?.text).toMatch(new RegExp(`^Page ${pages()}/${pages()}`));
  });

  it('uses Chinese dates for zh-CN', async () => {
    expect(entries(await run(timeline, {}, 'zh-CN'))[0]).toBe('1979年9月7日 · 🇯🇵 **大分市**（日本）');
  });
});
