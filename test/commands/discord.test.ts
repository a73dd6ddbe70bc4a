// The same commands through the Discord router, on fake interactions: what Discord itself receives.
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { createRouter } from '../../src/discord/router.js';
import { createLogger } from '../../src/log.js';
import { createFakeDiscord } from '../helpers/discord.js';
import { app } from './context.js';

const discord = createFakeDiscord();
const router = createRouter(app(), commands, { log: createLogger({ level: 'error', write: () => {} }) });
afterAll(() => discord.destroy());

describe('through Discord', () => {
  it('/city in a Chinese client answers with a Chinese card and no pingable mentions', async () => {
    const i = discord.chatInput('city', { name: 'Duisburg' }, { locale: 'zh-CN', guildLocale: 'zh-CN' });
    await router.handle(i);
    const [sent] = discord.recorded(i);
    expect(sent?.kind).toBe('reply');
    expect(sent?.data.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(sent?.data.embeds)).toContain('1982年10月8日');
  });

  it('a did-you-mean menu turns into the chosen card in place', async () => {
    const ask = discord.chatInput('city', { name: 'Bor' });
    await router.handle(ask);
    const menu = discord.recorded(ask)[0]?.data.components[0].components[0];
    expect(menu.custom_id).toBe('city:pick');

    const pick = discord.select('city:pick', ['borlange']);
    await router.handle(pick);
    const [update] = discord.recorded(pick);
    expect(update?.kind).toBe('update');
    expect(update?.data.embeds[0].title).toContain('Borlänge');
    expect(update?.data.content).toBe(''); // the question goes away
    expect(update?.data.components).toEqual([]);
  });

  it('timeline buttons page the message', async () => {
    const next = discord.button('timeline:p:::2');
    await router.handle(next);
    const [update] = discord.recorded(next);
    expect(update?.kind).toBe('update');
    expect(update?.data.embeds[0].footer.text).toMatch(/^Page 2\//);
  });

  it('autocomplete offers cities by any name', async () => {
    const typing = discord.autocomplete('city', 'name', { name: '大分' });
    await router.handle(typing);
    expect(discord.recorded(typing)[0]?.data.choices[0]).toEqual({ name: 'Ōita · 大分市 (Japan)', value: 'oita' });
  });
});
