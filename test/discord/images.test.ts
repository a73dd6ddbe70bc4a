// Images over the gateway: the router uploads a reply's files with the message (multipart), the
// embed shows them, and an edit that drops an image drops its file too.
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create.js';
import { commands } from '../../src/commands/index.js';
import { createRouter } from '../../src/discord/router.js';
import { createLogger } from '../../src/log.js';
import { createFakeDiscord } from '../helpers/discord.js';
import { decodePng, isPng } from '../images/png.js';

const app = createApp({ now: () => new Date('2026-11-27T12:00:00Z'), databasePath: ':memory:' });
const router = createRouter(app, commands, { log: createLogger({ level: 'error', write: () => {} }) });
const discord = createFakeDiscord();
afterAll(async () => {
  app.quiz.close();
  await discord.destroy();
});

describe('images in Discord', () => {
  it('/map uploads map.png with the reply, listed in the body and shown in the embed', async () => {
    const interaction = discord.chatInput('map', { continent: 'europe' });
    await router.handle(interaction);
    const [sent] = discord.recorded(interaction).filter((s) => s.kind === 'reply' || s.kind === 'editReply');
    expect(sent?.files.map((f) => f.name)).toEqual(['map.png']);
    expect(isPng(sent!.files[0]!.data)).toBe(true);
    expect(decodePng(sent!.files[0]!.data).width).toBe(1200);
    expect(sent?.data.attachments).toEqual([expect.objectContaining({ id: '0', description: expect.any(String) })]);
    expect(sent?.data.embeds[0].image).toEqual({ url: 'attachment://map.png' });
  });

  it('/timeline drops the chart, file and all, when paging on', async () => {
    const first = discord.chatInput('timeline');
    await router.handle(first);
    expect(discord.recorded(first)[0]?.files.map((f) => f.name)).toEqual(['timeline.png']);

    const next = discord.button('timeline:p:::2');
    await router.handle(next);
    const [update] = discord.recorded(next);
    expect(update?.kind).toBe('update');
    expect(update?.files).toEqual([]);
    expect(update?.data.attachments).toEqual([]);
    expect(update?.data.embeds[0].image).toBeUndefined();
  });
});
