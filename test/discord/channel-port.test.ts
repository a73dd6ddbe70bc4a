import { afterEach, expect, it } from 'vitest';
import { createChannelPort } from '../../src/discord/channel-port.js';
import { createFakeDiscord, type FakeDiscord } from '../helpers/discord.js';

let discord: FakeDiscord | undefined;
afterEach(async () => {
  await discord?.destroy();
});

it('posts a message in a channel and edits it later, mentions disabled, never ephemeral', async () => {
  const fake = (discord = createFakeDiscord());
  const port = createChannelPort(fake.client.rest);
  const ref = await port.send('1200000000000000009', {
    content: 'Round 1 @everyone',
    actions: [[{ type: 'button', customId: 'quiz:answer:1', label: 'A' }]],
    ephemeral: true,
  });
  expect(ref.channelId).toBe('1200000000000000009');
  expect(ref.messageId).toMatch(/^\d+$/);
  await port.edit(ref, { cards: [{ title: 'Round over' }] });

  const [post, patch] = fake.requests;
  expect(post).toMatchObject({ method: 'POST', path: '/channels/1200000000000000009/messages', authorized: true });
  expect(post?.body).toMatchObject({ content: 'Round 1 @everyone', allowed_mentions: { parse: [] } });
  expect(post?.body).not.toHaveProperty('flags');
  expect(patch).toMatchObject({ method: 'PATCH', path: `/channels/1200000000000000009/messages/${ref.messageId}` });
  expect(patch?.body).toMatchObject({
    content: '',
    embeds: [expect.objectContaining({ title: 'Round over' })],
    components: [],
  });
});
