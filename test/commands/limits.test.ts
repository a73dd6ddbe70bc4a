// Every reply must reach Discord whole: within its limits, and without the renderer having to cut it.
import { describe, expect, it } from 'vitest';
import { command as count } from '../../src/commands/count.js';
import { command as cooperation } from '../../src/commands/cooperation.js';
import { command as country } from '../../src/commands/country.js';
import { command as timeline } from '../../src/commands/timeline.js';
import { command as about } from '../../src/commands/about.js';
import { helpCommand } from '../../src/commands/help.js';
import { commands } from '../../src/commands/index.js';
import { TOPICS } from '../../src/domain/facts/cooperation.js';
import { LOCALES } from '../../src/i18n/index.js';
import { LIMITS } from '../../src/render/discord.js';
import { cityReply } from '../../src/views/city.js';
import type { Reply } from '../../src/reply/reply.js';
import { app, body, click, embedLength, NOW, run } from './context.js';

const help = helpCommand(() => commands);

/** Within Discord's limits, and nothing dropped or cut on the way (the view fitted it itself). */
function expectFits(reply: Reply) {
  const b = body(reply);
  const total = b.embeds.reduce((n, e) => n + embedLength(e), 0);
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  reply.cards?.forEach((card, i) => {
    const embed = b.embeds[i]!;
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
    expect(embed.fields?.map((f) => f.name) ?? []).toEqual(card.fields?.map((f) => f.name) ?? []);
    expect(embed.fields?.map((f) => f.value) ?? []).toEqual(card.fields?.map((f) => f.value) ?? []);
    expect(embed.description).toBe(card.description);
    for (const f of embed.fields ?? []) expect(Array.from(f.value).length).toBeLessThanOrEqual(LIMITS.fieldValue);
  });
}

describe('Discord limits', () => {
  for (const locale of LOCALES) {
    it(`every city card fits, sources included (${locale})`, () => {
      for (const city of app().data.cities) {
        const reply = cityReply(city, app().data, NOW, locale);
        expectFits(reply);
        const sourcesName = locale === 'en' ? 'Sources' : '来源';
        const sources = body(reply).embeds[0]!.fields!.find((f) => f.name === sourcesName);
        expect(sources?.value, city.id).toMatch(/\]\(https?:/);
      }
    });

    it(`every other reply fits (${locale})`, async () => {
      const replies: Reply[] = [
        await run(count, {}, locale),
        await run(count, { tier: 'friendship' }, locale),
        await run(about, {}, locale),
        await run(help, {}, locale),
        await run(cooperation, {}, locale),
      ];
      for (const topic of TOPICS) replies.push(await run(cooperation, { topic }, locale));
      for (const city of app().data.cities) replies.push(await run(cooperation, { city: city.id }, locale));
      for (const c of new Set(app().data.cities.map((x) => x.country.code))) {
        replies.push(await run(country, { name: c }, locale), await run(count, { country: c }, locale));
      }
      for (let page = 1; page <= 5; page++) {
        const result = await click(timeline, `p:::${page}`, [], locale);
        if (result.kind !== 'none') replies.push(result.reply);
      }
      replies.forEach(expectFits);
    });
  }
});
