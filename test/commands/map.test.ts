// /map, and the images /city and /timeline attach: what a user gets in Discord (an embed showing an
// attached PNG, a legend, the sources) and what the console prints for it.
import { describe, expect, it } from 'vitest';
import { command as city } from '../../src/commands/city.js';
import { command as map } from '../../src/commands/map.js';
import { command as timeline } from '../../src/commands/timeline.js';
import { renderText } from '../../src/render/text.js';
import type { Reply } from '../../src/reply/reply.js';
import { decodePng, isPng } from '../images/png.js';
import { app, body, click, field, run, visibleText } from './context.js';

const MEGABYTE = 1024 * 1024;

function attachedPng(reply: Reply, name: string) {
  const file = reply.files?.find((f) => f.name === name);
  expect(file, `file ${name}`).toBeDefined();
  expect(isPng(file!.data)).toBe(true);
  expect(file!.data.byteLength).toBeLessThan(MEGABYTE);
  return decodePng(file!.data);
}

describe('/map', () => {
  it('answers with a card that shows the attached world map, and lists the attachment in the body', async () => {
    const reply = await run(map);
    const png = attachedPng(reply, 'map.png');
    expect(png.width).toBe(1200);
    const message = body(reply);
    expect(message.embeds[0]?.image).toEqual({ url: 'attachment://map.png' });
    expect(message.attachments).toEqual([{ id: 0, filename: 'map.png', description: expect.stringContaining('map') }]);
  });

  it('explains the picture: legend, numbered names, what is not drawn, and the sources', async () => {
    const reply = await run(map);
    expect(field(reply, 'Legend')).toContain('Red point: Wuhan');
    expect(field(reply, 'Legend')).toContain('Dashed lines');
    expect(field(reply, 'Not drawn')).toContain('Essonne');
    expect(field(reply, 'Sources')).toContain('https://www.geonames.org/');
    expect(field(reply, 'Sources')).toContain('Natural Earth');
    expect(field(reply, 'Numbered on the map')).toMatch(/^\*\*1\*\* /);
    // Partner cities only (37 with coordinates since the second audit); a memorandum or a district tie is named apart.
    expect(visibleText(reply)).toContain('37 partner cities are drawn');
    expect(field(reply, 'Not partner cities, not drawn')).toMatch(
      /Kazan \(memorandum only\).*Graz District II \(Geidorf\) \(district tie\)|Graz District II \(Geidorf\) \(district tie\).*Kazan \(memorandum only\)/,
    );
  });

  it('draws a memorandum only when asked for by name, in grey, saying it is not a partner city', async () => {
    const reply = await run(map, { city: 'Kazan' });
    expect(field(reply, 'Legend')).toContain(
      'Grey point: a memorandum, letter of intent or district-level tie, not a partner city',
    );
    expect(visibleText(reply)).toContain(
      'Drawn: 37 partner cities, plus Kazan, the chosen city, which is not a partner city (memorandum only).',
    );
  });

  it('filters by continent and tier, and says when nothing is left to draw', async () => {
    const europe = await run(map, { continent: 'europe' });
    expect(visibleText(europe)).toMatch(/\b14 partner cities are drawn/);
    const exchangeInAfrica = await run(map, { continent: 'africa', tier: 'exchange' });
    expect(exchangeInAfrica.files).toBeUndefined();
    expect(exchangeInAfrica.ephemeral).toBe(true);
    expect(exchangeInAfrica.content).toContain('No partner city');
  });

  it('highlights a chosen city, even outside the filters', async () => {
    const reply = await run(map, { continent: 'europe', city: 'Sydney' });
    expect(field(reply, 'Legend')).toContain('Sydney, the chosen city');
    // Sydney is in Oceania: counted apart, so "Europe only" stays true.
    const partner = (c: { tier: string }) => c.tier === 'friendship' || c.tier === 'exchange';
    const europe = app().data.cities.filter(
      (c) => c.country.continent === 'Europe' && c.coordinates && partner(c),
    ).length;
    expect(visibleText(reply)).toContain(
      `Drawn: ${europe} partner cities (Europe only), plus Sydney, the chosen city.`,
    );
    const zh = visibleText(await run(map, { continent: 'asia', city: 'Sydney' }, 'zh-CN'));
    const asia = app().data.cities.filter((c) => c.country.continent === 'Asia' && c.coordinates && partner(c)).length;
    expect(zh).toContain(`图中有${asia}个友好城市（仅亚洲），另加所选城市`);
  });

  it('says so when the chosen city cannot be drawn', async () => {
    const reply = await run(map, { city: 'Essonne' });
    expect(visibleText(reply)).toContain('Essonne has no coordinates, so it cannot be shown on the map.');
    expect(reply.files).toHaveLength(1);
  });

  it('offers a menu for an unclear city that draws the map with the other filters kept', async () => {
    const reply = await run(map, { city: 'Duisberg xyz', color: 'decade' });
    expect(reply.ephemeral).toBe(true);
    const select = reply.actions?.flat().find((a) => a.type === 'select');
    if (select?.type !== 'select') return expect.fail('no select menu');
    expect(select.customId).toBe('map:pick:::decade');
    const picked = await click(map, select.customId.slice('map:'.length), [select.options[0]!.value]);
    expect(picked.kind).toBe('update');
    if (picked.kind !== 'update') return;
    expect(picked.reply.files?.[0]?.name).toBe('map.png');
    expect(field(picked.reply, 'Legend')).toContain('decade');
  });

  it('answers a stale or forged menu with a short private note', async () => {
    expect((await click(map, 'pick:::tier', ['atlantis'])).kind).toBe('reply');
    expect((await click(map, 'nonsense', ['duisburg'])).kind).toBe('reply');
  });

  it('names decades in Chinese the way the cards do', async () => {
    const legend = field(await run(map, { color: 'decade' }, 'zh-CN'), '图例');
    expect(legend).toContain('20世纪70年代');
    expect(legend).toContain('2010年代');
    expect(legend).not.toContain('21世纪');
    expect(field(await run(map, { color: 'decade' }), 'Legend')).toContain('1970s');
  });

  it('speaks Chinese in zh-CN, in the card and in the image', async () => {
    const reply = await run(map, {}, 'zh-CN');
    expect(field(reply, '图例')).toContain('红点：武汉');
    attachedPng(reply, 'map.png');
    const english = await run(map, {}, 'en');
    expect(reply.files![0]!.data).not.toEqual(english.files![0]!.data);
  });

  it('serves a repeated request from the cache: the very same image', async () => {
    const first = await run(map, { color: 'decade' });
    const again = await run(map, { color: 'decade' });
    expect(again.files![0]!.data).toBe(first.files![0]!.data);
  });

  it('suggests cities for the city option', () => {
    const choices = map.autocomplete!({ name: 'city', value: 'duis' }, { options: {} }, { app: app() } as never);
    expect(choices[0]?.value).toBe('duisburg');
  });
});

describe('/city with its map', () => {
  it('shows the arc from Wuhan and the great-circle distance', async () => {
    const reply = await run(city, { name: 'Duisburg' });
    expect(body(reply).embeds[0]?.image).toEqual({ url: 'attachment://map-duisburg.png' });
    attachedPng(reply, 'map-duisburg.png');
    expect(field(reply, 'Distance from Wuhan')).toMatch(/^8,\d{3} km along the great circle$/);
  });

  it('cites GeoNames for the coordinates among the card’s sources', async () => {
    expect(field(await run(city, { name: 'Daegu' }), 'Sources')).toContain(
      '[GeoNames: Daegu](https://www.geonames.org/1835329)',
    );
  });

  it('has no map for Essonne, and says why', async () => {
    const reply = await run(city, { name: 'Essonne' });
    expect(reply.files).toBeUndefined();
    expect(body(reply).embeds[0]?.image).toBeUndefined();
    expect(field(reply, 'Distance from Wuhan')).toContain('no coordinates');
  });

  it('keeps the map when a city is picked from the did-you-mean menu', async () => {
    const picked = await click(city, 'pick', ['oita'], 'zh-CN');
    if (picked.kind !== 'update') return expect.fail('expected an update');
    expect(picked.reply.files?.[0]?.name).toBe('map-oita.png');
    expect(field(picked.reply, '与武汉的距离')).toMatch(/^大圆距离[\d,]+公里$/);
  });
});

describe('/timeline with its chart', () => {
  it('attaches the chart to the first page only', async () => {
    const first = await run(timeline);
    const png = attachedPng(first, 'timeline.png');
    expect(png.width).toBe(1200);
    expect(body(first).embeds[0]?.image).toEqual({ url: 'attachment://timeline.png' });
    const second = await click(timeline, 'p:::2');
    if (second.kind !== 'update') return expect.fail('expected an update');
    expect(second.reply.files).toBeUndefined();
    expect(body(second.reply).embeds[0]?.image).toBeUndefined();
  });

  it('draws a chart for a range too, and none for a bad one or an empty one', async () => {
    attachedPng(await run(timeline, { from: 2000, to: 2010 }), 'timeline.png');
    expect((await run(timeline, { from: 2010, to: 2000 })).files).toBeUndefined();
    const empty = await run(timeline, { from: 2090 });
    expect(empty.files).toBeUndefined();
    expect(body(empty).embeds[0]?.image).toBeUndefined();
  });
});

describe('images in the console', () => {
  it('say that an image was made and how to save it', async () => {
    const text = renderText(await run(map));
    expect(text).toContain('[image map.png: add --out DIR to save it]');
  });

  it('name the file where it was saved', async () => {
    const text = renderText(await run(map), { savedFiles: { 'map.png': 'out/map.png' } });
    expect(text).toContain('[image map.png: saved as out/map.png]');
  });
});
